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

    __slots__ = ("chars", "heading", "link_chars", "tag", "text")

    def __init__(self, tag: str, text: str, link_chars: int) -> None:
        self.tag = tag
        self.text = text
        self.chars = len(text)
        self.link_chars = link_chars
        self.heading = tag in _HEADING_TAGS


NOT_FURNITURE: Final = 0
WEAK_FURNITURE: Final = 1
STRONG_FURNITURE: Final = 2


def furniture(element: HtmlElement, tag: str) -> int:
    """How surely *element*'s subtree is page furniture, judged by its attributes."""
    if tag in _PROTECTED_TAGS:
        return NOT_FURNITURE
    attrib = element.attrib
    if "hidden" in attrib:
        return WEAK_FURNITURE
    style = attrib.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return WEAK_FURNITURE
    hints = f"{attrib.get('class', '')} {attrib.get('id', '')}"
    if len(hints) < 3 or attrib.get("itemprop") == "articleBody" or _BODY_HINT.search(hints):
        return NOT_FURNITURE
    if _STRONG_BOILERPLATE.search(hints):
        return STRONG_FURNITURE
    if _WEAK_BOILERPLATE.search(hints):
        return WEAK_FURNITURE
    return NOT_FURNITURE


def _walk(root: HtmlElement) -> tuple[list[_Block], list[tuple[int, int]]]:
    """Cut the page into blocks; return them and the block range of every block element."""
    blocks: list[_Block] = []
    ranges: list[tuple[int, int]] = []
    pieces: list[str] = []
    link_chars = 0
    links = 0
    owners: list[str] = []
    # Per open element: (is_block, is_link, index in ranges or -1).
    frames: list[tuple[bool, bool, int]] = []

    def flush() -> None:
        nonlocal link_chars
        if pieces:
            text = "".join(pieces)
            pieces.clear()
            tag = owners[-1] if owners else "body"
            for part in _BREAKS.split(text):
                normalized = " ".join(part.split())
                if normalized:
                    blocks.append(_Block(tag, normalized, min(link_chars, len(normalized))))
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
            block = tag in _BLOCK_TAGS or "-" in tag
            kind = furniture(element, tag)
            skip = kind == STRONG_FURNITURE or (
                kind == WEAK_FURNITURE and float(_TEXT_LENGTH(element)) < big
            )
            is_link = tag == "a" and not skip
            index = -1
            if block:
                flush()
                owners.append(tag)
                index = len(ranges)
                ranges.append((len(blocks), -1))
            frames.append((block, is_link, index))
            if skip:
                walker.skip_subtree()
                continue
            if is_link:
                links += 1
            if tag == "br":
                pieces.append("\n")
            text = element.text
            if text:
                pieces.append(text)
                if links:
                    link_chars += len(text.strip())
            continue
        block, is_link, index = frames.pop()
        if block:
            flush()
            owners.pop()
            ranges[index] = (ranges[index][0], len(blocks))
        elif is_link:
            links -= 1
        tail = element.tail
        if tail:
            if block:
                pieces.append(tail)
            else:
                pieces.append(tail)
                if links:
                    link_chars += len(tail.strip())
    flush()
    return blocks, ranges


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


def _best_range(weights: list[float], ranges: list[tuple[int, int]]) -> tuple[int, int]:
    prefix = [0.0]
    for weight in weights:
        prefix.append(prefix[-1] + weight)
    best = (0, len(weights))
    best_score = float("-inf")
    for start, end in ranges:
        score = prefix[end] - prefix[start]
        if score >= best_score and end > start:
            best, best_score = (start, end), score
    return best


def _keep(block: _Block, weight: float) -> bool:
    if block.tag == "h1" or weight < 0:
        return False
    return block.chars >= 2


def extract_body(root: HtmlElement) -> tuple[str, ...]:
    """The article's paragraphs in order. Changes the tree: call it after the metadata."""
    lxml.etree.strip_elements(root, *JUNK_TAGS, with_tail=False)
    blocks, ranges = _walk(root)
    if not blocks:
        return ()
    weights = _weights(blocks)
    start, end = _best_range(weights, ranges)
    kept = [b for b, w in zip(blocks[start:end], weights[start:end]) if _keep(b, w)]
    # A heading followed by no prose (before the next heading or the end) introduces
    # something that was removed: a comment section, a list of links.
    out: list[str] = []
    pending: list[str] = []
    for block in kept:
        if block.heading:
            pending = [block.text]
            continue
        if pending:
            out.extend(pending)
            pending = []
        if not out or out[-1] != block.text:
            out.append(block.text)
    return tuple(out)
