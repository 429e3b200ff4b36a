"""HTML pages into an Article: metadata from every source, the body without page chrome."""

from __future__ import annotations

import lxml.etree
import lxml.html

from newsmodel.errors import ParseError
from newsmodel.extract.analysis import analyze
from newsmodel.model import Article
from newsmodel.options import DEFAULT_OPTIONS, ParseOptions
from newsmodel.parse._common import article_id, check_size

__all__ = ["parse_html"]


def parse_html(
    html: bytes | str, *, url: str | None = None, options: ParseOptions = DEFAULT_OPTIONS
) -> Article:
    """Read a web page into an :class:`Article`.

    Raises:
        ParseError: the page is empty, undecodable, or over the size limit.
    """
    check_size(len(html), options.max_input_chars, what="page")
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError) as err:
        msg = f"not a readable HTML page: {err}"
        raise ParseError(msg) from err
    title = root.findtext(".//title")
    paragraphs = tuple(t for p in root.iter("p") if (t := " ".join(p.text_content().split())))
    article = Article(
        id=article_id(url, title, paragraphs), url=url, headline=title, paragraphs=paragraphs
    )
    return analyze(article, options=options) if options.analyze else article
