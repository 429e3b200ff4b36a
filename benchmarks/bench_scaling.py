"""Time and peak memory of hostile-size inputs at 1x, 2x, 4x and 8x, and the growth ratios.

8x is the size the robustness issue names (a 20 MB page, 5 MB of text with no newline,
HTML nested 100,000 deep, a 1 MB unclosed quotation, 10,000 paragraphs). Each run is a
fresh interpreter (tests/hostile/shapes.py), so the peak memory is its own. A ratio
near 2 per doubling is linear growth; near 4 is quadratic.

    python benchmarks/bench_scaling.py                  # every shape, analysis on
    python benchmarks/bench_scaling.py html-deep --no-analysis
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.hostile.shapes import SHAPES, run_shape

_SCALES = (1, 2, 4, 8)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shapes", nargs="*", help=f"default: all of {', '.join(SHAPES)}")
    parser.add_argument("--no-analysis", dest="analyze", action="store_false")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per run")
    args = parser.parse_args()
    unknown = [name for name in args.shapes if name not in SHAPES]
    if unknown:
        parser.error(f"unknown shapes: {', '.join(unknown)}")
    print(
        f"{'shape':24} {'scale':>5} {'size':>12} {'seconds':>9} {'peak MB':>8} {'extra MB':>9}  outcome"
    )
    for name in args.shapes or list(SHAPES):
        shape = SHAPES[name]
        times: list[float] = []
        memory: list[float] = []
        for scale in _SCALES:
            size = shape.full * scale // _SCALES[-1]
            try:
                figures = run_shape(name, size, analyze=args.analyze, timeout=args.timeout)
            except Exception as err:  # noqa: BLE001 - a benchmark reports, it does not stop
                print(f"{name:24} {scale:>4}x {size:>12,} {'-':>9} {'-':>8} {'-':>9}  {err}")
                break
            times.append(float(figures["seconds"]))
            memory.append(float(figures["extra_mb"]))
            print(
                f"{name:24} {scale:>4}x {size:>12,} {times[-1]:>9.2f} "
                f"{float(figures['peak_mb']):>8.0f} {memory[-1]:>9.1f}  {figures['outcome']}"
            )
        time_ratios = " ".join(f"{b / a:.2f}" for a, b in itertools.pairwise(times) if a > 0)
        mem_ratios = " ".join(f"{b / a:.2f}" for a, b in itertools.pairwise(memory) if a > 0)
        print(
            f"{name:24} growth per doubling: time {time_ratios or '-'}; extra memory {mem_ratios or '-'}"
        )
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
