"""Synthetic articles for benchmarks: feed-like titles and summaries over a Zipf vocabulary.

Deterministic for a seed. The vocabulary mixes real English words (so that
stemming and stop words do real work) with invented ones (so that it is as
large as a real news vocabulary), drawn with Zipf-distributed frequencies
(exponent 1.1): a few words are everywhere, most are rare.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from giftfind.types import Article

ENGLISH = """
the of and to in a is that for on with as was by at from it an be this are have has
not but or his her they their which were been more new said year city people state
time first world team game season market company report police school plan council
sailing sailboat regatta harbor yacht sail lake michigan chicago marathon running
runner cycling bike garden gardening cooking recipe kitchen bread coffee wine jazz
music museum architecture modern building tower park river bridge transit train
election mayor budget policy health hospital doctor study research science climate
energy solar wind electric vehicle battery startup investor funding technology
software security privacy data cloud phone camera photography film theater book
author poetry travel hotel flight beach mountain hiking trail ski snow weather storm
""".split()

SYLLABLES = [
    "ka", "lo", "mi", "ra", "ten", "vo", "shi", "gu", "pel", "dor", "an", "bri", "cu",
    "fen", "ho", "jus", "ki", "lem", "nar", "os", "pru", "qua", "sto", "tri", "ul", "ves",
    "wen", "xa", "yor", "zel",
]  # fmt: skip


def vocabulary(size: int, rng: random.Random) -> list[str]:
    words = list(dict.fromkeys(ENGLISH))
    seen = set(words)
    while len(words) < size:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


class Zipf:
    """Draws word indexes with probability proportional to 1 / rank ** s."""

    def __init__(self, n: int, s: float, rng: random.Random) -> None:
        import numpy as np

        weights = 1.0 / np.arange(1, n + 1) ** s
        self.cdf = np.cumsum(weights / weights.sum())
        self.np_rng = np.random.default_rng(rng.randrange(2**32))

    def draw(self, k: int) -> list[int]:
        import numpy as np

        return np.searchsorted(self.cdf, self.np_rng.random(k)).tolist()  # type: ignore[no-any-return]


def articles(n: int, *, seed: int = 7, feeds: int | None = None) -> Iterator[Article]:
    """``n`` articles spread over ``feeds`` feeds (default: one per 50 articles)."""
    rng = random.Random(seed)
    words = vocabulary(60_000, rng)
    zipf = Zipf(len(words), 1.1, rng)
    feeds = feeds or max(1, n // 50)
    start = datetime(2026, 11, 25, tzinfo=UTC)
    for i in range(n):
        title_len = rng.randint(6, 12)
        body_len = rng.randint(30, 90)
        ids = zipf.draw(title_len + body_len)
        title = " ".join(words[j] for j in ids[:title_len]).capitalize()
        body = " ".join(words[j] for j in ids[title_len:]).capitalize() + "."
        feed = i % feeds
        yield Article(
            id=f"https://synth{feed}.example/a/{i}",
            feed=f"synth-{feed}",
            title=title,
            link=f"https://synth{feed}.example/a/{i}",
            published=start - timedelta(minutes=37 * i),
            summary=body,
            first_seen=start,
        )


def write_feeds(directory: Path, items: list[Article]) -> Path:
    """Write the articles as JSON Feed files, one per feed, and a feeds.yaml listing them."""
    directory.mkdir(parents=True, exist_ok=True)
    by_feed: dict[str, list[Article]] = {}
    for a in items:
        by_feed.setdefault(a.feed, []).append(a)
    lines = ["settings:", "  retention_days: 0", "  max_age: 1000d", "feeds:"]
    for name, group in by_feed.items():
        doc = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": name,
            "items": [
                {
                    "id": a.id,
                    "url": a.link,
                    "title": a.title,
                    "content_text": a.summary,
                    "date_published": a.published.isoformat() if a.published else None,
                }
                for a in group
            ],
        }
        (directory / f"{name}.json").write_text(json.dumps(doc), encoding="utf-8")
        lines += [f"  - name: {name}", f"    url: {name}.json"]
    path = directory / "feeds.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
