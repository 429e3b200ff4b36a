"""Bylines ("By Jane Doe and John Roe", "Jane Doe, Reuters") and datelines ("TRIPOLI (Reuters) -").

A byline gives names, the role each writer holds ("Staff writer") and the news
agency (which becomes the publisher). A dateline opens the first paragraph with the
place the story was filed from, perhaps a day and an agency, then a dash.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from newsmodel._dates import is_date_line
from newsmodel._text import word_set

__all__ = ["Byline", "Dateline", "is_name", "name_byline", "parse_byline", "split_dateline"]

MAX_BYLINE_CHARS: Final = 160
"""Bylines are short; longer lines are prose."""

AGENCIES: Final = frozenset(
    (
        "reuters",
        "thomson reuters",
        "associated press",
        "the associated press",
        "ap",
        "afp",
        "agence france-presse",
        "agence france presse",
        "dpa",
        "bloomberg",
        "bloomberg news",
        "pa",
        "pa media",
        "press association",
        "ansa",
        "efe",
        "xinhua",
        "anadolu",
        "anadolu agency",
        "aa",
        "upi",
        "kyodo",
        "kyodo news",
        "yonhap",
        "tass",
        "ria novosti",
        "interfax",
        "apa",
        "sda",
        "kna",
        "epd",
        "afp/dpa",
        "dpa/afp",
        "cnn",
        "bbc news",
        "al jazeera",
        "europa press",
        "belga",
        "anp",
        "ritzau",
        "ntb",
        "tt",
    )
)
_ROLE_WORDS: Final = word_set(
    "writer reporter correspondent editor staff journalist columnist contributor producer analyst "
    "author editor-at-large redakteur redakteurin korrespondent korrespondentin reporterin autor "
    "autorin journaliste rédacteur rédactrice envoyé envoyée correspondant correspondante "
    "corresponsal periodista redactor redactora giornalista inviato inviata redattore redattrice "
    "correspondente jornalista verslaggever redacteur correspondenten"
)
_NOT_NAME_WORDS: Final = word_set(
    "news staff team desk online editorial newsroom agency reuters press media times post "
    "daily the and updated published posted by monday tuesday wednesday thursday friday "
    "saturday sunday january february march april june july august september october "
    "november december"
)
_PARTICLES: Final = word_set(
    "de da di del della der den van von le la du dos das bin ibn al el ter y e zu"
)
_BY_RE: Final = re.compile(
    r"^(?:by|von|par|por|door|di|av|text|texto|written by|words by|story by)\s*:?\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_PART_SPLIT_RE: Final = re.compile(r"\s+(?:[|·•—–-]|//?)\s+|\s*\|\s*")
_NAMES_SPLIT_RE: Final = re.compile(r"\s*,\s*|\s*;\s*|\s+(?:and|und|et|y|e|en|og|och|i|&)\s+")
_NAME_IN_PLACE_RE: Final = re.compile(
    r"^(?P<name>.+?) (?:in|aus|à|en|a) [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}$"
)
_EDGE_PUNCTUATION: Final = " |·•—–-/,;:"
_COMMA_RE: Final = re.compile(r"\s*,\s+")
_DIGIT_RE: Final = re.compile(r"\d")
_IN_PLACE_RE: Final = re.compile(r"^(?:in|aus|à|en|a|in)\s+[A-Z]")
_NAME_CHARS_RE: Final = re.compile(r"^[^\W\d_][^\W\d_.'’-]*(?:[.'’-][^\W\d_]*)*\.?$")

_MONTH_ABBR: Final = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"  # English only in datelines
_DATELINE_RE: Final = re.compile(
    r"^(?P<dateline>"
    r"(?P<place>[A-ZÀ-Þ][A-ZÀ-Þ.'’-]+(?: [A-ZÀ-Þ][A-ZÀ-Þ.'’-]+){0,3})"
    r"(?:, (?:[A-Z][\w.]+(?: [A-Z][\w.]+){0,2}))?"
    rf"(?:,? (?:{_MONTH_ABBR} \d{{1,2}}|\d{{1,2}} {_MONTH_ABBR}))?"
    r"(?: ?\((?P<agency>[^()]{2,40})\))?"
    r") ?(?:[-–—]+|:) +(?P<rest>[\"“‘'A-ZÀ-Þ0-9].*)$",
    re.DOTALL,
)
_AGENCY_DATELINE_RE: Final = re.compile(
    r"^(?P<dateline>"
    r"(?P<place>[A-ZÀ-Þ][\w.'’-]+(?: [A-ZÀ-Þ][\w.'’-]+){0,2})"
    r"(?:, [A-Z][\w.]+(?: [A-Z][\w.]+){0,2})?"
    r" ?\((?P<agency>[^()]{2,40})\)"
    r") ?(?:[-–—]+|:) +(?P<rest>[\"“‘'A-ZÀ-Þ0-9].*)$",
    re.DOTALL,
)
_NOT_PLACES: Final = word_set(
    "UPDATE UPDATED EXCLUSIVE BREAKING WARNING ANALYSIS OPINION CORRECTION WATCH LIVE VIDEO PHOTOS "
    "NOTE EDITOR'S EDITORS FACT CHECK COMMENT REVIEW INTERVIEW EXPLAINER Q&A UPDATE:"
)


class Byline(NamedTuple):
    """What a byline line says: writers, their roles, the agency, a date."""

    names: tuple[str, ...]
    roles: dict[str, str]
    agency: str | None
    date_raw: str | None


class Dateline(NamedTuple):
    """A dateline cut from the front of a paragraph."""

    dateline: str
    rest: str
    agency: str | None


def _is_agency(part: str) -> bool:
    return part.lower().strip(" ().") in AGENCIES


def _is_role(part: str) -> bool:
    words = part.lower().replace(",", " ").split()
    return 0 < len(words) <= 6 and any(w in _ROLE_WORDS for w in words)


def _tidy_name(name: str) -> str:
    name = name.strip(" .,;:")
    if name.isupper() and len(name) > 3:
        return " ".join(
            w.capitalize() if w.lower() not in _PARTICLES else w.lower() for w in name.split()
        )
    return name


def is_name(text: str) -> bool:
    """Whether *text* reads as a person's name: two to five capitalised words, particles allowed."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 5:
        return False
    capitals = 0
    for token in tokens:
        low = token.lower()
        if low in _NOT_NAME_WORDS:
            return False
        if low in _PARTICLES:
            continue
        if not token[0].isupper() or not _NAME_CHARS_RE.match(token):
            return False
        capitals += 1
    return capitals >= 2 and tokens[-1][0].isupper()


def _is_single_name(text: str) -> bool:
    """One capitalised word after "By" ("By Krimiblogger"): a pen name."""
    return (
        len(text) >= 3
        and text[0].isupper()
        and text.isalpha()
        and text.lower() not in _NOT_NAME_WORDS
        and not _is_agency(text)
    )


def _read_parts(parts: list[str], *, prefixed: bool) -> Byline | None:
    names: list[str] = []
    roles: dict[str, str] = {}
    agency: str | None = None
    date_raw: str | None = None
    for part in parts:
        if is_date_line(part):
            date_raw = date_raw or part
            continue
        for piece in _NAMES_SPLIT_RE.split(part):
            piece = piece.strip(" .")  # noqa: PLW2901 - the piece, tidied
            if not piece or _IN_PLACE_RE.match(piece):
                continue
            if _is_agency(piece):
                agency = agency or piece.strip(" ()")
            elif _is_role(piece):
                if names:
                    roles.setdefault(names[-1], piece)
            elif is_name(_tidy_name(piece)) or (prefixed and _is_single_name(piece)):
                name = _tidy_name(piece)
                if name.lower() not in {n.lower() for n in names}:
                    names.append(name)
            elif not prefixed:
                return None
    if not names and not (prefixed and agency):
        return None
    if not prefixed and not (agency or roles or date_raw):
        return None
    return Byline(tuple(names), roles, agency, date_raw)


def parse_byline(line: str) -> Byline | None:
    """Read *line* as a byline, or None when it is not one.

    ``"By Jane Doe and John Roe"``, ``"Jane Doe, Reuters"``, ``"Jane Doe | Staff writer"``
    and ``"By JANE DOE, Political Correspondent | 25 Oct 2016"`` are bylines; a name on
    its own is not (it may be a headline or a caption).
    """
    if len(line) > MAX_BYLINE_CHARS:
        return None
    m = _BY_RE.match(line)
    rest = (m["rest"] if m else line).strip(_EDGE_PUNCTUATION)
    rest, trailing_date = _split_trailing_date(rest)
    parts = [p for p in _PART_SPLIT_RE.split(rest) if p.strip()]
    if not m and len(parts) == 1:
        head, sep, tail = rest.partition(", ")
        if not sep:
            return None
        parts = [head, tail]
    byline = _read_parts(parts, prefixed=m is not None)
    if byline is not None and trailing_date is not None:
        return byline._replace(date_raw=trailing_date)
    return byline


def _split_trailing_date(text: str) -> tuple[str, str | None]:
    """``"Max Mustermann, 25.10.2016, 14:30 Uhr"`` into the name part and the whole date."""
    for sep in _COMMA_RE.finditer(text):
        tail = text[sep.end() :]
        if _DIGIT_RE.search(tail) and is_date_line(tail):
            return text[: sep.start()], tail
    return text, None


def name_byline(line: str) -> Byline | None:
    """A bare name ("Jane Doe") or a name and a place ("Jane Doe in Berlin") as a byline.

    Only the caller knows whether the line sits where a byline sits (between the
    headline and the date); on its own such a line may be a headline.
    """
    if len(line) > MAX_BYLINE_CHARS:
        return None
    m = _NAME_IN_PLACE_RE.match(line)
    name = _tidy_name(m["name"] if m else line)
    return Byline((name,), {}, None, None) if is_name(name) else None


def split_dateline(paragraph: str) -> Dateline | None:
    """Cut a dateline ("TRIPOLI (Reuters) -", "LONDON, Oct 25 -", "WASHINGTON —") from *paragraph*."""
    m = _DATELINE_RE.match(paragraph) or _AGENCY_DATELINE_RE.match(paragraph)
    if not m:
        return None
    place = m["place"]
    if place.upper() in _NOT_PLACES or sum(c.isalpha() for c in place) < 3:
        return None
    agency = m["agency"]
    if m.re is _AGENCY_DATELINE_RE and not _is_agency(agency):
        return None
    if agency is not None and not _is_agency(agency):
        agency = None
    return Dateline(m["dateline"].strip(), m["rest"].strip(), agency.strip() if agency else None)
