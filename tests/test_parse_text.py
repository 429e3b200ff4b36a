"""parse_text: page text and plain article files into an Article."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import Article, ParseError, ParseOptions, parse_text
from newsmodel._text import normalize_text

DATA = Path(__file__).resolve().parent / "data" / "text"
CASES = sorted(p.stem for p in DATA.glob("*.txt"))
OPTIONS = ParseOptions(analyze=False)
FRAGMENTS = (
    "By", "Von", "Jane Doe", "and", "John Roe", ",", "|", "Reuters", "TRIPOLI (Reuters) -",
    "LONDON, Oct 25 -", "WASHINGTON —", "October 25, 2016", "at 9:00 pm", "Updated:", "3 hours ago",
    "25.10.2016, 14:30 Uhr", "2016-10-25T21:00:00+02:00", "GMT", "ET", "Share", "Advertisement",
    "Read more:", "Photo:", "©", "Related articles", "The minister said the talks would go on.",
    "Libya", "in Berlin", "Staff writer", "—", "-", "(AP)", "Tuesday", "31 February 2016", "99:99",
)  # fmt: skip


def shared_dir() -> Path | None:
    """../shared beside the checkout (or NEWSMODEL_SHARED), if present."""
    env = os.environ.get("NEWSMODEL_SHARED")
    here = Path(__file__).resolve()
    for candidate in (
        Path(env) if env else None,
        here.parents[1].parent / "shared",
        here.parents[2].parent / "shared",
    ):
        if candidate is not None and candidate.is_dir():
            return candidate
    return None


def norm(text: str | None) -> str:
    return " ".join((text or "").split())


def iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


class TestFixtures:
    """Hand-made page texts, one layout each, against their expected reading."""

    def test_enough_cases(self) -> None:
        """At least 25 fixtures, each with its expectation."""
        assert len(CASES) >= 25
        for case in CASES:
            assert (DATA / f"{case}.json").is_file(), case

    @pytest.mark.parametrize("case", CASES)
    def test_case(self, case: str) -> None:
        """Headline, dates, authors, dateline and body are read as a careful reader would."""
        text = (DATA / f"{case}.txt").read_bytes().decode("utf-8")
        exp = json.loads((DATA / f"{case}.json").read_text(encoding="utf-8"))
        article = parse_text(text, options=OPTIONS)
        assert article.headline == exp["headline"]
        assert iso(article.published) == exp.get("published")
        assert iso(article.modified) == exp.get("modified")
        if "published_raw" in exp:
            assert article.published_raw == exp["published_raw"]
        assert [a.name for a in article.authors] == exp.get("authors", [])
        assert [a.id for a in article.authors] == [
            f"a{i}" for i in range(1, len(article.authors) + 1)
        ]
        for name, title in exp.get("author_titles", {}).items():
            person = next(a for a in article.authors if a.name == name)
            assert title in person.titles
        assert article.dateline == exp.get("dateline")
        if "publisher" in exp:
            assert article.publisher == exp["publisher"]
        if "subheadline" in exp:
            assert article.subheadline == exp["subheadline"]
        assert len(article.paragraphs) == exp["paragraphs"], article.paragraphs
        assert article.text.startswith(exp["first"])
        assert article.text.endswith(exp["last"])
        lines = {norm(p) for p in article.paragraphs}
        for junk in exp.get("not_in_body", []):
            assert norm(junk) not in lines, junk
        assert sorted(w.code for w in article.warnings) == sorted(exp.get("warnings", []))
        assert article.language == exp["language"]


class TestPlainArticleFiles:
    """Title line, blank line, paragraphs: read back exactly."""

    @pytest.mark.corpus
    def test_bbc_corpus(self) -> None:
        """Every BBC file: headline is the first line, paragraphs are the remaining blocks."""
        shared = shared_dir()
        if shared is None or not (shared / "corpora" / "bbc").is_dir():
            pytest.skip("../shared/corpora/bbc is absent (set NEWSMODEL_SHARED to read it)")
        files = sorted((shared / "corpora" / "bbc").glob("*/*.txt"))
        assert len(files) == 2225
        mismatches = []
        for path in files:
            text = path.read_bytes().decode("utf-8", "replace")
            blocks = [norm(b) for b in text.split("\n\n")]
            blocks = [b for b in blocks if b]
            article = parse_text(text, options=OPTIONS)
            if article.headline != blocks[0] or list(article.paragraphs) != blocks[1:]:
                mismatches.append(path.name)
        assert mismatches == []

    def test_no_chrome_removed_from_plain_file(self) -> None:
        """Short paragraphs of an article file stay in the body."""
        text = (
            "Title of the story\n\nFirst paragraph here.\n\nSecond one follows, short.\n\nThe end."
        )
        article = parse_text(text, options=OPTIONS)
        assert article.headline == "Title of the story"
        assert article.paragraphs == (
            "First paragraph here.",
            "Second one follows, short.",
            "The end.",
        )


class TestSeed:
    """The user's example page."""

    @pytest.mark.corpus
    def test_libya(self) -> None:
        """Headline, naive date, 11 paragraphs, chrome left out."""
        shared = shared_dir()
        if shared is None:
            pytest.skip("../shared is absent (set NEWSMODEL_SHARED to read it)")
        text = (shared / "seed" / "libya-russia-2016.txt").read_text(encoding="utf-8")
        article = parse_text(text, options=OPTIONS)
        assert article.headline == "Libyan PM open to security cooperation with Russia"
        assert article.published == dt.datetime.fromisoformat("2016-10-25T21:00:00")
        assert article.published_raw == "October 25, 2016 at 9:00 pm"
        assert len(article.paragraphs) == 11
        assert article.paragraphs[0].startswith("Fayez Al-Sarraj")
        assert "clear" not in article.paragraphs
        assert article.language == "en"


class TestOptions:
    """Options change what parse_text reports."""

    TEXT = "Storm warning issued\n\n3 hours ago\n\nForecasters warned of gales on the coast tonight, with winds of ninety miles an hour."

    def test_now_resolves_relative_date(self) -> None:
        """With now, "3 hours ago" becomes a date and no warning is given."""
        now = dt.datetime(2020, 5, 1, 12, 0, tzinfo=dt.timezone.utc)
        article = parse_text(self.TEXT, options=ParseOptions(analyze=False, now=now))
        assert article.published == dt.datetime(2020, 5, 1, 9, 0, tzinfo=dt.timezone.utc)
        assert article.warnings == ()

    def test_strict_raises_on_warning(self) -> None:
        """strict=True turns the relative-date warning into a ParseError."""
        with pytest.raises(ParseError, match="relative-date-unresolved"):
            parse_text(self.TEXT, options=ParseOptions(analyze=False, strict=True))

    def test_language_override(self) -> None:
        """options.language wins over detection."""
        article = parse_text(self.TEXT, options=ParseOptions(analyze=False, language="en-GB"))
        assert article.language == "en-GB"
        assert article.source_of("language") == "options"

    def test_default_timezone(self) -> None:
        """A naive date line takes the default zone only when one is given."""
        text = "Title here now\n\n25 October 2016 10:00\n\nA paragraph of body text that is long enough to be prose."
        zone = dt.timezone(dt.timedelta(hours=2))
        article = parse_text(text, options=ParseOptions(analyze=False, default_timezone=zone))
        assert article.published == dt.datetime(2016, 10, 25, 10, 0, tzinfo=zone)
        naive = parse_text(text, options=OPTIONS)
        assert naive.published is not None
        assert naive.published.tzinfo is None

    def test_analyze_runs(self) -> None:
        """With analyze on (the default) the result is still an Article with the same body."""
        text = "Title here now\n\nA paragraph of body text that is long enough to be prose."
        assert parse_text(text).paragraphs == parse_text(text, options=OPTIONS).paragraphs

    def test_url_makes_the_id(self) -> None:
        """The same url gives the same id, whatever the text."""
        a = parse_text("One title\n\nBody text here.", url="https://example.org/a", options=OPTIONS)
        b = parse_text("Other title\n\nOther body.", url="https://example.org/a", options=OPTIONS)
        assert a.id == b.id
        assert a.url == "https://example.org/a"


class TestErrors:
    """Only unusable input raises."""

    @pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n", "\ufeff\u200b\u00a0"])
    def test_empty(self, text: str) -> None:
        """Empty or invisible-only text raises ParseError."""
        with pytest.raises(ParseError):
            parse_text(text, options=OPTIONS)

    def test_too_large(self) -> None:
        """Text over max_input_chars raises ParseError."""
        with pytest.raises(ParseError, match="limit"):
            parse_text("x" * 100, options=ParseOptions(analyze=False, max_input_chars=10))

    def test_lone_surrogate(self) -> None:
        """A lone surrogate is replaced and reported, not raised."""
        article = parse_text("Title line\n\nBody with \ud800 a lone surrogate.", options=OPTIONS)
        assert "\ufffd" in article.text
        assert [w.code for w in article.warnings] == ["surrogates-replaced"]

    def test_no_body_warning(self) -> None:
        """A headline alone gives a no-body warning."""
        article = parse_text("Only a title", options=OPTIONS)
        assert article.headline == "Only a title"
        assert article.paragraphs == ()
        assert [w.code for w in article.warnings] == ["no-body"]


class TestProperties:
    """Any string gives an Article or a ParseError."""

    @given(st.text(max_size=400))
    def test_any_text(self, text: str) -> None:
        """Every paragraph is non-empty and stripped; nothing but ParseError escapes."""
        if not normalize_text(text)[0].strip():
            with pytest.raises(ParseError, match="empty"):
                parse_text(text, options=OPTIONS)
            return
        article = parse_text(text, options=OPTIONS)
        assert isinstance(article, Article)
        for paragraph in article.paragraphs:
            assert paragraph
            assert paragraph == paragraph.strip()

    @given(
        st.lists(
            st.text(
                st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")),
                min_size=1,
                max_size=60,
            ),
            min_size=1,
            max_size=8,
        )
    )
    def test_blocks(self, blocks: list[str]) -> None:
        """Text built from blank-line blocks never raises unless it is blank."""
        text = "\n\n".join(blocks)
        try:
            article = parse_text(text, options=OPTIONS)
        except ParseError:
            return
        assert all(p == p.strip() and p for p in article.paragraphs)

    @given(
        st.lists(
            st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=6).map(" ".join),
            min_size=1,
            max_size=12,
        ),
        st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"]),
    )
    def test_newsy_lines(self, lines: list[str], newline: str) -> None:
        """Lines made of dates, bylines, datelines and chrome never break the parser."""
        article = parse_text(newline.join(lines), options=OPTIONS)
        assert all(p and p == p.strip() for p in article.paragraphs)
        assert [a.id for a in article.authors] == [
            f"a{i}" for i in range(1, len(article.authors) + 1)
        ]
        assert article.published is None or article.published.year >= 1900
