"""HTML pages into an Article: metadata from every source, the body without page chrome.

The page is decoded as a browser would (:mod:`newsmodel.parse._decode`), parsed
once by lxml, read for metadata before anything changes the tree, then cut down
to its main content (:mod:`newsmodel.extract.body`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import lxml.etree
import lxml.html

from newsmodel.errors import ParseError
from newsmodel.extract.analysis import analysis_of
from newsmodel.extract.body import extract_body
from newsmodel.extract.meta import extract_metadata
from newsmodel.model import Article, ParseWarning
from newsmodel.options import DEFAULT_OPTIONS, ParseOptions
from newsmodel.parse._common import article_id, check_size
from newsmodel.parse._decode import decode_html, decode_text

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["parse_html"]


_ELEMENT_CLASSES: Final = lxml.etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)
"""Every element is an HtmlElement, chosen in C. lxml.html's own lookup runs a Python
method for each element object it creates (thousands per page) only to give form
controls (``<input>``, ``<select>``...) their own classes, whose extras nothing here uses;
it made a new element object cost twice as much."""


def _new_parser() -> lxml.html.HTMLParser:
    """A parser per page: an lxml parser and its error log serve one thread at a time,
    and parse_html may run in threads (Dask's threaded scheduler). Making one costs ~4 µs."""
    parser = lxml.html.HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        collect_ids=False,
        default_doctype=False,
        huge_tree=True,
    )
    parser.set_element_class_lookup(_ELEMENT_CLASSES)
    return parser


def _parse_tree(data: bytes) -> tuple[HtmlElement, tuple[ParseWarning, ...]]:
    parser = _new_parser()
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (lxml.etree.ParserError, ValueError) as err:
        msg = f"not a readable HTML page: {err}"
        raise ParseError(msg) from err
    if root is None:
        raise ParseError("not a readable HTML page")
    # libxml2 stops building the tree past its depth limit (2,048 with huge_tree) and
    # drops what lies deeper: say so rather than lose that text silently.
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        too_deep = ParseWarning(
            code="too-deep",
            message="the page nests elements deeper than the parser's limit (2,048); "
            "what lies deeper was dropped",
        )
        return root, (too_deep,)
    return root, ()


def parse_html(
    html: bytes | str, *, url: str | None = None, options: ParseOptions = DEFAULT_OPTIONS
) -> Article:
    """Read a web page into an :class:`Article`.

    Args:
        html: the page, as the bytes a server sent (the encoding is detected) or as text.
        url: where the page came from; it keys the article id and helps the metadata.
        options: what to do and how; see :class:`~newsmodel.options.ParseOptions`.

    Raises:
        ParseError: the page is empty, undecodable, or over the size limit (and, with
            ``options.strict``, on the first problem that would be a warning).
    """
    check_size(len(html), options.max_input_chars, what="page")
    decoded = decode_html(html) if isinstance(html, bytes) else decode_text(html)
    # isspace() knows the bytes strip() removes and stops at the first other one;
    # "not data.strip()" copied the whole page whenever it ended in a newline.
    if not decoded.data or decoded.data.isspace():
        raise ParseError("the page is empty", source=url)
    root, limits = _parse_tree(decoded.data)
    meta = extract_metadata(root, url=url, options=options)
    paragraphs = extract_body(root)
    warnings: list[ParseWarning] = [*decoded.warnings, *limits, *meta.warnings]
    if not paragraphs:
        warnings.append(ParseWarning(code="no-body", message="no article text was found"))
    if options.strict and warnings:
        msg = f"{warnings[0].code}: {warnings[0].message}"
        raise ParseError(msg, source=url)
    found = analysis_of(paragraphs, headline=meta.headline, dateline=None, options=options)
    return Article(
        id=article_id(url or meta.url, meta.headline, paragraphs),
        url=url or meta.url,
        headline=meta.headline,
        subheadline=meta.subheadline,
        description=meta.description,
        authors=meta.authors,
        publisher=meta.publisher,
        section=meta.section,
        keywords=meta.keywords,
        language=meta.language,
        published=meta.published,
        published_raw=meta.published_raw,
        modified=meta.modified,
        modified_raw=meta.modified_raw,
        image_url=meta.image_url,
        image_caption=meta.image_caption,
        paragraphs=paragraphs,
        warnings=tuple(warnings),
        sources=meta.sources,
        persons=found.persons,
        organizations=found.organizations,
        places=found.places,
        statements=found.statements,
        quotes=found.quotes,
    )
