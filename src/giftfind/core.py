"""The library API: the one place that wires config, fetch, parse, store and rank together.

``search()`` answers a query from the local store (refreshing it first when it
is older than ``max_age``); ``refresh_iter()`` fetches the feeds and yields one
:class:`~giftfind.types.FeedOutcome` per feed as it lands; ``refresh()`` runs it
to the end. Nothing here prints: the command line (or any other caller)
decides what to show.
"""

from __future__ import annotations

import functools
import json
import os
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import config as _config
from ._log import log
from .choices import SORTS as SORTS
from .errors import FeedError, StoreError, StoreLocked, UsageError

if TYPE_CHECKING:
    from .types import (
        Article,
        Config,
        FeedHealth,
        FeedOutcome,
        FeedSpec,
        FeedState,
        RefreshReport,
        Result,
        SearchResponse,
        Settings,
    )

# The stages (fetch, parse, store, index, rank) and the data types are imported
# where used: a cached search, answered from the store, needs none of them.


#: Environment variable naming the cache (store) directory.
CACHE_ENV = "GIFTFIND_CACHE_DIR"
#: Bumped when the cached answer's shape or the ranking changes.
RESULT_VERSION = 2
#: How long a cached answer is kept (it is only used while the store is unchanged).
RESULT_TTL = 7 * 86400
#: How long a search waits for a running refresh before answering from the store as it is.
SEARCH_LOCK_WAIT = 2.0


def default_cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """``$GIFTFIND_CACHE_DIR``, else the platform's user cache directory."""
    env = os.environ if env is None else env
    if env.get(CACHE_ENV):
        return Path(env[CACHE_ENV]).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path(_config.APP_NAME, appauthor=False)


def load(feeds: Path | str | None = None, *, cache_dir: Path | str | None = None) -> Config:
    """Find and load feeds.yaml (``--feeds``, ``$GIFTFIND_FEEDS``, ./, user dir, packaged).

    With ``cache_dir`` (the store's directory), the checked configuration is
    cached there and reused while the file is unchanged.
    """
    path = Path(feeds).expanduser() if feeds is not None else None
    return _config.load_config(
        _config.find_config(path), Path(cache_dir) if cache_dir is not None else None
    )


def _settings(config: Config, **overrides: Any) -> Settings:
    values = {k: v for k, v in overrides.items() if v is not None}
    return replace(config.settings, **values) if values else config.settings


#: Stores opened by this process, most recently used last: opening one costs
#: some fifty SQLite statements (diskcache rewrites its settings), which a search
#: that answers from the cache cannot afford more than once.
_STORES: OrderedDict[Path, Any] = OrderedDict()
_KEEP_STORES = 4


def _open_store(cache_dir: Path | str | None) -> Any:
    """The store under ``cache_dir``, opened once per process and kept open."""
    from .store import Store

    path = Path(cache_dir).expanduser() if cache_dir is not None else default_cache_dir()
    store = _STORES.get(path)
    if store is not None and store.is_open():
        _STORES.move_to_end(path)
        return store
    store = Store(path)
    _STORES[path] = store
    while len(_STORES) > _KEEP_STORES:
        _, old = _STORES.popitem(last=False)
        old.close()
    return store


def close_stores() -> None:
    """Close the stores this process opened (they are reopened on next use)."""
    while _STORES:
        _STORES.popitem()[1].close()


# -- refresh ---------------------------------------------------------------------------


def refresh_iter(
    *,
    feeds: Path | str | None = None,
    cache_dir: Path | str | None = None,
    retention_days: int | None = None,
    wait: float = 0.0,
    now: datetime | None = None,
    config: Config | None = None,
    force: bool = False,
) -> Iterator[FeedOutcome]:
    """Fetch the feeds that are due and store what is new, yielding each feed's outcome.

    A feed is due when its interval has passed (see :mod:`giftfind.schedule`);
    ``force`` fetches every feed, except one whose server asked for a pause.
    Holds the refresh lock for the whole run (raises StoreLocked if another
    refresh holds it for more than ``wait`` seconds). One feed's failure is an
    outcome, never an exception. At the end, articles past retention are dropped
    and the search index is brought up to date.
    """
    store = _open_store(cache_dir)
    config = config or load(feeds, cache_dir=store.directory)
    settings = _settings(config, retention_days=retention_days)
    with store.lock(wait=wait):
        yield from _refresh_locked(store, config, settings, now, force=force)


def _refresh_locked(
    store: Any,
    config: Config,
    settings: Settings,
    now: datetime | None,
    *,
    force: bool = False,
    feeds: Sequence[FeedSpec] | None = None,
    index: bool = True,
) -> Iterator[FeedOutcome]:
    """Fetch the feeds that are due (all with ``force``, but never one a server asked to
    leave alone), store what is new, and bring the index up to date.

    ``feeds`` narrows the run to those feeds (search feeds of a query); ``index``
    false leaves the index to the caller.
    """
    from . import schedule
    from .fetch import FetchResult, Validators, fetch_iter
    from .parse import ParsePool, parse_feed
    from .types import FeedOutcome, FeedState

    # Search feeds ({query} in the URL) are fetched per interest, by a search.
    specs = [s for s in config.feeds if not s.is_search] if feeds is None else list(feeds)
    states = store.states(s.key for s in specs)
    start = now or datetime.now(UTC)
    to_fetch: list[FeedSpec] = []
    for spec in specs:
        fetch_now, why = schedule.due(states.get(spec.key), start, force=force)
        if fetch_now:
            to_fetch.append(spec)
        else:
            yield FeedOutcome(feed=spec.name, status="not_due", note=why)
    by_name = {spec.name: spec for spec in to_fetch}
    # Fetch from where a permanent redirect moved the feed; validators only for
    # the document they were given for.
    targets = []
    validators = {}
    for spec in to_fetch:
        state = states.get(spec.key)
        url = state.moved_to if state is not None and state.moved_to else spec.url
        targets.append(replace(spec, url=url) if url != spec.url else spec)
        if state is not None and state.url == spec.url:
            validators[spec.name] = Validators(state.etag, state.last_modified)

    def success(spec: FeedSpec, got: FetchResult, parsed: Any, when: datetime) -> FeedOutcome:
        old = states.get(spec.key) or FeedState(feed=spec.name, url=spec.url)
        if isinstance(parsed, FeedError):
            return _failed(store, old, spec, parsed, settings, when)
        state, note = schedule.succeeded(
            replace(old, etag=got.validators.etag, last_modified=got.validators.last_modified),
            spec,
            settings,
            headers=got.headers,
            ttl_minutes=parsed.ttl_minutes if parsed is not None else None,
            moved_to=got.moved_to,
            now=when,
        )
        if parsed is None:
            store.save_state(spec.key, state)
            return FeedOutcome(feed=spec.name, status="not_modified", note=note)
        new, state = store.save_feed(
            spec.key, parsed.articles, state, now=when, retention_days=settings.retention_days
        )
        return FeedOutcome(
            feed=spec.name, status="fetched", new=new, items=len(parsed.articles), note=note
        )

    # Made before the fetch thread starts: its workers are forked.
    pool = ParsePool.maybe(len(to_fetch))
    pending: deque[tuple[FeedSpec, FetchResult, datetime, Any]] = deque()
    try:
        for target, got in fetch_iter(targets, validators, settings):
            spec = by_name[target.name]
            when = now or datetime.now(UTC)
            if isinstance(got, FetchResult) and got.content is not None:
                if pool is not None:
                    job = pool.submit(got.content, spec, got.headers, got.url)
                    pending.append((spec, got, when, job))
                else:
                    try:
                        parsed: Any = parse_feed(
                            got.content, spec, headers=got.headers, url=got.url
                        )
                    except FeedError as e:
                        parsed = e
                    yield success(spec, got, parsed, when)
            elif isinstance(got, FetchResult):
                yield success(spec, got, None, when)
            else:
                old = states.get(spec.key) or FeedState(feed=spec.name, url=spec.url)
                yield _failed(store, old, spec, got, settings, when)
            while pending and pending[0][3].ready():
                p_spec, p_got, p_when, job = pending.popleft()
                yield success(p_spec, p_got, job.get(), p_when)
        while pending:
            p_spec, p_got, p_when, job = pending.popleft()
            yield success(p_spec, p_got, job.get(), p_when)
    finally:
        if pool is not None:
            pool.close()
    if feeds is None:
        when = now or datetime.now(UTC)
        keys = [s.key for s in config.feeds if not s.is_search]
        keys += list(store.search_feeds(_feedset(config)))
        expired = store.expire(keys, now=when, retention_days=settings.retention_days)
        if expired:
            log().info("dropped %d articles older than %d days", expired, settings.retention_days)
        store.mark_refreshed(_feedset(config), when.timestamp())
    if index:
        _ensure_index(store, config)


def _failed(
    store: Any,
    old: FeedState,
    spec: FeedSpec,
    error: FeedError,
    settings: Settings,
    when: datetime,
) -> FeedOutcome:
    from . import schedule
    from .types import FeedOutcome

    state, note = schedule.failed(old, spec, settings, error, when)
    store.save_state(spec.key, state)
    return FeedOutcome(feed=spec.name, status="failed", error=error.message, note=note)


def refresh(**options: Any) -> RefreshReport:
    """Run :func:`refresh_iter` to the end; the report sums up every feed's outcome."""
    from .types import RefreshReport

    return RefreshReport(outcomes=tuple(refresh_iter(**options)))


def feed_status(
    *, feeds: Path | str | None = None, cache_dir: Path | str | None = None
) -> list[FeedHealth]:
    """Each feed of feeds.yaml as the store knows it (articles stored, last success and
    error, next due, back-off), then the search feeds' instances searches fetched."""
    from .types import FeedHealth

    store = _open_store(cache_dir)
    config = load(feeds, cache_dir=store.directory)
    rows = [(s, "feed") for s in config.feeds if not s.is_search]
    rows += [(s, "search") for s in _indexed_feeds(store, config)[len(rows) :]]
    states = store.states(s.key for s, _ in rows)
    return [
        FeedHealth(name=s.name, url=s.key, kind=kind, state=states.get(s.key))  # type: ignore[arg-type]
        for s, kind in rows
    ]


# -- index -----------------------------------------------------------------------------


#: The last config's names (see _names): a search asks for them several times, and
#: with thousands of feeds each time costs a millisecond or more.
_LAST_NAMES: tuple[Config, str, str] | None = None


def _names(config: Config) -> tuple[str, str]:
    """Names for a config's feed set (its feeds' keys) and for how its feeds are shown
    (their names and weights)."""
    global _LAST_NAMES
    from .index import INDEX_VERSION
    from .store import feed_key

    last = _LAST_NAMES  # read once: another thread may replace it
    if last is not None and last[0] is config:
        return last[1], last[2]
    feedset = _digest(json.dumps([INDEX_VERSION, [feed_key(s) for s in config.feeds]]))
    shown = _digest(json.dumps([[s.name, s.weight] for s in config.feeds]))
    _LAST_NAMES = (config, feedset, shown)
    return feedset, shown


def _feedset(config: Config) -> str:
    """Names a set of feeds (one feeds.yaml's): its index and its freshness are its own."""
    return _names(config)[0]


def _digest(text: str) -> str:
    """A 64-bit name for ``text`` (two independent 32-bit checksums, no hashlib import)."""
    import zlib

    data = text.encode()
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def _index_parent(store: Any, config: Config) -> Path:
    """Each set of feeds has its own index: IDF is over what is searched."""
    return Path(store.index_dir) / _feedset(config)


#: Search-feed instances (a search feed and an interest) remembered per feed set.
MAX_SEARCH_FEEDS = 200


def _search_feed(template: FeedSpec, interest: str) -> FeedSpec:
    """A search feed filled in for one interest (URL-encoded)."""
    from urllib.parse import quote_plus

    return replace(
        template,
        name=f"{template.name}: {interest}",
        url=template.url.replace("{query}", quote_plus(interest)),
    )


def _indexed_feeds(store: Any, config: Config) -> list[FeedSpec]:
    """The feeds whose articles a search ranks: the configured ones, then the search
    feeds' instances searches have fetched (oldest first, so the list only grows)."""
    from .types import FeedSpec

    specs = [s for s in config.feeds if not s.is_search]
    for key, info in store.search_feeds(_feedset(config)).items():
        specs.append(FeedSpec(name=info["name"], url=key, weight=info.get("weight", 1.0)))
    return specs


def _ensure_index(store: Any, config: Config) -> Any:
    """The current index for this feed set, brought up to date first if the store changed."""
    from .index import FeedInput, Index, update

    parent = _index_parent(store, config)
    generation = store.generation()
    index = Index.open(parent)
    if index is not None and index.generation == generation:
        return index
    if index is not None:
        index.close()
    versions = store.versions()
    feeds = [
        FeedInput(
            key=spec.key,
            version=versions.get(spec.key, 0),
            load=functools.partial(store.feed_articles, spec.key, spec.name),
        )
        for spec in _indexed_feeds(store, config)
    ]
    update(parent, feeds, generation=generation)
    index = Index.open(parent)
    if index is None:
        raise StoreError(f"cannot open the index in {str(parent)!r} after building it")
    return index


# -- search ----------------------------------------------------------------------------


def _refresh_if_stale(
    store: Any,
    config: Config,
    settings: Settings,
    now: datetime,
    *,
    offline: bool,
    refresh: bool,
    on_feed: Callable[[FeedOutcome], None] | None,
) -> tuple[tuple[FeedOutcome, ...], list[str]]:
    """What a search does before it ranks: refresh the feeds when the store is older
    than ``max_age`` (or when asked), unless offline; a refresh already running is a
    notice, not an error. The outcomes, and notices for the user."""
    notices: list[str] = []
    refreshed = store.refreshed(_feedset(config))
    stale = refreshed is None or now.timestamp() - refreshed > settings.max_age.total_seconds()
    if offline or not (refresh or stale):
        return (), notices
    done: list[FeedOutcome] = []
    try:
        with store.lock(wait=SEARCH_LOCK_WAIT):
            for outcome in _refresh_locked(store, config, settings, None, force=refresh):
                done.append(outcome)
                if on_feed is not None:
                    on_feed(outcome)
    except StoreLocked:
        notices.append("another refresh is running; answering from the stored articles")
    return tuple(done), notices


def search_response(
    query: str,
    *,
    limit: int | None = None,
    feeds: Path | str | None = None,
    cache_dir: Path | str | None = None,
    max_age: timedelta | None = None,
    since: timedelta | None = None,
    offline: bool = False,
    refresh: bool = False,
    now: datetime | None = None,
    exclude: str | Sequence[str] = (),
    sort: str = "hybrid",
    explain: bool = False,
    config: Config | None = None,
    on_feed: Callable[[FeedOutcome], None] | None = None,
) -> SearchResponse:
    """Answer ``query`` (comma-separated interests) with a shortlist and how it was made.

    Refreshes the feeds first when the store is older than ``max_age`` (or when
    ``refresh`` is true) unless ``offline``; ``on_feed`` is called with each
    feed's outcome as that refresh goes (for a progress display). Answers from
    the result cache when the same query was asked of the same store.
    ``exclude``, ``sort`` and ``explain`` are as for :meth:`Searcher.search`.
    """
    from .rank import split_interests
    from .types import SearchResponse

    interests = split_interests(query)
    if not interests:
        raise UsageError("empty query: give one or more interests, separated by commas")
    if not _searchable(interests):
        shown = query if len(query) <= 60 else query[:60] + "…"
        raise UsageError(
            f"nothing to search for in {shown!r}: only words too common to rank "
            "(the, and, of...) or punctuation; name an interest, such as 'sailing'"
        )
    if sort not in SORTS:
        raise UsageError(f"invalid sort {sort!r}: use one of {', '.join(SORTS)}")
    excluded = split_interests(exclude) if isinstance(exclude, str) else list(exclude)
    search = _Search(interests, excluded, sort, explain, since)
    store = _open_store(cache_dir)
    config = config or load(feeds, cache_dir=store.directory)
    settings = _settings(config, max_age=max_age, limit=limit)
    now = now or datetime.now(UTC)
    feedset = _feedset(config)
    outcomes, notices = _refresh_if_stale(
        store, config, settings, now, offline=offline, refresh=refresh, on_feed=on_feed
    )
    refreshed = store.refreshed(feedset)
    templates = [s for s in config.feeds if s.is_search]
    if templates and not offline:
        found, note = _fetch_search_feeds(
            store, config, settings, templates, interests, force=refresh, on_feed=on_feed
        )
        outcomes += found
        if note:
            notices.append(note)
    fresh_until = (
        datetime.fromtimestamp(refreshed + settings.max_age.total_seconds(), UTC)
        if refreshed is not None
        else None
    )
    generation = store.generation()
    cache_key = _result_key(search, settings, config, generation, now)
    cached = store.get_result(cache_key)
    if cached is not None and cached.get("v") == RESULT_VERSION:
        results = [_result_from_dict(r) for r in cached["results"]]
        stored = int(cached.get("stored", 1))
    else:
        results, stored = _rank(store, config, search, settings, now)
        store.put_result(
            cache_key,
            {
                "v": RESULT_VERSION,
                "stored": stored,
                "results": [_result_to_dict(r) for r in results],
            },
            ttl=RESULT_TTL,
        )
    if not stored:
        notices.append(
            "no articles are stored for these feeds yet"
            + (" (searching offline)" if offline else "; see the warnings above")
        )
    return SearchResponse(
        query=query,
        interests=tuple(interests),
        results=tuple(results),
        outcomes=outcomes,
        cached=cached is not None and cached.get("v") == RESULT_VERSION,
        notices=tuple(notices),
        generation=generation,
        fresh_until=fresh_until,
    )


def _searchable(interests: Sequence[str]) -> bool:
    """Whether any interest has a word the index could hold (not only stop words or
    punctuation), under the default analysis the index is built with."""
    from .analyze import analyze

    return any(analyze(i) for i in interests)


# -- the command line's answer cache ----------------------------------------------------
#
# A repeated search should cost little more than starting Python: no YAML, no
# index, no numpy. The command line keeps what it printed, keyed by the query,
# the options that shape the output and the feeds file's identity (path, size,
# mtime), and prints it again while the store is unchanged and not due for a
# refresh.

#: Bumped when what is kept changes shape.
ANSWER_VERSION = 1


@dataclass(frozen=True, slots=True)
class Answer:
    """What a search printed: to replay while nothing it depends on changed."""

    stdout: str
    stderr: str
    code: int


def answer_key(query: str, options: Mapping[str, Any], feeds: Path | str | None) -> str | None:
    """The key of a search's printed answer; None when there is no feeds file to stat."""
    path = _config.find_config(Path(feeds).expanduser() if feeds is not None else None)
    try:
        stat = path.stat()
        where = str(path.resolve())
    except OSError:
        return None
    ident = [ANSWER_VERSION, query, dict(options), where, stat.st_mtime_ns, stat.st_size]
    # The key is the identity itself, not a hash of it: no collision can ever
    # replay another search's answer (and hashlib would cost a cached search 10 ms).
    return json.dumps(ident, sort_keys=True, default=str)


def recall_answer(
    key: str, cache_dir: Path | str | None, *, offline: bool = False, now: datetime | None = None
) -> Answer | None:
    """The answer kept under ``key``, if the store is unchanged since and not due for a refresh."""
    store = _open_store(cache_dir)
    entry = store.get_result(f"answer:{key}")
    if not entry or entry.get("v") != ANSWER_VERSION:
        return None
    if entry["generation"] != store.generation():
        return None
    fresh_until = entry.get("fresh_until")
    now_ts = (now or datetime.now(UTC)).timestamp()
    if not offline and (fresh_until is None or now_ts >= fresh_until):
        return None
    return Answer(entry["stdout"], entry["stderr"], int(entry["code"]))


def remember_answer(
    key: str, cache_dir: Path | str | None, answer: Answer, response: SearchResponse
) -> None:
    """Keep what a search printed, for :func:`recall_answer`."""
    store = _open_store(cache_dir)
    store.put_result(
        f"answer:{key}",
        {
            "v": ANSWER_VERSION,
            "generation": response.generation,
            "fresh_until": response.fresh_until.timestamp() if response.fresh_until else None,
            "stdout": answer.stdout,
            "stderr": answer.stderr,
            "code": answer.code,
        },
        ttl=RESULT_TTL,
    )


def _fetch_search_feeds(
    store: Any,
    config: Config,
    settings: Settings,
    templates: Sequence[FeedSpec],
    interests: Sequence[str],
    *,
    force: bool,
    on_feed: Callable[[FeedOutcome], None] | None,
) -> tuple[tuple[FeedOutcome, ...], str | None]:
    """Fetch the search feeds for these interests (those that are due), remembering
    them so that their articles join the index; a failure is a warning."""
    instances = [_search_feed(t, i) for t in templates for i in interests]
    store.add_search_feeds(
        _feedset(config),
        {s.key: {"name": s.name, "weight": s.weight} for s in instances},
        keep=MAX_SEARCH_FEEDS,
    )
    done: list[FeedOutcome] = []
    try:
        with store.lock(wait=SEARCH_LOCK_WAIT):
            for outcome in _refresh_locked(
                store, config, settings, None, force=force, feeds=instances, index=False
            ):
                done.append(outcome)
                if on_feed is not None:
                    on_feed(outcome)
    except StoreLocked:
        return (), "another refresh is running; search feeds were not fetched"
    return tuple(done), None


def open_searcher(
    *,
    feeds: Path | str | None = None,
    cache_dir: Path | str | None = None,
    config: Config | None = None,
    max_age: timedelta | None = None,
    offline: bool = False,
    refresh: bool = False,
    now: datetime | None = None,
    on_feed: Callable[[FeedOutcome], None] | None = None,
) -> tuple[Searcher, tuple[FeedOutcome, ...], tuple[str, ...]]:
    """A :class:`Searcher` over the current index, for many queries (a batch).

    Runs first the refresh a search would (when the store is older than
    ``max_age``, or with ``refresh``; never ``offline``), and returns the
    Searcher with that refresh's outcomes and notices. Search feeds
    (``{query}``) are not fetched: they belong to single searches. Close the
    Searcher when done.
    """
    store = _open_store(cache_dir)
    config = config or load(feeds, cache_dir=store.directory)
    settings = _settings(config, max_age=max_age)
    outcomes, notices = _refresh_if_stale(
        store,
        config,
        settings,
        now or datetime.now(UTC),
        offline=offline,
        refresh=refresh,
        on_feed=on_feed,
    )
    searcher = Searcher(_ensure_index(store, config), _indexed_feeds(store, config))
    if not searcher.n_docs:
        notices.append(
            "no articles are stored for these feeds yet"
            + (" (searching offline)" if offline else "; see the warnings above")
        )
    return searcher, outcomes, tuple(notices)


def stored_articles(*, cache_dir: Path | str | None = None) -> tuple[int, list[Article]]:
    """Every stored article, of every feed, with the store generation they reflect
    (read in one transaction). Article.feed is the feed's key (URL or path)."""
    store = _open_store(cache_dir)
    keys = store.feed_keys()
    generation, groups = store.articles({k: k for k in keys})
    return int(generation), [a for _, articles in groups for a in articles]


def search(query: str, *, limit: int = 5, **options: Any) -> list[Result]:
    """The shortlist for ``query``: see :func:`search_response` for the options."""
    return list(search_response(query, limit=limit, **options).results)


@dataclass(frozen=True, slots=True)
class _Search:
    """What was asked, beyond the settings."""

    interests: list[str]
    exclude: list[str]
    sort: str
    explain: bool
    since: timedelta | None


def _result_key(
    search: _Search, settings: Settings, config: Config, generation: int, now: datetime
) -> str:
    ident = {
        "v": RESULT_VERSION,
        "interests": [i.casefold() for i in search.interests],
        "exclude": [i.casefold() for i in search.exclude],
        "sort": search.sort,
        "explain": search.explain,
        "limit": settings.limit,
        "half_life": settings.half_life_days,
        "since": search.since.total_seconds() if search.since is not None else None,
        # Names, not the feed list itself: with thousands of feeds the key would
        # be hundreds of kilobytes, stored with every answer.
        "feeds": _names(config),
        "generation": generation,
        # Recency moves slowly (a 14-day half-life): an answer holds for the day.
        "day": now.date().isoformat() if search.sort != "relevance" else None,
    }
    return json.dumps(ident, sort_keys=True)


def _rank(
    store: Any, config: Config, search: _Search, settings: Settings, now: datetime
) -> tuple[list[Result], int]:
    """The shortlist, and how many articles the index holds."""
    with Searcher(_ensure_index(store, config), _indexed_feeds(store, config)) as searcher:
        results = searcher.search(
            search.interests,
            limit=settings.limit,
            since=search.since,
            now=now,
            exclude=search.exclude,
            sort=search.sort,
            half_life_days=settings.half_life_days,
            explain=search.explain,
        )
        return results, searcher.n_docs


class Searcher:
    """Answers queries from one open index: reuse it for many queries (batches, benchmarks).

    ``feeds`` are the configured feeds whose articles may be shown (matched to
    the index by feed key) with their names and weights; None shows every
    feed in the index under its key.
    """

    def __init__(self, index: Any, feeds: Sequence[FeedSpec] | None = None) -> None:
        from .store import feed_key

        self.index = index
        position = {key: i for i, key in enumerate(index.sources)}
        self.names: dict[int, str] = {}
        self.key_names: dict[str, str] = {}
        self.weights: dict[int, float] = {}
        if feeds is None:
            self.names = dict(enumerate(index.sources))
            self.key_names = {key: key for key in index.sources}
        else:
            keys = [feed_key(spec) for spec in feeds]
            self.key_names = {key: spec.name for key, spec in zip(keys, feeds, strict=True)}
            for key, spec in zip(keys, feeds, strict=True):
                i = position.get(key)
                if i is not None:
                    self.names[i] = spec.name
                    if spec.weight != 1.0:
                        self.weights[i] = spec.weight

    @property
    def n_docs(self) -> int:
        """Articles in the index."""
        return int(self.index.n_docs)

    def search(
        self,
        query: str | Sequence[str],
        *,
        limit: int = 5,
        since: timedelta | None = None,
        now: datetime | None = None,
        exclude: str | Sequence[str] = (),
        sort: str = "hybrid",
        half_life_days: float = 14.0,
        explain: bool = False,
        partial: bool = False,
    ) -> list[Result]:
        """The shortlist for ``query`` (a query string, or its interests).

        ``exclude`` drops articles matching those interests; ``sort`` is
        "hybrid" (relevance with a mild preference for recent articles),
        "relevance" or "recent"; ``explain`` fills ``Result.explain``;
        ``partial`` appends partial matches after the real ones (for
        evaluating a ranking to depth ``limit``, never for a letter).
        """
        from .index import published_at
        from .rank import RankOptions, rank, split_interests
        from .types import Explanation, Result

        interests = split_interests(query) if isinstance(query, str) else list(query)
        excluded = split_interests(exclude) if isinstance(exclude, str) else list(exclude)
        now = now or datetime.now(UTC)
        options = RankOptions(
            limit=limit,
            sources=frozenset(self.names),
            weights=self.weights,
            since=(now - since).timestamp() if since is not None else None,
            exclude=tuple(excluded),
            sort=sort,
            now=now.timestamp(),
            half_life_days=half_life_days,
            partial=partial,
        )
        results = []
        for hit in rank(self.index, interests, options):
            doc = self.index.doc(hit.doc)
            also = []
            own = self.index.sources[doc.source] if doc.source >= 0 else None
            for key in (*doc.also, *hit.also):
                name = self.key_names.get(key)
                if name is not None and key != own and name not in also:
                    also.append(name)
            results.append(
                Result(
                    id=doc.id,
                    title=doc.title,
                    url=doc.link,
                    source=self.names.get(doc.source, "?"),
                    published=published_at(doc),
                    summary=doc.summary,
                    author=doc.author,
                    score=round(hit.score, 6),
                    matched_interests=tuple(interests[i] for i in hit.interests),
                    matched_terms=hit.terms,
                    also_in=tuple(also),
                    explain=Explanation(
                        interests=tuple(
                            (interests[i], round(hit.parts[i], 6)) for i in hit.interests
                        ),
                        weight=hit.weight,
                        relevance=round(hit.relevance, 6),
                        recency=round(hit.recency, 6),
                    )
                    if explain
                    else None,
                )
            )
        return results

    def close(self) -> None:
        """Release the index."""
        self.index.close()

    def __enter__(self) -> Searcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def index_articles(
    articles: Iterable[Article], directory: Path | str, *, params: Any = None
) -> Searcher:
    """Index ``articles`` (grouped by their ``feed``) under ``directory`` and open it.

    For ranking articles that do not come from feeds.yaml: a relevance
    benchmark, another tool's own list. ``params`` (an ``index.Params``)
    changes the weighting, for experiments.
    """
    from .index import FeedInput, Index, update

    groups: dict[str, list[Article]] = {}
    for a in articles:
        groups.setdefault(a.feed, []).append(a)
    parent = Path(directory)
    feeds = [
        FeedInput(key=name, version=0, load=functools.partial(list, items))
        for name, items in groups.items()
    ]
    update(parent, feeds, generation=0, params=params, full=True)
    index = Index.open(parent)
    if index is None:
        raise StoreError(f"cannot open the index in {str(parent)!r} after building it")
    return Searcher(index)


def _result_to_dict(r: Result) -> dict[str, Any]:
    return {
        "id": r.id,
        "title": r.title,
        "url": r.url,
        "source": r.source,
        "published": r.published.timestamp() if r.published else None,
        "summary": r.summary,
        "author": r.author,
        "score": r.score,
        "matched_interests": list(r.matched_interests),
        "matched_terms": list(r.matched_terms),
        "also_in": list(r.also_in),
        "explain": (
            {
                "interests": [list(p) for p in r.explain.interests],
                "weight": r.explain.weight,
                "relevance": r.explain.relevance,
                "recency": r.explain.recency,
            }
            if r.explain
            else None
        ),
    }


def _result_from_dict(d: Mapping[str, Any]) -> Result:
    from .types import Explanation, Result

    published = d.get("published")
    return Result(
        id=d["id"],
        title=d["title"],
        url=d["url"],
        source=d["source"],
        published=datetime.fromtimestamp(published, UTC) if published is not None else None,
        summary=d["summary"],
        author=d.get("author"),
        score=float(d["score"]),
        matched_interests=tuple(d["matched_interests"]),
        matched_terms=tuple(d["matched_terms"]),
        also_in=tuple(d.get("also_in") or ()),
        explain=(
            Explanation(
                interests=tuple((str(i), float(v)) for i, v in d["explain"]["interests"]),
                weight=float(d["explain"]["weight"]),
                relevance=float(d["explain"]["relevance"]),
                recency=float(d["explain"]["recency"]),
            )
            if d.get("explain")
            else None
        ),
    )
