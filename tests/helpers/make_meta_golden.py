"""Write (or rewrite) the golden metadata of real meta-dev pages: tests/data/golden/meta/<key>.json.

Each file records what newsmodel.parse_html gives for one page of ../shared/corpora/meta-dev:
headline, author names and the publication date with its zone. The files are checked
by eye against the page (and the corpus's own truth) before they are committed; after a
change to the metadata cascade, rerun this script and review ``git diff`` page by page.

Usage (from the repository root):
    PYTHONPATH=src python tests/helpers/make_meta_golden.py            # refresh existing files
    PYTHONPATH=src python tests/helpers/make_meta_golden.py --pick 36  # choose pages afresh

``--pick N`` takes N pages, in key order, where the result agrees with the corpus truth
(headline, author set and day), a third of them without authors; review them all.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import sys
from pathlib import Path

import newsmodel
from newsmodel.options import ParseOptions

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "data" / "golden" / "meta"
SHARED = Path(os.environ.get("NEWSMODEL_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpora" / "meta-dev"
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def record(key: str, url: str) -> dict[str, object]:
    """What parse_html gives for one page."""
    raw = gzip.decompress((CORPUS / "pages" / f"{key}.html.gz").read_bytes())
    article = newsmodel.parse_html(raw, url=url, options=ParseOptions(analyze=False, now=NOW))
    return {
        "url": url,
        "headline": article.headline,
        "authors": [a.name for a in article.authors],
        "published": article.published.isoformat() if article.published else None,
    }


def agrees(got: dict[str, object], truth: dict[str, object]) -> bool:
    """Whether the result matches the corpus truth on all three fields."""
    published = got["published"]
    return (
        " ".join(str(got["headline"]).split()).casefold()
        == " ".join(str(truth.get("headline") or "").split()).casefold()
        and {str(a).casefold() for a in got["authors"]}  # type: ignore[attr-defined]
        == {str(a).casefold() for a in truth.get("authors") or []}  # type: ignore[attr-defined]
        and isinstance(published, str)
        and published[:10] == str(truth.get("published") or "")[:10]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pick", type=int, default=0, help="choose this many pages afresh")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"no corpus at {CORPUS}; set NEWSMODEL_SHARED", file=sys.stderr)
        return 1
    truth = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))
    if args.pick:
        keys: list[str] = []
        without = 0
        for key in sorted(truth):
            if len(keys) >= args.pick:
                break
            got = record(key, truth[key]["url"])
            no_authors = not got["authors"]
            if agrees(got, truth[key]) and (not no_authors or without < args.pick // 3):
                keys.append(key)
                without += no_authors
    else:
        keys = sorted(p.stem for p in OUT.glob("*.json"))
    OUT.mkdir(parents=True, exist_ok=True)
    for key in keys:
        text = json.dumps(record(key, truth[key]["url"]), indent=2, ensure_ascii=False) + "\n"
        (OUT / f"{key}.json").write_text(text, encoding="utf-8")
    print(f"wrote {len(keys)} files to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
