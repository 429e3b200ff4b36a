"""Benchmark parse_html against a bare lxml parse over the AEB development pages.

Usage (from the repository root)::

    PYTHONPATH=src python benchmarks/bench_parse_html.py [--pages DIR] [--rounds N]

Prints pages per second for parse_html with the analysis on and off, and the ratio
to ``lxml.html.fromstring`` over the same pages. Each round times the two in turn
(A B A B ...) and the figures are medians over rounds, because absolute speed moves
with the machine's load and the ratio much less.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from _shared import SHARED

if TYPE_CHECKING:
    from collections.abc import Callable

DEFAULT_PAGES = SHARED / "corpora" / "aeb-dev" / "pages"
"""The AEB pages in ../shared beside the checkout (or $NEWSMODEL_SHARED)."""


def read_pages(folder: Path) -> list[bytes]:
    out = []
    for path in sorted(folder.iterdir()):
        data = path.read_bytes()
        out.append(gzip.decompress(data) if path.suffix == ".gz" else data)
    return out


def timed(run: Callable[[], None]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    if not args.pages.is_dir():
        print(f"no pages at {args.pages}", file=sys.stderr)
        return 1

    import lxml.html

    from newsmodel import ParseOptions, parse_html

    docs = read_pages(args.pages)
    variants = {
        "analysis on": ParseOptions(),
        "analysis off": ParseOptions(analyze=False),
    }

    def floor() -> None:
        for html in docs:
            lxml.html.fromstring(html)

    for name, options in variants.items():

        def ours(options: ParseOptions = options) -> None:
            for html in docs:
                parse_html(html, options=options)

        ours()
        floor()  # warm-up
        ratios, ours_s, floor_s = [], [], []
        for _ in range(args.rounds):
            a, b = timed(ours), timed(floor)
            ours_s.append(a)
            floor_s.append(b)
            ratios.append(a / b)
        t_ours, t_floor = statistics.median(ours_s), statistics.median(floor_s)
        print(
            f"{name}: {len(docs) / t_ours:.1f} pages/s "
            f"(lxml parse {len(docs) / t_floor:.1f} pages/s), "
            f"ratio to lxml parse {statistics.median(ratios):.2f} "
            f"[{len(docs)} pages, {args.rounds} rounds]"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
