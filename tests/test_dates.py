"""Dates as news pages write them: newsmodel._dates, and the date shown with a headline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel._dates import (
    DATE_IN_TEXT,
    find_dates,
    is_date_line,
    is_relative_date,
    parse_date,
    slash_month_first,
)
from newsmodel.extract._pagedates import date_near_heading, local_midnight
from newsmodel.extract.meta import extract_metadata
from newsmodel.options import ParseOptions

UTC = dt.timezone.utc


def naive(iso: str) -> dt.datetime:
    """A naive datetime (the form parse_date gives when the text names no zone)."""
    return dt.datetime.fromisoformat(iso)


NOW = naive("2020-05-01T12:00")  # naive on purpose: relative results follow now


def tz(hours: float) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


class TestNaiveForms:
    """Dates that name no zone stay naive."""

    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("October 25, 2016 at 9:00 pm", naive("2016-10-25T21:00")),
            ("Oct. 25, 2016, 9:00 p.m.", naive("2016-10-25T21:00")),
            ("25 October 2016", naive("2016-10-25T00:00")),
            ("25th of October 2016", naive("2016-10-25T00:00")),
            ("Updated: 25 October 2016 14:05", naive("2016-10-25T14:05")),
            ("Last updated on October 25, 2016", naive("2016-10-25T00:00")),
            ("25.10.2016, 14:30 Uhr", naive("2016-10-25T14:30")),
            ("Stand: 25.10.16 14:30 Uhr", naive("2016-10-25T14:30")),
            ("25. Oktober 2016", naive("2016-10-25T00:00")),
            ("Dienstag, 25. März 2014, 9 Uhr", naive("2014-03-25T09:00")),
            ("1er janvier 2016 à 14h30", naive("2016-01-01T14:30")),
            ("Publié le 3 février 2017", naive("2017-02-03T00:00")),
            ("25 de octubre de 2016", naive("2016-10-25T00:00")),
            ("25 ottobre 2016 ore 14:30", naive("2016-10-25T14:30")),
            ("25 oktober 2016 14:30", naive("2016-10-25T14:30")),
            ("3 maart 2015", naive("2015-03-03T00:00")),
            ("2016-10-25", naive("2016-10-25T00:00")),
            ("2016-10-25 21:00", naive("2016-10-25T21:00")),
            ("2016/10/25", naive("2016-10-25T00:00")),
            ("10/25/2016", naive("2016-10-25T00:00")),
            ("25/10/2016", naive("2016-10-25T00:00")),
            ("2016, Oct 25", naive("2016-10-25T00:00")),
            ("20161025", naive("2016-10-25T00:00")),
            ("15 августа 2016, 13:43", naive("2016-08-15T13:43")),
            ("5 maja 2019", naive("2019-05-05T00:00")),
            ("14. 01. 2020, 08:40", naive("2020-01-14T08:40")),
            ("05/06/2016", naive("2016-06-05T00:00")),
        ],
    )
    def test_parses(self, raw: str, expected: dt.datetime) -> None:
        """The form gives the expected naive value."""
        value = parse_date(raw)
        assert value == expected
        assert value is not None
        assert value.tzinfo is None


class TestZones:
    """A zone the text names is kept as a fixed offset."""

    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("25 Oct 2016 21:00 GMT", dt.datetime(2016, 10, 25, 21, 0, tzinfo=UTC)),
            ("2016-10-25T21:00:00+02:00", dt.datetime(2016, 10, 25, 21, 0, tzinfo=tz(2))),
            ("2016-10-25T21:00:00Z", dt.datetime(2016, 10, 25, 21, 0, tzinfo=UTC)),
            ("2016-10-25T21:00:00.123+0530", dt.datetime(2016, 10, 25, 21, 0, 0, 123000, tz(5.5))),
            ("Tuesday 25 October 2016 09.00 BST", dt.datetime(2016, 10, 25, 9, 0, tzinfo=tz(1))),
            (
                "Published 3:14 PM ET, Tue October 25, 2016",
                dt.datetime(2016, 10, 25, 15, 14, tzinfo=tz(-4)),
            ),
            (
                "Published 3:14 PM ET, Mon January 25, 2016",
                dt.datetime(2016, 1, 25, 15, 14, tzinfo=tz(-5)),
            ),
            ("Jan. 3, 2017, 4:05 p.m. EST", dt.datetime(2017, 1, 3, 16, 5, tzinfo=tz(-5))),
            ("June 3, 2017 10:00 PDT", dt.datetime(2017, 6, 3, 10, 0, tzinfo=tz(-7))),
            ("25.10.2016, 14:30 Uhr MESZ", dt.datetime(2016, 10, 25, 14, 30, tzinfo=tz(2))),
            ("25 Oct 2016 10:00 CET", dt.datetime(2016, 10, 25, 10, 0, tzinfo=tz(1))),
            ("Oct 25 2016 10:00 UTC+05:30", dt.datetime(2016, 10, 25, 10, 0, tzinfo=tz(5.5))),
            ("Oct 25 2016 10:00 GMT+2", dt.datetime(2016, 10, 25, 10, 0, tzinfo=tz(2))),
            ("Mon, 25 Oct 2016 21:00:00 +0000", dt.datetime(2016, 10, 25, 21, 0, tzinfo=UTC)),
            ("25 Oct 2016 08:00 AEST", dt.datetime(2016, 10, 25, 8, 0, tzinfo=tz(10))),
            ("25 Oct 2016 08:00 IST", dt.datetime(2016, 10, 25, 8, 0, tzinfo=tz(5.5))),
        ],
    )
    def test_zone_kept(self, raw: str, expected: dt.datetime) -> None:
        """The offset equals the one the named zone stands for."""
        value = parse_date(raw)
        assert value == expected
        assert value is not None
        assert value.utcoffset() == expected.utcoffset()

    def test_default_timezone_for_naive_only(self) -> None:
        """default_timezone fills in a missing zone and never replaces a given one."""
        berlin = tz(1)
        assert parse_date("25.10.2016 14:30", default_timezone=berlin) == dt.datetime(
            2016, 10, 25, 14, 30, tzinfo=berlin
        )
        given_zone = parse_date("25 Oct 2016 21:00 GMT", default_timezone=berlin)
        assert given_zone is not None
        assert given_zone.utcoffset() == dt.timedelta(0)

    def test_date_without_time_ignores_zone(self) -> None:
        """A zone with no clock time does not make a date aware."""
        value = parse_date("25 October 2016 GMT")
        assert value == naive("2016-10-25T00:00")
        assert value is not None
        assert value.tzinfo is None


class TestRelative:
    """Relative dates are resolved only against an explicit now."""

    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("3 hours ago", naive("2020-05-01T09:00")),
            ("an hour ago", naive("2020-05-01T11:00")),
            ("2 days ago", naive("2020-04-29T12:00")),
            ("45 minutes ago", naive("2020-05-01T11:15")),
            ("yesterday", naive("2020-04-30T00:00")),
            ("Yesterday at 9:30 pm", naive("2020-04-30T21:30")),
            ("today, 08:15", naive("2020-05-01T08:15")),
            ("vor 3 Stunden", naive("2020-05-01T09:00")),
            ("gestern", naive("2020-04-30T00:00")),
            ("il y a 2 jours", naive("2020-04-29T12:00")),
            ("hace 2 horas", naive("2020-05-01T10:00")),
            ("Updated: 5 minutes ago", naive("2020-05-01T11:55")),
            ("just now", NOW),
        ],
    )
    def test_resolved_with_now(self, raw: str, expected: dt.datetime) -> None:
        """With now, the relative date becomes a value."""
        assert is_relative_date(raw)
        assert parse_date(raw, now=NOW) == expected

    @pytest.mark.parametrize("raw", ["3 hours ago", "yesterday", "vor 2 Tagen", "just now"])
    def test_none_without_now(self, raw: str) -> None:
        """Without now, a relative date gives None."""
        assert parse_date(raw) is None

    def test_aware_now_gives_aware(self) -> None:
        """The result carries now's zone."""
        now = dt.datetime(2020, 5, 1, 12, 0, tzinfo=UTC)
        assert parse_date("2 hours ago", now=now) == dt.datetime(2020, 5, 1, 10, 0, tzinfo=UTC)

    def test_absolute_is_not_relative(self) -> None:
        """A written date is not relative."""
        assert not is_relative_date("25 October 2016")

    def test_day_month_uses_now_year(self) -> None:
        """A day and month without year takes the year of now, never a future day."""
        assert parse_date("Oct 25", now=NOW) == naive("2019-10-25T00:00")
        assert parse_date("March 3", now=NOW) == naive("2020-03-03T00:00")
        assert parse_date("Oct 25") is None


class TestRejects:
    """Nonsense gives None."""

    @pytest.mark.parametrize(
        "raw",
        [
            "",
            "   ",
            "2016",
            "12345",
            "20161025123",
            "1571494495",
            "20161325",
            "foo bar",
            "October 2016",
            "12 May 1850",
            "31 February 2016",
            "2016-13-45",
            "2016-02-30T10:00",
            "25 Oct 3016",
            "the quick brown fox",
            "x" * 500,
        ],
    )
    def test_none(self, raw: str) -> None:
        """The string holds no plausible date."""
        assert parse_date(raw) is None

    def test_far_future_against_now(self) -> None:
        """More than a year after now is not a publication date."""
        assert parse_date("25 Oct 2030", now=NOW) is None
        assert parse_date("25 Oct 2020", now=NOW) == naive("2020-10-25T00:00")

    @given(st.text(max_size=80))
    def test_never_raises(self, raw: str) -> None:
        """Any string gives a datetime or None."""
        value = parse_date(raw)
        assert value is None or isinstance(value, dt.datetime)
        assert isinstance(is_date_line(raw), bool)


class TestDateLine:
    """A date line is a date and little else."""

    @pytest.mark.parametrize(
        "raw",
        [
            "October 25, 2016 at 9:00 pm",
            "Updated: 25 October 2016",
            "Tuesday 25 October 2016 09.00 BST",
            "Published 3:14 PM ET, Tue October 25, 2016",
            "25.10.2016, 14:30 Uhr",
            "3 hours ago",
        ],
    )
    def test_date_lines(self, raw: str) -> None:
        """Labels, weekdays and zones around the date are allowed."""
        assert is_date_line(raw)

    @pytest.mark.parametrize(
        "raw",
        [
            "The meeting on October 25, 2016 ended without a deal.",
            "Libyan PM open to security cooperation with Russia",
            "In 2016 the vote was held.",
        ],
    )
    def test_sentences_are_not(self, raw: str) -> None:
        """A sentence that contains a date is no date line."""
        assert not is_date_line(raw)


class TestNumericOrder:
    """One rule for numeric dates: dots and dashes day first, slashes by the page's language."""

    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("01.11.2023", naive("2023-11-01T00:00")),
            ("01-11-2023", naive("2023-11-01T00:00")),
            ("01-11-2023 10:29", naive("2023-11-01T10:29")),
            ("4. 2. 2022", naive("2022-02-04T00:00")),
        ],
    )
    @pytest.mark.parametrize("month_first", [False, True])
    def test_dots_and_dashes_day_first(
        self, raw: str, expected: dt.datetime, month_first: bool
    ) -> None:
        """Dotted and dashed dates read day first whatever the page's language."""
        assert parse_date(raw, month_first=month_first) == expected

    def test_slash_follows_flag(self) -> None:
        """An ambiguous slashed date takes the order the flag names."""
        assert parse_date("11/01/2023") == naive("2023-01-11T00:00")
        assert parse_date("11/01/2023", month_first=True) == naive("2023-11-01T00:00")

    @pytest.mark.parametrize("month_first", [False, True])
    def test_impossible_order_swaps(self, month_first: bool) -> None:
        """A slashed date that cannot be read in one order is read in the other."""
        assert parse_date("25/10/2016", month_first=month_first) == naive("2016-10-25T00:00")
        assert parse_date("10/25/2016", month_first=month_first) == naive("2016-10-25T00:00")

    def test_impossible_date(self) -> None:
        """A date impossible in both orders is no date."""
        assert parse_date("31-02-2020") is None
        assert parse_date("31/13/2020", month_first=True) is None

    @given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)))
    def test_round_trip(self, day: dt.date) -> None:
        """Each numeric form of a day reads back as that day under its own rule."""
        midnight = dt.datetime.combine(day, dt.time())
        assert parse_date(f"{day.day:02d}.{day.month:02d}.{day.year}") == midnight
        assert parse_date(f"{day.day}-{day.month}-{day.year}") == midnight
        assert parse_date(f"{day.day}/{day.month}/{day.year}") == midnight
        assert parse_date(f"{day.month}/{day.day}/{day.year}", month_first=True) == midnight


class TestSlashLanguages:
    """Which pages write a slashed date month first."""

    @pytest.mark.parametrize(
        ("language", "month_first"),
        [
            ("en-US", True),
            ("en", True),
            ("de", True),
            ("de-CH", True),
            ("fi", True),
            ("en-GB", False),
            ("en-AU", False),
            ("fr-FR", False),
            ("es", False),
            ("pt-BR", False),
            ("nl", False),
            (None, False),
        ],
    )
    def test_language(self, language: str | None, month_first: bool) -> None:
        """US English and dotted-date languages are month first; the rest day first."""
        assert slash_month_first(language) is month_first


class TestDateInText:
    """The pattern that finds dates in running text finds the forms parse_date reads."""

    @pytest.mark.parametrize(
        ("text", "found"),
        [
            ("Von Claudia Lindner 27.1.2022 - Bei der", "27.1.2022"),
            ("Posted: Nov 8, 2023 / 04:43 PM CST", "Nov 8, 2023"),
            ("Stand: 28.04.2020 18:00 Uhr", "28.04.2020"),
            ("Last updated 04 Jun 2020, originally", "04 Jun 2020"),
            ("2021-10-16 | Botschaft", "2021-10-16"),
            ("Meldung vom 29-10-2021", "29-10-2021"),
            ("vip 05 de mayo de 2022 El Tribunal", "05 de mayo de 2022"),
            ("publicado em 3 de maio de 2022", "3 de maio de 2022"),
        ],
    )
    def test_finds(self, text: str, found: str) -> None:
        """The first match is the date, and parse_date reads it."""
        match = DATE_IN_TEXT.search(text)
        assert match is not None
        assert match.group(0) == found
        assert parse_date(found) is not None

    def test_no_date(self) -> None:
        """A year alone or a version number is not a date."""
        assert DATE_IN_TEXT.search("Copyright 2021, version 4.4.6") is None


_DATE_BITS = st.sampled_from(
    [
        "March", "Mar.", "Sept", "mayo", "de", "del", "of", "Oktober", "Novembre", "Ab",
        "Verylongwordname", "x_y", "²", "5", "05", "1", "2019", "2020", "1999", "19", "31st",
        ".", ",", "/", "-", " ", "  ", "\n", "\t", "\u00a0", "\u2009", "年", "月", "日", "é",
    ]
)  # fmt: skip


class TestFindDates:
    """find_dates gives exactly what DATE_IN_TEXT.finditer gives, on any text."""

    @given(st.lists(_DATE_BITS, max_size=40).map("".join))
    def test_same_as_finditer(self, text: str) -> None:
        """Same matches, same spans, same order."""
        assert [m.span() for m in find_dates(text)] == [
            m.span() for m in DATE_IN_TEXT.finditer(text)
        ]

    @given(st.text(alphabet="abcMarch .,/-\n\u00a00123456789_²", max_size=80))
    def test_same_on_any_characters(self, text: str) -> None:
        """Also on text that is mostly not dates."""
        assert [m.group(0) for m in find_dates(text)] == [
            m.group(0) for m in DATE_IN_TEXT.finditer(text)
        ]

    def test_month_word_before_the_day(self) -> None:
        """A date that opens with its month is found from its first letter."""
        text = "Posted on March 5, 2019, Sept.  12 2020 and Twelveletter. 3 2021."
        assert [m.group(0) for m in find_dates(text)] == [
            "March 5, 2019",
            "Sept.  12 2020",
            "Twelveletter. 3 2021",  # the longest word the pattern takes, and a dot
        ]
        assert [m.span() for m in find_dates(text)] == [
            m.span() for m in DATE_IN_TEXT.finditer(text)
        ]


META_CASES = Path(__file__).parent / "data" / "html" / "meta"
LATER = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def _heading(html: str) -> lxml.html.HtmlElement:
    heading = lxml.html.document_fromstring(html).find(".//h1")
    assert heading is not None
    return heading


class TestShownDate:
    """The date written next to the headline, as a reader sees it."""

    def test_byline_after(self) -> None:
        """The byline's date after the headline, with its clock time and zone."""
        heading = _heading(
            "<div><h1>Voters pass increase</h1><p>by: Cora Neas</p>"
            "<p>Posted: <time>Nov 8, 2023 / 04:43 PM CST</time></p></div>"
        )
        found = date_near_heading(heading, now=LATER, default_timezone=None)
        assert found is not None
        assert found[0] == dt.datetime(
            2023, 11, 8, 16, 43, tzinfo=dt.timezone(-dt.timedelta(hours=6), "CST")
        )

    def test_kicker_before(self) -> None:
        """A date just above the headline counts when nothing follows it."""
        heading = _heading(
            '<div><span class="date">28.01.2022</span><h1>Titel</h1><p>Text.</p></div>'
        )
        found = date_near_heading(heading, now=LATER, default_timezone=None)
        assert found is not None
        assert found[0] == dt.datetime(2022, 1, 28)

    def test_copyright_and_far_dates_ignored(self) -> None:
        """A copyright year-date and a date far below the headline are not the page's."""
        filler = "<p>Ein Satz.</p>" * 120
        heading = _heading(
            f"<div><h1>Titel</h1><p>© 01.01.2020 Verlag</p>{filler}<p>05.05.2021</p></div>"
        )
        assert date_near_heading(heading, now=LATER, default_timezone=None) is None

    def test_no_heading(self) -> None:
        """Without a headline there is no shown date."""
        assert date_near_heading(None, now=LATER, default_timezone=None) is None

    def test_modified_stays_modified(self) -> None:
        """A shown update date becomes the publication day; modified keeps dateModified."""
        html = (META_CASES / "dates-shown-updated.html").read_text(encoding="utf-8")
        meta = extract_metadata(
            lxml.html.document_fromstring(html), url=None, options=ParseOptions(now=LATER)
        )
        assert meta.modified == dt.datetime(2020, 3, 12, 14, 42, 17, tzinfo=dt.timezone.utc)
        assert meta.modified_raw == "2020-03-12T14:42:17.000Z"
        assert meta.published == meta.modified


class TestLocalMidnight:
    """A UTC stamp at 22:00 or 23:00 sharp is a day's midnight one or two hours east."""

    @pytest.mark.parametrize(
        ("value", "day", "hours"),
        [
            (dt.datetime(2022, 11, 6, 23, tzinfo=UTC), dt.date(2022, 11, 7), 1),
            (dt.datetime(2020, 6, 30, 22, tzinfo=UTC), dt.date(2020, 7, 1), 2),
        ],
    )
    def test_midnight(self, value: dt.datetime, day: dt.date, hours: int) -> None:
        """The same instant, written in the zone where it is midnight."""
        local = local_midnight(value)
        assert local == value
        assert local.date() == day
        assert local.utcoffset() == dt.timedelta(hours=hours)

    @pytest.mark.parametrize(
        "value",
        [
            dt.datetime(2022, 11, 6, 23, 0, 1, tzinfo=UTC),
            dt.datetime(2022, 11, 6, 21, tzinfo=UTC),
            dt.datetime(2022, 11, 6, 23, tzinfo=tz(1)),
            dt.datetime(2022, 11, 6, 23),
        ],
    )
    def test_unchanged(self, value: dt.datetime) -> None:
        """Other times, other offsets and naive values keep their offset and day."""
        result = local_midnight(value)
        assert result == value
        assert result.utcoffset() == value.utcoffset()
        assert result.date() == value.date()
