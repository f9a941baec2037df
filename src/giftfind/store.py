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
every feed either as it was or as it was fetched.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import StoreError, StoreLocked

if TYPE_CHECKING:
    from .types import Article, FeedSpec, FeedState


SCHEMA = "v1"
_META = f"{SCHEMA}:meta"
#: A feed that invents new ids on every fetch must not grow without bound.
MAX_ARTICLES_PER_FEED = 5000


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


class Store:
    """Articles and fetch state under one cache directory."""

    def __init__(self, directory: Path) -> None:
        import diskcache

        self.directory = directory
        try:
            directory.mkdir(parents=True, exist_ok=True)
            # Eviction off: this is the user's data, not a cache to trim.
            self._cache = diskcache.Cache(
                str(directory / "store"),
                eviction_policy="none",
                timeout=60,
                size_limit=2**62,
            )
        except (OSError, sqlite3.Error) as e:
            raise StoreError(_describe_os_error(directory, e)) from e

    def close(self) -> None:
        """Close the database."""
        self._closed = True
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
        """Turn storage failures into one-line StoreErrors."""
        try:
            yield
        except (OSError, sqlite3.Error) as e:
            raise StoreError(f"{action}: {_describe_os_error(self.directory, e)}") from e

    # -- meta ----------------------------------------------------------------------

    @property
    def index_dir(self) -> Path:
        """Where index snapshots live."""
        return self.directory / "index"

    def generation(self) -> int:
        """Goes up with every change to the stored articles."""
        with self._guard("cannot read the store"):
            meta = self._cache.get(_META) or {}
        return int(meta.get("generation", 0))

    def _bump(self, key: str) -> int:
        """Record that feed ``key``'s articles changed (inside its transaction)."""
        meta = dict(self._cache.get(_META) or {})
        meta["generation"] = int(meta.get("generation", 0)) + 1
        versions = dict(meta.get("versions") or {})
        versions[key] = int(versions.get(key, 0)) + 1
        meta["versions"] = versions
        self._cache.set(_META, meta)
        return int(meta["generation"])

    def versions(self) -> dict[str, int]:
        """Per feed key, a number that changes whenever its stored articles change."""
        with self._guard("cannot read the store"):
            meta = self._cache.get(_META) or {}
        return dict(meta.get("versions") or {})

    def feed_articles(self, key: str, name: str) -> list[Article]:
        """The stored articles of one feed, under its display name."""
        with self._guard("cannot read the store"):
            stored = self._cache.get(f"{SCHEMA}:articles:{key}") or {}
        return [article_from_dict(d, name) for d in stored.values()]

    # -- feed state ----------------------------------------------------------------

    def state(self, key: str) -> FeedState | None:
        """The fetch state of one feed, or None if it was never fetched."""
        with self._guard("cannot read the store"):
            d = self._cache.get(f"{SCHEMA}:feed:{key}")
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
        with self._guard("cannot write the store"), self._cache.transact():
            stored: dict[str, dict[str, Any]] = dict(self._cache.get(akey) or {})
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
            with self._guard("cannot write the store"), self._cache.transact():
                stored = self._cache.get(akey)
                if not stored:
                    continue
                kept = {i: d for i, d in stored.items() if _age_key(d) >= cutoff}
                if len(kept) != len(stored):
                    dropped += len(stored) - len(kept)
                    self._cache.set(akey, kept)
                    state = self._cache.get(f"{SCHEMA}:feed:{key}")
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
        with self._guard("cannot read the store"), self._cache.transact():
            generation = self.generation()
            for key, name in feeds.items():
                stored = self._cache.get(f"{SCHEMA}:articles:{key}") or {}
                out.append((key, [article_from_dict(d, name) for d in stored.values()]))
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
            meta = self._cache.get(_META) or {}
        value = (meta.get("refreshed") or {}).get(feedset)
        return float(value) if value is not None else None

    def mark_refreshed(self, feedset: str, when: float) -> None:
        """Record that a refresh of this set of feeds completed at ``when``."""
        with self._guard("cannot write the store"), self._cache.transact():
            meta = dict(self._cache.get(_META) or {})
            refreshed = dict(meta.get("refreshed") or {})
            refreshed[feedset] = when
            meta["refreshed"] = refreshed
            self._cache.set(_META, meta)

    # -- search feeds --------------------------------------------------------------

    def search_feeds(self, feedset: str) -> dict[str, dict[str, Any]]:
        """The search-feed instances known for a set of feeds, oldest first:
        ``{feed key: {"name": ..., "weight": ...}}``."""
        with self._guard("cannot read the store"):
            return dict(self._cache.get(f"{SCHEMA}:search:{feedset}") or {})

    def add_search_feeds(
        self, feedset: str, entries: Mapping[str, Mapping[str, Any]], *, keep: int
    ) -> None:
        """Remember search-feed instances (the newest ``keep`` of them)."""
        key = f"{SCHEMA}:search:{feedset}"
        with self._guard("cannot write the store"), self._cache.transact():
            known = dict(self._cache.get(key) or {})
            new = {k: dict(v) for k, v in entries.items() if k not in known}
            if not new:
                return
            known.update(new)
            if len(known) > keep:
                known = dict(list(known.items())[-keep:])
            self._cache.set(key, known)

    # -- cached results ------------------------------------------------------------

    def get_result(self, key: str) -> Any:
        """A cached answer, or None."""
        with self._guard("cannot read the store"):
            return self._cache.get(f"{SCHEMA}:result:{key}")

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
            while not _try_lock(fd):
                if time.monotonic() >= deadline:
                    raise StoreLocked(
                        f"another giftfind refresh is running (lock {str(path)!r}); "
                        "try again later or pass --wait SECONDS"
                    )
                time.sleep(0.1)
            try:
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode())
                yield
            finally:
                _unlock(fd)
        finally:
            os.close(fd)


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def _describe_os_error(directory: Path, e: BaseException) -> str:
    where = str(directory)
    if isinstance(e, OSError):
        if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return (
                f"{where!r} is not writable ({e.strerror}); use --cache-dir or $GIFTFIND_CACHE_DIR"
            )
        if e.errno == errno.ENOSPC:
            return f"{where!r}: no space left on the device"
        return f"{where!r}: {e.strerror or e}"
    text = str(e)
    if "readonly" in text or "read-only" in text:
        return f"{where!r} is read-only; use --cache-dir or $GIFTFIND_CACHE_DIR"
    if "disk is full" in text or "full" in text:
        return f"{where!r}: no space left on the device"
    if "malformed" in text or "not a database" in text:
        return f"{where!r}: the store is corrupted ({text})"
    return f"{where!r}: {text}"
