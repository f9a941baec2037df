"""Score articles against a query's interests and pick the shortlist.

No I/O beyond reading the index it is handed. The query is split into
interests at commas; each interest is scored on its own (TF-IDF cosine), so an
article that matches two interests scores the sum of both and ranks above one
that matches a single interest equally well.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .analyze import tokens
from .index import Index

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


#: An interest of n distinct terms matches an article that holds at least
#: n - n // 3 of them: both words of "modern architecture" (an article about
#: modern dance is not a match), any two of "Lake Michigan sailing".
def min_match(n_terms: int) -> int:
    """How many of an interest's distinct terms an article must hold to match it."""
    return n_terms - n_terms // 3


#: Candidates considered for the shortlist, per query.
POOL = 200


#: A comma-separated part longer than this many words is a sentence, not an
#: interest: "in practice, how close to reality are the assumptions..." is one
#: question, whatever its commas.
MAX_INTEREST_WORDS = 6


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


@dataclass(frozen=True, slots=True)
class Interest:
    """One interest, analyzed against an index."""

    text: str
    #: (surface form, term id) for each of its terms the index knows.
    terms: tuple[tuple[str, int], ...]
    vector: dict[int, float]
    #: Distinct known term ids.
    known: frozenset[int]
    #: Distinct terms an article must hold to match (unknown terms count too:
    #: they are part of what was asked for, and no article has them).
    needed: int


def prepare(index: Index, interest: str) -> Interest:
    """Analyze one interest into its query vector and match rule."""
    pairs = tokens(interest)
    known: list[tuple[str, int]] = []
    distinct: set[str] = set()
    for surface, term in pairs:
        distinct.add(term)
        tid = index.term_id(term)
        if tid is not None:
            known.append((surface, tid))
    vector = index.query_vector(term for _, term in pairs)
    return Interest(
        text=interest,
        terms=tuple(known),
        vector=vector,
        known=frozenset(tid for _, tid in known),
        needed=min_match(len(distinct)),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Hit:
    """A document picked for the shortlist."""

    doc: int
    score: float
    #: Indexes into the interests, best-matching first.
    interests: tuple[int, ...]
    #: The query's words (as written) found in the document.
    terms: tuple[str, ...]
    #: Each matched interest's own score.
    parts: dict[int, float] = field(default_factory=dict)


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


def rank(index: Index, interests: Sequence[str], options: RankOptions) -> list[Hit]:
    """The shortlist for ``interests``: best first, every matched interest represented."""
    import numpy as np

    if index.n_docs == 0 or not interests:
        return []
    prepared = [prepare(index, text) for text in interests]
    allowed = _allowed(index, options)
    per_interest: list[npt.NDArray[np.float64]] = []
    total = np.zeros(index.n_docs, dtype=np.float64)
    for interest in prepared:
        scores = index.score(interest.vector)
        held = np.zeros(index.n_docs, dtype=np.int32)
        for tid in interest.known:
            lo, hi = int(index.post_ptr[tid]), int(index.post_ptr[tid + 1])
            held[index.post_doc[lo:hi]] += 1
        matched = (held >= interest.needed) if interest.needed else np.zeros_like(allowed)
        scores = np.where(matched & allowed, scores, 0.0)
        per_interest.append(scores)
        total += scores
    if options.weights:
        factor = np.ones(index.n_docs, dtype=np.float64)
        for source, weight in options.weights.items():
            factor[index.source == source] = weight
        total *= factor
    candidates = _top(total, max(POOL, options.limit))
    if not len(candidates):
        return []
    picked = _shortlist(index, total, per_interest, candidates, options.limit)
    hits = [_hit(index, d, float(total[d]), per_interest, prepared) for d in picked]
    hits.sort(key=lambda h: _order(index, total, h.doc))
    return hits


def _order(index: Index, total: npt.NDArray[np.float64], doc: int) -> tuple[float, float, str]:
    """Sort key: best score, then newest, then article id (so ties never depend on input order)."""
    return (-round(float(total[doc]), 9), -_published(index, doc), index.doc(doc).id)


def _allowed(index: Index, options: RankOptions) -> npt.NDArray[np.bool_]:
    import numpy as np

    allowed = np.ones(index.n_docs, dtype=bool)
    if options.sources is not None:
        allowed &= np.isin(index.source, np.fromiter(options.sources, dtype=np.int32))
    if options.since is not None:
        # Undated articles pass: their date is unknown, not old.
        published = np.asarray(index.published)
        allowed &= ~(published < options.since)
    return allowed


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


def _published(index: Index, doc: int) -> float:
    value = float(index.published[doc])
    return value if value == value else float("-inf")  # NaN: undated sorts last


def _shortlist(
    index: Index,
    total: npt.NDArray[np.float64],
    per_interest: Sequence[npt.NDArray[np.float64]],
    candidates: npt.NDArray[np.intp],
    limit: int,
) -> list[int]:
    """Pick ``limit`` documents, best first, so that every matched interest is represented.

    Greedy: while some matched interest has no document yet, take the best
    document (by total score) among those that match an uncovered interest;
    then fill the rest by total score.
    """
    order = sorted(candidates.tolist(), key=lambda d: _order(index, total, d))
    matches = {d: {i for i, s in enumerate(per_interest) if s[d] > 0} for d in order}
    uncovered = set().union(*matches.values())
    picked: list[int] = []
    chosen: set[int] = set()
    while uncovered and len(picked) < limit:
        pick = next(d for d in order if d not in chosen and matches[d] & uncovered)
        picked.append(pick)
        chosen.add(pick)
        uncovered -= matches[pick]
    for d in order:
        if len(picked) >= limit:
            break
        if d not in chosen:
            picked.append(d)
    return picked


def _hit(
    index: Index,
    doc: int,
    score: float,
    per_interest: Sequence[npt.NDArray[np.float64]],
    prepared: Sequence[Interest],
) -> Hit:
    parts = {i: float(s[doc]) for i, s in enumerate(per_interest) if s[doc] > 0}
    matched = tuple(sorted(parts, key=lambda i: -parts[i]))
    term_ids = [tid for interest in prepared for _, tid in interest.terms]
    present = dict(zip(term_ids, index.has_terms(doc, term_ids), strict=True))
    seen: set[str] = set()
    words = []
    for i in matched:
        for surface, tid in prepared[i].terms:
            if present.get(tid) and surface.lower() not in seen:
                seen.add(surface.lower())
                words.append(surface)
    return Hit(doc=doc, score=score, interests=matched, terms=tuple(words), parts=parts)
