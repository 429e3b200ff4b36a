"""Date strings as news pages write them, into :class:`datetime.datetime` values.

An ordered chain of small dialect handlers (ISO 8601, numeric day-first dates,
written dates in English, German, French, Spanish, Italian, Dutch and
Portuguese), then python-dateutil as the last resort. The zone is kept only when
the text names one; a naive result stays naive unless the caller passes a
``default_timezone``. Relative dates ("3 hours ago", "gestern") are resolved only
against an explicit ``now``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final, NamedTuple

from dateutil import parser as du_parser

from newsmodel._text import word_set

__all__ = [
    "DATE_IN_TEXT",
    "DATE_PATTERN",
    "find_dates",
    "is_date_line",
    "is_relative_date",
    "parse_date",
    "slash_month_first",
]

MIN_YEAR: Final = 1900
"""Years before this are not news dates."""
MAX_YEAR: Final = 2100
"""Years after this are rejected when no ``now`` bounds them more tightly."""
MAX_DATE_CHARS: Final = 200
"""Longer strings are not date strings."""

_MONTH_NAMES: Final = (
    "january jan jänner styczeń stycznia ledna январь января jaenner januar janvier janv enero ene gennaio gen januari janeiro",
    "february feb febr luty lutego února февраль февраля februar février fevrier févr fevr febrero febbraio februari fevereiro fev",
    "march mar marts märz marzec marca března март марта maerz mär mrz mars marzo maart mrt março marco",
    "april apr kwiecień kwietnia dubna апрель апреля avril avr abril abr aprile",
    "may maj maja května май мая mai mayo maggio mag mei maio",
    "june jun czerwiec czerwca června июнь июня juni juin junio giugno giu junho",
    "july jul lipiec lipca července июль июля juli juillet juil julio luglio lug julho",
    "august augusti sierpień sierpnia srpna август августа aug août aout agosto ago augustus",
    "september sep sept wrzesień września září сентябрь сентября septembre septiembre setiembre set settembre setembro",
    "october oct październik października října октябрь октября oktober okt octobre octubre ottobre ott outubro out",
    "november nov listopad listopada listopadu ноябрь ноября novembre noviembre novembro",
    "december dec desember grudzień grudnia prosince декабрь декабря dezember dez décembre decembre déc dic diciembre dicembre dezembro",
)
"""Month names and abbreviations, one string per month: en, de, fr, es, it, nl, pt, sv/da/no, pl, cs, ru."""


def _month_table() -> dict[str, int]:
    return {name: month for month, names in enumerate(_MONTH_NAMES, 1) for name in names.split()}


_MONTHS: Final = _month_table()

_MONTH_ALT: Final = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH: Final = rf"(?P<month>{_MONTH_ALT})\.?(?![^\W\d_])"
_DAY: Final = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|°|\.)?"
_YEAR: Final = r"(?P<year>(?:19|20)\d{2})(?!\d)"

_DMY_RE: Final = re.compile(
    rf"(?<![\d.]){_DAY}\s*(?:de\s+|of\s+)?{_MONTH},?\s*(?:de\s+|del\s+)?{_YEAR}", re.IGNORECASE
)
_MDY_RE: Final = re.compile(rf"(?<![^\W\d_]){_MONTH}\s*{_DAY},?\s+{_YEAR}", re.IGNORECASE)
_YMD_TEXT_RE: Final = re.compile(rf"{_YEAR},?\s+{_MONTH}\s+(?P<day>[0-3]?\d)(?!\d)", re.IGNORECASE)
_DM_RE: Final = re.compile(
    rf"(?<![\d.]){_DAY}\s*(?:de\s+|of\s+)?{_MONTH}(?!\s*,?\s*\d)", re.IGNORECASE
)
_MD_RE: Final = re.compile(
    rf"(?<![^\W\d_]){_MONTH}\s*(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:.])", re.IGNORECASE
)
_NUMERIC_DMY_RE: Final = re.compile(
    r"(?<![\d.:/-])(?P<day>[0-3]?\d)(?P<sep>[./]) ?(?P<month>[01]?\d)(?P=sep) ?"
    r"(?P<year>(?:19|20)\d{2}|\d{2})(?![\d/]|\.\d)"
    r"|(?<![\d.:/-])(?P<dday>[0-3]?\d)-(?P<dmonth>[01]?\d)-(?P<dyear>(?:19|20)\d{2})(?![\d-])"
)
_NUMERIC_YMD_RE: Final = re.compile(
    r"(?<![\d.:/-])(?P<year>(?:19|20)\d{2})(?P<sep>[./-])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?![\d])"
)
_ISO_RE: Final = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,](?P<frac>\d{1,9}))?)?"
    r"\s*(?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?)?",
    re.IGNORECASE,
)
_COMPACT_DATE_RE: Final = re.compile(r"(?P<year>(?:19|20)\d{2})(?P<month>[01]\d)(?P<day>[0-3]\d)")
"""ISO 8601 basic format, a date alone: ``20161025``."""
_TIME_RE: Final = re.compile(
    r"(?<![\d:./])(?P<hour>[0-2]?\d)(?:[:.h](?P<minute>[0-5]\d)(?:[:.](?P<second>[0-5]\d))?"
    r"(?:\s*(?P<ampm>[ap])\.?\s*m\b\.?)?|\s*(?P<ampm2>[ap])\.?\s*m\b\.?|\s*(?P<uhr>uhr|h)\b)",
    re.IGNORECASE,
)
_OFFSET_RE: Final = re.compile(
    r"(?:\b(?:GMT|UTC)\s*(?=[+\-−])|(?<![\w-]))(?P<sign>[+\-−])(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?\b"
)

DATE_PATTERN: Final = (
    r"(?P<date>\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)?\d{2}|\d{1,2}/\d{1,2}/(?:19|20)\d{2}"
    r"|(?:19|20)\d{2}-\d{2}-\d{2}|\d{1,2}-\d{1,2}-(?:19|20)\d{2}"
    r"|\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,12}\.?,?\s+(?:del?\s+)?(?:19|20)\d{2}"
    r"|[^\W\d_]{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}"
    r"|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)"
)
"""A calendar date as running text writes it, with its year (group ``date``): the forms
:func:`parse_date` reads, for finding candidates in a page's text before reading them."""
DATE_IN_TEXT: Final = re.compile(rf"\b{DATE_PATTERN}")
_A_DIGIT: Final = re.compile(r"\d")
_WORD_REACH: Final = 13
"""How far before its spaces a date that opens with a word may start: a month name of at
most 12 letters and a dot (the one :data:`DATE_PATTERN` form that does not open with a digit)."""


def find_dates(text: str) -> list[re.Match[str]]:
    """The matches of :data:`DATE_IN_TEXT` in *text*: what ``list(DATE_IN_TEXT.finditer(text))``
    gives, found several times faster on prose.

    Every date holds a digit, and only one form opens with something else: a month word,
    perhaps a dot, and spaces before the day ("March 5, 2019"). So the pattern is tried
    only at each digit and at the few positions of a word right before the spaces before
    one; finditer tries it at every position of a 20,000-character page text.
    """
    found: list[re.Match[str]] = []
    pos = 0
    size = len(text)
    while pos < size:
        digit = _A_DIGIT.search(text, pos)
        if digit is None:
            break
        at = digit.start()
        spaces = at
        while spaces > pos and text[spaces - 1].isspace():
            spaces -= 1
        match = None
        if spaces < at:  # a month word may end right before the spaces (dot included)
            for start in range(max(pos, spaces - _WORD_REACH), spaces - 2):
                match = DATE_IN_TEXT.match(text, start)
                if match is not None:
                    break
        if match is None:
            match = DATE_IN_TEXT.match(text, at)
        if match is None:
            pos = at + 1
        else:
            found.append(match)
            pos = match.end()
    return found


""":data:`DATE_PATTERN` at a word start, compiled."""

_MONTH_FIRST_LANGUAGES: Final = frozenset(
    {"en-US", "en", "de", "fi", "da", "no", "nb", "nn", "cs", "sk", "pl", "ru", "uk", "hu"}
)
"""Languages whose pages write a slashed date month first (see :func:`slash_month_first`)."""

_ZONES: Final[dict[str, float]] = {
    "GMT": 0, "UTC": 0, "UT": 0, "Z": 0, "WET": 0, "WEST": 1, "BST": 1, "IST": 5.5,
    "CET": 1, "CEST": 2, "MEZ": 1, "MESZ": 2, "EET": 2, "EEST": 3, "MSK": 3,
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "AKST": -9, "AKDT": -8, "HST": -10, "AST": -4, "ADT": -3, "NST": -3.5, "NDT": -2.5,
    "AEST": 10, "AEDT": 11, "ACST": 9.5, "ACDT": 10.5, "AWST": 8, "NZST": 12, "NZDT": 13,
    "JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "PHT": 8, "WIB": 7, "ICT": 7, "PKT": 5,
    "SAST": 2, "CAT": 2, "EAT": 3, "WAT": 1, "BRT": -3, "ART": -3, "GST": 4,
}  # fmt: skip
"""Named zones as fixed offsets in hours."""

_US_ZONES: Final[dict[str, int]] = {"ET": -5, "CT": -6, "MT": -7, "PT": -8}
"""US zones named without standard/daylight: the offset depends on the date."""

_ZONE_RE: Final = re.compile(
    r"(?<![\w])(?P<zone>"
    + "|".join(sorted([*_ZONES, *_US_ZONES], key=len, reverse=True))
    + r")(?!\w)"
)

_RELATIVE_RE: Final = re.compile(
    r"^(?:(?:about|around|some|vor|il y a|hace|fa|circa|ca\.)\s+)?"
    r"(?P<n>\d+|an?|one|un|une|una|uno|einer?|einem)\s+"
    r"(?P<unit>sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|months?|"
    r"sekunden?|minuten?|stunden?|tagen?|wochen?|monaten?|"
    r"secondes?|heures?|jours?|semaines?|mois|"
    r"segundos?|minutos?|horas?|días?|dias?|semanas?|meses|mes|"
    r"secondi|minuti|ore|ora|giorni|giorno|settimane|mesi)"
    r"(?:\s+(?:ago|fa))?\.?$",
    re.IGNORECASE,
)
_RELATIVE_DAY_RE: Final = re.compile(
    r"^(?P<word>today|yesterday|heute|gestern|aujourd'hui|hier|hoy|ayer|oggi|ieri|vandaag|gisteren)"
    r"(?:\s*(?:,|at|um|à|a las|alle|om)?\s*(?P<time>.+))?$",
    re.IGNORECASE,
)
_JUST_NOW_RE: Final = re.compile(
    r"^(?:just now|gerade eben|à l'instant|ahora mismo|adesso)$", re.IGNORECASE
)

_UNIT_SECONDS: Final[tuple[tuple[str, int], ...]] = (
    ("sec", 1), ("sek", 1), ("seg", 1),
    ("min", 60),
    ("h", 3600), ("st", 3600), ("heu", 3600), ("ora", 3600), ("ore", 3600),
    ("d", 86400), ("tag", 86400), ("j", 86400), ("gior", 86400),
    ("w", 604800), ("sem", 604800), ("sett", 604800),
    ("mo", 2592000), ("mes", 2592000), ("mois", 2592000),
)  # fmt: skip
_DAY_OFFSETS: Final[dict[str, int]] = {
    "today": 0, "heute": 0, "aujourd'hui": 0, "hoy": 0, "oggi": 0, "vandaag": 0,
    "yesterday": -1, "gestern": -1, "hier": -1, "ayer": -1, "ieri": -1, "gisteren": -1,
}  # fmt: skip

_LABEL_RE: Final = re.compile(
    r"^\s*(?:(?:last\s+)?(?:updated|modified|published|posted|created|first published|date)(?:\s+(?:on|at))?"
    r"|stand|aktualisiert(?:\s+am)?|veröffentlicht(?:\s+am)?|erstellt(?:\s+am)?|publié(?:\s+le)?"
    r"|mis à jour(?:\s+le)?|publicado(?:\s+el)?|actualizado(?:\s+el)?|pubblicato(?:\s+il)?"
    r"|aggiornato(?:\s+il)?|gepubliceerd(?:\s+op)?|bijgewerkt(?:\s+op)?)\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
_FILLER_WORDS: Final = word_set(
    "at on the of and um am à le de el del a las alle il op om uhr h gmt utc et pt ct mt "
    "updated modified published posted created first last date stand aktualisiert "
    "veröffentlicht erstellt publié mis jour publicado actualizado pubblicato aggiornato "
    "gepubliceerd bijgewerkt monday tuesday wednesday thursday friday saturday sunday mon "
    "tue tues wed thu thur thurs fri sat sun montag dienstag mittwoch donnerstag freitag "
    "samstag sonntag mo di mi do fr sa so lundi mardi mercredi jeudi vendredi samedi "
    "dimanche lunes martes miércoles jueves viernes sábado domingo lunedì martedì "
    "mercoledì giovedì venerdì sabato domenica maandag dinsdag woensdag donderdag vrijdag "
    "zaterdag zondag local time ore heures horas"
)
_DIGIT_RE: Final = re.compile(r"\d")
_MONTH_SPLIT_RE: Final = re.compile(r"[\s\d]+")
_YEAR_RE: Final = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
MAX_DATEUTIL_CHARS: Final = 60
"""dateutil, the slow last resort, only sees strings this short."""
MAX_DATE_LINE_CHARS: Final = 100
"""A date line is no longer than this."""
_WORD_RE: Final = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


class _Found(NamedTuple):
    """A date found inside a string, and what is left of the string around it."""

    value: dt.datetime
    residue: str


def _zone_offset(name: str, day: dt.date) -> dt.timezone:
    """A fixed offset for a zone name; US ``ET``/``PT`` follow the US daylight rules of *day*."""
    if name in _US_ZONES:
        hours = _US_ZONES[name] + (1 if _us_daylight(day) else 0)
        return dt.timezone(dt.timedelta(hours=hours), name)
    if name in {"GMT", "UTC", "UT", "Z"}:
        return dt.timezone.utc
    return dt.timezone(dt.timedelta(hours=_ZONES[name]), name)


def slash_month_first(language: str | None) -> bool:
    """Whether a page in *language* (a BCP 47 tag) writes ``11/01/2023`` for 1 November 2023.

    US English does, and so does English without a region. So do pages in languages
    whose own numeric form is dotted or dashed (German, Finnish, Danish, Norwegian,
    Czech, Slovak, Polish, Russian, Ukrainian, Hungarian): a slashed date there comes
    from US-made software. Other English (``en-GB``), the Romance languages, Dutch,
    and pages that name no language write day/month/year.

    >>> slash_month_first("en-US"), slash_month_first("de-CH"), slash_month_first("fr")
    (True, True, False)
    """
    if not language:
        return False
    if language in _MONTH_FIRST_LANGUAGES:
        return True
    primary = language.split("-", 1)[0]
    return primary != "en" and primary in _MONTH_FIRST_LANGUAGES


def _nth_sunday(year: int, month: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def _us_daylight(day: dt.date) -> bool:
    """Whether US daylight saving time is in force on *day* (rules since 2007, and before)."""
    if day.year >= 2007:
        start, end = _nth_sunday(day.year, 3, 2), _nth_sunday(day.year, 11, 1)
    else:
        start = _nth_sunday(day.year, 4, 1)
        end = _nth_sunday(day.year, 10, 5)
        if end.month != 10:
            end = _nth_sunday(day.year, 10, 4)
    return start <= day < end


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:  # day 31 of a 30-day month: not a date
        return None


def _two_digit_year(year: str) -> int:
    value = int(year)
    if len(year) == 2:
        return 2000 + value if value < 70 else 1900 + value
    return value


def _has_month_word(text: str) -> bool:
    """A cheap test before the month-name regexes: does any word name a month?"""
    return any(word.strip(".,;:()") in _MONTHS for word in _MONTH_SPLIT_RE.split(text.lower()))


def _numeric_day(m: re.Match[str], *, month_first: bool) -> dt.date | None:
    """The day a numeric match names: year-month-day, day.month.year, day-month-year, or slashed.

    Slashed dates follow *month_first*, and take the other order when theirs is impossible.
    """
    if m.re is _NUMERIC_DMY_RE and m["dday"] is not None:
        return _make_date(int(m["dyear"]), int(m["dmonth"]), int(m["dday"]))
    first, second = int(m["day"]), int(m["month"])  # in DMY order, or YMD's day and month
    year = _two_digit_year(m["year"])
    if m.re is _NUMERIC_DMY_RE and m["sep"] == "/" and (month_first or second > 12):
        found = _make_date(year, first, second)  # US month/day/year
        if found or not month_first:
            return found
    return _make_date(year, second, first)


def _find_day(
    text: str, now: dt.datetime | None, *, month_first: bool = False
) -> tuple[dt.date, int, int] | None:
    """The calendar day in *text* with the span it covers, trying each dialect in order."""
    for regex in (_NUMERIC_YMD_RE, _NUMERIC_DMY_RE):
        m = regex.search(text)
        if m:
            found = _numeric_day(m, month_first=month_first)
            if found:
                return found, m.start(), m.end()
    if not _has_month_word(text):
        return None
    for regex in (_DMY_RE, _MDY_RE, _YMD_TEXT_RE):
        m = regex.search(text)
        if m:
            found = _make_date(int(m["year"]), _MONTHS[m["month"].lower()], int(m["day"]))
            if found:
                return found, m.start(), m.end()
    if now is not None:
        for regex in (_DM_RE, _MD_RE):
            m = regex.search(text)
            if m:
                month, day = _MONTHS[m["month"].lower()], int(m["day"])
                found = _make_date(now.year, month, day)
                if found and found > now.date():
                    found = _make_date(now.year - 1, month, day)
                if found:
                    return found, m.start(), m.end()
    return None


def _find_time(text: str) -> tuple[dt.time, int, int] | None:
    for m in _TIME_RE.finditer(text):
        hour = int(m["hour"])
        ampm = (m["ampm"] or m["ampm2"] or "").lower()
        if m["minute"] is None and not ampm and not m["uhr"]:
            continue
        if m["uhr"] and m["uhr"].lower() == "h" and m["minute"] is None:
            continue
        minute = int(m["minute"] or 0)
        second = int(m["second"] or 0)
        if ampm:
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if ampm == "p" else 0)
        if hour > 23:
            continue
        return dt.time(hour, minute, second), m.start(), m.end()
    return None


def _find_zone(text: str, day: dt.date) -> tuple[dt.tzinfo, int, int] | None:
    m = _OFFSET_RE.search(text)
    if m:
        hours, minutes = int(m["hours"]), int(m["minutes"] or 0)
        if hours <= 14 and minutes < 60:
            sign = -1 if m["sign"] in "-−" else 1
            delta = dt.timedelta(hours=hours, minutes=minutes) * sign
            return dt.timezone(delta), m.start(), m.end()
    m = _ZONE_RE.search(text)
    if m:
        return _zone_offset(m["zone"], day), m.start(), m.end()
    return None


def _cut(text: str, start: int, end: int) -> str:
    return f"{text[:start]} {text[end:]}"


def _parse_iso(text: str) -> _Found | None:
    m = _ISO_RE.search(text) or _COMPACT_DATE_RE.fullmatch(text)
    if not m:
        return None
    parts = m.groupdict()
    day = _make_date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
    if day is None:
        return None
    clock = dt.time()
    hour = parts.get("hour")
    if hour is not None:
        hours, minute, second = int(hour), int(parts["minute"]), int(parts["second"] or 0)
        if hours > 23 or minute > 59 or second > 59:
            return None
        micro = int((parts["frac"] or "0")[:6].ljust(6, "0"))
        clock = dt.time(hours, minute, second, micro)
    value = dt.datetime.combine(day, clock)
    zone = parts.get("zone")
    if zone:
        offset = _iso_offset(zone)
        if offset is None:
            return None
        value = value.replace(tzinfo=offset)
    residue = _cut(text, m.start(), m.end())
    if value.tzinfo is None and hour is not None:
        found = _find_zone(residue, day)
        if found:
            value = value.replace(tzinfo=found[0])
            residue = _cut(residue, found[1], found[2])
    return _Found(value, residue)


def _iso_offset(zone: str) -> dt.timezone | None:
    """``Z``, ``+02``, ``+0200`` or ``+02:00`` as a fixed offset (None when out of range)."""
    if zone.upper() == "Z":
        return dt.timezone.utc
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 14 or minutes > 59:
        return None
    delta = dt.timedelta(hours=hours, minutes=minutes) * (-1 if zone[0] == "-" else 1)
    return dt.timezone(delta)


def _parse_written(text: str, now: dt.datetime | None, *, month_first: bool) -> _Found | None:
    """Day found by a dialect regex, then a clock time, then a zone, anywhere around it."""
    day = _find_day(text, now, month_first=month_first)
    if day is None:
        return None
    residue = _cut(text, day[1], day[2])
    clock = _find_time(residue)
    value = dt.datetime.combine(day[0], dt.time())
    if clock is not None:
        value = dt.datetime.combine(day[0], clock[0])
        residue = _cut(residue, clock[1], clock[2])
    zone = _find_zone(residue, day[0])
    if zone is not None:
        if clock is not None:  # a zone without a clock time says nothing
            value = value.replace(tzinfo=zone[0])
        residue = _cut(residue, zone[1], zone[2])
    return _Found(value, residue)


def _parse_dateutil(text: str) -> _Found | None:
    """The last resort: python-dateutil, for strings that hold a year and something more."""
    if len(text) > MAX_DATEUTIL_CHARS or not _YEAR_RE.search(text) or text.strip().isdigit():
        return None
    # Two naive sentinels: a part dateutil filled in from the default differs between them.
    first, second = dt.datetime(2000, 1, 1), dt.datetime(2001, 2, 2)
    try:
        value = du_parser.parse(text, default=first, dayfirst=True, tzinfos=_dateutil_zone)
        check = du_parser.parse(text, default=second, dayfirst=True, tzinfos=_dateutil_zone)
    except (du_parser.ParserError, OverflowError, ValueError):
        return None
    if value.date() != check.date():
        return None  # no day, or no month: not a date a reader could use
    if value.tzinfo is not None and value.utcoffset() is None:
        value = value.replace(tzinfo=None)
    return _Found(value, "")


def _dateutil_zone(name: str | None, offset: int | None) -> dt.tzinfo | None:
    # dateutil passes name=None for an offset written without a zone name ("21:00 +0200")
    if offset is not None:
        return dt.timezone(dt.timedelta(seconds=offset))
    if name is not None and (name in _ZONES or name in _US_ZONES):
        return _zone_offset(name, dt.date(2000, 1, 1))
    return None


def _resolve_relative(text: str, now: dt.datetime) -> dt.datetime | None:
    if _JUST_NOW_RE.match(text):
        return now
    m = _RELATIVE_RE.match(text)
    if m:
        n = int(m["n"]) if m["n"].isdigit() else 1
        unit = m["unit"].lower()
        for prefix, seconds in _UNIT_SECONDS:
            if unit.startswith(prefix):
                return now - dt.timedelta(seconds=n * seconds)
        return None
    m = _RELATIVE_DAY_RE.match(text)
    if m:
        day = now.date() + dt.timedelta(days=_DAY_OFFSETS[m["word"].lower()])
        if m["time"] is None:
            return dt.datetime.combine(day, dt.time(), tzinfo=now.tzinfo)
        clock = _find_time(m["time"])
        if clock is None:
            return None
        return dt.datetime.combine(day, clock[0], tzinfo=now.tzinfo)
    return None


def _clean(raw: str) -> str:
    text = " ".join(raw.split())
    return _LABEL_RE.sub("", text, count=1).strip(" ,|·•-–—")


def is_relative_date(raw: str) -> bool:
    """Whether *raw* is a date relative to the moment of reading ("3 hours ago", "yesterday")."""
    if len(raw) > MAX_DATE_CHARS:
        return False
    text = _clean(raw)
    return bool(
        _JUST_NOW_RE.match(text) or _RELATIVE_RE.match(text) or _RELATIVE_DAY_RE.match(text)
    )


def _scan(raw: str, now: dt.datetime | None, *, month_first: bool = False) -> _Found | None:
    if len(raw) > MAX_DATE_CHARS:
        return None
    text = _clean(raw)
    if not text or not _DIGIT_RE.search(text):
        if now is not None and text:
            value = _resolve_relative(text, now)
            return _Found(value, "") if value else None
        return None
    if now is not None and is_relative_date(text):
        value = _resolve_relative(text, now)
        return _Found(value, "") if value else None
    return (
        _parse_iso(text)
        or _parse_written(text, now, month_first=month_first)
        or _parse_dateutil(text)
    )


def _plausible(value: dt.datetime, now: dt.datetime | None) -> bool:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        return False
    if now is None:
        return True
    limit = now.replace(year=now.year + 1) if not (now.month == 2 and now.day == 29) else now
    if (value.tzinfo is None) != (limit.tzinfo is None):
        return value.replace(tzinfo=None) <= limit.replace(tzinfo=None)
    return value <= limit


def parse_date(
    raw: str,
    *,
    default_timezone: dt.tzinfo | None = None,
    now: dt.datetime | None = None,
    month_first: bool = False,
) -> dt.datetime | None:
    """Read a date as a news page writes it.

    Args:
        raw: the date text, e.g. ``"October 25, 2016 at 9:00 pm"``, ``"Updated: 25.10.2016,
            14:30 Uhr"`` or ``"2016-10-25T21:00:00+02:00"``.
        default_timezone: a zone for dates that name none. Without it such dates stay naive.
        now: the moment relative dates ("3 hours ago") are read against, and the upper bound
            (one year ahead) for plausible dates. Without it relative dates give ``None``.
        month_first: read a slashed numeric date ``11/01/2023`` month first (as US English
            writes it); see :func:`slash_month_first`. Dotted and dashed numeric dates
            (``01.11.2023``, ``01-11-2023``) are always day first; a slashed date whose
            reading is impossible (``25/10/2016``, ``10/25/2016``) takes the other order.

    Returns:
        The date, aware only when the text names a zone (or *default_timezone* is given);
        ``None`` when *raw* holds no plausible date.
    """
    found = _scan(raw, now, month_first=month_first)
    if found is None or not _plausible(found.value, now):
        return None
    value = found.value
    if value.tzinfo is None and default_timezone is not None:
        value = value.replace(tzinfo=default_timezone)
    return value


def is_date_line(raw: str, *, now: dt.datetime | None = None) -> bool:
    """Whether *raw* is a date and little else (a label, a weekday, "at", a zone).

    A sentence that merely contains a date is not a date line.
    """
    if len(raw) > MAX_DATE_LINE_CHARS:
        return False
    if is_relative_date(raw):
        return True
    found = _scan(raw, now)
    if found is None or not _plausible(found.value, now):
        return False
    if not found.residue:
        return len(raw) <= MAX_DATEUTIL_CHARS
    words = [w for w in _WORD_RE.findall(found.residue) if w.lower() not in _FILLER_WORDS]
    return len(words) == 0 and not _DIGIT_RE.search(found.residue)
