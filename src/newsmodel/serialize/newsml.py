"""NewsML-G2 2.35 writer: one newsItem with an NITF 3.6 body."""

from __future__ import annotations

import attrs

from newsmodel.errors import SerializationError
from newsmodel.model import Article

__all__ = ["NewsMLOptions", "to_newsml"]


@attrs.frozen(kw_only=True)
class NewsMLOptions:
    """How :func:`to_newsml` writes an item (provider, guid scheme)."""

    provider: str = "nprov:newsmodel"


def to_newsml(article: Article, *, options: NewsMLOptions | None = None) -> bytes:
    """Write *article* as a NewsML-G2 newsItem (UTF-8 bytes)."""
    del article, options
    raise SerializationError("not implemented yet")
