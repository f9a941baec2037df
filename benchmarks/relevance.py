"""Relevance benchmark: how well giftfind ranks, against TF-IDF and BM25 baselines.

    python benchmarks/relevance.py DIR [DIR ...] [--json] [--systems giftfind,bm25]

Each DIR is a judged collection: ``docs.jsonl`` (id, title, text),
``queries.jsonl`` (id, text) and ``qrels.tsv`` (query id, doc id, relevance);
the format of ``../shared/eval/``. For each collection it prints nDCG@10, MAP
(cut at 1000), P@5 and Recall@100 for:

- ``giftfind``: the ranking code the command line uses (``giftfind.index_articles``
  and ``Searcher.search``: same analyzer, weights and feedback), the documents
  given as articles (title, summary = text) and each query as the search text;
- ``tfidf-default``: scikit-learn ``TfidfVectorizer()`` and cosine similarity;
- ``bm25``: ``bm25s`` (Lucene variant, k1 = 1.5, b = 0.75, English stop words,
  Snowball stemmer).

Metrics follow trec_eval: graded nDCG with linear gains and log2 discounts,
relevance >= 1 counts as relevant, unjudged documents are not relevant.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

SYSTEMS = ("giftfind", "tfidf-default", "bm25")
DEPTH = 1000

Run = dict[str, list[str]]  # query id -> doc ids, best first


@dataclass(frozen=True)
class Collection:
    name: str
    docs: list[dict[str, str]]
    queries: list[dict[str, str]]
    qrels: dict[str, dict[str, int]]


def load(directory: Path) -> Collection:
    docs = [json.loads(line) for line in (directory / "docs.jsonl").open(encoding="utf-8")]
    queries = [json.loads(line) for line in (directory / "queries.jsonl").open(encoding="utf-8")]
    qrels: dict[str, dict[str, int]] = {}
    for line in (directory / "qrels.tsv").open(encoding="utf-8"):
        if line.strip():
            qid, did, rel = line.split("\t")[:3]
            qrels.setdefault(qid, {})[did] = int(rel)
    queries = [q for q in queries if q["id"] in qrels]
    return Collection(directory.resolve().name, docs, queries, qrels)


# -- metrics -------------------------------------------------------------------------


def ndcg(ranked: Sequence[str], judged: Mapping[str, int], k: int = 10) -> float:
    gains = [judged.get(d, 0) for d in ranked[:k]]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains) if g > 0)
    ideal = sorted((g for g in judged.values() if g > 0), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def average_precision(ranked: Sequence[str], judged: Mapping[str, int]) -> float:
    relevant = {d for d, g in judged.items() if g > 0}
    if not relevant:
        return 0.0
    hits = 0
    total = 0.0
    for i, d in enumerate(ranked[:DEPTH]):
        if d in relevant:
            hits += 1
            total += hits / (i + 1)
    return total / len(relevant)


def precision(ranked: Sequence[str], judged: Mapping[str, int], k: int) -> float:
    return sum(1 for d in ranked[:k] if judged.get(d, 0) > 0) / k


def recall(ranked: Sequence[str], judged: Mapping[str, int], k: int) -> float:
    relevant = {d for d, g in judged.items() if g > 0}
    return len(relevant & set(ranked[:k])) / len(relevant) if relevant else 0.0


def evaluate(run: Run, c: Collection) -> dict[str, float]:
    n = len(c.queries)
    sums = {"ndcg@10": 0.0, "map": 0.0, "p@5": 0.0, "recall@100": 0.0}
    for q in c.queries:
        ranked = run.get(q["id"], [])
        judged = c.qrels[q["id"]]
        sums["ndcg@10"] += ndcg(ranked, judged)
        sums["map"] += average_precision(ranked, judged)
        sums["p@5"] += precision(ranked, judged, 5)
        sums["recall@100"] += recall(ranked, judged, 100)
    return {k: v / n for k, v in sums.items()}


# -- systems -------------------------------------------------------------------------


#: Overrides of giftfind's ranking parameters (--param name=value), for lever experiments.
OVERRIDES: dict[str, str] = {}


def _params() -> object:
    import dataclasses

    from giftfind.index import Params

    values: dict[str, object] = {}
    for f in dataclasses.fields(Params):
        if f.name in OVERRIDES:
            raw = OVERRIDES[f.name]
            default = f.default
            if isinstance(default, bool):
                values[f.name] = raw.lower() in ("1", "true", "yes", "on")
            elif isinstance(default, int):
                values[f.name] = int(raw)
            elif isinstance(default, float):
                values[f.name] = float(raw)
            else:
                values[f.name] = raw
    unknown = set(OVERRIDES) - {f.name for f in dataclasses.fields(Params)} - {"min_match_long"}
    if unknown:
        raise SystemExit(f"unknown --param: {', '.join(sorted(unknown))}")
    return Params(**values)


def run_giftfind(c: Collection) -> Run:
    import giftfind
    from giftfind import rank
    from giftfind.types import Article

    if "min_match_long" in OVERRIDES:
        rank.MIN_MATCH_LONG = int(OVERRIDES["min_match_long"])

    articles = [
        Article(
            id=d["id"],
            feed=c.name,
            title=d.get("title") or "",
            link="",
            published=None,
            summary=d.get("text") or "",
        )
        for d in c.docs
    ]
    run: Run = {}
    with (
        tempfile.TemporaryDirectory() as tmp,
        giftfind.index_articles(articles, tmp, params=_params()) as searcher,
    ):
        for q in c.queries:
            # partial=True: after the real matches, the articles holding only some
            # of the query's words, in score order, so the ranking reaches the same
            # depth as the baselines'. The order of the real matches is the CLI's.
            hits = searcher.search(q["text"], limit=DEPTH, partial=True)
            run[q["id"]] = [r.id for r in hits]
    return run


def run_tfidf_default(c: Collection) -> Run:
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer()
    matrix = vectorizer.fit_transform([f"{d.get('title', '')} {d.get('text', '')}" for d in c.docs])
    ids = [d["id"] for d in c.docs]
    run: Run = {}
    for q in c.queries:
        scores = (matrix @ vectorizer.transform([q["text"]]).T).toarray().ravel()
        order = np.argsort(-scores, kind="stable")[:DEPTH]
        run[q["id"]] = [ids[i] for i in order if scores[i] > 0]
    return run


def run_bm25(c: Collection) -> Run:
    import bm25s
    import Stemmer

    stemmer = Stemmer.Stemmer("english")
    corpus = [f"{d.get('title', '')} {d.get('text', '')}" for d in c.docs]
    tokens = bm25s.tokenize(corpus, stopwords="en", stemmer=stemmer, show_progress=False)
    retriever = bm25s.BM25(method="lucene", k1=1.5, b=0.75)
    retriever.index(tokens, show_progress=False)
    ids = [d["id"] for d in c.docs]
    run: Run = {}
    k = min(DEPTH, len(ids))
    for q in c.queries:
        qt = bm25s.tokenize([q["text"]], stopwords="en", stemmer=stemmer, show_progress=False)
        if not qt.vocab:
            run[q["id"]] = []
            continue
        docs, scores = retriever.retrieve(qt, k=k, show_progress=False)
        run[q["id"]] = [ids[int(i)] for i, s in zip(docs[0], scores[0], strict=True) if s > 0]
    return run


RUNNERS: dict[str, Callable[[Collection], Run]] = {
    "giftfind": run_giftfind,
    "tfidf-default": run_tfidf_default,
    "bm25": run_bm25,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("collections", nargs="+", type=Path, metavar="DIR")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument(
        "--systems",
        default=",".join(SYSTEMS),
        help=f"comma-separated, from: {', '.join(SYSTEMS)} (default: all)",
    )
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a giftfind ranking parameter (giftfind.index.Params), for experiments",
    )
    args = parser.parse_args(argv)
    for item in args.param:
        name, _, value = item.partition("=")
        OVERRIDES[name.strip()] = value.strip()
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = [s for s in systems if s not in RUNNERS]
    if unknown:
        parser.error(f"unknown system(s): {', '.join(unknown)}")

    out: dict[str, dict[str, dict[str, float]]] = {}
    for directory in args.collections:
        c = load(directory)
        out[c.name] = {}
        for system in systems:
            start = time.perf_counter()
            metrics = evaluate(RUNNERS[system](c), c)
            metrics["seconds"] = round(time.perf_counter() - start, 2)
            out[c.name][system] = metrics
        if not args.json:
            print(_table(c, out[c.name]))
    if args.json:
        clean = {
            name: {
                s: {k: round(v, 4) for k, v in m.items() if k != "seconds"} for s, m in r.items()
            }
            for name, r in out.items()
        }
        json.dump({"collections": clean}, sys.stdout, indent=2)
        print()
    return 0


def _table(c: Collection, results: Mapping[str, Mapping[str, float]]) -> str:
    base = results.get("bm25", {}).get("ndcg@10")
    lines = [
        f"{c.name}: {len(c.docs)} documents, {len(c.queries)} judged queries",
        f"{'system':<15}{'nDCG@10':>9}{'MAP':>8}{'P@5':>8}{'R@100':>8}{'vs bm25':>9}{'time':>8}",
    ]
    for system, m in results.items():
        ratio = f"{m['ndcg@10'] / base:.3f}" if base else "-"
        lines.append(
            f"{system:<15}{m['ndcg@10']:>9.4f}{m['map']:>8.4f}{m['p@5']:>8.4f}"
            f"{m['recall@100']:>8.4f}{ratio:>9}{m['seconds']:>7.1f}s"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
