"""Fetching against a real HTTP server on 127.0.0.1 (httpx is never mocked)."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest

from giftfind.errors import FetchError
from giftfind.fetch import USER_AGENT, FetchResult, Validators, fetch_iter
from giftfind.types import FeedSpec, Settings

from .conftest import FeedServer, free_port, rss

BODY = rss([{"title": "Hello", "link": "https://example.com/1", "guid": "g1"}])


def fetch_one(
    spec: FeedSpec, validators: Validators | None = None, settings: Settings | None = None
) -> FetchResult | FetchError:
    results = list(
        fetch_iter([spec], {spec.name: validators} if validators else {}, settings or Settings())
    )
    assert len(results) == 1
    assert results[0][0] == spec
    return results[0][1]


def test_fetches_a_feed_with_an_honest_user_agent(server: FeedServer) -> None:
    url = server.add("/feed.xml", BODY, headers={"Content-Type": "application/rss+xml"})
    got = fetch_one(FeedSpec(name="A", url=url))
    assert isinstance(got, FetchResult)
    assert got.content == BODY.encode()
    assert got.headers["content-type"] == "application/rss+xml"
    (request,) = server.hits("/feed.xml")
    assert request.headers["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("giftfind/")
    assert "+http" in USER_AGENT
    assert "application/rss+xml" in request.headers["accept"]
    assert "gzip" in request.headers["accept-encoding"]


def test_conditional_get_with_etag_gives_304(server: FeedServer) -> None:
    url = server.add("/feed.xml", BODY, etag='"v1"', last_modified="Tue, 24 Nov 2026 10:00:00 GMT")
    spec = FeedSpec(name="A", url=url)
    first = fetch_one(spec)
    assert isinstance(first, FetchResult)
    assert first.validators == Validators('"v1"', "Tue, 24 Nov 2026 10:00:00 GMT")
    second = fetch_one(spec, first.validators)
    assert isinstance(second, FetchResult)
    assert second.not_modified
    assert second.content is None
    assert second.validators.etag == '"v1"'
    last = server.hits("/feed.xml")[-1]
    assert last.headers["if-none-match"] == '"v1"'
    assert last.headers["if-modified-since"] == "Tue, 24 Nov 2026 10:00:00 GMT"


def test_conditional_get_with_last_modified_only(server: FeedServer) -> None:
    url = server.add("/feed.xml", BODY, last_modified="Tue, 24 Nov 2026 10:00:00 GMT")
    spec = FeedSpec(name="A", url=url)
    first = fetch_one(spec)
    assert isinstance(first, FetchResult)
    second = fetch_one(spec, first.validators)
    assert isinstance(second, FetchResult)
    assert second.not_modified
    assert second.validators.last_modified == "Tue, 24 Nov 2026 10:00:00 GMT"


def test_gzip_body_is_decoded(server: FeedServer) -> None:
    url = server.add("/feed.xml", BODY, gzip=True)
    got = fetch_one(FeedSpec(name="A", url=url))
    assert isinstance(got, FetchResult)
    assert got.content == BODY.encode()


def test_dead_feed_is_an_error_value(server: FeedServer) -> None:
    spec = FeedSpec(name="Dead", url=f"http://127.0.0.1:{free_port()}/feed.xml")
    got = fetch_one(spec)
    assert isinstance(got, FetchError)
    assert got.feed == "Dead"
    assert "connection refused" in got.message
    assert str(got).startswith("feed 'Dead': ")


def test_slow_feed_times_out_within_the_deadline(server: FeedServer) -> None:
    url = server.add("/slow.xml", BODY, delay=5)
    start = time.monotonic()
    got = fetch_one(FeedSpec(name="Slow", url=url), settings=Settings(timeout=0.5))
    assert time.monotonic() - start < 4
    assert isinstance(got, FetchError)
    assert "timed out" in got.message


def test_trickling_feed_hits_the_total_deadline(server: FeedServer) -> None:
    url = server.add("/trickle.xml", BODY, trickle=0.05)  # about 10 s in all
    start = time.monotonic()
    got = fetch_one(FeedSpec(name="Trickle", url=url), settings=Settings(timeout=1.0))
    assert time.monotonic() - start < 4
    assert isinstance(got, FetchError)
    assert "timed out" in got.message


@pytest.mark.parametrize(
    ("status", "text"), [(404, "HTTP 404"), (500, "HTTP 500"), (410, "HTTP 410")]
)
def test_http_errors(server: FeedServer, status: int, text: str) -> None:
    url = server.add("/feed.xml", "nope", status=status)
    got = fetch_one(FeedSpec(name="A", url=url))
    assert isinstance(got, FetchError)
    assert got.status == status
    assert text in got.message


def test_retry_after_is_reported(server: FeedServer) -> None:
    url = server.add("/feed.xml", "slow down", status=429, headers={"Retry-After": "120"})
    got = fetch_one(FeedSpec(name="A", url=url))
    assert isinstance(got, FetchError)
    assert got.retry_after == 120


def test_size_cap(server: FeedServer) -> None:
    url = server.add("/big.xml", b"x" * 50_000)
    got = fetch_one(FeedSpec(name="Big", url=url), settings=Settings(max_bytes=10_000))
    assert isinstance(got, FetchError)
    assert "cap" in got.message


def test_gzip_bomb_stops_at_the_cap(server: FeedServer) -> None:
    bomb = gzip.compress(b"\0" * 200_000_000, compresslevel=9)
    assert len(bomb) < 300_000
    url = server.add("/bomb.xml", bomb, headers={"Content-Encoding": "gzip"})
    got = fetch_one(FeedSpec(name="Bomb", url=url), settings=Settings(max_bytes=1_000_000))
    assert isinstance(got, FetchError)
    assert "cap" in got.message


def test_redirects_are_followed_and_permanent_ones_reported(server: FeedServer) -> None:
    new = server.add("/new.xml", BODY)
    old = server.add("/old.xml", status=301, headers={"Location": new})
    got = fetch_one(FeedSpec(name="A", url=old))
    assert isinstance(got, FetchResult)
    assert got.content == BODY.encode()
    assert got.moved_to == new


def test_temporary_redirect_is_not_a_move(server: FeedServer) -> None:
    new = server.add("/new.xml", BODY)
    old = server.add("/old.xml", status=302, headers={"Location": new})
    got = fetch_one(FeedSpec(name="A", url=old))
    assert isinstance(got, FetchResult)
    assert got.moved_to is None


def test_redirect_loop(server: FeedServer) -> None:
    a = server.url("/a")
    b = server.add("/b", status=302, headers={"Location": a})
    server.add("/a", status=302, headers={"Location": b})
    got = fetch_one(FeedSpec(name="Loop", url=a))
    assert isinstance(got, FetchError)
    assert "too many redirects" in got.message


def test_redirect_to_another_scheme_is_refused(server: FeedServer) -> None:
    url = server.add("/feed.xml", status=302, headers={"Location": "file:///etc/passwd"})
    got = fetch_one(FeedSpec(name="A", url=url))
    assert isinstance(got, FetchError)
    assert "not http(s)" in got.message


def test_one_failure_does_not_stop_the_others(server: FeedServer) -> None:
    good = FeedSpec(name="Good", url=server.add("/good.xml", BODY))
    bad = FeedSpec(name="Bad", url=server.add("/bad.xml", status=500))
    slow = FeedSpec(name="Slow", url=server.add("/slow.xml", BODY, delay=3))
    dead = FeedSpec(name="Dead", url=f"http://127.0.0.1:{free_port()}/x")
    results = dict(
        (spec.name, got)
        for spec, got in fetch_iter([good, bad, slow, dead], {}, Settings(timeout=1))
    )
    assert isinstance(results["Good"], FetchResult)
    assert isinstance(results["Bad"], FetchError)
    assert isinstance(results["Slow"], FetchError)
    assert isinstance(results["Dead"], FetchError)


def test_per_host_cap_limits_concurrent_connections(server: FeedServer) -> None:
    specs = [
        FeedSpec(name=f"F{i}", url=server.add(f"/f{i}.xml", BODY, delay=0.3)) for i in range(6)
    ]
    results = list(fetch_iter(specs, {}, Settings(concurrency=16, per_host=2)))
    assert all(isinstance(got, FetchResult) for _, got in results)
    assert server.max_active == 2


def test_local_file_and_its_validator(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(BODY)
    spec = FeedSpec(name="Local", url="feed.xml", path=str(path))
    first = fetch_one(spec)
    assert isinstance(first, FetchResult)
    assert first.content == BODY.encode()
    second = fetch_one(spec, first.validators)
    assert isinstance(second, FetchResult)
    assert second.not_modified
    path.write_text(BODY + "\n")
    third = fetch_one(spec, first.validators)
    assert isinstance(third, FetchResult)
    assert not third.not_modified


def test_missing_local_file(tmp_path: Path) -> None:
    spec = FeedSpec(name="Gone", url="gone.xml", path=str(tmp_path / "gone.xml"))
    got = fetch_one(spec)
    assert isinstance(got, FetchError)
    assert "cannot read" in got.message


def test_a_missing_optional_module_is_looked_for_once_not_per_request(
    server: FeedServer,
) -> None:
    """httpcore tries ``import sniffio`` on every request; where it is not installed,
    each failed import would search sys.path again (about a millisecond a request)."""
    import importlib.abc
    import importlib.util
    import sys

    if sys.modules.get("sniffio") is None and importlib.util.find_spec("sniffio") is not None:
        pytest.skip("sniffio is installed here: httpcore's import of it succeeds once")
    lookups: list[str] = []

    class Watch(importlib.abc.MetaPathFinder):
        def find_spec(self, name: str, path: object, target: object = None) -> None:
            if name == "sniffio":
                lookups.append(name)

    feeds = [FeedSpec(name=f"f{i}", url=server.add(f"/s{i}.xml", BODY)) for i in range(20)]
    watch = Watch()
    sys.meta_path.insert(0, watch)
    try:
        results = list(fetch_iter(feeds, {}, Settings()))
    finally:
        sys.meta_path.remove(watch)
    assert all(isinstance(r, FetchResult) for _, r in results)
    assert len(lookups) <= 1
