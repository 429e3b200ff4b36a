"""Names, schemes and value forms shared by the NewsML-G2 writer and reader.

Nothing here parses or writes a document: these are the constants and the small
value codecs (datetimes, QCodes, XML-safe text) that both directions must agree on.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final
from urllib.parse import quote, unquote

import dateutil.parser

__all__ = [
    "CATALOG_URL",
    "GENERATOR",
    "KIND_SCHEME",
    "MODEL_CONTENT_TYPE",
    "NAR_NS",
    "NITF_NS",
    "ROLE_SCHEME",
    "XHTML_NS",
    "XML_LANG",
    "clean_text",
    "decode_code",
    "encode_code",
    "entity_scheme",
    "format_datetime",
    "is_language_tag",
    "nitf_norm",
    "parse_datetime",
]

NAR_NS: Final = "http://iptc.org/std/nar/2006-10-01/"
NITF_NS: Final = "http://iptc.org/std/NITF/2006-10-18/"
XHTML_NS: Final = "http://www.w3.org/1999/xhtml"
XML_LANG: Final = "{http://www.w3.org/XML/1998/namespace}lang"
CATALOG_URL: Final = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"
MODEL_CONTENT_TYPE: Final = "application/vnd.newsmodel+json"
"""The content type of the rendition that holds the exact model (``newsmodel.to_json``)."""
GENERATOR: Final = "newsmodel"

ROLE_SCHEME: Final = ("nmrole", "urn:newsmodel:cv:role:")
"""Our roles: subheadline, section, url, warning, speaker, cue, content, author, title, alias."""
KIND_SCHEME: Final = ("nmkind", "urn:newsmodel:cv:kind:")
"""What a described part is: ``quote``, or a statement's kind (direct, indirect, mixed)."""
ENTITY_ALIAS: Final = "nmentity"
"""Alias of the per-item scheme whose codes are the article's entity ids."""

_XML_ILLEGAL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_LANGUAGE_TAG: Final = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")
_TRUNCATED: Final = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2}))?")


def clean_text(text: str) -> str:
    """*text* without the characters XML 1.0 cannot hold (C0 controls but tab/LF/CR, U+FFFE/F, surrogates)."""
    return _XML_ILLEGAL.sub("", text)


def escape_illegal(text: str) -> str:
    """JSON text with XML-illegal characters written as ``\\uXXXX`` escapes.

    Only valid for JSON text: the characters can only occur inside JSON strings,
    where the escape means the same character.
    """
    return _XML_ILLEGAL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def is_language_tag(value: str) -> bool:
    """Whether *value* is a valid ``xs:language`` (a BCP 47 shaped tag)."""
    return _LANGUAGE_TAG.fullmatch(value) is not None


def entity_scheme(guid: str) -> str:
    """The URI of the per-item scheme of entity codes: the item's guid and ``#``."""
    return f"{guid}#"


def encode_code(value: str) -> str:
    """*value* made safe as the code part of a QCode (no whitespace), reversibly."""
    return quote(value, safe="!$&'()*+,;=@-._~:")


def decode_code(code: str) -> str:
    """The value :func:`encode_code` encoded."""
    return unquote(code)


def _offset_ok(value: dt.datetime) -> bool:
    offset = value.utcoffset()
    return offset is not None and offset.seconds % 60 == 0 and offset.microseconds == 0


def format_datetime(value: dt.datetime, *, assume: dt.tzinfo | None = None) -> str:
    """*value* as ``xs:dateTime``.

    An aware value keeps its offset (converted to UTC when the offset has seconds,
    which XML Schema cannot write). A naive value is written without an offset, unless
    *assume* is given: then it is taken to be in that zone.
    """
    if value.tzinfo is None or value.utcoffset() is None:
        if assume is None:
            return value.replace(tzinfo=None).isoformat()
        value = value.replace(tzinfo=assume)
    if not _offset_ok(value):
        value = value.astimezone(dt.timezone.utc)
    return value.isoformat()


def nitf_norm(value: dt.datetime, *, assume: dt.tzinfo | None = None) -> str:
    """*value* in ISO 8601 basic form (``20250101T104500+0100``), as NITF ``norm`` wants."""
    text = format_datetime(value, assume=assume)
    date, _, rest = text.partition("T")
    time, sign, offset = _split_offset(rest)
    time = time.split(".")[0]
    return f"{date.replace('-', '')}T{time.replace(':', '')}{sign}{offset.replace(':', '')}"


def _split_offset(rest: str) -> tuple[str, str, str]:
    for sign in ("+", "-"):
        if sign in rest:
            time, _, offset = rest.partition(sign)
            return time, sign, offset
    return rest, "", ""


def parse_datetime(text: str) -> dt.datetime | None:
    """An ``xs:dateTime`` or truncated date (``2016``, ``2016-02``, ``2016-02-09``); None if unreadable."""
    text = text.strip()
    if not text:
        return None
    truncated = _TRUNCATED.fullmatch(text)
    if truncated:
        month = int(truncated.group("month") or 1)
        if not 1 <= month <= 12:
            return None
        return dt.datetime(int(truncated.group("year")), month, 1)
    try:
        return dateutil.parser.isoparse(text)
    except (ValueError, OverflowError):
        return None
