"""``giftfind people ...``, ``for``, ``sent``, ``history``, ``digest`` and ``batch``.

Part of the command line (imported by :mod:`giftfind.cli`, which registers these
commands): thin wrappers over :mod:`giftfind.people` (the people file) and
:mod:`giftfind.followup` (searches for people, digests, batches), rendered by
:mod:`giftfind.report`. stdout carries data; confirmations go to stderr.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import core
from .cli import (
    CacheOpt,
    DebugOpt,
    ExcludeOpt,
    ExplainOpt,
    FeedsOpt,
    Format,
    JsonFlag,
    LimitOpt,
    MaxAgeOpt,
    OfflineOpt,
    RefreshOpt,
    SinceOpt,
    Sort,
    SortOpt,
    _columns,
    _duration,
    _echo,
    _err,
    _handle_errors,
    _LazyBar,
    _quiet_stdout,
    _refresh_or_offline,
    _store_dir,
    _warn_failures,
)
from .errors import ExitCode, GiftfindError, UsageError

if TYPE_CHECKING:
    from .letter import Template

people_app = typer.Typer(
    name="people",
    help="The interviewers giftfind remembers: add, list, show, edit, remove, export, import.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def register(app: typer.Typer) -> None:
    """Add ``people``, ``for``, ``sent``, ``history``, ``digest`` and ``batch``."""
    app.add_typer(people_app)
    app.command("for")(for_command)
    app.command("sent")(sent_command)
    app.command("history")(history_command)
    app.command("digest")(digest_command)
    app.command("batch")(batch_command)


# -- options ---------------------------------------------------------------------------

DataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        envvar="GIFTFIND_DATA_DIR",
        help="Where the people file lives (default: the user data dir).",
        show_default=False,
        file_okay=False,
    ),
]
NameArg = Annotated[
    str, typer.Argument(help="The person's name (any case; a unique start of it will do).")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]
FormatOpt = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        help="Output format (default: table, or letter with --template).",
        case_sensitive=False,
        show_default=False,
    ),
]
TemplateOpt = Annotated[
    Path | None,
    typer.Option(
        "--template",
        help="With --format letter: your own template, with fields {name} {interest} "
        "{title} {source} {url} {published} {summary}.",
        dir_okay=False,
        show_default=False,
    ),
]


def _data(data_dir: Path | None) -> Path:
    from .people import default_data_dir

    return data_dir if data_dir is not None else default_data_dir()


def _format(fmt: Format | None, as_json: bool, template: Path | None) -> str:
    if as_json:
        if fmt is not None and fmt.value != "json":
            raise UsageError(f"--json and --format {fmt.value} cannot be used together")
        chosen = "json"
    elif fmt is not None:
        chosen = str(fmt.value)
    else:
        chosen = "letter" if template is not None else "table"
    if template is not None and chosen != "letter":
        raise UsageError("--template is for --format letter")
    return chosen


def read_template(path: Path | None) -> Template | None:
    """The user's template, read and checked (None: the default one)."""
    if path is None:
        return None
    from .letter import MAX_TEMPLATE, parse_template

    try:
        with path.open(encoding="utf-8") as f:
            text = f.read(MAX_TEMPLATE + 1)
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not UTF-8 text") from None
    except OSError as e:
        raise UsageError(f"{path}: cannot read the template ({e.strerror or e})") from None
    return parse_template(text, str(path))


# -- people ----------------------------------------------------------------------------


@people_app.command("add")
@_handle_errors
def add_command(
    name: Annotated[str, typer.Argument(help='Her name, e.g. "Jane Doe".')],
    interests: Annotated[
        str,
        typer.Option(
            "--interests", "-i", help='What she cares about, comma-separated: "sailing, Chicago".'
        ),
    ],
    company: Annotated[str | None, typer.Option("--company", help="Where she works.")] = None,
    met: Annotated[
        str | None, typer.Option("--met", help="The day of the interview (YYYY-MM-DD).")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="Anything to remember.")] = None,
    data_dir: DataOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Remember an interviewer and her interests."""
    from datetime import UTC, datetime

    from .people import (
        Person,
        check_name,
        edit_book,
        optional_text,
        parse_date,
        parse_interests,
    )

    person = Person(
        name=check_name(name),
        interests=parse_interests(interests),
        company=optional_text(company, "--company"),
        met=parse_date(met, "--met") if met else None,
        note=optional_text(note, "--note"),
        added=datetime.now(UTC),
    )
    with edit_book(_data(data_dir)) as book:
        book.add(person)
    _err(f"giftfind: added {person.name} ({person.query})")
    return 0


@people_app.command("list")
@_handle_errors
def list_command(
    as_json: JsonOpt = False, data_dir: DataOpt = None, debug: DebugOpt = False
) -> int:
    """List everyone: name, company, interests, gifts sent, last digest."""
    from .people import read_book
    from .report import render_people

    book = read_book(_data(data_dir))
    if not book and not as_json:
        _err('giftfind: no people yet (giftfind people add NAME --interests "...")')
    _echo(render_people(book.people, as_json=as_json, width=_columns()))
    return 0


@people_app.command("show")
@_handle_errors
def show_command(
    name: NameArg, as_json: JsonOpt = False, data_dir: DataOpt = None, debug: DebugOpt = False
) -> int:
    """Show everything giftfind remembers about one person."""
    from .people import read_book
    from .report import render_person_card

    person = read_book(_data(data_dir)).find(name)
    _echo(render_person_card(person, as_json=as_json, width=_columns()))
    return 0


@people_app.command("edit")
@_handle_errors
def edit_command(
    name: NameArg,
    new_name: Annotated[str | None, typer.Option("--name", help="Rename her.")] = None,
    interests: Annotated[
        str | None,
        typer.Option("--interests", "-i", help="Replace her interests (comma-separated)."),
    ] = None,
    company: Annotated[
        str | None, typer.Option("--company", help='Where she works ("" to clear).')
    ] = None,
    met: Annotated[
        str | None, typer.Option("--met", help='The day of the interview ("" to clear).')
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help='A note ("" to clear).')] = None,
    data_dir: DataOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Change what giftfind remembers about a person (her gifts stay)."""
    from .people import check_name, edit_book, optional_text, parse_date, parse_interests

    changes: dict[str, object] = {}
    if new_name is not None:
        changes["name"] = check_name(new_name)
    if interests is not None:
        changes["interests"] = parse_interests(interests)
    if company is not None:
        changes["company"] = optional_text(company, "--company")
    if met is not None:
        changes["met"] = parse_date(met, "--met") if met.strip() else None
    if note is not None:
        changes["note"] = optional_text(note, "--note")
    if not changes:
        raise UsageError("nothing to change: give --name, --interests, --company, --met or --note")
    with edit_book(_data(data_dir)) as book:
        person = book.update(name, **changes)
    _err(f"giftfind: updated {person.name} ({person.query})")
    return 0


@people_app.command("remove")
@_handle_errors
def remove_command(
    name: Annotated[str, typer.Argument(help="Her whole name (any case).")],
    data_dir: DataOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Forget a person for good: her details, the gifts sent to her and her digest mark."""
    from .people import edit_book

    with edit_book(_data(data_dir)) as book:
        person = book.remove(name)
    gifts = len(person.gifts)
    _err(
        f"giftfind: removed {person.name} and her history ({gifts} gift{'s' if gifts != 1 else ''})"
    )
    return 0


@people_app.command("export")
@_handle_errors
def export_command(data_dir: DataOpt = None, debug: DebugOpt = False) -> int:
    """Print everyone, with their gifts, as JSON (the shape people import reads)."""
    from .people import dumps, read_book

    _echo(dumps(read_book(_data(data_dir))))
    return 0


@people_app.command("import")
@_handle_errors
def import_command(
    file: Annotated[Path, typer.Argument(help="A file people export wrote ('-' for stdin).")],
    replace_all: Annotated[
        bool,
        typer.Option("--replace", help="Replace everyone with the file's people (else merge)."),
    ] = False,
    data_dir: DataOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Read people from an export: new ones are added, known ones updated (gifts merged)."""
    from .people import edit_book, loads

    source = "<stdin>" if str(file) == "-" else str(file)
    try:
        raw = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
    except OSError as e:
        raise UsageError(f"{source}: cannot read it ({e.strerror or e})") from None
    incoming = loads(raw, source)
    with edit_book(_data(data_dir)) as book:
        if replace_all:
            removed = len(book)
            for person in book.people:
                book.remove(person.name)
            added, updated = book.merge(incoming)
            _err(f"giftfind: replaced {removed} people with {added} from {source}")
        else:
            added, updated = book.merge(incoming)
            _err(f"giftfind: imported {source}: {added} added, {updated} updated")
    return 0


# -- giftfind for / sent / history -------------------------------------------------------


@_handle_errors
def for_command(
    name: NameArg,
    limit: LimitOpt = None,
    fmt: FormatOpt = None,
    as_json: JsonFlag = False,
    since: SinceOpt = None,
    max_age: MaxAgeOpt = None,
    sort: SortOpt = Sort.hybrid,  # type: ignore[attr-defined]
    exclude: ExcludeOpt = None,
    explain: ExplainOpt = False,
    refresh: RefreshOpt = False,
    offline: OfflineOpt = False,
    template: TemplateOpt = None,
    feeds: FeedsOpt = None,
    cache_dir: CacheOpt = None,
    data_dir: DataOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Search with a person's interests, leaving out what was already sent to her."""
    from . import followup
    from .people import read_book
    from .report import render_person

    _refresh_or_offline(refresh, offline)
    chosen = _format(fmt, as_json, template)
    letter = read_template(template)
    person = read_book(_data(data_dir)).find(name)
    store_dir = _store_dir(cache_dir)
    config = core.load(feeds, cache_dir=store_dir)
    bar = _LazyBar(len(config.feeds))
    try:
        answer = followup.search_for(
            person,
            limit=limit,
            config=config,
            cache_dir=store_dir,
            since=_duration(since, "--since"),
            max_age=_duration(max_age, "--max-age"),
            offline=offline,
            refresh=refresh,
            exclude=exclude or (),
            sort=sort.value,
            explain=explain,
            on_feed=bar,
        )
    finally:
        bar.close()
    _warn_failures(answer.response.outcomes)
    for notice in answer.response.notices:
        _err(f"giftfind: {notice}")
    _echo(render_person(answer, chosen, width=_columns(), template=letter))
    if not answer.response.results:
        sent = f" ({answer.left_out} already sent left out)" if answer.left_out else ""
        _err(f"giftfind: no matching articles for {person.name}{sent}")
        raise typer.Exit(int(ExitCode.NO_RESULTS))
    return 0


@_handle_errors
def sent_command(
    name: NameArg,
    url: Annotated[str, typer.Argument(help="The article's link, as giftfind showed it.")],
    when: Annotated[
        str | None, typer.Option("--date", help="When it was sent (YYYY-MM-DD; default: today).")
    ] = None,
    title: Annotated[
        str | None,
        typer.Option("--title", help="Its title; needed when giftfind has not stored the link."),
    ] = None,
    cache_dir: CacheOpt = None,
    data_dir: DataOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Record that an article was sent to a person: it never comes back for her."""
    from . import followup
    from .people import Gift, check_url, edit_book, parse_date
    from .text import clean

    link = check_url(url)
    day = parse_date(when, "--date") if when else date.today()
    article = followup.find_article(link, cache_dir=_store_dir(cache_dir))
    if article is None and not (title and clean(title)):
        raise UsageError(
            f"{link} is not an article giftfind has stored: check the link, "
            "or give --title to record it anyway"
        )
    gift = Gift(
        url=(article.link if article is not None and article.link else link),
        title=clean(title) if title and clean(title) else article.title if article else "",
        sent=day,
        id=article.id if article is not None else None,
    )
    with edit_book(_data(data_dir)) as book:
        person, earlier = book.record_gift(name, gift)
    if earlier is not None:
        _err(
            f"giftfind: {earlier.title or earlier.url!r} was already sent to {person.name} "
            f"on {earlier.sent.isoformat()}; nothing recorded"
        )
    else:
        _err(f"giftfind: recorded {gift.title!r} as sent to {person.name} on {day.isoformat()}")
    return 0


@_handle_errors
def history_command(
    name: NameArg, as_json: JsonOpt = False, data_dir: DataOpt = None, debug: DebugOpt = False
) -> int:
    """List what was sent to a person, and when."""
    from .people import read_book
    from .report import render_history

    person = read_book(_data(data_dir)).find(name)
    if not person.gifts and not as_json:
        _err(f"giftfind: nothing sent to {person.name} yet")
    _echo(render_history(person, as_json=as_json, width=_columns()))
    return 0


# -- giftfind digest ---------------------------------------------------------------------


@_handle_errors
def digest_command(
    since: Annotated[
        str,
        typer.Option(
            "--since",
            help="last: what giftfind stored since each person's last digest (7d for a "
            "first one); or a span, e.g. 7d.",
        ),
    ] = "last",
    person_names: Annotated[
        list[str] | None,
        typer.Option("--person", "-p", help="Only this person (repeat for several)."),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option("--limit", "-n", min=1, max=1000, help="At most this many per person."),
    ] = None,
    fmt: FormatOpt = None,
    as_json: JsonFlag = False,
    template: TemplateOpt = None,
    max_age: MaxAgeOpt = None,
    sort: SortOpt = Sort.hybrid,  # type: ignore[attr-defined]
    exclude: ExcludeOpt = None,
    explain: ExplainOpt = False,
    refresh: RefreshOpt = False,
    offline: OfflineOpt = False,
    feeds: FeedsOpt = None,
    cache_dir: CacheOpt = None,
    data_dir: DataOpt = None,
    debug: DebugOpt = False,
) -> int:
    """For each person, the new articles matching her interests since her last digest.

    Each person's mark moves on only once the digest is printed.
    """
    from . import followup
    from .people import read_book
    from .report import render_digest

    _refresh_or_offline(refresh, offline)
    chosen = _format(fmt, as_json, template)
    letter = read_template(template)
    window = None if since.strip().lower() == "last" else _duration(since, "--since")
    data = _data(data_dir)
    book = read_book(data)
    if person_names:
        chosen_people = list({p.key: p for p in (book.find(n) for n in person_names)}.values())
    else:
        chosen_people = list(book.people)
    if not chosen_people:
        _err('giftfind: no people yet (giftfind people add NAME --interests "...")')
        raise typer.Exit(int(ExitCode.NO_RESULTS))
    store_dir = _store_dir(cache_dir)
    config = core.load(feeds, cache_dir=store_dir)
    bar = _LazyBar(len(config.feeds))
    try:
        made = followup.digest(
            chosen_people,
            since=window,
            limit=limit,
            config=config,
            cache_dir=store_dir,
            max_age=_duration(max_age, "--max-age"),
            offline=offline,
            refresh=refresh,
            exclude=exclude or (),
            sort=sort.value,
            explain=explain,
            on_feed=bar,
        )
    finally:
        bar.close()
    _warn_failures(made.outcomes)
    for notice in made.notices:
        _err(f"giftfind: {notice}")
    text = render_digest(made.answers, chosen, made.made, width=_columns(), template=letter)
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as e:
        # Not printed, so not seen: the marks stay where they were.
        if isinstance(e, BrokenPipeError):
            _quiet_stdout()
        raise GiftfindError(
            f"cannot write the digest ({e.strerror or e}); the digest marks were not moved"
        ) from None
    followup.commit_digest(data, made)
    if not any(a.response.results for a in made.answers):
        _err("giftfind: nothing new since the last digest")
        raise typer.Exit(int(ExitCode.NO_RESULTS))
    return 0


# -- giftfind batch ----------------------------------------------------------------------


@_handle_errors
def batch_command(
    file: Annotated[
        str,
        typer.Argument(
            help="CSV with name and interests columns, or JSON Lines with those keys; "
            "'-' reads stdin."
        ),
    ],
    limit: LimitOpt = None,
    since: SinceOpt = None,
    max_age: MaxAgeOpt = None,
    sort: SortOpt = Sort.hybrid,  # type: ignore[attr-defined]
    exclude: ExcludeOpt = None,
    explain: ExplainOpt = False,
    refresh: RefreshOpt = False,
    offline: OfflineOpt = False,
    feeds: FeedsOpt = None,
    cache_dir: CacheOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Answer every row of FILE in one process: one JSON object per row on stdout."""
    import io

    from . import followup
    from .report import batch_line

    _refresh_or_offline(refresh, offline)
    since_td = _duration(since, "--since")
    max_age_td = _duration(max_age, "--max-age")
    source = "<stdin>" if file == "-" else file
    try:
        stream = (
            io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")
            if file == "-"
            else Path(file).open(encoding="utf-8-sig", newline="")  # noqa: SIM115
        )
    except OSError as e:
        raise UsageError(f"{source}: cannot read it ({e.strerror or e})") from None
    store_dir = _store_dir(cache_dir)
    config = core.load(feeds, cache_dir=store_dir)
    bar = _LazyBar(len(config.feeds))
    bad = 0

    def ready(outcomes: tuple[object, ...], notices: tuple[str, ...]) -> None:
        bar.close()
        _warn_failures(outcomes)  # type: ignore[arg-type]
        for notice in notices:
            _err(f"giftfind: {notice}")

    try:
        rows = followup.read_rows(stream, source)
        for item in followup.batch(
            rows,
            limit=limit,
            since=since_td,
            exclude=exclude or (),
            sort=sort.value,
            explain=explain,
            config=config,
            cache_dir=store_dir,
            max_age=max_age_td,
            offline=offline,
            refresh=refresh,
            on_feed=bar,
            on_ready=ready,
        ):
            if isinstance(item, followup.BadRow):
                bad += 1
                _err(f"giftfind: {source}:{item.line}: {item.error}")
                continue
            _echo(
                batch_line(
                    item.row.line, item.row.name, item.row.query, item.interests, item.results
                )
            )
    except UnicodeDecodeError:
        raise UsageError(f"{source}: not UTF-8 text") from None
    finally:
        bar.close()
        if file != "-":
            stream.close()
    if bad:
        _err(
            f"giftfind: {bad} bad row{'s' if bad != 1 else ''} in {source} "
            "(the others were answered)"
        )
        raise typer.Exit(int(ExitCode.BAD_ROWS))
    return 0
