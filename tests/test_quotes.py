"""Quotation-mark pairing (newsmodel.extract.quotes) and sentence splitting (extract.sentences)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmodel.extract.quotes import find_quotations
from newsmodel.extract.sentences import split_paragraphs, split_sentences


def texts(text: str, language: str | None = None) -> list[str]:
    return [q.text(text) for q in find_quotations(text, language=language)]


class TestMarkTypes:
    """Marks pair by family, in every convention the module documents."""

    @pytest.mark.parametrize(
        ("text", "language", "expected"),
        [
            ("He said “we will win” today.", None, ["we will win"]),
            ('He said "we will win" today.', None, ["we will win"]),
            ("He said ''we will win'' today.", None, ["we will win"]),
            ("Er sagte „wir gewinnen“ heute.", "de", ["wir gewinnen"]),
            ("Powiedział „wygramy” dziś.", "pl", ["wygramy"]),
            ("Il a dit « nous gagnerons » hier.", "fr", ["nous gagnerons"]),
            ("Han sagde »vi vinder« i dag.", "da", ["vi vinder"]),
            ("Han sa ”vi vinner” i dag.", "sv", ["vi vinner"]),
            ("彼は「勝つ」と言った。", "ja", ["勝つ"]),
            ("彼は『勝つ』と言った。", "ja", ["勝つ"]),
            ("The UK paper wrote ‘we will win’ on Monday.", "en-GB", ["we will win"]),
            ("Er sagte ‚wir‘ und ging.", "de", ["wir"]),
            ("Il a dit ‹ oui › hier.", "fr", ["oui"]),
        ],
    )
    def test_family(self, text: str, language: str | None, expected: list[str]) -> None:
        """The quotation inside the marks is found, without the marks."""
        assert texts(text, language) == expected

    def test_nested_quotation_is_part_of_outer(self) -> None:
        """An inner ‘…’ quotation stays inside the outer one."""
        assert texts("“He told me ‘never again’ twice,” she said.") == [
            "He told me ‘never again’ twice,"
        ]

    def test_apostrophes_are_not_marks(self) -> None:
        """don’t, Jones’, ’90s and rock ’n’ roll open and close nothing."""
        assert texts("Jones’ car and the ’90s don’t matter, it’s rock ’n’ roll.") == []

    def test_straight_apostrophes_are_not_marks(self) -> None:
        """Straight apostrophes inside words and inch marks are ignored."""
        assert texts("He's 5'11\" and can't stop.") == []

    def test_mixed_families_do_not_derail(self) -> None:
        """A straight pair next to a curly pair: both are found."""
        assert texts('He said "yes" and then “no” again.') == ["yes", "no"]


class TestUnbalanced:
    """Odd marks never crash and never swallow the rest of the article."""

    def test_unclosed_mark_closes_at_paragraph_end(self) -> None:
        """An opening mark with no closing mark ends at its paragraph's end."""
        text = "He said “we will win and left.\n\nNext paragraph has “its own” quote."
        assert texts(text) == ["we will win and left.", "its own"]

    def test_stray_closing_mark_is_ignored(self) -> None:
        """A closing mark with nothing open is skipped."""
        assert texts("We will win” he said, and “then” left.") == ["then"]

    def test_unclosed_single_mark_is_dropped(self) -> None:
        """An inner single mark that never closes is not a quotation."""
        assert texts("The ‘plan was dead, they said.") == []

    def test_many_marks(self) -> None:
        """A run of marks gives no crash and spans inside the text."""
        text = "“”“”“\n\n»«»«‹›„“‚‘「」『』\"'\"''" * 3
        for quote in find_quotations(text):
            assert all(0 <= s.start <= s.end <= len(text) for s in quote.spans)


class TestMultiParagraph:
    """News convention: no closing mark at a paragraph end, an opening mark on the next."""

    def test_two_paragraphs(self) -> None:
        """One quotation, two spans."""
        text = "“We will win.\n\n“And we will do it fast,” she said."
        (quote,) = find_quotations(text)
        assert len(quote.spans) == 2
        assert quote.text(text) == "We will win. And we will do it fast,"

    def test_three_paragraphs_straight_marks(self) -> None:
        """Straight marks reopen each paragraph too."""
        text = '"One.\n\n"Two.\n\n"Three," he said.'
        (quote,) = find_quotations(text)
        assert quote.text(text) == "One. Two. Three,"

    def test_no_reopening_means_closed(self) -> None:
        """Without an opening mark on the next paragraph, the quotation ends."""
        text = "“We will win.\n\nThe crowd cheered."
        assert texts(text) == ["We will win."]


class TestSentences:
    """Sentence ends around abbreviations, initials, decimals and quotations."""

    @pytest.mark.parametrize(
        ("text", "count"),
        [
            ("Mr. Smith went to Washington. He stayed.", 2),
            ("Dr. J. R. Smith spoke. Then he left.", 2),
            ("The U.S. Senate voted. It passed.", 2),
            ("Prices rose 3.5 percent on Jan. 5 in the city. Then they fell.", 2),
            ("Gov. Jones won. Sen. Smith lost.", 2),
            ("He lives in the U.S. The rest live abroad.", 2),
            ("“We will win.” The crowd cheered.", 2),
            ("“Why?” he asked. Nobody answered.", 2),
            ("It is No. 1 in the charts. Really.", 2),
            ("One.\n\nTwo.", 2),
            ("No end here", 1),
        ],
    )
    def test_count(self, text: str, count: int) -> None:
        """The text has this many sentences."""
        assert len(split_sentences(text)) == count

    def test_spans_slice_sentences(self) -> None:
        """Spans are stripped and slice the sentences."""
        text = "Mr. Smith went. He stayed.\n\nNew one."
        assert [s.slice(text) for s in split_sentences(text)] == [
            "Mr. Smith went.",
            "He stayed.",
            "New one.",
        ]

    def test_paragraphs(self) -> None:
        """Paragraph spans split at blank lines."""
        text = "One.\n\nTwo two.\n\nThree."
        assert [s.slice(text) for s in split_paragraphs(text)] == ["One.", "Two two.", "Three."]

    @settings(max_examples=200, deadline=None)
    @given(st.text(alphabet=st.sampled_from(list("aB. ?!”“\n'\"3Mr")), max_size=200))
    def test_spans_in_order(self, text: str) -> None:
        """Sentences are ordered, non-empty, inside the text and never hold a blank line."""
        spans = split_sentences(text)
        assert all(0 <= a.start < a.end <= len(text) for a in spans)
        assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
        assert all("\n\n" not in s.slice(text) for s in spans)
