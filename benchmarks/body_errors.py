"""Why body snippets are missed or leaked: an error report for the HTML body finder.

Runs the body finder of :func:`newsmodel.parse_html` (analysis off) over a corpus
with must/must-not snippets (meta-dev shape) and prints, per failing page, each
missing ``must_contain`` snippet with the cause and the tag/class path of the
element that holds it, and each leaked ``must_not_contain`` snippet with the path
of the block it came from. A summary groups the failures by cause. It scores like
../shared/eval/score_metadata.py (snippets matched in the lower-cased text with
whitespace collapsed).

Causes of a miss:
  removed   the snippet is only in a subtree removed before the walk (script, style...)
  skipped   the walk skipped it (a furniture tag, a hidden element, a class-marked inline one)
  split     the blocks hold it, but not in one piece (spans blocks that are not adjacent)
  marked    its block is inside class-marked furniture (the mark is printed)
  links     its block is link-heavy
  outside   its block is outside the region; ``up=N`` is how many levels above the
            chosen container the snippet and the container meet
  trimmed   its block is in the region but a later step dropped it (scraps, headings)
  nobody    no container was chosen

Usage: python benchmarks/body_errors.py [--corpus DIR] [--show N] [--key KEY] [--leaks]
"""

# ruff: noqa: SLF001  (a diagnostic of the body finder reads its internal steps)
from __future__ import annotations

import argparse
import copy
import gzip
import json
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from _shared import SHARED

from newsmodel.extract import body
from newsmodel.parse._decode import decode_html
from newsmodel.parse.html import _parse_tree

if TYPE_CHECKING:
    from lxml.html import HtmlElement


def norm(text: str) -> str:
    """Lower case, whitespace collapsed: the scorer's comparison form."""
    return " ".join(text.split()).lower()


def label(element: HtmlElement) -> str:
    """``tag.class#id`` of one element, class and id shortened."""
    out = str(element.tag)
    cls = (element.get("class") or "").split()
    if cls:
        out += "." + ".".join(c[:24] for c in cls[:3])
    ident = element.get("id")
    if ident:
        out += "#" + ident[:24]
    return out


def path(element: HtmlElement, depth: int = 6) -> str:
    """The last *depth* labels from the root down to *element*."""
    labels = [label(e) for e in [element, *element.iterancestors()]]
    labels.reverse()
    return " > ".join(labels[-depth:])


def holder(root: HtmlElement, snippet: str) -> HtmlElement | None:
    """The deepest element whose text contains *snippet* (in the page's body if it is there)."""
    node = next(root.iter("body"), root)
    if snippet not in norm(node.text_content()):
        node = root
        if snippet not in norm(root.text_content()):
            return None
    while True:
        for child in node:
            if isinstance(child.tag, str) and snippet in norm(child.text_content()):
                node = child
                break
        else:
            return node


def block_of(page: body.Page, snippet: str) -> int:
    """The index of the first block holding *snippet* in one piece, or -1."""
    for index, block in enumerate(page.blocks):
        if snippet in block.text.lower():
            return index
    return -1


def meet(page: body.Page, element: int, best: int) -> int:
    """How many levels above *best* its ancestor chain meets *element*'s."""
    up, node = 0, best
    while node >= 0 and not page.contains(node, element):
        node = page.parents[node]
        up += 1
    return up


def sibling(page: body.Page, weights: list[float], owner: int, best: int) -> str:
    """The subtree holding *owner* that sits beside the container's line, with its figures."""
    node = best
    while node >= 0 and not page.contains(node, owner):
        node = page.parents[node]
    child = owner
    if child == node:
        return "(text of an ancestor)"
    while page.parents[child] != node:
        child = page.parents[child]
    blocks = page.blocks[page.starts[child] : page.ends[child]]
    scores = weights[page.starts[child] : page.ends[child]]
    chars = sum(b.chars for b in blocks)
    linked = sum(b.link_chars for b in blocks)
    prose = sum(b.chars for b, w in zip(blocks, scores, strict=True) if w > 0)
    before = "before" if child < best else "after"
    return f"{before} {label(page.elements[child])} chars={chars} links={linked} prose={prose}"


def diagnose(
    page: body.Page,
    weights: list[float],
    best: int,
    kept: list[body.Block],
    snippet: str,
) -> str:
    """The cause of a missing snippet (see the module docstring)."""
    if best < 0:
        return "nobody"
    index = block_of(page, snippet)
    if index < 0:
        whole = norm(" ".join(b.text for b in page.blocks))
        return "split" if snippet in whole else "skipped"
    block = page.blocks[index]
    if weights[index] < 0:
        return "links"
    owner = block.owner
    mark = page.marked[owner] if owner >= 0 else -1
    while mark >= 0 and page.contains(mark, best):
        up = page.parents[mark]
        mark = page.marked[up] if up >= 0 else -1
    region = [e for e, _ in body._region(page, weights, best)]
    inside = any(page.contains(e, owner) for e in region) if owner >= 0 else False
    if mark >= 0 and inside:
        return f"marked {label(page.elements[mark])}"
    if not inside:
        return f"outside up={meet(page, owner, best)} {sibling(page, weights, owner, best)}"
    if any(b is block for b in kept):
        return "split"
    return "trimmed"


def main() -> int:
    """Print the report."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpora" / "meta-dev")
    ap.add_argument("--show", type=int, default=40, help="failing pages to print")
    ap.add_argument("--key", action="append", help="only these page keys")
    ap.add_argument("--leaks", action="store_true", help="print leaks only")
    ap.add_argument("--misses", action="store_true", help="print misses only")
    args = ap.parse_args()
    truth = json.loads((args.corpus / "truth.json").read_text(encoding="utf-8"))
    causes: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    shown = 0
    for key, want in truth.items():
        if args.key and key not in args.key:
            continue
        file = args.corpus / "pages" / f"{key}.html.gz"
        if not file.exists():
            continue
        root, _ = _parse_tree(decode_html(gzip.decompress(file.read_bytes())).data)
        original = copy.deepcopy(root)
        page, weights, best = body._locate(root)
        kept = body._kept(page, weights, best) if best >= 0 else []
        titled = best >= 0 and body._headline_before(page, best) >= 0
        text = norm("\n\n".join(body._paragraphs(kept, titled=titled)))
        lines: list[str] = []
        for raw in want.get("must_contain") or []:
            snippet = norm(raw)
            totals["with"] += 1
            if snippet in text:
                continue
            totals["missed"] += 1
            if norm(raw) not in norm(root.text_content()):
                cause = "removed"
            else:
                cause = diagnose(page, weights, best, kept, snippet)
            causes[cause.split(" ")[0] + (" " + cause.split()[1] if "up=" in cause else "")] += 1
            element = holder(original, snippet)
            where = path(element) if element is not None else "?"
            lines.append(f"  MISS [{cause}] {raw[:60]!r}\n        at {where}")
        for raw in want.get("must_not_contain") or []:
            snippet = norm(raw)
            totals["without"] += 1
            if snippet not in text:
                continue
            totals["leaked"] += 1
            index = next((i for i, b in enumerate(kept) if snippet in b.text.lower()), -1)
            owner = kept[index].owner if index >= 0 else -1
            where = path(page.elements[owner]) if owner >= 0 else "?"
            inside = owner >= 0 and page.contains(best, owner)
            causes["leak " + ("in-container" if inside else "sibling")] += 1
            lines.append(f"  LEAK {raw[:60]!r}\n        at {where}")
        if args.leaks:
            lines = [line for line in lines if line.startswith("  LEAK")]
        if args.misses:
            lines = [line for line in lines if line.startswith("  MISS")]
        if lines and shown < args.show:
            shown += 1
            chosen = path(page.elements[best]) if best >= 0 else "none"
            print(f"{key} {want.get('url', '')}\n  container {chosen}")
            print("\n".join(lines))
    found = totals["with"] - totals["missed"]
    leaked = totals["leaked"]
    precision = found / (found + leaked) if found + leaked else 0.0
    recall = found / totals["with"] if totals["with"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"\nsnippets: found {found}/{totals['with']}, leaked {leaked}/{totals['without']}")
    print(f"precision {precision:.3f} recall {recall:.3f} f1 {f1:.3f}")
    for cause, count in causes.most_common():
        print(f"  {count:5d} {cause}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
