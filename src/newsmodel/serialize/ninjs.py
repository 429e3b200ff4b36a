"""ninjs 3.1 (IPTC's JSON news format) writer and reader.

ninjs has no spans, no quotations or statements, no aliases, titles or
affiliations, and no raw date strings, warnings or field sources: those are not
written. Naive datetimes are written in ``naive_timezone`` (UTC by default),
because ninjs requires an offset, and read back aware. Everything else survives
:func:`to_ninjs` then :func:`from_ninjs`; docs/newsml.md has the field table.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any, Final
from urllib.parse import quote, unquote

from newsmodel._newsml_vocab import format_datetime, parse_datetime
from newsmodel.errors import DeserializationError, SerializationError
from newsmodel.model import PARAGRAPH_SEPARATOR, Article, Organization, Person, Place

__all__ = ["from_ninjs", "to_ninjs", "to_ninjs_json"]

URI_PREFIX: Final = "urn:newsmodel:"
_BLANK_LINE: Final = re.compile(r"\n[ \t\r\f\v]*\n")
_TAGS: Final = re.compile(r"<[^>]*>")
_BLOCK_END: Final = re.compile(r"</(?:p|div|h[1-6]|li|blockquote)\s*>|<br\s*/?>", re.IGNORECASE)
_ENTITY_REFS: Final = {
    "&lt;": "<",
    "&gt;": ">",
    "&quot;": '"',
    "&apos;": "'",
    "&#39;": "'",
    "&amp;": "&",
}


def _uri(article: Article) -> str:
    return URI_PREFIX + quote(article.id, safe="")


def _as_uri(reference: str) -> str:
    """A page's URL as an RFC 3986 URI: spaces, ``|`` and non-ASCII percent-encoded."""
    return quote(reference, safe="/:?#[]@!$&'()*+,;=%~")


def _when(value: dt.datetime, zone: dt.tzinfo) -> str:
    return format_datetime(value, assume=zone)


def _entities(
    uri: str, entities: tuple[Person | Organization | Place, ...], rel: str
) -> list[dict[str, str]]:
    return [{"name": e.name, "rel": rel, "uri": f"{uri}#{quote(e.id, safe='')}"} for e in entities]


def to_ninjs(article: Article, *, naive_timezone: dt.tzinfo = dt.timezone.utc) -> dict[str, Any]:
    """*article* as a ninjs 3.1 document (a dict ready for ``json.dumps``)."""
    uri = _uri(article)
    doc: dict[str, Any] = {"uri": uri, "type": "text", "representationType": "full"}
    if article.published is not None:
        doc["firstCreated"] = doc["contentCreated"] = _when(article.published, naive_timezone)
    if article.modified is not None:
        doc["versionCreated"] = _when(article.modified, naive_timezone)
    if article.language:
        doc["language"] = article.language
    descriptions = [
        {"role": role, "contentType": "text/plain", "value": value}
        for role, value in (("summary", article.description), ("dateline", article.dateline))
        if value is not None
    ]
    if descriptions:
        doc["descriptions"] = descriptions
    if article.paragraphs:
        text = article.text
        doc["bodies"] = [
            {
                "role": "main",
                "contentType": "text/plain",
                "charCount": len(text),
                "wordCount": len(text.split()),
                "value": text,
            }
        ]
    headlines = [
        {"role": role, "contentType": "text/plain", "value": value}
        for role, value in (("main", article.headline), ("sub", article.subheadline))
        if value is not None
    ]
    if headlines:
        doc["headlines"] = headlines
    people = _entities(uri, article.authors, "author") + _entities(uri, article.persons, "mentions")
    groups = {
        "people": people,
        "organisations": _entities(uri, article.organizations, "mentions"),
        "places": _entities(uri, article.places, "mentions"),
    }
    doc.update({key: values for key, values in groups.items() if values})
    subjects = [{"name": k, "rel": "keyword", "literal": k} for k in article.keywords]
    if article.section is not None:
        subjects.append({"name": article.section, "rel": "section", "literal": article.section})
    if subjects:
        doc["subjects"] = subjects
    if article.publisher is not None:
        doc["infoSources"] = [{"name": article.publisher, "role": "publisher"}]
    if article.authors:
        doc["by"] = ", ".join(a.name for a in article.authors)
    if article.url is not None:
        doc["renditions"] = [
            {"name": "web", "href": _as_uri(article.url), "contentType": "text/html"}
        ]
    if article.image_url is not None or article.image_caption is not None:
        image: dict[str, Any] = {
            "name": "image",
            "type": "picture",
            "uri": _as_uri(article.image_url) if article.image_url else f"{uri}#image",
        }
        if article.image_caption is not None:
            image["descriptions"] = [{"role": "caption", "value": article.image_caption}]
        doc["associations"] = [image]
    return doc


def to_ninjs_json(article: Article, *, indent: int | None = None) -> str:
    """*article* as ninjs 3.1 JSON text.

    Raises:
        SerializationError: a string holds a lone surrogate.
    """
    text = json.dumps(to_ninjs(article), ensure_ascii=False, indent=indent)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        msg = f"the article holds text that is not valid Unicode: {err.reason}"
        raise SerializationError(msg) from err
    return text


def from_ninjs(data: Mapping[str, Any] | str | bytes) -> Article:
    """Read a ninjs document (3.x; what it cannot map is dropped).

    Raises:
        DeserializationError: not JSON, not an object, or without a string ``uri``.
    """
    if isinstance(data, (str, bytes)):
        try:
            data = json.loads(data)
        except (ValueError, RecursionError) as err:
            raise DeserializationError("not a JSON document", [f"$: {err}"]) from err
    if not isinstance(data, Mapping):
        raise DeserializationError("not a ninjs document", ["$: expected an object"])
    uri = data.get("uri")
    if not isinstance(uri, str) or not uri.strip():
        raise DeserializationError(
            "not a ninjs document", ["$.uri: a non-empty string is required"]
        )
    try:
        return _article(data, uri)
    except (ValueError, TypeError, AttributeError, KeyError) as err:
        raise DeserializationError("invalid ninjs document", [f"$: {err}"]) from err


def _list(data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = data.get(key)
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


def _by_role(items: list[Mapping[str, Any]], *roles: str | None) -> str | None:
    for role in roles:
        for item in items:
            if item.get("role") == role and isinstance(item.get("value"), str):
                return str(item["value"])
    return None


def _date(data: Mapping[str, Any], *keys: str) -> tuple[dt.datetime | None, str | None]:
    for key in keys:
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            return parse_datetime(value), value
    return None, None


def _article(data: Mapping[str, Any], uri: str) -> Article:
    own = uri.startswith(URI_PREFIX)
    headlines = _list(data, "headlines")
    descriptions = _list(data, "descriptions")
    headline = _by_role(headlines, "main", None) or next(
        (
            str(h["value"])
            for h in headlines
            if isinstance(h.get("value"), str) and h.get("role") != "sub"
        ),
        None,
    )
    paragraphs = _paragraphs(_list(data, "bodies"))
    published, published_raw = _date(data, "contentCreated", "firstCreated")
    modified, modified_raw = _date(data, "versionCreated")
    taken: set[str] = set()

    def entity_id(item: Mapping[str, Any], prefix: str) -> str:
        ref = item.get("uri")
        wanted = (
            unquote(ref.partition("#")[2])
            if own and isinstance(ref, str) and ref.startswith(f"{uri}#")
            else ""
        )
        if wanted and wanted not in taken:
            taken.add(wanted)
            return wanted
        n = 1
        while f"{prefix}{n}" in taken:
            n += 1
        taken.add(f"{prefix}{n}")
        return f"{prefix}{n}"

    def named(key: str) -> list[Mapping[str, Any]]:
        return [i for i in _list(data, key) if isinstance(i.get("name"), str) and i["name"].strip()]

    people = named("people")
    authors = tuple(
        Person(id=entity_id(p, "a"), name=p["name"]) for p in people if p.get("rel") == "author"
    )
    persons = tuple(
        Person(id=entity_id(p, "p"), name=p["name"]) for p in people if p.get("rel") != "author"
    )
    organizations = tuple(
        Organization(id=entity_id(o, "o"), name=o["name"]) for o in named("organisations")
    )
    places = tuple(Place(id=entity_id(p, "l"), name=p["name"]) for p in named("places"))
    if not authors and isinstance(data.get("by"), str):
        names = [
            n.strip()
            for n in re.split(
                r",|\band\b", re.sub(r"^\s*by\s+", "", data["by"], flags=re.IGNORECASE)
            )
            if n.strip()
        ]
        authors = tuple(Person(id=entity_id({}, "a"), name=n) for n in names)
    subjects = _list(data, "subjects")
    keywords = tuple(
        str(s["name"])
        for s in subjects
        if s.get("rel") == "keyword" and isinstance(s.get("name"), str)
    )
    section = next(
        (
            str(s["name"])
            for s in subjects
            if s.get("rel") == "section" and isinstance(s.get("name"), str)
        ),
        None,
    )
    sources = _list(data, "infoSources")
    publisher = next(
        (
            str(s["name"])
            for s in sources
            if s.get("role") == "publisher" and isinstance(s.get("name"), str)
        ),
        None,
    )
    web = next(
        (
            r
            for r in _list(data, "renditions")
            if r.get("contentType") == "text/html" and isinstance(r.get("href"), str)
        ),
        None,
    )
    image = next((a for a in _list(data, "associations") if a.get("type") == "picture"), None)
    image_url = image.get("uri") if image is not None else None
    if isinstance(image_url, str) and image_url == f"{uri}#image":
        image_url = None
    language = data.get("language")
    return Article(
        id=unquote(uri[len(URI_PREFIX) :]) if own else uri,
        url=str(web["href"]) if web is not None else None,
        headline=headline,
        subheadline=_by_role(headlines, "sub"),
        description=_by_role(descriptions, "summary", None),
        dateline=_by_role(descriptions, "dateline"),
        authors=authors,
        publisher=publisher,
        section=section,
        keywords=keywords,
        language=language if isinstance(language, str) else None,
        published=published,
        published_raw=None if own else published_raw,
        modified=modified,
        modified_raw=None if own else modified_raw,
        image_url=image_url if isinstance(image_url, str) else None,
        image_caption=_by_role(_list(image, "descriptions"), "caption", None)
        if image is not None
        else None,
        paragraphs=paragraphs,
        persons=persons,
        organizations=organizations,
        places=places,
    )


def _paragraphs(bodies: list[Mapping[str, Any]]) -> tuple[str, ...]:
    """Paragraphs of the plain-text body, else of a markup body with its tags removed."""
    plain = next(
        (
            b
            for b in bodies
            if b.get("contentType", "text/plain") == "text/plain"
            and isinstance(b.get("value"), str)
        ),
        None,
    )
    if plain is not None:
        chunks = str(plain["value"]).split(PARAGRAPH_SEPARATOR)
        if not all(c and c == c.strip() for c in chunks):
            chunks = _BLANK_LINE.split(str(plain["value"]))
    else:
        marked = next((b for b in bodies if isinstance(b.get("value"), str)), None)
        if marked is None:
            return ()
        text = _BLOCK_END.sub("\n\n", str(marked["value"]))
        text = _TAGS.sub("", text)
        for ref, char in _ENTITY_REFS.items():
            text = text.replace(ref, char)
        chunks = _BLANK_LINE.split(text)
    return tuple(p for p in (c.strip() for c in chunks) if p)
