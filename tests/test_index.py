"""The on-disk index: segments, incremental updates, snapshots."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from giftfind.analyze import analyze
from giftfind.errors import StoreDamaged
from giftfind.index import MERGE_SEGMENTS, FeedInput, Index, current_meta, update
from giftfind.types import Article

from .conftest import build_index, make_article

T0 = datetime(2026, 11, 20, tzinfo=UTC)


class Feeds:
    """A fake store: feeds with versions that go up when their articles change."""

    def __init__(self, **feeds: Sequence[Article]) -> None:
        self.articles = {k: list(v) for k, v in feeds.items()}
        self.versions = dict.fromkeys(feeds, 1)
        self.loads: list[str] = []

    def set(self, key: str, articles: Sequence[Article]) -> None:
        self.articles[key] = list(articles)
        self.versions[key] += 1

    def inputs(self) -> list[FeedInput]:
        def loader(key: str) -> list[Article]:
            self.loads.append(key)
            return self.articles[key]

        return [
            FeedInput(key=k, version=self.versions[k], load=lambda k=k: loader(k))
            for k in self.articles
        ]


def scores_by_id(index: Index, query: str) -> dict[str, float]:
    vector = index.query_vector(analyze(query))
    scores = index.score(vector)
    return {
        index.doc(d).id: round(float(scores[d]), 9)
        for d in range(index.n_docs)
        if not index.deleted[d] and scores[d] > 0
    }


def live_ids(index: Index) -> set[str]:
    return {index.doc(d).id for d in range(index.n_docs) if not index.deleted[d]}


def articles(n: int, topic: str, start: int = 0) -> list[Article]:
    return [
        make_article(
            id=f"https://{topic}.example/{i}",
            link=f"https://{topic}.example/{i}",
            title=f"{topic} story {i}",
            summary=f"A {topic} report number {i} with some words about {topic} and more.",
            published=T0 - timedelta(hours=i),
        )
        for i in range(start, start + n)
    ]


def test_unchanged_store_reads_nothing(tmp_path: Path) -> None:
    feeds = Feeds(a=articles(5, "sailing"), b=articles(5, "chess"))
    assert update(tmp_path, feeds.inputs(), generation=1) == "rebuilt"
    feeds.loads.clear()
    assert update(tmp_path, feeds.inputs(), generation=1) == "current"
    assert feeds.loads == []


def test_new_articles_go_into_a_new_segment_and_score_as_a_full_build(tmp_path: Path) -> None:
    feeds = Feeds(a=articles(20, "sailing"), b=articles(20, "chess"))
    update(tmp_path / "inc", feeds.inputs(), generation=1)
    feeds.set("a", articles(22, "sailing"))  # two new
    feeds.loads.clear()
    assert update(tmp_path / "inc", feeds.inputs(), generation=2) == "updated"
    assert feeds.loads == ["a"]  # only the changed feed was read
    meta = current_meta(tmp_path / "inc")
    assert meta is not None
    assert len(meta["segments"]) == 2
    assert meta["segments"][1]["n"] == 2
    update(tmp_path / "full", feeds.inputs(), generation=2, full=True)
    with Index.open(tmp_path / "inc") as inc, Index.open(tmp_path / "full") as full:  # type: ignore[union-attr]
        assert live_ids(inc) == live_ids(full)
        for query in ["sailing", "chess story", "report"]:
            assert scores_by_id(inc, query) == scores_by_id(full, query)
        # Document vectors (feedback, likeness) agree too, across segments.
        full_docs = {full.doc(d).id: d for d in range(full.n_docs)}
        for d in range(inc.n_docs):
            terms, weights = inc.doc_terms(d)
            other_terms, other_weights = full.doc_terms(full_docs[inc.doc(d).id])
            assert terms == other_terms
            assert weights == pytest.approx(other_weights)


def test_changed_and_gone_articles_are_replaced_and_deleted(tmp_path: Path) -> None:
    a = articles(10, "sailing")
    feeds = Feeds(a=a, b=articles(10, "chess"))
    update(tmp_path, feeds.inputs(), generation=1)
    edited = make_article(id=a[0].id, link=a[0].link, title="Regatta cancelled", summary="Storm.")
    feeds.set("a", [edited, *a[1:9]])  # one changed, one gone
    assert update(tmp_path, feeds.inputs(), generation=2) == "updated"
    with Index.open(tmp_path) as index:  # type: ignore[union-attr]
        assert live_ids(index) == {x.id for x in [edited, *a[1:9], *feeds.articles["b"]]}
        assert int(index.deleted.sum()) == 2
        (hit,) = [d for d in scores_by_id(index, "regatta")]
        assert hit == a[0].id
        assert scores_by_id(index, "cancelled")


def test_a_story_another_feed_carried_is_indexed_once_and_survives_its_owner(
    tmp_path: Path,
) -> None:
    story = make_article(id="wire-1", link="https://wire.example/story", title="Harbor opens",
                         summary="The harbor opens for the sailing season.")  # fmt: skip
    copy = make_article(id="other-1", link="https://wire.example/story?utm_source=b",
                        title="Harbor opens", summary="The harbor opens for the sailing season.")  # fmt: skip
    feeds = Feeds(a=[story], b=[])
    update(tmp_path, feeds.inputs(), generation=1)
    feeds.set("b", [copy])
    update(tmp_path, feeds.inputs(), generation=2)
    with Index.open(tmp_path) as index:  # type: ignore[union-attr]
        assert live_ids(index) == {"wire-1"}
        (d,) = [d for d in range(index.n_docs) if not index.deleted[d]]
        assert index.doc(d).also == ("b",)
    feeds.set("a", [])  # the owner drops it: the other feed's copy takes over
    update(tmp_path, feeds.inputs(), generation=3)
    with Index.open(tmp_path) as index:  # type: ignore[union-attr]
        assert live_ids(index) == {"other-1"}


def test_many_updates_end_in_a_merge(tmp_path: Path) -> None:
    feeds = Feeds(a=articles(200, "sailing"))
    update(tmp_path, feeds.inputs(), generation=1)
    result = ""
    for g in range(2, MERGE_SEGMENTS + 3):
        feeds.set("a", articles(200 + g, "sailing"))
        result = update(tmp_path, feeds.inputs(), generation=g)
        meta = current_meta(tmp_path)
        assert meta is not None
        assert len(meta["segments"]) <= MERGE_SEGMENTS
    assert result in ("updated", "rebuilt")
    with Index.open(tmp_path) as index:  # type: ignore[union-attr]
        assert len(live_ids(index)) == 200 + MERGE_SEGMENTS + 2


def test_many_deletions_end_in_a_merge(tmp_path: Path) -> None:
    feeds = Feeds(a=articles(100, "sailing"))
    update(tmp_path, feeds.inputs(), generation=1)
    feeds.set("a", articles(50, "sailing"))
    assert update(tmp_path, feeds.inputs(), generation=2) == "rebuilt"
    with Index.open(tmp_path) as index:  # type: ignore[union-attr]
        assert index.n_docs == 50
        assert not index.deleted.any()


def test_changed_feed_list_or_parameters_rebuild(tmp_path: Path) -> None:
    from giftfind.index import Params

    feeds = Feeds(a=articles(5, "sailing"))
    update(tmp_path, feeds.inputs(), generation=1)
    assert (
        update(tmp_path, feeds.inputs(), generation=1, params=Params(title_weight=3)) == "rebuilt"
    )
    feeds2 = Feeds(a=articles(5, "sailing"), b=articles(5, "chess"))
    assert update(tmp_path, feeds2.inputs(), generation=1) == "rebuilt"


def test_a_search_holding_the_old_snapshot_keeps_working(tmp_path: Path) -> None:
    feeds = Feeds(a=articles(10, "sailing"))
    update(tmp_path, feeds.inputs(), generation=1)
    with Index.open(tmp_path) as old:  # type: ignore[union-attr]
        before = scores_by_id(old, "sailing")
        for g in range(2, 6):
            feeds.set("a", articles(10 + g, "sailing"))
            update(tmp_path, feeds.inputs(), generation=g)
        assert scores_by_id(old, "sailing") == before


def test_empty_index(tmp_path: Path) -> None:
    feeds = Feeds(a=[])
    update(tmp_path, feeds.inputs(), generation=1)
    with Index.open(tmp_path) as index:  # type: ignore[union-attr]
        assert index.n_docs == 0
        assert index.score(index.query_vector(["sail"])).shape == (0,)


@pytest.mark.parametrize("corrupt", ["CURRENT", "meta.json"])
def test_an_unreadable_snapshot_is_not_opened(tmp_path: Path, corrupt: str) -> None:
    feeds = Feeds(a=articles(3, "sailing"))
    update(tmp_path, feeds.inputs(), generation=1)
    meta = current_meta(tmp_path)
    assert meta is not None
    target = tmp_path / "CURRENT" if corrupt == "CURRENT" else Path(meta["_dir"]) / "meta.json"
    target.write_text("{not json")
    # Reported once, and withdrawn.
    with pytest.raises(StoreDamaged, match=r"search index .* was damaged"):
        Index.open(tmp_path)
    assert Index.open(tmp_path) is None
    # The next update rebuilds from the store.
    assert update(tmp_path, feeds.inputs(), generation=1) == "rebuilt"
    assert Index.open(tmp_path) is not None


def test_postings_pointers_out_of_order_are_damage_not_a_negative_count(tmp_path: Path) -> None:
    """A document frequency is read from the postings pointers alone: pointers that
    go backwards are a damaged snapshot (withdrawn), never a count below zero."""
    import numpy as np

    feeds = Feeds(a=articles(3, "sailing"))
    update(tmp_path, feeds.inputs(), generation=1)
    meta = current_meta(tmp_path)
    assert meta is not None
    segment = tmp_path / meta["segments"][0]["name"]
    terms = [bytes(t).decode() for t in np.load(segment / "terms.npy")]
    ptr = np.load(segment / "post_ptr.npy", mmap_mode="r+")
    i = terms.index("sail")
    ptr[i + 1] = ptr[i] - 5
    ptr.flush()
    del ptr
    index = Index.open(tmp_path)
    assert index is not None
    with pytest.raises(StoreDamaged, match=r"search index .* was damaged"):
        index.df("sail")
    index.close()
    assert Index.open(tmp_path) is None  # withdrawn: the next update rebuilds


def test_feeds_added_at_the_end_are_indexed_without_a_rebuild(tmp_path: Path) -> None:
    feeds = Feeds(a=articles(10, "sailing"))
    update(tmp_path, feeds.inputs(), generation=1)
    grown = Feeds(a=feeds.articles["a"], b=articles(3, "chess"))
    grown.versions["a"] = feeds.versions["a"]
    grown.loads.clear()
    assert update(tmp_path, grown.inputs(), generation=2) == "updated"
    assert grown.loads == ["b"]
    with Index.open(tmp_path) as index:  # type: ignore[union-attr]
        assert index.sources == ["a", "b"]
        assert {index.doc(d).source for d in range(index.n_docs)} == {0, 1}
        assert scores_by_id(index, "chess")
    # A feed removed from the middle: a rebuild.
    assert update(tmp_path, Feeds(b=articles(3, "chess")).inputs(), generation=3) == "rebuilt"


def _mixed_articles(n: int) -> list[Article]:
    """Articles whose text takes every path of the analyzer: plain words, accents,
    acronyms, apostrophes, CJK, numbers, repeated words, empty summaries, tags."""
    import random

    rng = random.Random(7)
    words = (
        "sailing Chicago chess garden bread museum marathon jazz camera bridge council "
        "river Zürich café naïve US NASA AI it's O'Brien’s 東京 北京大学 2026 3.5 sailing "
        "sailors sailed running runs"
    ).split()
    out = []
    for i in range(n):
        title = " ".join(rng.choices(words, k=rng.randint(0, 8)))
        summary = " ".join(rng.choices(words, k=rng.randint(0, 40)))
        out.append(
            make_article(
                id=f"https://mixed.example/{i}",
                link=f"https://mixed.example/{i % (n - 7)}",  # a few shared links
                title=title,
                summary=summary,
                tags=tuple(rng.choices(words, k=rng.randint(0, 2))),
                published=T0 - timedelta(hours=i),
            )
        )
    return out


@pytest.mark.parametrize("radix_terms", [1 << 16, 0], ids=["16-bit radix", "32-bit sort"])
def test_a_build_split_across_processes_is_the_same_as_one_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, radix_terms: int
) -> None:
    """A large build analyzes and counts in forked workers and joins their parts:
    the index is the very same, and each document's counts are its terms' (whether
    a part's terms are ordered by numpy's 16-bit radix sort or its 32-bit sort)."""
    import collections
    import os
    import threading

    import numpy as np

    from giftfind import index as index_module

    if (os.cpu_count() or 1) < 2:
        pytest.skip("a build runs in one process on a single core")
    # A build does not fork beside running threads; an earlier test's server may
    # leave a daemon thread blocked on a socket, harmless to this test's fork.
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    arts = _mixed_articles(600)
    groups = {"a": arts[:250], "b": arts[250:]}
    parent_pid = os.getpid()
    workers = tmp_path / "workers"
    workers.mkdir()
    prepare_part = index_module._prepare_part

    def counting(items: Sequence[object], params: object) -> object:
        if os.getpid() != parent_pid:
            (workers / str(os.getpid())).touch()
        return prepare_part(items, params)  # type: ignore[arg-type]

    monkeypatch.setattr(index_module, "_prepare_part", counting)
    monkeypatch.setattr(index_module, "RADIX_TERMS", radix_terms)
    monkeypatch.setattr(index_module, "PARALLEL_ITEMS", 10**9)
    one = build_index(tmp_path / "one", groups)
    assert not any(workers.iterdir())
    monkeypatch.setattr(index_module, "PARALLEL_ITEMS", 50)
    split = build_index(tmp_path / "split", groups)
    assert len(list(workers.iterdir())) >= 2

    (a,), (b,) = one.segments, split.segments
    for name in index_module._SEGMENT_ARRAYS:
        if name not in ("fwd_term", "fwd_tf"):
            assert np.array_equal(
                a.arrays[name], b.arrays[name], equal_nan=name in ("published", "seen")
            ), name
    assert (a.directory / "docs.jsonl").read_bytes() == (b.directory / "docs.jsonl").read_bytes()
    params = index_module.Params()
    terms = [bytes(t).decode() for t in b.arrays["terms"]]
    ptr, fwd_term, fwd_tf = (b.arrays[k] for k in ("fwd_ptr", "fwd_term", "fwd_tf"))
    for d in range(split.n_docs):
        article = next(x for x in arts if x.id == split.doc(d).id)
        lo, hi = int(ptr[d]), int(ptr[d + 1])
        got = {terms[t]: float(tf) for t, tf in zip(fwd_term[lo:hi], fwd_tf[lo:hi], strict=True)}
        want = collections.Counter(index_module._terms(article, params))
        assert got == {t: float(c) for t, c in want.items()}, article.title
        assert float(b.arrays["dl"][d]) == sum(want.values())
        # Postings agree with the counts by document.
        for t, tf in got.items():
            t_id = terms.index(t)
            p_lo, p_hi = int(b.arrays["post_ptr"][t_id]), int(b.arrays["post_ptr"][t_id + 1])
            docs = list(b.arrays["post_doc"][p_lo:p_hi])
            assert docs == sorted(docs)
            assert float(b.arrays["post_tf"][p_lo + docs.index(d)]) == tf
    for query in ("sailing chicago", "Zürich café", "東京", "NASA US", "O'Brien"):
        assert scores_by_id(one, query) == scores_by_id(split, query)
    one.close()
    split.close()
