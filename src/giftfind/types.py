"""The data model: plain frozen dataclasses shared by every stage.

Datetimes are always timezone-aware UTC. Sequence fields hold tuples.
Contains no business logic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedSpec:
    """One feed as configured in feeds.yaml."""

    #: Unique display name; shown to users as the article's source.
    name: str
    #: The http(s) URL, or the path as written in feeds.yaml for a local file.
    url: str
    #: For a local feed, the resolved absolute path (relative paths are taken
    #: from the directory of feeds.yaml); None for http(s) feeds.
    path: str | None = None
    tags: tuple[str, ...] = ()
    #: Multiplier on this feed's scores.
    weight: float = 1.0
    #: How often to fetch it, if feeds.yaml says (else the server's hints decide).
    interval: timedelta | None = None
    #: Line of the entry in feeds.yaml, for messages.
    line: int | None = None

    @property
    def is_local(self) -> bool:
        """True for a local file feed."""
        return self.path is not None

    @property
    def is_search(self) -> bool:
        """A search feed: its URL holds ``{query}``, filled in per interest at search time."""
        return "{query}" in self.url

    @property
    def key(self) -> str:
        """The store's identity for the feed: its URL, or its resolved path."""
        return self.path if self.path is not None else self.url


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Tunables from the ``settings:`` block of feeds.yaml (flags override them)."""

    #: A search refreshes feeds first when the store is older than this.
    max_age: timedelta = timedelta(hours=6)
    #: Articles older than this many days are dropped at refresh; 0 keeps all.
    retention_days: int = 90
    #: Feeds fetched at once.
    concurrency: int = 16
    #: Connections at once to one host.
    per_host: int = 2
    #: Total deadline for one feed's fetch, in seconds.
    timeout: float = 20.0
    #: Largest response body read, in bytes (after decompression).
    max_bytes: int = 10 * 1024 * 1024
    #: Results shown by default.
    limit: int = 5
    #: Half-life of the recency preference, in days.
    half_life_days: float = 14.0
    #: How often a feed is fetched when neither feeds.yaml nor the server says.
    default_interval: timedelta = timedelta(hours=1)
    #: Never more often than this, whatever anyone says.
    min_interval: timedelta = timedelta(minutes=15)


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """A loaded feeds.yaml."""

    #: The file it was read from.
    path: Path
    feeds: tuple[FeedSpec, ...]
    settings: Settings = field(default_factory=Settings)


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """An article as giftfind stores it; text fields are sanitized plain text."""

    #: The feed's guid, else the canonical link; unique in the store.
    id: str
    #: FeedSpec.name of the source feed.
    feed: str
    title: str
    #: An http(s) link, or "" when the feed gave none usable.
    link: str
    #: When the feed says it was published; None when it gave no usable date.
    published: datetime | None
    summary: str
    author: str | None = None
    tags: tuple[str, ...] = ()
    #: When giftfind first stored it.
    first_seen: datetime | None = None


FeedStatus = Literal["fetched", "not_modified", "not_due", "failed"]


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedState:
    """What giftfind remembers about fetching one feed."""

    feed: str
    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_attempt: datetime | None = None
    last_success: datetime | None = None
    last_error: str | None = None
    #: Consecutive failures since the last success.
    failures: int = 0
    #: Articles of this feed in the store.
    articles: int = 0
    #: When the feed is next due for a fetch (its interval after the last attempt,
    #: or later while it backs off after failures).
    next_due: datetime | None = None
    #: The interval the feed is fetched at when all is well, in seconds, and
    #: where it came from ("feeds.yaml", "Cache-Control", "Expires", "ttl", "default").
    interval: float | None = None
    interval_source: str | None = None
    #: Until when the server asked not to be asked again (HTTP Retry-After):
    #: honored even by a forced refresh.
    retry_until: datetime | None = None
    #: Where a permanent redirect (301/308) moved the feed: fetched from there.
    moved_to: str | None = None
    #: Why the feed is no longer fetched (HTTP 410 Gone), if it is not.
    disabled: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedHealth:
    """One feed as ``giftfind feeds status`` shows it: its entry and what the store knows."""

    name: str
    #: The URL (or local path) fetched; a search feed's for one interest.
    url: str
    #: "feed" for a feeds.yaml entry, "search" for a search feed filled in for an interest.
    kind: Literal["feed", "search"]
    #: None when the feed was never fetched.
    state: FeedState | None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedOutcome:
    """What happened to one feed during a refresh (a value, never raised)."""

    feed: str
    status: FeedStatus
    #: Articles not seen before.
    new: int = 0
    #: Articles in the feed document.
    items: int = 0
    #: One-line reason when status is "failed".
    error: str | None = None
    #: Something the user should know about the feed, one line: it moved, it is
    #: gone, the server asked for a pause.
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RefreshReport:
    """The outcome of a whole refresh."""

    outcomes: tuple[FeedOutcome, ...]
    #: Articles dropped by retention.
    expired: int = 0

    def count(self, status: FeedStatus) -> int:
        """Number of feeds with the given status."""
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> tuple[FeedOutcome, ...]:
        """The outcomes of the feeds that failed."""
        return tuple(o for o in self.outcomes if o.status == "failed")

    @property
    def new(self) -> int:
        """Articles added by this refresh."""
        return sum(o.new for o in self.outcomes)


@dataclass(frozen=True, slots=True, kw_only=True)
class Explanation:
    """How a result's score was made (``--explain``)."""

    #: Each matched interest's score, in [0, 1].
    interests: tuple[tuple[str, float], ...]
    #: The feed's weight from feeds.yaml.
    weight: float
    #: Sum of the interests' scores times the weight.
    relevance: float
    #: The recency factor (1.0 unless sorting is hybrid).
    recency: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Result:
    """One article of a shortlist, with why it matched."""

    id: str
    title: str
    url: str
    #: The feed name.
    source: str
    published: datetime | None
    summary: str
    author: str | None
    score: float
    #: The query's interests this article matches, best first.
    matched_interests: tuple[str, ...]
    #: Query terms (as written) found in the article.
    matched_terms: tuple[str, ...]
    #: Other feeds that carried the same story (collapsed near-duplicates).
    also_in: tuple[str, ...] = ()
    #: The score's parts, when asked for.
    explain: Explanation | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchResponse:
    """A search's answer: the shortlist and what happened on the way."""

    query: str
    interests: tuple[str, ...]
    results: tuple[Result, ...]
    #: Per-feed outcomes of the refresh this search ran first (empty if none).
    outcomes: tuple[FeedOutcome, ...] = ()
    #: True when the answer came from the result cache.
    cached: bool = False
    #: Things the user should know (e.g. nothing stored yet), one line each.
    notices: tuple[str, ...] = ()
    #: The store generation the answer reflects.
    generation: int = 0
    #: When the stored articles are due for a refresh (max_age after the last one).
    fresh_until: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonAnswer:
    """A search for one person (``giftfind for``, a digest): what was not sent to her yet."""

    #: Her name, as the people file has it.
    name: str
    #: The shortlist for her interests, without the articles already sent to her.
    response: SearchResponse
    #: Articles the search found that were left out because she was sent them.
    left_out: int = 0
    #: In a digest: articles giftfind first stored after this are new; None otherwise.
    since: datetime | None = None
