"""When each feed is due: intervals, back-off, and what servers ask for. No I/O.

A feed is fetched again when its interval has passed since the last attempt.
The interval honors, in order: the feed's own ``interval`` in feeds.yaml, the
server's HTTP ``Cache-Control: max-age`` (or ``Expires``), the feed's ``<ttl>``
(or ``sy:updatePeriod``), else ``default_interval`` (1 hour); never less than
``min_interval`` (15 minutes), never more than a day. After consecutive
failures a feed waits twice as long each time, up to a day. A server that
answers 429 or 503 with ``Retry-After`` is left alone until then, even by a
forced refresh; 410 Gone disables the feed; a permanent redirect (301/308)
moves it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

from .errors import FeedError, FetchError
from .types import FeedSpec, FeedState, Settings

#: The longest a healthy feed waits, and the longest back-off.
MAX_INTERVAL = timedelta(days=1)
#: The longest pause a Retry-After header can impose (a bad header must not
#: silence a feed for a year).
MAX_RETRY_AFTER = timedelta(days=7)

_MAX_AGE = re.compile(r"(?:^|,)\s*(?:s-maxage|max-age)\s*=\s*\"?(\d+)", re.IGNORECASE)


def _http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo is not None else None


def server_interval(headers: Mapping[str, str], now: datetime) -> tuple[timedelta, str] | None:
    """How long the server says its answer stays fresh, and which header said so:
    Cache-Control max-age, else Expires (against the response's Date, else now)."""
    cache_control = headers.get("cache-control", "")
    if "no-cache" in cache_control.lower() or "no-store" in cache_control.lower():
        return timedelta(0), "Cache-Control"  # revalidate every time: the floor applies
    m = _MAX_AGE.search(cache_control)
    if m:
        return timedelta(seconds=int(m.group(1))), "Cache-Control"
    expires = _http_date(headers.get("expires"))
    if expires is not None:
        base = _http_date(headers.get("date")) or now
        return max(expires - base, timedelta(0)), "Expires"
    return None


def interval_for(
    spec: FeedSpec,
    settings: Settings,
    headers: Mapping[str, str],
    ttl_minutes: int | None,
    now: datetime,
) -> tuple[timedelta, str]:
    """The feed's interval and where it came from, clamped to [min_interval, 1 day]."""
    chosen: timedelta | None
    if spec.interval is not None:
        chosen, source = spec.interval, "feeds.yaml"
    elif (hinted := server_interval(headers, now)) is not None:
        chosen, source = hinted
    elif ttl_minutes is not None:
        chosen, source = timedelta(minutes=ttl_minutes), "ttl"
    else:
        chosen, source = settings.default_interval, "default"
    floor = settings.min_interval
    return min(max(chosen, floor), max(MAX_INTERVAL, floor)), source


def due(state: FeedState | None, now: datetime, *, force: bool = False) -> tuple[bool, str | None]:
    """Whether to fetch the feed now, and if not, why (one line)."""
    if state is None:
        return True, None
    if state.disabled:
        return False, f"disabled: {state.disabled}"
    if state.retry_until is not None and now < state.retry_until:
        # A server that asked for a pause gets it, even from a forced refresh.
        return False, f"the server asked to wait until {state.retry_until:%Y-%m-%d %H:%M} UTC"
    if force or state.next_due is None or now >= state.next_due:
        return True, None
    return False, None


def succeeded(
    state: FeedState,
    spec: FeedSpec,
    settings: Settings,
    *,
    headers: Mapping[str, str],
    ttl_minutes: int | None,
    moved_to: str | None,
    now: datetime,
) -> tuple[FeedState, str | None]:
    """The state after a successful fetch (200 or 304), and a note if the feed moved."""
    if ttl_minutes is None and state.interval_source == "ttl" and state.interval:
        ttl_minutes = int(state.interval // 60)  # a 304 has no <ttl>: the last one holds
    interval, source = interval_for(spec, settings, headers, ttl_minutes, now)
    note = None
    if moved_to and moved_to != (state.moved_to or spec.url):
        note = f"moved permanently to {moved_to}; update feeds.yaml"
    return (
        replace(
            state,
            feed=spec.name,
            url=spec.url,
            last_attempt=now,
            last_success=now,
            last_error=None,
            failures=0,
            next_due=now + interval,
            interval=interval.total_seconds(),
            interval_source=source,
            retry_until=None,
            moved_to=moved_to or state.moved_to,
        ),
        note,
    )


def failed(
    state: FeedState, spec: FeedSpec, settings: Settings, error: FeedError, now: datetime
) -> tuple[FeedState, str | None]:
    """The state after a failure: back off, honor Retry-After, disable on 410."""
    failures = state.failures + 1
    base = timedelta(seconds=state.interval) if state.interval else settings.default_interval
    base = max(base, settings.min_interval)
    wait = min(base * (2**failures), max(MAX_INTERVAL, base))
    next_due = now + wait
    retry_until = None
    disabled = None
    note = None
    if isinstance(error, FetchError):
        if error.status in (429, 503) and error.retry_after is not None:
            pause = min(timedelta(seconds=error.retry_after), MAX_RETRY_AFTER)
            retry_until = now + pause
            next_due = max(next_due, retry_until)
            note = f"the server asked to wait until {retry_until:%Y-%m-%d %H:%M} UTC"
        elif error.status == 410:
            disabled = "410 Gone"
            note = "gone (HTTP 410): no longer fetched; remove it from feeds.yaml"
    return (
        replace(
            state,
            feed=spec.name,
            url=spec.url,
            last_attempt=now,
            last_error=error.message,
            failures=failures,
            next_due=next_due,
            retry_until=retry_until,
            disabled=disabled,
        ),
        note,
    )
