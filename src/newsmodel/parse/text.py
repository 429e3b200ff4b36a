"""Plain text (copied page text, plain article files) into an Article.

The text is read the way a careful reader reads a page: skip the chrome before the
headline, take the headline, the date lines (published, "Updated:" modified) and the
byline, then the body, cut the dateline from its first paragraph, and stop at the
"Related articles" block. A plain article file (title line, blank line, paragraphs)
reads as exactly that.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final, NamedTuple

from newsmodel._dates import is_date_line, is_relative_date, parse_date
from newsmodel._text import normalize_text
from newsmodel.errors import ParseError
from newsmodel.extract.analysis import analysis_of
from newsmodel.extract.language import SAMPLE_CHARS, detect_language
from newsmodel.model import Article, FieldSource, ParseWarning, Person
from newsmodel.options import DEFAULT_OPTIONS, ParseOptions
from newsmodel.parse._byline import Byline, name_byline, parse_byline, split_dateline
from newsmodel.parse._chrome import is_chrome, is_end_marker
from newsmodel.parse._common import article_id, check_size
from newsmodel.parse._layout import split_units

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["parse_text"]

HEAD_SCAN: Final = 12
"""The headline, dates and byline are looked for among this many units above the body."""
PROSE_GAP: Final = 2
"""The body starts at a prose unit followed by more prose within this many units."""
MAX_HEAD_UNITS: Final = 40
"""A prose pair further than this after the first prose unit does not move the body start."""
META_AFTER_BODY_START: Final = 3
"""Dates and bylines are also taken from this many units after the body starts."""
MAX_META_CHARS: Final = 200
"""Date lines and bylines are no longer than this."""
SHORT_META_CHARS: Final = 60
"""A date line that ends like a sentence ("Last updated on 25 Oct 2016.") is this short."""
MAX_META_WORDS: Final = 25
"""Date lines and bylines have fewer words than this."""
STANDFIRST_MIN_WORDS: Final = 10
STANDFIRST_RATIO: Final = 1.3
"""A title line this much longer than the one above it is a standfirst under a headline."""
MAX_STANDFIRST_WORDS: Final = 60
"""A standfirst is one or two sentences."""
MAX_HEADLINE_WORDS: Final = 30
MAX_HEADLINE_CHARS: Final = 250
MIN_HEADLINE_LETTERS: Final = 3

RELATIVE_DATE_WARNING: Final = "relative-date-unresolved"
NO_HEADLINE_WARNING: Final = "no-headline"
NO_BODY_WARNING: Final = "no-body"

_MODIFIED_RE: Final = re.compile(
    r"^\s*(?:last\s+)?(?:updated|modified|aktualisiert|geändert|mis à jour|actualizado|"
    r"aggiornato|bijgewerkt|atualizado)\b",
    re.IGNORECASE,
)
_BY_INSIDE_RE: Final = re.compile(r"\b(?:by|von|par|por|door)\s+", re.IGNORECASE)
_ON_RE: Final = re.compile(r"\s+(?:on|am|le|el|il|op|at|um)\s+|\s*[,|·•]\s+", re.IGNORECASE)
_DIGIT_RE: Final = re.compile(r"\d")
_LETTERS_RE: Final = re.compile(r"[^\W\d_]")
_META_SPLIT_RE: Final = re.compile(r"\s+[|·•—–-]\s+|\s*\|\s*")
_CLOSERS: Final = "\"”’'»)"
_TERMINALS: Final = (".", "!", "…", ":")


class _Meta(NamedTuple):
    """What a head line says: dates (raw, modified?) and a byline."""

    dates: tuple[tuple[str, bool], ...]
    byline: Byline | None


class _Head(NamedTuple):
    headline: str | None
    subheadline: str | None
    body_start: int
    metas: dict[int, _Meta]
    headline_index: int = -1


def _read_meta(unit: str) -> _Meta | None:
    """The dates and byline of a head line, or None when it is neither."""
    if len(unit) > MAX_META_CHARS or unit.count(" ") >= MAX_META_WORDS:
        return None
    if is_date_line(unit):
        return _Meta(((unit, bool(_MODIFIED_RE.match(unit))),), None)
    byline = parse_byline(unit)
    if byline is not None:
        return _Meta((), byline)
    combined = _date_and_byline(unit)
    if combined is not None:
        return combined
    parts = [p for p in _META_SPLIT_RE.split(unit) if p]
    if len(parts) < 2 or not all(is_date_line(p) for p in parts):
        return None
    return _Meta(tuple((p, bool(_MODIFIED_RE.match(p))) for p in parts), None)


def _date_and_byline(unit: str) -> _Meta | None:
    """A date and a byline on one line.

    "Posted on 21 Sept 2020 by Jane Doe", "By Jane Doe on Oct 25, 2016",
    "Erstellt von Max Mustermann am 6. Mai 2014".
    """
    m = _BY_INSIDE_RE.search(unit)
    if m is None:
        return None
    before, after = unit[: m.start()].strip(" ,|·•-–—"), unit[m.start() :]
    dates: list[str] = []
    if before and is_date_line(before):
        dates.append(before)
    elif before and (before.count(" ") > 1 or _DIGIT_RE.search(before)):
        return None  # more than a label ("Posted", "Erstellt") before the byline
    for sep in _ON_RE.finditer(after):
        tail = after[sep.end() :]
        if is_date_line(tail):
            dates.append(tail)
            after = after[: sep.start()]
            break
    if not dates:
        return None
    byline = parse_byline(after)
    if byline is None:
        return None
    return _Meta(tuple((d, bool(_MODIFIED_RE.match(d))) for d in dates), byline)


def _is_standalone(line: str) -> bool:
    """A line never joined to its neighbours: a date, a byline, chrome."""
    if len(line) > MAX_META_CHARS:
        return False
    return is_date_line(line) or is_chrome(line) or parse_byline(line) is not None


def _is_prose(unit: str) -> bool:
    """A body-like unit: long, or a full sentence of several words."""
    words = unit.count(" ") + 1
    return words >= 20 or (words >= 6 and unit.rstrip(_CLOSERS).endswith(_TERMINALS))


def _is_title_like(unit: str) -> bool:
    """A line that could be a headline: short, not a label, with some letters in it."""
    words = unit.count(" ") + 1
    return (
        words <= MAX_HEADLINE_WORDS
        and len(unit) <= MAX_HEADLINE_CHARS
        and not unit.endswith(":")
        and len(_LETTERS_RE.findall(unit)) >= MIN_HEADLINE_LETTERS
    )


def _is_standfirst(unit: str, previous: str) -> bool:
    """Whether *unit* is a standfirst under the headline *previous*: clearly the longer of two."""
    words, previous_words = unit.count(" ") + 1, previous.count(" ") + 1
    return words >= STANDFIRST_MIN_WORDS and words > previous_words * STANDFIRST_RATIO


def _norm(unit: str) -> str:
    return unit.casefold().strip(" .")


def _body_start(units: list[str]) -> int | None:
    """Where the body starts: the first prose unit with more prose close after it.

    A lone prose line in the page chrome (a cookie notice, a site description) does
    not start the body; with no such pair the first prose unit does.
    """
    first: int | None = None
    for i, unit in enumerate(units):
        if not _is_prose(unit) or is_chrome(unit):
            continue
        if first is None:
            first = i
        if any(_is_prose(u) for u in units[i + 1 : i + 1 + PROSE_GAP]) or i + 1 == len(units):
            return i if i - first <= MAX_HEAD_UNITS else first
    return first


def _find_head(units: list[str]) -> _Head:
    """Headline, subheadline, head metas and where the body starts."""
    body_start = _body_start(units)
    top = max(0, body_start - HEAD_SCAN) if body_start is not None else 0
    metas: dict[int, _Meta] = {}
    for i in range(top, body_start if body_start is not None else min(len(units), HEAD_SCAN)):
        meta = _read_meta(units[i])
        if meta is not None:
            metas[i] = meta
    if body_start is None:
        body_start = max(metas) + 1 if metas else min(1, len(units))
    if body_start == 0 and len(units) > 1 and units[0].count(" ") < MAX_HEADLINE_WORDS // 2:
        body_start = 1  # a short first line over the body: the title line of an article file
    for i in range(body_start, min(len(units), body_start + META_AFTER_BODY_START)):
        if _is_prose(units[i]) and len(units[i]) > SHORT_META_CHARS:
            continue
        meta = _read_meta(units[i])
        if meta is not None:
            metas[i] = meta
    candidates = [
        i
        for i in range(top, body_start)
        if i not in metas and _is_title_like(units[i]) and not is_chrome(units[i])
    ]
    if not candidates:
        return _Head(None, None, body_start, metas)
    head_metas = [i for i in metas if i < body_start]
    standfirst = _standfirst_above_metas(units, body_start, metas) if not head_metas else None
    if standfirst is not None:
        # Headline, a one-sentence standfirst, then the date and byline: the body starts
        # after them, and the standfirst is the subheadline.
        after = body_start + 1
        while after in metas:
            after += 1
        headline_index = candidates[-1]
        return _Head(units[headline_index], standfirst, after, metas, headline_index)
    if not head_metas:
        # No date, no byline. An article file starts with its title and the body follows;
        # page text shows chrome before its headline, and the headline is the last title
        # line before the body.
        chrome_on_top = top > 0 or any(is_chrome(units[i]) for i in range(candidates[0]))
        index = candidates[-1] if chrome_on_top else candidates[0]
        return _Head(units[index], None, index + 1, metas, index)
    # The headline sits just above the first date or byline that has a title line above
    # it; a masthead date at the very top has none.
    first_meta = min((m for m in head_metas if m > candidates[0]), default=min(head_metas))
    before = [c for c in candidates if c < first_meta]
    if len(before) >= 2:
        byline = name_byline(units[before[-1]])
        if byline is not None:  # "Jane Doe" or "Jane Doe in Berlin" between headline and date
            metas[before.pop()] = _Meta((), byline)
    index = before[-1] if before else candidates[0]
    if len(before) >= 2 and _is_standfirst(units[before[-1]], units[before[-2]]):
        index = before[-2]
    headline = units[index]
    subheadline = next(
        (units[c] for c in candidates if c > index and _norm(units[c]) != _norm(headline)), None
    )
    return _Head(headline, subheadline, body_start, metas, index)


def _standfirst_above_metas(
    units: list[str], body_start: int, metas: dict[int, _Meta]
) -> str | None:
    """The standfirst when the first prose unit is one, with date or byline lines right below it."""
    if body_start + 1 not in metas or units[body_start].count(" ") >= MAX_STANDFIRST_WORDS:
        return None
    return units[body_start]


def _body(units: list[str], head: _Head) -> list[str]:
    """The article paragraphs: chrome, metas and a repeated headline left out."""
    headline = _norm(head.headline) if head.headline else None
    paragraphs: list[str] = []
    for i in range(head.body_start, len(units)):
        unit = units[i]
        if i in head.metas:
            continue
        if paragraphs and is_end_marker(unit):
            break
        if is_chrome(unit) or (
            headline is not None and len(unit) <= len(headline) + 2 and _norm(unit) == headline
        ):
            continue
        paragraphs.append(unit)
    return paragraphs


def _split_trailing_dates(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Date lines at the very end of the body ("Published: 25 Oct 2016"), taken out of it."""
    dates: list[str] = []
    while len(paragraphs) > 1 and len(dates) < META_AFTER_BODY_START:
        last = paragraphs[-1]
        if len(last) > SHORT_META_CHARS or not is_date_line(last):
            break
        dates.insert(0, paragraphs.pop())
    return paragraphs, dates


def _with_tail_dates(head: _Head, tail_dates: list[str], *, after: int) -> _Head:
    """*head* with the date lines that closed the body added as metas after every unit."""
    if not tail_dates:
        return head
    metas = dict(head.metas)
    for k, raw in enumerate(tail_dates):
        metas[after + k] = _Meta(((raw, bool(_MODIFIED_RE.match(raw))),), None)
    return head._replace(metas=metas)


class _Dates(NamedTuple):
    published: dt.datetime | None
    published_raw: str | None
    modified: dt.datetime | None
    modified_raw: str | None
    warnings: tuple[ParseWarning, ...]


def _read_dates(metas: dict[int, _Meta], after: int, options: ParseOptions) -> _Dates:
    """Published and modified dates from the metas, those below the headline (*after*) first.

    A date above the headline is more often the page's "today" than the article's date.
    """
    published_raw: str | None = None
    modified_raw: str | None = None
    for index in sorted(metas, key=lambda i: (i < after, i)):
        meta = metas[index]
        found = list(meta.dates)
        if meta.byline is not None and meta.byline.date_raw:
            found.append((meta.byline.date_raw, bool(_MODIFIED_RE.match(meta.byline.date_raw))))
        for raw, is_modified in found:
            if is_modified:
                modified_raw = modified_raw or raw
            else:
                published_raw = published_raw or raw
    warnings: list[ParseWarning] = []

    def resolve(raw: str | None, field: str) -> dt.datetime | None:
        if raw is None:
            return None
        value = parse_date(raw, default_timezone=options.default_timezone, now=options.now)
        if value is None and is_relative_date(raw):
            warnings.append(
                ParseWarning(
                    code=RELATIVE_DATE_WARNING,
                    message=f"{field} date {raw!r} is relative; set ParseOptions.now to resolve it",
                )
            )
        return value

    published = resolve(published_raw, "published")
    modified = resolve(modified_raw, "modified")
    return _Dates(published, published_raw, modified, modified_raw, tuple(warnings))


def _authors(metas: dict[int, _Meta]) -> tuple[tuple[Person, ...], str | None]:
    """Persons a1, a2... from the bylines, and the agency named there."""
    authors: list[Person] = []
    agency: str | None = None
    seen: set[str] = set()
    for index in sorted(metas):
        byline = metas[index].byline
        if byline is None:
            continue
        agency = agency or byline.agency
        for name in byline.names:
            if name.casefold() in seen:
                continue
            seen.add(name.casefold())
            role = byline.roles.get(name)
            authors.append(
                Person(
                    id=f"a{len(authors) + 1}",
                    name=name,
                    titles=(role,) if role else (),
                    affiliation=byline.agency,
                )
            )
    return tuple(authors), agency


def _language_sample(paragraphs: list[str]) -> str:
    """The first paragraphs, up to about as much text as language detection reads."""
    taken: list[str] = []
    size = 0
    for paragraph in paragraphs:
        taken.append(paragraph)
        size += len(paragraph)
        if size >= SAMPLE_CHARS:
            break
    return " ".join(taken)


def parse_text(
    text: str, *, url: str | None = None, options: ParseOptions = DEFAULT_OPTIONS
) -> Article:
    """Read copied page text or a plain article file into an :class:`Article`.

    Args:
        text: the text as copied or read from a file.
        url: where the text came from; it also makes the article id.
        options: see :class:`~newsmodel.options.ParseOptions`. ``language`` overrides
            detection, ``now`` resolves relative dates, ``analyze`` runs the analysis.

    Returns:
        The article. Recoverable problems are in ``warnings``.

    Raises:
        ParseError: the text is empty or whitespace only, or over the size limit; with
            ``options.strict``, also on the first warning.
    """
    check_size(len(text), options.max_input_chars, what="text")
    cleaned, hygiene = normalize_text(text)
    if not cleaned.strip():
        raise ParseError("the text is empty", source=url)
    units = split_units(cleaned, _is_standalone)
    head = _find_head(units)
    paragraphs = _body(units, head)
    paragraphs, tail_dates = _split_trailing_dates(paragraphs)
    head = _with_tail_dates(head, tail_dates, after=len(units))
    dateline = None
    publisher: str | None = None
    if paragraphs:
        cut = split_dateline(paragraphs[0])
        if cut is not None:
            dateline, publisher = cut.dateline, cut.agency
            paragraphs[0] = cut.rest
    dates = _read_dates(head.metas, head.headline_index, options)
    authors, agency = _authors(head.metas)
    publisher = agency or publisher
    warnings = [*hygiene, *dates.warnings]
    if head.headline is None:
        warnings.append(ParseWarning(code=NO_HEADLINE_WARNING, message="no headline found"))
    if not paragraphs:
        warnings.append(ParseWarning(code=NO_BODY_WARNING, message="no body paragraphs found"))
    if options.strict and warnings:
        msg = f"{warnings[0].code}: {warnings[0].message}"
        raise ParseError(msg, source=url)
    language = options.language or detect_language(_language_sample(paragraphs) or cleaned)
    sources = (
        ("headline", "text", head.headline is not None),
        ("published", "date-line", dates.published is not None),
        ("modified", "date-line", dates.modified is not None),
        ("authors", "byline", bool(authors)),
        ("publisher", "byline" if agency else "dateline", publisher is not None),
        ("dateline", "dateline", dateline is not None),
        ("language", "options" if options.language else "detected", language is not None),
    )
    body = tuple(paragraphs)
    found = analysis_of(body, headline=head.headline, dateline=dateline, options=options)
    return Article(
        id=article_id(url, head.headline, body),
        url=url,
        headline=head.headline,
        subheadline=head.subheadline,
        authors=authors,
        publisher=publisher,
        language=language,
        published=dates.published,
        published_raw=dates.published_raw,
        modified=dates.modified,
        modified_raw=dates.modified_raw,
        dateline=dateline,
        paragraphs=body,
        warnings=tuple(warnings),
        sources=tuple(FieldSource(field=f, source=src) for f, src, given in sources if given),
        persons=found.persons,
        organizations=found.organizations,
        places=found.places,
        statements=found.statements,
        quotes=found.quotes,
    )
