"""Convert one document from any format newsmodel reads into any format it writes.

These are pure module-level functions: the same bytes and arguments always give
the same result, and every function pickles by reference, so a process pool,
Dask or Spark can ship them to workers (see ``docs/scale.md``).

Formats read: ``html``, ``text``, ``json`` (newsmodel's own), ``newsml``
(NewsML-G2) and ``ninjs``; ``auto`` detects the format from the content.
Formats written: ``json``, ``jsonl`` (one line per article), ``newsml``, ``ninjs``
and ``text``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias

import attrs

from newsmodel.errors import NewsmodelError, ParseError, SerializationError
from newsmodel.model import PARAGRAPH_SEPARATOR, Article, ParseWarning
from newsmodel.options import DEFAULT_OPTIONS, ParseOptions
from newsmodel.parse.html import parse_html
from newsmodel.parse.newsml import iter_newsml
from newsmodel.parse.text import parse_text
from newsmodel.serialize.json import from_dict, to_json
from newsmodel.serialize.newsml import to_newsml
from newsmodel.serialize.ninjs import from_ninjs, to_ninjs

if TYPE_CHECKING:
    import os
    from collections.abc import Mapping

__all__ = [
    "INPUT_FORMATS",
    "OUTPUT_FORMATS",
    "SUFFIXES",
    "InputFormat",
    "OutputFormat",
    "convert_bytes",
    "detect_format",
    "file_to_jsonl",
    "gunzip",
    "read_articles",
    "render",
    "try_file_to_jsonl",
]

InputFormat: TypeAlias = Literal["html", "text", "json", "newsml", "ninjs"]
"""A format newsmodel reads."""

OutputFormat: TypeAlias = Literal["json", "jsonl", "newsml", "ninjs", "text"]
"""A format newsmodel writes."""

INPUT_FORMATS: Final[tuple[InputFormat, ...]] = ("html", "text", "json", "newsml", "ninjs")
OUTPUT_FORMATS: Final[tuple[OutputFormat, ...]] = ("json", "jsonl", "newsml", "ninjs", "text")

SUFFIXES: Final[Mapping[OutputFormat, str]] = MappingProxyType(
    {"json": ".json", "jsonl": ".jsonl", "newsml": ".xml", "ninjs": ".ninjs.json", "text": ".txt"}
)
"""The file name ending of each output format."""

_SNIFF_BYTES: Final = 8192
_GZIP_MAGIC: Final = b"\x1f\x8b"
_GZIP_WBITS: Final = 16 + zlib.MAX_WBITS  # a gzip header and trailer around deflate data
_BOM: Final = b"\xef\xbb\xbf"
# The first element of an XML or HTML document, after any declaration,
# processing instructions, comments and doctype.
_FIRST_ELEMENT: Final = re.compile(
    rb"\A(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>|\s)*<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)",
    re.DOTALL | re.IGNORECASE,
)
_HTML_DOCTYPE: Final = re.compile(rb"<!DOCTYPE\s+html", re.IGNORECASE)
_HTML_TAG: Final = re.compile(
    rb"<(?:html|head|body|article|main|div|p|br|span|a|h[1-6]|ul|ol|li|table|section)[\s/>]",
    re.IGNORECASE,
)
# Roots of NewsML-G2 items and messages, and of NewsML 1.x (which the reader rejects clearly).
_NEWSML_ROOTS: Final = frozenset(
    {
        b"newsItem",
        b"newsMessage",
        b"packageItem",
        b"conceptItem",
        b"knowledgeItem",
        b"planningItem",
        b"NewsML",
    }
)


def detect_format(data: bytes) -> InputFormat:
    """Tell which format *data* is in, from its content.

    An XML root ``newsItem`` or ``newsMessage`` means NewsML-G2; a JSON object
    with ``schema_version`` is newsmodel JSON and one with ``uri`` is ninjs; a
    doctype or HTML tags mean HTML; anything else is plain text.

    Raises:
        ParseError: *data* is a JSON object of neither kind, or broken JSON.
    """
    head = data[:_SNIFF_BYTES].removeprefix(_BOM).lstrip()
    if head.startswith(b"{"):
        return _json_kind(_load_json(data))
    if head.startswith(b"<"):
        match = _FIRST_ELEMENT.match(head)
        if _HTML_DOCTYPE.search(head) is None and match and match.group(1) in _NEWSML_ROOTS:
            return "newsml"
        return "html"
    return "html" if _HTML_TAG.search(head) else "text"


def _load_json(data: bytes) -> Any:
    try:
        return json.loads(data)
    except (ValueError, RecursionError) as err:
        msg = f"not valid JSON: {err}"
        raise ParseError(msg) from err


def _json_kind(document: Any) -> InputFormat:
    if isinstance(document, dict):
        if "schema_version" in document:
            return "json"
        if "uri" in document:
            return "ninjs"
    msg = "a JSON document that is neither newsmodel JSON (no schema_version) nor ninjs (no uri)"
    raise ParseError(msg)


def read_articles(
    data: bytes,
    *,
    source: InputFormat | Literal["auto"] = "auto",
    url: str | None = None,
    options: ParseOptions = DEFAULT_OPTIONS,
    encoding: str = "utf-8",
) -> tuple[Article, ...]:
    """Read every article in *data*: one, or one per item of a NewsML-G2 newsMessage.

    Args:
        data: the document's bytes; gzip-compressed bytes are decompressed first.
        source: its format, or ``"auto"`` to detect it (:func:`detect_format`).
        url: where the page or text came from (HTML and text only).
        options: how HTML and text are parsed (``analyze=False`` skips the analysis).
        encoding: how plain text is decoded (HTML finds its own; ``utf-8`` accepts a BOM).

    Raises:
        ParseError: the document cannot be read as an article.
        DeserializationError: a JSON, ninjs or NewsML document describes no valid article.
    """
    data = gunzip(data, limit=options.max_input_chars)
    fmt = detect_format(data) if source == "auto" else source
    if fmt == "text":
        text, fallback = _decode(data, encoding)
        article = parse_text(text, url=url, options=options)
        if fallback is not None:
            article = attrs.evolve(article, warnings=(fallback, *article.warnings))
        return (article,)
    if fmt == "html":
        return (parse_html(data, url=url, options=options),)
    if fmt == "newsml":
        articles = tuple(iter_newsml(data))
        if not articles:
            raise ParseError("the NewsML-G2 document holds no newsItem")
        return articles
    document = _load_json(data)
    if fmt == "json":
        return (from_dict(document),)
    return (from_ninjs(document),)


def gunzip(data: bytes, *, limit: int) -> bytes:
    """*data* decompressed when it is gzip (as corpora often store pages), else *data* itself.

    Raises:
        ParseError: the gzip stream is broken, or inflates past *limit* bytes
            (a decompression bomb is stopped there, not inflated in memory).
    """
    if not data.startswith(_GZIP_MAGIC):
        return data
    inflater = zlib.decompressobj(wbits=_GZIP_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as err:
        msg = f"broken gzip data: {err}"
        raise ParseError(msg) from err
    if len(out) > limit:
        msg = f"the gzip data inflates past the limit of {limit:,} bytes"
        raise ParseError(msg)
    if not inflater.eof:
        raise ParseError("truncated gzip data")
    return out


def _decode(data: bytes, encoding: str) -> tuple[str, ParseWarning | None]:
    """The text and, when UTF-8 failed and windows-1252 was used instead, a warning.

    Text files that are not UTF-8 are nearly always windows-1252 or Latin-1 (as
    browsers assume): the fallback decodes them rather than failing the file.
    An explicit other ``encoding`` is used strictly.
    """
    utf8 = encoding.replace("_", "-").lower() in {"utf-8", "utf8"}
    codec = "utf-8-sig" if utf8 else encoding
    try:
        return data.decode(codec), None
    except UnicodeDecodeError as err:
        if utf8:
            warning = ParseWarning(
                code="charset-fallback",
                message=f"not UTF-8 (byte 0x{err.object[err.start]:02x} at offset {err.start}); "
                "read as windows-1252",
            )
            return data.decode("cp1252", errors="replace"), warning
        bad = err.object[err.start : err.start + 1].hex()
        msg = f"not {encoding} text (byte 0x{bad} at offset {err.start}); try --encoding"
        raise ParseError(msg) from err
    except LookupError as err:
        msg = f"unknown encoding {encoding!r}"
        raise ParseError(msg) from err
    except UnicodeError as err:  # codecs such as "undefined" or "idna" raise the base class
        msg = f"cannot decode with {encoding!r}: {err}"
        raise ParseError(msg) from err


def render(article: Article, target: OutputFormat) -> bytes:
    """*article* written in the *target* format, as UTF-8 bytes ending in a newline.

    Raises:
        SerializationError: the article cannot be written in that format.
    """
    if target == "newsml":
        document = to_newsml(article)
        return document if document.endswith(b"\n") else document + b"\n"
    if target == "json":
        text = to_json(article, indent=2)
    elif target == "jsonl":
        text = to_json(article)
    elif target == "ninjs":
        text = json.dumps(to_ninjs(article), ensure_ascii=False, indent=2)
    else:
        text = PARAGRAPH_SEPARATOR.join(filter(None, (article.headline, article.text)))
    try:
        return (text + "\n").encode("utf-8")
    except UnicodeEncodeError as err:
        msg = f"the article holds text that is not valid Unicode: {err.reason}"
        raise SerializationError(msg) from err


def convert_bytes(
    data: bytes,
    *,
    source: InputFormat | Literal["auto"] = "auto",
    target: OutputFormat = "jsonl",
    url: str | None = None,
    options: ParseOptions = DEFAULT_OPTIONS,
    encoding: str = "utf-8",
) -> tuple[bytes, ...]:
    """Read *data* and write each of its articles in *target*: one document per article.

    Raises:
        NewsmodelError: the document cannot be read, or an article cannot be written.
    """
    articles = read_articles(data, source=source, url=url, options=options, encoding=encoding)
    return tuple(render(article, target) for article in articles)


def file_to_jsonl(
    path: str | os.PathLike[str],
    *,
    source: InputFormat | Literal["auto"] = "auto",
    analyze: bool = True,
    encoding: str = "utf-8",
) -> str:
    """The file at *path* as JSON Lines: one line per article, no final newline.

    The building block for whole-corpus runs on Dask or Spark (``docs/scale.md``):
    a pure function of the file's content, picklable by reference.

    Raises:
        OSError: the file cannot be read.
        NewsmodelError: the file cannot be read as an article, or written as JSON.
    """
    options = ParseOptions(analyze=analyze)
    data = Path(path).read_bytes()
    lines = convert_bytes(data, source=source, target="jsonl", options=options, encoding=encoding)
    return b"".join(lines).decode("utf-8").removesuffix("\n")


def try_file_to_jsonl(
    path: str | os.PathLike[str],
    *,
    source: InputFormat | Literal["auto"] = "auto",
    analyze: bool = True,
    encoding: str = "utf-8",
) -> tuple[bool, str]:
    """Like :func:`file_to_jsonl`, but a failure is a value, not an exception.

    Returns ``(True, json_lines)``, or ``(False, "path: reason")`` when the file
    cannot be read or converted, so that one bad file never stops a whole-corpus job.
    """
    try:
        return True, file_to_jsonl(path, source=source, analyze=analyze, encoding=encoding)
    except OSError as err:
        return False, f"{path}: cannot read: {err.strerror or err}"
    except NewsmodelError as err:
        return False, f"{path}: {err}"
