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

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

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
_TOKEN = re.compile(rf"[{_CJK}]+|[^\W_]+", re.UNICODE)
_CJK_RUN = re.compile(rf"^[{_CJK}]+$")


@lru_cache(maxsize=1)
def _stemmer() -> Callable[[str], str]:
    import Stemmer

    return Stemmer.Stemmer("english").stemWord  # type: ignore[no-any-return]


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


def tokens(text: str, *, stem: bool = True, stop: bool = True) -> list[tuple[str, str]]:
    """``(surface, term)`` pairs for each kept token, in order.

    ``surface`` is the token as written (accents folded), ``term`` the index term.
    ``stem`` and ``stop`` turn stemming and stop-word removal off for experiments.
    """
    out: list[tuple[str, str]] = []
    raws = _TOKEN.findall(_APOSTROPHES.sub("", fold(text)))
    # In an all-caps headline ("WHAT IT MEANS FOR US") capitals mark no acronyms.
    shouting = len(raws) > 2 and sum(r.isupper() for r in raws) > 0.6 * len(raws)
    for raw in raws:
        if _CJK_RUN.match(raw):
            if len(raw) == 1:
                out.append((raw, raw))
            else:
                out.extend((raw[i : i + 2], raw[i : i + 2]) for i in range(len(raw) - 1))
            continue
        lower = raw.lower()
        if stop and lower in _STOP:
            # "US", "IT", "WHO": an acronym, not the stop word.
            if len(raw) > 1 and raw.isupper() and not shouting:
                out.append((raw, lower))
            continue
        if len(lower) < 2 and not lower.isdigit():
            continue
        out.append((raw, _stem(lower) if stem else lower))
    return out


def analyze(text: str, *, stem: bool = True, stop: bool = True) -> list[str]:
    """The index terms of ``text``, in order (repeats kept: they are term frequencies)."""
    return [term for _, term in tokens(text, stem=stem, stop=stop)]


def analyze_all(texts: Iterable[str]) -> list[list[str]]:
    """:func:`analyze` over many texts."""
    return [analyze(t) for t in texts]
