"""Check that a change keeps every Article the same: one digest per corpus document.

``--save FILE`` stores, for every page of aeb-dev and meta-dev (parse_html) and every
BBC and PolNeAR text (parse_text), a digest of ``to_json`` of the Article with default
options (``now`` fixed); ``--check FILE`` recomputes them and lists the documents that
differ or raise. Use it for speed work (the output must not move) and to compare the
compiled build with the pure-Python one (run it once with each on ``sys.path``).

Usage: python benchmarks/output_regression.py (--save FILE | --check FILE)
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from _shared import SHARED

import newsmodel
from newsmodel._build import build_name
from newsmodel.options import ParseOptions

OPTIONS = ParseOptions(now=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))


def documents(shared: Path) -> Iterator[tuple[str, str, bytes | str]]:
    """(key, kind, content) for every document of the corpora, in a fixed order."""
    for corpus in ("aeb-dev", "meta-dev"):
        for path in sorted((shared / "corpora" / corpus / "pages").iterdir()):
            data = path.read_bytes()
            yield (
                f"{corpus}/{path.name}",
                "html",
                gzip.decompress(data) if path.suffix == ".gz" else data,
            )
    bbc = shared / "corpora" / "bbc"
    for path in sorted(bbc.rglob("*.txt")):
        yield (
            f"bbc/{path.relative_to(bbc).as_posix()}",
            "text",
            path.read_text(encoding="utf-8", errors="replace"),
        )
    with (shared / "corpora" / "polnear" / "train.jsonl").open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            yield f"polnear/{number}", "text", json.loads(line).get("text") or ""


def digest(kind: str, content: bytes | str) -> str:
    try:
        if kind == "html":
            article = newsmodel.parse_html(content, options=OPTIONS)
        else:
            assert isinstance(content, str)
            article = newsmodel.parse_text(content, options=OPTIONS)
    except Exception as err:  # noqa: BLE001 (a raise is an output too: recorded and compared)
        return f"raised {type(err).__name__}: {err}"
    return hashlib.sha1(newsmodel.to_json(article).encode()).hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path)
    group.add_argument("--check", type=Path)
    args = ap.parse_args()
    if not (SHARED / "corpora").exists():
        print(f"no corpora at {SHARED}: set NEWSMODEL_SHARED")
        return 2
    start = time.process_time()
    found = {key: digest(kind, content) for key, kind, content in documents(SHARED)}
    seconds = time.process_time() - start
    print(f"{len(found)} documents, {seconds:.1f} s CPU, newsmodel {build_name()}")
    if args.save:
        args.save.write_text(json.dumps(found, indent=0), encoding="utf-8")
        return 0
    before = json.loads(args.check.read_text(encoding="utf-8"))
    changed = sorted(k for k in before.keys() | found.keys() if before.get(k) != found.get(k))
    for key in changed[:30]:
        print(f"changed: {key} {before.get(key, '-')[:50]} -> {found.get(key, '-')[:50]}")
    print(f"{len(changed)} of {len(found)} documents changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
