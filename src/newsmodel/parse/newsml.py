"""NewsML-G2 reader: our own items and what agencies and IPTC examples send."""

from __future__ import annotations

from collections.abc import Iterator

from newsmodel.errors import ParseError
from newsmodel.model import Article

__all__ = ["from_newsml", "iter_newsml"]


def iter_newsml(data: bytes | str) -> Iterator[Article]:
    """Yield one Article per newsItem of a newsItem or newsMessage document."""
    del data
    raise ParseError("not implemented yet")


def from_newsml(data: bytes | str) -> Article:
    """Read the first (or only) newsItem of a NewsML-G2 document."""
    return next(iter_newsml(data))
