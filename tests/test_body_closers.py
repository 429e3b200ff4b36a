"""The body finder's last step: lines a site adds below a story, and picture credits."""

from __future__ import annotations

from pathlib import Path

from newsmodel import ParseOptions, parse_html
from newsmodel.extract._closers import (
    is_aside,
    is_author_heading,
    is_closer,
    is_credit,
    is_note,
)

HTML = Path(__file__).parent / "data" / "html"
STORY = (
    "The council voted on Tuesday to close the old bridge",
    "Engineers had warned for years that the steel supports",
    "Residents will be able to use a temporary ferry service",
)


class TestClosers:
    """Calls to action, feedback questions and licence lines at the end of the body."""

    def test_page_end_lines_are_dropped(self) -> None:
        """Feedback, support and newsletter lines after the story stay out; the story stays."""
        article = parse_html(
            (HTML / "closers.html").read_bytes(), options=ParseOptions(analyze=False)
        )
        positions = [article.text.find(part) for part in STORY]
        assert -1 not in positions, article.paragraphs
        assert positions == sorted(positions)
        assert "useful" not in article.text
        assert "donation" not in article.text
        assert "inbox" not in article.text
        assert "About the author" not in article.text
        assert "twelve years" not in article.text

    def test_wording_is_recognised(self) -> None:
        """English and German closing lines are closers."""
        assert is_closer("War der Artikel nützlich?")
        assert is_closer("Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE.")
        assert is_closer("Do you want to be informed of our actions? Sign up here")
        assert is_closer("Copyright 2023 Example Television Corp. All rights reserved.")
        assert is_closer("Deine Meinung? Diskutiere mit uns!")

    def test_author_headings(self) -> None:
        """The heading of an author's box is recognised; a sentence about an author is not."""
        assert is_author_heading("Über die Autorin:")
        assert is_author_heading("About the author")
        assert not is_author_heading("About the author of the report, little is known.")

    def test_story_sentences_are_not_closers(self) -> None:
        """Ordinary sentences, and long paragraphs that mention a newsletter, are not."""
        assert not is_closer("The mayor said the bridge would reopen next spring.")
        assert not is_closer("The newsletter " + "was founded by three students. " * 12)


class TestCredits:
    """Short lines that name a picture's source."""

    def test_page_credits_are_dropped(self) -> None:
        """A copyright line and a "Titelbild:" label between paragraphs stay out."""
        article = parse_html(
            (HTML / "closers.html").read_bytes(), options=ParseOptions(analyze=False)
        )
        assert "River Photo Agency" not in article.text
        assert "Titelbild" not in article.text

    def test_credit_forms(self) -> None:
        """A trailing "(Foto: ...)", a leading "Credit:" and a © sign mark credits."""
        assert is_credit("Golf im TV: die Turniere im Überblick. (Foto: Agentur)")
        assert is_credit("Credit: Jane Doe")
        assert is_credit("© Agency")
        assert not is_credit("The photographer, Jane Doe, has covered the town for years.")


class TestNotes:
    """Short notes about the page: figure labels, source lines, stamps, placeholders."""

    def test_page_notes_are_dropped(self) -> None:
        """A figure label, an embed placeholder and a source line stay out."""
        article = parse_html(
            (HTML / "closers.html").read_bytes(), options=ParseOptions(analyze=False)
        )
        assert "Abbildung" not in article.text
        assert "Externer Inhalt" not in article.text
        assert "Landesregierung" not in article.text

    def test_note_forms(self) -> None:
        """Notes are recognised by their opening words; a sentence naming a source is not one."""
        assert is_note("Figure 3: Changing the font size of axis text.")
        assert is_note("Zuletzt aktualisiert am 28.01.2020")
        assert is_note("Dieses Skript als PDF herunterladen")
        assert is_note("Bild anzeigen")
        assert is_note("Vorschau auf den nächsten Artikel")
        assert not is_note("In the next article we explain how the bridge was built.")
        assert not is_note("The source of the leak was never found, the police said.")


class TestPageFooter:
    """The page's own header and footer do not compete with the article."""

    def test_footer_prose_does_not_win(self) -> None:
        """A footer holding more prose than the story does not become the body."""
        article = parse_html(
            (HTML / "footer_prose.html").read_bytes(), options=ParseOptions(analyze=False)
        )
        positions = [article.text.find(part) for part in STORY]
        assert -1 not in positions, article.paragraphs
        assert "charitable trust" not in article.text


class TestLeadingHeading:
    """A section heading that opens the body titles the prose after it."""

    def test_opening_heading_is_kept(self) -> None:
        """An <h2> before the first paragraph stays, ahead of the story."""
        article = parse_html(
            (HTML / "leading_heading.html").read_bytes(), options=ParseOptions(analyze=False)
        )
        assert article.paragraphs[0] == "Repairs begin in spring", article.paragraphs
        assert STORY[0] in article.paragraphs[1]


class TestAside:
    """The combined credit-or-note test the body finder asks of every block."""

    def test_aside_agrees_with_credit_and_note(self) -> None:
        """is_aside is is_credit or is_note, on credits, notes and story lines."""
        lines = (
            "© Agency",
            "Credit: Jane Doe",
            "Golf im TV: die Turniere. (Foto: Agentur)",
            "Figure 3: Changing the font size.",
            "Externer Inhalt",
            "The mayor said the bridge would reopen next spring.",
            "In the next article we explain how the bridge was built.",
        )
        for line in lines:
            assert is_aside(line) == (is_credit(line) or is_note(line)), line
