"""Batch benchmark: ``giftfind batch`` on 200 rows against 200 separate searches.

    python benchmarks/batch.py [--articles N] [--rows N] [--runs N]

Builds (or reuses) the synthetic store of run.py (``benchmarks/.work/store-N``),
then, interleaved and ``--runs`` times each:

- **batch**: one ``giftfind batch ROWS.csv --offline`` process answering every row
  from one open index;
- **separate**: one ``giftfind --offline QUERY`` process per row, one after another
  (what a shell loop over the same file would do);

and, in this process, the same rows answered by ``core.search_response`` one at a
time (the index opened for each) against ``followup.batch`` (opened once), to
show what reusing the index saves apart from starting Python.

Every run uses queries no run has used before (a fresh word in each), so neither
the answer cache nor the result cache can answer. Prints a Markdown table; the
ratio is separate / batch (how many times faster the batch is). These machines
are shared and noisy: read the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run as bench  # noqa: E402  (run.py: the store builder and the process timer)

QUERIES = bench.QUERIES


def fresh_queries(rows: int) -> list[str]:
    """``rows`` queries no search has asked before (the caches persist between runs)."""
    token = time.time_ns()
    return [f"{QUERIES[n % len(QUERIES)]}, topic{token}x{n}" for n in range(rows)]


def write_rows(path: Path, queries: list[str]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "interests"])
        for n, q in enumerate(queries):
            writer.writerow([f"Interviewer {n}", q])
    return path


def time_batch(feeds: Path, rows_file: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(
        [bench.GIFTFIND, "batch", str(rows_file), "--feeds", str(feeds), "--offline"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"giftfind batch failed ({proc.returncode}): {proc.stderr[-500:]}")
    if len(proc.stdout.splitlines()) != sum(1 for _ in rows_file.open()) - 1:
        raise SystemExit("giftfind batch did not answer every row")
    return elapsed


def time_separate(feeds: Path, queries: list[str], env: dict[str, str]) -> float:
    total = 0.0
    for q in queries:
        seconds, _ = bench.run_once(
            [bench.GIFTFIND, "--feeds", str(feeds), "--offline", q], env=env
        )
        total += seconds
    return total


def time_in_process(feeds: Path, cache: Path, queries: list[str], kind: str) -> float:
    from giftfind import core, followup

    config = core.load(feeds, cache_dir=cache)
    start = time.perf_counter()
    if kind == "batch":
        rows = [followup.Row(line=n, name=f"I{n}", query=q) for n, q in enumerate(queries)]
        answered = sum(
            1 for _ in followup.batch(rows, config=config, cache_dir=cache, offline=True)
        )
    else:
        answered = 0
        for q in queries:
            core.search_response(q, config=config, cache_dir=cache, offline=True)
            answered += 1
    elapsed = time.perf_counter() - start
    assert answered == len(queries)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="store size (default 10k)")
    parser.add_argument("--rows", type=int, default=200, help="rows per batch (default 200)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each (default 3)")
    args = parser.parse_args()
    bench.WORK.mkdir(exist_ok=True)
    feeds, cache = bench.prepare_store(args.articles)
    env = bench.child_env()
    env["GIFTFIND_CACHE_DIR"] = str(cache)
    timings: dict[str, list[float]] = {
        "batch": [],
        "separate": [],
        "in-process batch": [],
        "in-process searches": [],
    }
    measures: dict[str, Callable[[list[str], Path], float]] = {
        "batch": lambda q, tmp: time_batch(feeds, write_rows(tmp / "rows.csv", q), env),
        "separate": lambda q, tmp: time_separate(feeds, q, env),
        "in-process batch": lambda q, tmp: time_in_process(feeds, cache, q, "batch"),
        "in-process searches": lambda q, tmp: time_in_process(feeds, cache, q, "searches"),
    }
    with tempfile.TemporaryDirectory() as tmp:
        # Warm up (bytecode, page cache, the index snapshot), then interleave.
        measures["batch"](fresh_queries(5), Path(tmp))
        measures["separate"](fresh_queries(2), Path(tmp))
        for n in range(args.runs):
            for label, measure in measures.items():
                timings[label].append(measure(fresh_queries(args.rows), Path(tmp)))
                print(
                    f"run {n + 1}: {label}: {timings[label][-1]:.2f} s",
                    file=sys.stderr,
                    flush=True,
                )
    print(report(timings, args))
    return 0


def cell(seconds: list[float]) -> str:
    return f"{statistics.median(seconds):.2f} s ({min(seconds):.2f}–{max(seconds):.2f})"


def report(timings: dict[str, list[float]], args: argparse.Namespace) -> str:
    def ratio(slow: str, fast: str) -> float:
        return statistics.median(timings[slow]) / statistics.median(timings[fast])

    per_row = statistics.median(timings["batch"]) / args.rows * 1000
    return "\n".join(
        [
            f"Batch of {args.rows} rows on {args.articles:,} articles, {args.runs} runs "
            "(median, min–max):",
            "",
            "| measured | time | against | time | ratio |",
            "|---|---|---|---|---|",
            f"| `giftfind batch` (one process) | {cell(timings['batch'])} "
            f"| {args.rows} `giftfind` processes | {cell(timings['separate'])} "
            f"| {ratio('separate', 'batch'):.1f}× faster |",
            f"| `followup.batch` (index opened once) | {cell(timings['in-process batch'])} "
            f"| {args.rows} `core.search_response` calls | {cell(timings['in-process searches'])} "
            f"| {ratio('in-process searches', 'in-process batch'):.1f}× faster |",
            "",
            f"The batch spends {per_row:.1f} ms per row.",
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
