"""Regenerate the golden body files in tests/data/golden/body/ from the shared corpora.

Run from the repository root: ``PYTHONPATH=src python tests/regen_golden_body.py``
(with ``NEWSMODEL_SHARED=/path/to/shared`` when ../shared is not beside the checkout).

Each file records, for one real page, the first and the last sentence of the body
parse_html finds and a few snippets of page furniture that must stay out. The
pages are chosen where our body agrees with the human truth (the first and last
sentences of the AEB article body, or all of the meta-dev must/must-not snippets),
so a regeneration that changes a file is a behaviour change to review in the diff,
never to accept blindly. Files are only rewritten for keys already present unless
``--pick N`` asks for new pages.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSMODEL_SHARED", ROOT.parent / "shared")) / "corpora"
GOLDEN = ROOT / "tests" / "data" / "golden" / "body"
REJECTED = frozenset(
    {
        # Reviewed by eye and left out: the body agrees with the snippets of the truth
        # but starts or ends with furniture (a feedback prompt, "Anzeige:", a photo
        # credit, a form link, a sponsoring disclaimer, a company boilerplate).
        "meta-001f43cb87b4416b",
        "meta-004a60e635d2c0bd",
        "meta-017a3f641b32bfb9",
        "meta-0221ea5395ec4e8d",
        "meta-036cab412a0856fc",
        "meta-04bfdf1d565e79af",
    }
)
SENTENCE = re.compile(r"(?<=[.!?…])\s+")


def read_page(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def pages(corpus: str) -> dict[str, Path]:
    return {p.name.split(".")[0]: p for p in (SHARED / corpus / "pages").iterdir()}


def first_sentence(paragraph: str) -> str:
    return SENTENCE.split(paragraph)[0][:160]


def last_sentence(paragraph: str) -> str:
    return SENTENCE.split(paragraph)[-1][-160:]


def norm(text: str) -> str:
    return " ".join(text.split()).lower()


def record(corpus: str, key: str, truth: dict[str, object]) -> dict[str, object] | None:
    from newsmodel import ParseOptions, parse_html

    article = parse_html(
        read_page(pages(corpus)[key]),
        url=str(truth.get("url") or "") or None,
        options=ParseOptions(analyze=False),
    )
    if not article.paragraphs:
        return None
    first, last = first_sentence(article.paragraphs[0]), last_sentence(article.paragraphs[-1])
    text = norm(article.text)
    if corpus == "aeb-dev":
        body = str(truth["articleBody"])
        if norm(first) not in norm(body) or norm(last) not in norm(body):
            return None
        must_not = furniture_snippets(corpus, key, body)
    else:
        must = [str(s) for s in truth.get("must_contain") or []]  # type: ignore[attr-defined]
        must_not = [str(s) for s in truth.get("must_not_contain") or []]  # type: ignore[attr-defined]
        if any(norm(s) not in text for s in must) or any(norm(s) in text for s in must_not):
            return None
    must_not = [s for s in must_not if norm(s) not in text][:3]
    return {
        "corpus": corpus,
        "key": key,
        "url": truth.get("url"),
        "first": first,
        "last": last,
        "paragraphs_at_least": max(1, len(article.paragraphs) // 2),
        "must_not_contain": must_not,
    }


def furniture_snippets(corpus: str, key: str, body: str) -> list[str]:
    """Short link texts of the page (menus, footers) that the true body does not hold."""
    import lxml.html

    from newsmodel.parse._decode import decode_html

    data = decode_html(read_page(pages(corpus)[key])).data
    root = lxml.html.document_fromstring(data, parser=lxml.html.HTMLParser(encoding="utf-8"))
    seen: list[str] = []
    wanted = norm(body)
    for link in root.iter("a"):
        text = " ".join(link.text_content().split())
        if 12 <= len(text) <= 60 and norm(text) not in wanted and text not in seen:
            seen.append(text)
    return seen[:6]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pick", type=int, default=0, help="add up to N new pages per corpus")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"no corpora at {SHARED}", file=sys.stderr)
        return 1
    GOLDEN.mkdir(parents=True, exist_ok=True)
    existing = {p.stem for p in GOLDEN.glob("*.json")}
    for corpus in ("aeb-dev", "meta-dev"):
        truth = json.loads((SHARED / corpus / "truth.json").read_text(encoding="utf-8"))
        added = 0
        for key in sorted(truth):
            name = f"{corpus.split('-')[0]}-{key[:16]}"
            if name in REJECTED or (name not in existing and added >= args.pick):
                continue
            entry = record(corpus, key, truth[key])
            if entry is None:
                if name in existing:
                    print(f"{name}: no longer agrees with the truth; file left as it was")
                continue
            if name not in existing:
                added += 1
            out = GOLDEN / f"{name}.json"
            out.write_text(json.dumps(entry, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
