"""Retrieve feed documents, politely: httpx, async, bounded.

``fetch`` never reads the store: it is handed each feed's stored validators and
hands back new ones (the shape of reader's retriever). Every problem with one feed
becomes a :class:`~giftfind.errors.FetchError` value for that feed; nothing one
feed does can stop the others.

Etiquette, which is part of correctness here:

* an honest User-Agent naming the project;
* conditional requests (RFC 9110 §13.1): ``If-None-Match`` / ``If-Modified-Since``
  from the stored validators, and a 304 is reported without a body to parse;
* a global cap on concurrent feeds and a per-host cap on top of it;
* connect and read timeouts, plus a total deadline per feed, so a server that
  trickles a byte a second cannot hold a refresh;
* a cap on the body size, applied to the *decompressed* bytes as they are
  decompressed, so a gzip bomb stops at the cap and never expands in memory.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import socket
import ssl
import sys
import threading
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ._log import log
from ._version import PROJECT_URL, __version__
from .errors import FetchError
from .text import to_plain
from .types import FeedSpec, Settings

if TYPE_CHECKING:
    import httpx


USER_AGENT = f"giftfind/{__version__} (+{PROJECT_URL})"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, "
    "application/json;q=0.8, */*;q=0.5"
)
MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 10.0

# httpx imports its own command-line client (click, rich, pygments: ~70 ms)
# whenever click is installed, and falls back to a stub when that import fails.
# giftfind never runs httpx's command line: have the import fail at once.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]


def _without_sniffio() -> None:
    """httpcore tries ``import sniffio`` on every request (twice), and recent anyio no
    longer installs it: each failed import searches sys.path again, under the
    import lock (~1 ms a request, half of httpx's CPU time per request here). When
    it is not installed, record that once, so the import fails at once."""
    import importlib.util

    if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
        sys.modules["sniffio"] = None  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Validators:
    """What a conditional request sends back to the server."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchResult:
    """A retrieved feed document, or the news that it did not change."""

    feed: str
    #: The URL the body came from, after redirects (or the local path).
    url: str
    #: None when the server answered 304 Not Modified (or the file is unchanged).
    content: bytes | None
    #: Response headers, lower-cased names.
    headers: Mapping[str, str]
    validators: Validators
    #: Set when every redirect on the way was permanent (301/308): the new URL.
    moved_to: str | None = None

    @property
    def not_modified(self) -> bool:
        """True for a 304: nothing to parse."""
        return self.content is None


Outcome = FetchResult | FetchError


def fetch_iter(
    feeds: Iterable[FeedSpec],
    validators: Mapping[str, Validators],
    settings: Settings,
) -> Iterator[tuple[FeedSpec, Outcome]]:
    """Fetch feeds concurrently, yielding each ``(feed, result or error)`` as it lands.

    The network runs on an event loop in a worker thread, so the caller can parse
    and store each document while the others are still downloading. Stopping the
    iteration early cancels the fetches that are still running.
    """
    feeds = list(feeds)
    if not feeds:
        return
    results: queue.Queue[tuple[FeedSpec, Outcome] | BaseException | None] = queue.Queue()
    loop = asyncio.new_event_loop()
    main: asyncio.Future[None] | None = None

    def run() -> None:
        nonlocal main
        try:
            main = asyncio.ensure_future(
                _fetch_all(feeds, validators, settings, results.put), loop=loop
            )
            loop.run_until_complete(main)
        except asyncio.CancelledError:
            pass
        except BaseException as e:  # handed to the caller, who raises it
            results.put(e)
        finally:
            try:
                loop.run_until_complete(loop.shutdown_asyncgens())
            finally:
                loop.close()
                results.put(None)

    thread = threading.Thread(target=run, name="giftfind-fetch", daemon=True)
    thread.start()
    try:
        while True:
            item = results.get()
            if item is None:
                break
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        if thread.is_alive() and main is not None:
            # The loop may close between the check and the call (the fetches just
            # ended): then there is nothing left to cancel.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(main.cancel)
        thread.join(timeout=settings.timeout + 5)


async def _fetch_all(
    feeds: list[FeedSpec],
    validators: Mapping[str, Validators],
    settings: Settings,
    put: Any,
) -> None:
    import httpx

    _without_sniffio()
    limits = httpx.Limits(
        max_connections=settings.concurrency,
        max_keepalive_connections=settings.concurrency,
    )
    timeout = httpx.Timeout(settings.timeout, connect=min(CONNECT_TIMEOUT, settings.timeout))
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": ACCEPT,
        # Only what _Decoder can decompress under the size cap.
        "Accept-Encoding": "gzip, deflate",
    }
    overall = asyncio.Semaphore(settings.concurrency)
    per_host: dict[str, asyncio.Semaphore] = {}

    async with httpx.AsyncClient(
        headers=headers,
        timeout=timeout,
        limits=limits,
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        trust_env=True,
    ) as client:

        async def one(spec: FeedSpec) -> None:
            host = (urlsplit(spec.url).hostname or "") if not spec.is_local else ""
            host_sem = per_host.setdefault(host, asyncio.Semaphore(settings.per_host))
            async with overall, host_sem:
                outcome: Outcome
                try:
                    async with asyncio.timeout(settings.timeout):
                        if spec.path is not None:
                            outcome = _read_local(spec, validators.get(spec.name), settings)
                        else:
                            outcome = await _fetch_http(
                                client, spec, validators.get(spec.name), settings
                            )
                except TimeoutError:
                    outcome = FetchError(
                        spec.name,
                        f"timed out after {settings.timeout:g}s",
                        url=spec.url,
                    )
                except FetchError as e:
                    outcome = e
                except Exception as e:  # one feed's failure is a value, never fatal
                    log().debug("fetch %s failed", spec.name, exc_info=True)
                    outcome = FetchError(spec.name, to_plain(_describe(e), 200), url=spec.url)
            put((spec, outcome))

        await asyncio.gather(*(one(spec) for spec in feeds))


def _causes(e: BaseException) -> list[BaseException]:
    """The exception and what it was raised from, innermost last."""
    chain = [e]
    while (nxt := chain[-1].__cause__ or chain[-1].__context__) is not None and len(chain) < 10:
        chain.append(nxt)
    return chain


def _describe(e: BaseException) -> str:
    """A one-line, user-facing reason for a network exception."""
    import httpx

    if isinstance(e, httpx.TooManyRedirects):
        return f"too many redirects (more than {MAX_REDIRECTS})"
    if isinstance(e, httpx.UnsupportedProtocol):
        return "redirected to a URL that is not http(s)"
    if isinstance(e, httpx.ConnectTimeout):
        return "timed out connecting"
    if isinstance(e, httpx.ReadTimeout):
        return "timed out waiting for the server"
    if isinstance(e, httpx.ConnectError):
        causes = _causes(e)
        text = " ".join(str(c) for c in causes) or type(e).__name__
        if any(isinstance(c, socket.gaierror) for c in causes) or (
            "Name or service not known" in text or "nodename nor servname" in text
        ):
            return "host not found (DNS)"
        if any(isinstance(c, ssl.SSLError) for c in causes) or "SSL" in text.upper():
            return f"TLS error: {to_plain(text, 160)}"
        if any(isinstance(c, ConnectionRefusedError) for c in causes) or "refused" in text.lower():
            return "connection refused"
        return f"cannot connect: {to_plain(text, 160)}"
    if isinstance(e, httpx.RemoteProtocolError):
        return f"connection broken: {e}"
    if isinstance(e, httpx.ReadError):
        return f"connection lost while reading: {e or type(e).__name__}"
    if isinstance(e, httpx.HTTPError):
        return f"{type(e).__name__}: {e}"
    if isinstance(e, OSError):
        return e.strerror or str(e)
    return f"{type(e).__name__}: {e}"


async def _fetch_http(
    client: httpx.AsyncClient,
    spec: FeedSpec,
    stored: Validators | None,
    settings: Settings,
) -> FetchResult:
    request_headers: dict[str, str] = {}
    if stored is not None:
        if stored.etag:
            request_headers["If-None-Match"] = stored.etag
        if stored.last_modified:
            request_headers["If-Modified-Since"] = stored.last_modified

    async with client.stream("GET", spec.url, headers=request_headers) as response:
        headers = {k.lower(): v for k, v in response.headers.items()}
        final_url = str(response.url)
        moved_to = None
        if response.history and all(r.status_code in (301, 308) for r in response.history):
            moved_to = final_url
        if response.status_code == 304:
            return FetchResult(
                feed=spec.name,
                url=final_url,
                content=None,
                headers=headers,
                validators=Validators(
                    headers.get("etag") or (stored.etag if stored else None),
                    headers.get("last-modified") or (stored.last_modified if stored else None),
                ),
                moved_to=moved_to,
            )
        if response.status_code >= 400 or response.status_code < 200:
            reason = response.reason_phrase or ""
            raise FetchError(
                spec.name,
                f"HTTP {response.status_code} {reason}".strip(),
                url=final_url,
                status=response.status_code,
                retry_after=_retry_after(headers.get("retry-after")),
            )
        if response.status_code >= 300:
            raise FetchError(
                spec.name,
                f"HTTP {response.status_code} redirect without a usable Location",
                url=final_url,
                status=response.status_code,
            )
        declared = headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > settings.max_bytes * 20:
            # Even compressed 20:1 it could not fit under the cap.
            raise FetchError(spec.name, _too_big(settings.max_bytes), url=final_url, status=200)
        try:
            decoder = _Decoder(headers.get("content-encoding", ""), settings.max_bytes)
        except ValueError as e:
            raise FetchError(spec.name, str(e), url=final_url) from e
        try:
            # aclosing: a body abandoned midway (over the cap, corrupt) must close
            # its generator here, not leave asyncio a pending task to complain of.
            async with contextlib.aclosing(response.aiter_raw()) as chunks:  # type: ignore[type-var]
                async for chunk in chunks:
                    if not decoder.feed(chunk):
                        raise FetchError(spec.name, _too_big(settings.max_bytes), url=final_url)
        except zlib.error as e:
            raise FetchError(spec.name, f"corrupt compressed body: {e}", url=final_url) from e
        content = decoder.finish()
        if content is None:
            raise FetchError(spec.name, _too_big(settings.max_bytes), url=final_url)
    return FetchResult(
        feed=spec.name,
        url=final_url,
        content=content,
        headers=headers,
        validators=Validators(headers.get("etag"), headers.get("last-modified")),
        moved_to=moved_to,
    )


def _too_big(cap: int) -> str:
    return f"response larger than the {cap // 1024:,} KiB cap; not read"


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: delay-seconds or an HTTP-date (RFC 9110 §10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class _Decoder:
    """Decompresses gzip/deflate incrementally and refuses to grow past ``cap`` bytes."""

    def __init__(self, encoding: str, cap: int) -> None:
        self.cap = cap
        self.parts: list[bytes] = []
        self.size = 0
        self.over = False
        encodings = [e.strip().lower() for e in encoding.split(",") if e.strip()]
        encodings = [e for e in encodings if e != "identity"]
        self._z: Any = None
        if encodings in (["gzip"], ["x-gzip"]):
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encodings == ["deflate"]:
            # "deflate" is zlib-wrapped per RFC 9110, but some servers send raw
            # deflate; wbits=32+ detects zlib and gzip headers.
            self._z = zlib.decompressobj(32 + zlib.MAX_WBITS)
        elif encodings:
            raise ValueError(f"unsupported Content-Encoding {encoding!r}")

    def _add(self, data: bytes) -> bool:
        self.size += len(data)
        if self.size > self.cap:
            self.over = True
            return False
        self.parts.append(data)
        return True

    def feed(self, chunk: bytes) -> bool:
        """Take one raw chunk; False once the body is over the cap."""
        if self._z is None:
            return self._add(chunk)
        data = chunk
        while data:
            out = self._z.decompress(data, self.cap - self.size + 1)
            if not self._add(out):
                return False
            data = self._z.unconsumed_tail
        return True

    def finish(self) -> bytes | None:
        """The whole body, or None if it was over the cap."""
        if not self.over and self._z is not None:
            # Every input byte is consumed by now; what zlib still buffers is
            # bounded by its window, not by the input.
            self._add(self._z.flush())
        if self.over:
            return None
        return b"".join(self.parts)


def _read_local(spec: FeedSpec, stored: Validators | None, settings: Settings) -> FetchResult:
    """Read a local feed file; its size and mtime stand in for an ETag."""
    assert spec.path is not None
    path = Path(spec.path)
    try:
        stat = path.stat()
        tag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
        if stored is not None and stored.etag == tag:
            return FetchResult(
                feed=spec.name,
                url=str(spec.path),
                content=None,
                headers={},
                validators=Validators(tag),
            )
        if stat.st_size > settings.max_bytes:
            raise FetchError(spec.name, _too_big(settings.max_bytes), url=str(spec.path))
        with path.open("rb") as f:
            content = f.read(settings.max_bytes + 1)
    except OSError as e:
        raise FetchError(
            spec.name, f"cannot read {str(spec.path)!r}: {e.strerror or e}", url=str(spec.path)
        ) from e
    if len(content) > settings.max_bytes:
        raise FetchError(spec.name, _too_big(settings.max_bytes), url=str(spec.path))
    return FetchResult(
        feed=spec.name,
        url=str(spec.path),
        content=content,
        headers={},
        validators=Validators(tag),
    )
