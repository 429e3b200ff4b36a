"""Parse options: one frozen object, passed explicitly. There are no global settings.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from typing import Final

import attrs

__all__ = ["DEFAULT_OPTIONS", "ParseOptions"]


def _positive(_inst: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value <= 0:
        msg = f"{attribute.name} must be positive, got {value}"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class ParseOptions:
    """How :func:`~newsmodel.parse_text` and :func:`~newsmodel.parse_html` read an article.

    Args:
        analyze: find people, organisations, places, quotations and statements.
            Switch off for metadata and body only (several times faster).
        language: the article's language as a BCP 47 tag; ``None`` detects it.
        default_timezone: the zone assumed for dates that name none. ``None`` (the
            default) keeps such dates naive: newsmodel never invents a zone.
        now: the moment relative dates ("3 hours ago") are resolved against. ``None``
            leaves them unresolved and records a warning.
        strict: raise :class:`~newsmodel.errors.ParseError` on the first problem
            that would otherwise be a warning.
        max_input_chars: the largest input accepted, in characters (for text) or
            bytes (for HTML); larger input raises ``ParseError``.
    """

    analyze: bool = True
    language: str | None = None
    default_timezone: dt.tzinfo | None = None
    now: dt.datetime | None = None
    strict: bool = False
    max_input_chars: int = attrs.field(default=50_000_000, validator=_positive)


DEFAULT_OPTIONS: Final = ParseOptions()
"""The options used when none are given. Prefer creating your own."""
