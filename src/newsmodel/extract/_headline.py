"""The headline: structured titles cleaned of the site's name, checked against the page's heading.

Titles in ``<title>`` and ``og:title`` often carry the site's name ("Story | Outlet").
A part is cut only at a *spaced* separator (`` | ``, `` - ``, `` – ``, `` — ``,
`` · ``, `` » ``, `` :: ``) and only when it names the site (og:site_name, the
publisher, the domain) or when the rest is exactly the page's heading. Colons
and unspaced hyphens ("Covid-19") are never split.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Final

from lxml import etree
from lxml.html import HtmlElement

from newsmodel.extract._bylines import outside_chrome
from newsmodel.extract._marks import Marks

__all__ = ["choose_headline", "site_keys", "site_title_keys", "strip_site_name", "titled_elements"]

_SEPARATOR: Final = re.compile(r"\s+(?:\||-|–|—|·|•|»|«|::|//|~|/)\s+")
_TITLE_CLASS: Final = re.compile(
    r"(?:^|[\s_-])(?:entry|post|article|page|story|news)?[_-]?(?:title|headline)(?:$|[\s_-])",
    re.IGNORECASE,
)
_VISIBLE_TEXT: Final = etree.XPath(
    ".//text()[not(ancestor::style or ancestor::script)]", smart_strings=False
)  # plain strings: a "smart" one makes an element object for its parent, per text node
_SITE_CLASS: Final = re.compile(r"(?i)site-?title|site-?name|blog-?title|blogname|logo|brand")
_TITLE_TAGS: Final = frozenset({"h1", "h2", "h3", "div", "span", "header", "p"})
_MAX_HEADINGS: Final = 8
_CLOSE: Final = 0.5
_LONG_HEADING_WORDS: Final = 4
_SECTION_WORDS: Final = 2
_WORD: Final = re.compile(r"\w+")
_TLD: Final = re.compile(r"^(?:www\d?|m|amp|mobile)\.|\.[a-z]{2,6}$|\.(?:co|com|org|net|gov|ac)$")


def _key(text: str) -> str:
    return "".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def site_keys(names: Iterable[str | None], urls: Iterable[str | None]) -> frozenset[str]:
    """Comparable keys for the site's names and the registered part of its domains."""
    keys = {k for name in names if name and len(k := _key(name)) >= 2}
    for url in urls:
        if not url or "://" not in url:
            continue
        host = url.split("://", 1)[1].split("/", 1)[0].split(":", 1)[0].lower()
        keys.add(_key(host))
        bare = host
        while (shorter := _TLD.sub("", bare)) != bare:
            bare = shorter
        label = bare.rsplit(".", 1)[-1]
        if len(label) >= 3:
            keys.add(_key(label))
    return frozenset(keys)


def _names_site(part: str, sites: frozenset[str]) -> bool:
    key = _key(part)
    if len(key) < 2:
        return False
    return any(
        key == s or (len(s) >= 4 and ((s in key and 2 * len(s) >= len(key)) or key in s))
        for s in sites
    )


def strip_site_name(title: str, sites: frozenset[str]) -> str:
    """*title* without a leading or trailing part that names the site."""
    parts = _SEPARATOR.split(title)
    while len(parts) > 1 and _names_site(parts[-1], sites):
        parts.pop()
    while len(parts) > 1 and _names_site(parts[0], sites):
        parts.pop(0)
    if len(parts) == len(_SEPARATOR.split(title)):
        return title
    # Rejoin what is left with the separators the title used.
    pieces = _SEPARATOR.split(title)
    start = pieces.index(parts[0])
    seps = _SEPARATOR.findall(title)
    out = parts[0]
    for i, part in enumerate(parts[1:], start=start):
        out += seps[i] + part
    return out


def _heading_text(el: HtmlElement) -> str:
    text = "".join(_VISIBLE_TEXT(el))
    return " ".join(text.replace("\u00ad", "").replace("\u200b", "").split())


def site_title_keys(marks: Marks) -> frozenset[str]:
    """Keys of the site's name as its header shows it (``.site-title``, ``.logo``, ``.brand``)."""
    names = [
        " ".join(el.text_content().split()) for el in marks.find(("class", "id"), _SITE_CLASS)[:6]
    ]
    return site_keys([n for n in names if 0 < len(n) <= 80], [])


def titled_elements(marks: Marks) -> list[HtmlElement]:
    """Elements classed as the entry's title (``entry-title``, ``post-title``, ``headline``)."""
    return [el for el in marks.find(("class", "itemprop"), _TITLE_CLASS) if el.tag in _TITLE_TAGS]


def _same(a: str, b: str) -> bool:
    ka, kb = _key(a), _key(b)
    return bool(ka) and ka == kb


def _part_matching(title: str, heading: str) -> str | None:
    parts = _SEPARATOR.split(title)
    if len(parts) < 2 or _same(heading, title):
        return None
    return next((part for part in parts if _same(part, heading)), None)


def _bag(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.casefold()))


def _similarity(a: str, b: str) -> float:
    """Dice coefficient of the two texts' word multisets."""
    bag_a, bag_b = _bag(a), _bag(b)
    total = sum(bag_a.values()) + sum(bag_b.values())
    return 2 * sum((bag_a & bag_b).values()) / total if total else 0.0


def _usable(
    elements: Sequence[HtmlElement], sites: frozenset[str]
) -> list[tuple[str, HtmlElement]]:
    out: list[tuple[str, HtmlElement]] = []
    for el in elements[:_MAX_HEADINGS]:
        text = _heading_text(el)
        if (
            3 <= len(text) <= 400
            and "{" not in text
            and not _names_site(text, sites)
            and outside_chrome(el, ())
        ):
            out.append((text, el))
    return out


def choose_headline(
    candidates: Sequence[tuple[str, str]],
    headings: Sequence[HtmlElement],
    sites: frozenset[str],
    more_headings: Callable[[], Sequence[HtmlElement]],
    more_sites: Callable[[], frozenset[str]] = frozenset,
) -> tuple[str, str, HtmlElement | None] | None:
    """The headline, its source and its heading element among *candidates* (source, text).

    A cleaned candidate the page shows as a heading (an ``<h1>``, else an element
    from *more_headings*) wins, then the part of a title that is a heading, then
    the heading closest to a candidate; failing those a long ``<h1>``, else the
    first candidate, cleaned.
    """
    cleaned = [(source, strip_site_name(text, sites)) for source, text in candidates if text]
    h1s = _usable(headings, sites)
    seen: list[tuple[str, HtmlElement]] = []
    for group in (h1s, None):
        texts = group if group is not None else _usable(more_headings(), sites)
        seen.extend(texts)
        for source, text in cleaned:
            for heading, el in texts:
                if _same(text, heading):
                    return text, source, el
        for source, text in cleaned:
            for heading, el in texts:
                part = _part_matching(text, heading)
                if part is not None:
                    return part, source, el
    best: tuple[float, str, str, HtmlElement] | None = None
    for source, text in cleaned:
        for heading, el in seen:
            score = _similarity(text, heading)
            if score >= _CLOSE and (best is None or score > best[0]):
                best = (score, text, source, el)
                if source == "title" or _key(text) not in _key(heading):
                    best = (score, heading, "h1" if el.tag == "h1" else "heading", el)
    if best is not None:
        # A heading that is a candidate plus a kicker, a date or a subtitle gives the candidate.
        return best[1], best[2], best[3]
    for heading, el in h1s:
        if len(heading.split()) >= _LONG_HEADING_WORDS:
            return heading, "h1", el
    if cleaned and len(cleaned[0][1].split()) <= _SECTION_WORDS:
        # "Aktuelles", "Medienmitteilungen": a section's name, not the article's headline.
        for heading, el in seen:
            if len(heading.split()) >= _LONG_HEADING_WORDS:
                return heading, "h1" if el.tag == "h1" else "heading", el
    if cleaned:
        source, text = cleaned[0]
        if _SEPARATOR.search(text):  # unverified and still in parts: the page may name its site
            text = strip_site_name(text, sites | more_sites())
        return text, source, None
    if h1s:
        return h1s[0][0], "h1", h1s[0][1]
    return None
