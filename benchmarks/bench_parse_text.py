"""parse_text speed over the BBC corpus (analyze=False), against a bare split baseline.

Run from the repository root: ``PYTHONPATH=src python benchmarks/bench_parse_text.py``.
Prints documents per second for parse_text and for a bare ``text.split("\\n\\n")`` pass
over the same texts, each the median of 3 rounds run in turn, and their ratio. The
machine's load moves absolute figures; the ratio is steadier.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from _shared import find_shared

from newsmodel import ParseOptions, parse_text

OPTIONS = ParseOptions(analyze=False)


def bare_split(texts: list[str]) -> None:
    for text in texts:
        [block.strip() for block in text.split("\n\n")]


def parse_all(texts: list[str]) -> None:
    for text in texts:
        parse_text(text, options=OPTIONS)


def timed(run, texts: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one pass (CPU time is steadier on a shared machine)."""
    wall, cpu = time.perf_counter(), time.process_time()
    run(texts)
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    corpus = find_shared("corpora", "bbc")
    if corpus is None:
        print("../shared/corpora/bbc is absent (set NEWSMODEL_SHARED)", file=sys.stderr)
        return 2
    texts = [p.read_bytes().decode("utf-8", "replace") for p in sorted(corpus.glob("*/*.txt"))]
    parse_all(texts[:200])  # warm up: regex compilation, data files
    ours: list[tuple[float, float]] = []
    base: list[tuple[float, float]] = []
    for _ in range(args.rounds):
        ours.append(timed(parse_all, texts))
        base.append(timed(bare_split, texts))
    n = len(texts)
    wall = statistics.median(w for w, _ in ours)
    cpu = statistics.median(c for _, c in ours)
    base_wall = statistics.median(w for w, _ in base)
    ratio = statistics.median(o[0] / b[0] for o, b in zip(ours, base, strict=True))
    print(f"documents: {n}, rounds: {args.rounds} (medians)")
    print(
        f"parse_text(analyze=False): {n / wall:,.0f} docs/s wall, {n / cpu:,.0f} docs/s CPU"
        f" ({wall * 1e3 / n:.3f} ms/doc wall)"
    )
    print(f"baseline [b.strip() for b in text.split('\\n\\n')]: {n / base_wall:,.0f} docs/s wall")
    print(f"ratio parse_text / baseline (wall): {ratio:.0f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
