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

import itertools
import re
from typing import TYPE_CHECKING, Final

import lxml.etree

from newsmodel.extract._blocks import Block, Page, mark, walk
from newsmodel.extract._closers import (
    AUTHOR_BOX_BLOCKS,
    NOTE_CHARS,
    is_aside,
    is_author_heading,
    is_closer,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from lxml.html import HtmlElement

__all__ = ["extract_body"]

JUNK_TAGS: Final = (
    "head",
    "rt",
    "rp",
    "script",
    "style",
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
"""Elements whose whole subtree is page furniture (or, for rt/rp, the reading printed
above a ruby text, which would split its words); removed before the walk."""

_HEADING_TAGS: Final = frozenset({"h2", "h3", "h4", "h5", "h6"})
_SECTION_TAGS: Final = frozenset({"section", "article"})
"""Tags that make a sibling the same kind of unit even without a class."""
_TEXT_OWNERS: Final = frozenset(
    {"div", "section", "article", "main", "body", "td", "form", "center", "header"}
)
"""Elements whose own inline text makes them the container of that text."""
_SENTENCE_END: Final = re.compile(r"[.!?:;…。！？»«\"”“)]\W*$")
_DATED: Final = re.compile(r"\d{1,2}:\d{2}|\d{1,2}\.\d{1,2}\.\d{2,4}|\b(?:19|20)\d{2}\b")
"""A time, a numeric date or a year: the marks of an "Updated"/"Published" line."""
_AD_LABEL: Final = re.compile(
    r"\W*(?:advertisement|advert|ad|anzeige|werbung|publicidad|publicité|pubblicità|"
    r"reklama|sponsored)\W*",
    re.IGNORECASE,
)
"""The label an ad slot leaves behind when its content is removed."""

MIN_LINK_DENSITY: Final = 0.5
"""Blocks with more of their text in links than this are navigation, not body."""
LINKED_PROSE_CHARS: Final = 150
MIN_PROSE_CHARS: Final = 20
"""Blocks shorter than this neither help nor hurt when choosing the container."""
FALLBACK_SHARE: Final = 0.5
"""If skipping class-marked furniture leaves less than this share of the best prose
container's score, the marks were wrong (a wrapper named "share" or "sidebar")."""
DATELINE_CHARS: Final = 60
"""A line shorter than this with a time or a date, at an end of the body, is a dateline."""
SCRAP_CHARS: Final = 40
"""Blocks shorter than this without sentence punctuation are scraps, not prose."""
MAX_LEVELS: Final = 8
"""How many ancestors of the best container may contribute sibling subtrees."""
SIBLING_LINKS: Final = 0.3
"""A sibling subtree with more of its text in links than this is not body."""
SIBLING_MIN: Final = 150.0
SIBLING_SHARE: Final = 0.2
SIBLING_PROSE: Final = 0.5
"""A direct sibling joins with min(SIBLING_MIN, SIBLING_SHARE x the container's prose)
characters of prose, or when at least SIBLING_PROSE of its text is prose."""
FAR_SIBLING_MIN: Final = 400.0
FAR_SIBLING_SHARE: Final = 0.25
"""A sibling further up joins with max(FAR_SIBLING_MIN, FAR_SIBLING_SHARE x the
container's prose) characters of prose: the article split around a photo or an ad."""
LEAD_MIN: Final = 250.0
"""A sibling further up that comes before the container joins with this much prose:
the lead or standfirst set apart in the article's header."""
TEASER_TITLES: Final = 3
TEASER_SHARE: Final = 0.5
"""A sibling with at least TEASER_TITLES link-only blocks, and at least TEASER_SHARE of
them per paragraph, is a list of teasers (title, summary, title...), not the article."""
HEADLINE_LEAD_MIN: Final = 60.0
"""A sibling between the page's h1 and the container joins (its sentences only) with this
much prose, at any distance: the standfirst under the headline."""
LABEL_CHARS: Final = 60
"""A line this short ending in a colon ("Read more:", "Kontakt:") introduces what follows,
like a heading: kept only when prose follows it."""
WRAPPER_SHARE: Final = 0.5
"""A class-marked element holding more than this share of the page's prose is a wrapper."""
POINTER_CHARS: Final = 200
POINTER_LINKS: Final = 3
"""A line shorter than POINTER_CHARS with at least 1/POINTER_LINKS of it in links, at the
end of the body, points elsewhere."""
PROSE_HEADING_CHARS: Final = 100
"""A heading this long is prose set in a heading tag, kept like a paragraph."""


def _weights(blocks: list[Block]) -> list[float]:
    """How body-like each block is: positive for prose, negative for link lists."""
    out: list[float] = []
    for block in blocks:
        chars, linked = block.chars, block.link_chars
        if block.tag == "h1":
            out.append(0.0)
        elif linked > chars * MIN_LINK_DENSITY:
            # A long linked passage (a whole paragraph in one <a>) is not a menu.
            out.append(-float(chars) if chars < LINKED_PROSE_CHARS else 0.0)
        else:
            out.append(float(chars - 2 * linked) if chars >= MIN_PROSE_CHARS else 0.0)
    return out


def _best_container(
    page: Page, weights: list[float], banner: list[bool] | None = None
) -> tuple[int, float]:
    """The element that directly holds the most prose (its children's, half its grandchildren's),
    leaving out the blocks of the page's header and footer when *banner* names them."""
    tags, parents = page.tags, page.parents
    scores = [0.0] * len(tags)
    for block, weight in zip(page.blocks, weights, strict=True):
        if weight <= 0 or block.owner < 0 or (banner is not None and banner[block.owner]):
            continue
        target = block.owner if block.tag in _TEXT_OWNERS else parents[block.owner]
        if target < 0:
            continue
        scores[target] += weight
        up = parents[target]
        if up >= 0:
            scores[up] += weight / 2
    # The first element with the highest positive score.
    best, top = -1, 0.0
    for element, score in enumerate(scores):
        if score > top:
            best, top = element, score
    return best, top


def _prefix(values: Iterable[float]) -> list[float]:
    """Running sums of *values*, from 0.0: the sum of values[i:j] is out[j] - out[i]."""
    return list(itertools.accumulate(values, initial=0.0))


def _region(page: Page, weights: list[float], best: int) -> list[tuple[int, bool]]:
    """The elements of the body: *best* and siblings of it (and its ancestors) that read as body."""
    # Running sums over the blocks (the sum over blocks i:j is sums[j] - sums[i]) of their
    # characters, linked characters and prose characters, and counts of link-only blocks
    # (titles of teasers) and of prose paragraphs.
    chars, linked, prose, titles, paragraphs = [0.0], [0.0], [0.0], [0.0], [0.0]
    for block, weight in zip(page.blocks, weights, strict=True):
        size = block.chars
        chars.append(chars[-1] + size)
        linked.append(linked[-1] + block.link_chars)
        is_prose = weight > 0 and (
            size >= SCRAP_CHARS or _SENTENCE_END.search(block.text) is not None
        )
        prose.append(prose[-1] + size if is_prose else prose[-1])
        titles.append(titles[-1] + (1.0 if weight < 0 else 0.0))
        paragraphs.append(paragraphs[-1] + (1.0 if weight > 0 and size >= SCRAP_CHARS else 0.0))
    starts, ends, parents = page.starts, page.ends, page.parents
    own_prose = prose[ends[best]] - prose[starts[best]]
    near = min(SIBLING_MIN, own_prose * SIBLING_SHARE)
    headline = _headline_before(page, best)
    # A sibling in the page's footer is not body (one in a header may be its standfirst),
    # unless the article is in a footer itself.
    skip_footers = "footer" in page.tags and not _under_banner(page, best, _FOOTER_TAGS)
    chosen = [(best, False)]
    node = best
    level = 0
    while True:
        parent = parents[node]
        if parent < 0 or (level >= MAX_LEVELS and (headline < 0 or page.contains(node, headline))):
            break
        if level == 0:
            needed = before = min(SIBLING_MIN, own_prose * SIBLING_SHARE)
        else:
            needed = max(FAR_SIBLING_MIN, own_prose * FAR_SIBLING_SHARE)
            before = min(needed, LEAD_MIN)
        # Siblings of the same kind as the container's branch (same tag, same first class:
        # the steps of a recipe, the sections of a long read) join at the near bar.
        kind = _first_class(page.elements[node])
        element = parent + 1
        while element < page.last[parent]:
            if element != node:
                start, end = starts[element], ends[element]
                total = chars[end] - chars[start]
                text = prose[end] - prose[start]
                # Between the headline and the article: the standfirst, wherever it sits.
                after_headline = headline >= 0 and headline < page.last[element] and element < node
                teasers = titles[end] - titles[start]
                if total > 0 and linked[end] - linked[start] <= total * SIBLING_LINKS and text > 0:
                    if (
                        level < MAX_LEVELS
                        and (
                            text >= needed
                            or (level == 0 and text >= total * SIBLING_PROSE)
                            or (
                                (kind or page.tags[node] in _SECTION_TAGS)
                                and text >= near
                                and page.tags[element] == page.tags[node]
                                and _first_class(page.elements[element]) == kind
                            )
                        )
                        and (
                            teasers < TEASER_TITLES
                            or teasers < (paragraphs[end] - paragraphs[start]) * TEASER_SHARE
                        )
                    ):
                        if not (skip_footers and _under_banner(page, element, _FOOTER_TAGS)):
                            chosen.append((element, False))
                    elif (
                        element < node
                        and (
                            (level < MAX_LEVELS and text >= before)
                            or (after_headline and text >= HEADLINE_LEAD_MIN)
                        )
                        and not (skip_footers and _under_banner(page, element, _FOOTER_TAGS))
                    ):
                        # A lead set apart in the article's header: its sentences only.
                        chosen.append((element, True))
            element = page.last[element]
        node = parent
        level += 1
    chosen.sort()
    return chosen


def _first_class(element: HtmlElement) -> str:
    """The first class name of *element* ("" for none): its kind, without modifiers."""
    names = (element.get("class") or "").split()
    return names[0] if names else ""


def _headline_before(page: Page, best: int) -> int:
    """The last h1 before *best* (and not inside it), or -1."""
    tags = page.tags
    for element in range(best - 1, -1, -1):
        if tags[element] == "h1":
            return element
    return -1


def _unmark_wrappers(page: Page, weights: list[float]) -> None:
    """Drop the class marks of elements that hold most of the page's prose: they are
    wrappers whose class names a feature of the page ("share", "sidebar-layout")."""
    prose = _prefix([max(w, 0.0) for w in weights])
    limit = prose[-1] * WRAPPER_SHARE
    marked, parents, starts, ends = page.marked, page.parents, page.starts, page.ends
    overlays = page.overlays
    own = [
        mark == element
        and (element in overlays or prose[ends[element]] - prose[starts[element]] <= limit)
        for element, mark in enumerate(marked)
    ]
    for element, parent in enumerate(parents):
        if own[element]:
            marked[element] = element
        else:
            marked[element] = marked[parent] if parent >= 0 else -1


_BANNER_TAGS: Final = frozenset({"header", "footer"})
_FOOTER_TAGS: Final = frozenset({"footer"})


def _under_banner(page: Page, element: int, banners: frozenset[str]) -> bool:
    """Whether one of *banners* (<header>, <footer>) is *element* or nearer above it than
    any <article>/<main>: the page's header or footer, not the article's text."""
    tags, parents = page.tags, page.parents
    while element >= 0:
        tag = tags[element]
        if tag in banners:
            return True
        if tag in _SECTION_TAGS or tag == "main":
            return False
        element = parents[element]
    return False


def _in_banner(page: Page) -> list[bool]:
    """Per element: :func:`_under_banner` for <header> and <footer>, for all at once."""
    tags, parents = page.tags, page.parents
    out = [False] * len(tags)
    for element, parent in enumerate(parents):
        tag = tags[element]
        if tag in _BANNER_TAGS:
            out[element] = True
        elif tag not in _SECTION_TAGS and tag != "main" and parent >= 0:
            out[element] = out[parent]
    return out


def _select(page: Page) -> tuple[list[float], int]:
    """Block weights and the best container, trusting class marks only when they are plausible."""
    weights = _weights(page.blocks)
    mark(page, weights)
    _unmark_wrappers(page, weights)
    marked, blocks = page.marked, page.blocks
    unmarked = [
        0.0 if w > 0 and b.owner >= 0 and marked[b.owner] >= 0 else w
        for b, w in zip(blocks, weights, strict=True)
    ]
    best, score = _best_container(page, unmarked)
    if page.overlays:
        # Text laid over the page (a cookie notice, a login form) is never the article.
        over = [-1] * len(page.tags)
        for element, parent in enumerate(page.parents):
            over[element] = (
                element if element in page.overlays else over[parent] if parent >= 0 else -1
            )
        weights = [
            0.0 if w > 0 and b.owner >= 0 and over[b.owner] >= 0 else w
            for b, w in zip(blocks, weights, strict=True)
        ]
    any_best, any_score = _best_container(page, weights)
    banner = (
        _in_banner(page)
        if _under_banner(page, best, _BANNER_TAGS) or _under_banner(page, any_best, _BANNER_TAGS)
        else None
    )
    if banner is not None:
        # Choose again without the page's header and footer, unless nothing else is prose.
        masked, masked_score = _best_container(page, unmarked, banner)
        if masked >= 0:
            best, score = masked, masked_score
            any_best, any_score = _best_container(page, weights, banner)
    if best < 0 or score < any_score * FALLBACK_SHARE:
        return weights, any_best
    return unmarked, best


def _locate(root: HtmlElement) -> tuple[Page, list[float], int]:
    """The page's blocks, their weights and the best container (-1 when there is none)."""
    lxml.etree.strip_elements(root, *JUNK_TAGS, with_tail=False)
    page = walk(root)
    if not page.blocks:
        return page, [], -1
    weights, best = _select(page)
    return page, weights, best


def _kept(page: Page, weights: list[float], best: int) -> list[Block]:
    """The blocks of the body's region that are not links, headlines or marked furniture."""
    blocks, marked, parents = page.blocks, page.marked, page.parents
    kept: list[Block] = []
    for element, lead in _region(page, weights, best):
        for index in range(page.starts[element], page.ends[element]):
            block = blocks[index]
            if block.tag == "h1":
                continue
            if weights[index] < 0:
                if kept:
                    kept[-1].cut_after = True
                continue
            if lead and (
                block.chars < SCRAP_CHARS
                or (block.tag in _HEADING_TAGS and block.chars < PROSE_HEADING_CHARS)
                or not _SENTENCE_END.search(block.text)
            ):
                continue
            # Skip text inside class-marked furniture, unless the mark is on the
            # container itself or around it (then the mark was wrong).
            mark = marked[block.owner] if block.owner >= 0 else -1
            while mark >= 0 and page.contains(mark, best):
                up = parents[mark]
                mark = marked[up] if up >= 0 else -1
            if mark < 0:
                block.cut_after = False
                kept.append(block)
            elif kept:
                kept[-1].cut_after = True
    return kept


def extract_body(root: HtmlElement) -> tuple[str, ...]:
    """The article's paragraphs in order. Changes the tree: call it after the metadata."""
    page, weights, best = _locate(root)
    if best < 0:
        return ()
    try:
        titled = page.tags.index("h1", 0, best) >= 0  # (an <h1> before the container)
    except ValueError:
        titled = False
    return _paragraphs(_kept(page, weights, best), titled=titled)


def _scrap(block: Block) -> bool:
    """A short line without a full stop, or a short dated line ("Updated at 1:23 p.m.")."""
    if block.chars < SCRAP_CHARS and not _SENTENCE_END.search(block.text):
        return True
    return block.chars < DATELINE_CHARS and _DATED.search(block.text) is not None


def _pointer(block: Block) -> bool:
    """A short line with a link: at the end of the body, it points elsewhere ("Sign up
    here", "Read the rest of the guide", "More at www...") rather than ending the story."""
    return block.chars < POINTER_CHARS and block.link_chars * POINTER_LINKS >= block.chars


def _title_like(block: Block) -> bool:
    """A heading, a label ending in a colon, or a short line without a full stop."""
    if block.tag in _HEADING_TAGS:
        return block.chars < PROSE_HEADING_CHARS
    return block.chars < LABEL_CHARS and not block.text.endswith((".", "!", "?", "…"))


def _paragraphs(kept: list[Block], *, titled: bool = False) -> tuple[str, ...]:
    """The texts of *kept*, without headings that lead nowhere and repeated blocks."""
    # A heading followed by no prose (before the next heading or the end) introduces
    # something that was removed: a comment section, a list of links.
    out: list[str] = []
    pending: list[str] = []
    # Scraps (short lines without sentence punctuation) at either end of the body are
    # page furniture the classes did not name: dates, "Share", "Next article".
    first, end = 0, len(kept)
    # (Under the page's <h1>, a heading at the start stays: it titles the prose after it,
    # or leads nowhere and goes. Without an <h1>, it is likely the headline itself.)
    while first < end and _scrap(kept[first]) and not (titled and kept[first].tag in _HEADING_TAGS):
        first += 1
    while end > first and (
        _scrap(kept[end - 1])
        or _pointer(kept[end - 1])
        or is_closer(kept[end - 1].text)
        or is_aside(kept[end - 1].text)
    ):
        end -= 1
    # The author's box under the story ("About the author" and a biography).
    for index in range(max(first, end - AUTHOR_BOX_BLOCKS), end):
        if is_author_heading(kept[index].text):
            end = index
            break
    for block in kept[first:end]:
        if (block.chars < SCRAP_CHARS and _AD_LABEL.fullmatch(block.text)) or (
            block.chars < NOTE_CHARS and is_aside(block.text)
        ):
            continue
        if block.cut_after and _title_like(block):
            # The title of a link list or a box that was left out.
            continue
        if block.tag in _HEADING_TAGS and block.chars < PROSE_HEADING_CHARS:
            pending = [block.text]
            continue
        if block.chars < LABEL_CHARS and block.text.endswith(":"):
            pending.append(block.text)
            continue
        if pending:
            out.extend(pending)
            pending = []
        if not out or out[-1] != block.text:
            out.append(block.text)
    return tuple(out)
