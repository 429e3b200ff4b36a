"""The main content of a page: the article's paragraphs, without the page around them.

One pass over the tree (an iterative walk, so any nesting depth is fine) cuts
the page into text blocks: the inline text of each block-level element, with
the share of it inside links. Subtrees that are page furniture by tag (scripts,
navigation, forms, figures) or by class/id (comments, share boxes, related
articles, cookie and paywall notices, captions) are skipped on the way.

The article is then the element whose subtree holds the most body-like text
minus its link-heavy text: a maximum over subtrees, which keeps sibling
paragraphs together and leaves sidebars and footers out. Its blocks are
returned in order, with headings that lead nowhere and link lists removed.
"""

from __future__ import annotations

import re
from typing import Final

import lxml.etree
from lxml.html import HtmlElement

__all__ = ["extract_body"]

JUNK_TAGS: Final = (
    "head",
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "canvas",
    "iframe",
    "object",
    "embed",
    "video",
    "audio",
    "picture",
    "img",
    "button",
    "select",
    "textarea",
    "input",
    "label",
    "nav",
    "aside",
    "figure",
    "figcaption",
    "dialog",
    "menu",
)
"""Elements whose whole subtree is page furniture; removed before the walk."""

_BLOCK_TAGS: Final = frozenset(
    {
        "html",
        "body",
        "main",
        "article",
        "section",
        "div",
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "header",
        "footer",
        "address",
        "form",
        "fieldset",
        "hr",
        "center",
        "details",
        "summary",
        "hgroup",
    }
)
_HEADING_TAGS: Final = frozenset({"h2", "h3", "h4", "h5", "h6"})
_PROTECTED_TAGS: Final = frozenset({"html", "body", "main", "article"})

_STRONG_BOILERPLATE: Final = re.compile(
    r"comment(?!ary)|share|sharing|social|newsletter|subscri|signup|sign-up|"
    r"cookie|consent|gdpr|breadcrumb|related|recommend|outbrain|taboola|disqus|byline|"
    r"caption|pagination|popup|trending|most-read|mostread|author-?bio|author-?info|"
    r"authorbox|more-?stories|read-?more|readmore|jump-?link|skip-?link|visually-?hidden|"
    r"sr-only|screen-?reader|(?:^|[\s_-])(?:nav|credits?|print|tools)(?:$|[\s_-])",
    re.IGNORECASE,
)
"""Class/id words that mark page furniture whatever its size."""
_WEAK_BOILERPLATE: Final = re.compile(
    r"sidebar|side-bar|advert|sponsor|promo|popular|footer|navigation|navbar|menu|widget|"
    r"toolbar|modal|paywall|(?:^|[\s_-])(?:pager|ads?|tags?|meta|bio|hidden|rail|banner|ad-?slot|dfp)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
"""Class/id words that mark page furniture when the element is small; layout wrappers
around the whole article often carry them as modifiers ("content-with-sidebar")."""
_BODY_HINT: Final = re.compile(
    r"article-?body|articlebody|story-?body|entry-content|post-content|article-?content|"
    r"article-?text|story-?content|main-content|post-body|body-?text|storytext",
    re.IGNORECASE,
)
_HIDDEN_STYLE: Final = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_BREAKS: Final = re.compile(r"\n\s*\n")

_TEXT_LENGTH: Final = lxml.etree.XPath("string-length(normalize-space())")
LARGE_SHARE: Final = 0.25
"""An element with this share of the page's text is not furniture, whatever its class."""

MIN_LINK_DENSITY: Final = 0.5
"""Blocks with more of their text in links than this are navigation, not body."""


class _Block:
    """The inline text of one block-level element (or a stretch of it between children)."""

    __slots__ = ("chars", "link_chars", "owner", "tag", "text")

    def __init__(self, tag: str, owner: int, text: str, link_chars: int) -> None:
        self.tag = tag
        self.owner = owner
        self.text = text
        self.chars = len(text)
        self.link_chars = link_chars


class _Page:
    """The blocks of a page and its block-level elements, in document order.

    Element *i* has tag ``tags[i]``, parent element ``parents[i]`` (-1 for the
    root) and owns the blocks ``starts[i]:ends[i]`` (its whole subtree).
    """

    __slots__ = ("blocks", "ends", "parents", "starts", "tags")

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self.tags: list[str] = []
        self.parents: list[int] = []
        self.starts: list[int] = []
        self.ends: list[int] = []


NOT_FURNITURE: Final = 0
WEAK_FURNITURE: Final = 1
STRONG_FURNITURE: Final = 2


def furniture(element: HtmlElement, tag: str) -> int:
    """How surely *element*'s subtree is page furniture, judged by its attributes."""
    if tag in _PROTECTED_TAGS:
        return NOT_FURNITURE
    attrib = element.attrib
    if "hidden" in attrib:
        return STRONG_FURNITURE
    style = attrib.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return STRONG_FURNITURE
    hints = f"{attrib.get('class', '')} {attrib.get('id', '')}"
    if len(hints) < 3 or attrib.get("itemprop") == "articleBody" or _BODY_HINT.search(hints):
        return NOT_FURNITURE
    if _STRONG_BOILERPLATE.search(hints):
        return STRONG_FURNITURE
    if _WEAK_BOILERPLATE.search(hints):
        return WEAK_FURNITURE
    return NOT_FURNITURE


def _walk(root: HtmlElement) -> _Page:
    """Cut the page into blocks, skipping furniture, in one iterative pass."""
    page = _Page()
    blocks, tags, parents, starts, ends = (
        page.blocks,
        page.tags,
        page.parents,
        page.starts,
        page.ends,
    )
    pieces: list[str] = []
    link_chars = 0
    links = 0
    open_blocks: list[int] = []
    # Per open element: (index in the element table or -1 for inline, is_link).
    frames: list[tuple[int, bool]] = []

    def flush() -> None:
        nonlocal link_chars
        if pieces:
            text = "".join(pieces)
            pieces.clear()
            owner = open_blocks[-1] if open_blocks else -1
            tag = tags[owner] if owner >= 0 else "body"
            for part in _BREAKS.split(text):
                normalized = " ".join(part.split())
                if normalized:
                    blocks.append(_Block(tag, owner, normalized, min(link_chars, len(normalized))))
        link_chars = 0

    # Weakly marked furniture is kept when it holds a good share of the page's text.
    big = float(_TEXT_LENGTH(root)) * LARGE_SHARE
    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag
        if not isinstance(tag, str):
            if event == "end" and element.tail:
                pieces.append(element.tail)
            continue
        if event == "start":
            kind = furniture(element, tag)
            skip = kind == STRONG_FURNITURE or (
                kind == WEAK_FURNITURE and float(_TEXT_LENGTH(element)) < big
            )
            is_link = tag == "a" and not skip
            index = -1
            if tag in _BLOCK_TAGS or "-" in tag:
                flush()
                index = len(tags)
                tags.append(tag)
                parents.append(open_blocks[-1] if open_blocks else -1)
                starts.append(len(blocks))
                ends.append(-1)
                open_blocks.append(index)
            frames.append((index, is_link))
            if skip:
                walker.skip_subtree()
                continue
            if is_link:
                links += 1
            if tag == "br":
                pieces.append("\n\n" if tags[open_blocks[-1]] == "div" else "\n") if open_blocks else None
            text = element.text
            if text:
                pieces.append(text)
                if links:
                    link_chars += len(text.strip())
            continue
        index, is_link = frames.pop()
        if index >= 0:
            flush()
            open_blocks.pop()
            ends[index] = len(blocks)
        elif is_link:
            links -= 1
        tail = element.tail
        if tail:
            pieces.append(tail)
            if links and index < 0:
                link_chars += len(tail.strip())
    flush()
    return page


def _weights(blocks: list[_Block]) -> list[float]:
    """How body-like each block is: positive for prose, negative for link lists."""
    out: list[float] = []
    for block in blocks:
        chars, linked = block.chars, block.link_chars
        if block.tag == "h1":
            out.append(0.0)
        elif linked > chars * MIN_LINK_DENSITY:
            out.append(-float(chars))
        else:
            out.append(float(chars - 2 * linked) if chars >= 20 else 0.0)
    return out


_TEXT_OWNERS: Final = frozenset({"div", "section", "article", "main", "body", "td", "form", "center"})
"""Elements whose own inline text makes them the container of that text."""


def _best_container(page: _Page, weights: list[float]) -> int:
    """The element that directly holds the most prose (its children's, half its grandchildren's)."""
    tags, parents = page.tags, page.parents
    scores = [0.0] * len(tags)
    for block, weight in zip(page.blocks, weights):
        if weight <= 0 or block.owner < 0:
            continue
        target = block.owner if block.tag in _TEXT_OWNERS else parents[block.owner]
        if target < 0:
            continue
        scores[target] += weight
        up = parents[target]
        if up >= 0:
            scores[up] += weight / 2
    best = max(range(len(scores)), key=scores.__getitem__, default=-1)
    return best if best >= 0 and scores[best] > 0 else -1


def _region(page: _Page, weights: list[float], best: int) -> list[int]:
    """The blocks of *best* plus those of siblings that read like more of the same."""
    prefix = [0.0]
    for weight in weights:
        prefix.append(prefix[-1] + weight)
    starts, ends, parents = page.starts, page.ends, page.parents
    own = prefix[ends[best]] - prefix[starts[best]]
    parent = parents[best]
    if parent < 0:
        return list(range(starts[best], ends[best]))
    threshold = min(own * SIBLING_SHARE, SIBLING_MIN)
    out: list[int] = []
    for element in range(parent + 1, len(parents)):
        if starts[element] >= ends[parent]:
            break
        if parents[element] != parent:
            continue
        if element != best:
            score = prefix[ends[element]] - prefix[starts[element]]
            if score < threshold:
                continue
        out.extend(range(starts[element], ends[element]))
    return out


SIBLING_SHARE: Final = 0.2
SIBLING_MIN: Final = 150.0


def _keep(block: _Block, weight: float) -> bool:
    if block.tag == "h1" or weight < 0:
        return False
    return block.chars >= 2


def extract_body(root: HtmlElement) -> tuple[str, ...]:
    """The article's paragraphs in order. Changes the tree: call it after the metadata."""
    lxml.etree.strip_elements(root, *JUNK_TAGS, with_tail=False)
    page = _walk(root)
    blocks = page.blocks
    if not blocks:
        return ()
    weights = _weights(blocks)
    best = _best_container(page, weights)
    if best < 0:
        return ()
    kept = [blocks[i] for i in _region(page, weights, best) if _keep(blocks[i], weights[i])]
    # A heading followed by no prose (before the next heading or the end) introduces
    # something that was removed: a comment section, a list of links.
    out: list[str] = []
    pending: list[str] = []
    for block in kept:
        if block.tag in _HEADING_TAGS:
            pending = [block.text]
            continue
        if pending:
            out.extend(pending)
            pending = []
        if not out or out[-1] != block.text:
            out.append(block.text)
    return tuple(out)
