"""Plain text (copied page text, plain article files) into an Article."""

from __future__ import annotations

from newsmodel.errors import ParseError
from newsmodel.extract.analysis import analyze
from newsmodel.model import Article
from newsmodel.options import DEFAULT_OPTIONS, ParseOptions
from newsmodel.parse._common import article_id, check_size

__all__ = ["parse_text"]


def parse_text(
    text: str, *, url: str | None = None, options: ParseOptions = DEFAULT_OPTIONS
) -> Article:
    """Read copied page text or a plain article file into an :class:`Article`.

    Raises:
        ParseError: the text is empty or whitespace only, or over the size limit.
    """
    check_size(len(text), options.max_input_chars, what="text")
    blocks = [" ".join(b.split()) for b in text.split("\n\n")]
    blocks = [b for b in blocks if b]
    if not blocks:
        raise ParseError("the text is empty")
    headline, paragraphs = blocks[0], tuple(blocks[1:])
    article = Article(
        id=article_id(url, headline, paragraphs), url=url, headline=headline, paragraphs=paragraphs
    )
    return analyze(article, options=options) if options.analyze else article
