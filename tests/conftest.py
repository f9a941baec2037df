"""Shared fixtures: a real HTTP feed server on 127.0.0.1, an isolated environment, factories."""

from __future__ import annotations

import gzip
import http.server
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from giftfind.types import Article

# Shared machines are noisy: no per-example deadline, no "too slow" failures.
# HYPOTHESIS_PROFILE=fuzz runs many more examples (outside CI).
hypothesis_settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.register_profile(
    "fuzz",
    max_examples=20_000,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
SHARED_FEEDS = ROOT.parent / "shared" / "feeds"
FIXTURES = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own cache, data and config dirs, and no ./feeds.yaml or env config."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("GIFTFIND_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("GIFTFIND_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.delenv("GIFTFIND_FEEDS", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg-cache"))
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.chdir(home)
    return home


@pytest.fixture(autouse=True)
def _close_stores() -> Iterator[None]:
    """The library keeps stores open between calls; each test starts and ends clean."""
    from giftfind.core import close_stores

    yield
    close_stores()


@pytest.fixture
def cache_dir(_isolated: Path) -> Path:
    return _isolated / "cache"


# -- a real HTTP server ------------------------------------------------------------------


@dataclass
class Route:
    """What the server answers on one path."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    #: Seconds to wait before answering.
    delay: float = 0.0
    #: Send the body a byte at a time, this many seconds apart.
    trickle: float | None = None
    #: Answer 304 when the request's If-None-Match matches this.
    etag: str | None = None
    last_modified: str | None = None
    #: Compress the body with gzip (Content-Encoding: gzip).
    gzip: bool = False
    #: Close the connection after sending this many body bytes.
    cut_after: int | None = None


@dataclass
class Request:
    path: str
    headers: dict[str, str]


class _Server(http.server.ThreadingHTTPServer):
    # The listen backlog is read when the constructor binds: set on the class, not
    # after. The default (5) drops a burst of connections' SYNs, which the client's
    # kernel resends a second later.
    request_queue_size = 128
    daemon_threads = True


class FeedServer:
    """A threaded HTTP server on 127.0.0.1 with routes set by the test."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        #: Requests being answered right now, and the most at any one time.
        self.active = 0
        self.max_active = 0
        self._lock = threading.Lock()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                with server._lock:
                    server.active += 1
                    server.max_active = max(server.max_active, server.active)
                try:
                    self._get()
                finally:
                    with server._lock:
                        server.active -= 1

            def _get(self) -> None:
                server.requests.append(
                    Request(self.path, {k.lower(): v for k, v in self.headers.items()})
                )
                route = server.routes.get(self.path.split("?")[0])
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.delay:
                    time.sleep(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.send_header("ETag", route.etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if (
                    route.last_modified
                    and not route.etag
                    and self.headers.get("If-Modified-Since") == route.last_modified
                ):
                    self.send_response(304)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = gzip.compress(route.body) if route.gzip else route.body
                self.send_response(route.status)
                for k, v in route.headers.items():
                    self.send_header(k, v)
                if route.gzip:
                    self.send_header("Content-Encoding", "gzip")
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)
                if "Content-Length" not in route.headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    if route.trickle is not None:
                        for i in range(len(body)):
                            self.wfile.write(body[i : i + 1])
                            self.wfile.flush()
                            time.sleep(route.trickle)
                    elif route.cut_after is not None:
                        self.wfile.write(body[: route.cut_after])
                        self.wfile.flush()
                        self.connection.shutdown(socket.SHUT_RDWR)
                    else:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError, OSError):
                    pass

        self._httpd = _Server(("127.0.0.1", 0), Handler)
        # A client that hung up (a cap, a deadline, a cancelled fetch) is normal here:
        # socketserver would print a traceback to the stderr a test may be capturing.
        self._httpd.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, body: bytes | str = b"", **kwargs: Any) -> str:
        if isinstance(body, str):
            body = body.encode()
        self.routes[path] = Route(body=body, **kwargs)
        return self.url(path)

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path.split("?")[0] == path]

    def reset(self) -> None:
        """No routes, no requests seen: as if just started."""
        self.routes.clear()
        self.requests.clear()

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def server() -> Iterator[FeedServer]:
    s = FeedServer()
    try:
        yield s
    finally:
        s.close()


@pytest.fixture(scope="module")
def _module_server() -> Iterator[FeedServer]:
    s = FeedServer()
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def module_server(_module_server: FeedServer) -> FeedServer:
    """A server started once per test module (stopping one takes half a second:
    serve_forever's poll), reset for each test."""
    _module_server.reset()
    return _module_server


def free_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- feed documents --------------------------------------------------------------------


def rss(items: list[dict[str, str]], title: str = "Test feed", extra: str = "") -> str:
    """A small RSS 2.0 document."""
    parts = []
    for it in items:
        fields = "".join(f"<{k}>{v}</{k}>" for k, v in it.items())
        parts.append(f"<item>{fields}</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{title}</title><link>https://example.com/</link>"
        f"<description>d</description>{extra}{''.join(parts)}</channel></rss>"
    )


def write_config(path: Path, feeds: list[dict[str, Any]], settings: str = "") -> Path:
    """Write a feeds.yaml with the given entries."""
    lines = []
    if settings:
        lines.append("settings:")
        lines.extend("  " + line for line in settings.strip().splitlines())
    lines.append("feeds:")
    for f in feeds:
        lines.append(f"  - name: {f['name']}")
        for k, v in f.items():
            if k != "name":
                lines.append(f"    {k}: {v}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# -- articles ----------------------------------------------------------------------------

_counter = iter(range(10**9))


def make_article(**overrides: Any) -> Article:
    """An Article with plausible defaults; override any field."""
    n = next(_counter)
    values: dict[str, Any] = {
        "id": f"https://example.com/a/{n}",
        "feed": "Test",
        "title": f"Article {n}",
        "link": f"https://example.com/a/{n}",
        "published": datetime(2026, 11, 1, tzinfo=UTC),
        "summary": "Nothing in particular.",
    }
    values.update(overrides)
    return Article(**values)


ArticleFactory = Callable[..., Article]


def build_index(parent: Path, groups: Mapping[str, Sequence[Article]], params: Any = None) -> Any:
    """Index the articles of each named feed under ``parent`` (a full build) and open it."""
    from giftfind.index import FeedInput, Index, update

    feeds = [FeedInput(key=k, version=0, load=lambda v=v: list(v)) for k, v in groups.items()]
    update(parent, feeds, generation=1, params=params, full=True)
    index = Index.open(parent)
    assert index is not None
    return index
