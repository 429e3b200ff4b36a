"""Text hygiene shared by the parsers: newsmodel._text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel._text import (
    CONTROLS_WARNING,
    SURROGATES_WARNING,
    clean_line,
    normalize_text,
    word_set,
)


class TestNormalizeText:
    """normalize_text keeps what a reader sees and drops what no one can."""

    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("a\r\nb", "a\nb"),
            ("a\rb", "a\nb"),
            ("a\u00a0b", "a b"),
            ("a\u202fb\u2009c", "a b c"),
            ("a\tb", "a b"),
            ("\ufeffTitle", "Title"),
            ("zero\u200bwidth", "zerowidth"),
            ("soft\u00adhyphen", "softhyphen"),
            ("bell\x07 and\x00 nul", "bell and nul"),
            ("c1\x85line", "c1\nline"),
            ("para\u2029next", "para\n\nnext"),
            ("line\u2028next", "line\nnext"),
            ("many     spaces", "many spaces"),
        ],
    )
    def test_cleans(self, raw: str, expected: str) -> None:
        """The odd character becomes a space, a newline or nothing (a removed control is warned of)."""
        text, warnings = normalize_text(raw)
        assert text == expected
        assert [w.code for w in warnings] == ([CONTROLS_WARNING] if "\x00" in raw else [])

    def test_typography_kept(self) -> None:
        """Smart quotes, dashes, accents and the ellipsis stay."""
        text = "“Déjà vu” — she said… it’s ‘fine’ – ß ñ ø"
        assert normalize_text(text) == (text, ())

    def test_zero_width_joiners_kept(self) -> None:
        """ZWJ/ZWNJ carry spelling in Persian and emoji sequences; they stay."""
        text = "می\u200cخواهم 👩\u200d💻"
        assert normalize_text(text)[0] == text

    def test_surrogates_replaced_with_warning(self) -> None:
        """A lone surrogate becomes U+FFFD and a warning says so."""
        text, warnings = normalize_text("bad \udc80 byte")
        assert text == "bad \ufffd byte"
        assert [w.code for w in warnings] == [SURROGATES_WARNING]

    @given(st.text())
    def test_output_is_encodable(self, raw: str) -> None:
        """Whatever goes in, the result encodes as UTF-8 and has no CR or tab."""
        text, _ = normalize_text(raw)
        text.encode("utf-8")
        assert "\r" not in text
        assert "\t" not in text
        assert "  " not in text


class TestHelpers:
    """Small helpers."""

    def test_clean_line(self) -> None:
        """Whitespace runs become one space and the ends are stripped."""
        assert clean_line("  a \n b\t c  ") == "a b c"

    def test_word_set(self) -> None:
        """A literal word list becomes a frozenset."""
        assert word_set("a b\n c") == frozenset({"a", "b", "c"})
