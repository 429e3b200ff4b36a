"""Is this element page furniture? Judged by its tag and its class and id words.

Class names are noisy: layout wrappers around the whole article carry modifiers
such as ``content-with-sidebar`` or ``has-comments``, and blog engines add
taxonomy classes (``tag-politics``, ``category-advertising``). So the words are
matched per class token, taxonomy tokens are ignored, and the caller decides how
much to trust a verdict (a marked element that turns out to hold the article is
kept).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from newsmodel.extract._classwords import hints_are_furniture, hints_are_overlay

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["FURNITURE_TAGS", "PROTECTED_TAGS", "class_furniture", "class_overlay", "is_hidden"]

FURNITURE_TAGS: Final = frozenset(
    {"nav", "aside", "figure", "figcaption", "dialog", "menu", "noscript"}
)
"""Elements that are page furniture unless they hold most of the page's text: broken
markup that put the page inside a <nav>, or a <noscript> copy of a script-built page."""

PROTECTED_TAGS: Final = frozenset({"html", "body", "main", "article"})
"""Elements never judged by their class: their classes describe the page, not a box."""

_HIDDEN_STYLE: Final = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def is_hidden(element: HtmlElement) -> bool:
    """Whether *element* is hidden from readers (``hidden``, inline display:none)."""
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    return (
        style is not None
        and ("none" in style or "hidden" in style)
        and _HIDDEN_STYLE.search(style) is not None
    )


def class_furniture(element: HtmlElement, cache: dict[str, bool]) -> bool:
    """Whether *element*'s class or id names page furniture.

    *cache* maps class-and-id strings already judged on this page to their verdict
    (:func:`hints_are_furniture` also remembers the most common ones across pages: it
    is a pure function of the string).
    """
    get = element.get
    cls = get("class")
    ident = get("id")
    if cls is None:
        if ident is None:
            return False
        hints = ident
    else:
        hints = f"{cls} {ident}" if ident else cls
    verdict = cache.get(hints)
    if verdict is None:
        verdict = cache[hints] = hints_are_furniture(hints.lower())
    return verdict and get("itemprop") != "articleBody"


def class_overlay(element: HtmlElement) -> bool:
    """Whether *element*'s class or id names a box laid over the page (a cookie notice,
    a login dialog); asked only of elements :func:`class_furniture` marked."""
    hints = f"{element.get('class') or ''} {element.get('id') or ''}"
    return hints_are_overlay(hints.lower())
