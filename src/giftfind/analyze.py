"""Text analysis: the one function that turns text into index terms.

The same :func:`analyze` serves the index build and the query, so the two always
agree. Steps, each for a reason:

* accent folding (NFKD, combining marks dropped): "Zürich" finds "Zurich";
* apostrophes removed inside words: "interviewer's" is one token, not "interviewer" + "s";
* case folding, except that an all-caps acronym that would be a stop word in lower
  case ("US", "IT", "WHO") is kept, so the acronym stays findable;
* stop words dropped (NLTK's English list: short, and free of the content words
  such as "computer" or "system" that scikit-learn's longer list drops);
* Snowball (Porter2) stemming, so "sailing" finds "sail" and "sailors";
* runs of CJK characters, written without spaces, indexed as overlapping
  character bigrams (as Lucene's CJK analyzer does): "東京" is one term.

No business logic; imported by the search path, so it must stay light (no numpy).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any, cast

# NLTK's English stop word list (179 words), and a few more (below).
STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "ain",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "aren",
        "aren't",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "couldn",
        "couldn't",
        "d",
        "did",
        "didn",
        "didn't",
        "do",
        "does",
        "doesn",
        "doesn't",
        "doing",
        "don",
        "don't",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "hadn",
        "hadn't",
        "has",
        "hasn",
        "hasn't",
        "have",
        "haven",
        "haven't",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "isn",
        "isn't",
        "it",
        "it's",
        "its",
        "itself",
        "just",
        "ll",
        "m",
        "ma",
        "me",
        "mightn",
        "mightn't",
        "more",
        "most",
        "mustn",
        "mustn't",
        "my",
        "myself",
        "needn",
        "needn't",
        "no",
        "nor",
        "not",
        "now",
        "o",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "re",
        "s",
        "same",
        "shan",
        "shan't",
        "she",
        "she's",
        "should",
        "should've",
        "shouldn",
        "shouldn't",
        "so",
        "some",
        "such",
        "t",
        "than",
        "that",
        "that'll",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "ve",
        "very",
        "was",
        "wasn",
        "wasn't",
        "we",
        "were",
        "weren",
        "weren't",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "won",
        "won't",
        "wouldn",
        "wouldn't",
        "y",
        "you",
        "you'd",
        "you'll",
        "you're",
        "you've",
        "your",
        "yours",
        "yourself",
        "yourselves",
    ]
)
# NLTK's list lacks a few function words that carry no topic, among them "us",
# which must be a stop word for the acronym rule to tell "US" from "us".
STOP_WORDS |= frozenset(
    "us also would could may might must shall upon via per among whether within without "
    "though although however thus yet onto".split()
)
# The same words as the tokenizer sees them (apostrophes removed).
_STOP = frozenset(w.replace("'", "") for w in STOP_WORDS)

_APOSTROPHES = re.compile(r"(?<=\w)['’ʼ](?=\w)")
_CJK = (
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs
    "\uac00-\ud7af"  # Hangul syllables
)
# Tokens are runs of word characters (the fastest pattern: a build meets millions);
# a run that mixes CJK and other letters, or holds "_", is split afterwards.
_TOKEN = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _cjk() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(split, whole CJK run, any CJK): compiled on first use (their large classes cost a
    few milliseconds, and ASCII text never needs them)."""
    return (
        re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+"),
        re.compile(rf"^[{_CJK}]+$"),
        re.compile(rf"[{_CJK}]"),
    )


@lru_cache(maxsize=1)
def _snowball() -> Any:
    import Stemmer

    return Stemmer.Stemmer("english")


def _stemmer() -> Callable[[str], str]:
    return _snowball().stemWord  # type: ignore[no-any-return]


def _prestem(words: Iterable[str]) -> None:
    """Stem many words in one call into the stem cache (a build meets them by thousands)."""
    todo = [w for w in words if w not in _STEMS]
    if todo and len(_STEMS) < _STEMS_MAX:
        _STEMS.update(zip(todo, _snowball().stemWords(todo), strict=True))


_STEMS: dict[str, str] = {}
_STEMS_MAX = 1_000_000


def _stem(word: str) -> str:
    stem = _STEMS.get(word)
    if stem is None:
        stem = _stemmer()(word)
        if len(_STEMS) < _STEMS_MAX:
            _STEMS[word] = stem
    return stem


def fold(text: str) -> str:
    """Drop accents: NFKD, then remove combining marks."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


#: Longest token kept.
MAX_TERM_CHARS = 40
_ACRONYM = "\x00acronym"  # memo marker: an all-caps stop word, decided by context
_MEMOS: dict[tuple[bool, bool], dict[str, object]] = {}
_MEMO_MAX = 2_000_000


def _term_of(raw: str, stem: bool, stop: bool) -> object:
    """What a raw token becomes: a term, a tuple of terms (CJK, or a run split in
    parts), None (dropped), or _ACRONYM."""
    if "_" in raw or (not raw.isascii() and _cjk()[2].search(raw)):
        split, cjk_run, _ = _cjk()
        if cjk_run.match(raw):
            if len(raw) == 1:
                return raw
            return tuple(raw[i : i + 2] for i in range(len(raw) - 1))
        out: list[str] = []
        for part in split.findall(raw):
            term = _term_of(part, stem, stop)
            if isinstance(term, tuple):
                out.extend(term)
            elif term is not None and term is not _ACRONYM:
                out.append(str(term))
        return tuple(out) if out else None
    lower = raw.lower()
    if stop and lower in _STOP:
        # "US", "IT", "WHO": an acronym, not the stop word (unless the text shouts).
        return _ACRONYM if len(raw) > 1 and raw.isupper() else None
    if (len(lower) < 2 and not lower.isdigit()) or len(lower) > MAX_TERM_CHARS:
        return None  # a lone letter; or a URL, hash or base64, never an interest
    return _stem(lower) if stem else lower


def _raw_tokens(text: str) -> list[str]:
    if not text.isascii():
        text = fold(text)
    if "'" in text or "’" in text or "ʼ" in text:
        text = _APOSTROPHES.sub("", text)
    return _TOKEN.findall(text)


def _shouting(raws: list[str]) -> bool:
    """In an all-caps headline ("WHAT IT MEANS FOR US") capitals mark no acronyms."""
    return len(raws) > 2 and sum(r.isupper() for r in raws) > 0.6 * len(raws)


def tokens(text: str, *, stem: bool = True, stop: bool = True) -> list[tuple[str, str]]:
    """``(surface, term)`` pairs for each kept token, in order.

    ``surface`` is the token as written (accents folded), ``term`` the index term.
    ``stem`` and ``stop`` turn stemming and stop-word removal off for experiments.
    """
    raws = _raw_tokens(text)
    shouting: bool | None = None
    out: list[tuple[str, str]] = []
    for raw in raws:
        term = _term_of(raw, stem, stop)
        if term is None:
            continue
        if term is _ACRONYM:
            if shouting is None:
                shouting = _shouting(raws)
            if not shouting:
                out.append((raw, raw.lower()))
        elif isinstance(term, tuple):
            out.extend((t, t) for t in term)
        else:
            out.append((raw, str(term)))
    return out


def analyze(text: str, *, stem: bool = True, stop: bool = True) -> list[str]:
    """The index terms of ``text``, in order (repeats kept: they are term frequencies).

    The same terms as :func:`tokens`, faster: each distinct raw token is
    analyzed once and remembered, since indexing 100k articles meets the same
    words millions of times.
    """
    memo = _MEMOS.get((stem, stop))
    if memo is None:
        memo = _MEMOS[(stem, stop)] = {}
    raws = _raw_tokens(text)
    out: list[str] = []
    append = out.append
    shouting: bool | None = None
    for raw in raws:
        term = memo.get(raw)
        if term is None:
            if raw in memo:
                continue
            term = _term_of(raw, stem, stop)
            if len(memo) < _MEMO_MAX:
                memo[raw] = term
            if term is None:
                continue
        if type(term) is str:
            if term is _ACRONYM:
                if shouting is None:
                    shouting = _shouting(raws)
                if not shouting:
                    append(raw.lower())
            else:
                append(term)
        else:
            out.extend(term)  # type: ignore[arg-type]
    return out


_MISSING = object()


def id_analyzer(
    vocab: dict[str, int], *, stem: bool = True, stop: bool = True
) -> Callable[[str], list[int]]:
    """A function giving the ids (in ``vocab``, which it grows) of :func:`analyze`'s terms.

    For building an index: one dictionary lookup per token turns a raw token
    straight into its term's id, the only per-token Python work of a build.
    """
    memo: dict[str, object] = {}
    setdefault = vocab.setdefault

    def ids(text: str) -> list[int]:
        raws = _raw_tokens(text)
        out: list[int] = []
        append = out.append
        shouting: bool | None = None
        for raw in raws:
            v = memo.get(raw, _MISSING)
            if v.__class__ is int:
                append(v)
                continue
            if v is _MISSING:
                term = _term_of(raw, stem, stop)
                if term is None or term is _ACRONYM:
                    v = term
                elif isinstance(term, tuple):
                    v = tuple(setdefault(t, len(vocab)) for t in term)
                else:
                    v = setdefault(str(term), len(vocab))
                if len(memo) < _MEMO_MAX:
                    memo[raw] = v
                if v.__class__ is int:
                    append(v)
                    continue
            if v is None:
                continue
            if v is _ACRONYM:
                if shouting is None:
                    shouting = _shouting(raws)
                if not shouting:
                    append(setdefault(raw.lower(), len(vocab)))
            else:
                out.extend(cast("tuple[int, ...]", v))
        return out

    return ids


#: Between texts joined for one tokenizer pass: a word no text holds (texts that
#: do hold it lose it, which no search will miss).
_SEPARATOR = "zqxjkseparatorzqxjk"
_DROP, _SLOW, _SEP = -1, -2, -3
_BATCH_CHARS = 4_000_000


def batch_ids(
    texts: Sequence[str], vocab: dict[str, int], *, stem: bool = True, stop: bool = True
) -> tuple[Any, Any]:
    """The term ids of many texts at once: ``(ids, offsets)``, text ``i``'s ids being
    ``ids[offsets[i]:offsets[i + 1]]``; ``vocab`` grows with new terms.

    The same terms as :func:`analyze`, computed without a Python loop over
    tokens: texts are joined (a few megabytes at a time) for one regular
    expression pass, each distinct token is analyzed once, and the tokens are
    mapped to ids by ``map`` and numpy. Texts holding an acronym or CJK (whose
    terms depend on context or split a token) go through :func:`id_analyzer`.
    """
    import numpy as np

    memo: dict[str, int] = {_SEPARATOR: _SEP}
    slow = id_analyzer(vocab, stem=stem, stop=stop)
    setdefault = vocab.setdefault
    parts: list[Any] = []
    lengths = np.zeros(len(texts), dtype=np.int64)
    start = 0
    while start < len(texts):
        end, size = start, 0
        while end < len(texts) and (size < _BATCH_CHARS or end == start):
            size += len(texts[end]) + 1
            end += 1
        chunk = texts[start:end]
        joined = f" {_SEPARATOR} ".join(chunk)
        if not joined.isascii():
            joined = fold(joined)
        if "'" in joined or "’" in joined or "ʼ" in joined:
            joined = _APOSTROPHES.sub("", joined)
        raws = _TOKEN.findall(joined)
        new = set(raws).difference(memo)
        if stem:
            _prestem(r.lower() for r in new if r.isascii())
        for raw in new:
            term = _term_of(raw, stem, stop)
            if term is None:
                memo[raw] = _DROP
            elif term is _ACRONYM or isinstance(term, tuple):
                memo[raw] = _SLOW
            else:
                memo[raw] = setdefault(str(term), len(vocab))
        codes = np.fromiter(map(memo.__getitem__, raws), dtype=np.int64, count=len(raws))
        bounds = np.flatnonzero(codes == _SEP)
        # Which text each token belongs to, and its ids without separators and drops.
        text_of = np.searchsorted(bounds, np.arange(len(codes)), side="right")
        keep = codes >= 0
        counts = np.bincount(text_of[keep], minlength=len(chunk))
        chunk_ids = codes[keep]
        needs_slow = np.unique(text_of[codes == _SLOW])
        if len(needs_slow):
            pieces, offset = [], 0
            ends = np.cumsum(counts)
            for i in needs_slow.tolist():
                lo = int(ends[i] - counts[i])
                pieces.append(chunk_ids[offset:lo])
                fixed = np.asarray(slow(chunk[i]), dtype=np.int64)
                pieces.append(fixed)
                counts[i] = len(fixed)
                offset = int(ends[i])
            pieces.append(chunk_ids[offset:])
            chunk_ids = np.concatenate(pieces)
        parts.append(chunk_ids)
        lengths[start:end] = counts
        start = end
    offsets = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    ids = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    return ids, offsets


def pairs(terms: Sequence[str]) -> list[str]:
    """Adjacent pairs of terms ("heat conduct"): word-pair shingles, and phrases."""
    return [f"{a} {b}" for a, b in itertools.pairwise(terms)]


def analyze_all(texts: Iterable[str]) -> list[list[str]]:
    """:func:`analyze` over many texts."""
    return [analyze(t) for t in texts]
