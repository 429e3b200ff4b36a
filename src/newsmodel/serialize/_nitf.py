"""The NITF 3.6 body of a NewsML-G2 item: headings, byline, dateline, paragraphs.

Mentions of people, organisations and places become ``<person>``, ``<org>`` and
``<location>`` elements, quotations ``<q>`` elements, at their exact character
spans. Spans may overlap; NITF can only nest some of them (a ``q`` may hold
entities, an entity holds text only), so the markup is laid out like this:

* spans are placed outermost first (earlier start, then longer, then ``q`` before
  an entity with the same span);
* a span that starts inside an element and runs past its end is split at that end;
  the remainder is placed again;
* a span that would have to sit inside an entity element is dropped there (its
  remainder after the entity, if any, is still placed).

A span crossing a paragraph break is split into one element per paragraph.
Dropped or split markup loses nothing: the exact spans also travel in the model
rendition (see :mod:`newsmodel.serialize.newsml`).
"""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING

import attrs
from lxml import etree

from newsmodel._newsml_vocab import NITF_NS, clean_text, nitf_norm
from newsmodel.model import PARAGRAPH_SEPARATOR, Article, Person, Span

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Sequence

__all__ = ["BodyRefs", "IdAllocator", "nitf_body"]

_N = f"{{{NITF_NS}}}"
_KIND_RANK = {"q": 0, "person": 1, "org": 1, "location": 1}


class IdAllocator:
    """Hands out XML IDs (``xs:ID``) unique across the whole item."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def take(self, wanted: str, fallback: str) -> str:
        """*wanted* if it is a free NCName, otherwise *fallback* made unique with a number."""
        if _is_ncname(wanted) and wanted not in self._used:
            self._used.add(wanted)
            return wanted
        n = 1
        while f"{fallback}{n}" in self._used:
            n += 1
        self._used.add(f"{fallback}{n}")
        return f"{fallback}{n}"


def _is_ncname(value: str) -> bool:
    if not value or not (value[0].isalpha() or value[0] == "_") or not value.isascii():
        return False
    return all(c.isalnum() or c in "-._" for c in value)


@attrs.define
class BodyRefs:
    """The XML IDs the body gave to paragraphs and quotation pieces."""

    paragraphs: list[str] = attrs.field(factory=list)
    quotes: dict[int, list[str]] = attrs.field(factory=dict)


@attrs.define
class _Mark:
    start: int
    end: int
    kind: str
    attrib: dict[str, str]
    quote_index: int = -1
    children: list[_Mark] = attrs.field(factory=list)


def nitf_body(
    article: Article, *, guid: str, scheme: str, ids: IdAllocator, assume_zone: dt.tzinfo
) -> tuple[etree._Element, BodyRefs]:
    """The ``<nitf>`` element for *article* and the IDs its parts got."""
    refs = BodyRefs()
    nitf = etree.Element(_N + "nitf", nsmap={None: NITF_NS})
    head = etree.SubElement(nitf, _N + "head")
    if article.headline and article.headline.strip():
        _text(head, "title", article.headline)
    docdata = etree.SubElement(head, _N + "docdata")
    etree.SubElement(docdata, _N + "doc-id", {"id-string": clean_text(guid)})
    if article.published is not None:
        zone = assume_zone if article.published.tzinfo is None else None
        etree.SubElement(
            docdata, _N + "date.issue", {"norm": nitf_norm(article.published, assume=zone)}
        )
    if article.keywords:
        keys = etree.SubElement(docdata, _N + "key-list")
        for keyword in article.keywords:
            etree.SubElement(keys, _N + "keyword", {"key": clean_text(keyword)})
    body = etree.SubElement(nitf, _N + "body")
    _body_head(etree.SubElement(body, _N + "body.head"), article, scheme)
    content = etree.SubElement(body, _N + "body.content")
    if article.image_url or article.image_caption:
        media = etree.SubElement(content, _N + "media", {"media-type": "image"})
        ref = etree.SubElement(media, _N + "media-reference")
        if article.image_url:
            ref.set("source", clean_text(article.image_url))
        if article.image_caption:
            _text(media, "media-caption", article.image_caption)
    marks = _marks(article, scheme)
    start = 0
    for index, paragraph in enumerate(article.paragraphs):
        para_id = ids.take(f"para{index + 1}", "para")
        refs.paragraphs.append(para_id)
        p = etree.SubElement(content, _N + "p", {"id": para_id})
        end = start + len(paragraph)
        local = _clip(marks, start, end)
        tree = _nest(local)
        _render(p, paragraph, 0, len(paragraph), tree, quote_id=lambda m: _quote_id(m, refs, ids))
        start = end + len(PARAGRAPH_SEPARATOR)
    return nitf, refs


def _text(parent: etree._Element, tag: str, text: str) -> etree._Element:
    child = etree.SubElement(parent, _N + tag)
    child.text = clean_text(text)
    return child


def _body_head(head: etree._Element, article: Article, scheme: str) -> None:
    if article.headline and article.headline.strip():
        hedline = etree.SubElement(head, _N + "hedline")
        _text(hedline, "hl1", article.headline)
        if article.subheadline and article.subheadline.strip():
            _text(hedline, "hl2", article.subheadline)
    if article.authors:
        byline = etree.SubElement(head, _N + "byline")
        byline.text = "By "
        last: etree._Element | None = None
        for i, author in enumerate(article.authors):
            if last is not None:
                last.tail = " and " if i == len(article.authors) - 1 else ", "
            last = _person(byline, author, scheme)
    if article.dateline and article.dateline.strip():
        _text(head, "dateline", article.dateline)
    if article.description and article.description.strip():
        abstract = etree.SubElement(head, _N + "abstract")
        _text(abstract, "p", article.description)


def _person(parent: etree._Element, person: Person, scheme: str) -> etree._Element:
    element = etree.SubElement(parent, _N + "person", {"idsrc": scheme, "value": person.id})
    element.text = clean_text(person.name)
    return element


def _marks(article: Article, scheme: str) -> list[_Mark]:
    marks: list[_Mark] = []

    def add(
        spans: Sequence[Span], kind: str, attrib: dict[str, str], quote_index: int = -1
    ) -> None:
        marks.extend(
            _Mark(s.start, s.end, kind, {k: clean_text(v) for k, v in attrib.items()}, quote_index)
            for s in spans
            if s.end > s.start
        )

    for i, quote in enumerate(article.quotes):
        attrib = {"quote-source": quote.speaker.name} if quote.speaker is not None else {}
        add(quote.spans, "q", attrib, i)
    for person in article.persons:
        add(person.mentions, "person", {"idsrc": scheme, "value": person.id})
    for org in article.organizations:
        add(org.mentions, "org", {"idsrc": scheme, "value": org.id})
    for place in article.places:
        add(place.mentions, "location", {"code-source": scheme, "location-code": place.id})
    return marks


def _clip(marks: list[_Mark], start: int, end: int) -> list[_Mark]:
    """The marks that touch ``[start, end)``, cut to it and made paragraph-relative."""
    return [
        _Mark(max(m.start, start) - start, min(m.end, end) - start, m.kind, m.attrib, m.quote_index)
        for m in marks
        if m.start < end and m.end > start
    ]


def _nest(marks: list[_Mark]) -> list[_Mark]:
    """Arrange *marks* into a tree NITF accepts (see the module docstring)."""
    heap = [(m.start, -m.end, _KIND_RANK[m.kind], n, m) for n, m in enumerate(marks)]
    heapq.heapify(heap)
    counter = len(heap)
    roots: list[_Mark] = []
    stack: list[_Mark] = []
    while heap:
        *_, mark = heapq.heappop(heap)
        while stack and stack[-1].end <= mark.start:
            stack.pop()
        parent = stack[-1] if stack else None
        if parent is not None and mark.end > parent.end:
            rest = attrs.evolve(mark, start=parent.end, children=[])
            heapq.heappush(heap, (rest.start, -rest.end, _KIND_RANK[rest.kind], counter, rest))
            counter += 1
            mark = attrs.evolve(mark, end=parent.end)
        if parent is not None and parent.kind != "q":
            continue
        (parent.children if parent is not None else roots).append(mark)
        stack.append(mark)
    return roots


def _quote_id(mark: _Mark, refs: BodyRefs, ids: IdAllocator) -> str:
    pieces = refs.quotes.setdefault(mark.quote_index, [])
    wanted = f"quote{mark.quote_index + 1}" + (f"-{len(pieces) + 1}" if pieces else "")
    xml_id = ids.take(wanted, "quote")
    pieces.append(xml_id)
    return xml_id


def _render(
    element: etree._Element,
    text: str,
    start: int,
    end: int,
    marks: list[_Mark],
    *,
    quote_id: Callable[[_Mark], str],
) -> None:
    """Fill *element* with ``text[start:end]`` and the child elements of *marks*."""
    element.text = clean_text(text[start : marks[0].start if marks else end])
    for i, mark in enumerate(marks):
        child = etree.SubElement(element, _N + mark.kind, mark.attrib)
        if mark.kind == "q":
            child.set("id", quote_id(mark))
        _render(child, text, mark.start, mark.end, mark.children, quote_id=quote_id)
        following = marks[i + 1].start if i + 1 < len(marks) else end
        child.tail = clean_text(text[mark.end : following])
