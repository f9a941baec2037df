"""A refresh and several searches at once, each a process of its own.

Searches must never fail and must always see a consistent store: each feed as
it was before the refresh or as fetched by it (all of a document's new articles,
or none), every result an article the store holds, with its own title.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from .conftest import FeedServer
from .faultlib import (
    MARKED,
    MARKER,
    Farm,
    article_id,
    assert_clean_stderr,
    giftfind_process,
    make_farm,
    run_giftfind,
    stored_ids,
)

FEEDS = 10
OLD = range(100)  # over 32 KiB a feed: diskcache would keep it in a file
#: What the refresh brings: three marked articles per feed.
NEW = range(MARKED, MARKED + 3)
#: What a search that is not offline says when it finds the refresh lock taken.
NOTICE = "giftfind: another refresh is running; answering from the stored articles"


def _slow(i: int) -> float:
    return (0.0, 0.3, 0.6, 0.9, 1.2)[i % 5]


def _search(config: Path, cache: Path, offline: bool) -> subprocess.Popen[str]:
    where = ["--feeds", str(config), "--cache-dir", str(cache)]
    # Not offline, it refreshes first (--refresh), or finds the refresh lock taken,
    # waits for it a while, and says so.
    mode = ["--offline"] if offline else ["--refresh"]
    return giftfind_process(*where, *mode, MARKER, "-n", "100", "--json")


def _check_answer(out: str, err: str, code: int, offline: bool) -> dict[int, int]:
    """A search's answer is consistent; returns how many new articles of each feed it saw."""
    assert code == 0 or (code == 1 and '"results": []' in out), (code, err)
    assert_clean_stderr(err)
    lines = [line for line in err.splitlines() if "no matching articles" not in line]
    assert lines in ([], [NOTICE]) if not offline else lines == [], err
    per_feed: dict[int, int] = {}
    for r in json.loads(out)["results"]:
        m = re.fullmatch(r"https://gen\.example/f(\d+)/a(\d+)", r["id"])
        assert m, r["id"]
        feed, n = int(m.group(1)), int(m.group(2))
        assert n in NEW, r  # only the marked articles hold the marker
        assert r["title"].endswith(f" {feed}-{n}"), r  # its own title, not a neighbour's
        assert r["source"] == f"Gen {feed}", r
        per_feed[feed] = per_feed.get(feed, 0) + 1
    return per_feed


def one_round(server: FeedServer, tmp_path: Path) -> list[dict[int, int]]:
    """Refresh, then refresh again with searches running; what each search saw."""
    farm: Farm = make_farm(server, tmp_path, FEEDS, len(OLD), slow=_slow)
    config = farm.config(range(FEEDS))
    cache = tmp_path / "cache"
    r = run_giftfind("refresh", "--feeds", str(config), "--cache-dir", str(cache))
    assert r.returncode == 0, r.stderr
    before = stored_ids(cache)
    for i in range(FEEDS):
        farm.serve(i, [*OLD, *NEW])

    # (--wait: a search that is not offline may hold the lock for a refresh of its own.)
    refresh = giftfind_process(
        "refresh", "--all", "--wait", "60", "--feeds", str(config), "--cache-dir", str(cache)
    )
    seen: list[dict[int, int]] = []
    # One search that is not offline, and three offline at a time until the refresh
    # is over.
    online = _search(config, cache, offline=False)
    while True:
        batch = [_search(config, cache, offline=True) for _ in range(3)]
        for proc in batch:
            out, err = proc.communicate(timeout=60)
            seen.append(_check_answer(out, err, proc.returncode, offline=True))
        if refresh.poll() is not None:
            break
    out, err = online.communicate(timeout=60)
    seen.append(_check_answer(out, err, online.returncode, offline=False))
    _, err = refresh.communicate(timeout=60)
    assert refresh.returncode == 0, err
    assert err == ""

    # Every feed was seen whole: none of its new articles, or all three.
    for per_feed in seen:
        assert set(per_feed.values()) <= {len(NEW)}, per_feed
    after = stored_ids(cache)
    assert after == {
        key: ids | {article_id(i, n) for n in NEW}
        for i, (key, ids) in enumerate(sorted(before.items(), key=lambda kv: _num(kv[0])))
    }
    r = run_giftfind("--offline", "--feeds", str(config), "--cache-dir", str(cache), MARKER,
                     "-n", "100", "--json")  # fmt: skip
    assert _check_answer(r.stdout, r.stderr, r.returncode, True) == dict.fromkeys(
        range(FEEDS), len(NEW)
    )
    return seen


def test_searches_during_a_refresh_see_a_consistent_store(
    server: FeedServer, tmp_path: Path
) -> None:
    one_round(server, tmp_path)


def _num(url: str) -> int:
    return int(url.rsplit("/", 1)[1].split(".")[0])


@pytest.mark.slow
def test_searches_during_many_refreshes(server: FeedServer, tmp_path: Path) -> None:
    partial = 0
    for k in range(15):
        (tmp_path / str(k)).mkdir()
        seen = one_round(server, tmp_path / str(k))
        partial += sum(0 < len(per_feed) < FEEDS for per_feed in seen)
    # The searches did overlap the refresh's commits: some saw part of the feeds.
    assert partial >= 3


def test_a_search_keeps_reading_a_snapshot_replaced_while_it_runs(tmp_path: Path) -> None:
    # A search maps a snapshot's arrays as it needs them. A refresh that replaces
    # the snapshot meanwhile must leave its files for a while (GRACE_SECONDS) from
    # the replacement, not from when the snapshot was made: counted from then, a
    # day-old snapshot and its segments were removed at once, under the search.
    import os
    import time as clock

    from giftfind.index import FeedInput, Index, update

    from .conftest import make_article

    def feed(titles: list[str]) -> list[FeedInput]:
        articles = [make_article(title=t, summary="Sailing on the lake.") for t in titles]
        return [FeedInput(key="a", version=len(titles), load=lambda: articles)]

    update(tmp_path, feed(["Regatta week", "Harbor news"]), generation=1)
    day_ago = clock.time() - 86400
    for path in [tmp_path, *tmp_path.rglob("*")]:
        os.utime(path, (day_ago, day_ago))
    index = Index.open(tmp_path)
    assert index is not None
    # The refresh: a full rebuild, so no segment of the old snapshot is kept.
    update(tmp_path, feed(["Schooner race", "Lighthouse tour", "Ferry"]), generation=2, full=True)
    docs, _ = index.postings("regatta")
    assert len(docs) == 1
    assert index.doc(int(docs[0])).title == "Regatta week"
    index.close()
