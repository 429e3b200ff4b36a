"""One NewsML-G2 item (or fragment) read from its standard parts into an Article."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Final

import attrs
from lxml import etree

from newsmodel._newsml_vocab import (
    ENTITY_ALIAS,
    GENERATOR,
    ROLE_SCHEME,
    XML_LANG,
    decode_code,
    parse_datetime,
)
from newsmodel.model import Article, FieldSource, Organization, ParseWarning, Person, Place, Quote, Span, Statement
from newsmodel.parse._body import Body, Mark, local, read_body, text_of
from newsmodel.parse._common import article_id

__all__ = ["read_item"]

_OWN_PREFIX: Final = "urn:newsmodel:"
_BY: Final = re.compile(r"^\s*by\s+", re.IGNORECASE)
_AUTHOR_SPLIT: Final = re.compile(r"\s*(?:,|\band\b|&)\s*")
_KINDS: Final = frozenset({"direct", "indirect", "mixed"})
_PERSON_HINT: Final = re.compile(r"person|people", re.IGNORECASE)
_ORG_HINT: Final = re.compile(r"org|compan", re.IGNORECASE)
_PLACE_HINT: Final = re.compile(r"geo|loc|place|city|cntry|country|poi", re.IGNORECASE)
_MAPPED_ITEM_META: Final = frozenset(
    {"itemClass", "provider", "versionCreated", "firstCreated", "pubStatus", "generator", "edNote", "link"}
)
_MAPPED_CONTENT_META: Final = frozenset(
    {
        "contentCreated", "contentModified", "located", "infoSource", "creator", "language",
        "keyword", "subject", "headline", "dateline", "by", "description", "contentMetaExtProperty",
    }
)  # fmt: skip


def _children(element: etree._Element | None, name: str) -> Iterator[etree._Element]:
    if element is None:
        return iter(())
    return (c for c in element if local(c) == name)


def _child(element: etree._Element | None, name: str) -> etree._Element | None:
    return next(_children(element, name), None)


def _find(root: etree._Element, name: str) -> etree._Element | None:
    """*root* itself or its first descendant called *name*."""
    return next((e for e in root.iter() if local(e) == name), None)


def _role(element: etree._Element) -> str:
    return element.get("role", "")


def _key(element: etree._Element) -> str | None:
    """The concept identifier of *element* (qcode, uri or literal)."""
    for attribute in ("qcode", "uri", "literal"):
        value = element.get(attribute)
        if value:
            return f"{attribute}={value}"
    return None


def _own_id(element: etree._Element) -> str | None:
    qcode = element.get("qcode", "")
    alias, _, code = qcode.partition(":")
    return decode_code(code) if alias == ENTITY_ALIAS and code else None


def _name(element: etree._Element, *, preserve: bool) -> str | None:
    name = _child(element, "name")
    text = text_of(name, preserve=preserve) if name is not None else ""
    return text or element.get("literal") or None


@attrs.define
class _Reader:
    """The state of reading one item: ids taken so far and what went unmapped."""

    preserve: bool
    taken: set[str] = attrs.field(factory=set)
    unmapped: list[str] = attrs.field(factory=list)
    warnings: list[ParseWarning] = attrs.field(factory=list)

    def new_id(self, wanted: str | None, prefix: str) -> str:
        if wanted and wanted.strip() and wanted not in self.taken:
            self.taken.add(wanted)
            return wanted
        n = 1
        while f"{prefix}{n}" in self.taken:
            n += 1
        self.taken.add(f"{prefix}{n}")
        return f"{prefix}{n}"


def read_item(item: etree._Element, *, fragment: bool) -> Article:
    """The Article an item (or a fragment of one) describes; never raises for odd content."""
    item_meta = _find(item, "itemMeta")
    generator = _child(item_meta, "generator")
    own = generator is not None and (generator.text or "").strip() == GENERATOR
    reader = _Reader(preserve=own)
    if fragment:
        reader.warnings.append(
            ParseWarning(code="newsml-fragment", message=f"read a fragment rooted at <{local(item)}>")
        )
    else:
        reader.warnings.extend(_structure_warnings(item, item_meta))
    if local(item) not in {"newsItem", *(() if not fragment else (local(item),))}:
        reader.unmapped.append(f"{local(item)} (not a news item)")
    item_class = _child(item_meta, "itemClass")
    if item_class is not None and item_class.get("qcode", "ninat:text") != "ninat:text":
        reader.unmapped.append(f"itemClass {item_class.get('qcode')}")
    content_meta = _find(item, "contentMeta")
    body, unread = read_body(_find(item, "contentSet"), preserve=own)
    reader.unmapped.extend(unread)
    fields = _meta_fields(item, item_meta, content_meta, body, reader)
    people = _entities(item, content_meta, body, reader)
    fields.update(people)
    quotes, statements = _speech(item, body, people["persons"], reader)
    guid = item.get("guid")
    article_key = guid[len(_OWN_PREFIX) :] if own and guid and guid.startswith(_OWN_PREFIX) else guid
    paragraphs = body.paragraphs
    if not article_key or not article_key.strip():
        headline = fields.get("headline")
        article_key = article_id(None, headline if isinstance(headline, str) else None, paragraphs)
    if reader.unmapped:
        message = "not mapped to the model: " + "; ".join(dict.fromkeys(reader.unmapped))
        reader.warnings.append(ParseWarning(code="newsml-unmapped", message=message))
    try:
        return Article(
            id=article_key,
            paragraphs=paragraphs,
            quotes=quotes,
            statements=statements,
            warnings=tuple(reader.warnings),
            **fields,  # type: ignore[arg-type]
        )
    except ValueError as err:
        fields.update(persons=(), organizations=(), places=(), authors=())
        warning = ParseWarning(code="newsml-inconsistent", message=f"entities and speech dropped: {err}")
        return Article(id=article_key, paragraphs=paragraphs, warnings=(*reader.warnings, warning), **fields)  # type: ignore[arg-type]


_REQUIRED_META: Final = ("itemClass", "provider", "versionCreated")
_MAX_RELATED_DEPTH: Final = 3


def _structure_warnings(item: etree._Element, item_meta: etree._Element | None) -> Iterator[ParseWarning]:
    """Breaches of the schema that matter to a reader (the reader does not validate)."""
    if not item.get("guid"):
        yield ParseWarning(code="newsml-invalid", message=f"<{local(item)}> has no guid")
    if item_meta is None:
        yield ParseWarning(code="newsml-invalid", message=f"<{local(item)}> has no itemMeta")
    else:
        missing = [n for n in _REQUIRED_META if _child(item_meta, n) is None]
        if missing:
            yield ParseWarning(code="newsml-invalid", message="itemMeta lacks " + ", ".join(missing))
    depth = max(
        (sum(1 for a in e.iterancestors() if local(a) == "related") + 1 for e in item.iter() if local(e) == "related"),
        default=0,
    )
    if depth > _MAX_RELATED_DEPTH:
        message = f"related properties nested {depth} deep (the schema allows {_MAX_RELATED_DEPTH})"
        yield ParseWarning(code="newsml-invalid", message=message)


def _datetime(element: etree._Element | None, reader: _Reader) -> tuple[object, str | None]:
    if element is None or not (element.text or "").strip():
        return None, None
    raw = (element.text or "").strip()
    value = parse_datetime(raw)
    if value is None:
        reader.warnings.append(ParseWarning(code="newsml-bad-date", message=f"unreadable date {raw!r}"))
    return value, raw


def _meta_fields(
    item: etree._Element,
    item_meta: etree._Element | None,
    content_meta: etree._Element | None,
    body: Body,
    reader: _Reader,
) -> dict[str, object]:
    preserve = reader.preserve
    fields: dict[str, object] = {}
    for child in (*(item_meta if item_meta is not None else ()), *(content_meta if content_meta is not None else ())):
        name = local(child)
        if name and name not in _MAPPED_ITEM_META | _MAPPED_CONTENT_META:
            reader.unmapped.append(name)
    published, published_raw = _datetime(_child(content_meta, "contentCreated"), reader)
    if published is None:
        published, published_raw = _datetime(_child(item_meta, "firstCreated"), reader)
    modified, modified_raw = _datetime(_child(content_meta, "contentModified"), reader)
    extensions = _extensions(content_meta, "contentMetaExtProperty")
    if reader.preserve:
        published_raw = next(iter(extensions.get("publishedRaw", ())), None)
        modified_raw = next(iter(extensions.get("modifiedRaw", ())), None)
    fields["sources"] = tuple(_field_sources(extensions.get("fieldSource", ())))
    fields.update(published=published, published_raw=published_raw, modified=modified, modified_raw=modified_raw)
    for note in _children(item_meta, "edNote"):
        text = text_of(note, preserve=preserve)
        if _role(note).endswith(":warning"):
            code, _, message = text.partition(": ")
            if code.strip():
                reader.warnings.append(ParseWarning(code=code, message=message))
        else:
            reader.unmapped.append("edNote")
    for link in _children(item_meta, "link"):
        if _role_like(link.get("rel", ""), ("url", "canonical")) and link.get("href"):
            fields.setdefault("url", link.get("href"))
    headlines = list(_children(content_meta, "headline"))
    main = [h for h in headlines if not _role(h)] or [h for h in headlines if "sub" not in _role(h)]
    subs = [h for h in headlines if "sub" in _role(h)]
    fields["headline"] = (text_of(main[0], preserve=preserve) if main else None) or body.headline
    fields["subheadline"] = (text_of(subs[0], preserve=preserve) if subs else None) or body.subheadline
    descriptions = list(_children(content_meta, "description"))
    summary = [d for d in descriptions if not _role(d) or "summary" in _role(d)] or descriptions
    fields["description"] = (text_of(summary[0], preserve=preserve) if summary else None) or body.abstract
    dateline = _child(content_meta, "dateline")
    fields["dateline"] = (text_of(dateline, preserve=preserve) if dateline is not None else None) or body.dateline
    keywords = [k for k in _children(content_meta, "keyword") if not _role(k).endswith(":section")]
    sections = [k for k in _children(content_meta, "keyword") if _role(k).endswith(":section")]
    words = tuple(t for t in (text_of(k, preserve=preserve) for k in keywords) if t)
    fields["keywords"] = words or body.keywords
    fields["section"] = text_of(sections[0], preserve=preserve) if sections else None
    language = _child(content_meta, "language")
    fields["language"] = (language.get("tag") if language is not None else None) or item.get(XML_LANG)
    source = next((s for s in _children(content_meta, "infoSource") if "originfo" in _role(s)), None)
    fields["publisher"] = _name(source, preserve=preserve) if source is not None else _copyright(item)
    fields["image_url"] = body.image_url
    fields["image_caption"] = body.image_caption
    return {k: (v or None) if isinstance(v, str) else v for k, v in fields.items()}


def _extensions(parent: etree._Element | None, tag: str) -> dict[str, list[str]]:
    """Our extension properties under *parent*: role code to values, in order."""
    found: dict[str, list[str]] = {}
    for element in _children(parent, tag):
        alias, _, code = element.get("rel", "").partition(":")
        if alias == ROLE_SCHEME[0] and element.get("value") is not None:
            found.setdefault(code, []).append(element.get("value", ""))
    return found


def _field_sources(values: list[str]) -> Iterator[FieldSource]:
    for value in values:
        try:
            field, source = json.loads(value)
        except (ValueError, TypeError):
            continue
        if isinstance(field, str) and isinstance(source, str):
            yield FieldSource(field=field, source=source)


def _span(value: str | None) -> Span | None:
    if value is None:
        return None
    start, _, end = value.partition(" ")
    if not (start.isdigit() and end.isdigit()) or int(end) < int(start):
        return None
    return Span(start=int(start), end=int(end))


def _role_like(value: str, names: tuple[str, ...]) -> bool:
    return value.rpartition(":")[2] in names


def _copyright(item: etree._Element) -> str | None:
    holder = _find(item, "copyrightHolder")
    return _name(holder, preserve=False) if holder is not None else None


def _details(item: etree._Element, reader: _Reader) -> dict[str, etree._Element]:
    """The top-level assert elements, by concept identifier."""
    del reader
    found: dict[str, etree._Element] = {}
    for element in _children(item, "assert"):
        key = _key(element)
        if key is not None:
            found.setdefault(key, element)
    return found


def _kind(subject: etree._Element) -> str | None:
    kind = subject.get("type", "")
    code = kind.rpartition(":")[2]
    if code in {"person", "organisation", "geoArea", "poi"}:
        return {"organisation": "org", "geoArea": "place", "poi": "place"}.get(code, code)
    if kind:
        return None
    alias = (subject.get("qcode") or subject.get("uri") or "").partition(":")[0]
    for pattern, result in ((_PERSON_HINT, "person"), (_ORG_HINT, "org"), (_PLACE_HINT, "place")):
        if pattern.search(alias):
            return result
    return None


def _entities(item: etree._Element, content_meta: etree._Element | None, body: Body, reader: _Reader) -> dict[str, tuple]:  # type: ignore[type-arg]
    preserve = reader.preserve
    details = _details(item, reader)
    built: dict[str, dict[str, list[dict[str, object]]]] = {"person": {}, "org": {}, "place": {}}
    order: dict[str, list[dict[str, object]]] = {"person": [], "org": [], "place": []}

    def add(kind: str, element: etree._Element) -> None:
        name = _name(element, preserve=preserve)
        key = _key(element)
        if not name or not name.strip():
            reader.unmapped.append(f"{local(element)} {key or ''} without a name".replace("  ", " "))
            return
        entry: dict[str, object] = {"name": name, "own": _own_id(element), "key": key, "aliases": [], "titles": [], "affiliation": None, "mentions": []}
        assertion = details.get(key) if key else None
        if assertion is not None:
            _apply_assert(entry, assertion, preserve=preserve)
        built[kind].setdefault(key or f"name={name}", [])
        order[kind].append(entry)

    for subject in _children(content_meta, "subject"):
        kind = _kind(subject)
        if kind is None:
            reader.unmapped.append(f"subject {subject.get('qcode') or subject.get('uri') or subject.get('literal') or ''}".strip())
            continue
        add(kind, subject)
    authors: list[Person] = []
    for creator in _children(content_meta, "creator"):
        name = _name(creator, preserve=preserve)
        if not name:
            continue
        entry: dict[str, object] = {"name": name, "aliases": [], "titles": [], "affiliation": None}
        key = _key(creator)
        if key and key in details:
            _apply_assert(entry, details[key], preserve=preserve)
        authors.append(_person(entry, reader.new_id(_own_id(creator), "a"), ()))
    if not authors:
        by = _child(content_meta, "by")
        names = body.byline_names or _split_by(text_of(by) if by is not None else body.byline)
        authors = [Person(id=reader.new_id(None, "a"), name=n) for n in names]
    _attach_marks(order, body.marks)
    persons = tuple(_person(e, reader.new_id(e["own"], "p"), e["mentions"]) for e in order["person"])  # type: ignore[arg-type]
    orgs = tuple(
        Organization(id=reader.new_id(e["own"], "o"), name=str(e["name"]), aliases=tuple(e["aliases"]), mentions=tuple(e["mentions"]))  # type: ignore[arg-type]
        for e in order["org"]
    )
    places = tuple(
        Place(id=reader.new_id(e["own"], "l"), name=str(e["name"]), aliases=tuple(e["aliases"]), mentions=tuple(e["mentions"]))  # type: ignore[arg-type]
        for e in order["place"]
    )
    return {"authors": tuple(authors), "persons": persons, "organizations": orgs, "places": places}


def _apply_assert(entry: dict[str, object], assertion: etree._Element, *, preserve: bool) -> None:
    names = [n for n in _children(assertion, "name") if text_of(n, preserve=preserve)]
    aliases = entry["aliases"]
    assert isinstance(aliases, list)
    for name in names:
        text = text_of(name, preserve=preserve)
        if _role(name).endswith(":alias") or (text != entry["name"] and not _role(name)):
            aliases.append(text)
    titles = entry["titles"]
    assert isinstance(titles, list)
    titles.extend(text_of(n, preserve=preserve) for n in _children(assertion, "note") if _role(n).endswith(":title"))
    details = _child(assertion, "personDetails")
    affiliation = _child(details, "affiliation")
    if affiliation is not None:
        entry["affiliation"] = _name(affiliation, preserve=preserve)


def _person(entry: dict[str, object], person_id: str, mentions: tuple[Span, ...] | list[Span]) -> Person:
    affiliation = entry.get("affiliation")
    return Person(
        id=person_id,
        name=str(entry["name"]),
        aliases=tuple(entry["aliases"]),  # type: ignore[call-overload]
        titles=tuple(entry["titles"]),  # type: ignore[call-overload]
        mentions=tuple(mentions),
        affiliation=affiliation if isinstance(affiliation, str) else None,
    )


def _split_by(text: str | None) -> list[str]:
    if not text:
        return []
    names = [n.strip() for n in _AUTHOR_SPLIT.split(_BY.sub("", text)) if n.strip()]
    return list(dict.fromkeys(names))


_MARK_KIND: Final = {"person": "person", "org": "org", "location": "place"}


def _attach_marks(order: dict[str, list[dict[str, object]]], marks: tuple[Mark, ...]) -> None:
    """Give each entity the body marks that point at it (by our code, else by name)."""
    for mark in marks:
        kind = _MARK_KIND.get(mark.kind)
        if kind is None:
            continue
        code = mark.attrib.get("value") if kind != "place" else mark.attrib.get("location-code")
        entries = order[kind]
        target = next((e for e in entries if code is not None and e["own"] == code), None)
        if target is None:
            folded = mark.text.casefold()
            target = next(
                (e for e in entries if folded in {str(n).casefold() for n in (e["name"], *e["aliases"])}),  # type: ignore[misc]
                None,
            )
        if target is None:
            target = {"name": mark.text, "own": None, "key": None, "aliases": [], "titles": [], "affiliation": None, "mentions": []}
            entries.append(target)
        mentions = target["mentions"]
        assert isinstance(mentions, list)
        mentions.append(Span(start=mark.start, end=mark.end))


def _speech(
    item: etree._Element, body: Body, persons: tuple[Person, ...], reader: _Reader
) -> tuple[tuple[Quote, ...], tuple[Statement, ...]]:
    by_own = {p.id: p for p in persons}
    by_name = {n.casefold(): p for p in persons for n in (p.name, *p.aliases)}
    pieces = {m.attrib["id"]: m for m in body.marks if m.kind == "q" and m.attrib.get("id")}
    grouped: set[str] = set()
    quotes: list[Quote] = []
    quote_of_piece: dict[str, Quote] = {}
    parts = list(_children(item, "partMeta"))
    for part in parts:
        if _genre(part) != "quote":
            continue
        refs = [r for r in part.get("contentrefs", "").split() if r in pieces]
        speaker = _part_speaker(part, by_own)
        content = _description(part, "content", preserve=reader.preserve)
        marks = [pieces[r] for r in refs]
        text = content if content is not None else " ".join(m.text for m in marks)
        quote = Quote(id=reader.new_id(_alt_id(part), "q"), text=text, spans=tuple(Span(start=m.start, end=m.end) for m in marks), speaker=speaker)
        quotes.append(quote)
        grouped.update(refs)
        quote_of_piece.update(dict.fromkeys(refs, quote))
    for mark in body.marks:
        if mark.kind != "q" or mark.attrib.get("id", "") in grouped:
            continue
        source = mark.attrib.get("quote-source", "").strip()
        quote = Quote(id=reader.new_id(mark.attrib.get("id"), "q"), text=mark.text, spans=(Span(start=mark.start, end=mark.end),), speaker=by_name.get(source.casefold()) if source else None)
        quotes.append(quote)
    statements: list[Statement] = []
    for part in parts:
        kind = _genre(part)
        if kind not in _KINDS:
            continue
        own_quotes = tuple(dict.fromkeys(quote_of_piece[r] for r in part.get("contentrefs", "").split() if r in quote_of_piece))
        source = next((s for s in _children(part, "infoSource") if "speaker" in _role(s)), None)
        spans = _extensions(part, "partMetaExtProperty")
        statements.append(
            Statement(
                id=reader.new_id(_alt_id(part), "s"),
                content=_description(part, "content", preserve=reader.preserve) or "",
                kind=kind,  # type: ignore[arg-type]
                speaker=_part_speaker(part, by_own),
                source=_name(source, preserve=reader.preserve) if source is not None else None,
                cue=_description(part, "cue", preserve=reader.preserve),
                quotes=own_quotes,
                content_spans=tuple(s for s in map(_span, spans.get("contentSpan", ())) if s is not None),
                source_span=_span(next(iter(spans.get("sourceSpan", ())), None)),
                cue_span=_span(next(iter(spans.get("cueSpan", ())), None)),
            )
        )
    return tuple(quotes), tuple(statements)


def _genre(part: etree._Element) -> str:
    genre = _child(part, "genre")
    return genre.get("qcode", "").rpartition(":")[2] if genre is not None else ""


def _alt_id(part: etree._Element) -> str | None:
    alt = _child(part, "altId")
    return (alt.text or "") if alt is not None else part.get("partid")


def _description(part: etree._Element, role: str, *, preserve: bool) -> str | None:
    found = next((d for d in _children(part, "description") if _role(d).endswith(f":{role}")), None)
    return text_of(found, preserve=preserve) if found is not None else None


def _part_speaker(part: etree._Element, persons: dict[str, Person]) -> Person | None:
    for source in _children(part, "infoSource"):
        own = _own_id(source)
        if own is not None and own in persons:
            return persons[own]
    return None
