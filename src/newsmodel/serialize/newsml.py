"""NewsML-G2 2.35 writer: one newsItem with an NITF 3.6 body and the exact model.

The item follows the schema's element order whatever order the article was filled
in. The standard parts carry what a NewsML-G2 consumer needs (see docs/newsml.md
for the field-by-field table); a second rendition in the same contentSet,
``inlineData contenttype="application/vnd.newsmodel+json"``, holds
:func:`newsmodel.to_json` output so that :func:`newsmodel.from_newsml` gives back an
equal :class:`~newsmodel.model.Article`.

Text that XML 1.0 cannot hold (C0 control characters other than tab, LF and CR,
U+FFFE, U+FFFF) is stripped from the standard parts and kept, as JSON ``\\uXXXX``
escapes, in the model rendition. Lone surrogates raise
:class:`~newsmodel.errors.SerializationError`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Final, Literal

import attrs
from lxml import etree

from newsmodel._newsml_vocab import (
    CATALOG_URL,
    ENTITY_ALIAS,
    GENERATOR,
    KIND_SCHEME,
    MODEL_CONTENT_TYPE,
    NAR_NS,
    ROLE_SCHEME,
    XML_LANG,
    clean_text,
    encode_code,
    entity_scheme,
    escape_illegal,
    format_datetime,
    is_language_tag,
)
from newsmodel.model import PARAGRAPH_SEPARATOR, Article, Organization, Person, Place, Span
from newsmodel.serialize._nitf import BodyRefs, IdAllocator, nitf_body
from newsmodel.serialize.json import to_json

__all__ = ["NewsMLOptions", "to_newsml"]

_G: Final = f"{{{NAR_NS}}}"
_QCODE: Final = re.compile(r"[^\s:]+:\S+")
_SPACE: Final = re.compile(r"[\t\n\r]")
_PUB_STATUSES: Final = frozenset({"usable", "withheld", "canceled"})
_ROLE: Final = ROLE_SCHEME[0]
_KIND: Final = KIND_SCHEME[0]
_VERSION: Final = "0.1.0"


def _positive(_inst: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        msg = f"{attribute.name} must be >= 1, got {value}"
        raise ValueError(msg)


def _pub_status(_inst: object, _attribute: attrs.Attribute[str], value: str) -> None:
    if value not in _PUB_STATUSES:
        msg = f"pub_status must be one of {sorted(_PUB_STATUSES)}, got {value!r}"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class NewsMLOptions:
    """How :func:`to_newsml` writes an item.

    Args:
        provider: the item's provider: a QCode (``nprov:…``), a URI or a name.
        guid_prefix: the guid is this prefix and the article id; the reader strips it.
        version: the item version (``xs:positiveInteger``): raise it per revision.
        pub_status: ``usable``, ``withheld`` or ``canceled`` (``stat:`` codes).
        version_created: when this version was made; ``None`` takes the article's
            ``modified``, then ``published``, then the current time (UTC).
        naive_timezone: the zone assumed for naive datetimes where NewsML-G2 practice
            wants an offset (``versionCreated``, ``firstCreated``, NITF ``norm``).
            ``contentCreated``/``contentModified`` keep naive values naive.
        embed_model: also write the exact model as an ``application/vnd.newsmodel+json``
            rendition (needed for a lossless :func:`~newsmodel.from_newsml`).
    """

    provider: str = "nprov:newsmodel"
    guid_prefix: str = "urn:newsmodel:"
    version: int = attrs.field(default=1, validator=_positive)
    pub_status: Literal["usable", "withheld", "canceled"] = attrs.field(
        default="usable", validator=_pub_status
    )
    version_created: dt.datetime | None = None
    naive_timezone: dt.tzinfo = dt.timezone.utc
    embed_model: bool = True


def to_newsml(article: Article, *, options: NewsMLOptions | None = None) -> bytes:
    """Write *article* as a NewsML-G2 2.35 newsItem (UTF-8 bytes with an XML declaration).

    Raises:
        SerializationError: the article holds a lone surrogate.
    """
    opts = options or NewsMLOptions()
    model_json = escape_illegal(to_json(article)) if opts.embed_model else None
    guid = clean_text(opts.guid_prefix + article.id)
    scheme = entity_scheme(guid)
    root = etree.Element(
        _G + "newsItem",
        {
            "guid": guid,
            "version": str(opts.version),
            "standard": "NewsML-G2",
            "standardversion": "2.35",
            "conformance": "power",
        },
        nsmap={None: NAR_NS},
    )
    if article.language and is_language_tag(article.language):
        root.set(XML_LANG, article.language)
    etree.SubElement(root, _G + "catalogRef", {"href": CATALOG_URL})
    catalog = etree.SubElement(root, _G + "catalog")
    for alias, uri in (ROLE_SCHEME, KIND_SCHEME, (ENTITY_ALIAS, scheme)):
        etree.SubElement(catalog, _G + "scheme", {"alias": alias, "uri": uri})
    _item_meta(etree.SubElement(root, _G + "itemMeta"), article, opts)
    _content_meta(etree.SubElement(root, _G + "contentMeta"), article)
    ids = IdAllocator()
    nitf, refs = nitf_body(
        article, guid=guid, scheme=scheme, ids=ids, assume_zone=opts.naive_timezone
    )
    _part_metas(root, article, refs, ids)
    _asserts(root, article)
    content_set = etree.SubElement(root, _G + "contentSet")
    text = clean_text(article.text)
    inline = etree.SubElement(
        content_set,
        _G + "inlineXML",
        {
            "contenttype": "application/nitf+xml",
            "wordcount": str(len(text.split())),
            "charcount": str(len(text)),
        },
    )
    inline.append(nitf)
    if model_json is not None:
        data = etree.SubElement(content_set, _G + "inlineData", {"contenttype": MODEL_CONTENT_TYPE})
        data.text = model_json
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _add(
    parent: etree._Element, tag: str, text: str | None = None, /, **attrib: str
) -> etree._Element:
    child = etree.SubElement(parent, _G + tag, {k.replace("_", "-"): v for k, v in attrib.items()})
    if text is not None:
        child.text = clean_text(text)
    return child


def _literal(text: str) -> str:
    """*text* as a ``g2normalizedString`` (tabs and line breaks become spaces)."""
    return _SPACE.sub(" ", clean_text(text))


def _concept(parent: etree._Element, tag: str, value: str, /, **attrib: str) -> etree._Element:
    """A concept property identified by QCode, URI or literal, whichever *value* is."""
    if "://" in value and not any(c.isspace() for c in value):
        attrib["uri"] = clean_text(value)
    elif _QCODE.fullmatch(value):
        attrib["qcode"] = clean_text(value)
    else:
        attrib["literal"] = _literal(value)
    return _add(parent, tag, **attrib)


def _entity_qcode(entity_id: str) -> str:
    return f"{ENTITY_ALIAS}:{encode_code(entity_id)}"


def _item_meta(meta: etree._Element, article: Article, opts: NewsMLOptions) -> None:
    _add(meta, "itemClass", qcode="ninat:text")
    _concept(meta, "provider", opts.provider)
    created = opts.version_created or article.modified or article.published
    if created is None:
        created = dt.datetime.now(dt.timezone.utc)
    _add(meta, "versionCreated", format_datetime(created, assume=opts.naive_timezone))
    if article.published is not None:
        _add(meta, "firstCreated", format_datetime(article.published, assume=opts.naive_timezone))
    _add(meta, "pubStatus", qcode=f"stat:{opts.pub_status}")
    _add(meta, "generator", GENERATOR, versioninfo=_VERSION)
    for warning in article.warnings:
        _add(meta, "edNote", f"{warning.code}: {warning.message}", role=f"{_ROLE}:warning")
    if article.url:
        _add(
            meta, "link", href=clean_text(article.url), rel=f"{_ROLE}:url", contenttype="text/html"
        )


def _content_meta(meta: etree._Element, article: Article) -> None:
    if article.published is not None:
        _add(meta, "contentCreated", format_datetime(article.published))
    if article.modified is not None:
        _add(meta, "contentModified", format_datetime(article.modified))
    place = _dateline_place(article)
    if place is not None:
        located = _add(meta, "located", type="cpnat:geoArea", qcode=_entity_qcode(place.id))
        _add(located, "name", place.name)
    if article.publisher and article.publisher.strip():
        source = _add(
            meta, "infoSource", literal=_literal(article.publisher), role="isrol:originfo"
        )
        _add(source, "name", article.publisher)
    for author in article.authors:
        creator = _add(
            meta,
            "creator",
            type="cpnat:person",
            qcode=_entity_qcode(author.id),
            role=f"{_ROLE}:author",
        )
        _add(creator, "name", author.name)
    if article.language and is_language_tag(article.language):
        _add(meta, "language", tag=article.language)
    for keyword in article.keywords:
        _add(meta, "keyword", keyword)
    if article.section and article.section.strip():
        _add(meta, "keyword", article.section, role=f"{_ROLE}:section")
    for entities, kind in (
        (article.persons, "cpnat:person"),
        (article.organizations, "cpnat:organisation"),
        (article.places, "cpnat:geoArea"),
    ):
        for entity in entities:
            subject = _add(meta, "subject", type=kind, qcode=_entity_qcode(entity.id))
            _add(subject, "name", entity.name)
    if article.headline and article.headline.strip():
        _add(meta, "headline", article.headline)
    if article.subheadline and article.subheadline.strip():
        _add(meta, "headline", article.subheadline, role=f"{_ROLE}:subheadline")
    if article.dateline and article.dateline.strip():
        _add(meta, "dateline", article.dateline)
    if article.authors:
        _add(meta, "by", _byline(article.authors))
    if article.description and article.description.strip():
        _add(meta, "description", article.description, role="drol:summary")
    for rel, value in (
        ("publishedRaw", article.published_raw),
        ("modifiedRaw", article.modified_raw),
    ):
        if value is not None:
            _ext(meta, "contentMetaExtProperty", rel, value)
    for field_source in article.sources:
        _ext(
            meta,
            "contentMetaExtProperty",
            "fieldSource",
            json.dumps([field_source.field, field_source.source]),
        )


def _ext(parent: etree._Element, tag: str, rel: str, value: str) -> None:
    """An extension property: ``rel`` is one of our roles, ``value`` a string."""
    _add(parent, tag, rel=f"{_ROLE}:{rel}", value=clean_text(value))


def _byline(authors: tuple[Person, ...]) -> str:
    names = [a.name for a in authors]
    return "By " + (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1])


def _dateline_place(article: Article) -> Place | None:
    """The place the dateline names, if it is one of the article's places."""
    if not article.dateline:
        return None
    dateline = article.dateline.casefold()
    for place in article.places:
        if any(
            name.casefold() in dateline for name in (place.name, *place.aliases) if name.strip()
        ):
            return place
    return None


def _paragraph_ids(spans: tuple[Span | None, ...], article: Article, refs: BodyRefs) -> list[str]:
    """The IDs of the paragraphs that *spans* touch, in order."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for paragraph in article.paragraphs:
        bounds.append((start, start + len(paragraph)))
        start += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    touched = {
        i
        for span in spans
        if span is not None
        for i, (s, e) in enumerate(bounds)
        if (span.start < e and span.end > s) or (span.start == span.end and s <= span.start <= e)
    }
    return [refs.paragraphs[i] for i in sorted(touched)]


def _speaker(part: etree._Element, speaker: Person | None, source: str | None) -> None:
    if speaker is not None:
        element = _add(
            part,
            "infoSource",
            type="cpnat:person",
            qcode=_entity_qcode(speaker.id),
            role=f"{_ROLE}:speaker",
        )
        _add(element, "name", source if source and source.strip() else speaker.name)
    elif source and source.strip():
        element = _add(part, "infoSource", literal=_literal(source), role=f"{_ROLE}:speaker")
        _add(element, "name", source)


def _part_metas(root: etree._Element, article: Article, refs: BodyRefs, ids: IdAllocator) -> None:
    quote_index = {q.id: i for i, q in enumerate(article.quotes)}
    for i, quote in enumerate(article.quotes):
        part = _add(root, "partMeta", partid=ids.take(f"part-quote{i + 1}", "part-quote"))
        if refs.quotes.get(i):
            part.set("contentrefs", " ".join(refs.quotes[i]))
        _add(part, "altId", quote.id, type=f"{_ROLE}:id")
        _speaker(part, quote.speaker, None)
        _add(part, "genre", qcode=f"{_KIND}:quote")
        _add(part, "description", quote.text, role=f"{_ROLE}:content")
    for i, statement in enumerate(article.statements):
        part = _add(root, "partMeta", partid=ids.take(f"part-statement{i + 1}", "part-statement"))
        spans = (*statement.content_spans, statement.source_span, statement.cue_span)
        targets = _paragraph_ids(spans, article, refs)
        for quote in statement.quotes:
            targets.extend(refs.quotes.get(quote_index.get(quote.id, -1), []))
        if targets:
            part.set("contentrefs", " ".join(targets))
        _add(part, "altId", statement.id, type=f"{_ROLE}:id")
        _speaker(part, statement.speaker, statement.source)
        _add(part, "genre", qcode=f"{_KIND}:{statement.kind}")
        _add(part, "description", statement.content, role=f"{_ROLE}:content")
        if statement.cue is not None:
            _add(part, "description", statement.cue, role=f"{_ROLE}:cue")
        for rel, span in (
            *(("contentSpan", s) for s in statement.content_spans),
            ("sourceSpan", statement.source_span),
            ("cueSpan", statement.cue_span),
        ):
            if span is not None:
                _ext(part, "partMetaExtProperty", rel, f"{span.start} {span.end}")


def _asserts(root: etree._Element, article: Article) -> None:
    orgs = {o.name: o for o in article.organizations}
    entities: list[tuple[Person | Organization | Place, str]] = [
        *((a, "cpnat:person") for a in article.authors),
        *((p, "cpnat:person") for p in article.persons),
        *((o, "cpnat:organisation") for o in article.organizations),
        *((p, "cpnat:geoArea") for p in article.places),
    ]
    written: set[str] = set()
    for entity, kind in entities:
        if entity.id in written:
            continue
        written.add(entity.id)
        element = _add(root, "assert", qcode=_entity_qcode(entity.id))
        _add(element, "type", qcode=kind)
        _add(element, "name", entity.name)
        for alias in entity.aliases:
            _add(element, "name", alias, role=f"{_ROLE}:alias")
        if isinstance(entity, Person):
            for title in entity.titles:
                _add(element, "note", title, role=f"{_ROLE}:title")
            if entity.affiliation is not None and _literal(entity.affiliation).strip():
                details = _add(element, "personDetails")
                org = orgs.get(entity.affiliation)
                if org is not None:
                    affiliation = _add(
                        details,
                        "affiliation",
                        type="cpnat:organisation",
                        qcode=_entity_qcode(org.id),
                    )
                else:
                    affiliation = _add(
                        details,
                        "affiliation",
                        type="cpnat:organisation",
                        literal=_literal(entity.affiliation),
                    )
                _add(affiliation, "name", entity.affiliation)
