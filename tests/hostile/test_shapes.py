"""Inputs of hostile size and shape complete, in bounded time and memory, with nothing lost.

Each case runs in a fresh interpreter with a timeout (no pytest plugin needed), so
a RecursionError, a crash in C code or a runaway loop fails the test instead of
the session. The sizes here are fractions of the issue's (the property is the same);
benchmarks/bench_scaling.py runs the full sizes and prints the growth ratios.
"""

from __future__ import annotations

import pytest

from newsmodel import ParseError, ParseOptions, parse_html, parse_text
from newsmodel.options import DEFAULT_OPTIONS
from tests.hostile.shapes import SHAPES, run_shape

_TIMEOUT = 120
"""Seconds a case may take before it counts as hanging (each takes a few in CI)."""


def _run(name: str, size: int, *, analyze: bool = True) -> dict[str, object]:
    figures = run_shape(name, size, analyze=analyze, timeout=_TIMEOUT)
    extra_mb = float(str(figures["extra_mb"]))
    input_mb = int(str(figures["input"])) / 1e6
    assert extra_mb < 200 + 60 * input_mb, f"{name}: {extra_mb:.0f} MB for {input_mb:.1f} MB input"
    return figures


class TestSizes:
    """Large inputs complete and keep every paragraph and character."""

    def test_big_html_page(self) -> None:
        """A 500 KB page of 1,000 paragraphs (1/40 of 20 MB) keeps its paragraphs."""
        outcome = str(_run("html-20mb", 500_000)["outcome"])
        assert outcome.startswith("article:")
        assert int(outcome.split()[1]) > 1_000

    def test_text_without_newline(self) -> None:
        """500,000 characters with no newline (1/10 of 5 MB) come back whole."""
        assert _run("text-no-newline", 500_000)["outcome"] == "article: 1 paragraphs, 500,000 chars"

    @pytest.mark.parametrize("name", ["html-open-quote", "text-open-quote"])
    def test_unclosed_quotation(self, name: str) -> None:
        """A 100,000-character quotation with no closing mark (1/10 of 1 MB) is kept whole."""
        outcome = str(_run(name, 100_000)["outcome"])
        assert outcome.startswith("article: 1 paragraphs, 100,0")

    @pytest.mark.parametrize(
        ("name", "count"),
        [
            ("html-10k-paragraphs", 1_000),
            ("text-10k-paragraphs", 1_000),
            ("newsml-10k-paragraphs", 10_000),
        ],
    )
    def test_many_paragraphs(self, name: str, count: int) -> None:
        """Every one of many paragraphs is kept."""
        assert str(_run(name, count)["outcome"]).startswith(f"article: {count} paragraphs")

    def test_default_limit_admits_20_mb(self) -> None:
        """The default size limit (50,000,000) admits a 20 MB page."""
        assert DEFAULT_OPTIONS.max_input_chars >= 20_000_000
        assert len(SHAPES["html-20mb"].build(20_000_000)) <= DEFAULT_OPTIONS.max_input_chars

    @pytest.mark.parametrize("parse", [parse_html, parse_text])
    def test_over_the_limit(self, parse: object) -> None:
        """Input over max_input_chars is refused with a ParseError that names the option."""
        options = ParseOptions(max_input_chars=1_000)
        with pytest.raises(ParseError, match="max_input_chars"):
            parse("x" * 1_001, options=options)  # type: ignore[operator]

    def test_limit_must_be_positive(self) -> None:
        """A limit of zero is a mistake, reported when the options are made."""
        with pytest.raises(ValueError, match="positive"):
            ParseOptions(max_input_chars=0)


class TestDepth:
    """Deep nesting never raises RecursionError."""

    def test_html_100000_deep(self) -> None:
        """A page nested 100,000 deep completes; the text past libxml2's limit is reported lost."""
        article = parse_html(SHAPES["html-deep"].build(100_000))
        assert "too-deep" in {w.code for w in article.warnings}

    def test_html_1000_deep_keeps_text(self) -> None:
        """Under the limit, deeply nested text is found."""
        article = parse_html(SHAPES["html-deep"].build(1_000))
        assert "minister met the ambassador" in article.text
        assert "too-deep" not in {w.code for w in article.warnings}

    def test_html_deep_in_subprocess(self) -> None:
        """The same page in a fresh interpreter with analysis: no crash, an Article."""
        assert str(_run("html-deep", 100_000)["outcome"]).startswith("article:")

    def test_deep_inline_markup(self) -> None:
        """2,000 nested inline tags inside one paragraph keep its words."""
        page = (
            "<p>" + "<b><i>" * 1_000 + "Deep words said by nobody at all here." + "</i></b>" * 1_000
        )
        article = parse_html("<html><body><article>" + page + "</article></body></html>")
        assert "Deep words said" in article.text

    def test_many_quotation_marks(self) -> None:
        """200,000 opening quotation marks in a row complete."""
        article = parse_text("Headline\n\nHe said " + "“" * 200_000 + " and left.")
        assert article.paragraphs
