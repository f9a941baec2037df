"""The ranking levers, measured one at a time: prints the Markdown table in benchmarks/README.md.

    python benchmarks/levers.py DIR [DIR ...]

Two parts per collection. "Build-up" starts from scikit-learn's default
TF-IDF (the tfidf-default system), then giftfind with every lever off (BM25
weighting, no stemming, title counted once, no feedback, no phrases), and
turns on one lever per row, keeping the ones above it. "Ablation" starts from
giftfind's defaults and turns off one lever per row. Every row runs the real
giftfind ranking code (``benchmarks/relevance.py``'s giftfind system) with
``--param`` overrides; BM25 (bm25s) is the reference row.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import relevance

BASE = {
    "stem": "false",
    "title_weight": "1",
    "prf_docs": "0",
    "phrase_weight": "0",
}
BUILD_UP = [
    ("BM25 weighting (k1 1.2, b 0.75), NLTK stop words, no stemming", {}),
    ("+ Snowball stemming", {"stem": "true"}),
    ("+ title counts twice", {"title_weight": "2"}),
    ("+ pseudo-relevance feedback (Rocchio: 10 docs, 20 terms, beta 0.4)", {"prf_docs": "10"}),
    ("+ phrases for short interests (weight 0.3) = giftfind", {"phrase_weight": "0.3"}),
]
ABLATION = [
    ("giftfind defaults", {}),
    ("without stemming", {"stem": "false"}),
    ("without stop words", {"stopwords": "false"}),
    ("title counted once", {"title_weight": "1"}),
    ("title counts three times", {"title_weight": "3"}),
    ("k1 1.5 (as bm25s)", {"k1": "1.5"}),
    ("b 0.5", {"b": "0.5"}),
    ("without feedback", {"prf_docs": "0"}),
    ("feedback from 5 documents", {"prf_docs": "5"}),
    ("feedback from 20 documents", {"prf_docs": "20"}),
    ("feedback beta 0.2", {"prf_weight": "0.2"}),
    ("feedback beta 0.6", {"prf_weight": "0.6"}),
    ("without phrases", {"phrase_weight": "0"}),
    ("long queries match on 1 word", {"min_match_long": "1"}),
    ("long queries match on 3 words", {"min_match_long": "3"}),
]


def measure(c: relevance.Collection, overrides: dict[str, str]) -> dict[str, float]:
    relevance.OVERRIDES.clear()
    relevance.OVERRIDES.update(overrides)
    from giftfind import rank

    default_long = rank.MIN_MATCH_LONG
    try:
        return relevance.evaluate(relevance.run_giftfind(c), c)
    finally:
        rank.MIN_MATCH_LONG = default_long
        relevance.OVERRIDES.clear()


def row(label: str, m: dict[str, float], base: float) -> str:
    return (
        f"| {label} | {m['ndcg@10']:.4f} | {m['ndcg@10'] / base:.3f} | {m['map']:.4f} "
        f"| {m['p@5']:.4f} | {m['recall@100']:.4f} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("collections", nargs="+", type=Path, metavar="DIR")
    args = parser.parse_args()
    for directory in args.collections:
        c = relevance.load(directory)
        bm25 = relevance.evaluate(relevance.run_bm25(c), c)
        base = bm25["ndcg@10"]
        print(f"### {c.name} ({len(c.docs)} documents, {len(c.queries)} queries)\n")
        header = (
            "| configuration | nDCG@10 | vs BM25 | MAP | P@5 | R@100 |\n|---|---|---|---|---|---|"
        )
        print(header)
        print(row("BM25 (bm25s, Lucene, k1 1.5, b 0.75)", bm25, base))
        tfidf = relevance.evaluate(relevance.run_tfidf_default(c), c)
        print(row("scikit-learn TfidfVectorizer() defaults, cosine", tfidf, base))
        overrides: dict[str, str] = dict(BASE)
        for label, change in BUILD_UP:
            overrides.update(change)
            print(row(label, measure(c, dict(overrides)), base), flush=True)
        print()
        print(header)
        for label, change in ABLATION:
            print(row(label, measure(c, dict(change)), base), flush=True)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
