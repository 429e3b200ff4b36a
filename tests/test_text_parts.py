"""The pieces parse_text is built from: bylines, datelines, chrome, layout."""

from __future__ import annotations

import pytest

from newsmodel.parse._byline import is_name, name_byline, parse_byline, split_dateline
from newsmodel.parse._chrome import is_chrome, is_end_marker
from newsmodel.parse._layout import split_units


def never(_line: str) -> bool:
    return False


class TestByline:
    """Bylines give names, roles, the agency and a date."""

    @pytest.mark.parametrize(
        ("line", "names", "agency"),
        [
            ("By Jane Doe", ("Jane Doe",), None),
            ("By Jane Doe and John Roe", ("Jane Doe", "John Roe"), None),
            ("By Jane Doe, John Roe and Max Moe", ("Jane Doe", "John Roe", "Max Moe"), None),
            ("By JANE DOE", ("Jane Doe",), None),
            ("Jane Doe, Reuters", ("Jane Doe",), "Reuters"),
            ("By Jane Doe, Associated Press", ("Jane Doe",), "Associated Press"),
            (
                "Von Max Mustermann und Erika Musterfrau",
                ("Max Mustermann", "Erika Musterfrau"),
                None,
            ),
            ("Par Jean Dupont", ("Jean Dupont",), None),
            ("Por María García", ("María García",), None),
            ("Door Jan de Vries", ("Jan de Vries",), None),
            ("By Reuters", (), "Reuters"),
            ("By Krimiblogger", ("Krimiblogger",), None),
        ],
    )
    def test_names(self, line: str, names: tuple[str, ...], agency: str | None) -> None:
        """Names and agency as written."""
        byline = parse_byline(line)
        assert byline is not None
        assert byline.names == names
        assert byline.agency == agency

    def test_role(self) -> None:
        """A role after the name is the writer's title."""
        byline = parse_byline("Jane Doe | Staff writer")
        assert byline is not None
        assert byline.roles == {"Jane Doe": "Staff writer"}

    def test_trailing_date(self) -> None:
        """A date after the names is kept whole."""
        byline = parse_byline("Von Max Mustermann, 25.10.2016, 14:30 Uhr")
        assert byline is not None
        assert byline.date_raw == "25.10.2016, 14:30 Uhr"

    @pytest.mark.parametrize(
        "line",
        [
            "Libyan PM open to security cooperation with Russia",
            "Jane Doe",
            "Tripoli, Libya",
            "The minister, who spoke in Tripoli, said the talks would go on.",
            "Berlin opens its largest public library in a century",
        ],
    )
    def test_not_bylines(self, line: str) -> None:
        """Headlines, bare names and places are not bylines."""
        assert parse_byline(line) is None

    @pytest.mark.parametrize(
        ("line", "name", "date"),
        [
            ("Von Felix Example // 1. November 2023", "Felix Example", "1. November 2023"),
            ("30. Oktober 2019 | Markus Example", "Markus Example", "30. Oktober 2019"),
            ("By Ariel Example -", "Ariel Example", None),
        ],
    )
    def test_date_and_separators(self, line: str, name: str, date: str | None) -> None:
        """A date next to a bare name makes a byline; separators and trailing dashes go."""
        byline = parse_byline(line)
        assert byline is not None
        assert byline.names == (name,)
        assert byline.date_raw == date

    def test_name_byline(self) -> None:
        """A bare name or a name in a place reads as a byline when the caller says so."""
        byline = name_byline("Philip Example in Berlin")
        assert byline is not None
        assert byline.names == ("Philip Example",)
        assert name_byline("Storm hits the coast") is None

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Jane Doe", True),
            ("Jan de Vries", True),
            ("J. R. Hartley", True),
            ("the end", False),
            ("Madonna", False),
        ],
    )
    def test_is_name(self, text: str, expected: bool) -> None:
        """Two to five capitalised words, particles allowed."""
        assert is_name(text) is expected


class TestDateline:
    """Datelines are cut from the front of the first paragraph."""

    @pytest.mark.parametrize(
        ("paragraph", "dateline", "agency"),
        [
            ("TRIPOLI (Reuters) - Libya said.", "TRIPOLI (Reuters)", "Reuters"),
            ("LONDON, Oct 25 - The bank said.", "LONDON, Oct 25", None),
            ("WASHINGTON — The court heard.", "WASHINGTON", None),
            (
                "NEW YORK, Oct. 25 (Reuters) - Stocks rose.",
                "NEW YORK, Oct. 25 (Reuters)",
                "Reuters",
            ),
            ("Berlin (dpa) - Die Regierung plant.", "Berlin (dpa)", "dpa"),
            ("TRIPOLI, Libya (AP) — Officials said.", "TRIPOLI, Libya (AP)", "AP"),
        ],
    )
    def test_cut(self, paragraph: str, dateline: str, agency: str | None) -> None:
        """The dateline, the agency and the rest of the paragraph."""
        cut = split_dateline(paragraph)
        assert cut is not None
        assert (cut.dateline, cut.agency) == (dateline, agency)
        assert cut.rest[0].isupper()

    @pytest.mark.parametrize(
        "paragraph",
        [
            "UPDATE: The minister resigned.",
            "The minister - who resigned - spoke.",
            "UK - a country in Europe.",
            "Berlin (Germany) - the capital.",
            "NATO - the alliance - met.",
        ],
    )
    def test_not_datelines(self, paragraph: str) -> None:
        """Labels, lowercase continuations and non-agency parentheses are not datelines."""
        assert split_dateline(paragraph) is None


class TestChrome:
    """Whole-line chrome tests."""

    @pytest.mark.parametrize(
        "line",
        [
            "clear",
            "Share",
            "Share on Facebook",
            "Print | Email | Share",
            "Advertisement",
            "Home > World > Africa",
            "News | Opinion | Sport | Culture",
            "Read more: The animals discovered this year",
            "Sign up for our daily newsletter",
            "Photo: John Smith/Reuters",
            "(Photo by Jane Doe/Getty Images)",
            "Image copyright Getty Images",
            "© 2016 Example News Ltd",
            "Copyright 2016 Example News. All rights reserved.",
            "Terms of Use | Privacy Policy",
            "Reporting by Jane Doe; Editing by John Roe",
            "Skip to main content",
            "Zum Inhalt springen",
            "We use cookies to improve your experience. By continuing you accept our cookie policy.",
            "Anzeige",
        ],
    )
    def test_chrome(self, line: str) -> None:
        """The line is chrome."""
        assert is_chrome(line)

    @pytest.mark.parametrize(
        "line",
        [
            "Share prices rose by three percent on Tuesday.",
            "Copyright law is changing across Europe, the commission said.",
            "He said the newsletter had more than a million readers.",
            "Users can choose to accept or refuse cookies in their browser.",
            "More than 100 people were hurt.",
            "Home secretary Jane Doe said the plan would work.",
        ],
    )
    def test_prose(self, line: str) -> None:
        """Prose that mentions chrome words is not chrome."""
        assert not is_chrome(line)

    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            ("Related articles", True),
            ("Comments (12)", True),
            ("Mehr zum Thema", True),
            ("Related to this, the bank said.", False),
        ],
    )
    def test_end_marker(self, line: str, expected: bool) -> None:
        """Closing headings end the article."""
        assert is_end_marker(line) is expected


class TestLayout:
    """Paragraph units from the three layouts."""

    def test_blank_line_blocks(self) -> None:
        """Blocks are units; a bullet block is joined."""
        text = "Title\n\nFirst para.\n\n- one\n- two\n\nLast para."
        assert split_units(text, never) == ["Title", "First para.", "- one - two", "Last para."]

    def test_single_newlines(self) -> None:
        """Without blank lines every line is a unit."""
        assert split_units("Title\nOne.\nTwo.", never) == ["Title", "One.", "Two."]

    def test_standalone_lines_split_off(self) -> None:
        """A stand-alone line inside a block is its own unit."""
        text = "Title\n\nHeadline\nBy Jane Doe\n\nBody one.\n\nBody two."
        units = split_units(text, lambda line: line.startswith("By "))
        assert units == ["Title", "Headline", "By Jane Doe", "Body one.", "Body two."]

    def test_hard_wrap(self) -> None:
        """Wrapped lines are joined; a short line ends a paragraph."""
        text = (
            "Short title\n"
            "The harbour reopened on Monday after three months of repairs to\n"
            "the sea wall, which the winter storms had damaged badly in the\n"
            "first weeks of January.\n"
            "Fishing boats came back first, and a ferry followed them later\n"
            "in the day with passengers and cars from the nearby islands.\n"
        )
        units = split_units(text, never)
        assert len(units) == 3
        assert units[1].endswith("first weeks of January.")
