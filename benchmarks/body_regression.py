"""Check that a change to the body finder keeps its output, and time it against lxml.

``--save FILE`` stores the paragraphs :func:`extract_body` finds on every page of the
corpora (after the metadata pass, as in parse_html); ``--check FILE`` compares a new
run with them and lists the pages that differ. ``--rounds N`` times extract_body
(CPU, each page parsed just before, so its tree is warm as in parse_html) against a
bare ``lxml.html.fromstring`` of the same pages, N rounds in turn, and prints the
median ratio (the machine is shared: compare ratios measured in the same run).

Usage: PYTHONPATH=src python benchmarks/body_regression.py [--corpus DIR ...]
       [--save FILE | --check FILE] [--rounds N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

import lxml.html
from _shared import SHARED

from newsmodel.extract.body import extract_body
from newsmodel.extract.meta import extract_metadata
from newsmodel.options import DEFAULT_OPTIONS
from newsmodel.parse._decode import decode_html
from newsmodel.parse.html import _parse_tree


def read_pages(corpus: Path) -> dict[str, bytes]:
    """The raw pages of *corpus* (a folder with pages/), keyed ``corpus-name/page-key``."""
    out: dict[str, bytes] = {}
    for path in sorted((corpus / "pages").iterdir()):
        data = path.read_bytes()
        out[f"{corpus.name}/{path.name.split('.')[0]}"] = (
            gzip.decompress(data) if path.suffix == ".gz" else data
        )
    return out


def bodies(pages: dict[str, bytes]) -> dict[str, list[str]]:
    """Every page's body, found after the metadata pass."""
    out: dict[str, list[str]] = {}
    for key, raw in pages.items():
        root, _ = _parse_tree(decode_html(raw).data)
        extract_metadata(root, url=None, options=DEFAULT_OPTIONS)
        out[key] = list(extract_body(root))
    return out


def timing(pages: dict[str, bytes], rounds: int) -> str:
    """extract_body CPU per page against the bare lxml parse, medians of *rounds*."""
    raws = list(pages.values())
    decoded = [decode_html(raw).data for raw in raws]
    body_cpu: list[float] = []
    lxml_cpu: list[float] = []
    for _ in range(rounds):
        spent = 0.0
        for data in decoded:
            root, _ = _parse_tree(data)
            start = time.process_time()
            extract_body(root)
            spent += time.process_time() - start
        body_cpu.append(spent)
        start = time.process_time()
        for raw in raws:
            lxml.html.fromstring(raw)
        lxml_cpu.append(time.process_time() - start)
    ratios = [b / p for b, p in zip(body_cpu, lxml_cpu, strict=True)]
    per_page = 1000 / len(raws)
    return (
        f"extract_body {statistics.median(body_cpu) * per_page:.2f} ms/page, "
        f"lxml parse {statistics.median(lxml_cpu) * per_page:.2f} ms/page, "
        f"ratio {statistics.median(ratios):.2f} (rounds: {', '.join(f'{r:.2f}' for r in ratios)})"
    )


def main(argv: list[str] | None = None) -> int:
    """Save, check and/or time; return 1 when a page's body changed."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--corpus",
        type=Path,
        action="append",
        help="corpus folders (default: aeb-dev and meta-dev)",
    )
    ap.add_argument("--save", type=Path)
    ap.add_argument("--check", type=Path)
    ap.add_argument("--rounds", type=int, default=0, help="timing rounds (0: no timing)")
    args = ap.parse_args(argv)
    corpora = args.corpus or [SHARED / "corpora" / "aeb-dev", SHARED / "corpora" / "meta-dev"]
    pages: dict[str, bytes] = {}
    for corpus in corpora:
        pages.update(read_pages(corpus))
    status = 0
    if args.save or args.check:
        found = bodies(pages)
        if args.save:
            args.save.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
            print(f"saved {len(found)} bodies to {args.save}")
        if args.check:
            stored = json.loads(args.check.read_text(encoding="utf-8"))
            changed = [key for key in stored if stored[key] != found.get(key)]
            print(f"{len(changed)} of {len(stored)} bodies changed")
            for key in changed[:40]:
                print(f"  {key}")
            status = 1 if changed else 0
    if args.rounds:
        first = {k: v for k, v in pages.items() if k.startswith(corpora[0].name + "/")}
        print(f"{corpora[0].name}: {timing(first, args.rounds)}")
    return status


if __name__ == "__main__":
    sys.exit(main())
