"""Helpers for the crash, concurrency and fault tests: generated feeds served by a real
server, the store read back as plain sets, and giftfind run as a real process."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from giftfind.store import Store

from .conftest import FeedServer, write_config

#: Every generated article holds this word, so one query matches them all...
COMMON = "lighthouse"
#: ... and those numbered from MARKED on hold this one too.
MARKER = "beacon"
MARKED = 1000
_WORDS = (
    "harbor regatta schooner museum bakery orchard cycling marathon glacier canyon "
    "violin quartet theatre gallery sculpture ceramics robotics satellite vaccine genome "
    "tramway bridge skyline festival lantern mosaic pottery falconry archery rowing "
    "kayak summit meadow prairie bison coral reef tundra volcano aurora comet nebula"
).split()
NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)


def article_id(feed: int, n: int) -> str:
    return f"https://gen.example/f{feed}/a{n}"


def generated_rss(feed: int, numbers: Sequence[int], *, words: int = 40) -> str:
    """An RSS document with the given articles of generated feed ``feed``; an article's
    text depends only on (feed, n), so a number always stands for the same article."""
    items = []
    for n in numbers:
        rng = random.Random(feed * 1_000_003 + n)
        title = " ".join(rng.choice(_WORDS) for _ in range(5))
        summary = " ".join(rng.choice(_WORDS) for _ in range(words))
        when = NOW - timedelta(minutes=n)
        items.append(
            f"<item><title>{escape(title)} {feed}-{n}</title>"
            f"<link>{article_id(feed, n)}</link><guid>{article_id(feed, n)}</guid>"
            f"<description>{COMMON} {MARKER if n >= MARKED else ''} {escape(summary)}"
            "</description>"
            f"<pubDate>{when.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>Generated {feed}</title><link>https://gen.example/f{feed}</link>"
        f"<description>d</description>{''.join(items)}</channel></rss>"
    )


@dataclass
class Farm:
    """Generated feeds on a real server: ``serve(i, numbers)`` sets what feed i holds."""

    server: FeedServer
    directory: Path
    #: Per feed, the article numbers it serves now.
    serving: dict[int, list[int]]
    delays: dict[int, float]

    def serve(self, feed: int, numbers: Sequence[int]) -> None:
        self.serving[feed] = list(numbers)
        self.server.add(
            f"/gen/{feed}.xml",
            generated_rss(feed, numbers),
            delay=self.delays.get(feed, 0.0),
            headers={"Content-Type": "application/rss+xml"},
        )

    def url(self, feed: int) -> str:
        return self.server.url(f"/gen/{feed}.xml")

    def config(self, feeds: Sequence[int], name: str = "feeds.yaml") -> Path:
        """A feeds.yaml listing these generated feeds (keeping every article)."""
        return write_config(
            self.directory / name,
            [{"name": f"Gen {i}", "url": self.url(i)} for i in feeds],
            settings="retention_days: 0\nconcurrency: 8\nper_host: 8\ntimeout: 20s",
        )

    def expected(self, feeds: Sequence[int]) -> dict[str, set[str]]:
        """What a complete refresh of ``feeds`` adds, by feed key."""
        return {self.url(i): {article_id(i, n) for n in self.serving[i]} for i in feeds}


def make_farm(
    server: FeedServer,
    directory: Path,
    n_feeds: int,
    articles: int,
    *,
    slow: Callable[[int], float] = lambda i: 0.0,
) -> Farm:
    farm = Farm(server, directory, {}, {i: slow(i) for i in range(n_feeds)})
    for i in range(n_feeds):
        farm.serve(i, range(articles))
    return farm


def stored_ids(cache: Path) -> dict[str, set[str]]:
    """The article ids the store holds, by feed key (opened the way giftfind opens it)."""
    with Store(cache) as store:
        return {key: {a.id for a in store.feed_articles(key, key)} for key in store.feed_keys()}


def giftfind_process(
    *args: str, wrapper: Sequence[str] = (), **kwargs: Any
) -> subprocess.Popen[str]:
    """``python -m giftfind ARGS`` as a child process (run by ``wrapper``, if given),
    stdout and stderr piped."""
    env = {**os.environ, "COLUMNS": "100", "PYTHONFAULTHANDLER": "1"}
    return subprocess.Popen(
        [*wrapper, sys.executable, "-m", "giftfind", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        **kwargs,
    )


def run_giftfind(
    *args: str, timeout: float = 120, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m giftfind ARGS`` to the end."""
    proc = giftfind_process(*args, **kwargs)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        raise AssertionError(f"giftfind {args} did not finish: {err}") from None
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def assert_clean_stderr(stderr: str) -> None:
    """No traceback and every line is giftfind's own."""
    assert "Traceback" not in stderr, stderr
    for line in stderr.splitlines():
        assert line.startswith("giftfind: "), stderr
