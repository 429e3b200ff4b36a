"""What every result of hostile input must satisfy, and the XML 1.0 character rule."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Final, TypeVar

from hypothesis import settings

from newsmodel import (
    Article,
    NewsmodelError,
    SerializationError,
    from_json,
    to_dict,
    to_json,
    to_newsml,
)

__all__ = ["XML_FORBIDDEN", "check_article", "examples", "strings_of", "typed"]

XML_FORBIDDEN: Final = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""A character XML 1.0 cannot hold (its Char production), in decoded text."""

_PAIRED_SURROGATES: Final = re.compile("[\ud800-\udbff][\udc00-\udfff]")

T = TypeVar("T")

_CI_EXAMPLES: Final = 300


def examples(count: int) -> settings:
    """*count* examples under the ``ci`` profile, scaled for ``fast`` (fewer) and ``thorough`` (more)."""
    return settings(max_examples=max(5, count * settings.default.max_examples // _CI_EXAMPLES))


def typed(call: Callable[[], T]) -> T | NewsmodelError:
    """Run *call*; return its result or the NewsmodelError it raised (anything else propagates)."""
    try:
        return call()
    except NewsmodelError as err:
        assert str(err), "a NewsmodelError must say what went wrong"
        return err


def strings_of(value: object) -> Iterator[str]:
    """Every string (keys included) inside plain JSON-like data."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_of(key)
            yield from strings_of(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings_of(item)


def check_article(article: Article, *, parsed: bool = True, newsml: bool = False) -> None:
    """*article* is valid and serializable.

    A *parsed* article holds no character XML 1.0 forbids (parsers clean what they
    read). Every article becomes JSON without an error and reads back equal (except
    where two lone surrogates form a pair, which JSON cannot tell from the pair's
    character). With *newsml*, ``to_newsml`` either raises SerializationError or
    writes only characters XML 1.0 allows.
    """
    assert isinstance(article, Article)
    assert article.text == "\n\n".join(article.paragraphs)
    strings = list(strings_of(to_dict(article)))
    if parsed:
        for value in strings:
            bad = XML_FORBIDDEN.search(value)
            assert bad is None, f"a parser let {bad.group()!r} through in {value[:60]!r}"
    document = to_json(article)
    document.encode("utf-8")
    if not any(_PAIRED_SURROGATES.search(value) for value in strings):
        assert from_json(document) == article
    if newsml:
        try:
            xml = to_newsml(article)
        except SerializationError as err:
            assert str(err)
        else:
            bad = XML_FORBIDDEN.search(xml.decode("utf-8"))
            assert bad is None, f"to_newsml wrote {bad.group()!r}, which XML 1.0 forbids"
