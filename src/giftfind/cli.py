"""The ``giftfind`` command: a thin typer layer over :mod:`giftfind.core`.

Each command parses its options, makes one library call, renders with
:mod:`giftfind.output` and returns an exit code. Only this module knows about the
terminal: stdout carries data, stderr progress and warnings.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from typer.core import TyperGroup

from . import core
from ._version import __version__
from .choices import FORMATS, SORTS
from .config import parse_duration
from .errors import ExitCode, GiftfindError, UsageError

if TYPE_CHECKING:
    from .types import FeedOutcome

# output (and what it needs) is imported where used: a search answered from the
# answer cache prints what it kept without rendering anything.

F = TypeVar("F", bound=Callable[..., Any])

Format = Enum("Format", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]
Sort = Enum("Sort", {name: name for name in SORTS}, type=str)  # type: ignore[misc]


class _DefaultGroup(TyperGroup):
    """Makes ``giftfind QUERY`` mean ``giftfind search QUERY`` (fastapi/typer#18).

    Options may come before the command or the query: the first word that is not
    an option (or an option's value) decides. If it names a command it is moved
    to the front; otherwise ``search`` is inserted. ``giftfind search refresh``
    searches for the word "refresh".
    """

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = self._route(args)
        return super().parse_args(ctx, args)

    def _route(self, args: list[str]) -> list[str]:
        takes_value: set[str] = set()
        for command in self.commands.values():
            for param in command.params:
                if (
                    param.param_type_name == "option"
                    and not getattr(param, "is_flag", False)
                    and not getattr(param, "count", False)
                ):
                    takes_value.update(param.opts)
                    takes_value.update(param.secondary_opts)
        i = 0
        while i < len(args):
            arg = args[i]
            if arg == "--":
                break
            if arg.startswith("-") and len(arg) > 1:
                i += 2 if arg in takes_value else 1
                continue
            if arg in self.commands:
                return [arg, *args[:i], *args[i + 1 :]]
            break
        return ["search", *args]


app = typer.Typer(
    cls=_DefaultGroup,
    name="giftfind",
    help=(
        "Find an article worth sending with a thank-you letter.\n\n"
        'giftfind "sailing, Chicago" ranks the articles of the feeds in feeds.yaml '
        "against each comma-separated interest and prints a shortlist."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _err(message: str) -> None:
    from .text import clean

    typer.echo(clean(message), err=True)


def _handle_errors(func: F) -> F:
    """Turn errors into one line on stderr and an exit code; --debug shows the traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = bool(kwargs.get("debug"))
        if debug:
            import logging

            logging.basicConfig(level=logging.DEBUG, format="%(name)s: %(message)s")
        try:
            return func(*args, **kwargs)
        except GiftfindError as e:
            if debug:
                raise
            _err(f"giftfind: {e}")
            raise typer.Exit(int(e.exit_code)) from None
        except KeyboardInterrupt:
            _err("giftfind: interrupted")
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except Exception as e:
            if debug:
                raise
            _err(f"giftfind: internal error ({type(e).__name__}: {e}); rerun with --debug")
            raise typer.Exit(int(ExitCode.INTERNAL)) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"giftfind {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Find an article worth sending with a thank-you letter."""


# Options shared by every command.
FeedsOpt = Annotated[
    Path | None,
    typer.Option(
        "--feeds",
        envvar="GIFTFIND_FEEDS",
        help="feeds.yaml to use (default: ./feeds.yaml, then the user config dir, "
        "then the packaged list).",
        show_default=False,
        dir_okay=False,
    ),
]
CacheOpt = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir",
        envvar="GIFTFIND_CACHE_DIR",
        help="Where articles and the index are stored (default: the user cache dir).",
        show_default=False,
        file_okay=False,
    ),
]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks and debug logs.")]

# Options of every command that searches (search, and in cli_people: for, digest, batch).
LimitOpt = Annotated[
    int | None,
    typer.Option("--limit", "-n", min=1, max=1000, help="How many articles (default: 5)."),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Short for --format json.")]
SinceOpt = Annotated[
    str | None,
    typer.Option("--since", help="Only articles published within this long, e.g. 30d."),
]
MaxAgeOpt = Annotated[
    str | None,
    typer.Option(
        "--max-age", help="Refresh first when the store is older than this (default: 6h)."
    ),
]
SortOpt = Annotated[
    Sort,
    typer.Option(
        "--sort",
        help="hybrid: relevance with a mild preference for recent articles; "
        "relevance: dates only break ties; recent: newest matches first.",
        case_sensitive=False,
    ),
]
ExcludeOpt = Annotated[
    str | None,
    typer.Option(
        "--exclude", help='Drop articles matching these interests, e.g. "politics, crime".'
    ),
]
ExplainOpt = Annotated[bool, typer.Option("--explain", help="Show how each score was made.")]
RefreshOpt = Annotated[bool, typer.Option("--refresh", help="Refresh every feed before searching.")]
OfflineOpt = Annotated[bool, typer.Option("--offline", help="Never fetch; search what is stored.")]


def _store_dir(cache_dir: Path | None) -> Path:
    """The store's directory: --cache-dir, else the default."""
    return cache_dir if cache_dir is not None else core.default_cache_dir()


def _echo(text: str) -> None:
    """Write data to stdout now; a reader that went away (``| head``) ends quietly."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
        raise typer.Exit(0) from None


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that Python's flush at exit does not complain."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _refresh_or_offline(refresh: bool, offline: bool) -> None:
    """The searching commands' --refresh and --offline contradict each other."""
    if refresh and offline:
        raise UsageError("--refresh and --offline cannot be used together")


def _duration(value: str | None, option: str) -> timedelta | None:
    if value is None:
        return None
    try:
        return parse_duration(value)
    except UsageError as e:
        raise UsageError(f"{option}: {e}") from None


class _LazyBar:
    """A progress bar on stderr that appears only once there is progress to show."""

    def __init__(self, total: int) -> None:
        self.total = total
        self._bar: Any = None

    def __call__(self, outcome: FeedOutcome) -> None:
        if self.total < 2 or not sys.stderr.isatty():
            return
        if self._bar is None:
            self._bar = typer.progressbar(
                length=self.total, label="Refreshing feeds", file=sys.stderr, show_pos=True
            )
            self._bar.__enter__()
        self._bar.update(1)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


def _warn_failures(outcomes: Iterable[FeedOutcome], *, verbose: bool = False) -> None:
    """One line per failing feed; notes (a feed moved, is gone) too; with ``verbose``,
    also why a feed was skipped."""
    for o in outcomes:
        if o.status == "failed":
            extra = f" ({o.note})" if o.note else ""
            _err(f"giftfind: warning: feed {o.feed!r}: {o.error}{extra}")
        elif o.note and (o.status != "not_due" or verbose):
            _err(f"giftfind: note: feed {o.feed!r}: {o.note}")


@app.command()
@_handle_errors
def search(
    query: Annotated[str, typer.Argument(help='Interests, comma-separated: "sailing, Chicago".')],
    limit: LimitOpt = None,
    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", help="Output format.", case_sensitive=False),
    ] = Format.table,  # type: ignore[attr-defined]
    as_json: JsonFlag = False,
    since: SinceOpt = None,
    max_age: MaxAgeOpt = None,
    sort: SortOpt = Sort.hybrid,  # type: ignore[attr-defined]
    exclude: ExcludeOpt = None,
    explain: ExplainOpt = False,
    refresh: RefreshOpt = False,
    offline: OfflineOpt = False,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            help="Your own letter template (implies --format letter), with fields {name} "
            "{interest} {title} {source} {url} {published} {summary}.",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    feeds: FeedsOpt = None,
    cache_dir: CacheOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Search stored articles for QUERY (this is the default command)."""
    _refresh_or_offline(refresh, offline)
    fmt = Format.json if as_json else fmt  # type: ignore[attr-defined]
    if template is not None:
        if fmt.value not in ("table", "letter"):
            raise UsageError("--template is for --format letter")
        fmt = Format.letter  # type: ignore[attr-defined]
    from .cli_people import read_template

    letter = read_template(template)
    width = _columns()
    since_td = _duration(since, "--since")
    max_age_td = _duration(max_age, "--max-age")
    # Everything that shapes what is printed, for the answer cache.
    shape = {
        "limit": limit,
        "format": fmt.value,
        "width": width if fmt.value == "table" else None,
        "since": since,
        "max_age": max_age,
        "sort": sort.value,
        "exclude": exclude,
        "explain": explain,
        # An offline answer never fetched the search feeds ({query}) a normal one would.
        "offline": offline,
        # Recency moves: an answer that prefers recent articles holds for the day.
        "day": None if sort.value == "relevance" else datetime.now(UTC).date().isoformat(),
    }
    # A templated answer is not kept: the template file may change between searches.
    key = None if refresh or template is not None else core.answer_key(query, shape, feeds)
    if key is not None:
        kept = core.recall_answer(key, cache_dir, offline=offline)
        if kept is not None:
            _emit(kept)
            return kept.code
    from .output import render

    store_dir = _store_dir(cache_dir)
    config = core.load(feeds, cache_dir=store_dir)
    bar = _LazyBar(len(config.feeds))
    try:
        response = core.search_response(
            query,
            limit=limit,
            cache_dir=store_dir,
            max_age=max_age_td,
            since=since_td,
            offline=offline,
            refresh=refresh,
            exclude=exclude or (),
            sort=sort.value,
            explain=explain,
            config=config,
            on_feed=bar,
        )
    finally:
        bar.close()
    _warn_failures(response.outcomes)
    notes = [f"giftfind: {notice}" for notice in response.notices]
    if not response.results:
        # JSON still prints its document, with an empty "results" list.
        asked = ", ".join(response.interests)
        asked = asked if len(asked) <= 200 else asked[:200] + "…"  # a 10 KB query: one short line
        notes.append(f"giftfind: no matching articles for {asked}")
    answer = core.Answer(
        stdout=render(response, fmt.value, width=width, template=letter),
        stderr="".join(f"{line}\n" for line in notes),
        code=int(ExitCode.OK if response.results else ExitCode.NO_RESULTS),
    )
    if key is not None:
        # What a replay prints: the same, but saying it came from the cache.
        replay = render(replace(response, cached=True), fmt.value, width=width)
        core.remember_answer(key, store_dir, replace(answer, stdout=replay), response)
    _emit(answer)
    return answer.code


def _columns() -> int:
    """The terminal's width: $COLUMNS, else the terminal's, else 100 (shutil's rules,
    without importing shutil)."""
    import os

    try:
        return max(1, int(os.environ["COLUMNS"]))
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 100


def _emit(answer: core.Answer) -> None:
    """Print an answer; a non-zero code ends the command with it."""
    from .text import clean

    if answer.stdout:
        sys.stdout.write(answer.stdout)
        sys.stdout.flush()
    for line in answer.stderr.splitlines():
        typer.echo(clean(line), err=True)
    if answer.code:
        raise typer.Exit(answer.code)


@app.command("refresh")
@_handle_errors
def refresh_command(
    all_feeds: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Fetch every feed now, due or not (a server that asked for a pause gets it).",
        ),
    ] = False,
    retention_days: Annotated[
        int | None,
        typer.Option(
            "--retention-days", min=0, help="Drop articles older than this (0 keeps all)."
        ),
    ] = None,
    wait: Annotated[
        float,
        typer.Option("--wait", min=0, help="Seconds to wait for another refresh to finish."),
    ] = 0.0,
    watch: Annotated[
        bool,
        typer.Option("--watch", help="Keep refreshing in the foreground until Ctrl-C or SIGTERM."),
    ] = False,
    every: Annotated[
        str,
        typer.Option("--every", help="With --watch: how often to look for due feeds."),
    ] = "15m",
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Print a summary even when all went well.")
    ] = False,
    feeds: FeedsOpt = None,
    cache_dir: CacheOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Fetch the feeds that are due and store new articles, without searching (for cron)."""
    store_dir = _store_dir(cache_dir)
    period = _duration(every, "--every")
    assert period is not None
    if not watch:
        return _refresh_once(feeds, store_dir, all_feeds, retention_days, wait, verbose)
    import signal
    import time

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        while True:
            try:
                _refresh_once(feeds, store_dir, all_feeds, retention_days, wait, verbose)
            except typer.Exit:
                pass  # failures were reported; keep watching
            except GiftfindError as e:
                _err(f"giftfind: {e}")  # locked, a config error being fixed...: try again later
            all_feeds = False  # --all applies to the first round only
            time.sleep(max(1.0, period.total_seconds()))
    except KeyboardInterrupt:
        _err("giftfind: stopped watching")
        return 0


def _refresh_once(
    feeds: Path | None,
    store_dir: Path,
    force: bool,
    retention_days: int | None,
    wait: float,
    verbose: bool,
) -> int:
    config = core.load(feeds, cache_dir=store_dir)
    outcomes = []
    bar = _LazyBar(len(config.feeds))
    try:
        for outcome in core.refresh_iter(
            config=config,
            cache_dir=store_dir,
            retention_days=retention_days,
            wait=wait,
            force=force,
        ):
            outcomes.append(outcome)
            bar(outcome)
    finally:
        bar.close()
    _warn_failures(tuple(outcomes), verbose=verbose)
    failed = any(o.status == "failed" for o in outcomes)
    if verbose or failed:
        from .output import summarize_outcomes

        _err(f"giftfind: {summarize_outcomes(outcomes)}")
    if failed:
        raise typer.Exit(int(ExitCode.FEEDS_FAILED))
    return 0


#: The commands the core of the command line has: a command line that names none of
#: the others runs without them, since typer inspects every registered command's
#: signature before it runs one (some 60 ms for the twenty of cli_feeds and cli_people,
#: on a search that otherwise takes a few hundred).
CORE_COMMANDS = ("search", "refresh")


def _app_for(argv: list[str]) -> typer.Typer:
    """``app`` itself, or when ``argv`` can only mean a search or a refresh, a copy
    holding just those commands."""
    names = {_command_name(c) for c in app.registered_commands}
    names |= {g.name or g.typer_instance.info.name for g in app.registered_groups}  # type: ignore[union-attr,misc]
    others = names - set(CORE_COMMANDS)
    if not argv or any(a in others or a in ("--help", "-h") for a in argv):
        return app
    light = object.__new__(typer.Typer)  # a shallow copy, without importing copy
    light.__dict__.update(app.__dict__)
    light.registered_commands = [
        c for c in app.registered_commands if _command_name(c) in CORE_COMMANDS
    ]
    light.registered_groups = []
    return light


def _command_name(info: Any) -> str:
    return str(info.name or info.callback.__name__.replace("_", "-"))


def main(argv: list[str] | None = None) -> NoReturn:
    """Entry point of the ``giftfind`` console script."""
    args = sys.argv[1:] if argv is None else argv
    try:
        result = _app_for(args)(args=args, prog_name="giftfind", standalone_mode=False)
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except typer.Abort:
        _err("giftfind: interrupted")
        sys.exit(int(ExitCode.INTERRUPTED))
    except typer.TyperException as e:
        show = getattr(e, "show", None)
        if show is not None:
            show()
        else:
            _err(f"giftfind: {e.format_message()}")
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        _err("giftfind: interrupted")
        sys.exit(int(ExitCode.INTERRUPTED))
    except BrokenPipeError:
        # The reader went away (giftfind ... | head): not an error worth a traceback.
        _quiet_stdout()
        sys.exit(0)
    except Exception as e:
        if "--debug" in (argv if argv is not None else sys.argv):
            raise
        _err(f"giftfind: internal error ({type(e).__name__}: {e}); rerun with --debug")
        sys.exit(int(ExitCode.INTERNAL))
    sys.exit(result if isinstance(result, int) else 0)


def run() -> NoReturn:
    """Entry point of the ``giftfind`` console script and ``python -m giftfind``:
    :func:`main`, then a quick exit.

    Python's teardown after a search (freeing every module's objects, stopping
    numpy's BLAS threads) takes 40-60 ms, a fifth of a new search, for memory
    the system frees at once. So once the answer is written, stdout and stderr
    are flushed, the stores closed and the exit handlers run (logging,
    multiprocessing), and the process ends with ``os._exit``. Where a thread
    that is not a daemon still runs, the normal exit waits for it. (``main``
    itself exits normally: tests and embedders call it in their own process.)
    """
    import os

    # giftfind multiplies no matrix worth a thread pool, and the threads OpenBLAS
    # starts when numpy is imported spin for ~0.1 s of CPU on the other cores
    # (which a refresh's workers use). The user's own setting wins.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        main()
    except SystemExit as e:
        code = e.code
    else:  # pragma: no cover  (main always exits)
        code = 0
    _exit_now(code)


def _exit_now(code: object) -> NoReturn:
    import atexit
    import contextlib
    import os
    import threading

    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message"): the message, and status 1
        _err(str(code))
        status = 1
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # closed when Python started (>&- or 2>&-)
            continue
        try:
            stream.flush()
        except (OSError, ValueError):
            if stream is sys.stdout:
                _quiet_stdout()
    others = [t for t in threading.enumerate() if t is not threading.main_thread()]
    if (
        any(t.is_alive() and not t.daemon for t in others)
        # A profiler or tracer (python -m cProfile -m giftfind) writes its
        # results at the normal exit.
        or sys.gettrace() is not None
        or sys.getprofile() is not None
    ):
        sys.exit(status)
    # Every change is committed by now; closing only tidies up (a failure here
    # would otherwise be a traceback after the command's answer).
    with contextlib.suppress(Exception):
        core.close_stores()
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_handlers is None:  # pragma: no cover  (not CPython)
        sys.exit(status)
    run_exit_handlers()
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.flush()
    os._exit(status & 0xFF)


# The other commands live in modules beside this one and reuse its options and
# error handling, so they are registered once everything above is defined.
from . import cli_feeds as _cli_feeds  # noqa: E402
from . import cli_people as _cli_people  # noqa: E402

_cli_feeds.register(app)
_cli_people.register(app)
