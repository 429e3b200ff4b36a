"""ninjs 3.1 (IPTC's JSON news format) writer and reader."""

from __future__ import annotations

from typing import Any

from newsmodel.errors import DeserializationError
from newsmodel.model import Article

__all__ = ["from_ninjs", "to_ninjs"]


def to_ninjs(article: Article) -> dict[str, Any]:
    """*article* as a ninjs 3.1 document (a dict ready for ``json.dumps``)."""
    return {"uri": article.id}


def from_ninjs(data: dict[str, Any] | str | bytes) -> Article:
    """Read a ninjs 3.1 document."""
    del data
    raise DeserializationError("not implemented yet")
