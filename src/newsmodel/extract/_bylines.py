"""Bylines in the page itself: microdata and ``rel=author``, author-classed elements, "By ..." lines.

The finders run lazily, most reliable first, inside the article's container
(found from its heading) when there is one. Comment sections, footers, sidebars
and teaser lists are skipped because their bylines belong to other texts.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import Final

from lxml import etree
from lxml.html import HtmlElement

__all__ = ["article_scope", "byline_candidates", "heading_ancestors", "outside_chrome"]

_MICRODATA: Final = etree.XPath(".//*[@itemprop='author' or @itemprop='creator' or @rel='author']")
_REL_AUTHOR: Final = etree.XPath(".//a[contains(@rel, 'author')]")
_CLASSED: Final = etree.XPath(
    ".//*[contains(@class, 'uthor') or contains(@class, 'byline') or contains(@class, 'Byline')"
    " or contains(@class, 'autor') or contains(@class, 'Autor') or contains(@class, 'writer')"
    " or contains(@class, 'poster') or contains(@class, 'posted') or contains(@id, 'uthor')"
    " or contains(@class, 'verfasser') or contains(@class, 'creator')]"
)
_TEXTS: Final = etree.XPath(".//text()[string-length() < 160][normalize-space()]")
_NAME_INSIDE: Final = etree.XPath(
    ".//*[@itemprop='name' or contains(concat(' ', @class, ' '), ' fn ')"
    " or contains(concat(' ', @class, ' '), ' name ') or contains(@class, 'author-name')"
    " or contains(@class, 'author__name')]"
)
_BY_START: Final = re.compile(
    r"^\s*(?:By|BY|by|Von|von|VON|Vom|vom|Par|par|PAR|Por|por|POR|Door|door|Di|Av|"
    r"(?i:posted by|written by|geschrieben von|verfasst von|ein beitrag von|erstellt von|"
    r"veröffentlicht von|publié par|escrito por|publicado por|scritto da|text von|autor(?:in)?:|"
    r"author:|text:|texte:|redaktion:))(?:\s|$)"
)
_CHROME_WORDS: Final = re.compile(
    r"(?i)(?:^|\s)(?:comment|kommentar|related|sidebar|teaser|footer|respond|reply|share|social|"
    r"newsletter|promo|recommend|popular|more-|trending|breadcrumb|disqus|cookie|consent)"
)
_CHROME_TAGS: Final = frozenset({"footer", "aside", "nav", "script", "style", "noscript", "option", "select", "form"})
_NOT_BYLINE: Final = re.compile(r"(?i)avatar|bio\b|about|description|image|photo|social|more|img|icon|box-title|widget-title")
_SCOPE_TAGS: Final = frozenset({"article", "main"})
_MAX_CHARS: Final = 120
_MAX_EACH: Final = 6
_SPACE: Final = re.compile(r"\s+")


def outside_chrome(el: HtmlElement, stop: Collection[HtmlElement] = ()) -> bool:
    """Whether *el* sits outside comments, footers, sidebars and teaser lists.

    The search stops at any element of *stop*: the ancestors of the article's
    heading are not chrome, whatever their class says.
    """
    for node in (el, *el.iterancestors()):
        if node in stop:
            return True
        if node.tag in _CHROME_TAGS:
            return False
        marks = f"{node.get('class') or ''} {node.get('id') or ''}"
        if len(marks) > 1 and _CHROME_WORDS.search(marks):
            return False
    return True


def article_scope(root: HtmlElement, heading: HtmlElement | None) -> HtmlElement:
    """The element holding the article: the ``<article>``/``<main>`` around its heading, or a near ancestor."""
    body = root.find("body")
    fallback = body if body is not None else root
    if heading is None:
        return fallback
    scope = heading
    for depth, node in enumerate(heading.iterancestors()):
        if node.tag in _SCOPE_TAGS:
            return node
        if node.tag == "body" or depth >= 4:
            break
        scope = node
    return scope


def _text(el: HtmlElement) -> str:
    raw = el.get("content") if el.tag in {"meta", "link"} else el.text_content()
    return _SPACE.sub(" ", raw or "").strip()


def _inner_name(el: HtmlElement) -> str:
    for inner in _NAME_INSIDE(el):
        text = _text(inner)
        if text:
            return text
    return _text(el)


def _microdata(scope: HtmlElement, stop: Collection[HtmlElement]) -> list[str]:
    return [t for el in _MICRODATA(scope) if outside_chrome(el, stop) and (t := _inner_name(el))][:_MAX_EACH]


def _rel_author(scope: HtmlElement, stop: Collection[HtmlElement]) -> list[str]:
    return [t for el in _REL_AUTHOR(scope) if outside_chrome(el, stop) and (t := _text(el))][:_MAX_EACH]


def _classed(scope: HtmlElement, stop: Collection[HtmlElement]) -> list[str]:
    out: list[str] = []
    for el in _CLASSED(scope):
        marks = f"{el.get('class') or ''} {el.get('id') or ''}"
        if el.tag in {"body", "html", "article", "main", "img", "section"} or _NOT_BYLINE.search(marks):
            continue
        if not outside_chrome(el, stop):
            continue
        text = _inner_name(el)
        if text and len(text) <= _MAX_CHARS:
            out.append(text)
            if len(out) >= _MAX_EACH:
                break
    return out


def _by_lines(scope: HtmlElement, stop: Collection[HtmlElement]) -> list[str]:
    out: list[str] = []
    for node in _TEXTS(scope):
        own = str(node)
        if not _BY_START.match(own):
            continue
        parent = node.getparent()
        if parent is not None and getattr(node, "is_tail", False):
            parent = parent.getparent()
        if parent is None or parent.tag == "a" or not outside_chrome(parent, stop):
            continue
        text = _text(parent)
        own = _SPACE.sub(" ", own).strip()
        text = text[max(text.find(own), 0) :]
        if len(text) > _MAX_CHARS:
            text = own
        if len(own) <= 3:  # "By" alone: the name follows in the next element
            following = parent.getnext() if not getattr(node, "is_tail", False) else None
            if len(text) <= len(own) and following is not None:
                text = own + " " + _text(following)
        out.append(text)
        if len(out) >= _MAX_EACH:
            break
    return out


def byline_candidates(root: HtmlElement, heading: HtmlElement | None) -> Iterator[tuple[str, list[str]]]:
    """Raw byline strings per finder, most reliable finder first: (source, strings)."""
    scope = article_scope(root, heading)
    stop = heading_ancestors(heading)
    body = root.find("body")
    scopes = [scope] if body is None or scope is body else [scope, body]
    for where in scopes:
        yield "microdata", _microdata(where, stop)
        yield "rel-author", _rel_author(where, stop)
        yield "byline", _classed(where, stop)
        yield "byline-text", _by_lines(where, stop)


def heading_ancestors(heading: HtmlElement | None) -> frozenset[HtmlElement]:
    """The elements around the article's heading: never chrome."""
    return frozenset(heading.iterancestors()) if heading is not None else frozenset()
