"""The TF-IDF index: built with scikit-learn at refresh time, read with numpy at search time.

A search must answer in well under a second, so it never imports scikit-learn
or scipy (together about a second of imports) and never unpickles a fitted
vectorizer. Instead the build writes an immutable *snapshot* directory of plain
``.npy`` arrays and one JSON file:

``terms.npy``
    the vocabulary, sorted, as fixed-width UTF-8 bytes: a term's id is its
    position, found by binary search (``np.searchsorted``) on the memory map.
``idf.npy``
    smoothed inverse document frequency per term.
``post_ptr.npy``, ``post_doc.npy``, ``post_w.npy``
    the weighted document-term matrix by column (CSC): for each term, the
    documents that contain it and the term's weight in each. A query reads
    only its own terms' columns.
``fwd_ptr.npy``, ``fwd_term.npy``, ``fwd_w.npy``
    the same matrix by row (CSR), for what a search needs per document:
    matched terms, feedback vectors, similarity between results.
``published.npy``, ``source.npy``
    per document: publication time (epoch seconds, NaN if unknown) and feed.
``docs.jsonl`` + ``docs_off.npy``
    the display fields, one JSON line per document, read by offset.
``meta.json``
    format version, store generation, feed keys, weighting parameters.

Snapshots are written to a fresh directory and published by atomically
replacing the ``CURRENT`` file that names the live one, so a search sees the
old index or the new one, never half of one.
"""

from __future__ import annotations

import json
import math
import mmap
import os
import secrets
import shutil
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .analyze import analyze
from .text import canonical_url
from .types import Article

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

#: Bumped whenever the snapshot layout or the weighting changes; old snapshots
#: are then rebuilt rather than misread.
INDEX_VERSION = 3
CURRENT = "CURRENT"
_FILES = (
    "terms", "idf", "post_ptr", "post_doc", "post_w", "fwd_ptr", "fwd_term", "fwd_w",
    "published", "seen", "source", "docs_off",
)  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class Params:
    """How documents are weighted and queries expanded (stored with the snapshot).

    Each value is a lever measured in benchmarks/README.md.
    """

    #: Snowball stemming ("sailing" finds "sail").
    stem: bool = True
    #: Drop English stop words.
    stopwords: bool = True
    #: "bm25": BM25F-style tf saturation and pivoted length normalization;
    #: "cosine": classic sublinear TF-IDF with cosine normalization.
    weighting: str = "bm25"
    #: A term in the title counts this many times one in the summary.
    title_weight: int = 2
    #: tf saturation: the higher, the more repeated terms keep adding.
    k1: float = 1.2
    #: Length normalization: 0 ignores document length, 1 divides it out fully.
    b: float = 0.75
    #: Phrases: an interest's adjacent word pairs found adjacent in an article
    #: (among its best candidates) raise its score by up to this share.
    phrase_weight: float = 0.3
    #: Candidates per interest checked for phrases.
    phrase_depth: int = 100
    #: Pseudo-relevance feedback: expand each interest with the terms of its
    #: best this-many matches (0 turns it off)...
    prf_docs: int = 10
    #: ... taking this many terms ...
    prf_terms: int = 20
    #: ... at this share of the expanded query's weight (Rocchio's beta).
    prf_weight: float = 0.4
    #: Shortlist variety (MMR's lambda): 1 picks by relevance alone, lower
    #: trades relevance for articles unlike those already picked.
    diversity: float = 0.7
    #: Likeness (the larger of word-pair overlap and cosine) below which two
    #: articles are not redundant at all for MMR...
    diversity_floor: float = 0.2
    #: ... and at which they are fully redundant (two angles on one story).
    diversity_full: float = 0.6
    #: Two candidates this similar (cosine of their term weights) are one story.
    duplicate_cosine: float = 0.9
    #: How much recency can take away (hybrid sort): an old article keeps
    #: 1 - this of its score.
    recency_weight: float = 0.2


@dataclass(frozen=True, slots=True, kw_only=True)
class Doc:
    """A document's display fields as the snapshot keeps them."""

    id: str
    title: str
    link: str
    summary: str
    author: str | None
    #: Epoch seconds, or None.
    published: float | None
    first_seen: float | None
    #: Index into ``Index.sources``.
    source: int
    #: Other feeds (indexes into ``Index.sources``) that carried the same article.
    also: tuple[int, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(slots=True, kw_only=True)
class Built:
    """An index in memory, before it is written."""

    terms: list[str]
    arrays: dict[str, Any]
    docs: list[Doc]
    sources: list[str]
    params: Params
    extra: dict[str, Any] = field(default_factory=dict)


def _epoch(when: datetime | None) -> float | None:
    return when.timestamp() if when is not None else None


def _terms(a: Article, params: Params) -> list[str]:
    """An article's terms: the title's (``title_weight`` times), the summary's, the tags."""
    title = analyze(a.title, stem=params.stem, stop=params.stopwords)
    body = analyze(a.summary + " " + " ".join(a.tags), stem=params.stem, stop=params.stopwords)
    return title * params.title_weight + body


def collect(groups: Sequence[tuple[str, Sequence[Article]]]) -> tuple[list[Doc], list[Article]]:
    """One document per article: the same article from several feeds is kept once.

    Copies are recognized by id or by canonical link; the first feed (in the
    order given, i.e. feeds.yaml order) keeps it, the others are listed in
    ``Doc.also``.
    """
    docs: list[Doc] = []
    articles: list[Article] = []
    owner: dict[str, int] = {}
    for source, items in enumerate(g[1] for g in groups):
        for a in items:
            keys = [a.id]
            if a.link:
                keys.append(canonical_url(a.link))
            hit = next((owner[k] for k in keys if k in owner), None)
            if hit is not None:
                d = docs[hit]
                if source != d.source and source not in d.also:
                    docs[hit] = Doc(**{**_doc_fields(d), "also": (*d.also, source)})
                continue
            for k in keys:
                owner[k] = len(docs)
            docs.append(
                Doc(
                    id=a.id,
                    title=a.title,
                    link=a.link,
                    summary=a.summary,
                    author=a.author,
                    published=_epoch(a.published),
                    first_seen=_epoch(a.first_seen),
                    source=source,
                    tags=a.tags,
                )
            )
            articles.append(a)
    return docs, articles


def _doc_fields(d: Doc) -> dict[str, Any]:
    return {f: getattr(d, f) for f in Doc.__dataclass_fields__}


def _doc_dict(d: Doc) -> dict[str, Any]:
    # dataclasses.asdict deep-copies every field: ten times slower at 100k documents.
    return {
        "id": d.id,
        "title": d.title,
        "link": d.link,
        "summary": d.summary,
        "author": d.author,
        "published": d.published,
        "first_seen": d.first_seen,
        "source": d.source,
        "also": list(d.also),
        "tags": list(d.tags),
    }


def build(groups: Sequence[tuple[str, Sequence[Article]]], params: Params | None = None) -> Built:
    """Fit the index over ``(feed key, articles)`` groups with scikit-learn.

    One pass of ``CountVectorizer`` over each article's terms (the title's
    repeated ``title_weight`` times) gives the vocabulary, sorted, and the
    counts; :func:`weigh` turns them into term weights.
    """
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.feature_extraction.text import CountVectorizer

    params = params or Params()
    docs, articles = collect(groups)
    sources = [g[0] for g in groups]

    def terms_of(a: Article) -> list[str]:
        return _terms(a, params)

    terms: list[str] = []
    if docs:
        vectorizer = CountVectorizer(analyzer=terms_of, dtype=np.float32)
        counts = vectorizer.fit_transform(articles).tocsr()
        # Features come sorted by Python str order, which is UTF-8 byte order, the
        # order np.searchsorted sees in terms.npy.
        terms = vectorizer.get_feature_names_out().tolist()
    else:
        counts = csr_matrix((0, 0), dtype=np.float32)
    weights, idf = weigh(counts, params)
    weights.sort_indices()
    csc = weights.tocsc()
    csc.sort_indices()
    arrays = {
        "idf": idf,
        "post_ptr": csc.indptr.astype(np.int64),
        "post_doc": csc.indices.astype(np.int32),
        "post_w": csc.data.astype(np.float32),
        "fwd_ptr": weights.indptr.astype(np.int64),
        "fwd_term": weights.indices.astype(np.int32),
        "fwd_w": weights.data.astype(np.float32),
        "published": np.array(
            [d.published if d.published is not None else np.nan for d in docs], dtype=np.float64
        ),
        "seen": np.array(
            [d.first_seen if d.first_seen is not None else np.nan for d in docs], dtype=np.float64
        ),
        "source": np.array([d.source for d in docs], dtype=np.int32),
    }
    return Built(terms=terms, arrays=arrays, docs=docs, sources=sources, params=params)


def weigh(counts: Any, params: Params) -> tuple[Any, Any]:
    """Term weights from (title-weighted) counts: a CSR matrix, and the idf per term.

    "bm25": w = idf * tf (k1 + 1) / (tf + k1 (1 - b + b dl / avgdl)), with the
    BM25 idf log(1 + (N - df + 0.5) / (df + 0.5)).
    "cosine": scikit-learn's TfidfTransformer(sublinear_tf=True), l2-normalized.
    """
    import numpy as np
    from scipy.sparse import csr_matrix

    n_docs, n_terms = counts.shape
    if params.weighting == "cosine":
        from sklearn.feature_extraction.text import TfidfTransformer

        if n_terms == 0:
            return counts.astype(np.float64), np.zeros(0)
        tfidf = TfidfTransformer(sublinear_tf=True, smooth_idf=True, norm="l2")
        weights = tfidf.fit_transform(counts).tocsr()
        return weights, np.asarray(tfidf.idf_, dtype=np.float64)
    if params.weighting != "bm25":
        raise ValueError(f"unknown weighting {params.weighting!r}")
    df = np.bincount(counts.indices, minlength=n_terms).astype(np.float64)
    idf = np.log1p((n_docs - df + 0.5) / (df + 0.5))
    tf = counts.data.astype(np.float64)
    dl = np.add.reduceat(tf, counts.indptr[:-1]) if len(tf) else np.zeros(n_docs)
    dl[np.diff(counts.indptr) == 0] = 0.0  # reduceat repeats a value for empty rows
    avgdl = float(dl.mean()) if n_docs and dl.mean() > 0 else 1.0
    rows = np.repeat(np.arange(n_docs), np.diff(counts.indptr))
    norm = params.k1 * (1.0 - params.b + params.b * dl[rows] / avgdl)
    data = idf[counts.indices] * tf * (params.k1 + 1.0) / (tf + norm)
    # Built from the very arrays the weights were computed from: a copy made with
    # astype() may come back with its indices in another order.
    weights = csr_matrix((data, counts.indices.copy(), counts.indptr.copy()), shape=counts.shape)
    return weights, idf


def vocab_order(term: str) -> bytes:
    """Sort key of the vocabulary: UTF-8 bytes, the order np.searchsorted uses."""
    return term.encode()


# -- snapshots on disk -----------------------------------------------------------------


def write(built: Built, parent: Path, *, generation: int, keep: int = 2) -> Path:
    """Write ``built`` as a new snapshot under ``parent`` and make it current."""
    import numpy as np

    parent.mkdir(parents=True, exist_ok=True)
    name = f"snap-{generation}-{int(time.time())}-{secrets.token_hex(4)}"
    tmp = parent / f".tmp-{name}"
    tmp.mkdir()
    try:
        width = max((len(t.encode()) for t in built.terms), default=1)
        terms = np.array([t.encode() for t in built.terms], dtype=f"S{width}")
        np.save(tmp / "terms.npy", terms, allow_pickle=False)
        for key, value in built.arrays.items():
            np.save(tmp / f"{key}.npy", value, allow_pickle=False)
        offsets = []
        with (tmp / "docs.jsonl").open("wb") as f:
            for d in built.docs:
                offsets.append(f.tell())
                f.write(json.dumps(_doc_dict(d), ensure_ascii=False).encode() + b"\n")
            offsets.append(f.tell())
        np.save(tmp / "docs_off.npy", np.array(offsets, dtype=np.int64), allow_pickle=False)
        meta = {
            "version": INDEX_VERSION,
            "generation": generation,
            "n_docs": len(built.docs),
            "n_terms": len(built.terms),
            "sources": built.sources,
            "params": asdict(built.params),
            "built_at": time.time(),
            **built.extra,
        }
        (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        _fsync_dir(tmp)
        final = parent / name
        os.replace(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    pointer = parent / f".{CURRENT}.{secrets.token_hex(4)}"
    pointer.write_text(name, encoding="utf-8")
    os.replace(pointer, parent / CURRENT)
    _fsync_dir(parent)
    _prune(parent, keep=keep, current=name)
    return final


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def _prune(parent: Path, *, keep: int, current: str) -> None:
    """Delete old snapshots, keeping the newest ``keep`` (a search may still read one)."""
    snaps = sorted(
        (p for p in parent.iterdir() if p.is_dir() and p.name.startswith("snap-")),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in snaps[keep:]:
        if old.name != current:
            shutil.rmtree(old, ignore_errors=True)
    for tmp in parent.glob(".tmp-snap-*"):
        if time.time() - tmp.stat().st_mtime > 3600:  # a build that crashed long ago
            shutil.rmtree(tmp, ignore_errors=True)


def current_meta(parent: Path) -> dict[str, Any] | None:
    """The current snapshot's meta.json, or None if there is no readable snapshot."""
    try:
        name = (parent / CURRENT).read_text(encoding="utf-8").strip()
        meta: dict[str, Any] = json.loads((parent / name / "meta.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    meta["_dir"] = str(parent / name)
    return meta


class Index:
    """A snapshot opened for searching: memory-mapped arrays, numpy only."""

    def __init__(self, directory: Path, meta: Mapping[str, Any]) -> None:
        import numpy as np

        self.directory = directory
        self.meta = dict(meta)
        self.sources: list[str] = list(meta["sources"])
        self.params = Params(**meta.get("params", {}))
        self.generation: int = int(meta["generation"])
        arrays = {n: np.load(directory / f"{n}.npy", mmap_mode="r") for n in _FILES}
        self.terms: npt.NDArray[np.bytes_] = arrays["terms"]
        self.idf: npt.NDArray[np.float64] = arrays["idf"]
        self.post_ptr = arrays["post_ptr"]
        self.post_doc = arrays["post_doc"]
        self.post_w = arrays["post_w"]
        self.fwd_ptr = arrays["fwd_ptr"]
        self.fwd_term = arrays["fwd_term"]
        self.fwd_w = arrays["fwd_w"]
        self.published = arrays["published"]
        self.seen = arrays["seen"]
        self.source = arrays["source"]
        self._offsets = arrays["docs_off"]
        self.n_docs = int(meta["n_docs"])
        self._docs: mmap.mmap | None = None

    @classmethod
    def open(cls, parent: Path) -> Index | None:
        """Open the current snapshot under ``parent``; None if there is none."""
        meta = current_meta(parent)
        if meta is None or meta.get("version") != INDEX_VERSION:
            return None
        try:
            return cls(Path(meta["_dir"]), meta)
        except (OSError, ValueError, KeyError):
            return None

    def close(self) -> None:
        """Release the documents' memory map."""
        if self._docs is not None:
            self._docs.close()
            self._docs = None

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- terms ---------------------------------------------------------------------

    def term_id(self, term: str) -> int | None:
        """The column of ``term``, or None if no document has it."""
        import numpy as np

        key = term.encode()
        if len(key) > self.terms.dtype.itemsize or not len(self.terms):
            return None
        i = int(np.searchsorted(self.terms, key))
        if i < len(self.terms) and self.terms[i] == key:
            return i
        return None

    def term(self, term_id: int) -> str:
        """The term in column ``term_id``."""
        return bytes(self.terms[term_id]).decode()

    def df(self, term_id: int) -> int:
        """Number of documents containing the term."""
        return int(self.post_ptr[term_id + 1] - self.post_ptr[term_id])

    # -- scoring -------------------------------------------------------------------

    def query_vector(self, terms: Sequence[str]) -> dict[int, float]:
        """A query's vector over the index's terms, weighted as the index weights documents.

        BM25: each occurrence counts once; cosine: sublinear TF-IDF,
        l2-normalized. Terms no document contains are left out.
        """
        counts: dict[int, float] = {}
        for term in terms:
            tid = self.term_id(term)
            if tid is not None:
                counts[tid] = counts.get(tid, 0.0) + 1.0
        if self.params.weighting == "cosine":
            vec = {tid: (1.0 + math.log(c)) * float(self.idf[tid]) for tid, c in counts.items()}
            norm = math.sqrt(sum(v * v for v in vec.values()))
            return {tid: v / norm for tid, v in vec.items()} if norm > 0 else {}
        return counts

    def bound(self, vector: Mapping[int, float]) -> float:
        """The highest score ``vector`` could reach: what scores are divided by, so
        that they fall in [0, 1] and compare across interests."""
        if self.params.weighting == "cosine":
            return math.sqrt(sum(v * v for v in vector.values())) or 1.0
        k = self.params.k1 + 1.0
        return sum(w * float(self.idf[tid]) * k for tid, w in vector.items()) or 1.0

    def score(self, vector: Mapping[int, float]) -> npt.NDArray[np.float64]:
        """``vector`` dotted with every document, reading only its terms' postings."""
        import numpy as np

        scores = np.zeros(self.n_docs, dtype=np.float64)
        for tid, weight in vector.items():
            lo, hi = int(self.post_ptr[tid]), int(self.post_ptr[tid + 1])
            # Doc ids within one column are unique, so fancy-index += is safe.
            scores[self.post_doc[lo:hi]] += weight * self.post_w[lo:hi]
        return scores

    def doc_terms(self, i: int) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]:
        """Term ids (sorted) and weights of document ``i``."""
        lo, hi = int(self.fwd_ptr[i]), int(self.fwd_ptr[i + 1])
        return self.fwd_term[lo:hi], self.fwd_w[lo:hi]

    def has_terms(self, i: int, term_ids: Sequence[int]) -> list[bool]:
        """For each term id, whether document ``i`` contains it."""
        import numpy as np

        row, _ = self.doc_terms(i)
        if not len(term_ids):
            return []
        pos = np.searchsorted(row, term_ids)
        return [bool(p < len(row) and row[p] == t) for p, t in zip(pos, term_ids, strict=True)]

    # -- documents -----------------------------------------------------------------

    def doc(self, i: int) -> Doc:
        """Display fields of document ``i``."""
        if self._docs is None:
            with (self.directory / "docs.jsonl").open("rb") as f:
                self._docs = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        lo, hi = int(self._offsets[i]), int(self._offsets[i + 1])
        data = json.loads(self._docs[lo:hi])
        data["also"] = tuple(data.get("also") or ())
        data["tags"] = tuple(data.get("tags") or ())
        return Doc(**data)


def published_at(doc: Doc) -> datetime | None:
    """A document's publication time as an aware UTC datetime."""
    return datetime.fromtimestamp(doc.published, UTC) if doc.published is not None else None
