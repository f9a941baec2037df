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
from collections.abc import Iterable, Mapping, Sequence
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
INDEX_VERSION = 1
CURRENT = "CURRENT"
_FILES = (
    "terms", "idf", "post_ptr", "post_doc", "post_w", "fwd_ptr", "fwd_term", "fwd_w",
    "published", "source", "docs_off",
)  # fmt: skip
#: Longest term kept; longer tokens are URLs, hashes or base64, never interests.
MAX_TERM_BYTES = 48


@dataclass(frozen=True, slots=True, kw_only=True)
class Params:
    """How documents are weighted (stored with the snapshot)."""

    #: A term in the title counts this many times one in the summary.
    title_weight: float = 2.0


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


def _index_text(a: Article) -> tuple[list[str], list[str]]:
    return analyze(a.title), analyze(a.summary + " " + " ".join(a.tags))


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


def build(groups: Sequence[tuple[str, Sequence[Article]]], params: Params | None = None) -> Built:
    """Fit the index over ``(feed key, articles)`` groups with scikit-learn."""
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

    params = params or Params()
    docs, articles = collect(groups)
    sources = [g[0] for g in groups]
    titles, bodies = [], []
    for a in articles:
        t, b = _index_text(a)
        titles.append([w for w in t if len(w.encode()) <= MAX_TERM_BYTES])
        bodies.append([w for w in b if len(w.encode()) <= MAX_TERM_BYTES])

    def identity(tokens: list[str]) -> list[str]:
        return tokens

    vectorizer = CountVectorizer(analyzer=identity, dtype=np.float64)
    if docs:
        vectorizer.fit([t + b for t, b in zip(titles, bodies, strict=True)])
    terms: list[str] = sorted(getattr(vectorizer, "vocabulary_", {}), key=vocab_order)
    if terms:
        counts = params.title_weight * vectorizer.transform(titles) + vectorizer.transform(bodies)
        # CountVectorizer orders columns by Python str order; the snapshot orders
        # them by UTF-8 bytes (what np.searchsorted sees); the two agree, but be sure.
        order = [vectorizer.vocabulary_[t] for t in terms]
        counts = counts[:, order].tocsr()
        tfidf = TfidfTransformer(sublinear_tf=True, smooth_idf=True, norm="l2")
        weights = tfidf.fit_transform(counts).tocsr()
        weights.sort_indices()
        idf = np.asarray(tfidf.idf_, dtype=np.float64)
    else:
        from scipy.sparse import csr_matrix

        weights = csr_matrix((len(docs), 0), dtype=np.float64)
        idf = np.zeros(0, dtype=np.float64)
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
        "source": np.array([d.source for d in docs], dtype=np.int32),
    }
    return Built(terms=terms, arrays=arrays, docs=docs, sources=sources, params=params)


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
                f.write(json.dumps(asdict(d), ensure_ascii=False).encode() + b"\n")
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

    def query_vector(self, terms: Iterable[str]) -> dict[int, float]:
        """A query's TF-IDF vector (sublinear tf, l2-normalized), as the index weights documents.

        Terms no document contains are left out.
        """
        counts: dict[int, int] = {}
        for t in terms:
            tid = self.term_id(t)
            if tid is not None:
                counts[tid] = counts.get(tid, 0) + 1
        vec = {tid: (1.0 + math.log(c)) * float(self.idf[tid]) for tid, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        return {tid: v / norm for tid, v in vec.items()} if norm > 0 else {}

    def score(self, vector: Mapping[int, float]) -> npt.NDArray[np.float64]:
        """Cosine of every document with ``vector``, reading only its terms' postings."""
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
