"""Scheduled refresh: intervals, back-off, what servers ask for, and locking (real servers)."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import giftfind
from giftfind import schedule
from giftfind.errors import FetchError
from giftfind.store import Store
from giftfind.types import FeedSpec, FeedState, Settings

from .conftest import FeedServer, rss, write_config

NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)
SPEC = FeedSpec(name="A", url="https://a.example/feed")
BODY = rss([{"title": "Sailing news", "link": "https://a.example/1", "guid": "g1",
             "description": "A regatta on the lake."}])  # fmt: skip


# -- the rules, without a network ---------------------------------------------------------


@pytest.mark.parametrize(
    ("spec_interval", "headers", "ttl", "expected", "source"),
    [
        (timedelta(hours=3), {"cache-control": "max-age=60"}, 30, timedelta(hours=3), "feeds.yaml"),
        (None, {"cache-control": "public, max-age=7200"}, 30, timedelta(hours=2), "Cache-Control"),
        (
            None,
            {"expires": "Wed, 25 Nov 2026 15:00:00 GMT", "date": "Wed, 25 Nov 2026 12:00:00 GMT"},
            30,
            timedelta(hours=3),
            "Expires",
        ),
        (None, {}, 90, timedelta(minutes=90), "ttl"),
        (None, {}, None, timedelta(hours=1), "default"),
        (None, {"cache-control": "max-age=10"}, None, timedelta(minutes=15), "Cache-Control"),
        (timedelta(minutes=1), {}, None, timedelta(minutes=15), "feeds.yaml"),  # the floor
        (None, {"cache-control": "max-age=31536000"}, None, timedelta(days=1), "Cache-Control"),
        (None, {"cache-control": "no-cache"}, 60, timedelta(minutes=15), "Cache-Control"),
    ],
)
def test_interval_order_and_bounds(
    spec_interval: timedelta | None,
    headers: dict[str, str],
    ttl: int | None,
    expected: timedelta,
    source: str,
) -> None:
    spec = FeedSpec(name="A", url="https://a.example/f", interval=spec_interval)
    assert schedule.interval_for(spec, Settings(), headers, ttl, NOW) == (expected, source)


def test_back_off_doubles_to_a_day_and_resets() -> None:
    state = FeedState(feed="A", url=SPEC.url, interval=3600)
    waits = []
    for _ in range(7):
        state, _ = schedule.failed(state, SPEC, Settings(), FetchError("A", "HTTP 500"), NOW)
        assert state.next_due is not None
        waits.append(state.next_due - NOW)
    assert waits[:4] == [timedelta(hours=h) for h in (2, 4, 8, 16)]
    assert waits[4:] == [timedelta(days=1)] * 3
    assert state.failures == 7
    state, _ = schedule.succeeded(state, SPEC, Settings(), headers={}, ttl_minutes=None,
                                  moved_to=None, now=NOW)  # fmt: skip
    assert state.failures == 0
    assert state.next_due == NOW + timedelta(hours=1)


def test_retry_after_is_honored_even_when_forced() -> None:
    error = FetchError("A", "HTTP 429 Too Many Requests", status=429, retry_after=7200)
    state, note = schedule.failed(FeedState(feed="A", url=SPEC.url), SPEC, Settings(), error, NOW)
    assert state.retry_until == NOW + timedelta(hours=2)
    assert note is not None
    assert "wait until" in note
    assert schedule.due(state, NOW + timedelta(hours=1), force=True)[0] is False
    assert schedule.due(state, NOW + timedelta(hours=3), force=True)[0] is True
    absurd = FetchError("A", "HTTP 503", status=503, retry_after=10**9)
    state, _ = schedule.failed(FeedState(feed="A", url=SPEC.url), SPEC, Settings(), absurd, NOW)
    assert state.retry_until == NOW + schedule.MAX_RETRY_AFTER


def test_gone_disables() -> None:
    error = FetchError("A", "HTTP 410 Gone", status=410)
    state, note = schedule.failed(FeedState(feed="A", url=SPEC.url), SPEC, Settings(), error, NOW)
    assert state.disabled == "410 Gone"
    assert note is not None
    assert "410" in note
    assert schedule.due(state, NOW + timedelta(days=30), force=True) == (
        False,
        "disabled: 410 Gone",
    )


# -- against a real server ----------------------------------------------------------------


def refresh(config: Path, cache: Path, **kwargs: object) -> dict[str, giftfind.FeedOutcome]:
    report = giftfind.refresh(feeds=config, cache_dir=cache, **kwargs)
    return {o.feed: o for o in report.outcomes}


def state_of(cache: Path, spec_url: str) -> FeedState:
    with Store(cache) as store:
        s = store.state(spec_url)
    assert s is not None
    return s


def test_unchanged_feed_costs_a_304(server: FeedServer, tmp_path: Path) -> None:
    url = server.add("/f.xml", BODY, etag='"v1"', last_modified="Tue, 24 Nov 2026 10:00:00 GMT")
    config = write_config(tmp_path / "feeds.yaml", [{"name": "A", "url": url}])
    assert refresh(config, tmp_path / "c")["A"].status == "fetched"
    assert refresh(config, tmp_path / "c")["A"].status == "not_due"  # its hour has not passed
    assert len(server.hits("/f.xml")) == 1
    assert refresh(config, tmp_path / "c", force=True)["A"].status == "not_modified"
    second = server.hits("/f.xml")[1]
    assert second.headers["if-none-match"] == '"v1"'
    assert second.headers["if-modified-since"] == "Tue, 24 Nov 2026 10:00:00 GMT"


def test_feed_is_due_after_its_interval(server: FeedServer, tmp_path: Path) -> None:
    url = server.add("/f.xml", BODY, headers={"Cache-Control": "max-age=7200"})
    config = write_config(tmp_path / "feeds.yaml", [{"name": "A", "url": url}])
    refresh(config, tmp_path / "c")
    s = state_of(tmp_path / "c", url)
    assert s.interval == 7200
    assert s.interval_source == "Cache-Control"
    assert s.next_due is not None
    assert s.last_attempt is not None
    assert s.next_due - s.last_attempt == timedelta(hours=2)
    later = datetime.now(UTC) + timedelta(hours=2, minutes=1)
    assert refresh(config, tmp_path / "c", now=later)["A"].status == "fetched"


def test_back_off_grows_and_resets_on_success(server: FeedServer, tmp_path: Path) -> None:
    url = server.add("/f.xml", "oops", status=500)
    config = write_config(tmp_path / "feeds.yaml", [{"name": "A", "url": url}])
    cache = tmp_path / "c"
    waits = []
    for _ in range(3):
        assert refresh(config, cache, force=True)["A"].status == "failed"
        s = state_of(cache, url)
        assert s.next_due is not None
        assert s.last_attempt is not None
        waits.append(s.next_due - s.last_attempt)
    assert waits == [timedelta(hours=2), timedelta(hours=4), timedelta(hours=8)]
    assert refresh(config, cache)["A"].status == "not_due"  # backing off
    server.add("/f.xml", BODY)
    assert refresh(config, cache, force=True)["A"].status == "fetched"
    s = state_of(cache, url)
    assert s.failures == 0
    assert s.last_error is None


def test_retry_after_holds_even_a_forced_refresh(server: FeedServer, tmp_path: Path) -> None:
    url = server.add("/f.xml", "busy", status=429, headers={"Retry-After": "3600"})
    config = write_config(tmp_path / "feeds.yaml", [{"name": "A", "url": url}])
    first = refresh(config, tmp_path / "c")["A"]
    assert first.status == "failed"
    assert first.note is not None
    assert "wait until" in first.note
    again = refresh(config, tmp_path / "c", force=True)["A"]
    assert again.status == "not_due"
    assert again.note is not None
    assert "wait until" in again.note
    assert len(server.hits("/f.xml")) == 1


def test_permanent_redirect_moves_the_feed(server: FeedServer, tmp_path: Path) -> None:
    new = server.add("/new.xml", BODY)
    old = server.add("/old.xml", status=301, headers={"Location": new})
    config = write_config(tmp_path / "feeds.yaml", [{"name": "A", "url": old}])
    outcome = refresh(config, tmp_path / "c")["A"]
    assert outcome.status == "fetched"
    assert outcome.note == f"moved permanently to {new}; update feeds.yaml"
    assert state_of(tmp_path / "c", old).moved_to == new
    refresh(config, tmp_path / "c", force=True)
    assert len(server.hits("/old.xml")) == 1  # asked at the new address since
    assert len(server.hits("/new.xml")) == 2


def test_gone_feed_is_disabled(server: FeedServer, tmp_path: Path) -> None:
    url = server.add("/f.xml", "gone", status=410)
    config = write_config(tmp_path / "feeds.yaml", [{"name": "A", "url": url}])
    outcome = refresh(config, tmp_path / "c")["A"]
    assert outcome.status == "failed"
    assert outcome.note is not None
    assert "410" in outcome.note
    assert refresh(config, tmp_path / "c", force=True)["A"].status == "not_due"
    assert len(server.hits("/f.xml")) == 1


def test_summary_counts_every_kind(server: FeedServer, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from giftfind.cli import app

    feeds = [
        {"name": f"F{i}", "url": server.add(f"/f{i}.xml", BODY, etag=f'"e{i}"')} for i in range(6)
    ]
    feeds.append({"name": "Bad", "url": server.add("/bad.xml", status=500)})
    config = write_config(tmp_path / "feeds.yaml", feeds)
    cache = str(tmp_path / "c")
    runner = CliRunner()
    r = runner.invoke(app, ["refresh", "-v", "--feeds", str(config), "--cache-dir", cache])
    assert r.exit_code == 3
    assert "7 feeds: 6 fetched (6 new articles), 0 not modified, 0 not due, 1 failed" in r.stderr
    # A new feed: fetched; the rest not due (the changed one too); the bad one backing off.
    server.add("/f0.xml", BODY.replace("Sailing news", "Sailing news, updated"), etag='"e0b"')
    feeds.append({"name": "New", "url": server.add("/new.xml", BODY)})
    write_config(tmp_path / "feeds.yaml", feeds)
    r = runner.invoke(app, ["refresh", "-v", "--feeds", str(config), "--cache-dir", cache])
    assert r.exit_code == 0
    assert "8 feeds: 1 fetched (1 new articles), 0 not modified, 7 not due, 0 failed" in r.stderr
    r = runner.invoke(app, ["refresh", "-v", "--all", "--feeds", str(config), "--cache-dir", cache])
    assert r.exit_code == 3
    # Everything asked: the changed feed and the one without validators come whole.
    assert "8 feeds: 2 fetched (0 new articles), 5 not modified, 0 not due, 1 failed" in r.stderr


def _refresh_process(config: Path, cache: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "giftfind", "refresh", "--all", "--feeds", str(config),
         "--cache-dir", str(cache), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip


def finish(proc: subprocess.Popen[str], timeout: float = 90) -> tuple[int, str]:
    """Wait for a process; its exit code and stderr (pipes closed)."""
    _, err = proc.communicate(timeout=timeout)
    return proc.returncode, err


def test_two_refreshes_never_fetch_at_once(server: FeedServer, tmp_path: Path) -> None:
    feeds = [{"name": f"F{i}", "url": server.add(f"/f{i}.xml", BODY, delay=0.3)} for i in range(4)]
    config = write_config(tmp_path / "feeds.yaml", feeds)
    cache = tmp_path / "c"
    first = _refresh_process(config, cache, "--wait", "60")
    second = _refresh_process(config, cache, "--wait", "60")
    code, err = finish(first)
    assert code == 0, err
    code, err = finish(second)
    assert code == 0, err
    # Each feed was fetched twice, never twice at once.
    assert all(len(server.hits(f"/f{i}.xml")) == 2 for i in range(4))
    assert server.max_active <= 4
    results = giftfind.search("sailing", feeds=config, cache_dir=cache, offline=True)
    assert results  # the store is whole


def test_a_second_refresh_gives_up_after_wait(server: FeedServer, tmp_path: Path) -> None:
    config = write_config(
        tmp_path / "feeds.yaml", [{"name": "Slow", "url": server.add("/s.xml", BODY, delay=4)}]
    )
    cache = tmp_path / "c"
    first = _refresh_process(config, cache)
    time.sleep(1.5)  # the first holds the lock while it waits on the slow server
    second = _refresh_process(config, cache, "--wait", "0.5")
    code, err = finish(second, 30)
    assert code == 4
    assert "another giftfind refresh is running" in err
    assert finish(first, 30)[0] == 0


def test_a_search_answers_while_a_refresh_runs(server: FeedServer, tmp_path: Path) -> None:
    url = server.add("/f.xml", BODY)
    config = write_config(tmp_path / "feeds.yaml", [{"name": "A", "url": url}])
    cache = tmp_path / "c"
    giftfind.refresh(feeds=config, cache_dir=cache)
    server.add("/f.xml", BODY, delay=5)  # the next refresh will hold the lock a while
    slow = _refresh_process(config, cache)
    time.sleep(1.5)
    r = subprocess.run(
        [sys.executable, "-m", "giftfind", "--feeds", str(config), "--cache-dir", str(cache),
         "sailing", "--refresh"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )  # fmt: skip
    assert slow.poll() is None  # it answered while the refresh still held the lock
    assert r.returncode == 0, r.stderr
    assert "Sailing news" in r.stdout
    assert "another refresh is running" in r.stderr
    assert finish(slow, 30)[0] == 0


def test_a_refresh_of_200_feeds_sums_up_every_kind(server: FeedServer, tmp_path: Path) -> None:
    """200 feeds on one local server: the -v summary counts fetched, not modified,
    not due and failed."""
    from typer.testing import CliRunner

    from giftfind.cli import app

    feeds = []
    for i in range(200):
        if i < 10:  # broken
            url = server.add(f"/f{i}.xml", "oops", status=500)
        elif i < 20:  # asks for a pause
            url = server.add(f"/f{i}.xml", "busy", status=429, headers={"Retry-After": "3600"})
        else:
            item = {"title": f"Story {i}", "link": f"https://a.example/{i}", "guid": f"g{i}"}
            url = server.add(f"/f{i}.xml", rss([item]), etag=f'"e{i}"' if i % 2 else None)
        feeds.append({"name": f"F{i}", "url": url})
    config = write_config(tmp_path / "feeds.yaml", feeds, settings="concurrency: 32")
    args = ["refresh", "-v", "--feeds", str(config), "--cache-dir", str(tmp_path / "c")]
    runner = CliRunner()
    r = runner.invoke(app, args)
    assert r.exit_code == 3
    summary = r.stderr.splitlines()[-1]
    assert summary == (
        "giftfind: 200 feeds: 180 fetched (180 new articles), 0 not modified, 0 not due, 20 failed"
    )
    r = runner.invoke(app, [*args, "--all"])
    assert r.exit_code == 3
    # Those with an ETag answer 304; those without come whole (unchanged: no new
    # articles); the paused ones wait for their hour even under --all.
    assert r.stderr.splitlines()[-1] == (
        "giftfind: 200 feeds: 90 fetched (0 new articles), 90 not modified, 10 not due, 10 failed"
    )
    assert max(len(server.hits(f"/f{i}.xml")) for i in range(10, 20)) == 1
