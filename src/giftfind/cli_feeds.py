"""``giftfind feeds ...`` and ``giftfind schedule``: managing feeds.yaml and its refreshes.

Part of the command line (imported by :mod:`giftfind.cli`, which registers these
commands): thin wrappers over :mod:`giftfind.manage` and :mod:`giftfind.core`.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated

import typer

from . import core
from .cli import (
    CacheOpt,
    DebugOpt,
    FeedsOpt,
    _columns,
    _duration,
    _echo,
    _err,
    _handle_errors,
    _store_dir,
)
from .errors import ExitCode, UsageError

feeds_app = typer.Typer(
    name="feeds",
    help="List, add, remove, check, import and export the feeds in feeds.yaml.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def register(app: typer.Typer) -> None:
    """Add ``feeds`` and ``schedule`` to the main command."""
    app.add_typer(feeds_app)
    app.command("schedule")(schedule_command)


def _editable(feeds: Path | None) -> Path:
    """The feeds file an edit applies to: the one named, else the one a search would read.

    The list shipped with giftfind is never edited: it is copied to the user config
    dir first (and the user told), and that copy is what searches read from then on.
    """
    from .config import find_config, user_config_dir, writable_config

    if feeds is not None:
        return feeds  # named explicitly (--feeds or $GIFTFIND_FEEDS): may be created
    path = find_config(None)
    if (Path.cwd() / "feeds.yaml").is_file() or (user_config_dir() / "feeds.yaml").is_file():
        return path
    target = writable_config(path)
    if target != path:
        _err(f"giftfind: copied the default feeds list to {target} to edit it")
    return target


@feeds_app.command("list")
@_handle_errors
def list_command(as_json: JsonOpt = False, feeds: FeedsOpt = None, debug: DebugOpt = False) -> int:
    """List the feeds of feeds.yaml: name, tags, URL."""
    from .output import render_feed_list

    config = core.load(feeds)
    _err(f"giftfind: {len(config.feeds)} feeds in {config.path}")
    _echo(render_feed_list(config.feeds, "json" if as_json else "table", width=_columns()))
    return 0


@feeds_app.command("add")
@_handle_errors
def add_command(
    url: Annotated[str, typer.Argument(help="A feed's URL, a web page announcing one, or a file.")],
    name: Annotated[
        str | None, typer.Option("--name", help="Display name (default: the feed's title).")
    ] = None,
    tags: Annotated[
        str | None, typer.Option("--tags", help='Comma-separated tags, e.g. "sailing,chicago".')
    ] = None,
    pick: Annotated[
        int | None,
        typer.Option("--pick", min=1, help="When the page announces several feeds: which one."),
    ] = None,
    feeds: FeedsOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Fetch URL and add it to feeds.yaml (finding the feed when URL is a web page)."""
    from . import manage

    path = _editable(feeds)
    if "://" not in url:
        url = str(Path(url).expanduser().resolve())  # relative to here, not to the feeds file
    tag_list = [t.strip() for t in (tags or "").split(",") if t.strip()]
    added = manage.add_feed(path, url, name=name, tags=tag_list, pick=pick)
    found = f"{added.format}, {added.items} items"
    if added.newest is not None:
        found += f", newest {added.newest:%Y-%m-%d}"
    origin = f" (announced by {added.discovered_from})" if added.discovered_from else ""
    _err(
        f"giftfind: added {added.name!r} <{added.url}>{origin} to {path}: {found}; "
        "the next search or refresh fetches it"
    )
    return 0


@feeds_app.command("remove")
@_handle_errors
def remove_command(
    name: Annotated[str, typer.Argument(help="The feed's name (any case).")],
    feeds: FeedsOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Remove a feed from feeds.yaml (comments and the other entries stay as they are)."""
    from . import manage

    path = _editable(feeds)
    removed = manage.remove_feed(path, name)
    _err(
        f"giftfind: removed {removed.name!r} <{removed.url}> from {path}; searches no longer "
        "show its articles, and the stored ones expire with the retention period"
    )
    return 0


@feeds_app.command("check")
@_handle_errors
def check_command(
    names: Annotated[
        list[str] | None, typer.Argument(help="Feeds to check (default: all).", show_default=False)
    ] = None,
    as_json: JsonOpt = False,
    feeds: FeedsOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Fetch feeds now and report what each holds: format, items, newest date, problems.

    Nothing is stored. Exits 3 when some feed could not be read or held nothing.
    """
    from . import manage
    from .output import render_check

    config = core.load(feeds)
    reports = manage.check_feeds(config, names or ())
    _echo(render_check(reports, "json" if as_json else "table", width=_columns()))
    bad = [r for r in reports if not r.ok]
    if bad:
        _err(f"giftfind: {len(bad)} of {len(reports)} feeds have problems")
        raise typer.Exit(int(ExitCode.FEEDS_FAILED))
    return 0


@feeds_app.command("import")
@_handle_errors
def import_command(
    opml: Annotated[
        Path,
        typer.Argument(
            help="An OPML subscription list (Feedly, Inoreader, newsboat...).", dir_okay=False
        ),
    ],
    feeds: FeedsOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Add the feeds of an OPML file to feeds.yaml; folders become tags, known feeds are skipped."""
    from . import manage

    path = _editable(feeds)
    result = manage.import_opml(path, opml)
    for line in result.skipped_invalid:
        _err(f"giftfind: skipped {line}")
    _err(
        f"giftfind: imported {len(result.added)} feeds into {path}; "
        f"{len(result.skipped_existing)} already listed, "
        f"{len(result.skipped_invalid)} could not be imported"
    )
    return 0


@feeds_app.command("export")
@_handle_errors
def export_command(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to this file instead of stdout.", dir_okay=False
        ),
    ] = None,
    feeds: FeedsOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Print the feeds as OPML 2.0, for a feed reader (search feeds and local files left out)."""
    from . import manage

    text = manage.export_opml(core.load(feeds))
    if output is None:
        _echo(text)
        return 0
    _write_file(output, text)
    _err(f"giftfind: wrote {output}")
    return 0


def _write_file(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all."""
    from ._files import write_atomic

    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as e:
        raise UsageError(f"cannot write {str(path)!r}: {e.strerror or e}") from e


@feeds_app.command("status")
@_handle_errors
def status_command(
    as_json: JsonOpt = False,
    feeds: FeedsOpt = None,
    cache_dir: CacheOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Each feed's health: articles stored, last success, next fetch, back-off, last error."""
    from .output import render_status

    rows = core.feed_status(feeds=feeds, cache_dir=cache_dir)
    now = datetime.now(UTC)
    _echo(render_status(rows, "json" if as_json else "table", now, width=_columns()))
    return 0


# -- giftfind schedule -----------------------------------------------------------------


@_handle_errors
def schedule_command(
    cron: Annotated[bool, typer.Option("--cron", help="Print a crontab line.")] = False,
    systemd: Annotated[
        bool, typer.Option("--systemd", help="Print a systemd user service and timer.")
    ] = False,
    every: Annotated[
        str,
        typer.Option(
            "--every",
            help="How often to look for due feeds (each feed keeps its own interval): "
            "a divisor of an hour or of a day, e.g. 15m, 30m, 1h, 6h, 1d.",
        ),
    ] = "15m",
    feeds: FeedsOpt = None,
    cache_dir: CacheOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Print ready-to-install lines that run `giftfind refresh` on a schedule."""
    from .config import find_config

    period = _duration(every, "--every")
    assert period is not None
    feeds_path = find_config(feeds).resolve()
    store_dir = Path(_store_dir(cache_dir)).resolve()
    command = [*_executable(), "refresh", "--feeds", str(feeds_path), "--cache-dir", str(store_dir)]
    command += ["--wait", "60"]
    from .people import default_data_dir

    # What giftfind digest needs beside it (issue 7): the same feeds and store, and the
    # people file, wherever this shell's environment puts them.
    data_dir = default_data_dir().resolve()
    digest = [*_executable(), "digest", "--format", "markdown", "--offline"]
    digest += ["--feeds", str(feeds_path), "--cache-dir", str(store_dir)]
    digest += ["--data-dir", str(data_dir)]
    # A fixed minute derived from the cache dir spreads many users' refreshes over the
    # hour instead of all hitting the feeds' servers at :00.
    import zlib

    spread = zlib.crc32(str(store_dir).encode())
    step = _steps(period, every)
    parts = []
    if cron or not systemd:
        parts.append(_cron(command, step, spread, digest))
    if systemd or not cron:
        parts.append(_systemd(command, step, spread, digest))
    _echo("\n".join(parts))
    return 0


def _executable() -> list[str]:
    """How to run this giftfind again, from anywhere: its script's absolute path, else
    this Python with ``-m giftfind``."""
    import shutil

    argv0 = Path(sys.argv[0])
    if argv0.name == "giftfind" and argv0.is_file():
        return [str(argv0.absolute())]
    beside = Path(sys.executable).parent / "giftfind"  # the script of this virtualenv
    if beside.is_file():
        return [str(beside.absolute())]
    found = shutil.which("giftfind")
    if found:
        return [str(Path(found).absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "giftfind"]


def _steps(period: timedelta, every: str) -> tuple[str, int]:
    """("minutes" | "hours" | "day", n) for a period a calendar can repeat exactly."""
    seconds = int(period.total_seconds())
    if seconds % 60 == 0 and 60 <= seconds < 3600 and 3600 % seconds == 0:
        return "minutes", seconds // 60
    if seconds % 3600 == 0 and 3600 <= seconds < 86400 and 86400 % seconds == 0:
        return "hours", seconds // 3600
    if seconds == 86400:
        return "day", 1
    raise UsageError(
        f"--every {every}: a schedule repeats a divisor of an hour or of a day "
        "(e.g. 5m, 15m, 30m, 1h, 2h, 6h, 12h, 1d)"
    )


def _every_text(unit: str, n: int) -> str:
    if unit == "day":
        return "once a day"
    return f"every {n} {unit[:-1] if n == 1 else unit}"


def _cron(command: list[str], step: tuple[str, int], spread: int, digest: list[str]) -> str:
    import shlex

    unit, n = step
    minute = spread % 60
    if unit == "minutes":
        when = f"{minute % n}-59/{n} * * * *" if n > 1 else "* * * * *"
    elif unit == "hours":
        when = f"{minute} {(spread // 60) % n}-23/{n} * * *" if n > 1 else f"{minute} * * * *"
    else:
        when = f"{minute} {(spread // 60) % 24} * * *"

    def line(args: list[str]) -> str:
        # In a crontab, % ends the command unless escaped.
        return " ".join(shlex.quote(arg) for arg in args).replace("%", r"\%")

    return (
        f"# giftfind: refresh due feeds {_every_text(unit, n)} (install with `crontab -e`).\n"
        "# Quiet when all went well: cron mails you only the failing feeds (exit 3).\n"
        f"{when} {line(command)}\n"
        "#\n"
        "# Following up with people (giftfind people add ...)? Add a morning digest of\n"
        "# what is new for each of them, right after a refresh (';' rather than '&&':\n"
        "# refresh exits 3 when only some feeds failed):\n"
        f"# 0 8 * * * {line(command)}; {line(digest)} >> $HOME/giftfind-digest.md\n"
    )


def _shell(args: list[str]) -> str:
    import shlex

    return " ".join(shlex.quote(arg) for arg in args)


def _systemd_quote(arg: str) -> str:
    """An ExecStart= word: specifiers (%) and variables ($) doubled, quoted when needed."""
    arg = arg.replace("%", "%%").replace("$", "$$")
    if any(c.isspace() or c in "\"'\\;" for c in arg):
        return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return arg


def _systemd(command: list[str], step: tuple[str, int], spread: int, digest: list[str]) -> str:
    unit, n = step
    minute = spread % 60
    if unit == "minutes":
        calendar = f"*:{minute % n:02d}/{n}" if n > 1 else "*:*"
    elif unit == "hours":
        calendar = f"{(spread // 60) % n:02d}/{n}:{minute:02d}" if n > 1 else f"*:{minute:02d}"
    else:
        calendar = f"{(spread // 60) % 24:02d}:{minute:02d}"
    exec_start = " ".join(_systemd_quote(arg) for arg in command)
    # One shell command line, quoted for systemd, where %h (the home directory)
    # stays a specifier.
    script = _shell(digest).replace("%", "%%").replace("$", "$$")
    script = script.replace("\\", "\\\\").replace('"', '\\"')
    post = f'"{script} >> %h/giftfind-digest.md"'
    return (
        "# ~/.config/systemd/user/giftfind-refresh.service\n"
        "[Unit]\n"
        "Description=Refresh giftfind's feeds\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"ExecStart={exec_start}\n"
        "# 3: some feeds failed and the rest were stored (see `giftfind feeds status`).\n"
        "SuccessExitStatus=3\n"
        "# Following up with people (giftfind people add ...)? Uncomment to append what\n"
        "# is new for each of them to a digest after each refresh (only what is new is\n"
        "# appended; digest exits 1 when nothing is: hence the leading '-').\n"
        f"# ExecStartPost=-/bin/sh -c {post}\n"
        "\n"
        "# ~/.config/systemd/user/giftfind-refresh.timer\n"
        "[Unit]\n"
        f"Description=Refresh giftfind's feeds {_every_text(unit, n)}\n"
        "\n"
        "[Timer]\n"
        f"OnCalendar={calendar}\n"
        "# Catch up after the machine slept through a run; spread the load a little.\n"
        "Persistent=true\n"
        "RandomizedDelaySec=60\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
        "\n"
        "# Then: systemctl --user daemon-reload && "
        "systemctl --user enable --now giftfind-refresh.timer\n"
    )
