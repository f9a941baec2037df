"""Ranking on hand-built corpora whose right answers are known."""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from giftfind.analyze import analyze, tokens
from giftfind.index import Index, Params
from giftfind.rank import RankOptions, rank, split_interests
from giftfind.types import Article

from .conftest import build_index, make_article

T0 = datetime(2026, 11, 20, tzinfo=UTC)


def index_of(tmp_path: Path, *groups: Sequence[Article], params: Params | None = None) -> Index:
    return build_index(tmp_path / "idx", {f"feed{i}": g for i, g in enumerate(groups)}, params)


def titles(index: Index, hits: list) -> list[str]:
    return [index.doc(h.doc).title for h in hits]


def background() -> list[Article]:
    topics = [
        ("City council passes budget", "The council approved spending on roads and parks."),
        ("New phone released", "The device has a faster chip and a better camera."),
        ("Bakery wins award", "A neighborhood bakery was honored for its sourdough bread."),
        ("Marathon route announced", "Runners will cross five bridges during the race."),
        ("Museum opens wing", "The new wing shows paintings from the last century."),
        ("Election results certified", "Officials confirmed turnout was higher than expected."),
    ]
    return [make_article(title=t, summary=s) for t, s in topics]


def test_split_interests() -> None:
    assert split_interests("sailing, Chicago") == ["sailing", "Chicago"]
    assert split_interests(" modern   architecture ,, real estate, Sailing, sailing") == [
        "modern architecture",
        "real estate",
        "Sailing",
    ]
    assert split_interests(" , ,") == []


def test_single_interest_and_no_filler(tmp_path: Path) -> None:
    docs = [
        *background(),
        make_article(title="Sailing season ends", summary="Sailors haul out their boats."),
        make_article(title="Regatta report", summary="Light winds made sailing slow."),
    ]
    index = index_of(tmp_path, docs)
    hits = rank(index, ["sailing"], RankOptions(limit=5))
    assert titles(index, hits) == ["Sailing season ends", "Regatta report"]
    assert all(h.interests == (0,) for h in hits)
    assert hits[0].terms == ("sailing",)
    assert rank(index, ["quantum chromodynamics"], RankOptions(limit=5)) == []


def test_two_interests_one_article_matching_both_ranks_first(tmp_path: Path) -> None:
    docs = [
        *background(),
        make_article(
            title="Sailing on Lake Michigan", summary="A regatta off Chicago's lakefront."
        ),
        make_article(title="Sailing in the Solent", summary="Boats raced around the island."),
        make_article(title="Chicago transit plan", summary="New train lines for the city."),
        make_article(title="Chicago food guide", summary="Where to eat deep dish pizza."),
    ]
    index = index_of(tmp_path, docs)
    hits = rank(index, ["sailing", "Chicago"], RankOptions(limit=3))
    assert titles(index, hits)[0] == "Sailing on Lake Michigan"
    assert set(hits[0].interests) == {0, 1}
    covered = {i for h in hits for i in h.interests}
    assert covered == {0, 1}


def test_every_matched_interest_is_represented(tmp_path: Path) -> None:
    # Five strong sailing articles and one weak chess one: with limit 3, chess still shows.
    docs = [
        *background(),
        *(
            make_article(title=f"Sailing news {i}", summary="sailing sailing regatta")
            for i in range(5)
        ),
        make_article(
            title="Weekend roundup",
            summary="Also a chess club opened downtown, among many other things happening this week.",
        ),
    ]
    index = index_of(tmp_path, docs)
    hits = rank(index, ["sailing", "chess"], RankOptions(limit=3))
    assert len(hits) == 3
    assert any(1 in h.interests for h in hits)


def test_multi_word_interest_needs_more_than_its_weakest_word(tmp_path: Path) -> None:
    docs = [
        *background(),
        make_article(title="Modern architecture tour", summary="Glass towers and steel."),
        make_article(title="Architecture of the old town", summary="Medieval walls."),
        make_article(title="Modern dance festival", summary="Modern troupes perform modern works."),
        make_article(title="Modern kitchens", summary="Appliances for the modern home."),
    ]
    index = index_of(tmp_path, docs)
    got = titles(index, rank(index, ["modern architecture"], RankOptions(limit=5)))
    assert got[0] == "Modern architecture tour"
    assert "Modern dance festival" not in got
    assert "Modern kitchens" not in got


def test_equal_relevance_is_broken_by_recency(tmp_path: Path) -> None:
    # Same length, same "cycling" counts: equal scores (with feedback off, which
    # would learn each one's other words), but different stories.
    old = make_article(
        title="Cycling club",
        summary="A cycling club rides north.",
        published=T0 - timedelta(days=30),
    )
    new = make_article(title="Cycling club", summary="A cycling club meets weekly.", published=T0)
    undated = make_article(
        title="Cycling club", summary="A cycling club sells jerseys.", published=None
    )
    index = index_of(tmp_path, [*background(), old, undated, new], params=Params(prf_docs=0))
    hits = rank(index, ["cycling"], RankOptions(limit=3, sort="relevance"))
    assert [index.doc(h.doc).id for h in hits] == [new.id, old.id, undated.id]
    assert len({round(h.score, 9) for h in hits}) == 1


def test_same_article_in_two_feeds_is_one_document(tmp_path: Path) -> None:
    a = make_article(
        title="Gardening tips", summary="Plant bulbs now.", link="https://x.example/g?utm_source=a"
    )
    b = make_article(
        id="other-id",
        title="Gardening Tips",
        summary="Plant bulbs now.",
        link="https://x.example/g?utm_source=b",
    )
    index = index_of(tmp_path, [a, *background()], [b])
    hits = rank(index, ["gardening"], RankOptions(limit=5))
    assert len(hits) == 1
    doc = index.doc(hits[0].doc)
    assert doc.source == 0
    assert doc.also == ("feed1",)


def test_sources_weights_and_since(tmp_path: Path) -> None:
    a = make_article(title="Chess final", summary="chess", published=T0)
    b = make_article(title="Chess opening", summary="chess", published=T0 - timedelta(days=40))
    index = index_of(tmp_path, [a, *background()], [b])
    assert titles(index, rank(index, ["chess"], RankOptions(sources=frozenset({1})))) == [
        "Chess opening"
    ]
    boosted = rank(index, ["chess"], RankOptions(weights={1: 3.0}))
    assert titles(index, boosted)[0] == "Chess opening"
    recent = rank(index, ["chess"], RankOptions(since=(T0 - timedelta(days=30)).timestamp()))
    assert titles(index, recent) == ["Chess final"]


def test_acronyms_and_accents(tmp_path: Path) -> None:
    docs = [
        *background(),
        make_article(title="US economy grows", summary="The US economy added jobs."),
        make_article(title="Tell us your story", summary="Write to us."),
        make_article(title="Zürich trams", summary="Zürich expands its network."),
        make_article(title="IT budgets", summary="IT departments hire."),
    ]
    index = index_of(tmp_path, docs)
    assert titles(index, rank(index, ["US"], RankOptions())) == ["US economy grows"]
    assert titles(index, rank(index, ["us"], RankOptions())) == []  # a stop word, not an acronym
    assert titles(index, rank(index, ["Zurich"], RankOptions())) == ["Zürich trams"]
    assert titles(index, rank(index, ["IT"], RankOptions())) == ["IT budgets"]


def test_analyzer() -> None:
    assert analyze("The sailors were sailing") == ["sailor", "sail"]
    assert analyze("Interviewer's café in Zürich") == ["interview", "cafe", "zurich"]
    assert analyze("東京の天気") == ["東京", "京の", "の天", "天気"]
    assert [s for s, _ in tokens("US and us")] == ["US"]


def reference_scores(articles: Sequence[Article], query: str, p: Params) -> list[float]:
    """BM25 scores (title counted ``title_weight`` times) recomputed from scratch in plain
    Python, independent of the index's code, divided by the best reachable score."""
    counts = []
    for a in articles:
        c: Counter[str] = Counter()
        for t in analyze(a.title):
            c[t] += p.title_weight
        for t in analyze(a.summary):
            c[t] += 1
        counts.append(c)
    n = len(articles)
    df: Counter[str] = Counter()
    for c in counts:
        df.update(set(c))
    q: Counter[str] = Counter(t for t in analyze(query) if t in df)
    idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
    lengths = [sum(c.values()) for c in counts]
    avgdl = sum(lengths) / n
    bound = sum(w * idf[t] * (p.k1 + 1) for t, w in q.items()) or 1.0
    out = []
    for c, dl in zip(counts, lengths, strict=True):
        norm = p.k1 * (1 - p.b + p.b * dl / avgdl)
        score = sum(w * idf[t] * c[t] * (p.k1 + 1) / (c[t] + norm) for t, w in q.items() if t in c)
        out.append(score / bound)
    return out


QUERIES = ["sailing", "Chicago", "Lake Michigan sailing", "sailing Chicago regatta", "bread bakery"]


def corpus() -> list[Article]:
    return [
        *background(),
        make_article(title="Sailing on Lake Michigan", summary="A sailing regatta off Chicago."),
        make_article(
            title="Chicago sailing school", summary="Learn to sail in Chicago, sailing daily."
        ),
        make_article(title="Transit", summary="Chicago trains run late on Lake Shore Drive."),
        make_article(
            title="Lake Michigan beaches", summary="Sailing and swimming on Lake Michigan."
        ),
    ]


@pytest.mark.parametrize(
    "params",
    [Params(), Params(title_weight=1, k1=1.5, b=0.5)],
    ids=["defaults", "other-weights"],
)
def test_scores_match_a_from_scratch_computation(tmp_path: Path, params: Params) -> None:
    docs = corpus()
    index = index_of(tmp_path, docs, params=params)
    for query in QUERIES:
        expected = reference_scores(docs, query, params)
        vector = index.query_vector(analyze(query))
        got = index.score(vector) / index.bound(vector)
        assert got == pytest.approx(expected, abs=1e-6)


def test_fast_path_scores_equal_the_scikit_learn_path(tmp_path: Path) -> None:
    """The numpy search path over the on-disk index against scikit-learn + scipy."""
    import numpy as np

    from giftfind.index import build_reference

    from .conftest import SAMPLE

    docs = corpus()
    if SAMPLE.is_dir():
        from giftfind.config import load_config
        from giftfind.parse import parse_feed

        for spec in load_config(SAMPLE / "feeds.yaml").feeds:
            assert spec.path is not None
            docs += parse_feed(Path(spec.path).read_bytes(), spec).articles
    # The index keeps one copy of articles sharing a canonical link: so does this.
    from giftfind.text import canonical_url

    seen: set[str] = set()
    unique = []
    for a in docs:
        link = canonical_url(a.link) if a.link else a.id
        if link not in seen:
            seen.add(link)
            unique.append(a)
    docs = unique
    index = index_of(tmp_path, docs)
    assert index.n_docs == len(docs)
    weights, vocab, _ = build_reference(docs)
    position = {t: i for i, t in enumerate(vocab)}
    for query in [*QUERIES, "modern architecture", "coffee, jazz", "Zürich café"]:
        terms = [t for t in analyze(query) if t in position]
        q = np.zeros(len(vocab))
        for t in terms:
            q[position[t]] += 1.0
        expected = weights @ q
        vector = index.query_vector(analyze(query))
        got = index.score(vector)
        assert got == pytest.approx(expected, rel=1e-5, abs=1e-9)


words = st.sampled_from(
    "sailing chicago chess garden bread museum marathon jazz camera bridge council river".split()
)


@settings(
    max_examples=60,  # each example builds two indexes
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(
        st.tuples(
            st.lists(words, min_size=1, max_size=4),
            st.lists(words, max_size=12),
            st.integers(0, 60),
        ),
        min_size=1,
        max_size=25,
    ),
    st.lists(words, min_size=1, max_size=3, unique=True),
    st.integers(1, 6),
    st.randoms(use_true_random=False),
)
def test_rank_properties(
    tmp_path_factory: pytest.TempPathFactory,
    rows: list[tuple[list[str], list[str], int]],
    interests: list[str],
    limit: int,
    rnd: random.Random,
) -> None:
    docs = [
        make_article(title=" ".join(t), summary=" ".join(s), published=T0 - timedelta(days=d))
        for t, s, d in rows
    ]
    tmp = tmp_path_factory.mktemp("prop")
    index = index_of(tmp, docs)
    hits = rank(index, interests, RankOptions(limit=limit))
    assert len(hits) <= limit
    assert all(h.score > 0 for h in hits)
    assert all(set(h.interests) <= set(range(len(interests))) for h in hits)
    keys = [(-round(h.score, 9), -(index.doc(h.doc).published or 0)) for h in hits]
    assert keys == sorted(keys)
    # The same articles in another order give the same answer.
    shuffled = docs[:]
    rnd.shuffle(shuffled)
    index2 = index_of(tmp_path_factory.mktemp("prop"), shuffled)
    hits2 = rank(index2, interests, RankOptions(limit=limit))
    assert [index.doc(h.doc).id for h in hits] == [index2.doc(h.doc).id for h in hits2]
    assert [h.score for h in hits] == pytest.approx([h.score for h in hits2], abs=1e-9)
