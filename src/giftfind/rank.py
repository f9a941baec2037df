"""Score articles against a query's interests and pick the shortlist.

No I/O beyond reading the index it is handed. The steps, in order:

1. The query is split into interests at commas; each interest is scored on
   its own (TF-IDF with BM25-style saturation, word pairs and pseudo-relevance
   feedback, divided by the best score it could reach, so in [0, 1]).
2. An article *matches* an interest only when it holds (most of) its words;
   its relevance is the sum over the interests it matches, times its feed's
   weight, so one that matches two interests ranks above one that matches a
   single interest equally well. Articles matching an ``exclude`` interest go.
3. A mild recency preference (``hybrid``, the default) multiplies relevance by
   a factor between ``1 - recency_weight`` and 1 that halves its distance to 1
   every ``half_life`` days of age; ``relevance`` ignores dates except to
   break ties; ``recent`` puts the newest real matches first.
4. Near-duplicates (the same story from several feeds) collapse into the best
   copy, which lists the other feeds.
5. The shortlist is picked with maximal marginal relevance (MMR), while making
   sure every interest that has a real match is represented.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .analyze import pairs, tokens
from .index import Index

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

#: Candidates considered for the shortlist, per query.
POOL = 200
#: A comma-separated part longer than this many words is a sentence, not an
#: interest: "in practice, how close to reality are the assumptions..." is one
#: question, whatever its commas.
MAX_INTEREST_WORDS = 6
#: Words an article must share with a long (4+ word) interest.
MIN_MATCH_LONG = 2
#: Interests of at most this many words are concepts whose words belong side by
#: side ("real estate"); in a question written out, adjacent words are not phrases.
MAX_PHRASE_TERMS = 3
#: Dates more than this far in the future are not believed (seconds).
FUTURE_SLACK = 2 * 86400
SORTS = ("hybrid", "relevance", "recent")


def split_interests(query: str) -> list[str]:
    """The comma-separated interests of a query, trimmed, blanks and repeats dropped.

    A query with a part longer than :data:`MAX_INTEREST_WORDS` words is a
    sentence and stays whole.
    """
    parts = query.split(",")
    if any(len(p.split()) > MAX_INTEREST_WORDS for p in parts):
        parts = [query]
    seen: set[str] = set()
    out = []
    for part in parts:
        interest = " ".join(part.split())
        if interest and interest.casefold() not in seen:
            seen.add(interest.casefold())
            out.append(interest)
    return out


def min_match(n_terms: int) -> int:
    """How many of an interest's distinct words an article must hold to match it.

    A short interest is a concept, so most of its words must be there: both
    words of "modern architecture" (an article about modern dance is not a
    match), two of "Lake Michigan sailing". A long one is a question written
    out, where any two of its words make a candidate.
    """
    if n_terms <= 3:
        return n_terms - n_terms // 3
    return MIN_MATCH_LONG


@dataclass(frozen=True, slots=True)
class Interest:
    """One interest, analyzed against an index."""

    text: str
    #: (surface form, term) for each of its terms the index knows.
    terms: tuple[tuple[str, str], ...]
    vector: dict[str, float]
    #: Distinct known terms.
    known: frozenset[str]
    #: Distinct terms an article must hold to match (unknown terms count too:
    #: they are part of what was asked for, and no article has them).
    needed: int
    #: Its adjacent word pairs (phrases), each with its weight (the pair's idf).
    phrases: dict[str, float] = field(default_factory=dict)


def prepare(index: Index, interest: str) -> Interest:
    """Analyze one interest into its query vector and match rule."""
    words = tokens(interest, stem=index.params.stem, stop=index.params.stopwords)
    known = [(surface, term) for surface, term in words if index.knows(term)]
    distinct = {term for _, term in words}
    terms = [term for _, term in words]
    idf = {t: index.idf(t) for _, t in known}
    phrases = {}
    if len(distinct) <= MAX_PHRASE_TERMS:
        for a, b in itertools.pairwise(terms):
            if a in idf and b in idf and a != b:
                phrases[f"{a} {b}"] = idf[a] + idf[b]
    return Interest(
        text=interest,
        terms=tuple(known),
        vector=index.query_vector(terms),
        known=frozenset(t for _, t in known),
        needed=min_match(len(distinct)),
        phrases=phrases,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class RankOptions:
    """What narrows and orders a ranking."""

    limit: int = 5
    #: Documents of feeds not in this set are ignored (indexes into Index.sources);
    #: None allows all.
    sources: frozenset[int] | None = None
    #: Multiplier per source (feed weight); missing means 1.0.
    weights: dict[int, float] = field(default_factory=dict)
    #: Only documents published at or after this time (epoch seconds).
    since: float | None = None
    #: Interests whose matches are dropped ("politics").
    exclude: tuple[str, ...] = ()
    #: "hybrid" (relevance with a mild recency preference), "relevance", "recent".
    sort: str = "hybrid"
    #: The time recency is measured from (epoch seconds); None: undated ranking.
    now: float | None = None
    #: Age at which the recency factor has moved halfway to its floor, in days.
    half_life_days: float = 14.0
    #: After the real matches, append partial ones (articles holding some of an
    #: interest's words) in score order: a ranking to depth ``limit`` for
    #: evaluation, never a shortlist for a letter.
    partial: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Hit:
    """A document picked for the shortlist."""

    doc: int
    #: What the shortlist is ordered by (relevance times recency, for hybrid).
    score: float
    #: Relevance alone: the sum of the matched interests' scores, times the feed weight.
    relevance: float
    #: The recency factor applied (1.0 when sorting by relevance).
    recency: float
    #: Indexes into the interests, best-matching first.
    interests: tuple[int, ...]
    #: The query's words (as written) found in the document.
    terms: tuple[str, ...]
    #: Each matched interest's own score.
    parts: dict[int, float] = field(default_factory=dict)
    #: Feed keys of near-duplicates collapsed into this one.
    also: tuple[str, ...] = ()
    #: The feed weight applied.
    weight: float = 1.0


def rank(index: Index, interests: Sequence[str], options: RankOptions) -> list[Hit]:
    """The shortlist for ``interests``: best first, every matched interest represented."""
    import numpy as np

    if options.sort not in SORTS:
        raise ValueError(f"sort must be one of {SORTS}, not {options.sort!r}")
    if index.n_docs == 0 or not interests:
        return []
    allowed = _allowed(index, options)
    texts = _Texts(index)
    for text in options.exclude:
        _, excluded, _ = _score_interest(index, prepare(index, text), allowed, texts)
        allowed &= ~excluded
    prepared = [prepare(index, text) for text in interests]
    strict: list[npt.NDArray[np.float64]] = []
    loose = np.zeros(index.n_docs, dtype=np.float64)
    for interest in prepared:
        scores, matched, held = _score_interest(index, interest, allowed, texts)
        strict.append(np.where(matched, scores, 0.0))
        if options.partial:
            loose += np.where(held > 0, scores, 0.0)
    weight = np.ones(index.n_docs, dtype=np.float64)
    for source, w in options.weights.items():
        weight[index.source == source] = w
    relevance = np.sum(strict, axis=0) * weight
    # Recency only where there is relevance: a few hundred documents, not the index.
    recency = np.ones(index.n_docs, dtype=np.float64)
    relevant = np.flatnonzero(relevance)
    recency[relevant] = _recency(index, options, relevant)
    final = relevance * recency if options.sort == "hybrid" else relevance
    candidates = _top(final, max(POOL, options.limit))
    head = _order(index, final, candidates, options)
    groups = _collapse(index, head, index.params.duplicate_cosine, texts)
    picked = _shortlist(index, final, strict, head, groups, options, texts)
    hits = [
        _hit(index, d, final, relevance, recency, weight, strict, prepared, groups, options)
        for d in picked
    ]
    if options.partial and len(hits) < options.limit:
        hits.extend(_partial(index, loose * weight, picked, groups, options))
    return hits


def _score_interest(
    index: Index, interest: Interest, allowed: npt.NDArray[np.bool_], texts: _Texts
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_], npt.NDArray[np.int32]]:
    """Normalized scores for one interest, which documents match it, and how many of its
    words each holds."""
    import numpy as np

    held = np.zeros(index.n_docs, dtype=np.int32)
    for term in interest.known:
        held[index.postings(term)[0]] += 1
    matched = (held >= interest.needed) & allowed if interest.needed else np.zeros_like(allowed)
    vector = interest.vector
    scores = index.score(vector)
    if index.params.prf_docs > 0 and matched.any():
        vector = expand(index, vector, np.where(matched, scores, 0.0))
        scores = index.score(vector)
    scores = np.where(allowed, scores, 0.0) / index.bound(vector)
    if interest.phrases and index.params.phrase_weight > 0:
        scores = _phrases(index, interest, scores, texts)
    return scores, matched & (scores > 0), held * allowed


def _phrases(
    index: Index, interest: Interest, scores: npt.NDArray[np.float64], texts: _Texts
) -> npt.NDArray[np.float64]:
    """Reward the interest's words found side by side: "real estate", not "real" and "estate".

    Among the ``phrase_depth`` best candidates, a score grows by up to
    ``phrase_weight`` of itself in proportion to the share (by idf) of the
    interest's adjacent pairs the article holds as adjacent words; all scores
    are then divided by 1 + ``phrase_weight``, so they stay in [0, 1].
    """
    gamma = index.params.phrase_weight
    total = sum(interest.phrases.values())
    out = scores / (1.0 + gamma)
    for d in _top(scores, index.params.phrase_depth).tolist():
        found = texts.shingles(d)
        share = sum(w for p, w in interest.phrases.items() if p in found) / total
        if share:
            out[d] = scores[d] * (1.0 + gamma * share) / (1.0 + gamma)
    return out


class _Texts:
    """Per-query cache of what candidates' texts say: their word-pair shingles."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._shingles: dict[int, frozenset[str]] = {}

    def shingles(self, doc: int) -> frozenset[str]:
        """The adjacent term pairs of the title and of the summary (not across them)."""
        found = self._shingles.get(doc)
        if found is None:
            from .analyze import analyze

            d = self.index.doc(doc)
            p = self.index.params
            found = frozenset(
                pairs(analyze(d.title, stem=p.stem, stop=p.stopwords))
                + pairs(analyze(d.summary, stem=p.stem, stop=p.stopwords))
            )
            self._shingles[doc] = found
        return found


def expand(
    index: Index, vector: dict[str, float], scores: npt.NDArray[np.float64]
) -> dict[str, float]:
    """Rocchio pseudo-relevance feedback: mix in the best matches' strongest terms.

    The top ``prf_docs`` documents stand in for relevant ones; each one's term
    weights are normalized to sum 1 and averaged, the ``prf_terms`` heaviest
    terms found in at least two documents of the whole index are kept, and
    the query becomes (1 - beta) q/|q| + beta c/|c| (L1 norms). Short queries
    gain the most: "sailing" learns "regatta", "yacht", "mast".
    """
    import numpy as np

    p = index.params
    top = _top(scores, p.prf_docs)
    if p.prf_docs <= 0 or p.prf_weight <= 0 or not len(top) or not vector:
        return vector
    # Every document tied with the last one taken joins it, so that which
    # documents give feedback never depends on the order articles were stored.
    ties = np.flatnonzero(scores >= scores[top[-1]])
    if len(ties) > len(top):
        top = ties[: 50 * p.prf_docs]
    centroid: dict[str, float] = {}
    used = 0
    for d in top.tolist():
        terms, w = index.doc_terms(d)
        total = float(w.sum())
        if total > 0:
            used += 1
            for t, v in zip(terms, (w / total).tolist(), strict=True):
                centroid[t] = centroid.get(t, 0.0) + v
    ranked = sorted(
        ((v, t) for t, v in centroid.items() if index.df(t) >= 2), key=lambda x: (-x[0], x[1])
    )[: p.prf_terms]
    if not used or not ranked:
        return vector
    c_total = sum(v for v, _ in ranked)
    q_total = sum(vector.values())
    beta = p.prf_weight
    out = {t: (1.0 - beta) * w / q_total for t, w in vector.items()}
    for v, t in ranked:
        out[t] = out.get(t, 0.0) + beta * v / c_total
    return out


def _allowed(index: Index, options: RankOptions) -> npt.NDArray[np.bool_]:
    import numpy as np

    allowed = ~np.asarray(index.deleted, dtype=bool)
    if options.sources is not None:
        allowed &= np.isin(index.source, np.fromiter(options.sources, dtype=np.int32))
    if options.since is not None:
        # Undated articles pass: their date is unknown, not old.
        allowed &= ~(np.asarray(index.published) < options.since)
    return allowed


def dates(
    index: Index, now: float | None, docs: npt.NDArray[np.intp] | None = None
) -> npt.NDArray[np.float64]:
    """Each document's publication date (of ``docs``, else of all); NaN when unknown or
    implausibly far in the future.

    (When giftfind first saw an undated article says nothing of its age: a new
    store first sees every article at once.)
    """
    import numpy as np

    when = np.asarray(index.published, dtype=np.float64)
    if docs is not None:
        when = when[docs]
    if now is not None:
        when = np.where(when > now + FUTURE_SLACK, np.nan, when)
    return np.asarray(when, dtype=np.float64)


def _recency(
    index: Index, options: RankOptions, docs: npt.NDArray[np.intp]
) -> npt.NDArray[np.float64]:
    """1 - w + w * 0.5 ** (age / half_life) for ``docs``: 1 for today's news, never
    below 1 - w.

    Undated documents get the factor of a document one half-life old: neither
    favored nor buried. Dates slightly in the future count as now.
    """
    import numpy as np

    w = index.params.recency_weight
    if options.now is None or w <= 0:
        return np.ones(len(docs), dtype=np.float64)
    age_days = (options.now - dates(index, options.now, docs)) / 86400.0
    age_days = np.where(np.isnan(age_days), options.half_life_days, np.maximum(age_days, 0.0))
    return 1.0 - w + w * np.power(0.5, age_days / options.half_life_days)


def _top(scores: npt.NDArray[np.float64], k: int) -> npt.NDArray[np.intp]:
    """Indexes of the ``k`` best positive scores, best first (no full sort)."""
    import numpy as np

    positive = np.flatnonzero(scores > 0)
    if len(positive) > k:
        # argpartition on the negated scores of the positive ones only: cheaper
        # than partitioning the whole, mostly-zero array.
        part = np.argpartition(-scores[positive], k - 1)[:k]
        positive = positive[part]
    order = np.argsort(-scores[positive], kind="stable")
    return positive[order]


def _order(
    index: Index,
    final: npt.NDArray[np.float64],
    candidates: npt.NDArray[np.intp],
    options: RankOptions,
) -> list[int]:
    """Candidates best first: by score, then newest, then by article (a hash of its id,
    so ties never depend on input order); ``recent`` puts the newest first."""
    when = dict(
        zip(candidates.tolist(), dates(index, options.now, candidates).tolist(), strict=True)
    )

    def newest(d: int) -> float:
        value = when[d]
        return -value if not math.isnan(value) else math.inf

    def key(d: int) -> tuple[float, float, int]:
        score = -round(float(final[d]), 9)
        if options.sort == "recent":
            return (newest(d), score, index.key(d))
        return (score, newest(d), index.key(d))

    return sorted(candidates.tolist(), key=key)


#: Candidates checked for near-duplicates (the head of the ranking).
DEDUP_WINDOW = 30


class _Likeness:
    """How alike a few documents are: cosine of their term weights, and overlap of
    their word-pair shingles (computed from their text, so nothing is pruned)."""

    def __init__(self, index: Index, docs: Sequence[int], texts: _Texts) -> None:
        import numpy as np

        self.docs = list(docs)
        rows = [index.doc_terms(d) for d in self.docs]
        column: dict[str, int] = {}
        for terms, _ in rows:
            for t in terms:
                column.setdefault(t, len(column))
        matrix = np.zeros((len(rows), len(column)), dtype=np.float32)
        for i, (terms, w) in enumerate(rows):
            matrix[i, [column[t] for t in terms]] = w
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        matrix /= np.where(norms > 0, norms, 1.0)
        self.cosine = matrix @ matrix.T
        self.shingles = [texts.shingles(d) for d in self.docs]

    def overlap(self, i: int, j: int) -> float:
        """Shared shingles over the smaller set's size (1.0: one text contains the other)."""
        a, b = self.shingles[i], self.shingles[j]
        if len(a) < MIN_SHINGLES or len(b) < MIN_SHINGLES:
            return 0.0
        return len(a & b) / min(len(a), len(b))

    def redundancy(self) -> npt.NDArray[np.float64]:
        """Pairwise likeness in [0, 1]: the larger of shingle overlap and cosine."""
        import numpy as np

        n = len(self.docs)
        out = np.asarray(self.cosine, dtype=np.float64).copy()
        for i in range(n):
            for j in range(i + 1, n):
                out[i, j] = out[j, i] = max(out[i, j], self.overlap(i, j))
        return out


#: Texts with fewer word pairs than this are too short to call duplicates by wording.
MIN_SHINGLES = 4
#: Shingle overlap at which two articles are one story (the issue's 0.8).
DUPLICATE_OVERLAP = 0.8


def _collapse(
    index: Index, head: list[int], threshold: float, texts: _Texts
) -> dict[int, list[int]]:
    """Group near-duplicate candidates: ``{kept doc: [collapsed docs]}``, best copy kept.

    Two articles are one story when most of the shorter one's word pairs are
    also in the other (shingle overlap >= 0.8: syndicated copy with a few words
    changed) or the cosine of their term weights reaches ``threshold``.
    """
    window = head[:DEDUP_WINDOW]
    groups: dict[int, list[int]] = {d: [] for d in head}
    if len(window) < 2 or threshold >= 1:
        return groups
    like = _Likeness(index, window, texts)
    absorbed: set[int] = set()
    for i, d in enumerate(window):
        if d in absorbed:
            continue
        for j in range(i + 1, len(window)):
            other = window[j]
            if other in absorbed:
                continue
            if like.cosine[i, j] >= threshold or like.overlap(i, j) >= DUPLICATE_OVERLAP:
                absorbed.add(other)
                groups[d].append(other)
    for d in absorbed:
        del groups[d]
    return groups


def _shortlist(
    index: Index,
    final: npt.NDArray[np.float64],
    strict: Sequence[npt.NDArray[np.float64]],
    head: list[int],
    groups: dict[int, list[int]],
    options: RankOptions,
    texts: _Texts,
) -> list[int]:
    """Pick ``limit`` documents by maximal marginal relevance, covering every interest.

    Candidates are the best few times ``limit`` (and each interest's best
    match). Each step takes the candidate with the best ``lambda * score /
    best score - (1 - lambda) * redundancy``, redundancy being its highest
    cosine with an article already picked (above a floor: articles on one
    topic share words, angles on one story share most of them). While a
    matched interest has no article yet, only candidates that match one
    compete. The picks are then shown in ranking order.
    """
    import numpy as np

    order = [d for d in head if d in groups]
    limit = options.limit
    if not order:
        return []
    matches = {d: frozenset(i for i, s in enumerate(strict) if s[d] > 0) for d in order}
    uncovered = set().union(*matches.values())
    window = order[: min(POOL, max(4 * limit, 20))]
    for i in sorted(uncovered):
        best = next(d for d in order if i in matches[d])
        if best not in window:
            window.append(best)
    lam = index.params.diversity
    if len(window) <= limit:
        return order[:limit]
    if options.sort == "recent" or lam >= 1:
        # Newest first (or relevance alone): take the order as it is, except that
        # each matched interest gets its best article.
        taken: list[int] = []
        for d in order:
            if len(taken) >= limit:
                break
            if not uncovered or matches[d] & uncovered or limit - len(taken) > len(uncovered):
                taken.append(d)
                uncovered -= matches[d]
        return taken
    floor, full = index.params.diversity_floor, index.params.diversity_full
    like = _Likeness(index, window, texts).redundancy()
    sim = np.clip((like - floor) / (full - floor), 0.0, 1.0)
    top = float(final[window[0]]) or 1.0
    rel = np.array([float(final[d]) / top for d in window])
    redundancy = np.zeros(len(window), dtype=np.float64)
    free = np.ones(len(window), dtype=bool)
    picked: list[int] = []
    while len(picked) < limit:
        eligible = free.copy()
        if uncovered:
            covers = np.array([bool(matches[d] & uncovered) for d in window])
            if (covers & free).any():
                eligible &= covers
        mmr = np.where(eligible, lam * rel - (1 - lam) * redundancy, -np.inf)
        i = int(np.argmax(mmr))  # the first of equals: the better-ranked one
        picked.append(window[i])
        free[i] = False
        uncovered -= matches[window[i]]
        redundancy = np.maximum(redundancy, sim[i])
    rank_of = {d: k for k, d in enumerate(order)}
    return sorted(picked, key=rank_of.__getitem__)


def _hit(
    index: Index,
    doc: int,
    final: npt.NDArray[np.float64],
    relevance: npt.NDArray[np.float64],
    recency: npt.NDArray[np.float64],
    weight: npt.NDArray[np.float64],
    strict: Sequence[npt.NDArray[np.float64]],
    prepared: Sequence[Interest],
    groups: dict[int, list[int]],
    options: RankOptions,
) -> Hit:
    parts = {i: float(s[doc]) for i, s in enumerate(strict) if s[doc] > 0}
    matched = tuple(sorted(parts, key=lambda i: -parts[i]))
    also: list[str] = []
    for other in groups.get(doc, []):
        source = int(index.source[other])
        key = index.sources[source] if source >= 0 else ""
        if source != int(index.source[doc]) and key and key not in also:
            also.append(key)
    return Hit(
        doc=doc,
        score=float(final[doc]),
        relevance=float(relevance[doc]),
        recency=float(recency[doc]) if options.sort == "hybrid" else 1.0,
        interests=matched,
        terms=_matched_terms(index, doc, [prepared[i] for i in matched]),
        parts=parts,
        also=tuple(also),
        weight=float(weight[doc]),
    )


def _matched_terms(index: Index, doc: int, interests: Sequence[Interest]) -> tuple[str, ...]:
    terms = [t for interest in interests for _, t in interest.terms]
    present = dict(zip(terms, index.has_terms(doc, terms), strict=True))
    seen: set[str] = set()
    words = []
    for interest in interests:
        for surface, term in interest.terms:
            if present.get(term) and surface.lower() not in seen:
                seen.add(surface.lower())
                words.append(surface)
    return tuple(words)


def _partial(
    index: Index,
    loose: npt.NDArray[np.float64],
    picked: list[int],
    groups: dict[int, list[int]],
    options: RankOptions,
) -> list[Hit]:
    """Documents after the real matches, by their partial scores (evaluation depth only)."""
    taken = set(picked)
    for d in picked:
        taken.update(groups.get(d, []))
    need = options.limit - len(picked)
    out = []
    for d in _top(loose, need + len(taken)).tolist():
        if d in taken:
            continue
        out.append(
            Hit(doc=d, score=float(loose[d]), relevance=float(loose[d]), recency=1.0,
                interests=(), terms=())
        )  # fmt: skip
        if len(out) >= need:
            break
    return out
