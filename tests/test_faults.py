"""Faulty servers the other fetch tests leave out, then all of them in one refresh.

Real sockets on 127.0.0.1: a host that does not resolve, a connect that times
out (a listener whose backlog is full), a server that accepts and never answers,
one that resets the connection mid-body, 502 and 503, a TLS handshake with a
plain HTTP server, feeds served under the wrong Content-Type. Each failure is one
line naming the feed; every refresh ends within its deadline per feed (fetches
run at once), however long the servers would hold it.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import giftfind
from giftfind.errors import ExitCode, FetchError
from giftfind.fetch import FetchResult, fetch_iter
from giftfind.types import FeedSpec, Settings

from .conftest import FeedServer, free_port, rss, write_config
from .faultlib import assert_clean_stderr, run_giftfind

runner = CliRunner()
BODY = rss(
    [{"title": "Sailing news", "link": "https://a.example/1", "guid": "g1",
      "description": "A regatta on the lake."}]
)  # fmt: skip
JSON_FEED = (
    '{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": '
    '[{"id": "j1", "title": "Sailing in JSON", "url": "https://j.example/1"}]}'
)


class RawServer:
    """A listener on 127.0.0.1 that misbehaves below HTTP: ``silent`` accepts and never
    answers, ``reset`` sends headers and part of the body then resets the connection,
    ``backlog`` never accepts and has its queue full, so that connecting times out,
    ``plain`` answers whatever comes (a TLS handshake too) with a plain HTTP 400."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self._open: list[socket.socket] = []
        self._stop = threading.Event()
        if mode == "backlog":
            self.sock.listen(0)
            for _ in range(4):  # fill the accept queue: later SYNs are dropped
                filler = socket.socket()
                filler.setblocking(False)
                with contextlib.suppress(BlockingIOError):
                    filler.connect(("127.0.0.1", self.port))
                self._open.append(filler)
        else:
            self.sock.listen(16)
            self.sock.settimeout(0.2)
            threading.Thread(target=self._serve, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/feed.xml"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self._open.append(conn)
            conn.settimeout(5)
            try:
                conn.recv(65536)
                if self.mode == "plain":
                    conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
                    conn.close()
                elif self.mode == "reset":
                    body = BODY.encode() * 20
                    conn.sendall(
                        b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                        + f"Content-Length: {len(body)}\r\n\r\n".encode()
                        + body[:300]
                    )
                    time.sleep(0.1)
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    conn.close()
            except OSError:
                pass

    def close(self) -> None:
        self._stop.set()
        for s in [*self._open, self.sock]:
            with contextlib.suppress(OSError):
                s.close()


@pytest.fixture
def raw() -> Iterator[dict[str, RawServer]]:
    servers = {mode: RawServer(mode) for mode in ("silent", "reset", "backlog", "plain")}
    try:
        yield servers
    finally:
        for s in servers.values():
            s.close()


def fetch_one(url: str, timeout: float = 2.0) -> FetchResult | FetchError:
    spec = FeedSpec(name="F", url=url)
    ((_, got),) = list(fetch_iter([spec], {}, Settings(timeout=timeout)))
    return got


def test_host_not_found() -> None:
    got = fetch_one("http://feed.invalid/rss")  # RFC 6761: .invalid never resolves
    assert isinstance(got, FetchError)
    # Without a resolver to ask, the lookup can only time out.
    assert got.message in ("host not found (DNS)", "timed out after 2s")


def test_connect_timeout(raw: dict[str, RawServer]) -> None:
    started = time.monotonic()
    got = fetch_one(raw["backlog"].url, timeout=1.0)
    assert isinstance(got, FetchError)
    assert "timed out" in got.message
    assert time.monotonic() - started < 10  # the deadline held (it would hang for good)


def test_server_that_accepts_and_never_answers(raw: dict[str, RawServer]) -> None:
    got = fetch_one(raw["silent"].url, timeout=1.0)
    assert isinstance(got, FetchError)
    assert "timed out" in got.message


def test_reset_mid_body(raw: dict[str, RawServer]) -> None:
    got = fetch_one(raw["reset"].url)
    assert isinstance(got, FetchError)
    assert got.message.startswith(("connection lost while reading", "connection broken")), got


@pytest.mark.parametrize("status", [502, 503])
def test_bad_gateway_and_unavailable(server: FeedServer, status: int) -> None:
    got = fetch_one(server.add("/f.xml", "down", status=status, headers={"Retry-After": "120"}))
    assert isinstance(got, FetchError)
    assert got.status == status
    assert got.message.startswith(f"HTTP {status}")
    assert got.retry_after == 120


def test_tls_handshake_with_a_plain_http_server(raw: dict[str, RawServer]) -> None:
    got = fetch_one(raw["plain"].url.replace("http://", "https://"))
    assert isinstance(got, FetchError)
    assert got.message.startswith("TLS error"), got.message
    assert "\n" not in got.message


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (BODY, "text/html; charset=utf-8"),
        (BODY, "image/png"),
        (BODY, "application/json"),
        (JSON_FEED, "text/xml"),
        (JSON_FEED, "application/octet-stream"),
    ],
)
def test_a_feed_under_the_wrong_content_type_is_still_read(
    server: FeedServer, tmp_path: Path, cache_dir: Path, body: str, content_type: str
) -> None:
    # Servers mislabel feeds all the time: the document decides what it is.
    url = server.add("/f.xml", body, headers={"Content-Type": content_type})
    config = write_config(tmp_path / "feeds.yaml", [{"name": "A", "url": url}])
    report = giftfind.refresh(feeds=config, cache_dir=cache_dir)
    (outcome,) = report.outcomes
    assert outcome.status == "fetched", outcome
    assert outcome.items == 1


def test_every_faulty_server_at_once_is_one_line_each_within_the_deadline(
    server: FeedServer, raw: dict[str, RawServer], tmp_path: Path
) -> None:
    loop = server.url("/loop-a")
    server.add("/loop-b", status=302, headers={"Location": loop})
    server.add("/loop-a", status=302, headers={"Location": server.url("/loop-b")})
    faulty = {
        "Refused": f"http://127.0.0.1:{free_port()}/feed.xml",
        "No DNS": "http://feed.invalid/rss",
        "Connect timeout": raw["backlog"].url,
        "Never answers": raw["silent"].url,
        # A byte a second: some minutes, if let.
        "Trickle": server.add("/trickle.xml", BODY * 2, trickle=1.0),
        "Reset": raw["reset"].url,
        "Error 500": server.add("/500.xml", "oops", status=500),
        "Error 502": server.add("/502.xml", "bad gateway", status=502),
        "Error 503": server.add("/503.xml", "down", status=503, headers={"Retry-After": "60"}),
        "Rate limited": server.add("/429.xml", "slow", status=429, headers={"Retry-After": "60"}),
        "Loop": loop,
        "Not http": server.add("/x.xml", status=302, headers={"Location": "file:///etc/passwd"}),
        "TLS": raw["plain"].url.replace("http://", "https://"),
        "HTML page": server.add(
            "/page.html", "<html><body>hi</body></html>", headers={"Content-Type": "text/html"}
        ),
    }
    good = server.add("/good.xml", BODY, headers={"Content-Type": "text/plain"})
    config = write_config(
        tmp_path / "feeds.yaml",
        [{"name": "Good", "url": good}, *({"name": n, "url": u} for n, u in faulty.items())],
        # Every server here is 127.0.0.1: room for all at once (by default two at a
        # time per host, so a refresh takes its deadline per feed, times its busiest
        # host's feeds, halved).
        settings="timeout: 2s\nper_host: 16",
    )
    started = time.monotonic()
    # A process of its own: its stderr holds only what giftfind says.
    r = run_giftfind(
        "refresh", "--feeds", str(config), "--cache-dir", str(tmp_path / "c"), timeout=60
    )
    elapsed = time.monotonic() - started
    assert r.returncode == ExitCode.FEEDS_FAILED, r.stderr
    assert_clean_stderr(r.stderr)
    lines = r.stderr.splitlines()
    for name in faulty:
        mine = [line for line in lines if line.startswith(f"giftfind: warning: feed {name!r}: ")]
        assert len(mine) == 1, (name, r.stderr)
    assert lines[-1].startswith(f"giftfind: {len(faulty) + 1} feeds: 1 fetched")
    assert len(lines) == len(faulty) + 1, r.stderr
    # All at once, each within its 2 s: far from the minute the trickle alone would take.
    assert elapsed < 30, elapsed
    results = giftfind.search("sailing", feeds=config, cache_dir=tmp_path / "c", offline=True)
    assert [x.source for x in results] == ["Good"]


def test_documents_parsed_in_worker_processes_come_back_even_when_they_fail() -> None:
    # A refresh of 8 feeds or more parses in forked workers. A ParseError sent back
    # whole could not be unpickled (its __init__ takes two arguments): the pool's
    # result thread died, and the refresh waited for ever.
    import pickle

    from giftfind.errors import ParseError
    from giftfind.parse import ParsedFeed, ParsePool

    error = ParseError("Bad", "not a feed")
    assert pickle.loads(pickle.dumps(error)).__dict__ == error.__dict__  # noqa: S301
    pool = ParsePool(2)
    try:
        bad = pool.submit(
            b"<html><body>no feed</body></html>", FeedSpec(name="Bad", url="u"), {}, None
        )
        good = pool.submit(BODY.encode(), FeedSpec(name="Good", url="v"), {}, None)
        deadline = time.monotonic() + 30
        while not (bad.ready() and good.ready()) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert bad.ready()  # not a wait without end
        got_bad, got_good = bad.get(), good.get()
    finally:
        pool.close()
    assert isinstance(got_bad, ParseError)
    assert got_bad.feed == "Bad"
    assert isinstance(got_good, ParsedFeed)
    assert [a.title for a in got_good.articles] == ["Sailing news"]
