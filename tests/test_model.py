"""The model's invariants: what a valid Article is."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given

from newsmodel import Article, Person, Quote, Span, Statement
from newsmodel.model import PARAGRAPH_SEPARATOR
from tests.strategies import articles


def _person(**kw: object) -> Person:
    return Person(**{"id": "p1", "name": "Fayez Al-Sarraj", **kw})  # type: ignore[arg-type]


class TestSpan:
    def test_orders_and_slices(self) -> None:
        """A span slices its text and sorts by start."""
        assert Span(start=0, end=5).slice("Hello world") == "Hello"
        assert sorted([Span(start=3, end=4), Span(start=1, end=9)]) == [
            Span(start=1, end=9),
            Span(start=3, end=4),
        ]

    @pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 2), (0, -1)])
    def test_rejects_bad_offsets(self, start: int, end: int) -> None:
        """Negative offsets and an end before the start are refused."""
        with pytest.raises(ValueError, match=r"span|must be"):
            Span(start=start, end=end)


class TestArticle:
    def test_text_joins_paragraphs(self) -> None:
        """text is the paragraphs joined by a blank line."""
        a = Article(id="a", paragraphs=("One.", "Two."))
        assert a.text == "One.\n\nTwo."
        assert PARAGRAPH_SEPARATOR == "\n\n"

    def test_is_frozen_and_hashable(self) -> None:
        """Articles cannot be changed in place and can be set members."""
        a = Article(id="a", paragraphs=("One.",))
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            a.headline = "x"  # type: ignore[misc]
        assert {a, attrs.evolve(a)} == {a}

    def test_keeps_naive_and_aware_datetimes(self) -> None:
        """A naive datetime stays naive, an aware one keeps its offset."""
        naive = dt.datetime(2016, 10, 25, 21, 0)
        aware = dt.datetime(2016, 10, 25, 21, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
        a = Article(id="a", published=naive, modified=aware)
        assert a.published is not None and a.published.tzinfo is None
        assert a.modified is not None and a.modified.utcoffset() == dt.timedelta(hours=2)

    @pytest.mark.parametrize("paragraph", ["", " padded ", "\n"])
    def test_rejects_empty_or_unstripped_paragraphs(self, paragraph: str) -> None:
        """Every paragraph is non-empty and stripped."""
        with pytest.raises(ValueError, match="paragraph 0"):
            Article(id="a", paragraphs=(paragraph,))

    def test_rejects_span_past_text(self) -> None:
        """A mention beyond the end of the text is refused."""
        with pytest.raises(ValueError, match="runs past the end"):
            Article(
                id="a",
                paragraphs=("Short.",),
                persons=(_person(mentions=(Span(start=0, end=99),)),),
            )

    def test_rejects_duplicate_ids(self) -> None:
        """Two different items may not share an id."""
        with pytest.raises(ValueError, match="used by two different items"):
            Article(id="a", persons=(_person(), _person(name="Ivan Molotkov")))

    def test_rejects_foreign_speaker(self) -> None:
        """A statement's speaker must be one of the article's persons."""
        stranger = _person(id="p9")
        statement = Statement(id="s1", content="x", kind="direct", speaker=stranger)
        with pytest.raises(ValueError, match="not one of the persons"):
            Article(id="a", persons=(_person(),), statements=(statement,))

    def test_rejects_foreign_quote(self) -> None:
        """A statement's quotations must be among the article's quotes."""
        quote = Quote(id="q1", text="global equilibrium")
        statement = Statement(id="s1", content="x", kind="mixed", quotes=(quote,))
        with pytest.raises(ValueError, match="not one of the quotes"):
            Article(id="a", statements=(statement,))

    def test_rejects_unknown_kind(self) -> None:
        """kind is direct, indirect or mixed."""
        with pytest.raises(ValueError, match="kind must be one of"):
            Statement(id="s1", content="x", kind="reported")  # type: ignore[arg-type]

    def test_source_of(self) -> None:
        """source_of names the recorded provenance of a field."""
        from newsmodel import FieldSource

        a = Article(id="a", sources=(FieldSource(field="headline", source="json-ld"),))
        assert a.source_of("headline") == "json-ld"
        assert a.source_of("authors") is None

    @given(articles())
    def test_generated_articles_hold_their_spans(self, article: Article) -> None:
        """Every span of a generated article slices its text (the strategy is consistent)."""
        size = len(article.text)
        for person in article.persons:
            assert all(s.end <= size for s in person.mentions)
        for statement in article.statements:
            assert statement.speaker is None or statement.speaker in article.persons
