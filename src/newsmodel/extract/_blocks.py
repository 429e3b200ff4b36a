"""A page cut into text blocks: one pass over the tree, skipping furniture on the way.

A block is the inline text of one block-level element (or a stretch of it between
its block children), with the share of it inside links. Subtrees that are page
furniture by tag (navigation, figures) or, for inline elements, by class/id are
skipped; a block-level element whose class names furniture is only marked, and
:mod:`newsmodel.extract.body` decides later whether to trust the mark.

The walk is the body finder's hot loop (every element of the page passes through
it), so it reads each element's tag, text and tail once, and its attributes (in one
call to lxml) only when they can change the result: for block elements, and for
inline elements that hold text. The class and id of block elements are judged
after the walk (:func:`mark`), only for those that hold blocks other than link lists.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

import lxml.etree

from newsmodel.extract._furniture import (
    FURNITURE_TAGS,
    NO_ATTRIBUTES,
    PROTECTED_TAGS,
    Attributes,
    class_furniture,
    class_overlay,
    read_attributes,
)

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["BLOCK_TAGS", "Block", "Page", "mark", "walk"]

BLOCK_TAGS: Final = frozenset(
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
"""Elements that start a new block (and so do custom elements, whose names hold a "-")."""

HUGE_SHARE: Final = 0.5
"""A furniture tag (nav, aside...) holding this share of the page's text is broken markup
wrapped around the page, and is read like any other element."""

_CONTROL: Final = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffe\uffff\ufffd]")
_BREAKS: Final = re.compile(r"\n\s*\n")
_TEXT_LENGTH: Final = lxml.etree.XPath("string-length(normalize-space())")

# What an open element is, on the walk's stack: a block's index (>= 0), or one of these.
_INLINE: Final = -1
_LINK: Final = -2
_OTHER: Final = -3  # a comment or processing instruction (the parser usually drops them)


class Block:
    """The inline text of one block-level element (or a stretch of it between children)."""

    __slots__ = ("chars", "cut_after", "link_chars", "owner", "tag", "text")

    def __init__(self, tag: str, owner: int, text: str, link_chars: int) -> None:
        self.cut_after = False  # the body left out what follows this block
        self.tag = tag
        self.owner = owner
        self.text = text
        self.chars = len(text)
        self.link_chars = link_chars


class Page:
    """The blocks of a page and its block-level elements, in document order.

    Element *i* has tag ``tags[i]``, parent element ``parents[i]`` (-1 for the
    root), owns the blocks ``starts[i]:ends[i]`` and the elements ``i:last[i]``
    (its whole subtree); ``marked[i]`` is the nearest ancestor-or-self whose class
    names page furniture, or -1 (filled by :func:`mark`, and only meaningful for
    elements that hold a block of non-negative weight);
    ``overlays`` holds the marked elements whose class names a box laid over the page;
    ``elements[i]`` is the element itself and ``attributes[i]`` what its attributes say
    (:data:`NO_ATTRIBUTES` for the elements never judged by their class).
    """

    __slots__ = (
        "attributes",
        "blocks",
        "elements",
        "ends",
        "last",
        "marked",
        "overlays",
        "parents",
        "starts",
        "tags",
    )

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.elements: list[HtmlElement] = []
        self.attributes: list[Attributes] = []
        self.tags: list[str] = []
        self.parents: list[int] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.last: list[int] = []
        self.marked: list[int] = []
        self.overlays: set[int] = set()

    def contains(self, outer: int, inner: int) -> bool:
        """Whether element *inner* is *outer* or inside it."""
        return outer <= inner < self.last[outer]


def _clean(text: str) -> str:
    """*text* with each run of whitespace one space, and without control characters.

    isprintable() (one C loop) answers most of it: a printable string holds no
    whitespace but plain spaces, and no character _CONTROL removes but U+FFFD.
    """
    if text.isprintable():
        if "  " in text or text.startswith(" ") or text.endswith(" "):
            text = " ".join(text.split())
        if "\ufffd" not in text:
            return text
    else:
        text = " ".join(text.split())
        if text.isprintable() and "\ufffd" not in text:
            return text
    if _CONTROL.search(text):
        return " ".join(_CONTROL.sub("", text).split())
    return text


def mark(page: Page, weights: list[float]) -> None:
    """Fill ``page.marked``, given the weight of each block (negative: a link list).

    Only the elements that hold a block of non-negative weight are judged by their
    class: where a link list is marked changes nothing (the body finder drops it
    anyway), so the elements that hold only link lists (menus) inherit their parent's
    mark, like the elements that hold no block.
    """
    tags, parents, attributes = page.tags, page.parents, page.attributes
    judged = [False] * len(tags)
    for block, weight in zip(page.blocks, weights, strict=True):
        if weight >= 0:
            element = block.owner
            while element >= 0 and not judged[element]:
                judged[element] = True
                element = parents[element]
    cache: dict[str, bool] = {}
    marked = page.marked = [-1] * len(tags)
    for index, parent in enumerate(parents):
        if (
            judged[index]
            and tags[index] not in PROTECTED_TAGS
            and class_furniture(attributes[index], cache)
        ):
            marked[index] = index
            if class_overlay(attributes[index]) and "h1" not in tags[index : page.last[index]]:
                # (A box holding the headline is the article's, whatever its class says.)
                page.overlays.add(index)
        elif parent >= 0:
            marked[index] = marked[parent]


def _cut(text: str, owner: int, tag: str, link_chars: int, blocks: list[Block]) -> None:
    """Add the blocks of *text*, the inline text of element *owner* (or the page's, -1)."""
    text = text.strip()
    # (A blank line needs two newlines: once stripped, most texts hold fewer.)
    for part in _BREAKS.split(text) if text.count("\n") > 1 else (text,):
        normalized = _clean(part)
        if normalized:
            blocks.append(Block(tag, owner, normalized, min(link_chars, len(normalized))))


def walk(root: HtmlElement) -> Page:
    """Cut the page into blocks in one iterative pass, skipping furniture subtrees.

    The pass moves from an element to its first child, its next sibling or back up to
    its parent (``getnext()``): lxml's iterwalk, which does the same, cost twice as
    much per element. An element's text is read on the way down, its tail on the way
    up; a skipped element is left at once, so only its tail is read.
    """
    page = Page()
    blocks, elements, attributes, tags, parents, starts, ends, last = (
        page.blocks,
        page.elements,
        page.attributes,
        page.tags,
        page.parents,
        page.starts,
        page.ends,
        page.last,
    )
    pieces: list[str] = []
    has_text = False
    link_chars = 0
    links = 0
    open_blocks: list[int] = [-1]
    ancestors: list[HtmlElement] = []  # the open elements above *element*
    frames: list[int] = []  # what each of them is (see _INLINE...)
    cache: dict[str, bool] = {}
    huge = -1.0  # computed when first needed: most pages have no furniture tags left
    element = root
    while True:
        # Down: *element* starts; read its text and decide whether to enter it.
        tag = element.tag
        children = 0
        if not isinstance(tag, str):
            kind = _OTHER
        elif tag in BLOCK_TAGS or "-" in tag:
            found = NO_ATTRIBUTES if tag in PROTECTED_TAGS else read_attributes(element)
            if found.hidden:
                kind = _INLINE
            else:
                if has_text:
                    owner = open_blocks[-1]
                    joined = "".join(pieces)
                    _cut(joined, owner, tags[owner] if owner >= 0 else "body", link_chars, blocks)
                    has_text = False
                    link_chars = 0
                pieces.clear()
                kind = len(tags)
                tags.append(tag)
                elements.append(element)
                attributes.append(found)
                parents.append(open_blocks[-1])
                starts.append(len(blocks))
                ends.append(-1)
                last.append(-1)
                open_blocks.append(kind)
                children = len(element)
                text = element.text
                if text:
                    pieces.append(text)
                    if not has_text and not text.isspace():
                        has_text = True
                    if links:
                        link_chars += len(text.strip())
        elif tag in FURNITURE_TAGS:
            kind = _INLINE
            if not read_attributes(element).hidden:
                size = float(_TEXT_LENGTH(element))
                if huge < 0 < size:
                    huge = float(_TEXT_LENGTH(root)) * HUGE_SHARE
                # (Without text, skipping it or not gives the same blocks.)
                if not (size < huge or size == 0):
                    children = len(element)
                    text = element.text
                    if text:
                        pieces.append(text)
                        if not has_text and not text.isspace():
                            has_text = True
                        if links:
                            link_chars += len(text.strip())
        else:
            kind = _INLINE
            text = element.text
            children = len(element)
            # A hidden or class-marked inline element is skipped; one without text or
            # children (but a <br>) would add nothing either way, so it is not asked.
            if (text is not None or children or tag == "br") and (
                (found := read_attributes(element)).hidden or class_furniture(found, cache)
            ):
                children = 0
            else:
                if tag == "a":
                    links += 1
                    kind = _LINK
                elif tag == "br":
                    pieces.append("\n")
                if text:
                    pieces.append(text)
                    if not has_text and not text.isspace():
                        has_text = True
                    if links:
                        link_chars += len(text.strip())
        if children:
            ancestors.append(element)
            frames.append(kind)
            element = element[0]
            continue
        # Up: *element* ends, and so does every ancestor it is the last child of.
        while True:
            if kind >= 0:
                if has_text:
                    owner = open_blocks[-1]
                    joined = "".join(pieces)
                    _cut(joined, owner, tags[owner] if owner >= 0 else "body", link_chars, blocks)
                    has_text = False
                    link_chars = 0
                pieces.clear()
                open_blocks.pop()
                ends[kind] = len(blocks)
                last[kind] = len(tags)
            elif kind == _LINK:
                links -= 1
            tail = element.tail
            if tail:
                pieces.append(tail)
                if not has_text and not tail.isspace():
                    has_text = True
                if links and _OTHER < kind < 0:  # an inline element's tail
                    link_chars += len(tail.strip())
            if not ancestors:
                break
            following = element.getnext()
            if following is not None:
                element = following
                break
            element = ancestors.pop()
            kind = frames.pop()
        if not ancestors:
            break
    if has_text:
        owner = open_blocks[-1]
        _cut("".join(pieces), owner, tags[owner] if owner >= 0 else "body", link_chars, blocks)
    return page
