"""Is this element page furniture? Judged by its tag and its class and id words.

Class names are noisy: layout wrappers around the whole article carry modifiers
such as ``content-with-sidebar`` or ``has-comments``, and blog engines add
taxonomy classes (``tag-politics``, ``category-advertising``). So the words are
matched per class token, taxonomy tokens are ignored, and the caller decides how
much to trust a verdict (a marked element that turns out to hold the article is
kept).

An element's attributes are read in one call to lxml (:func:`read_attributes`):
asking lxml for four attributes one by one cost twice as much.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from newsmodel.extract._classwords import hints_are_furniture, hints_are_overlay

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = [
    "FURNITURE_TAGS",
    "NO_ATTRIBUTES",
    "PROTECTED_TAGS",
    "Attributes",
    "class_furniture",
    "class_overlay",
    "read_attributes",
]

FURNITURE_TAGS: Final = frozenset(
    {"nav", "aside", "figure", "figcaption", "dialog", "menu", "noscript"}
)
"""Elements that are page furniture unless they hold most of the page's text: broken
markup that put the page inside a <nav>, or a <noscript> copy of a script-built page."""

PROTECTED_TAGS: Final = frozenset({"html", "body", "main", "article"})
"""Elements never judged by their class: their classes describe the page, not a box."""

_HIDDEN_STYLE: Final = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


class Attributes:
    """What the body finder reads of an element's attributes."""

    __slots__ = ("article_body", "cls", "hidden", "ident")

    def __init__(
        self, hidden: bool, cls: str | None, ident: str | None, article_body: bool
    ) -> None:
        self.hidden = hidden  # hidden from readers (``hidden``, inline display:none)
        self.cls = cls  # the class attribute, or None
        self.ident = ident  # the id attribute, or None
        self.article_body = article_body  # itemprop="articleBody"


NO_ATTRIBUTES: Final = Attributes(hidden=False, cls=None, ident=None, article_body=False)
"""The attributes of an element that was not asked (it is never judged)."""


def read_attributes(element: HtmlElement) -> Attributes:
    """The attributes of *element* that say whether it is furniture, in one call to lxml."""
    pairs = element.items()
    if not pairs:
        return NO_ATTRIBUTES
    hidden = article_body = False
    cls: str | None = None
    ident: str | None = None
    for name, value in pairs:
        if name == "class":
            cls = value
        elif name == "id":
            ident = value
        elif name == "style":
            if ("none" in value or "hidden" in value) and _HIDDEN_STYLE.search(value) is not None:
                hidden = True
        elif name == "hidden":
            hidden = True
        elif name == "itemprop":
            article_body = value == "articleBody"
    return Attributes(hidden, cls, ident, article_body)


def class_furniture(attributes: Attributes, cache: dict[str, bool]) -> bool:
    """Whether an element's class or id names page furniture.

    *cache* maps class-and-id strings already judged on this page to their verdict
    (:func:`hints_are_furniture` also remembers the most common ones across pages: it
    is a pure function of the string).
    """
    cls, ident = attributes.cls, attributes.ident
    if cls is None:
        if ident is None:
            return False
        hints = ident
    else:
        hints = f"{cls} {ident}" if ident else cls
    verdict = cache.get(hints)
    if verdict is None:
        verdict = cache[hints] = hints_are_furniture(hints.lower())
    return verdict and not attributes.article_body


def class_overlay(attributes: Attributes) -> bool:
    """Whether an element's class or id names a box laid over the page (a cookie notice,
    a login dialog); asked only of elements :func:`class_furniture` marked."""
    hints = f"{attributes.cls or ''} {attributes.ident or ''}"
    return hints_are_overlay(hints.lower())
