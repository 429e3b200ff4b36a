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
_FURNITURE_TAGS: Final = frozenset({"nav", "aside", "figure", "figcaption", "dialog", "menu"})
"""Elements that are page furniture unless broken markup put the whole page inside them."""
_PROTECTED_TAGS: Final = frozenset({"html", "body", "main", "article"})

_STRONG_BOILERPLATE: Final = re.compile(
    r"comment(?!ary)|share|sharing|social|newsletter|subscri|signup|sign-up|cookie|consent|"
    r"gdpr|breadcrumb|related|recommend|outbrain|taboola|disqus|byline|caption|pagination|"
    r"popup|trending|most-read|mostread|author-?bio|author-?info|authorbox|more-?stories|"
    r"read-?more|readmore|jump-?link|skip-?link|visually-?hidden|sr-only|screen-?reader"
)
"""Class/id words (lower case) that mark page furniture whatever its size."""
_STRONG_TOKENS: Final = frozenset({"nav", "credit", "credits", "print", "tools"})
_WEAK_BOILERPLATE: Final = re.compile(
    r"sidebar|side-bar|advert|sponsor|promo|popular|footer|navigation|navbar|menu|widget|"
    r"toolbar|modal|paywall"
)
"""Class/id words that mark page furniture when the element is small; layout wrappers
around the whole article often carry them as modifiers ("content-with-sidebar")."""
_WEAK_TOKENS: Final = frozenset(
    {"pager", "ad", "ads", "tag", "tags", "meta", "bio", "hidden", "rail", "banner", "adslot", "dfp"}
)
_TOKEN_SEPARATORS: Final = re.compile(r"[\s_-]+")
_BODY_HINT: Final = re.compile(
    r"article-?body|articlebody|story-?body|entry-content|post-content|article-?content|"
    r"article-?text|story-?content|main-content|post-body|body-?text|storytext"
)
_HIDDEN_STYLE: Final = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CONTROL: Final = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffe\uffff\ufffd]")
_BREAKS: Final = re.compile(r"\n\s*\n")

_TEXT_LENGTH: Final = lxml.etree.XPath("string-length(normalize-space())")
LARGE_SHARE: Final = 0.25
"""An element with this share of the page's text is not weakly marked furniture."""
HUGE_SHARE: Final = 0.5
"""An element with this share of the page's text is a wrapper, whatever its class says."""

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


def hint_kind(hints: str) -> int:
    """How surely lower-cased class and id words *hints* mark page furniture."""
    if _BODY_HINT.search(hints):
        return NOT_FURNITURE
    tokens = _TOKEN_SEPARATORS.split(hints)
    if _STRONG_BOILERPLATE.search(hints) or not _STRONG_TOKENS.isdisjoint(tokens):
        return STRONG_FURNITURE
    if _WEAK_BOILERPLATE.search(hints) or not _WEAK_TOKENS.isdisjoint(tokens):
        return WEAK_FURNITURE
    return NOT_FURNITURE


def furniture(element: HtmlElement, tag: str, cache: dict[str, int]) -> int:
    """How surely *element*'s subtree is page furniture, judged by its attributes.

    *cache* maps class-and-id strings already judged on this page to their verdict.
    """
    if tag in _PROTECTED_TAGS:
        return NOT_FURNITURE
    if tag in _FURNITURE_TAGS:
        return STRONG_FURNITURE
    get = element.get
    if get("hidden") is not None:
        return STRONG_FURNITURE
    style = get("style")
    if style and _HIDDEN_STYLE.search(style):
        return STRONG_FURNITURE
    cls = get("class")
    ident = get("id")
    if cls is None and ident is None:
        return NOT_FURNITURE
    hints = f"{cls} {ident}" if cls and ident else cls or ident or ""
    kind = cache.get(hints)
    if kind is None:
        kind = cache[hints] = hint_kind(hints.lower())
    if kind and get("itemprop") == "articleBody":
        return NOT_FURNITURE
    return kind


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
                    if _CONTROL.search(normalized):
                        normalized = " ".join(_CONTROL.sub("", normalized).split())
                        if not normalized:
                            continue
                    blocks.append(_Block(tag, owner, normalized, min(link_chars, len(normalized))))
        link_chars = 0

    cache: dict[str, int] = {}
    # Weakly marked furniture is kept when it holds a good share of the page's text.
    total = float(_TEXT_LENGTH(root))
    big, huge = total * LARGE_SHARE, total * HUGE_SHARE
    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag
        if not isinstance(tag, str):
            if event == "end" and element.tail:
                pieces.append(element.tail)
            continue
        if event == "start":
            kind = furniture(element, tag, cache)
            skip = kind != NOT_FURNITURE and float(_TEXT_LENGTH(element)) < (
                huge if kind == STRONG_FURNITURE else big
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


PROSE_HEADING_CHARS: Final = 100
"""A heading this long is prose set in a heading tag, kept like a paragraph."""
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
        if block.tag in _HEADING_TAGS and block.chars < PROSE_HEADING_CHARS:
            pending = [block.text]
            continue
        if pending:
            out.extend(pending)
            pending = []
        if not out or out[-1] != block.text:
            out.append(block.text)
    return tuple(out)
