"""One NewsML-G2 item (or fragment) read from its standard parts into an Article."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, Final

from newsmodel._newsml_vocab import (
    GENERATOR,
    XML_LANG,
    parse_datetime,
)
from newsmodel.model import (
    Article,
    FieldSource,
    ParseWarning,
)
from newsmodel.parse._body import Body, local, read_body, text_of
from newsmodel.parse._common import article_id
from newsmodel.parse._g2nodes import Reader, child, children, find, name_of, role
from newsmodel.parse._g2people import extensions, read_entities, read_speech

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml import etree

__all__ = ["read_item"]

_OWN_PREFIX: Final = "urn:newsmodel:"
_BY: Final = re.compile(r"^\s*by\s+", re.IGNORECASE)
_AUTHOR_SPLIT: Final = re.compile(r"\s*(?:,|\band\b|&)\s*")
_KINDS: Final = frozenset({"direct", "indirect", "mixed"})
_MAPPED_ITEM_META: Final = frozenset(
    {
        "itemClass",
        "provider",
        "versionCreated",
        "firstCreated",
        "pubStatus",
        "generator",
        "edNote",
        "link",
    }
)
_MAPPED_CONTENT_META: Final = frozenset(
    {
        "contentCreated", "contentModified", "located", "infoSource", "creator", "language",
        "keyword", "subject", "headline", "dateline", "by", "description", "contentMetaExtProperty",
    }
)  # fmt: skip


def read_item(item: etree._Element, *, fragment: bool) -> Article:
    """The Article an item (or a fragment of one) describes; never raises for odd content."""
    item_meta = find(item, "itemMeta")
    generator = child(item_meta, "generator")
    own = generator is not None and (generator.text or "").strip() == GENERATOR
    reader = Reader(preserve=own)
    if fragment:
        reader.warnings.append(
            ParseWarning(
                code="newsml-fragment", message=f"read a fragment rooted at <{local(item)}>"
            )
        )
    else:
        reader.warnings.extend(_structure_warnings(item, item_meta))
    if local(item) not in {"newsItem", *(() if not fragment else (local(item),))}:
        reader.unmapped.append(f"{local(item)} (not a news item)")
    item_class = child(item_meta, "itemClass")
    if item_class is not None and item_class.get("qcode", "ninat:text") != "ninat:text":
        reader.unmapped.append(f"itemClass {item_class.get('qcode')}")
    content_meta = find(item, "contentMeta")
    body, unread = read_body(find(item, "contentSet"), preserve=own)
    reader.unmapped.extend(unread)
    fields = _meta_fields(item, item_meta, content_meta, body, reader)
    people = read_entities(item, content_meta, body, reader)
    fields.update(
        authors=people.authors,
        persons=people.persons,
        organizations=people.organizations,
        places=people.places,
    )
    quotes, statements = read_speech(item, body, people.persons, reader)
    guid = item.get("guid")
    article_key = (
        guid[len(_OWN_PREFIX) :] if own and guid and guid.startswith(_OWN_PREFIX) else guid
    )
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
            **fields,
        )
    except ValueError as err:
        fields.update(persons=(), organizations=(), places=(), authors=())
        warning = ParseWarning(
            code="newsml-inconsistent", message=f"entities and speech dropped: {err}"
        )
        return Article(
            id=article_key, paragraphs=paragraphs, warnings=(*reader.warnings, warning), **fields
        )


_REQUIRED_META: Final = ("itemClass", "provider", "versionCreated")
_MAX_RELATED_DEPTH: Final = 3


def _structure_warnings(
    item: etree._Element, item_meta: etree._Element | None
) -> Iterator[ParseWarning]:
    """Breaches of the schema that matter to a reader (the reader does not validate)."""
    if not item.get("guid"):
        yield ParseWarning(code="newsml-invalid", message=f"<{local(item)}> has no guid")
    if item_meta is None:
        yield ParseWarning(code="newsml-invalid", message=f"<{local(item)}> has no itemMeta")
    else:
        missing = [n for n in _REQUIRED_META if child(item_meta, n) is None]
        if missing:
            yield ParseWarning(
                code="newsml-invalid", message="itemMeta lacks " + ", ".join(missing)
            )
    depth = max(
        (
            sum(1 for a in e.iterancestors() if local(a) == "related") + 1
            for e in item.iter()
            if local(e) == "related"
        ),
        default=0,
    )
    if depth > _MAX_RELATED_DEPTH:
        message = f"related properties nested {depth} deep (the schema allows {_MAX_RELATED_DEPTH})"
        yield ParseWarning(code="newsml-invalid", message=message)


def _datetime(element: etree._Element | None, reader: Reader) -> tuple[object, str | None]:
    if element is None or not (element.text or "").strip():
        return None, None
    raw = (element.text or "").strip()
    value = parse_datetime(raw)
    if value is None:
        reader.warnings.append(
            ParseWarning(code="newsml-bad-date", message=f"unreadable date {raw!r}")
        )
    return value, raw


def _meta_fields(
    item: etree._Element,
    item_meta: etree._Element | None,
    content_meta: etree._Element | None,
    body: Body,
    reader: Reader,
) -> dict[str, Any]:
    preserve = reader.preserve
    fields: dict[str, Any] = {}
    for element in (
        *(item_meta if item_meta is not None else ()),
        *(content_meta if content_meta is not None else ()),
    ):
        name = local(element)
        if name and name not in _MAPPED_ITEM_META | _MAPPED_CONTENT_META:
            reader.unmapped.append(name)
    published, published_raw = _datetime(child(content_meta, "contentCreated"), reader)
    if published is None:
        published, published_raw = _datetime(child(item_meta, "firstCreated"), reader)
    modified, modified_raw = _datetime(child(content_meta, "contentModified"), reader)
    own_extensions = extensions(content_meta, "contentMetaExtProperty")
    if reader.preserve:
        published_raw = next(iter(own_extensions.get("publishedRaw", [])), None)
        modified_raw = next(iter(own_extensions.get("modifiedRaw", [])), None)
    fields["sources"] = tuple(_field_sources(own_extensions.get("fieldSource", [])))
    fields.update(
        published=published,
        published_raw=published_raw,
        modified=modified,
        modified_raw=modified_raw,
    )
    for note in children(item_meta, "edNote"):
        text = text_of(note, preserve=preserve)
        if role(note).endswith(":warning"):
            code, _, message = text.partition(": ")
            if code.strip():
                reader.warnings.append(ParseWarning(code=code, message=message))
        else:
            reader.unmapped.append("edNote")
    for link in children(item_meta, "link"):
        if _role_like(link.get("rel", ""), ("url", "canonical")) and link.get("href"):
            fields.setdefault("url", link.get("href"))
    headlines = list(children(content_meta, "headline"))
    main = [h for h in headlines if not role(h)] or [h for h in headlines if "sub" not in role(h)]
    subs = [h for h in headlines if "sub" in role(h)]
    fields["headline"] = (text_of(main[0], preserve=preserve) if main else None) or body.headline
    fields["subheadline"] = (
        text_of(subs[0], preserve=preserve) if subs else None
    ) or body.subheadline
    descriptions = list(children(content_meta, "description"))
    summary = [d for d in descriptions if not role(d) or "summary" in role(d)] or descriptions
    fields["description"] = (
        text_of(summary[0], preserve=preserve) if summary else None
    ) or body.abstract
    dateline = child(content_meta, "dateline")
    fields["dateline"] = (
        text_of(dateline, preserve=preserve) if dateline is not None else None
    ) or body.dateline
    keywords = [k for k in children(content_meta, "keyword") if not role(k).endswith(":section")]
    sections = [k for k in children(content_meta, "keyword") if role(k).endswith(":section")]
    words = tuple(t for t in (text_of(k, preserve=preserve) for k in keywords) if t)
    fields["keywords"] = words or body.keywords
    fields["section"] = text_of(sections[0], preserve=preserve) if sections else None
    language = child(content_meta, "language")
    fields["language"] = (language.get("tag") if language is not None else None) or item.get(
        XML_LANG
    )
    source = next((s for s in children(content_meta, "infoSource") if "originfo" in role(s)), None)
    fields["publisher"] = (
        name_of(source, preserve=preserve) if source is not None else _copyright(item)
    )
    fields["image_url"] = body.image_url
    fields["image_caption"] = body.image_caption
    return {k: (v or None) if isinstance(v, str) else v for k, v in fields.items()}


def _field_sources(values: list[str]) -> Iterator[FieldSource]:
    for value in values:
        try:
            field, source = json.loads(value)
        except (ValueError, TypeError):
            continue
        if isinstance(field, str) and isinstance(source, str):
            yield FieldSource(field=field, source=source)


def _role_like(value: str, names: tuple[str, ...]) -> bool:
    return value.rpartition(":")[2] in names


def _copyright(item: etree._Element) -> str | None:
    holder = find(item, "copyrightHolder")
    return name_of(holder, preserve=False) if holder is not None else None
