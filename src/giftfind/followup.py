"""Follow-ups over weeks: a person's search, digests of what is new, batches of interviewers.

Above :mod:`giftfind.core`, and nothing here prints. ``search_for`` and
``digest`` go through :func:`giftfind.core.search_response`, so every search
option, the refresh of a stale store and the result cache work as for any
search; what was already sent to the person is then left out. ``batch``
answers many rows from one open index (:class:`giftfind.core.Searcher`).

What is *new* for a digest is what giftfind first stored (``Article.first_seen``)
after the person's last digest. Her mark then moves to the newest first-seen
time the digest looked at (not to the clock), so an article stored while a
digest runs is never skipped; the caller moves it only once the digest is
printed (:func:`commit_digest`).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import core
from .errors import UsageError
from .people import Person, edit_book
from .text import canonical_url, clean

if TYPE_CHECKING:
    from .types import Article, Config, FeedOutcome, PersonAnswer, Result

#: A person's first digest (she has no mark yet) covers what was stored in this long.
FIRST_DIGEST = timedelta(days=7)
#: A digest looks at articles published at most this long before its window opens:
#: a feed just added to feeds.yaml does not flood it with its back catalogue, while
#: an article a feed dated a little before giftfind fetched it still counts.
DIGEST_SLACK = timedelta(days=7)
#: The most results a digest asks one search for, while looking for new ones.
MAX_DEPTH = 1000

OnFeed = Callable[["FeedOutcome"], None]


# -- one person ------------------------------------------------------------------------


def _unsent(person: Person, results: Iterable[Result]) -> tuple[list[Result], int]:
    """The results not sent to ``person`` before, and how many were left out."""
    kept = []
    left_out = 0
    for r in results:
        if person.sent_before(r.id, r.url) is not None:
            left_out += 1
        else:
            kept.append(r)
    return kept, left_out


def search_for(
    person: Person,
    *,
    limit: int | None = None,
    feeds: Path | str | None = None,
    cache_dir: Path | str | None = None,
    config: Config | None = None,
    **options: Any,
) -> PersonAnswer:
    """The shortlist for ``person``'s interests, leaving out what she was already sent.

    ``options`` are :func:`giftfind.core.search_response`'s (``since``,
    ``max_age``, ``offline``, ``refresh``, ``exclude``, ``sort``, ``explain``,
    ``now``, ``on_feed``). The search asks for as many more results as she was
    sent gifts, so that leaving them out still fills ``limit``.
    """
    from .types import PersonAnswer

    store_dir = Path(cache_dir) if cache_dir is not None else core.default_cache_dir()
    config = config or core.load(feeds, cache_dir=store_dir)
    want = limit or config.settings.limit
    response = core.search_response(
        person.query,
        limit=want + len(person.gifts),
        cache_dir=store_dir,
        config=config,
        **options,
    )
    kept, left_out = _unsent(person, response.results)
    return PersonAnswer(
        name=person.name,
        response=replace(response, results=tuple(kept[:want])),
        left_out=left_out,
    )


# -- digests ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Digest:
    """What is new for each person, and where each one's digest mark moves once printed."""

    answers: tuple[PersonAnswer, ...]
    #: By person (:attr:`Person.key`): the newest first-seen time this digest looked at.
    marks: Mapping[str, datetime]
    #: When the digest was made.
    made: datetime

    @property
    def outcomes(self) -> tuple[FeedOutcome, ...]:
        """The outcomes of the refresh the digest ran first (if the store was stale)."""
        return tuple(o for a in self.answers for o in a.response.outcomes)

    @property
    def notices(self) -> tuple[str, ...]:
        """Things the user should know, each once."""
        return tuple(dict.fromkeys(n for a in self.answers for n in a.response.notices))


class _FirstSeen:
    """When giftfind first stored each article (by id), read from the store as of one
    generation; read again only when the store has changed since."""

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir
        self.generation: int | None = None
        self.seen: dict[str, float] = {}

    def at(self, generation: int) -> dict[str, float] | None:
        """The map as of ``generation``; None if the store has moved past it."""
        if self.generation != generation:
            self.generation, self.seen = _first_seen(self.cache_dir)
        return self.seen if self.generation == generation else None

    @property
    def newest(self) -> datetime | None:
        """The newest first-seen time in the map."""
        return datetime.fromtimestamp(max(self.seen.values()), UTC) if self.seen else None


def _first_seen(cache_dir: Path) -> tuple[int, dict[str, float]]:
    """The store's generation and, by article id, when it was first stored (the
    earliest, when several feeds carry the same id), read in one transaction."""
    generation, articles = core.stored_articles(cache_dir=cache_dir)
    seen: dict[str, float] = {}
    for a in articles:
        if a.first_seen is None:
            continue
        when = a.first_seen.timestamp()
        if when < seen.get(a.id, float("inf")):
            seen[a.id] = when
    return generation, seen


def digest(
    people: Sequence[Person],
    *,
    since: timedelta | None = None,
    limit: int | None = None,
    feeds: Path | str | None = None,
    cache_dir: Path | str | None = None,
    config: Config | None = None,
    now: datetime | None = None,
    refresh: bool = False,
    **options: Any,
) -> Digest:
    """For each person, the matches for her interests that giftfind first stored after
    her last digest (or within ``since``), not sent to her yet, best first, at most
    ``limit`` each.

    A person without a digest yet gets what was stored in the last
    :data:`FIRST_DIGEST`. ``options`` are :func:`giftfind.core.search_response`'s
    (``max_age``, ``offline``, ``exclude``, ``sort``, ``explain``, ``on_feed``);
    the first search refreshes a stale store (or any, with ``refresh``) for all.
    Nothing is saved: pass the result to :func:`commit_digest` once it is printed.
    """
    from .types import PersonAnswer

    now = now or datetime.now(UTC)
    store_dir = Path(cache_dir) if cache_dir is not None else core.default_cache_dir()
    config = config or core.load(feeds, cache_dir=store_dir)
    want = limit or config.settings.limit
    seen = _FirstSeen(store_dir)
    answers = []
    marks: dict[str, datetime] = {}
    for person in people:
        # Her window opens at her mark; a first digest, or --since, opens it further back.
        start = (now - since) if since is not None else (person.last_digest or now - FIRST_DIGEST)
        window = max(now - start, timedelta(0)) + DIGEST_SLACK
        depth = want + len(person.gifts) + 10
        tries = 0
        while True:
            response = core.search_response(
                person.query,
                limit=depth,
                since=window,
                cache_dir=store_dir,
                config=config,
                now=now,
                refresh=refresh,
                **options,
            )
            refresh = False  # once is enough, for everyone
            first_seen = seen.at(response.generation)
            tries += 1
            if first_seen is None and tries < 5:
                continue  # a refresh landed between the search and the read: again
            first_seen = seen.seen if first_seen is None else first_seen
            new = [r for r in response.results if first_seen.get(r.id, 0.0) > start.timestamp()]
            kept, left_out = _unsent(person, new)
            if len(kept) >= want or len(response.results) < depth or depth >= MAX_DEPTH:
                break
            depth = min(MAX_DEPTH, depth * 4)  # the new matches rank lower: look deeper
        answers.append(
            PersonAnswer(
                name=person.name,
                response=replace(response, results=tuple(kept[:want])),
                left_out=left_out,
                since=start,
            )
        )
        if seen.newest is not None:
            marks[person.key] = seen.newest
    return Digest(answers=tuple(answers), marks=marks, made=now)


def commit_digest(data_dir: Path, made: Digest) -> None:
    """Move each person's digest mark to where ``made`` stopped (never back): call it
    only once the digest was printed."""
    if not made.marks:
        return
    with edit_book(data_dir) as book:
        for key, when in made.marks.items():
            book.mark_digest(key, when)


# -- gifts -----------------------------------------------------------------------------


def find_article(url: str, *, cache_dir: Path | str | None = None) -> Article | None:
    """The stored article with this link (tracking parameters and the like aside) or
    this id, if giftfind has it."""
    wanted = canonical_url(url)
    _, articles = core.stored_articles(cache_dir=cache_dir)
    for a in articles:
        if a.id == url or (a.link and canonical_url(a.link) == wanted):
            return a
    return None


# -- batches ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    """One interviewer of a batch file."""

    #: Where the row starts in the file (1-based).
    line: int
    name: str
    #: The interests as written (comma-separated).
    query: str


@dataclass(frozen=True, slots=True, kw_only=True)
class BadRow:
    """A row of a batch file that cannot be answered, and why."""

    line: int
    error: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RowAnswer:
    """A batch row's shortlist."""

    row: Row
    interests: tuple[str, ...]
    results: tuple[Result, ...]


def read_rows(lines: Iterable[str], source: str = "-") -> Iterator[Row | BadRow]:
    """The rows of a batch file: CSV with a header naming ``name`` and ``interests``
    columns (others are ignored), or JSON Lines of objects with those keys (told
    apart by the first character that is not a space: ``{`` means JSON Lines).

    A row that cannot be read is a :class:`BadRow`; a CSV header without those
    columns is a UsageError.
    """
    numbered = _numbered(lines)
    first: tuple[int, str] | None = None
    for n, line in numbered:
        if line.strip():
            first = (n, line)
            break
    if first is None:
        return
    rest = _chain(first, numbered)
    if first[1].lstrip().startswith("{"):
        yield from _json_rows(rest)
    else:
        yield from _csv_rows(rest, source)


def _numbered(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    for n, line in enumerate(lines, 1):
        yield n, line.lstrip("\ufeff") if n == 1 else line


def _chain(first: tuple[int, str], rest: Iterator[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    yield first
    yield from rest


def _json_rows(lines: Iterable[tuple[int, str]]) -> Iterator[Row | BadRow]:
    for n, line in lines:
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as e:
            yield BadRow(line=n, error=f"not valid JSON ({e.msg})")
            continue
        if not isinstance(data, dict):
            yield BadRow(line=n, error='expected an object: {"name": ..., "interests": ...}')
            continue
        interests = data.get("interests")
        if isinstance(interests, list) and all(isinstance(i, str) for i in interests):
            interests = ", ".join(interests)
        yield _row(n, data.get("name"), interests)


def _csv_rows(lines: Iterator[tuple[int, str]], source: str) -> Iterator[Row | BadRow]:
    where = {"line": 0}

    def physical() -> Iterator[str]:
        for n, line in lines:
            where["line"] = n
            yield line

    reader = csv.reader(physical())
    try:
        header = next(reader)
    except csv.Error as e:
        raise UsageError(f"{source}:{where['line']}: not CSV ({e})") from None
    columns = [clean(c).casefold() for c in header]
    if "name" not in columns or "interests" not in columns:
        raise UsageError(
            f"{source}:{where['line']}: the first line must name the columns: name,interests "
            "(or give JSON Lines)"
        )
    at_name, at_interests = columns.index("name"), columns.index("interests")
    while True:
        start = where["line"] + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield BadRow(line=start, error=f"not valid CSV ({e})")
            continue
        if not record or not any(field.strip() for field in record):
            continue
        if len(record) <= max(at_name, at_interests):
            yield BadRow(
                line=start, error=f"{len(record)} fields, but the header names {len(columns)}"
            )
            continue
        yield _row(start, record[at_name], record[at_interests])


def _row(line: int, name: Any, interests: Any) -> Row | BadRow:
    if not isinstance(name, str) or not clean(name):
        return BadRow(line=line, error="no name")
    if not isinstance(interests, str):
        return BadRow(line=line, error="no interests (a comma-separated string)")
    if not clean(interests.replace(",", " ")):
        return BadRow(line=line, error="no interests")
    return Row(line=line, name=clean(name), query=clean(interests))


def batch(
    rows: Iterable[Row | BadRow],
    *,
    limit: int | None = None,
    since: timedelta | None = None,
    exclude: str | Sequence[str] = (),
    sort: str = "hybrid",
    explain: bool = False,
    feeds: Path | str | None = None,
    cache_dir: Path | str | None = None,
    config: Config | None = None,
    max_age: timedelta | None = None,
    offline: bool = False,
    refresh: bool = False,
    now: datetime | None = None,
    on_feed: OnFeed | None = None,
    on_ready: Callable[[tuple[FeedOutcome, ...], tuple[str, ...]], None] | None = None,
) -> Iterator[RowAnswer | BadRow]:
    """Answer each row (bad ones are passed through, in order) from one open index.

    Before the first good row the store is refreshed if it is stale (or with
    ``refresh``; never ``offline``), as a search does; ``on_ready`` is then
    called with that refresh's outcomes and notices. Options are as for
    :func:`giftfind.core.search_response`; ``limit`` applies to each row.
    """
    from .choices import SORTS
    from .rank import split_interests

    if sort not in SORTS:
        raise UsageError(f"invalid sort {sort!r}: use one of {', '.join(SORTS)}")
    excluded = split_interests(exclude) if isinstance(exclude, str) else list(exclude)
    store_dir = Path(cache_dir) if cache_dir is not None else core.default_cache_dir()
    searcher: core.Searcher | None = None
    try:
        for row in rows:
            if isinstance(row, BadRow):
                yield row
                continue
            interests = split_interests(row.query)
            if not interests:
                yield BadRow(line=row.line, error="no interests")
                continue
            if searcher is None:
                config = config or core.load(feeds, cache_dir=store_dir)
                searcher, outcomes, notices = core.open_searcher(
                    config=config,
                    cache_dir=store_dir,
                    max_age=max_age,
                    offline=offline,
                    refresh=refresh,
                    on_feed=on_feed,
                    now=now,
                )
                if on_ready is not None:
                    on_ready(outcomes, notices)
            assert config is not None
            results = searcher.search(
                interests,
                limit=limit or config.settings.limit,
                since=since,
                now=now,
                exclude=excluded,
                sort=sort,
                half_life_days=config.settings.half_life_days,
                explain=explain,
            )
            yield RowAnswer(row=row, interests=tuple(interests), results=tuple(results))
    finally:
        if searcher is not None:
            searcher.close()
