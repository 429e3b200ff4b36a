"""Is this element page furniture? Judged by its tag and its class and id words.

Class names are noisy: layout wrappers around the whole article carry modifiers
such as ``content-with-sidebar`` or ``has-comments``, and blog engines add
taxonomy classes (``tag-politics``, ``category-advertising``). So the words are
matched per class token, taxonomy tokens are ignored, and the caller decides how
much to trust a verdict (a marked element that turns out to hold the article is
kept).
"""

from __future__ import annotations

import functools
import re
from typing import Final

import lxml.etree
from lxml.html import HtmlElement

__all__ = ["FURNITURE_TAGS", "PROTECTED_TAGS", "class_furniture", "remove_hidden"]

FURNITURE_TAGS: Final = frozenset(
    {"nav", "aside", "figure", "figcaption", "dialog", "menu", "noscript"}
)
"""Elements that are page furniture unless they hold most of the page's text: broken
markup that put the page inside a <nav>, or a <noscript> copy of a script-built page."""

PROTECTED_TAGS: Final = frozenset({"html", "body", "main", "article"})
"""Elements never judged by their class: their classes describe the page, not a box."""

_FURNITURE_WORDS: Final = re.compile(
    r"comment(?!ary)|share|sharing|social|newsletter|subscri|signup|sign-up|cookie|consent|"
    r"gdpr|breadcrumb|related|recommend|outbrain|taboola|disqus|byline|caption|pagination|"
    r"popup|trending|most-read|mostread|more-?stories|"
    r"jump-?link|skip-?link|visually-?hidden|sr-only|screen-?reader|sidebar|side-bar|advert|"
    r"sponsor|promo|footer|navigation|navbar|menu|toolbar|modal|pagination|teaser-list|"
    r"further-reading|read-?next|tag-?list|tag-?cloud|post-?tags|share-?bar|key-?points|"
    r"slideshow|lightbox|disclaimer|disclosure|ez-toc|"
    r"table-of-contents|postmetadata|metaline|metainfo|bildunterschrift|bilduntertitel|"
    r"imagedescription|img-?metadata|image-?caption|factbox|infobox|callout|news-letter|"
    r"privacy-embed|third-party|-cta|cta-|swiper|paidbox|aside|widget-area|widget_"
)
"""Words (lower case) that mark page furniture anywhere inside a class token."""

_FURNITURE_TOKENS: Final = frozenset(
    {
        "nav",
        "ad",
        "ads",
        "adslot",
        "ad-slot",
        "ad-container",
        "advertisement",
        "banner",
        "bio",
        "credit",
        "credits",
        "dfp",
        "hidden",
        "is-hidden",
        "pager",
        "rail",
        "tags",
        "tools",
        "meta",
        "post-meta",
        "entry-meta",
        "article-meta",
        "d-none",
        "image",
        "img",
        "photo",
        "picture",
        "gallery",
        "video",
        "media-caption",
        "legend",
        "cta",
    }
)
"""Whole class tokens that mark page furniture."""

_TAXONOMY: Final = re.compile(
    r"(?:tag|category|categories|post|format|status|type|term|topic|section|ressort|"
    r"postid|page-id|author|has|with|is|no|show|js)[-_]"
)
"""Token prefixes that name what a wrapper holds or how it behaves, not what it is."""

_BODY_HINT: Final = re.compile(
    r"article-?body|articlebody|story-?body|entry-content|post-content|article-?content|"
    r"article-?text|story-?content|main-content|post-body|body-?text|storytext|"
    r"article__body|article__content|rich-?text"
)
"""Words that name the article's own text container; they win over furniture words."""

_HIDDEN_STYLE: Final = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


_AUTHOR_BOX: Final = re.compile(
    r"author-?(?:bio|box|card|info|description|desc|section|about)|about-?(?:the-?)?author|"
    r"post-?author|saboxplugin"
)
"""The box about the author under an article (checked before the taxonomy prefixes,
which would read ``author-box`` as "by the author named box")."""


def _token_is_furniture(token: str) -> bool:
    if token in _FURNITURE_TOKENS or _AUTHOR_BOX.search(token):
        return True
    if _TAXONOMY.match(token):
        return False
    return _FURNITURE_WORDS.search(token) is not None


@functools.lru_cache(maxsize=4096)
def hints_are_furniture(hints: str) -> bool:
    """Whether a lower-cased class-and-id string names page furniture."""
    if _BODY_HINT.search(hints):
        return False
    return any(_token_is_furniture(token) for token in hints.split())


_MAYBE_HIDDEN: Final = lxml.etree.XPath(
    "//@style[contains(., 'none') or contains(., 'hidden')]/.. | //@hidden/.."
)


def remove_hidden(root: HtmlElement) -> None:
    """Remove elements hidden from readers (``hidden``, inline display:none), keeping tails."""
    for element in _MAYBE_HIDDEN(root):
        if (
            not isinstance(element, HtmlElement)
            or element.tag in PROTECTED_TAGS
            or element.getparent() is None
        ):
            continue
        style = element.get("style")
        if element.get("hidden") is not None or (style and _HIDDEN_STYLE.search(style)):
            element.drop_tree()


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
