"""Benchmark ``newsmodel convert`` on the BBC corpus (2,225 plain-text articles).

Measures, each as the median of --repeat runs of a fresh ``python -m newsmodel`` process:

- files/s converting the whole corpus to one JSON Lines file and to a NewsML-G2 folder,
  with ``--jobs 1`` and ``--jobs 2``, and the speed-up of two jobs over one;
- peak RSS (``ru_maxrss`` from ``os.wait4``: the largest of the process and its workers)
  for 500 files against all 2,225, to show that memory stays flat as the batch grows.

NewsML-G2 is skipped, with a note, while ``to_newsml`` is still a stub.

Wall-clock rates depend on idle cores: on a machine whose other work already keeps every
core busy, two jobs cannot beat one. The CPU seconds (process and workers) show the
pool's own overhead, which does not depend on the load.

Usage: PYTHONPATH=src python benchmarks/bench_cli.py [--corpus DIR] [--repeat N] [--no-analysis]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _shared import find_shared

ROOT = Path(__file__).resolve().parents[1]
SUMMARY = re.compile(r"converted (\d+) of (\d+) files(?:; (\d+) failed)?")


def newsml_ready() -> str | None:
    """None when to_newsml works, else why not."""
    sys.path.insert(0, str(ROOT / "src"))
    from newsmodel import NewsmodelError, parse_text, to_newsml

    try:
        to_newsml(parse_text("A headline\n\nA paragraph."))
    except NewsmodelError as err:
        return str(err)
    return None


def run(argv: list[str]) -> tuple[float, int, int, str, float]:
    """Run ``python -m newsmodel ARGV``: seconds, status, peak RSS in KiB, stderr, CPU seconds."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "newsmodel", *argv],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=env,
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        message = err.read().decode("utf-8", "replace")
    return elapsed, process.returncode, usage.ru_maxrss, message, usage.ru_utime + usage.ru_stime


def convert(
    files: list[str], target: str, jobs: int, extra: list[str]
) -> tuple[float, int, str, float]:
    """One conversion run into a fresh temporary place: seconds, peak RSS, summary, CPU seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / ("all.jsonl" if target == "jsonl" else "out")
        argv = ["convert", *files, "--to", target, "-o", str(out), "--jobs", str(jobs), *extra]
        elapsed, status, rss, err, cpu = run(argv)
    if status not in {0, 1}:
        msg = f"newsmodel exited {status}: {err[-2000:]}"
        raise SystemExit(msg)
    found = SUMMARY.search(err)
    return elapsed, rss, found.group(0) if found else "?", cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=find_shared("corpora", "bbc"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-analysis", action="store_true")
    parser.add_argument(
        "--part", choices=("all", "jsonl", "newsml", "rss"), default="all", help="run one part only"
    )
    args = parser.parse_args()
    if args.corpus is None or not args.corpus.is_dir():
        print("SKIP: the BBC corpus (../shared/corpora/bbc) is absent")
        return 0
    files = sorted(str(p) for p in args.corpus.rglob("*.txt"))
    extra = ["-q"] + (["--no-analysis"] if args.no_analysis else [])
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"corpus: {args.corpus} ({len(files)} files), {os.cpu_count()} CPUs, "
        f"load average {load}, median of {args.repeat}"
    )
    targets = [t for t in ("jsonl", "newsml") if args.part in {"all", t}]
    why_not = newsml_ready() if "newsml" in targets else None
    if why_not is not None:
        print(f"newsml: SKIPPED, to_newsml is not usable yet ({why_not})")
        targets.remove("newsml")
    for target in targets:
        rates = {}
        for jobs in (1, 2):
            runs = [convert(files, target, jobs, extra) for _ in range(args.repeat)]
            seconds = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[3] for r in runs)
            rates[jobs] = len(files) / seconds
            print(
                f"{target:6} --jobs {jobs}: {rates[jobs]:7.1f} files/s  "
                f"(median {seconds:.2f} s wall, {cpu:.2f} s CPU; {runs[0][2]})"
            )
        print(f"{target:6} speed-up, 2 jobs over 1: x{rates[2] / rates[1]:.2f}")
    for jobs in (1, 2) if args.part in {"all", "rss"} else ():
        peaks = {}
        for count in (500, len(files)):
            runs = [convert(files[:count], "jsonl", jobs, extra) for _ in range(args.repeat)]
            peaks[count] = statistics.median(r[1] for r in runs) / 1024
        small, full = peaks[500], peaks[len(files)]
        print(
            f"peak RSS --jobs {jobs}: {small:.1f} MiB for 500 files, "
            f"{full:.1f} MiB for {len(files)} (ratio {full / small:.2f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
