"""One pass over the page's ``<meta>``, ``<link>``, ``<script>``, ``<title>``, ``<time>`` and headings.

Keys of :attr:`PageTags.meta` are lower case: ``og:title``,
``article:published_time``, ``twitter:title``, ``dc.creator``,
``itemprop:datepublished`` (the ``itemprop`` of ``<meta>`` is prefixed so that
it cannot collide with a ``name``). Values are whitespace-normalised and
HTML-unescaped (pages escape ``&amp;`` twice more often than one would think).
"""

from __future__ import annotations

import html
import re
from typing import Final

import attrs
from lxml import etree
from lxml.html import HtmlElement

__all__ = ["PageTags", "itemprop_values", "read_tags", "source_name"]

_TAGS: Final = ("meta", "link", "script", "title", "time", "h1")
_ITEMPROPS: Final = etree.XPath("//*[@itemprop][not(self::meta)]")
_KEY_ATTRS: Final = (("property", ""), ("name", ""), ("itemprop", "itemprop:"), ("http-equiv", ""))
_FEED_TITLE: Final = re.compile(r"^(?P<site>[^»|·•]+?)\s*[»:–—-]?\s*Feed$", re.IGNORECASE)


@attrs.frozen(kw_only=True)
class PageTags:
    """The page's metadata elements, read once."""

    meta: dict[str, list[str]]
    links: dict[str, str]
    lang: str | None
    title: str | None
    json_ld: list[str]
    feeds: list[str]
    """Site names from the titles of RSS/Atom links ("Site » Feed" gives "Site")."""
    times: list[HtmlElement]
    h1s: list[HtmlElement]

    def first(self, *keys: str) -> tuple[str, str] | None:
        """The first non-empty value among *keys*, with the key that gave it."""
        for key in keys:
            values = self.meta.get(key)
            if values:
                return key, values[0]
        return None

    def get(self, *keys: str) -> str | None:
        """The first non-empty value among *keys*."""
        found = self.first(*keys)
        return found[1] if found else None

    def all(self, key: str) -> list[str]:
        """Every value of *key*, in document order."""
        return self.meta.get(key, [])


def clean_text(value: str) -> str:
    """Whitespace collapsed, entities left over by double escaping decoded."""
    if "&" in value:
        value = html.unescape(value)
    # str.split() knows the same whitespace as a str regex's \s: runs collapse, ends go.
    return " ".join(value.replace("\u00ad", "").split())


def read_tags(root: HtmlElement) -> PageTags:
    """Collect the page's metadata elements in one pass."""
    meta: dict[str, list[str]] = {}
    links: dict[str, str] = {}
    feeds: list[str] = []
    json_ld: list[str] = []
    times: list[HtmlElement] = []
    h1s: list[HtmlElement] = []
    title: str | None = None
    for el in root.iter(*_TAGS):
        tag = el.tag
        if tag == "meta":
            value = el.get("content") or el.get("value")
            if not value or not (value := clean_text(value)):
                continue
            for attr, prefix in _KEY_ATTRS:
                key = el.get(attr)
                if key:
                    for part in key.lower().split():
                        meta.setdefault(prefix + part, []).append(value)
        elif tag == "link":
            href = el.get("href")
            if href:
                for rel in (el.get("rel") or "").lower().split():
                    links.setdefault(rel, href.strip())
            kind = (el.get("type") or "").lower()
            if ("rss" in kind or "atom" in kind) and (feed := el.get("title")):
                match = _FEED_TITLE.match(clean_text(feed))
                if match:
                    feeds.append(match.group("site").strip(" -–—:"))
        elif tag == "script":
            if "ld+json" in (el.get("type") or "").lower() and (text := el.text):
                json_ld.append(text)
        elif tag == "time":
            times.append(el)
        elif tag == "h1":
            h1s.append(el)
        elif title is None and (text := el.text):
            title = clean_text(text) or None
    top = root.getroottree().getroot()
    lang = top.get("lang") or top.get("{http://www.w3.org/XML/1998/namespace}lang")
    return PageTags(
        meta=meta,
        links=links,
        lang=lang.strip() if lang else None,
        title=title,
        json_ld=json_ld,
        feeds=[f for f in feeds if f][:4],
        times=times,
        h1s=h1s,
    )


def itemprop_values(root: HtmlElement, props: frozenset[str]) -> dict[str, list[HtmlElement]]:
    """Microdata elements (other than ``<meta>``) whose ``itemprop`` is one of *props*."""
    found: dict[str, list[HtmlElement]] = {}
    for el in _ITEMPROPS(root):
        for prop in (el.get("itemprop") or "").split():
            if prop in props:
                found.setdefault(prop, []).append(el)
    return found


def source_name(key: str) -> str:
    """The source name recorded for a ``<meta>`` key."""
    for prefix, name in (
        ("og:", "og"),
        ("article:", "og"),
        ("twitter:", "twitter"),
        ("dc.", "dublin-core"),
        ("dcterms.", "dublin-core"),
        ("dc:", "dublin-core"),
        ("itemprop:", "microdata"),
        ("parsely-", "parsely"),
        ("sailthru.", "sailthru"),
    ):
        if key.startswith(prefix):
            return name
    return "meta"
