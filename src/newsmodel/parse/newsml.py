"""NewsML-G2 reader: our own items and what agencies and IPTC examples send.

A newsItem written by :func:`newsmodel.to_newsml` carries the exact model in an
``application/vnd.newsmodel+json`` rendition; it is read back when its id and
paragraphs agree with the standard parts (otherwise the standard parts win and a
warning says so). Everything else is read from the standard parts: itemMeta,
contentMeta, partMeta, assert and the NITF, XHTML or plain-text body. What has no
place in the model is listed in one ``newsml-unmapped`` warning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from newsmodel._newsml_vocab import MODEL_CONTENT_TYPE, clean_text
from newsmodel.errors import DeserializationError, ParseError
from newsmodel.model import Article, ParseWarning
from newsmodel.options import DEFAULT_OPTIONS, ParseOptions
from newsmodel.parse._body import local
from newsmodel.parse._common import check_size
from newsmodel.parse._g2item import read_item
from newsmodel.parse._xml import parse_xml
from newsmodel.serialize.json import from_json

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml import etree

__all__ = ["from_newsml", "iter_newsml"]

_ITEMS: Final = frozenset(
    {"newsItem", "packageItem", "conceptItem", "planningItem", "knowledgeItem", "catalogItem"}
)
_FRAGMENTS: Final = frozenset(
    {
        "contentSet",
        "contentMeta",
        "itemMeta",
        "inlineXML",
        "inlineData",
        "partMeta",
        "nitf",
        "itemSet",
    }
)


def iter_newsml(
    data: bytes | str, *, options: ParseOptions | None = None, use_model: bool = True
) -> Iterator[Article]:
    """Yield one Article per item of a newsItem or newsMessage document.

    Args:
        data: the document; a ``str`` is the document itself, never a file name.
        options: ``max_input_chars`` limits the input size; ``strict`` turns
            warnings into errors.
        use_model: read our own exact model rendition when present (set False to
            see what the standard parts alone carry).

    Raises:
        ParseError: the input is not well-formed XML, is hostile (entity
            declarations, external DTD), is NewsML 1.x or is not NewsML-G2 at all.
    """
    opts = options or DEFAULT_OPTIONS
    check_size(len(data), opts.max_input_chars, what="the NewsML-G2 document")
    root = parse_xml(data)
    name = local(root)
    if name == "NewsML":
        msg = "this is a NewsML 1.x document (root <NewsML>); only NewsML-G2 is read"
        raise ParseError(msg)
    if name == "newsMessage":
        items = [
            item
            for item_set in root
            if local(item_set) == "itemSet"
            for item in item_set
            if local(item)
        ]
        fragment = False
    elif name in _ITEMS:
        items, fragment = [root], False
    elif name in _FRAGMENTS:
        items, fragment = [root], True
    else:
        msg = f"not a NewsML-G2 document: the root element is <{name or '?'}>"
        raise ParseError(msg)
    return _articles(items, fragment=fragment, options=opts, use_model=use_model)


def _articles(
    items: list[etree._Element], *, fragment: bool, options: ParseOptions, use_model: bool
) -> Iterator[Article]:
    for item in items:
        article = read_item(item, fragment=fragment)
        if use_model:
            article = _prefer_model(item, article)
        if options.strict and article.warnings:
            first = article.warnings[0]
            msg = f"{first.code}: {first.message}"
            raise ParseError(msg)
        yield article


def from_newsml(
    data: bytes | str, *, options: ParseOptions | None = None, use_model: bool = True
) -> Article:
    """Read the first (or only) item of a NewsML-G2 document.

    Raises:
        ParseError: as :func:`iter_newsml`, or the document holds no item.
    """
    article = next(iter_newsml(data, options=options, use_model=use_model), None)
    if article is None:
        msg = "the NewsML-G2 message holds no item"
        raise ParseError(msg)
    return article


def _prefer_model(item: etree._Element, standard: Article) -> Article:
    """The exact model rendition of *item*, if it has one that agrees with *standard*."""
    rendition = next(
        (
            e
            for e in item.iter()
            if local(e) == "inlineData" and e.get("contenttype") == MODEL_CONTENT_TYPE
        ),
        None,
    )
    if rendition is None:
        return standard
    try:
        model = from_json(rendition.text or "")
    except DeserializationError as err:
        return _warn(standard, "newsml-model-invalid", f"the model rendition is unreadable: {err}")
    cleaned = tuple(c for c in (clean_text(p).strip() for p in model.paragraphs) if c)
    same_text = cleaned == standard.paragraphs
    if clean_text(model.id) != standard.id or not same_text:
        message = "the model rendition disagrees with the standard parts (id or body); the standard parts were read"
        return _warn(standard, "newsml-model-mismatch", message)
    return model


def _warn(article: Article, code: str, message: str) -> Article:
    return attrs.evolve(
        article, warnings=(*article.warnings, ParseWarning(code=code, message=message))
    )
