"""People, organisations, places, quotations and statements of a NewsML-G2 item.

Entities come from ``subject`` (typed ``cpnat:person``, ``cpnat:organisation``,
``cpnat:geoArea``/``cpnat:poi``, or guessed from the scheme alias), ``creator``
(authors) and the top-level ``assert`` blocks (aliases, titles, affiliation).
Body marks (``person``, ``org``, ``location``) become mentions: linked by our own
code when the item is ours, else by name; an unmatched mark adds an entity.
Quotations are ``q`` marks, grouped by a ``partMeta`` of genre ``nmkind:quote``;
statements are ``partMeta`` of genre ``nmkind:direct|indirect|mixed``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

import attrs

from newsmodel._newsml_vocab import ROLE_SCHEME
from newsmodel.model import Organization, Person, Place, Quote, Span, Statement
from newsmodel.parse._body import local, text_of
from newsmodel.parse._g2nodes import Reader, child, children, key, name_of, own_id, role

if TYPE_CHECKING:
    from lxml import etree

    from newsmodel.parse._body import Body, Mark

__all__ = ["Entities", "extensions", "read_entities", "read_speech"]

_BY: Final = re.compile(r"^\s*by\s+", re.IGNORECASE)
_AUTHOR_SPLIT: Final = re.compile(r"\s*(?:,|\band\b|&)\s*")
_KINDS: Final = frozenset({"direct", "indirect", "mixed"})
_HINTS: Final = (
    (re.compile(r"person|people", re.IGNORECASE), "person"),
    (re.compile(r"org|compan", re.IGNORECASE), "org"),
    (re.compile(r"geo|loc|place|city|cntry|country|poi", re.IGNORECASE), "place"),
)
_TYPES: Final = {"person": "person", "organisation": "org", "geoArea": "place", "poi": "place"}
_MARK_KIND: Final = {"person": "person", "org": "org", "location": "place"}


@attrs.define
class _Entry:
    name: str
    own: str | None = None
    aliases: list[str] = attrs.field(factory=list)
    titles: list[str] = attrs.field(factory=list)
    affiliation: str | None = None
    mentions: list[Span] = attrs.field(factory=list)

    def names(self) -> set[str]:
        return {n.casefold() for n in (self.name, *self.aliases)}


@attrs.frozen
class Entities:
    """The entities of one item."""

    authors: tuple[Person, ...]
    persons: tuple[Person, ...]
    organizations: tuple[Organization, ...]
    places: tuple[Place, ...]


def extensions(parent: etree._Element | None, tag: str) -> dict[str, list[str]]:
    """Our extension properties under *parent*: role code to values, in order."""
    found: dict[str, list[str]] = {}
    for element in children(parent, tag):
        alias, _, code = element.get("rel", "").partition(":")
        value = element.get("value")
        if alias == ROLE_SCHEME[0] and value is not None:
            found.setdefault(code, []).append(value)
    return found


def _kind(subject: etree._Element) -> str | None:
    kind = subject.get("type", "")
    if kind:
        return _TYPES.get(kind.rpartition(":")[2])
    alias = (subject.get("qcode") or subject.get("uri") or "").partition(":")[0]
    return next((result for pattern, result in _HINTS if pattern.search(alias)), None)


def _entry(
    element: etree._Element, details: dict[str, etree._Element], reader: Reader
) -> _Entry | None:
    name = name_of(element, preserve=reader.preserve)
    concept = key(element)
    if not name or not name.strip():
        reader.unmapped.append(
            f"{local(element)} {concept or ''} without a name".replace("  ", " ")
        )
        return None
    entry = _Entry(name=name, own=own_id(element))
    assertion = details.get(concept) if concept else None
    if assertion is not None:
        _apply_assert(entry, assertion, preserve=reader.preserve)
    return entry


def _apply_assert(entry: _Entry, assertion: etree._Element, *, preserve: bool) -> None:
    for name in children(assertion, "name"):
        text = text_of(name, preserve=preserve)
        if text and (role(name).endswith(":alias") or (text != entry.name and not role(name))):
            entry.aliases.append(text)
    entry.titles.extend(
        text_of(n, preserve=preserve)
        for n in children(assertion, "note")
        if role(n).endswith(":title")
    )
    affiliation = child(child(assertion, "personDetails"), "affiliation")
    if affiliation is not None:
        entry.affiliation = name_of(affiliation, preserve=preserve)


def _person(entry: _Entry, person_id: str) -> Person:
    return Person(
        id=person_id,
        name=entry.name,
        aliases=tuple(entry.aliases),
        titles=tuple(entry.titles),
        mentions=tuple(entry.mentions),
        affiliation=entry.affiliation,
    )


def _split_by(text: str | None) -> list[str]:
    if not text:
        return []
    names = [n.strip() for n in _AUTHOR_SPLIT.split(_BY.sub("", text)) if n.strip()]
    return list(dict.fromkeys(names))


def read_entities(
    item: etree._Element, content_meta: etree._Element | None, body: Body, reader: Reader
) -> Entities:
    """Authors, persons, organisations and places, with their mentions in the body."""
    details: dict[str, etree._Element] = {}
    for assertion in children(item, "assert"):
        concept = key(assertion)
        if concept is not None:
            details.setdefault(concept, assertion)
    found: dict[str, list[_Entry]] = {"person": [], "org": [], "place": []}
    for subject in children(content_meta, "subject"):
        kind = _kind(subject)
        if kind is None:
            concept = subject.get("qcode") or subject.get("uri") or subject.get("literal") or ""
            reader.unmapped.append(f"subject {concept}".strip())
            continue
        entry = _entry(subject, details, reader)
        if entry is not None:
            found[kind].append(entry)
    authors: list[Person] = []
    for creator in children(content_meta, "creator"):
        entry = _entry(creator, details, reader)
        if entry is not None:
            authors.append(_person(entry, reader.new_id(entry.own, "a")))
    if not authors:
        by = child(content_meta, "by")
        names = body.byline_names or tuple(
            _split_by(text_of(by) if by is not None else body.byline)
        )
        authors = [Person(id=reader.new_id(None, "a"), name=n) for n in names]
    _attach_marks(found, body.marks)
    return Entities(
        authors=tuple(authors),
        persons=tuple(_person(e, reader.new_id(e.own, "p")) for e in found["person"]),
        organizations=tuple(
            Organization(
                id=reader.new_id(e.own, "o"),
                name=e.name,
                aliases=tuple(e.aliases),
                mentions=tuple(e.mentions),
            )
            for e in found["org"]
        ),
        places=tuple(
            Place(
                id=reader.new_id(e.own, "l"),
                name=e.name,
                aliases=tuple(e.aliases),
                mentions=tuple(e.mentions),
            )
            for e in found["place"]
        ),
    )


def _attach_marks(found: dict[str, list[_Entry]], marks: tuple[Mark, ...]) -> None:
    """Give each entity the body marks that point at it (by our code, else by name)."""
    for mark in marks:
        kind = _MARK_KIND.get(mark.kind)
        if kind is None:
            continue
        code = mark.attrib.get("location-code" if kind == "place" else "value")
        entries = found[kind]
        target = next((e for e in entries if code is not None and e.own == code), None)
        if target is None:
            folded = mark.text.casefold()
            target = next((e for e in entries if folded in e.names()), None)
        if target is None:
            target = _Entry(name=mark.text)
            entries.append(target)
        target.mentions.append(Span(start=mark.start, end=mark.end))


def _span(value: str | None) -> Span | None:
    if value is None:
        return None
    start, _, end = value.partition(" ")
    if not (start.isdigit() and end.isdigit()) or int(end) < int(start):
        return None
    return Span(start=int(start), end=int(end))


def _genre(part: etree._Element) -> str:
    genre = child(part, "genre")
    return genre.get("qcode", "").rpartition(":")[2] if genre is not None else ""


def _alt_id(part: etree._Element) -> str | None:
    alt = child(part, "altId")
    return (alt.text or "") if alt is not None else part.get("partid")


def _description(part: etree._Element, name: str, *, preserve: bool) -> str | None:
    found = next((d for d in children(part, "description") if role(d).endswith(f":{name}")), None)
    return text_of(found, preserve=preserve) if found is not None else None


def _part_speaker(part: etree._Element, persons: dict[str, Person]) -> Person | None:
    for source in children(part, "infoSource"):
        own = own_id(source)
        if own is not None and own in persons:
            return persons[own]
    return None


def read_speech(
    item: etree._Element, body: Body, persons: tuple[Person, ...], reader: Reader
) -> tuple[tuple[Quote, ...], tuple[Statement, ...]]:
    """Quotations (``q`` marks, grouped by partMeta) and statements (partMeta)."""
    by_own = {p.id: p for p in persons}
    by_name = {n.casefold(): p for p in persons for n in (p.name, *p.aliases)}
    pieces = {m.attrib["id"]: m for m in body.marks if m.kind == "q" and m.attrib.get("id")}
    quotes: list[Quote] = []
    quote_of_piece: dict[str, Quote] = {}
    parts = list(children(item, "partMeta"))
    for part in (p for p in parts if _genre(p) == "quote"):
        refs = [r for r in part.get("contentrefs", "").split() if r in pieces]
        marks = [pieces[r] for r in refs]
        content = _description(part, "content", preserve=reader.preserve)
        quote = Quote(
            id=reader.new_id(_alt_id(part), "q"),
            text=content if content is not None else " ".join(m.text for m in marks),
            spans=tuple(Span(start=m.start, end=m.end) for m in marks),
            speaker=_part_speaker(part, by_own),
        )
        quotes.append(quote)
        quote_of_piece.update(dict.fromkeys(refs, quote))
    for mark in body.marks:
        if mark.kind != "q" or mark.attrib.get("id", "") in quote_of_piece:
            continue
        said_by = mark.attrib.get("quote-source", "").strip().casefold()
        quotes.append(
            Quote(
                id=reader.new_id(mark.attrib.get("id"), "q"),
                text=mark.text,
                spans=(Span(start=mark.start, end=mark.end),),
                speaker=by_name.get(said_by) if said_by else None,
            )
        )
    statements: list[Statement] = []
    for part in parts:
        kind = _genre(part)
        if kind not in _KINDS:
            continue
        refs = part.get("contentrefs", "").split()
        source = next((s for s in children(part, "infoSource") if "speaker" in role(s)), None)
        spans = extensions(part, "partMetaExtProperty")
        statements.append(
            Statement(
                id=reader.new_id(_alt_id(part), "s"),
                content=_description(part, "content", preserve=reader.preserve) or "",
                kind=kind,  # type: ignore[arg-type]  # checked against _KINDS above
                speaker=_part_speaker(part, by_own),
                source=name_of(source, preserve=reader.preserve) if source is not None else None,
                cue=_description(part, "cue", preserve=reader.preserve),
                quotes=tuple(dict.fromkeys(quote_of_piece[r] for r in refs if r in quote_of_piece)),
                content_spans=tuple(
                    s for s in map(_span, spans.get("contentSpan", ())) if s is not None
                ),
                source_span=_span(next(iter(spans.get("sourceSpan", ())), None)),
                cue_span=_span(next(iter(spans.get("cueSpan", ())), None)),
            )
        )
    return tuple(quotes), tuple(statements)
