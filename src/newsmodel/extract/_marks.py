"""One pass over the body's ``class``, ``id``, ``itemprop``, ``rel`` and ``property`` attributes.

Bylines, dates and title-classed headings are all found by what their
attributes say. Reading those attributes once, keeping only the values that
could matter, is several times cheaper than one XPath ``contains()`` search per
word per field.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Iterable
from typing import Final

import attrs
from lxml import etree
from lxml.html import HtmlElement

__all__ = ["Marks", "inside", "read_marks"]

_BODIES: Final = etree.XPath("//body")
_VALUE: Final = operator.itemgetter(2)
_NAMES: Final = frozenset({"class", "id", "itemprop", "rel", "property"})
_USEFUL_WORDS: Final = (
    "uthor", "byline", "autor", "writer", "poster", "posted", "verfasser", "creator", "date",
    "datum", "publish", "time", "meta", "info", "title", "headline", "dc:", "submitted", "logo",
    "brand", "site-name", "sitename", "blogname",
)  # fmt: skip
"""Looked for in the lower-cased values, one ``str.find`` per word over all of them at once:
a regex alternation tries every word at every character and is several times slower."""


@attrs.frozen(kw_only=True)
class Marks:
    """Elements whose attributes may mark a byline, a date or a title, in document order."""

    items: tuple[tuple[HtmlElement, str, str], ...]
    """``(element, attribute name, attribute value)``."""

    def find(self, names: Iterable[str], pattern: re.Pattern[str]) -> list[HtmlElement]:
        """Elements with an attribute among *names* whose value *pattern* finds, once each."""
        wanted = frozenset(names)
        out: list[HtmlElement] = []
        seen: set[HtmlElement] = set()
        for el, name, value in self.items:
            if name in wanted and el not in seen and pattern.search(value):
                seen.add(el)
                out.append(el)
        return out


def _useful_values(values: Iterable[str]) -> set[str]:
    """The values that hold one of the useful words, case-insensitively."""
    distinct = list(dict.fromkeys(values))
    text = "\x00".join(distinct)  # attribute values never hold NUL: a word never spans two
    lowered = text.lower()
    sizes = map(len, distinct)
    if len(lowered) != len(text):  # a character that lower-cases to two ("İ"): each apart
        parts = [v.lower() for v in distinct]
        lowered = "\x00".join(parts)
        sizes = map(len, parts)
    ends = list(itertools.accumulate(n + 1 for n in sizes))
    useful: set[str] = set()
    for word in _USEFUL_WORDS:
        pos = lowered.find(word)
        while pos >= 0:
            i = bisect.bisect_right(ends, pos)
            useful.add(distinct[i])
            pos = lowered.find(word, ends[i])
    return useful


def read_marks(root: HtmlElement) -> Marks:
    """Read the body's marking attributes, keeping the ones a metadata finder may use."""
    # One walk over the body's elements, in document order and each element's attributes
    # in their order: five XPath walks over the attributes (and an element object made
    # for each of them) cost twice as much.
    found: list[tuple[HtmlElement, str, str]] = []
    keep = found.append  # bound once: this loop visits every attribute of the body
    names = _NAMES
    walked: list[HtmlElement] = []
    for body in _BODIES(root):
        if any(inside(body, outer) for outer in walked):
            continue
        walked.append(body)
        for el in body.iter(etree.Element):
            # One call gives each attribute's name and value.
            for name, value in el.items():
                if name in names:
                    keep((el, name, value))
    useful = _useful_values(map(_VALUE, found))
    return Marks(items=tuple([item for item in found if item[2] in useful]))


def inside(el: HtmlElement, scope: HtmlElement) -> bool:
    """Whether *el* is *scope* or lies within it."""
    node: HtmlElement | None = el
    while node is not None:
        if node is scope:
            return True
        node = node.getparent()
    return False
