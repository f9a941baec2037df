"""The search index: built at refresh time, read with numpy alone at search time.

A search must answer in well under a second, so it never imports scikit-learn
or scipy (together about a second of imports) and never unpickles a fitted
vectorizer. The index is plain ``.npy`` arrays, memory-mapped, in the layout
Lucene made standard:

*Segments* are immutable directories, each indexing some articles:

``terms.npy``
    the segment's vocabulary, sorted, as fixed-width UTF-8 bytes: a term's
    id is its position, found by binary search (``np.searchsorted``).
``post_ptr.npy``, ``post_doc.npy``, ``post_tf.npy``
    postings (CSC): for each term, the documents holding it and how often
    (title occurrences counted ``title_weight`` times). A query reads only
    its own terms' postings.
``fwd_ptr.npy``, ``fwd_term.npy``, ``fwd_tf.npy``
    the same counts by document (CSR; a document's terms in no particular
    order): matched terms, feedback, likeness.
``dl.npy``, ``published.npy``, ``seen.npy``, ``source.npy``
    per document: length, publication time and first-seen time (epoch
    seconds, NaN if unknown), feed (an index into ``sources.json``).
``keys.npy``, ``links.npy``, ``content.npy``
    per document, 64-bit hashes of its id, canonical link and content, to
    tell at refresh time what is new, changed, gone or a duplicate.
``docs.jsonl`` + ``docs_off.npy``
    the display fields, one JSON line per document, read by offset.

A *snapshot* (``snap-*/meta.json``) lists the live segments (with the size of
each of their files), the documents deleted since they were written
(``deleted.npy``), the store generation and feed versions it reflects, and the
ranking parameters. ``CURRENT`` names the live snapshot and is replaced
atomically, so a search sees the old index or the new one, never half of one.
A snapshot that was replaced, and the segments only it used, stay for
``GRACE_SECONDS`` after the replacement, for the searches that opened it.

The index is derived data. A damaged one (a file missing, cut short or
holding garbage) is reported as :class:`~giftfind.errors.StoreDamaged` once
``CURRENT`` has been withdrawn, so the next search rebuilds it from the store;
an update that finds the current snapshot damaged rebuilds it at once.

Term weights are BM25's, computed at query time from the counts and the
collection statistics (document frequency, document count, average length),
so adding a segment of new articles never rewrites the old ones: a refresh
that brings 1% new articles writes 1% of an index. As in Lucene, deleted
documents still count in the statistics until segments are merged (a full
rebuild, done when deletions or small segments accumulate).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import math
import mmap
import os
import time
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from . import _files
from ._log import log
from .analyze import analyze, batch_ids
from .errors import StoreDamaged, StoreError
from .text import canonical_url
from .types import Article

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

#: Bumped whenever the on-disk layout or the weighting changes; older indexes
#: are then rebuilt rather than misread.
INDEX_VERSION = 4
CURRENT = "CURRENT"
_SEGMENT_ARRAYS = (
    "terms", "post_ptr", "post_doc", "post_tf", "fwd_ptr", "fwd_term", "fwd_tf", "dl",
    "published", "seen", "source", "keys", "links", "content", "docs_off",
)  # fmt: skip
#: Merge (rebuild) when deleted documents exceed this share of the index...
MERGE_DELETED = 0.2
#: ... or when there are more segments than this.
MERGE_SEGMENTS = 12
#: What reading a damaged snapshot raises: files missing or cut short (OSError,
#: numpy's ValueError/EOFError), garbage where ids or offsets should be
#: (IndexError, json's and UTF-8's ValueErrors), a meta.json of the wrong shape.
_DAMAGE = (OSError, ValueError, EOFError, IndexError, KeyError, TypeError, OverflowError)


@dataclass(frozen=True, slots=True, kw_only=True)
class Params:
    """How documents are weighted and queries expanded (stored with the index).

    Each value is a lever measured in benchmarks/README.md.
    """

    #: Snowball stemming ("sailing" finds "sail").
    stem: bool = True
    #: Drop English stop words.
    stopwords: bool = True
    #: A term in the title counts this many times one in the summary.
    title_weight: int = 2
    #: BM25 tf saturation: the higher, the more repeated terms keep adding.
    k1: float = 1.2
    #: BM25 length normalization: 0 ignores length, 1 divides it out fully.
    b: float = 0.75
    #: Phrases: a short interest's adjacent word pairs found adjacent in an
    #: article (among its best candidates) raise its score by up to this share.
    phrase_weight: float = 0.3
    #: Candidates per interest checked for phrases.
    phrase_depth: int = 30
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

    def index_key(self) -> dict[str, Any]:
        """The parameters an index depends on (the others apply at query time)."""
        return {"stem": self.stem, "stopwords": self.stopwords, "title_weight": self.title_weight}


@dataclass(frozen=True, slots=True, kw_only=True)
class Doc:
    """A document's display fields as the index keeps them."""

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
    #: Keys of other feeds that carried the same article.
    also: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


def _epoch(when: datetime | None) -> float | None:
    return when.timestamp() if when is not None else None


def published_at(doc: Doc) -> datetime | None:
    """A document's publication time as an aware UTC datetime."""
    return datetime.fromtimestamp(doc.published, UTC) if doc.published is not None else None


def _hash64(text: str) -> int:
    """A 63-bit hash of an id or link, the same in every process (unlike hash())."""
    return int.from_bytes(_blake2b(text.encode(), digest_size=8).digest(), "little") >> 1


def _blake2b(data: bytes, digest_size: int) -> Any:
    # Imported on first use: a search never hashes, and hashlib costs 10 ms to import.
    import hashlib

    return hashlib.blake2b(data, digest_size=digest_size)


def _token() -> str:
    import secrets

    return secrets.token_hex(4)


def _rmtree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


def _content_hash(a: Article) -> int:
    """Tells a changed article from an unchanged one (of the same id: no need for more
    than CRC-32's strength, and a build computes 100k of them)."""
    parts = (a.title, a.summary, a.link, str(_epoch(a.published)), a.author or "", *a.tags)
    return zlib.crc32("\x1f".join(parts).encode())


def _terms(a: Article, params: Params) -> list[str]:
    """An article's terms: the title's (``title_weight`` times), the summary's, the tags."""
    title = analyze(a.title, stem=params.stem, stop=params.stopwords)
    body = analyze(a.summary + " " + " ".join(a.tags), stem=params.stem, stop=params.stopwords)
    return title * params.title_weight + body


# -- building a segment ----------------------------------------------------------------


@dataclass(slots=True)
class _Item:
    """An article to index: its feed key, and the keys of other feeds that carried it."""

    source: str
    article: Article
    also: list[str] = field(default_factory=list)
    #: Its canonical link ("" if none).
    link: str = ""


def _dedupe(groups: Sequence[tuple[str, Sequence[Article]]]) -> list[_Item]:
    """One item per article: the same article from several feeds is kept once.

    Copies are recognized by id, or by canonical link across feeds (within one
    feed, items with their own guids are distinct even when they share a link:
    a podcast may link every episode to its home page). The first feed (in
    feeds.yaml order) keeps it, the others are listed in ``also``.
    """
    items: list[_Item] = []
    owner: dict[str, int] = {}
    for source, articles in groups:
        for a in articles:
            link = canonical_url(a.link) if a.link else None
            hit = owner.get(a.id)
            if hit is None and link is not None:
                hit = owner.get(link)
                if hit is not None and items[hit].source == source:
                    hit = None
            if hit is not None:
                item = items[hit]
                if source != item.source and source not in item.also:
                    item.also.append(source)
                continue
            owner[a.id] = len(items)
            if link is not None:
                owner.setdefault(link, len(items))
            items.append(_Item(source, a, link=link or ""))
    return items


def _write_segment(parent: Path, items: Sequence[_Item], params: Params) -> dict[str, Any]:
    """Index ``items`` into a new segment directory under ``parent``; returns its entry
    for a snapshot: its name, document count and the size of each file."""
    import numpy as np

    seg = _prepare(items, params)
    sources = sorted({item.source for item in items})
    source_index = {s: i for i, s in enumerate(sources)}

    name = f"seg-{int(time.time())}-{_token()}"
    tmp = parent / f".tmp-{name}"
    tmp.mkdir(parents=True)
    try:
        width = max((len(t.encode()) for t in seg.terms), default=1)
        arrays: dict[str, Any] = {
            "terms": np.array([t.encode() for t in seg.terms], dtype=f"S{width}"),
            "post_ptr": seg.post_ptr,
            "post_doc": seg.post_doc,
            "post_tf": seg.post_tf,
            "fwd_ptr": seg.fwd_ptr,
            "fwd_term": seg.fwd_term,
            "fwd_tf": seg.fwd_tf,
            "dl": seg.dl,
            "published": seg.published,
            "seen": seg.seen,
            "source": np.array([source_index[i.source] for i in items], dtype=np.int32),
            "keys": seg.keys,
            "links": seg.links,
            "content": seg.content,
            "docs_off": seg.docs_off,
        }
        with (tmp / "docs.jsonl").open("wb") as f:
            for chunk in seg.docs:
                f.write(chunk)
        for key_name, value in arrays.items():
            np.save(tmp / f"{key_name}.npy", value, allow_pickle=False)
        (tmp / "sources.json").write_text(json.dumps(sources), encoding="utf-8")
        sizes = {f.name: f.stat().st_size for f in tmp.iterdir()}
        _files.sync_dir(tmp)
        os.replace(tmp, parent / name)
    except BaseException:
        _rmtree(tmp)
        raise
    return {"name": name, "n": len(items), "sizes": sizes}


@dataclass(slots=True)
class _Part:
    """A segment's arrays for some of its articles (or all of them): what the Python
    work per token and per article makes, before the parts are put together."""

    #: The terms (a part's own, in the order its term ids number them; a whole
    #: segment's sorted).
    terms: list[str]
    #: Counts by document (CSR): document d's terms and their weighted counts
    #: are fwd_term/fwd_tf[fwd_ptr[d]:fwd_ptr[d + 1]], in no particular order.
    fwd_ptr: Any
    fwd_term: Any
    fwd_tf: Any
    #: The same counts by term (CSC), documents ascending within a term.
    post_ptr: Any
    post_doc: Any
    post_tf: Any
    dl: Any
    published: Any
    seen: Any
    keys: Any
    links: Any
    content: Any
    #: docs.jsonl, in pieces, and each document's offset in it.
    docs: list[bytes]
    docs_off: Any


#: Below this many articles a build runs in this process (a worker pool costs
#: more than it saves).
PARALLEL_ITEMS = 5_000
#: Up to this many terms, a part's term ids fit 16 bits, which numpy sorts by radix.
RADIX_TERMS = 1 << 16
_ITEMS: Sequence[_Item] = ()
_PARAMS: Params | None = None


def _prepare(items: Sequence[_Item], params: Params) -> _Part:
    """A segment's arrays, made on every core for a large build.

    All the work per token and per article (analysis, counting, sorting,
    serializing display fields) happens in :func:`_prepare_part`. A large build
    splits the articles across forked worker processes (so they are shared,
    not copied), and :func:`_join` puts the parts together here with a few
    numpy gathers and scatters, no sort: what stays in this process runs on one
    core while the other cores wait.
    """
    import multiprocessing
    import threading

    workers = min(os.cpu_count() or 1, 4)
    if (
        len(items) < PARALLEL_ITEMS
        or workers < 2
        or "fork" not in multiprocessing.get_all_start_methods()
        or threading.active_count() > 1  # forking a threaded process is unsafe
    ):
        return _join([_prepare_part(items, params)])
    global _ITEMS, _PARAMS
    _ITEMS, _PARAMS = items, params
    step = -(-len(items) // workers)
    bounds = [(i, min(i + step, len(items))) for i in range(0, len(items), step)]
    try:
        with multiprocessing.get_context("fork").Pool(len(bounds)) as pool:
            parts = pool.starmap(_prepare_slice, bounds)
    finally:
        _ITEMS, _PARAMS = (), None
    return _join(parts)


def _prepare_slice(lo: int, hi: int) -> _Part:
    assert _PARAMS is not None
    return _prepare_part(_ITEMS[lo:hi], _PARAMS)


def _prepare_part(items: Sequence[_Item], params: Params) -> _Part:
    import numpy as np

    texts: list[str] = []
    for item in items:
        a = item.article
        texts.append(a.title)
        texts.append(a.summary + " " + " ".join(a.tags) if a.tags else a.summary)
    vocab: dict[str, int] = {}
    ids, offsets = batch_ids(texts, vocab, stem=params.stem, stop=params.stopwords)
    n_docs, n_terms = len(items), len(vocab)
    text_len = np.diff(offsets)
    # Count (document, term) pairs with one sort of keys packing the document,
    # the term and whether the token is in the body as bit fields (shifts and
    # masks, not division: a build meets millions of tokens), so that a pair's
    # title tokens come first and weigh title_weight each.
    shift = max(n_terms, 1).bit_length()
    text_of = np.repeat(np.arange(2 * n_docs, dtype=np.int64), text_len)
    key = ((text_of >> 1) << (shift + 1)) | (ids << 1) | (text_of & 1)
    del text_of
    key.sort()
    pair = key >> 1
    starts = np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]]) if len(pair) else pair
    weight = np.where(key & 1, 1.0, float(params.title_weight))
    tf = (np.add.reduceat(weight, starts) if len(starts) else weight).astype(np.float32)
    pair = pair[starts]
    doc_of = (pair >> shift).astype(np.int32)
    term_of = (pair & ((1 << shift) - 1)).astype(np.int32)
    fwd_ptr = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(np.bincount(doc_of, minlength=n_docs), out=fwd_ptr[1:])
    # The same pairs by term: a stable sort keeps documents ascending within a
    # term (numpy sorts 16-bit keys by radix, five times faster than 32-bit ones).
    by_term = np.argsort(
        term_of.astype(np.uint16) if n_terms <= RADIX_TERMS else term_of, kind="stable"
    )
    post_ptr = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(np.bincount(term_of, minlength=n_terms), out=post_ptr[1:])

    lines = []
    for item in items:
        a = item.article
        lines.append(
            json.dumps(
                {
                    "id": a.id,
                    "title": a.title,
                    "link": a.link,
                    "summary": a.summary,
                    "author": a.author,
                    "published": _epoch(a.published),
                    "first_seen": _epoch(a.first_seen),
                    "also": item.also,
                    "tags": list(a.tags),
                },
                ensure_ascii=False,
            ).encode()
            + b"\n"
        )
    docs_off = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum([len(line) for line in lines], out=docs_off[1:])
    return _Part(
        terms=list(vocab),
        fwd_ptr=fwd_ptr,
        fwd_term=term_of,
        fwd_tf=tf,
        post_ptr=post_ptr,
        post_doc=doc_of[by_term],
        post_tf=tf[by_term],
        dl=(text_len[0::2] * params.title_weight + text_len[1::2]).astype(np.float32),
        published=np.array([_nan(_epoch(i.article.published)) for i in items], dtype=np.float64),
        seen=np.array([_nan(_epoch(i.article.first_seen)) for i in items], dtype=np.float64),
        keys=np.array([_hash64(i.article.id) for i in items], dtype=np.int64),
        links=np.array(
            [_hash64(i.link) if i.link else -1 for i in items],
            dtype=np.int64,
        ),
        content=np.array([_content_hash(i.article) for i in items], dtype=np.int64),
        docs=[b"".join(lines)],
        docs_off=docs_off,
    )


def _join(parts: Sequence[_Part]) -> _Part:
    """One segment's arrays from parts of consecutive articles, with the terms sorted.

    Python str order is UTF-8 byte order, the order np.searchsorted sees. Each
    part's term ids are mapped to the sorted ones; by document the parts are
    simply concatenated; by term, each part's postings of a term are placed
    after the earlier parts' postings of that term (scatter, not sort).
    """
    import numpy as np

    vocab: dict[str, int] = {}
    local = [
        np.array([vocab.setdefault(t, len(vocab)) for t in p.terms], dtype=np.int64) for p in parts
    ]
    terms = sorted(vocab)
    renumber = np.empty(len(vocab), dtype=np.int64)
    renumber[[vocab[t] for t in terms]] = np.arange(len(terms))
    # Each part's term ids → sorted ids (one-to-one within a part).
    glob = [renumber[ids] for ids in local]
    per_term = np.zeros(len(terms), dtype=np.int64)
    for p, g in zip(parts, glob, strict=True):
        per_term[g] += np.diff(p.post_ptr)
    post_ptr = np.zeros(len(terms) + 1, dtype=np.int64)
    np.cumsum(per_term, out=post_ptr[1:])
    post_doc = np.empty(int(post_ptr[-1]), dtype=np.int32)
    post_tf = np.empty(int(post_ptr[-1]), dtype=np.float32)
    fill = post_ptr[:-1].copy()  # where each term's next postings go
    fwd_ptr, docs_off = [np.zeros(1, dtype=np.int64)], [np.zeros(1, dtype=np.int64)]
    doc_base = pair_base = byte_base = 0
    for p, g in zip(parts, glob, strict=True):
        counts = np.diff(p.post_ptr)
        dest = np.repeat(fill[g] - p.post_ptr[:-1], counts) + np.arange(len(p.post_doc))
        post_doc[dest] = p.post_doc + doc_base
        post_tf[dest] = p.post_tf
        fill[g] += counts
        fwd_ptr.append(p.fwd_ptr[1:] + pair_base)
        docs_off.append(p.docs_off[1:] + byte_base)
        doc_base += len(p.dl)
        pair_base += int(p.fwd_ptr[-1])
        byte_base += int(p.docs_off[-1])
    return _Part(
        terms=terms,
        fwd_ptr=np.concatenate(fwd_ptr),
        fwd_term=np.concatenate([g[p.fwd_term] for p, g in zip(parts, glob, strict=True)]).astype(
            np.int32
        ),
        fwd_tf=np.concatenate([p.fwd_tf for p in parts]),
        post_ptr=post_ptr,
        post_doc=post_doc,
        post_tf=post_tf,
        dl=np.concatenate([p.dl for p in parts]),
        published=np.concatenate([p.published for p in parts]),
        seen=np.concatenate([p.seen for p in parts]),
        keys=np.concatenate([p.keys for p in parts]),
        links=np.concatenate([p.links for p in parts]),
        content=np.concatenate([p.content for p in parts]),
        docs=[chunk for p in parts for chunk in p.docs],
        docs_off=np.concatenate(docs_off),
    )


def _nan(value: float | None) -> float:
    return math.nan if value is None else value


# -- snapshots -------------------------------------------------------------------------


@dataclass(slots=True)
class _Segment:
    directory: Path
    #: The global id of its first document.
    base: int
    arrays: dict[str, Any]
    #: Feed keys its ``source`` array indexes.
    sources: list[str]
    docs: mmap.mmap | None = None

    def span(self, key: bytes) -> tuple[int, int] | None:
        """Where the postings of the term ``key`` (UTF-8) lie in post_doc/post_tf, or
        None if this segment does not hold it."""
        import numpy as np

        terms = self.arrays["terms"]
        if not len(terms) or len(key) > terms.dtype.itemsize:
            return None
        i = int(np.searchsorted(terms, key))
        if i == len(terms) or terms[i] != key:
            return None
        lo, hi = int(self.arrays["post_ptr"][i]), int(self.arrays["post_ptr"][i + 1])
        if not 0 <= lo <= hi <= len(self.arrays["post_doc"]):
            raise ValueError(f"postings pointers of {key!r} are out of order")
        return lo, hi

    def doc_json(self, local: int) -> dict[str, Any]:
        if self.docs is None:
            with (self.directory / "docs.jsonl").open("rb") as f:
                self.docs = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        lo = int(self.arrays["docs_off"][local])
        hi = int(self.arrays["docs_off"][local + 1])
        data: dict[str, Any] = json.loads(self.docs[lo:hi])
        return data

    def close(self) -> None:
        if self.docs is not None:
            self.docs.close()
            self.docs = None


class _Arrays(dict[str, Any]):
    """A segment's arrays, memory-mapped on first use: a search touches only some."""

    def __init__(self, directory: Path) -> None:
        super().__init__()
        self.directory = directory

    def __missing__(self, name: str) -> Any:
        import numpy as np

        if name not in _SEGMENT_ARRAYS:
            raise KeyError(name)
        # A plain ndarray view of the map: numpy.memmap's own __getitem__ and
        # __array_finalize__ run in Python on every slice (a search takes
        # thousands), and cost more than the reads themselves.
        value = np.load(self.directory / f"{name}.npy", mmap_mode="r").view(np.ndarray)
        self[name] = value
        return value


def _open_segment(parent: Path, entry: Mapping[str, Any]) -> _Segment:
    directory = parent / entry["name"]
    # A file cut short or gone is found here, by its size (a stat each: cheap
    # enough for every search); garbage of the right size, when it is read.
    for file, size in (entry.get("sizes") or {}).items():
        actual = (directory / file).stat().st_size
        if actual != size:
            raise ValueError(f"{entry['name']}/{file} has {actual} bytes, not {size}")
    sources = json.loads((directory / "sources.json").read_text(encoding="utf-8"))
    if not isinstance(sources, list):
        raise TypeError(f"{entry['name']}/sources.json is not a list")
    return _Segment(directory, int(entry["base"]), _Arrays(directory), sources)


def current_meta(parent: Path, *, strict: bool = False) -> dict[str, Any] | None:
    """The current snapshot's meta.json, or None if there is no readable snapshot.

    ``strict``: None only when there is no snapshot; one that cannot be read
    raises :class:`_Broken`.
    """
    try:
        name = (parent / CURRENT).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as e:
        if strict:
            raise _Broken(parent, None, f"{CURRENT}: {_why(e)}") from e
        return None
    try:
        if not name.startswith("snap-") or "/" in name or "\\" in name:
            raise ValueError(f"{CURRENT} names no snapshot: {name[:40]!r}")
        meta = json.loads((parent / name / "meta.json").read_text("utf-8"))
        if not isinstance(meta, dict) or not isinstance(meta.get("segments"), list):
            raise ValueError(f"{name}/meta.json is not a snapshot's")
    except (OSError, ValueError) as e:
        if strict:
            raise _Broken(parent, name, _why(e)) from e
        return None
    meta["_dir"] = str(parent / name)
    return meta


class _Broken(Exception):
    """The current snapshot cannot be read."""

    def __init__(self, parent: Path, snapshot: str | None, why: str) -> None:
        self.parent = parent
        self.snapshot = snapshot
        self.why = why
        super().__init__(why)


def _why(e: BaseException) -> str:
    return f"{type(e).__name__}: {e}"[:300]


def _withdraw(broken: _Broken) -> StoreDamaged:
    """Withdraw a damaged snapshot (unless another one replaced it meanwhile), so that
    the next search rebuilds the index; the error that says so."""
    current = broken.parent / CURRENT
    try:
        if broken.snapshot is None or current.read_text("utf-8").strip() == broken.snapshot:
            current.unlink()
    except OSError:
        pass
    return StoreDamaged(
        f"the search index in {str(broken.parent)!r} was damaged ({broken.why}); it is "
        "rebuilt from the stored articles when giftfind next runs"
    )


def _publish(parent: Path, meta: dict[str, Any], deleted: Any | None) -> None:
    """Write a snapshot and make it current; drop what no snapshot needs any more."""
    import numpy as np

    name = f"snap-{int(time.time() * 1000)}-{_token()}"
    tmp = parent / f".tmp-{name}"
    tmp.mkdir(parents=True)
    try:
        if deleted is not None and deleted.any():
            np.save(tmp / "deleted.npy", deleted, allow_pickle=False)
            meta["deleted"] = True
        else:
            meta["deleted"] = False
        (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        _files.sync_dir(tmp)
        os.replace(tmp, parent / name)
    except BaseException:
        _rmtree(tmp)
        raise
    try:
        replaced: str | None = (parent / CURRENT).read_text(encoding="utf-8").strip()
    except (OSError, ValueError):
        replaced = None
    pointer = parent / f".{CURRENT}.{_token()}"
    try:
        pointer.write_text(name, encoding="utf-8")
        os.replace(pointer, parent / CURRENT)
    except BaseException:
        pointer.unlink(missing_ok=True)
        raise
    _files.sync_dir(parent)
    if replaced and replaced.startswith("snap-") and "/" not in replaced:
        # Its grace period starts now: a search may have opened it a moment ago
        # (counted from when it was made, a day-old snapshot went at once, and
        # with it segments such a search had yet to read).
        with contextlib.suppress(OSError):
            os.utime(parent / replaced)
    _prune(parent, current=name)


#: A superseded snapshot (and the segments only it used) is kept this long,
#: for searches that opened it just before it was replaced.
GRACE_SECONDS = 120.0


def _prune(parent: Path, *, current: str) -> None:
    """Remove snapshots replaced more than GRACE_SECONDS ago, the segments no snapshot
    uses, and builds that crashed long ago. Another process may be pruning too:
    whatever vanishes meanwhile is simply gone."""
    now = time.time()
    keep_segments: set[str] = set()
    for snap in parent.glob("snap-*"):
        try:
            old = snap.name != current and now - snap.stat().st_mtime > GRACE_SECONDS
            meta = {} if old else json.loads((snap / "meta.json").read_text("utf-8"))
            names = [s["name"] for s in meta.get("segments", [])]
        except FileNotFoundError:
            continue
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            names, old = [], snap.name != current
        if old:
            _rmtree(snap)
        else:
            keep_segments.update(str(n) for n in names)
    for path in parent.iterdir():
        try:
            age = now - path.stat().st_mtime
        except OSError:
            continue
        if path.name.startswith("seg-") and path.name not in keep_segments and age > GRACE_SECONDS:
            _rmtree(path)
        elif path.name.startswith((".tmp-", f".{CURRENT}.")) and age > 3600:
            _rmtree(path)  # a build that crashed long ago


# -- keeping the index in step with the store ------------------------------------------


@dataclass(frozen=True, slots=True)
class FeedInput:
    """One configured feed, as the index update sees it."""

    key: str
    #: Changes whenever the feed's stored articles change.
    version: int
    #: Reads the feed's stored articles (called only when the version changed).
    load: Callable[[], Sequence[Article]]


def update(
    parent: Path,
    feeds: Sequence[FeedInput],
    *,
    generation: int,
    params: Params | None = None,
    full: bool = False,
) -> str:
    """Bring the index under ``parent`` in step with the store; returns "current",
    "updated" or "rebuilt".

    Only feeds whose version changed are read. Their new or changed articles
    go into one new segment; articles gone or replaced are marked deleted. A
    full rebuild happens when there is no usable index, the parameters or the
    feed list changed, or deletions and segments have piled up, or the current
    snapshot is damaged. A failure to write (a full disk, a read-only directory)
    raises :class:`~giftfind.errors.StoreError`, and leaves the current snapshot
    as it was.
    """
    params = params or Params()
    try:
        return _update(parent, feeds, generation, params, full)
    except OSError as e:
        raise StoreError(
            f"cannot write the search index in {str(parent)!r}: {_describe_write_error(e)}"
        ) from e


def _describe_write_error(e: OSError) -> str:
    if e.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return f"no space left ({e.strerror})"
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"not writable ({e.strerror}); use --cache-dir or $GIFTFIND_CACHE_DIR"
    return e.strerror or str(e)


#: Errors that say the disk, not the snapshot, is the problem.
_WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EACCES,
                           errno.EPERM, errno.EROFS})  # fmt: skip


def _update(
    parent: Path, feeds: Sequence[FeedInput], generation: int, params: Params, full: bool
) -> str:
    meta = None if full else current_meta(parent)
    keys = [f.key for f in feeds]
    if (
        meta is None
        or meta.get("version") != INDEX_VERSION
        or meta.get("index_params") != params.index_key()
        or meta.get("sources") != keys[: len(meta.get("sources") or ())]
    ):
        # (Feeds added at the end, as search feeds are, only add to the index.)
        _rebuild(parent, feeds, generation, params)
        return "rebuilt"
    try:
        versions: dict[str, int] = meta.get("feeds", {})
        changed = [f for f in feeds if versions.get(f.key) != f.version]
        if not changed:
            if meta.get("generation") != generation or meta.get("params") != asdict(params):
                # Nothing to index; record the generation (and query-time parameters).
                new_meta = {k: v for k, v in meta.items() if not k.startswith("_")}
                new_meta.update(generation=generation, params=asdict(params))
                _publish(parent, new_meta, _load_deleted(Path(meta["_dir"])))
            return "current"
        if _incremental(parent, meta, feeds, changed, generation, params):
            return "updated"
    except _DAMAGE as e:
        if isinstance(e, OSError) and e.errno in _WRITE_ERRNOS:
            raise
        # The current snapshot cannot be read: the store has all it takes to
        # make a new one.
        log().warning("the search index in %s is damaged (%s); rebuilding it", parent, _why(e))
    _rebuild(parent, feeds, generation, params)
    return "rebuilt"


def _load_deleted(snapshot: Path) -> Any | None:
    import numpy as np

    path = snapshot / "deleted.npy"
    return np.load(path) if path.exists() else None


def _rebuild(parent: Path, feeds: Sequence[FeedInput], generation: int, params: Params) -> None:
    parent.mkdir(parents=True, exist_ok=True)
    items = _dedupe([(f.key, f.load()) for f in feeds])
    segments = []
    if items:
        segments.append({**_write_segment(parent, items, params), "base": 0})
    meta = {
        "version": INDEX_VERSION,
        "generation": generation,
        "sources": [f.key for f in feeds],
        "feeds": {f.key: f.version for f in feeds},
        "segments": segments,
        "n_docs": len(items),
        "params": asdict(params),
        "index_params": params.index_key(),
        "also": {},
    }
    _publish(parent, meta, None)


def _incremental(
    parent: Path,
    meta: dict[str, Any],
    feeds: Sequence[FeedInput],
    changed: Sequence[FeedInput],
    generation: int,
    params: Params,
) -> bool:
    """Add a segment for what changed; False when a full rebuild is the better move."""
    import numpy as np

    index = Index(parent, meta)
    try:
        deleted = index.deleted.copy()
        live = ~deleted
        keys = _concat(index.segments, "keys", np.int64)
        links = _concat(index.segments, "links", np.int64)
        content = _concat(index.segments, "content", np.int64)
        also: dict[str, list[str]] = {k: list(v) for k, v in index.also.items()}
        order = {f.key: i for i, f in enumerate(feeds)}
        pending = {f.key: f for f in changed}
        done: set[str] = set()
        added: list[_Item] = []
        added_at: dict[int, int] = {}  # hashes of the ids and links being added
        while pending:
            key, feed = next(iter(pending.items()))
            del pending[key]
            done.add(key)
            s = order[key]
            wanted = {_hash64(a.id): a for a in feed.load()}
            for d in np.flatnonzero(live & (index.source == s)).tolist():
                a = wanted.get(int(keys[d]))
                if a is not None and _content_hash(a) == int(content[d]):
                    del wanted[int(keys[d])]  # unchanged
                    continue
                deleted[d] = True  # gone, or changed (added again below)
                live[d] = False
                for other in index.doc(d).also:
                    # It stood for a story another feed carried too: that feed's
                    # copy may now need indexing.
                    if other in order and other not in done and other not in pending:
                        pending[other] = feeds[order[other]]
            for h, a in wanted.items():
                link_h = _hash64(canonical_url(a.link)) if a.link else -1
                owner = _live_owner(keys, links, live, index.source, s, h, link_h)
                if owner is not None:
                    if int(index.source[owner]) != s and key not in index.doc(owner).also:
                        also.setdefault(str(owner), []).append(key)
                    continue
                at = added_at.get(h, added_at.get(link_h) if link_h != -1 else None)
                if at is not None:
                    if added[at].source != key and key not in added[at].also:
                        added[at].also.append(key)
                    continue
                added_at[h] = len(added)
                if link_h != -1:
                    added_at[link_h] = len(added)
                added.append(_Item(key, a, link=canonical_url(a.link) if a.link else ""))
        n_docs = index.n_docs
        segments = list(meta["segments"])
    finally:
        index.close()

    total = n_docs + len(added)
    if total and (deleted.sum() > MERGE_DELETED * total or len(segments) + 1 > MERGE_SEGMENTS):
        return False
    if added:
        segments.append({**_write_segment(parent, added, params), "base": n_docs})
        deleted = np.concatenate([deleted, np.zeros(len(added), dtype=bool)])
    new_meta = {k: v for k, v in meta.items() if not k.startswith("_")}
    new_meta.update(
        generation=generation,
        sources=[f.key for f in feeds],
        feeds={f.key: f.version for f in feeds},
        segments=segments,
        n_docs=total,
        params=asdict(params),
        also={k: v for k, v in also.items() if not deleted[int(k)]},
    )
    _publish(parent, new_meta, deleted)
    return True


def _concat(segments: Sequence[_Segment], name: str, dtype: Any) -> Any:
    import numpy as np

    if not segments:
        return np.zeros(0, dtype=dtype)
    if len(segments) == 1:  # the mapped array itself (read-only), not a copy
        return np.asarray(segments[0].arrays[name])
    return np.concatenate([np.asarray(s.arrays[name]) for s in segments])


def _live_owner(
    keys: Any, links: Any, live: Any, source: Any, s: int, key: int, link: int
) -> int | None:
    """The first live document with id hash ``key``, or with link hash ``link`` in a
    feed other than ``s`` (-1: no link)."""
    import numpy as np

    match = keys == key
    if link != -1:
        match |= (links == link) & (source != s)
    hits = np.flatnonzero(live & match)
    return int(hits[0]) if len(hits) else None


def _segment_of(segments: Sequence[_Segment], d: int) -> tuple[_Segment, int]:
    for s in reversed(segments):
        if d >= s.base:
            return s, d - s.base
    raise IndexError(d)


# -- searching -------------------------------------------------------------------------

_F = TypeVar("_F", bound=Callable[..., Any])


def _reads(method: _F) -> _F:
    """An Index method that reads the snapshot: what damage makes it raise becomes a
    StoreDamaged, once the snapshot is withdrawn."""

    @functools.wraps(method)
    def wrapper(self: Index, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except _DAMAGE as e:
            raise _withdraw(_Broken(self.parent, self.snapshot, _why(e))) from e

    return wrapper  # type: ignore[return-value]


class Index:
    """A snapshot opened for searching: memory-mapped arrays, numpy only."""

    def __init__(self, parent: Path, meta: Mapping[str, Any]) -> None:
        import numpy as np

        self.parent = parent
        self.meta = dict(meta)
        #: The snapshot's directory name.
        self.snapshot = Path(meta["_dir"]).name if meta.get("_dir") else None
        self.sources: list[str] = list(meta["sources"])
        self.params = Params(**meta.get("params", {}))
        self.generation: int = int(meta["generation"])
        self.segments = [_open_segment(parent, s) for s in meta["segments"]]
        self.n_docs = int(meta["n_docs"])
        position = {key: i for i, key in enumerate(self.sources)}
        per_segment = []
        for s in self.segments:
            mapping = np.array([position.get(k, -1) for k in s.sources], dtype=np.int32)
            per_segment.append(mapping[np.asarray(s.arrays["source"])])
        self.source = np.concatenate(per_segment) if per_segment else np.zeros(0, np.int32)
        self.published = _concat(self.segments, "published", np.float64)
        self.seen = _concat(self.segments, "seen", np.float64)
        self.dl = _concat(self.segments, "dl", np.float32)
        deleted = _load_deleted(Path(meta["_dir"])) if meta.get("deleted") else None
        self.deleted = deleted if deleted is not None else np.zeros(self.n_docs, dtype=bool)
        self.also: dict[str, list[str]] = dict(meta.get("also", {}))
        per_doc = {"source": self.source, "published": self.published, "seen": self.seen,
                   "dl": self.dl, "deleted": self.deleted}  # fmt: skip
        for name, array in per_doc.items():
            if len(array) != self.n_docs:
                raise ValueError(f"{name} holds {len(array)} documents, not {self.n_docs}")
        self.avgdl = float(self.dl.mean()) if self.n_docs else 1.0
        self._postings: dict[str, tuple[Any, Any]] = {}

    @classmethod
    def open(cls, parent: Path) -> Index | None:
        """Open the current snapshot under ``parent``; None if there is none, or one made
        by another version of giftfind.

        Raises :class:`~giftfind.errors.StoreDamaged` if it is damaged (having
        withdrawn it, so that the next update rebuilds it).
        """
        try:
            meta = current_meta(parent, strict=True)
            if meta is None or meta.get("version") != INDEX_VERSION:
                return None
            try:
                return cls(parent, meta)
            except _DAMAGE as e:
                raise _Broken(parent, Path(meta["_dir"]).name, _why(e)) from e
        except _Broken as broken:
            raise _withdraw(broken) from broken

    def close(self) -> None:
        """Release the documents' memory maps."""
        for s in self.segments:
            s.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- terms ---------------------------------------------------------------------

    @_reads
    def postings(self, term: str) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]:
        """The documents (global ids, ascending) holding ``term``, and its count in each."""
        import numpy as np

        cached = self._postings.get(term)
        if cached is not None:
            return cached
        key = term.encode()
        docs, tfs = [], []
        for s in self.segments:
            span = s.span(key)
            if span is not None:
                lo, hi = span
                docs.append(np.asarray(s.arrays["post_doc"][lo:hi]) + s.base)
                tfs.append(np.asarray(s.arrays["post_tf"][lo:hi]))
        if not docs:
            found = (np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))
        elif len(docs) == 1:
            found = (docs[0].astype(np.int32, copy=False), tfs[0])
        else:
            found = (np.concatenate(docs).astype(np.int32), np.concatenate(tfs))
        if len(found[0]) and (found[0].min() < 0 or found[0].max() >= self.n_docs):
            # Garbage where document ids should be: every caller would index with it.
            raise IndexError(f"postings of {term!r} name documents that do not exist")
        if len(found[0]) != len(found[1]):
            raise ValueError(f"postings of {term!r} do not match their counts")
        self._postings[term] = found
        return found

    @_reads
    def df(self, term: str) -> int:
        """Documents holding ``term`` (deleted ones included until the next merge)."""
        cached = self._postings.get(term)
        if cached is not None:
            return len(cached[0])
        # From the postings pointers alone: feedback asks this of hundreds of
        # terms whose postings it never reads.
        key = term.encode()
        spans = (s.span(key) for s in self.segments)
        return sum(hi - lo for lo, hi in filter(None, spans))

    def idf(self, term: str) -> float:
        """BM25's idf: log(1 + (N - df + 0.5) / (df + 0.5))."""
        df = self.df(term)
        return math.log1p((self.n_docs - df + 0.5) / (df + 0.5))

    def knows(self, term: str) -> bool:
        """Whether any document holds ``term``."""
        return self.df(term) > 0

    # -- scoring -------------------------------------------------------------------

    @_reads
    def weights(
        self, docs: npt.NDArray[np.int32], tf: npt.NDArray[np.float32], idf: float
    ) -> npt.NDArray[np.float64]:
        """BM25 weights: idf * tf (k1 + 1) / (tf + k1 (1 - b + b dl / avgdl))."""
        p = self.params
        norm = p.k1 * (1.0 - p.b) + (p.k1 * p.b / self.avgdl) * self.dl[docs]
        return idf * tf * (p.k1 + 1.0) / (tf + norm)  # type: ignore[no-any-return]

    def query_vector(self, terms: Sequence[str]) -> dict[str, float]:
        """A query's vector: each known term's count (BM25 weighs each occurrence once)."""
        vec: dict[str, float] = {}
        for t in terms:
            if self.knows(t):
                vec[t] = vec.get(t, 0.0) + 1.0
        return vec

    def bound(self, vector: Mapping[str, float]) -> float:
        """The highest score ``vector`` could reach: what scores are divided by, so
        that they fall in [0, 1] and compare across interests."""
        k = self.params.k1 + 1.0
        return sum(w * self.idf(t) * k for t, w in vector.items()) or 1.0

    @_reads
    def score(self, vector: Mapping[str, float]) -> npt.NDArray[np.float64]:
        """``vector`` dotted with every document, reading only its terms' postings."""
        import numpy as np

        scores = np.zeros(self.n_docs, dtype=np.float64)
        for term, weight in vector.items():
            docs, tf = self.postings(term)
            if len(docs):
                # Doc ids within one term's postings are unique, so += is safe.
                scores[docs] += weight * self.weights(docs, tf, self.idf(term))
        return scores

    @_reads
    def doc_terms(self, i: int) -> tuple[list[str], npt.NDArray[np.float64]]:
        """The terms of document ``i`` (sorted) and their BM25 weights."""
        import numpy as np

        s, local = _segment_of(self.segments, i)
        lo, hi = int(s.arrays["fwd_ptr"][local]), int(s.arrays["fwd_ptr"][local + 1])
        ids = np.asarray(s.arrays["fwd_term"][lo:hi])
        tf = np.asarray(s.arrays["fwd_tf"][lo:hi], dtype=np.float64)
        # Sorted here: a build leaves a document's terms in no particular order.
        order = np.argsort(ids)
        ids, tf = ids[order], tf[order]
        keys = s.arrays["terms"][ids]
        # Document frequencies, vectorized: this segment's from its postings
        # pointers, the other segments' by one binary search each.
        post_ptr = s.arrays["post_ptr"]
        df = np.asarray(post_ptr[ids + 1] - post_ptr[ids], dtype=np.float64)
        for other in self.segments:
            if other is s or not len(other.arrays["terms"]):
                continue
            terms = other.arrays["terms"]
            pos = np.minimum(np.searchsorted(terms, keys), len(terms) - 1)
            hit = terms[pos] == keys
            ptr = other.arrays["post_ptr"]
            df += np.where(hit, ptr[pos + 1] - ptr[pos], 0)
        idf = np.log1p((self.n_docs - df + 0.5) / (df + 0.5))
        p = self.params
        norm = p.k1 * (1.0 - p.b + p.b * float(self.dl[i]) / self.avgdl)
        words = [bytes(t).decode() for t in keys]
        return words, idf * tf * (p.k1 + 1.0) / (tf + norm)

    @_reads
    def key(self, i: int) -> int:
        """A 64-bit hash of document ``i``'s article id: a tie-break that never depends
        on the order articles were indexed in."""
        s, local = _segment_of(self.segments, i)
        return int(s.arrays["keys"][local])

    def has_terms(self, i: int, terms: Sequence[str]) -> list[bool]:
        """For each term, whether document ``i`` holds it."""
        import numpy as np

        out = []
        for t in terms:
            docs, _ = self.postings(t)
            pos = int(np.searchsorted(docs, i))
            out.append(pos < len(docs) and int(docs[pos]) == i)
        return out

    # -- documents -----------------------------------------------------------------

    @_reads
    def doc(self, i: int) -> Doc:
        """Display fields of document ``i``."""
        s, local = _segment_of(self.segments, i)
        data = s.doc_json(local)
        return Doc(
            id=data["id"],
            title=data["title"],
            link=data["link"],
            summary=data["summary"],
            author=data.get("author"),
            published=data.get("published"),
            first_seen=data.get("first_seen"),
            source=int(self.source[i]),
            also=tuple(data.get("also") or ()) + tuple(self.also.get(str(i), ())),
            tags=tuple(data.get("tags") or ()),
        )


def build_reference(
    articles: Iterable[Article], params: Params | None = None
) -> tuple[Any, list[str], Any]:
    """The same term weights computed the classic way, with scikit-learn and scipy:
    ``(CSR weight matrix, vocabulary, idf)``, for checking the fast path against."""
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer

    params = params or Params()
    items = list(articles)

    def terms_of(a: Article) -> list[str]:
        return _terms(a, params)

    vectorizer = CountVectorizer(analyzer=terms_of, dtype=np.float64)
    counts = vectorizer.fit_transform(items).tocsr()
    counts.sort_indices()
    n_docs, n_terms = counts.shape
    df = np.bincount(counts.indices, minlength=n_terms).astype(np.float64)
    idf = np.log1p((n_docs - df + 0.5) / (df + 0.5))
    dl = np.asarray(counts.sum(axis=1)).ravel()
    avgdl = float(dl.mean()) if n_docs else 1.0
    rows = np.repeat(np.arange(n_docs), np.diff(counts.indptr))
    tf = counts.data
    norm = params.k1 * (1.0 - params.b + params.b * dl[rows] / avgdl)
    weights = counts.copy()
    weights.data = idf[counts.indices] * tf * (params.k1 + 1.0) / (tf + norm)
    return weights, vectorizer.get_feature_names_out().tolist(), idf
