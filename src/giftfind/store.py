"""The local store: articles, per-feed fetch state, cached results (diskcache over SQLite).

This is the only module that uses diskcache. Values are versioned plain dicts
(``v1:...`` keys), never pickled classes, so an upgrade can read an old store.

Layout of one store (a diskcache directory, SQLite in WAL mode underneath):

``v1:meta``
    ``{"generation": int}``; the generation goes up with every change to the
    articles, and names which index snapshot is current.
``v1:feed:<feed key>``
    the feed's fetch state (validators, last success, last error...).
``v1:articles:<feed key>``
    the feed's articles, ``{article id: article dict}``, written whole.
``v1:result:<hash>``
    cached search answers (they expire).

A feed key is the feed's configured URL (or its resolved path, for a local
file); display names come from feeds.yaml, so renaming a feed keeps its history.

Each feed is committed in one SQLite transaction: its articles, its state and
the generation change together or not at all, so a crash mid-refresh leaves
every feed either as it was or as it was fetched. Every value lives inside the
SQLite database: diskcache would put large ones in files beside it, written and
deleted outside the transactions (a crash between the two lost a feed's
articles; so did a reader that found the file already replaced).

Damage is repaired where it is found, and reported (:class:`StoreDamaged`): a
value that cannot be read is dropped (a feed's articles are then fetched whole
again), and a database SQLite calls corrupt is set aside, replaced by a new one
holding whatever articles could still be read from it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from . import _files
from .errors import StoreDamaged, StoreError, StoreLocked

if TYPE_CHECKING:
    from .types import Article, FeedSpec, FeedState


SCHEMA = "v1"
_META = f"{SCHEMA}:meta"
#: A feed that invents new ids on every fetch must not grow without bound.
MAX_ARTICLES_PER_FEED = 5000
#: diskcache's threshold for keeping a value in a file rather than in SQLite:
#: never, so that every change is inside a transaction.
_INLINE_UP_TO = 2**40
#: SQLite's result codes for a damaged database (SQLITE_CORRUPT, SQLITE_NOTADB).
_CORRUPT_CODES = frozenset({11, 26})


def feed_key(spec: FeedSpec) -> str:
    """The store's identity for a feed: its URL, or its resolved path."""
    return spec.key


def _ts(when: datetime | None) -> float | None:
    return when.timestamp() if when is not None else None


def _dt(ts: float | None) -> datetime | None:
    return datetime.fromtimestamp(ts, UTC) if ts is not None else None


def article_to_dict(a: Article) -> dict[str, Any]:
    """The stored form of an article (the feed is implied by where it is stored)."""
    return {
        "id": a.id,
        "title": a.title,
        "link": a.link,
        "published": _ts(a.published),
        "summary": a.summary,
        "author": a.author,
        "tags": list(a.tags),
        "first_seen": _ts(a.first_seen),
    }


def article_from_dict(d: Mapping[str, Any], feed: str) -> Article:
    from .types import Article

    """Rebuild an article read from the store."""
    return Article(
        id=d["id"],
        feed=feed,
        title=d["title"],
        link=d["link"],
        published=_dt(d.get("published")),
        summary=d["summary"],
        author=d.get("author"),
        tags=tuple(d.get("tags") or ()),
        first_seen=_dt(d.get("first_seen")),
    )


def _state_to_dict(s: FeedState) -> dict[str, Any]:
    return {
        "feed": s.feed,
        "url": s.url,
        "etag": s.etag,
        "last_modified": s.last_modified,
        "last_attempt": _ts(s.last_attempt),
        "last_success": _ts(s.last_success),
        "last_error": s.last_error,
        "failures": s.failures,
        "articles": s.articles,
        "next_due": _ts(s.next_due),
        "interval": s.interval,
        "interval_source": s.interval_source,
        "retry_until": _ts(s.retry_until),
        "moved_to": s.moved_to,
        "disabled": s.disabled,
    }


def _state_from_dict(d: Mapping[str, Any]) -> FeedState:
    from .types import FeedState

    return FeedState(
        feed=d["feed"],
        url=d["url"],
        etag=d.get("etag"),
        last_modified=d.get("last_modified"),
        last_attempt=_dt(d.get("last_attempt")),
        last_success=_dt(d.get("last_success")),
        last_error=d.get("last_error"),
        failures=int(d.get("failures", 0)),
        articles=int(d.get("articles", 0)),
        next_due=_dt(d.get("next_due")),
        interval=d.get("interval"),
        interval_source=d.get("interval_source"),
        retry_until=_dt(d.get("retry_until")),
        moved_to=d.get("moved_to"),
        disabled=d.get("disabled"),
    )


def _age_key(d: Mapping[str, Any]) -> float:
    """What retention measures an article's age by: its date, else when it was first seen."""
    published = d.get("published")
    return published if published is not None else (d.get("first_seen") or 0.0)


class _Damaged(Exception):
    """A value that cannot be read (raised inside a transaction, repaired outside it)."""

    def __init__(self, key: str, why: str) -> None:
        self.key = key
        self.why = why
        super().__init__(key, why)


_DISK: Any = None


def _disk_class() -> Any:
    """diskcache's Disk, except that a file a transaction replaces is removed only once
    the transaction commits.

    diskcache removes a replaced value's file as soon as the ``set`` that replaced
    it returns, even inside an enclosing transaction: a crash (or a failed write)
    before the commit left the old row pointing at a deleted file. Values are no
    longer written to files, but a store written by an older giftfind may hold some.
    """
    global _DISK
    if _DISK is None:
        import diskcache

        class DeferringDisk(diskcache.Disk):  # type: ignore[misc]
            deferred: list[str] | None = None

            def remove(self, file_path: str) -> None:
                if self.deferred is not None:
                    self.deferred.append(file_path)
                else:
                    super().remove(file_path)

        _DISK = DeferringDisk
    return _DISK


def _fresh_generation() -> int:
    """Where the generation of a store made beside an existing index starts:
    microseconds since the epoch, so that it never repeats a generation that index
    was made for (a store rebuilt after damage, or deleted by hand, would otherwise
    count from 0 again, and an old index would pass for current)."""
    return time.time_ns() // 1000


class Store:
    """Articles and fetch state under one cache directory."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._holding_lock = False
        self._txn_depth = 0
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(_describe_os_error(directory, e)) from e
        self._identity = _db_identity(self._db_dir)
        try:
            self._cache = self._open_cache()
        except sqlite3.DatabaseError as e:
            if not _is_corrupt(e):
                raise StoreError(_describe_os_error(directory, e)) from e
            self._cache = None
            self._recover(e)
        except OSError as e:
            raise StoreError(_describe_os_error(directory, e)) from e
        self._identity = _db_identity(self._db_dir)

    @property
    def _db_dir(self) -> Path:
        return self.directory / "store"

    def _open_cache(self) -> Any:
        import diskcache

        # Eviction off: this is the user's data, not a cache to trim.
        return diskcache.Cache(
            str(self._db_dir),
            eviction_policy="none",
            timeout=60,
            size_limit=2**62,
            disk=_disk_class(),
            disk_min_file_size=_INLINE_UP_TO,
        )

    def close(self) -> None:
        """Close the database."""
        self._closed = True
        if self._cache is not None:
            self._cache.close()

    def is_open(self) -> bool:
        """Whether :meth:`close` has not been called (and the directory still exists)."""
        return not getattr(self, "_closed", False) and self.directory.is_dir()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        """Turn storage failures into one-line StoreErrors, and repair damage.

        Damage found inside a transaction is repaired by the outermost guard, once
        the transaction has rolled back.
        """
        import diskcache

        try:
            yield
        except _Damaged as e:
            if self._txn_depth:
                raise
            self._drop_damaged(e)
        except sqlite3.DatabaseError as e:
            if self._txn_depth and _is_corrupt(e):
                raise
            if _is_corrupt(e):
                self._recover(e)
            raise StoreError(f"{action}: {_describe_os_error(self.directory, e)}") from e
        except OSError as e:
            raise StoreError(f"{action}: {_describe_os_error(self.directory, e)}") from e
        except diskcache.Timeout as e:
            raise StoreError(
                f"{action}: {str(self.directory)!r} is busy: another giftfind process "
                "held it for over a minute"
            ) from e

    @contextlib.contextmanager
    def _transact(self) -> Iterator[None]:
        """One SQLite transaction; files of replaced values are removed after it commits."""
        disk = self._cache._disk
        outer = disk.deferred is None
        if outer:
            disk.deferred = []
        self._txn_depth += 1
        try:
            with self._cache.transact():
                yield
            if outer:
                done, disk.deferred = disk.deferred, None
                for path in done:
                    disk.remove(path)
        finally:
            self._txn_depth -= 1
            if outer:
                disk.deferred = None

    # -- reading values, and repairing what cannot be read ---------------------------

    def _read(self, key: str, check: Callable[[Any], object] | None = None) -> Any:
        """The value under ``key`` (a dict), or None when there is none.

        A value that cannot be unpickled, is not what ``check`` accepts, or whose
        file (a store written by an older giftfind) is gone raises :class:`_Damaged`.
        """
        import diskcache

        missing = object()
        try:
            value = self._cache.get(key, default=missing)
        except (OSError, sqlite3.Error, diskcache.Timeout):
            raise
        except Exception as e:  # unpickling damaged bytes can raise almost anything
            raise _Damaged(key, f"{type(e).__name__}: {e}") from e
        if value is missing:
            if key in self._cache:
                raise _Damaged(key, "its file is missing")
            return None
        if not isinstance(value, dict):
            raise _Damaged(key, f"a {type(value).__name__} where a mapping was expected")
        if check is not None:
            try:
                check(value)
            except Exception as e:
                raise _Damaged(key, f"{type(e).__name__}: {e}") from e
        return value

    def _drop_damaged(self, e: _Damaged) -> NoReturn:
        """Drop a value that cannot be read, so that the store works again, and say so."""
        prefix, _, rest = e.key.partition(":")[2].partition(":")
        with self._guard("cannot repair the store"), self._transact():
            self._cache.delete(e.key)
            if prefix == "articles":
                # Its validators would make the server answer 304: forget them, so
                # the next refresh fetches the feed whole.
                self._cache.delete(f"{SCHEMA}:feed:{rest}")
                self._bump(rest)
        what, then = {
            "articles": (
                f"the articles of feed {rest!r}",
                "the next refresh fetches them again",
            ),
            "feed": (f"the fetch state of feed {rest!r}", "the next refresh fetches it whole"),
            "meta": ("its generation and refresh times", "the search index is rebuilt"),
            "search": ("its list of search feeds", "searches fetch them again"),
        }.get(prefix, (f"the value {e.key!r}", "it is made again when needed"))
        raise StoreDamaged(
            f"the store in {str(self.directory)!r} was damaged: {what} could not be read "
            f"({e.why}) and were dropped; {then}"
        )

    def _recover(self, e: sqlite3.DatabaseError) -> NoReturn:
        """Set a database SQLite calls corrupt aside, start a new one with whatever
        articles can still be read from it, and say so."""
        cause = str(e) or type(e).__name__
        if self._cache is not None:
            with contextlib.suppress(Exception):
                self._cache.close()
        self._cache = None
        try:
            with self._repair_lock():
                if _db_identity(self._db_dir) != self._identity:
                    # Another giftfind process repaired it first.
                    self._cache = self._open_cache()
                    self._identity = _db_identity(self._db_dir)
                    raise StoreDamaged(
                        f"the store in {str(self.directory)!r} was damaged ({cause}) and "
                        "another giftfind process has replaced it; run the command again"
                    )
                stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
                aside = self.directory / f"store.damaged-{stamp}"
                os.replace(self._db_dir, aside)
                saved = _salvage(aside)
                self._cache = self._open_cache()
                self._identity = _db_identity(self._db_dir)
                with self._transact():
                    for key, stored in saved.items():
                        self._cache.set(f"{SCHEMA}:articles:{key}", stored)
                        self._bump(key)
        except StoreLocked as locked:
            raise StoreDamaged(
                f"the store in {str(self.directory)!r} is damaged ({cause}); another "
                "giftfind process is running: run the command again once it ends"
            ) from locked
        except (OSError, sqlite3.Error) as failed:
            raise StoreError(
                f"the store in {str(self.directory)!r} is damaged ({cause}) and cannot be "
                f"replaced: {_describe_os_error(self.directory, failed)}"
            ) from failed
        raise StoreDamaged(
            f"the store in {str(self.directory)!r} was damaged ({cause}): set it aside as "
            f"{aside.name!r} and started a new one with the articles of {len(saved)} feeds "
            "that could still be read; the next refresh fetches the rest"
        ) from e

    @contextlib.contextmanager
    def _repair_lock(self) -> Iterator[None]:
        """The refresh lock, unless this store already holds it."""
        if self._holding_lock:
            yield
        else:
            with self.lock(wait=10):
                yield

    # -- meta ----------------------------------------------------------------------

    @property
    def index_dir(self) -> Path:
        """Where index snapshots live."""
        return self.directory / "index"

    def _meta(self) -> dict[str, Any]:
        return dict(self._read(_META, _check_meta) or {})

    def generation(self) -> int:
        """Goes up with every change to the stored articles."""
        with self._guard("cannot read the store"):
            meta = self._meta()
        return int(meta.get("generation", 0))

    def _bump(self, key: str) -> int:
        """Record that feed ``key``'s articles changed (inside its transaction).

        A feed's version is the generation of its last change: unlike a count of
        its own changes, it never repeats a version an index was made for.
        """
        meta = self._meta()
        old = meta.get("generation")
        if old is None:
            old = _fresh_generation() if self.index_dir.exists() else 0
        meta["generation"] = int(old) + 1
        versions = dict(meta.get("versions") or {})
        versions[key] = meta["generation"]
        meta["versions"] = versions
        self._cache.set(_META, meta)
        return int(meta["generation"])

    def versions(self) -> dict[str, int]:
        """Per feed key, a number that changes whenever its stored articles change."""
        with self._guard("cannot read the store"):
            meta = self._meta()
        return dict(meta.get("versions") or {})

    def feed_articles(self, key: str, name: str) -> list[Article]:
        """The stored articles of one feed, under its display name."""
        with self._guard("cannot read the store"):
            return self._feed_articles(key, name)

    def _feed_articles(self, key: str, name: str) -> list[Article]:
        out: list[Article] = []

        def build(stored: Mapping[str, Any]) -> None:
            out.extend(article_from_dict(d, name) for d in stored.values())

        self._read(f"{SCHEMA}:articles:{key}", build)
        return out

    # -- feed state ----------------------------------------------------------------

    def state(self, key: str) -> FeedState | None:
        """The fetch state of one feed, or None if it was never fetched."""
        with self._guard("cannot read the store"):
            d = self._read(f"{SCHEMA}:feed:{key}", _state_from_dict)
        return _state_from_dict(d) if d else None

    def states(self, keys: Iterable[str]) -> dict[str, FeedState]:
        """Fetch states by feed key (feeds never fetched are absent)."""
        out = {}
        for key in keys:
            s = self.state(key)
            if s is not None:
                out[key] = s
        return out

    def save_state(self, key: str, state: FeedState) -> None:
        """Record a fetch that brought no new document (304, or a failure)."""
        with self._guard("cannot write the store"):
            self._cache.set(f"{SCHEMA}:feed:{key}", _state_to_dict(state))

    # -- articles ------------------------------------------------------------------

    def save_feed(
        self,
        key: str,
        articles: Sequence[Article],
        state: FeedState,
        *,
        now: datetime,
        retention_days: int = 0,
    ) -> tuple[int, FeedState]:
        """Merge a fetched document's articles into the feed's, with its state, atomically.

        An article already stored (same id: a guid, else the canonical link) is
        updated in place and keeps its ``first_seen``; a new one gets
        ``first_seen = now``. Items with distinct guids stay distinct even when
        they share a link (a podcast's episodes may all link to its home page).
        Returns the number of new articles and the state as saved.
        """
        akey = f"{SCHEMA}:articles:{key}"
        now_ts = now.timestamp()
        cutoff = now_ts - retention_days * 86400 if retention_days > 0 else None
        with self._guard("cannot write the store"), self._transact():
            stored: dict[str, dict[str, Any]] = dict(self._read(akey, _check_articles) or {})
            new = 0
            changed = False
            for a in articles:
                d = article_to_dict(a)
                old_id = a.id if a.id in stored else None
                if old_id is not None:
                    old = stored[old_id]
                    d["id"] = old_id
                    d["first_seen"] = old.get("first_seen", now_ts)
                    if d != old:
                        stored[old_id] = d
                        changed = True
                    continue
                if cutoff is not None and _age_key({**d, "first_seen": now_ts}) < cutoff:
                    continue  # already too old to keep: do not store it only to drop it
                d["first_seen"] = now_ts
                stored[a.id] = d
                new += 1
                changed = True
            if cutoff is not None:
                before = len(stored)
                stored = {i: d for i, d in stored.items() if _age_key(d) >= cutoff}
                changed = changed or len(stored) != before
            if len(stored) > MAX_ARTICLES_PER_FEED:
                keep = sorted(stored.values(), key=_age_key, reverse=True)
                stored = {d["id"]: d for d in keep[:MAX_ARTICLES_PER_FEED]}
                changed = True
            from dataclasses import replace

            state = replace(state, articles=len(stored))
            if changed:
                self._cache.set(akey, stored)
                self._bump(key)
            self._cache.set(f"{SCHEMA}:feed:{key}", _state_to_dict(state))
        return new, state

    def expire(self, keys: Iterable[str], *, now: datetime, retention_days: int) -> int:
        """Drop articles older than ``retention_days`` from these feeds; returns how many."""
        if retention_days <= 0:
            return 0
        cutoff = now.timestamp() - retention_days * 86400
        dropped = 0
        for key in keys:
            akey = f"{SCHEMA}:articles:{key}"
            with self._guard("cannot write the store"), self._transact():
                stored = self._read(akey, _check_articles)
                if not stored:
                    continue
                kept = {i: d for i, d in stored.items() if _age_key(d) >= cutoff}
                if len(kept) != len(stored):
                    dropped += len(stored) - len(kept)
                    self._cache.set(akey, kept)
                    state = self._read(f"{SCHEMA}:feed:{key}")
                    if state:
                        self._cache.set(f"{SCHEMA}:feed:{key}", {**state, "articles": len(kept)})
                    self._bump(key)
        return dropped

    def articles(self, feeds: Mapping[str, str]) -> tuple[int, list[tuple[str, list[Article]]]]:
        """The generation and the stored articles of the given feeds, in that order.

        ``feeds`` maps feed keys to display names. Everything is read in one
        transaction, so a concurrent refresh is seen whole or not at all.
        """
        out = []
        with self._guard("cannot read the store"), self._transact():
            generation = int(self._meta().get("generation", 0))
            for key, name in feeds.items():
                out.append((key, self._feed_articles(key, name)))
        return generation, out

    def feed_keys(self) -> list[str]:
        """Every feed key with stored articles."""
        prefix = f"{SCHEMA}:articles:"
        with self._guard("cannot read the store"):
            return [
                k[len(prefix) :]
                for k in self._cache.iterkeys()
                if isinstance(k, str) and k.startswith(prefix)
            ]

    # -- freshness -----------------------------------------------------------------

    def refreshed(self, feedset: str) -> float | None:
        """When a refresh of this set of feeds last completed (epoch seconds)."""
        with self._guard("cannot read the store"):
            meta = self._meta()
        value = (meta.get("refreshed") or {}).get(feedset)
        return float(value) if value is not None else None

    def mark_refreshed(self, feedset: str, when: float) -> None:
        """Record that a refresh of this set of feeds completed at ``when``."""
        with self._guard("cannot write the store"), self._transact():
            meta = self._meta()
            refreshed = dict(meta.get("refreshed") or {})
            refreshed[feedset] = when
            meta["refreshed"] = refreshed
            self._cache.set(_META, meta)

    # -- search feeds --------------------------------------------------------------

    def search_feeds(self, feedset: str) -> dict[str, dict[str, Any]]:
        """The search-feed instances known for a set of feeds, oldest first:
        ``{feed key: {"name": ..., "weight": ...}}``."""
        with self._guard("cannot read the store"):
            return dict(self._read(f"{SCHEMA}:search:{feedset}") or {})

    def add_search_feeds(
        self, feedset: str, entries: Mapping[str, Mapping[str, Any]], *, keep: int
    ) -> None:
        """Remember search-feed instances (the newest ``keep`` of them)."""
        key = f"{SCHEMA}:search:{feedset}"
        with self._guard("cannot write the store"), self._transact():
            known = dict(self._read(key) or {})
            new = {k: dict(v) for k, v in entries.items() if k not in known}
            if not new:
                return
            known.update(new)
            if len(known) > keep:
                known = dict(list(known.items())[-keep:])
            self._cache.set(key, known)

    # -- cached results ------------------------------------------------------------

    def get_result(self, key: str) -> Any:
        """A cached answer, or None (also when it cannot be read: it is only a cache)."""
        import diskcache

        with self._guard("cannot read the store"):
            try:
                return self._cache.get(f"{SCHEMA}:result:{key}")
            except (OSError, sqlite3.Error, diskcache.Timeout):
                raise
            except Exception:  # a damaged answer: forget it
                self._cache.delete(f"{SCHEMA}:result:{key}")
                return None

    def put_result(self, key: str, value: Any, *, ttl: float) -> None:
        """Cache an answer for ``ttl`` seconds."""
        with self._guard("cannot write the store"):
            self._cache.set(f"{SCHEMA}:result:{key}", value, expire=ttl, tag="result")

    # -- the refresh lock ----------------------------------------------------------

    @contextlib.contextmanager
    def lock(self, *, wait: float = 0.0) -> Iterator[None]:
        """Hold the refresh lock (a file lock); raise StoreLocked after ``wait`` seconds."""
        path = self.directory / "refresh.lock"
        with self._guard("cannot take the refresh lock"):
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            deadline = time.monotonic() + max(0.0, wait)
            while not _files.lock(fd, wait=False):
                if time.monotonic() >= deadline:
                    raise StoreLocked(
                        f"another giftfind refresh is running (lock {str(path)!r}); "
                        "try again later or pass --wait SECONDS"
                    )
                time.sleep(0.1)
            try:
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode())
                self._holding_lock = True
                yield
            finally:
                self._holding_lock = False
                _files.unlock(fd)
        finally:
            os.close(fd)


def _check_meta(meta: Mapping[str, Any]) -> None:
    int(meta.get("generation", 0))
    for field in ("versions", "refreshed"):
        if not isinstance(meta.get(field) or {}, dict):
            raise TypeError(f"{field!r} is not a mapping")


def _check_articles(stored: Mapping[str, Any]) -> None:
    for d in stored.values():
        if not isinstance(d, dict) or not isinstance(d.get("id"), str):
            raise TypeError("an article is not a mapping with an id")


def _is_corrupt(e: BaseException) -> bool:
    """Whether SQLite says the database is damaged (here, or in what this was raised from)."""
    seen: BaseException | None = e
    for _ in range(5):
        if seen is None:
            break
        if isinstance(seen, sqlite3.DatabaseError) and (
            getattr(seen, "sqlite_errorcode", None) in _CORRUPT_CODES
            or "malformed" in str(seen)
            or "not a database" in str(seen)
        ):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _db_identity(path: Path) -> tuple[int, int] | None:
    """Which database file ``path`` holds now (another process may have replaced it)."""
    try:
        st = (path / "cache.db").stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


#: Salvage stops probing row ids after this many in a row gave nothing.
_SALVAGE_MISSES = 20_000


def _salvage(damaged: Path) -> dict[str, dict[str, Any]]:
    """The feeds' articles that can still be read from a damaged store, by feed key.

    A scan of the table first; if a damaged page stops it, each row is looked up
    by its id, so that rows on the pages that remain are still found.
    """
    prefix = f"{SCHEMA}:articles:"
    saved: dict[str, dict[str, Any]] = {}

    def take(key: object, filename: str | None, value: bytes | None) -> None:
        if isinstance(key, str) and key.startswith(prefix):
            stored = _unpickle(damaged, filename, value)
            if stored is not None:
                saved[key[len(prefix) :]] = stored

    try:
        con = sqlite3.connect(f"file:{damaged / 'cache.db'}?mode=ro", uri=True)
    except sqlite3.Error:
        return saved
    try:
        with contextlib.suppress(sqlite3.Error):
            # Read on past a damaged schema (harmless: the connection is read-only).
            con.execute("PRAGMA writable_schema = ON")
        try:
            for row in con.execute("SELECT key, filename, value FROM Cache NOT INDEXED"):
                take(*row)
            return saved
        except sqlite3.Error:
            pass
        rowid = misses = 0
        while misses < _SALVAGE_MISSES:
            rowid += 1
            try:
                row = con.execute(
                    "SELECT key, filename, value FROM Cache WHERE rowid = ?", (rowid,)
                ).fetchone()
            except sqlite3.Error:
                row = None
            if row is None:
                misses += 1
                continue
            misses = 0
            take(*row)
    finally:
        con.close()
    return saved


def _unpickle(directory: Path, filename: str | None, value: bytes | None) -> Any:
    """A salvaged feed's articles, or None if they cannot be read whole."""
    import pickle

    try:
        data = value if value is not None else (directory / str(filename)).read_bytes()
        # The user's own store, read as giftfind reads it every day.
        stored = pickle.loads(data)  # noqa: S301
        if not isinstance(stored, dict):
            return None
        _check_articles(stored)
    except Exception:
        return None
    return stored


def _describe_os_error(directory: Path, e: BaseException) -> str:
    where = str(directory)
    if isinstance(e, OSError):
        if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return (
                f"{where!r} is not writable ({e.strerror}); use --cache-dir or $GIFTFIND_CACHE_DIR"
            )
        if e.errno in (errno.ENOSPC, errno.EDQUOT):
            return f"{where!r}: no space left on the device ({e.strerror})"
        if e.errno == errno.EFBIG:
            return f"{where!r}: no space left: a file reached the size limit ({e.strerror})"
        return f"{where!r}: {e.strerror or e}"
    text = str(e)
    unwritable = _unwritable(directory)
    if unwritable or "readonly" in text or "read-only" in text:
        # SQLite says "unable to open database file" when it cannot make its
        # journal files: name the real cause.
        return (
            f"{where!r} is not writable ({unwritable or 'read-only'}); "
            "use --cache-dir or $GIFTFIND_CACHE_DIR"
        )
    if "full" in text:
        return f"{where!r}: no space left on the device ({text})"
    if "disk I/O error" in text:
        # What SQLite reports when a write fails for a reason it has no code for
        # (a file size limit, a failing disk).
        return f"{where!r}: cannot write to the disk ({text}); is it full or failing?"
    if "malformed" in text or "not a database" in text:
        return f"{where!r}: the store is damaged ({text})"
    return f"{where!r}: {text}"


def _unwritable(directory: Path) -> str | None:
    """Why giftfind cannot write under ``directory`` (None if it can, as far as it can tell)."""
    for path in (directory / "store", directory):
        try:
            if os.statvfs(path).f_flag & os.ST_RDONLY:
                return "read-only file system"
            if not os.access(path, os.W_OK):
                return "permission denied"
        except (OSError, AttributeError):  # gone, or no statvfs (Windows)
            continue
        return None
    return None
