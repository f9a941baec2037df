from __future__ import annotations

import multiprocessing
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from giftfind.errors import StoreError, StoreLocked
from giftfind.store import Store
from giftfind.types import FeedState

from .conftest import make_article

NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)
KEY = "https://example.com/feed"


def state() -> FeedState:
    return FeedState(feed="Test", url=KEY, last_success=NOW)


def test_save_and_read_back(tmp_path: Path) -> None:
    a = make_article(title="One")
    b = make_article(title="Two", published=None, author="Ann", tags=("x", "y"))
    with Store(tmp_path) as store:
        assert store.generation() == 0
        new, saved = store.save_feed(KEY, [a, b], state(), now=NOW)
        assert new == 2
        assert saved.articles == 2
        assert store.generation() == 1
        generation, groups = store.articles({KEY: "Renamed"})
    assert generation == 1
    ((key, articles),) = groups
    assert key == KEY
    got = {x.title: x for x in articles}
    assert got["One"].feed == "Renamed"  # display names come from the config
    assert got["One"].first_seen == NOW
    assert got["Two"].published is None
    assert got["Two"].tags == ("x", "y")
    assert got["Two"].author == "Ann"


def test_same_article_twice_is_stored_once_and_keeps_first_seen(tmp_path: Path) -> None:
    a = make_article(id="guid-1", link="https://example.com/x?utm_source=rss")
    with Store(tmp_path) as store:
        store.save_feed(KEY, [a], state(), now=NOW)
        later = NOW + timedelta(hours=3)
        # Same guid, edited title: updated in place.
        edited = make_article(id="guid-1", link=a.link, title="Edited")
        new, _ = store.save_feed(KEY, [edited], state(), now=later)
        assert new == 0
        _, [(_, articles)] = store.articles({KEY: "T"})
        (only,) = articles
        assert only.first_seen == NOW
        assert only.title == "Edited"
        # Another guid, same link: another item (a podcast links every episode to
        # its home page).
        again = make_article(id="guid-2", link="https://example.com/x?utm_medium=email")
        new, saved = store.save_feed(KEY, [again], state(), now=later)
        assert new == 1
        assert saved.articles == 2


def test_unchanged_document_does_not_bump_the_generation(tmp_path: Path) -> None:
    a = make_article()
    with Store(tmp_path) as store:
        store.save_feed(KEY, [a], state(), now=NOW)
        g = store.generation()
        store.save_feed(KEY, [a], state(), now=NOW + timedelta(hours=1))
        assert store.generation() == g


def test_retention(tmp_path: Path) -> None:
    old = make_article(published=NOW - timedelta(days=100))
    fresh = make_article(published=NOW - timedelta(days=1))
    undated = make_article(published=None)
    with Store(tmp_path) as store:
        new, _ = store.save_feed(KEY, [old, fresh, undated], state(), now=NOW, retention_days=90)
        assert new == 2  # the old one is never stored
        _, [(_, kept)] = store.articles({KEY: "T"})
        assert {a.id for a in kept} == {fresh.id, undated.id}
        # 100 days on, the undated one (first seen 100 days ago) goes too.
        dropped = store.expire([KEY], now=NOW + timedelta(days=100), retention_days=90)
        assert dropped == 2
        assert store.expire([KEY], now=NOW, retention_days=0) == 0


def test_retention_zero_keeps_everything(tmp_path: Path) -> None:
    ancient = make_article(published=datetime(1999, 1, 1, tzinfo=UTC))
    with Store(tmp_path) as store:
        new, _ = store.save_feed(KEY, [ancient], state(), now=NOW, retention_days=0)
        assert new == 1


def test_feed_state_round_trip(tmp_path: Path) -> None:
    s = FeedState(
        feed="T",
        url=KEY,
        etag='"x"',
        last_modified="Tue, 24 Nov 2026 10:00:00 GMT",
        last_attempt=NOW,
        last_error="HTTP 500",
        failures=2,
    )
    with Store(tmp_path) as store:
        assert store.state(KEY) is None
        store.save_state(KEY, s)
        assert store.state(KEY) == s
        assert store.states([KEY, "other"]) == {KEY: s}


def test_results_cache(tmp_path: Path) -> None:
    with Store(tmp_path) as store:
        assert store.get_result("k") is None
        store.put_result("k", {"v": 1}, ttl=60)
        assert store.get_result("k") == {"v": 1}


def _hold_lock(
    directory: str,
    ready: multiprocessing.synchronize.Event,
    done: multiprocessing.synchronize.Event,
) -> None:
    with Store(Path(directory)) as store, store.lock():
        ready.set()
        done.wait(10)


def test_lock_excludes_another_process(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    ready, done = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(str(tmp_path), ready, done))
    holder.start()
    try:
        assert ready.wait(20)
        with (
            Store(tmp_path) as store,
            pytest.raises(StoreLocked, match="another giftfind refresh is running") as info,
            store.lock(wait=0.2),
        ):
            pass
        assert info.value.exit_code == 4
    finally:
        done.set()
        holder.join(20)
    with Store(tmp_path) as store, store.lock(wait=5):
        pass


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_directory_is_a_clear_error(tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="not writable"):
            Store(ro / "cache")
    finally:
        ro.chmod(0o700)


def test_cache_dir_that_is_a_file_is_a_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(StoreError) as info:
        Store(f)
    assert "\n" not in str(info.value)
