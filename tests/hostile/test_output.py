"""Writers on articles that hold hostile characters: the model forbids none of them.

JSON output never raises and reads back equal; NewsML-G2 output never holds a
character XML 1.0 forbids (it raises SerializationError instead, or replaces it).
"""

from __future__ import annotations

import json

import attrs
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import (
    Article,
    Person,
    Quote,
    SerializationError,
    Span,
    from_json,
    to_json,
    to_newsml,
    to_ninjs,
)
from tests.hostile._checks import XML_FORBIDDEN, check_article, examples, strings_of, typed
from tests.hostile._inputs import HOSTILE_CHARS, seed_articles

_NOT_SPACE = tuple(c for c in HOSTILE_CHARS if len(c) == 1 and not c.isspace())
_HOSTILE_TEXT = st.lists(
    st.sampled_from(HOSTILE_CHARS) | st.text(max_size=5), min_size=1, max_size=8
).map("".join)


@st.composite
def _same_length(draw: st.DrawFn, text: str) -> str:
    """*text* with some of its characters (not the first or last) swapped for hostile ones."""
    chars = list(text)
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        if len(chars) > 2:
            at = draw(st.integers(min_value=1, max_value=len(chars) - 2))
            chars[at] = draw(st.sampled_from(_NOT_SPACE))
    return "".join(chars)


@st.composite
def hostile_articles(draw: st.DrawFn) -> Article:
    """A consistent article whose strings hold controls, lone surrogates and non-characters."""
    article = draw(st.sampled_from(seed_articles()))
    paragraphs = tuple(draw(_same_length(p)) if "\n\n" not in p else p for p in article.paragraphs)
    persons = tuple(attrs.evolve(p, name="x" + draw(_HOSTILE_TEXT)) for p in article.persons)
    renamed = dict(zip(article.persons, persons, strict=True))
    quotes = tuple(
        attrs.evolve(
            q,
            text=draw(_HOSTILE_TEXT),
            speaker=renamed.get(q.speaker) if q.speaker is not None else None,
        )
        for q in article.quotes
    )
    requoted = dict(zip(article.quotes, quotes, strict=True))
    statements = tuple(
        attrs.evolve(
            s,
            content=draw(_HOSTILE_TEXT),
            speaker=renamed.get(s.speaker) if s.speaker is not None else None,
            quotes=tuple(requoted[q] for q in s.quotes),
        )
        for s in article.statements
    )
    return attrs.evolve(
        article,
        headline=draw(_HOSTILE_TEXT),
        description=draw(st.none() | _HOSTILE_TEXT),
        published_raw=draw(st.none() | _HOSTILE_TEXT),
        keywords=tuple(draw(st.lists(_HOSTILE_TEXT, max_size=3))),
        paragraphs=paragraphs,
        persons=persons,
        quotes=quotes,
        statements=statements,
    )


class TestJsonOutput:
    """to_json never raises; its output is UTF-8-encodable and reads back equal."""

    @examples(400)
    @given(hostile_articles())
    def test_hostile_articles(self, article: Article) -> None:
        """Controls, lone surrogates and non-characters survive a JSON round trip."""
        check_article(article, parsed=False)

    def test_lone_surrogate_in_headline(self) -> None:
        """A lone surrogate in the headline is written as a \\u escape and read back."""
        article = Article(id="a", headline="bad \ud800 char", paragraphs=("x\udfffy",))
        document = to_json(article)
        document.encode("utf-8")
        assert "\\ud800" in document
        assert from_json(document) == article

    def test_nul_and_controls(self) -> None:
        """NUL and C0/C1 controls are escaped by JSON and read back unchanged."""
        article = Article(id="a", headline="a\x00b\x1bc\x85", paragraphs=("p\x7fq",))
        assert from_json(to_json(article)) == article


class TestNewsmlOutput:
    """to_newsml writes only characters XML 1.0 allows, or raises SerializationError."""

    @examples(300)
    @given(hostile_articles())
    def test_hostile_articles(self, article: Article) -> None:
        """No output of to_newsml holds a character XML 1.0 forbids."""
        result = typed(lambda: to_newsml(article))
        if isinstance(result, bytes):
            bad = XML_FORBIDDEN.search(result.decode("utf-8"))
            assert bad is None, f"to_newsml wrote {bad.group()!r}"
        else:
            assert isinstance(result, SerializationError)

    def test_controls_are_not_written(self) -> None:
        """Control characters in the headline and body never reach the XML."""
        person = Person(id="p1", name="Jane\x00Roe", mentions=(Span(start=0, end=4),))
        quote = Quote(id="q1", text="we\x0b will", spans=(Span(start=0, end=4),), speaker=person)
        article = Article(
            id="a",
            headline="Head\x01line\x1f",
            paragraphs=("Jane\x0c\x00\x08 said so\ufffe.",),
            persons=(person,),
            quotes=(quote,),
        )
        result = typed(lambda: to_newsml(article))
        if isinstance(result, bytes):
            assert XML_FORBIDDEN.search(result.decode("utf-8")) is None


class TestNinjsOutput:
    """to_ninjs output is JSON-ready whatever the article holds."""

    @examples(200)
    @given(hostile_articles())
    def test_hostile_articles(self, article: Article) -> None:
        """to_ninjs raises only SerializationError; what it returns json.dumps accepts."""
        result = typed(lambda: to_ninjs(article))
        if isinstance(result, dict):
            json.dumps(result)
            assert all(isinstance(s, str) for s in strings_of(result))
        else:
            assert isinstance(result, SerializationError)
