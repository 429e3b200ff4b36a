"""Bodies of NewsML-G2 items: NITF, XHTML or plain text, with inline markup positions.

Element names are matched by local name, so namespaced NITF, un-namespaced NITF
(which inherits the NewsML-G2 namespace) and prefixed NITF (``nitf:p``) read alike.
Paragraphs are ``p`` elements anywhere in ``body.content`` (inside ``block`` or
not). ``person``, ``org``, ``location`` and ``q`` elements become :class:`Mark`
values with offsets into the paragraphs joined by a blank line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

import attrs

from newsmodel._newsml_vocab import MODEL_CONTENT_TYPE
from newsmodel.model import PARAGRAPH_SEPARATOR

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml import etree

__all__ = ["Body", "Mark", "local", "read_body", "text_of"]

_SPACES: Final = re.compile(r"\s+")
_BLANK_LINE: Final = re.compile(r"\n[ \t\r\f\v]*\n")
_MARKED: Final = frozenset({"person", "org", "location", "q"})
_SKIPPED: Final = frozenset({"media", "table", "ol", "ul", "dl", "fn", "note"})


def local(element: etree._Element) -> str:
    """The local name of *element*; ``""`` for comments and processing instructions."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2].rpartition(":")[2]


def text_of(element: etree._Element, *, preserve: bool = False) -> str:
    """All the text inside *element*; whitespace collapsed unless *preserve*."""
    text = "".join(t for t in element.itertext() if isinstance(t, str))
    return text.strip() if preserve else _SPACES.sub(" ", text).strip()


@attrs.frozen(kw_only=True)
class Mark:
    """An inline element of the body and the text range it covers."""

    kind: str
    start: int
    end: int
    text: str
    attrib: dict[str, str]


@attrs.frozen(kw_only=True)
class Body:
    """What a body rendition says: its paragraphs, marks and heading parts."""

    paragraphs: tuple[str, ...] = ()
    marks: tuple[Mark, ...] = ()
    headline: str | None = None
    subheadline: str | None = None
    byline: str | None = None
    byline_names: tuple[str, ...] = ()
    dateline: str | None = None
    abstract: str | None = None
    image_url: str | None = None
    image_caption: str | None = None
    keywords: tuple[str, ...] = ()
    kind: str = "none"


def _first(root: etree._Element, name: str) -> etree._Element | None:
    return next(_all(root, name), None)


def _all(root: etree._Element, name: str) -> Iterator[etree._Element]:
    return (e for e in root.iter() if local(e) == name)


class _Builder:
    """Accumulates one paragraph's text and the marks inside it."""

    def __init__(self, *, preserve: bool) -> None:
        self.preserve = preserve
        self.parts: list[str] = []
        self.size = 0
        self.marks: list[tuple[str, int, int, dict[str, str]]] = []

    def add(self, text: str | None) -> None:
        if not text:
            return
        if not self.preserve:
            text = _SPACES.sub(" ", text)
            if text.startswith(" ") and (not self.parts or self.parts[-1].endswith(" ")):
                text = text[1:]
        self.parts.append(text)
        self.size += len(text)

    def walk(self, element: etree._Element) -> None:
        for child in element:
            name = local(child)
            if name == "br":
                self.add("\n" if self.preserve else " ")
            elif name and name not in _SKIPPED:
                start = self.size
                self.add(child.text)
                self.walk(child)
                if name in _MARKED:
                    attrib = {k.rpartition("}")[2]: v for k, v in child.attrib.items()}
                    self.marks.append((name, start, self.size, attrib))
            self.add(child.tail)

    def result(self) -> tuple[str, list[tuple[str, int, int, dict[str, str]]]]:
        raw = "".join(self.parts)
        text = raw.strip()
        shift = len(raw) - len(raw.lstrip())
        marks = []
        for name, start, end, attrib in self.marks:
            s, e = max(start - shift, 0), min(end - shift, len(text))
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                marks.append((name, s, e, attrib))
        return text, marks


def _paragraphs(
    elements: list[etree._Element], *, preserve: bool
) -> tuple[tuple[str, ...], tuple[Mark, ...]]:
    paragraphs: list[str] = []
    marks: list[Mark] = []
    offset = 0
    for element in elements:
        builder = _Builder(preserve=preserve)
        builder.add(element.text)
        builder.walk(element)
        text, local_marks = builder.result()
        if not text:
            continue
        paragraphs.append(text)
        marks.extend(
            Mark(kind=name, start=offset + s, end=offset + e, text=text[s:e], attrib=attrib)
            for name, s, e, attrib in local_marks
        )
        offset += len(text) + len(PARAGRAPH_SEPARATOR)
    return tuple(paragraphs), tuple(marks)


def _optional(element: etree._Element | None, *, preserve: bool) -> str | None:
    if element is None:
        return None
    return text_of(element, preserve=preserve) or None


def read_nitf(nitf: etree._Element, *, preserve: bool) -> Body:
    """The body of an NITF document (namespaced, un-namespaced or prefixed)."""
    content = list(_all(nitf, "body.content"))
    elements = [
        p
        for block in content
        for p in _all(block, "p")
        if not any(local(a) in _SKIPPED for a in p.iterancestors())
    ]
    paragraphs, marks = _paragraphs(elements, preserve=preserve)
    head = _first(nitf, "body.head")
    hedline = _first(head, "hedline") if head is not None else None
    byline = _first(head, "byline") if head is not None else None
    media = next((m for m in _all(nitf, "media") if m.get("media-type", "image") == "image"), None)
    reference = _first(media, "media-reference") if media is not None else None
    caption = _first(media, "media-caption") if media is not None else None
    title = _first(nitf, "title")
    keywords = tuple(
        k.get("key", "").strip() for k in _all(nitf, "keyword") if k.get("key", "").strip()
    )
    return Body(
        paragraphs=paragraphs,
        marks=marks,
        headline=_optional(
            _first(hedline, "hl1") if hedline is not None else title, preserve=preserve
        ),
        subheadline=_optional(
            _first(hedline, "hl2") if hedline is not None else None, preserve=preserve
        ),
        byline=_optional(byline, preserve=preserve),
        byline_names=tuple(text_of(p) for p in _all(byline, "person"))
        if byline is not None
        else (),
        dateline=_optional(
            _first(head, "dateline") if head is not None else None, preserve=preserve
        ),
        abstract=_optional(
            _first(head, "abstract") if head is not None else None, preserve=preserve
        ),
        image_url=reference.get("source") if reference is not None else None,
        image_caption=_optional(caption, preserve=preserve),
        keywords=keywords,
        kind="nitf",
    )


def read_xhtml(html: etree._Element) -> Body:
    """The body of an XHTML document: ``p`` elements of ``body``, ``h1`` as headline."""
    body = _first(html, "body")
    scope = body if body is not None else html
    paragraphs, marks = _paragraphs(list(_all(scope, "p")), preserve=False)
    heading = _first(scope, "h1")
    if heading is None:
        heading = _first(html, "title")
    return Body(
        paragraphs=paragraphs,
        marks=marks,
        headline=_optional(heading, preserve=False),
        kind="xhtml",
    )


def read_text(text: str) -> Body:
    """A plain-text body: paragraphs split at blank lines, whitespace collapsed."""
    paragraphs = tuple(
        p for p in (_SPACES.sub(" ", c).strip() for c in _BLANK_LINE.split(text)) if p
    )
    return Body(paragraphs=paragraphs, kind="text")


def read_body(content_set: etree._Element | None, *, preserve: bool) -> tuple[Body, list[str]]:
    """The first readable rendition of *content_set*, and what was left unread."""
    unread: list[str] = []
    if content_set is None:
        return Body(), unread
    found: Body | None = None
    for rendition in content_set:
        name = local(rendition)
        content_type = rendition.get("contenttype", "")
        if not name or content_type == MODEL_CONTENT_TYPE:
            continue
        body: Body | None = None
        if name == "inlineXML":
            child = next((c for c in rendition if local(c)), None)
            child_name = local(child) if child is not None else ""
            if child is not None and child_name == "nitf":
                body = read_nitf(child, preserve=preserve)
            elif child is not None and child_name == "html":
                body = read_xhtml(child)
            else:
                unread.append(
                    f"inlineXML <{child_name or 'empty'}> ({content_type or 'no contenttype'})"
                )
                continue
        elif name == "inlineData" and (not content_type or content_type.startswith("text/")):
            body = read_text(rendition.text or "")
        else:
            unread.append(f"{name} ({content_type or 'no contenttype'})")
            continue
        if found is None:
            found = body
    return found or Body(), unread
