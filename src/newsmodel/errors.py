"""The exceptions newsmodel raises. Every one derives from :class:`NewsmodelError`.

Messy but usable input is not an error: it becomes a :class:`~newsmodel.model.ParseWarning`
on the returned :class:`~newsmodel.model.Article`. These exceptions are for input
that cannot be used at all, and for output that cannot be written.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["DeserializationError", "NewsmodelError", "ParseError", "SerializationError"]


class NewsmodelError(Exception):
    """Base for every error newsmodel raises.

    .. versionadded:: 0.1.0
    """


class ParseError(NewsmodelError, ValueError):
    """The input cannot be read as an article (empty, undecodable, hostile, too large).

    Attributes:
        msg: what went wrong.
        source: the file name or URL, where known.
        pos: the character or byte offset of the problem, where known.

    .. versionadded:: 0.1.0
    """

    def __init__(self, msg: str, *, source: str | None = None, pos: int | None = None) -> None:
        self.msg = msg
        self.source = source
        self.pos = pos
        where = "".join(
            (f" in {source}" if source else "", f" at position {pos}" if pos is not None else "")
        )
        super().__init__(f"{msg}{where}")


class DeserializationError(NewsmodelError, ValueError):
    """A JSON, ninjs or NewsML document does not describe a valid article.

    Attributes:
        errors: one message per bad value, each naming its path (``$.statements[3].kind``).

    .. versionadded:: 0.1.0
    """

    def __init__(self, msg: str, errors: Sequence[str] = ()) -> None:
        self.errors = list(errors)
        detail = "; ".join(self.errors[:5])
        super().__init__(f"{msg}: {detail}" if detail else msg)


class SerializationError(NewsmodelError):
    """An article cannot be written in the requested format.

    .. versionadded:: 0.1.0
    """
