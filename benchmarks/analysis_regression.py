"""Regression guard for the who-said-what analysis: per-document output digests.

Run from the repository root::

    PYTHONPATH=src python benchmarks/analysis_regression.py            # write baseline
    PYTHONPATH=src python benchmarks/analysis_regression.py --check    # compare

For every PolNeAR training text and every BBC file it hashes
``to_json(parse_text(text))`` (default options, analysis on) and stores the
digests in a JSON file outside the repository (``--baseline``, default
``/work/perf-baseline.json``). ``--check`` recomputes them and lists the
documents whose output changed; it exits 1 when any did. It also prints the
CPU milliseconds per PolNeAR document (``time.process_time``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

from _shared import find_shared

from newsmodel import parse_text
from newsmodel.serialize.json import to_json


def decode(raw: bytes) -> str:
    """UTF-8, falling back to cp1252 as the BBC files need."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def load_texts(shared: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(name, text) pairs for PolNeAR train and for BBC."""
    polnear = []
    with (shared / "corpora" / "polnear" / "train.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            polnear.append((f"polnear/{doc['doc_id']}", doc["text"]))
    bbc_root = shared / "corpora" / "bbc"
    bbc = [
        (f"bbc/{path.relative_to(bbc_root)}", decode(path.read_bytes()))
        for path in sorted(bbc_root.glob("*/*.txt"))
    ]
    return polnear, bbc


def digest(text: str) -> str:
    """Hash of the JSON of the parsed article."""
    return hashlib.sha256(to_json(parse_text(text)).encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    """Write or check the baseline digests."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare against the baseline")
    parser.add_argument("--baseline", type=Path, default=Path("/work/perf-baseline.json"))
    args = parser.parse_args(argv)
    shared = find_shared()
    if shared is None:
        print("../shared/corpora is absent (set NEWSMODEL_SHARED)", file=sys.stderr)
        return 2
    polnear, bbc = load_texts(shared)
    start = time.process_time()
    digests = {name: digest(text) for name, text in polnear}
    cpu = time.process_time() - start
    digests.update({name: digest(text) for name, text in bbc})
    print(f"PolNeAR: {1000 * cpu / len(polnear):.2f} ms CPU/doc over {len(polnear)} docs")
    if not args.check:
        args.baseline.write_text(json.dumps(digests, indent=0, sort_keys=True), encoding="utf-8")
        print(f"wrote {len(digests)} digests to {args.baseline}")
        return 0
    baseline = json.loads(args.baseline.read_text(encoding="utf-8"))
    changed = sorted(name for name in baseline if digests.get(name) != baseline[name])
    for name in changed:
        print("changed:", name)
    print(f"{len(changed)} of {len(baseline)} documents changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
