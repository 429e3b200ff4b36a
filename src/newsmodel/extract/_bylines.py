"""Bylines in the page itself: microdata and ``rel=author``, author-classed elements, "By ..." lines.

The finders run lazily, most reliable first, inside the article's container
(found from its heading) when there is one. Comment sections, footers, sidebars
and teaser lists are skipped because their bylines belong to other texts.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Callable, Collection, Iterator
from typing import Any, Final

from lxml import etree
from lxml.html import HtmlElement

from newsmodel.extract._marks import Marks, inside
from newsmodel.extract.authors import split_authors
from newsmodel.extract.lexicon import lexicon
from newsmodel.parse._byline import is_name

__all__ = ["article_scope", "byline_candidates", "heading_ancestors", "outside_chrome"]

_AUTHOR_PROP: Final = re.compile(r"^(?:author|creator)$")
_AUTHOR_REL: Final = re.compile(r"(?:^|\s)author(?:\s|$)")
_AUTHOR_CLASS: Final = re.compile(
    r"uthor|byline|Byline|autor|Autor|writer|poster|posted|verfasser|creator"
)
_TEXTS: Final = etree.XPath(".//text()[string-length() < 160][normalize-space()]")
_NAME_INSIDE: Final = etree.XPath(
    ".//*[@itemprop='name' or contains(concat(' ', @class, ' '), ' fn ')"
    " or contains(concat(' ', @class, ' '), ' name ') or contains(@class, 'author-name')"
    " or contains(@class, 'author__name')]"
)
_BY_START: Final = re.compile(
    r"^[\s\-–—|·•*]*(?:By|BY|by|Von|von|VON|Vom|vom|Par|par|PAR|Por|por|POR|Door|door|Av|"
    r"(?i:posted by|written by|submitted by|geschrieben von|verfasst von|erstellt von|"
    r"eingestellt von|gespeichert von|posted\s+in\s[^|]{1,80}?\sby|"
    r"(?:ein\s+|blog\s*)?(?:artikel|beitrag|bericht|interview|kommentar|gastbeitrag)\s+von|"
    r"veröffentlicht von|publié par|escrito por|publicado por|scritto da|text von|autor(?:in)?:|"
    r"author:|text:|texte:|redaktion:|(?:autor(?:in|en)?|auteur|author)\s*$)):?(?:\s|$)"
)
_LEADING_MARKS: Final = " -–—|·•*"
_SPACES: Final = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""The characters ``\\s`` matches."""
_LEAD: Final = _SPACES + _LEADING_MARKS
"""What ``_BY_START`` skips before a byline's first word."""
_ALL_TEXTS: Final = etree.XPath("descendant::text()", smart_strings=False)
_MAX_TEXT: Final = 160
"""The longest text a byline is read from, plus one (as ``_TEXTS`` says)."""
_OPENERS: Final = (
    "by", "von", "vom", "par", "por", "door", "av", "posted", "written", "submitted",
    "geschrieben", "verfasst", "erstellt", "eingestellt", "gespeichert", "ein", "blog", "artikel",
    "beitrag", "bericht", "interview", "kommentar", "gastbeitrag", "veröffentlicht", "publié",
    "escrito", "publicado", "scritto", "text", "autor", "auteur", "author", "redaktion", "quelle",
    "source",
)  # fmt: skip
"""What the lines ``_BY_START`` and ``_SOURCE_LINE`` match begin with, marks and spaces aside."""
_CASES: Final = (("i", "\u0130\u0131"), ("k", "\u212a"), ("s", "\u017f"))
"""Letters a case-blind regex also takes for these, besides their upper case."""


def _cases(char: str) -> str:
    """*char* in every case a case-blind regex takes for it."""
    return char + char.upper() + "".join(more for letter, more in _CASES if letter == char)


_INITIALS: Final = "".join(_cases(word[0]) for word in _OPENERS)
_OPENINGS: Final = frozenset(
    {a + b for word in _OPENERS for a in _cases(word[0]) for b in _cases(word[1])}
    | {m + c for m in _LEADING_MARKS.strip() for c in _LEAD + _INITIALS}
)
"""The first two characters, spaces aside, of a text that may open a byline or a source line:
an opener's in any case, or a mark and what may follow it (``_BY_START`` skips marks)."""
_FIRST_TWO: Final = slice(0, 2)
_POSTED_LINE: Final = re.compile(r"(?i)^(?:posted|filed|published|veröffentlicht)\b.{0,80}$")
"""A short "Posted in News by jane" line, whose lower-case "by" is no preposition in prose."""
_SOURCE_LINE: Final = re.compile(
    r"^\s*(?i:quelle|source)\s*:\s*([^\W\d][^/\n]{1,40}/\s?[a-z]{1,3})\s*$"
)
_MAX_AFTER_LABEL: Final = 6
_MAX_FETCH: Final = 10
"""Texts fetched by one XPath: a union of many nests deep in libxml2."""
_MAX_FETCHED: Final = 40
"""Texts fetched by position at most: each fetch walks the scope up to its text."""
_EVERY_TEXT: Final = etree.XPath("descendant::text()")
_ACCOUNT_LINE: Final = re.compile(r"^[\s\-–—|·•*]*(?i:gespeichert von|submitted by)")
"""A content system's "saved by" line: it names an account, which a real byline outranks."""
_BY_LABEL: Final = re.compile(
    r"(?i)^(?:(?:autor(?:in)?|author|text|texte|redaktion|von|by)\s*:|"
    r"(?:autor(?:in|en)?|auteur|author)\s*:?)$"
)
"""A byline label alone ("Autor:", "Auteur"), whose name is written after its element."""
_CHROME_WORDS: Final = re.compile(
    r"(?:^|\s)(?:comment|kommentar|related|sidebar|teaser|footer|respond|reply|share|social|"
    r"newsletter|promo|recommend|popular|more-|trending|breadcrumb|disqus|cookie|consent)"
)
_CHROME_TAGS: Final = frozenset(
    {"footer", "aside", "nav", "script", "style", "noscript", "option", "select", "form"}
)
_NOT_BYLINE: Final = re.compile(
    r"(?i)avatar|bio\b|about|description|image|photo|social|more|img|icon|box-title|widget-title"
)
_DAY: Final = (
    r"(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|"
    r"\d{1,2}\.?\s[^\W\d]{3,}\.?\s\d{4}|[^\W\d]{3,}\.?\s\d{1,2},?\s\d{4})"
    r"(?:,?\s*(?:[|,\-–—]\s*)?\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?"
)
_DATE_THEN_NAME: Final = re.compile(rf"^{_DAY}\s*[|\-–—/•·]\s*(?P<name>[^\W\d][^|\d]{{2,60}})$")
_NAME_THEN_DATE: Final = re.compile(rf"^(?P<name>[^\W\d][^|\d,]{{2,60}}?)\s*[|,\-–—/•·]\s*{_DAY}$")
"""A short line of a date and a name, in either order, with a separator between."""
_NEAR_SIBLINGS: Final = 3
_MAX_DATED_CHARS: Final = 90
_HIDDEN: Final = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_BOX_NAME: Final = etree.XPath(
    ".//*[self::h2 or self::h3 or self::h4 or self::h5 or self::strong or self::b or self::a]"
    "[normalize-space()]"
)
_BOX_LABEL: Final = re.compile(
    r"(?i)^(?:autor(?:in|en)?|author|über (?:den|die) autor(?:in)?|about)\W*$"
)
_MAX_BOX_NAME: Final = 60
_MAX_BOX_TRIES: Final = 4
_EMPHASIS: Final = ("em", "i", "b", "strong")
_MAX_SIGNATURE: Final = 40
_SCOPE_TAGS: Final = frozenset({"article", "main"})
_MAX_CHARS: Final = 120
_MAX_EACH: Final = 6
_MAX_WORDS: Final = 12
_SPACE: Final = re.compile(r"\s+")


def _wraps_content(node: HtmlElement) -> bool:
    """Whether *node* holds the page's main content (a layout wrapper, not chrome)."""
    return node.find(".//h1") is not None


def outside_chrome(el: HtmlElement, stop: Collection[HtmlElement] = ()) -> bool:
    """Whether *el* sits outside comments, footers, sidebars and teaser lists.

    The search stops at any element of *stop*: the ancestors of the article's
    heading are not chrome, whatever their class says; neither is an element that
    wraps the page's ``<h1>`` or ``<article>`` ("content-area sidebar" layouts), nor
    a ``<footer>`` inside an article.
    """
    ancestors = [el, *el.iterancestors()]
    for i, node in enumerate(ancestors):
        if node in stop:
            return True
        if node.tag in _CHROME_TAGS:
            if node.tag == "footer" and any(a.tag == "article" for a in ancestors[i + 1 :]):
                continue
            return False
        marks = f"{node.get('class') or ''} {node.get('id') or ''}"
        if len(marks) > 1 and _CHROME_WORDS.search(marks.lower()) and not _wraps_content(node):
            return False
        style = node.get("style")
        if style and _HIDDEN.search(style):  # a byline kept for crawlers, not shown
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


def _shown_name(el: HtmlElement) -> str:
    """The name an author element shows: not one written only in a ``<meta>`` inside it."""
    for inner in _NAME_INSIDE(el):
        if inner.tag != "meta" and (text := _text(inner)):
            return text
    return "" if el.tag == "meta" else _text(el)


def _microdata(elements: list[HtmlElement], stop: Collection[HtmlElement]) -> list[str]:
    return [t for el in elements if outside_chrome(el, stop) and (t := _shown_name(el))][:_MAX_EACH]


def _rel_author(elements: list[HtmlElement], stop: Collection[HtmlElement]) -> list[str]:
    return [
        t for el in elements if el.tag == "a" and outside_chrome(el, stop) and (t := _text(el))
    ][:_MAX_EACH]


def _box_name(box: HtmlElement) -> str:
    """The name an author box gives first: its heading, bold text or link, label words aside."""
    for el in itertools.islice(_BOX_NAME(box), _MAX_BOX_TRIES):
        text = _SPACE.sub(" ", el.text or "").strip()  # its own words: not "NameFollow"
        if " " in text and len(text) <= _MAX_BOX_NAME and not _BOX_LABEL.match(text):
            return text
    return ""


def _classed(elements: list[HtmlElement], stop: Collection[HtmlElement]) -> list[str]:
    out: list[str] = []
    for el in elements:
        marks = f"{el.get('class') or ''} {el.get('id') or ''}"
        if el.tag in {"body", "html", "article", "main", "img", "section"} or _NOT_BYLINE.search(
            marks
        ):
            continue
        if not outside_chrome(el, stop):
            continue
        text = _inner_name(el)
        if len(text) > _MAX_CHARS:  # an author box: its name is its title or first link
            text = _box_name(el)
        if text and len(text) <= _MAX_CHARS:
            out.append(text)
            if len(out) >= _MAX_EACH:
                break
    return out


def _opening_texts(scope: HtmlElement) -> list[Any]:
    """The texts (smart strings) of ``_TEXTS`` that ``_BY_START`` or ``_SOURCE_LINE`` match, in order.

    The plain texts are sifted here, and XPath fetches the few that pass by their
    position: an XPath predicate (``_TEXTS``) reads every text, and costs several times more.
    """
    texts: list[str] = _ALL_TEXTS(scope)
    # Most texts are spaces between tags: the first sieve runs in C (map and compress), no
    # Python line per text; the regexes see the few texts that open like a byline.
    heads = map(operator.getitem, map(str.lstrip, texts), itertools.repeat(_FIRST_TWO))
    found: list[int] = []
    for n in itertools.compress(itertools.count(1), map(_OPENINGS.__contains__, heads)):
        text = texts[n - 1]
        if len(text) < _MAX_TEXT and (_BY_START.match(text) or _SOURCE_LINE.match(text)):
            found.append(n)
    if len(found) > _MAX_FETCHED:  # one walk that makes every text beats many walks
        every: list[Any] = _EVERY_TEXT(scope)
        return [every[n - 1] for n in found]
    out: list[Any] = []
    for start in range(0, len(found), _MAX_FETCH):
        batch = found[start : start + _MAX_FETCH]
        out.extend(etree.XPath(" | ".join(f"descendant::text()[{n}]" for n in batch))(scope))
    return out


def _within(texts: list[Any], scope: HtmlElement) -> list[Any]:
    """The texts (smart strings) among *texts* that lie inside *scope*."""
    out: list[Any] = []
    for text in texts:
        parent = text.getparent()  # a tail's element is its preceding sibling
        if parent is not None and text.is_tail:
            parent = parent.getparent()
        if parent is not None and inside(parent, scope):
            out.append(text)
    return out


def _by_lines(
    texts: list[Any], stop: Collection[HtmlElement], sources: list[str] | None = None
) -> list[str]:
    """The "By ..." lines among *texts* (of ``_opening_texts``); "Quelle: Outlet/xy" lines met
    on the way go to *sources*."""
    out: list[str] = []
    weak: list[str] = []  # a CMS's account line, used when no other byline is found
    for node in texts:
        own = str(node)
        if not _BY_START.match(own):
            if sources is None or sources or ":" not in own:
                continue
            if found := _SOURCE_LINE.match(own):
                parent = node.getparent()
                if parent is not None and outside_chrome(parent, stop):
                    sources.append(found.group(1).strip())
            continue
        parent = node.getparent()
        if parent is not None and getattr(node, "is_tail", False):
            parent = parent.getparent()
        if parent is None or parent.tag == "a" or not outside_chrome(parent, stop):
            continue
        text = _text(parent).lstrip(_LEADING_MARKS)
        own = _SPACE.sub(" ", own).strip().lstrip(_LEADING_MARKS)  # "| By", "---- by"
        starts = text.startswith(own)
        if not starts and own[:1].islower() and not _POSTED_LINE.match(text):
            continue  # "... von Bäumen durch Dritte": a preposition inside prose
        text = text[max(text.find(own), 0) :]
        if len(text) > _MAX_CHARS or len(text.split()) > _MAX_WORDS:
            text = own
        if len(text.split()) > _MAX_WORDS:
            continue
        is_tail = getattr(node, "is_tail", False)
        tail = _SPACE.sub(" ", parent.tail or "").strip() if not is_tail else ""
        if len(text) <= len(own) and tail and _BY_LABEL.match(own):
            text = own + " " + tail  # "<h5>Autor:</h5> Peter Maahn": the name follows the label
        elif len(own) <= 3 or _BY_LABEL.match(own):  # "By", "Von:": the name follows
            following = parent.getnext() if not is_tail else None
            if len(text) <= len(own) and following is not None:
                text = f"{own} {_text(following)}".strip()
            if len(text) <= len(own) and (outer := parent.getparent()) is not None:
                # "<b>Von:</b><br><br> Jane Doe": the name is further along the container
                rest = _text(outer).partition(own)[2].split()[:_MAX_AFTER_LABEL]
                text = " ".join([own, *rest])
        (weak if _ACCOUNT_LINE.match(own) else out).append(text)
        if len(out) >= _MAX_EACH:
            break
    return out or weak[:_MAX_EACH]


def _dated_lines(heading: HtmlElement) -> list[str]:
    """A name next to the date in a short line beside the heading ("11.12.2019 - Jane Doe")."""
    near = [
        *itertools.islice(heading.itersiblings(preceding=True), _NEAR_SIBLINGS),
        *itertools.islice(heading.itersiblings(), _NEAR_SIBLINGS),
    ]
    out: list[str] = []
    for el in near:
        if not isinstance(el.tag, str):
            continue
        text = _text(el)
        if len(text) > _MAX_DATED_CHARS:
            continue
        m = _DATE_THEN_NAME.match(text) or _NAME_THEN_DATE.match(text)
        name = m["name"].strip() if m else ""
        # "PAID CONTENT | 3.2.2021" is a label, "SID Freitag" an agency and a day
        if is_name(name) and not name.isupper() and split_authors(name) == (name,):
            out.append(name)
    return out


def _signatures(scope: HtmlElement, stop: Collection[HtmlElement]) -> list[str]:
    """A name signed under the text: the last paragraph of its block, only a name in
    italics or bold ("<p><em>Jane Doe</em></p>") or set to the right, that starts with
    a known given name."""
    out: list[str] = []
    for p in scope.iter("p"):
        if p.get("align") != "right" and not any(c.tag in _EMPHASIS for c in p):
            continue
        text = _text(p)
        if not text or len(text) > _MAX_SIGNATURE or not is_name(text):
            continue
        if text.split()[0].lower() not in lexicon().given_names:
            continue  # a bold subheading ("After Divorce") is no signature
        if any(s.tag == "p" and _text(s) for s in p.itersiblings()):
            continue  # not the last paragraph of its block
        marked = p.get("align") == "right" or any(
            _text(inner) == text for inner in p.iter(*_EMPHASIS)
        )
        if marked and split_authors(text) == (text,) and outside_chrome(p, stop):
            out.append(text)
    return out[-1:]


def byline_candidates(
    root: HtmlElement, heading: HtmlElement | None, marks: Callable[[], Marks]
) -> Iterator[tuple[str, list[str]]]:
    """Raw byline strings per finder, most reliable finder first: (source, strings).

    Every finder looks inside the article's container first, then in the rest of the body.
    """
    scope = article_scope(root, heading)
    stop = heading_ancestors(heading)
    body = root.find("body")
    found = {
        "microdata": marks().find(("itemprop",), _AUTHOR_PROP),
        "rel-author": marks().find(("rel",), _AUTHOR_REL),
        "byline": marks().find(("class", "id"), _AUTHOR_CLASS),
    }
    whole = body is None or scope is body
    region = body if body is not None else root
    sources: list[str] = []  # "Quelle: Outlet/xy", found by the "By" line finder
    lines: list[Any] | None = None  # the region's "By" and source texts, read once
    for within in (True, False) if not whole else (True,):
        for source, elements in found.items():
            yield (
                source,
                fn(source)([el for el in elements if whole or inside(el, scope) is within], stop),
            )
        if within and (whole or not inside(scope, region)):
            texts = _opening_texts(scope)
        else:
            if lines is None:
                lines = _opening_texts(region)
            texts = _within(lines, scope) if within else lines
        yield "byline-text", _by_lines(texts, stop, sources)
        if within and heading is not None:
            yield "byline-dated", _dated_lines(heading)
    yield "source-line", sources
    yield "signature", _signatures(scope, stop)


def fn(source: str) -> Callable[[list[HtmlElement], Collection[HtmlElement]], list[str]]:
    """The finder for one kind of marked element."""
    return {"microdata": _microdata, "rel-author": _rel_author}.get(source, _classed)


def heading_ancestors(heading: HtmlElement | None) -> frozenset[HtmlElement]:
    """The elements around the article's heading: never chrome."""
    return frozenset(heading.iterancestors()) if heading is not None else frozenset()
