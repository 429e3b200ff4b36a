"""Check that a change to the metadata cascade keeps its output, and time it.

``--save FILE`` stores every page's :class:`Metadata` (as JSON) from the current code;
``--check FILE`` compares against a stored run and lists the pages that differ.
Both print the metadata pass's CPU time per page and its ratio to a bare
``lxml.html.document_fromstring`` of the same pages, measured in the same run.

Usage: PYTHONPATH=src python benchmarks/meta_regression.py --pages DIR [--truth FILE]
       (--save FILE | --check FILE) [--profile N] [--rounds N]
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import attrs
import lxml.html

from newsmodel.extract.meta import Metadata, extract_metadata
from newsmodel.options import ParseOptions
from newsmodel.parse._decode import decode_html
from newsmodel.parse.html import _new_parser

_OPTIONS = ParseOptions()


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def _plain(meta: Metadata) -> dict[str, Any]:
    return json.loads(json.dumps(attrs.asdict(meta), default=str))


def main(argv: list[str] | None = None) -> int:
    """Run the comparison and the timing; return 1 when a page's metadata changed."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pages", type=Path, required=True)
    ap.add_argument("--truth", type=Path)
    ap.add_argument("--save", type=Path)
    ap.add_argument("--check", type=Path)
    ap.add_argument("--profile", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=1, help="timing rounds; medians are printed")
    args = ap.parse_args(argv)
    urls: dict[str, str | None] = {}
    if args.truth:
        urls = {k: v.get("url") for k, v in json.loads(args.truth.read_text()).items()}
    pages = sorted(args.pages.iterdir())
    docs = [(p.name.split(".")[0], decode_html(_read(p)).data) for p in pages]
    out: dict[str, Any] = {}
    profiler = cProfile.Profile() if args.profile else None
    profiled = profiler
    rounds: list[tuple[float, float]] = []
    for _ in range(args.rounds):
        parse_cpu = meta_cpu = 0.0
        for key, data in docs:
            t0 = time.process_time()
            lxml.html.document_fromstring(data)
            t1 = time.process_time()
            root = lxml.html.document_fromstring(data, parser=_new_parser())
            t2 = time.process_time()
            if profiler:
                profiler.enable()
            meta = extract_metadata(root, url=urls.get(key), options=_OPTIONS)
            if profiler:
                profiler.disable()
            t3 = time.process_time()
            parse_cpu += t1 - t0
            meta_cpu += t3 - t2
            out[key] = _plain(meta)
        rounds.append((parse_cpu, meta_cpu))
        profiler = None  # profile the first round only
    n = len(docs)
    parse_cpu = statistics.median(r[0] for r in rounds)
    meta_cpu = statistics.median(r[1] for r in rounds)
    ratio = statistics.median(r[1] / r[0] for r in rounds)
    sys.stdout.write(
        f"pages {n}: lxml parse {1000 * parse_cpu / n:.2f} ms/page, metadata "
        f"{1000 * meta_cpu / n:.2f} ms/page, ratio {ratio:.2f}"
        + (f" (medians of {len(rounds)} rounds)" if len(rounds) > 1 else "")
        + "\n"
    )
    if profiled:
        pstats.Stats(profiled).sort_stats("cumulative").print_stats(args.profile)
    if args.save:
        args.save.write_text(json.dumps(out, indent=0, sort_keys=True))
    if args.check:
        old = json.loads(args.check.read_text())
        changed = [k for k in sorted(out) if old.get(k) != out[k]]
        for key in changed[:20]:
            diff = {
                f: (old[key].get(f), out[key][f])
                for f in out[key]
                if old[key].get(f) != out[key][f]
            }
            sys.stdout.write(f"changed {key}: {json.dumps(diff, default=str)[:400]}\n")
        sys.stdout.write(f"{len(changed)} page(s) changed\n")
        return 1 if changed else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
