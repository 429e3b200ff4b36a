"""Small pieces every parser shares: article ids and the input-size guard."""

from __future__ import annotations

import hashlib

from newsmodel.errors import ParseError

__all__ = ["article_id", "check_size"]


def article_id(url: str | None, headline: str | None, paragraphs: tuple[str, ...]) -> str:
    """A stable id: the same url (or, without one, the same headline and body) gives the same id."""
    basis = url or "\n".join((headline or "", *paragraphs))
    digest = hashlib.sha1(basis.encode("utf-8", "surrogatepass"), usedforsecurity=False)
    return "nm-" + digest.hexdigest()[:20]


def check_size(size: int, limit: int, *, what: str) -> None:
    """Raise :class:`ParseError` when *size* passes the configured *limit*."""
    if size > limit:
        msg = f"{what} is {size:,} long, over the limit of {limit:,} (ParseOptions.max_input_chars)"
        raise ParseError(msg)
