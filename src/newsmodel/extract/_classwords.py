"""Does a class-and-id string name page furniture? The word lists and a fast matcher.

A word marks furniture anywhere inside a class token (``site-footer__menu`` holds
"footer" and "menu"), so matching is substring search; a page carries a hundred
or more class strings seen on no other page, and a plain alternation of a hundred
words made this search cost a quarter of the body finder. The patterns here find
the same words from their rarest letter (see :func:`_anchored`).
"""

from __future__ import annotations

import functools
import re
from typing import Final

__all__ = ["hints_are_furniture", "hints_are_overlay"]

_FURNITURE_WORDS: Final = (
    "comment(?!ary)", "share", "sharing", "social", "newsletter", "subscri", "sign-?up",
    "cookie", "consent", "gdpr", "breadcrumb", "related", "recommend", "outbrain", "taboola",
    "disqus", "byline", "caption", "pagination", "popup", "trending", "most-?read",
    "more-?stories", "jump-?link", "skip-?link", "visually-?hidden", "sr-only",
    "screen-?reader", "side-?bar", "advert", "sponsor", "promo", "footer", "navigation",
    "navbar", "menu", "toolbar", "modal", "teaser-list", "further-reading", "read-?next",
    "tag-?list", "tag-?cloud", "post-?tags", "share-?bar", "key-?points", "slideshow",
    "lightbox", "disclaimer", "disclosure", "ez-toc", "table-of-contents", "postmetadata",
    "metaline", "metainfo", "bildunterschrift", "bilduntertitel", "imagedescription",
    "img-?metadata", "image-?caption", "factbox", "infobox", "callout", "news-letter",
    "privacy-embed", "third-party", "-cta", "cta-", "swiper", "paidbox", "aside",
    "widget-area", "widget_", "login",
)  # fmt: skip
"""Words (lower case) that mark page furniture anywhere inside a class token; ``-?`` is
an optional hyphen, and a word may end in a lookahead."""

_BODY_WORDS: Final = (
    "article-?body", "story-?body", "entry-content", "post-content", "article-?content",
    "article-?text", "story-?content", "main-content", "post-body", "body-?text",
    "storytext", "article__body", "article__content", "rich-?text",
)  # fmt: skip
"""Words that name the article's own text container; they win over furniture words."""

_AUTHOR_WORDS: Final = (
    "author-?bio", "author-?box", "author-?card", "author-?info", "author-?description",
    "author-?desc", "author-?section", "author-?about", "about-?author",
    "about-?the-?author", "post-?author", "saboxplugin",
)  # fmt: skip
"""The box about the author under an article (checked before the taxonomy prefixes,
which would read ``author-box`` as "by the author named box")."""

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

_OVERLAY_WORDS: Final = ("cookie", "consent", "gdpr", "modal", "popup", "login")
"""Furniture words that name a box laid over the page (a cookie notice, a login dialog):
it never wraps the article, however much text it holds."""

_RARITY: Final = "-_etaoinsrhldcumfpgwybvkxjqz"
"""Characters from most to least common in class names (English letter frequency)."""


def _variants(word: str) -> list[str]:
    """The spellings of *word*, each ``-?`` read as a hyphen or nothing."""
    out = [""]
    for index, part in enumerate(word.split("-?")):
        joins = ("",) if index == 0 else ("", "-")
        out = [done + join + part for done in out for join in joins]
    return out


def _anchored(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that finds the spellings of *words*, like their plain alternation, faster.

    Each spelling is found from its rarest character: the alternative starts there and
    checks the letters before it with a lookbehind. Every alternative then starts with
    one of a few uncommon characters, so the regex engine tries no word at the other
    positions (a plain alternation tries every word at every position).
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        for spelling in _variants(word):
            literal, paren, lookahead = spelling.partition("(")
            anchor = max(range(len(literal)), key=lambda i: (_RARITY.find(literal[i]), -i))
            before = f"(?<={re.escape(literal)})" if anchor else ""
            rest = re.escape(literal[anchor + 1 :]) + before + paren + lookahead
            groups.setdefault(literal[anchor], []).append(rest)
    return re.compile(
        "|".join(f"{re.escape(char)}(?:{'|'.join(rests)})" for char, rests in groups.items())
    )


_WORDS: Final = _anchored(_FURNITURE_WORDS)
_BODY: Final = _anchored(_BODY_WORDS)
_AUTHOR: Final = _anchored(_AUTHOR_WORDS)
_OVERLAY: Final = _anchored(_OVERLAY_WORDS)
_ANY: Final = _anchored(_FURNITURE_WORDS + _BODY_WORDS + _AUTHOR_WORDS)


def _token_is_furniture(token: str) -> bool:
    if token in _FURNITURE_TOKENS or _AUTHOR.search(token):
        return True
    if _TAXONOMY.match(token):
        return False
    return _WORDS.search(token) is not None


@functools.lru_cache(maxsize=4096)
def hints_are_furniture(hints: str) -> bool:
    """Whether a lower-cased class-and-id string names page furniture.

    A token is furniture when it is a furniture token, holds an author-box word, or
    holds a furniture word without starting with a taxonomy prefix; a body word
    anywhere in the string overrules them all.
    """
    if _ANY.search(hints) is None:
        # No word anywhere (most strings): only whole tokens can name furniture.
        return not _FURNITURE_TOKENS.isdisjoint(hints.split())
    if _BODY.search(hints):
        return False
    return any(_token_is_furniture(token) for token in hints.split())


def hints_are_overlay(hints: str) -> bool:
    """Whether a lower-cased class-and-id string names furniture laid over the page."""
    return _OVERLAY.search(hints) is not None and hints_are_furniture(hints)
