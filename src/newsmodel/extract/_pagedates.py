"""Publication and modification dates: structured values first, then the page's markup and URL.

Structured values (JSON-LD, ``<meta>``, ``<time datetime>``) are ISO 8601 and read
here; dates written for readers ("6. August 2009", "03/05/2022 21:44") go to
:func:`newsmodel._dates.parse_date`. A date keeps the offset its source gives;
dates in scripts, copyright lines and the future are ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Iterator
from functools import partial
from itertools import chain
from typing import Final

from lxml import etree
from lxml.html import HtmlElement

from newsmodel._dates import DATE_IN_TEXT, find_dates, parse_date
from newsmodel.extract._marks import Marks, inside

__all__ = [
    "MODIFIED_META",
    "PUBLISHED_META",
    "date_from_markup",
    "date_from_url",
    "date_in_title",
    "date_near_heading",
    "parse_any",
    "parse_iso",
    "plausible",
]

PUBLISHED_META: Final = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "itemprop:datepublished",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "pub_date",
    "publication_date",
    "publication-date",
    "date_published",
    "published_date",
    "published-date",
    "article.published",
    "article_date_original",
    "original-publish-date",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
    "cxenseparse:publishtime",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "dc:date",
    "citation_publication_date",
    "citation_date",
    "rnews:datepublished",
    "date",
    "itemprop:datecreated",
    "created",
    "creation_date",
)
"""``<meta>`` keys holding the publication date, most reliable first."""

MODIFIED_META: Final = (
    "article:modified_time",
    "og:updated_time",
    "article:modified",
    "itemprop:datemodified",
    "datemodified",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
    "lastmod",
)
"""``<meta>`` keys holding the modification date, most reliable first."""

_URL_DATE: Final = re.compile(
    r"(?<![\d])((?:19|20)\d{2})[/_.-](0?[1-9]|1[0-2])[/_.-](0?[1-9]|[12]\d|3[01])(?![\d])"
    r"|/((?:19|20)\d{2})(0[1-9]|1[0-2])([0-2]\d|3[01])(?:/|[_-]|$)"
)
_URL_DAY_FIRST: Final = re.compile(
    r"/(0?[1-9]|[12]\d|3[01])-(0?[1-9]|1[0-2])-((?:19|20)\d{2})(?:[/_.-]|$)"
)
"""A path segment that starts with a European day: ``/meldungen/29-10-2021``."""
_DATE_CLASS: Final = re.compile(
    r"date|Date|datum|Datum|publish|posted|time|meta|byline|info|submitted"
)
_PUBLISHED: Final = re.compile(r"published")
_DATE_PROP: Final = re.compile(r"^(?:datePublished|dateCreated)$|dc:date|dc:created")
_STRING: Final = etree.XPath("string()")
_UNSEEN_TEXT: Final = etree.XPath(
    "descendant::script/text()|descendant::style/text()", smart_strings=False
)
"""Text a reader does not see (a script's ``/* erstellt 07.08.11 */``), in document order."""
_TEXT_WINDOW: Final = 20_000
_CLOCK_AFTER: Final = re.compile(
    r"[ ,|·@/–—-]{0,4}(?:um |at |à |a las |alle )?[0-2]?\d[:.h][0-5]\d(?::[0-5]\d)?"
    r"(?: ?(?:Uhr|h|[aApP]\.? ?[mM]\.?))?(?: (?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}))?(?![\w:])"
)
"""A clock time right after a date ("28.04.2020 18:00 Uhr", "Nov 8, 2023 / 04:43 PM CST")."""
_LABEL_REACH: Final = 40
"""How far before a date its label may start."""
_COMMENTS: Final = re.compile(r"(?:^|\s)(?:comment|kommentar|related|sidebar|disqus)")
_LABELLED: Final = re.compile(
    r"(?i)(?:veröffentlicht|published|erschienen|publiziert|publié|publicado|pubblicato|gepubliceerd|posted|"
    r"eingestellt|erstellt|geschrieben|datum|date|stand|mise? en ligne)(?:\s+(?:am|on|le|el|il|op|vom))?\s*:?\s*$"
)
"""A label that says the date after it is the publication date ("Veröffentlicht am")."""
_LABELLED_UPDATE: Final = re.compile(
    r"(?i)(?:last (?:edited|modified|updated|changed)|aktualisiert|letzte änderung|zuletzt(?: geändert| aktualisiert)?"
    r"|mis à jour|actualizado|aggiornato|bijgewerkt)(?:\s+(?:am|on|le|el|il|op))?\s*:?\s*$"
)
"""An update date in words: the page's date when it shows no other ("last edited 2019-11-10")."""
_ISO_START: Final = re.compile(r"\d{4}-?\d{2}-?\d{2}")
_MAX_DATE_CHARS: Final = 80
_HAS_DAY: Final = re.compile(
    r"\d{1,2}\D+\d{1,2}\D+\d{2,4}|\d{1,2}\.?\s*(?:de\s+)?[^\W\d_]{3,}\.?,?\s+(?:del?\s+)?\d{2,4}|[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}年"
)
_MODIFIED_WORDS: Final = re.compile(
    r"(?i)updated|aktualisiert|geändert|modifi|mis à jour|actualizad|aggiornat|bijgewerkt|last edit"
)
_COPYRIGHT: Final = re.compile(r"(?i)©|&copy;|copyright|\(c\)")
_REGISTERED: Final = re.compile(
    r"(?i)(?:registriert|registered|joined|mitglied seit|member since|dabei seit|inscrit)"
    r"(?:\s+(?:am|on|le|seit))?\s*:?\s*$"
)
"""A label that says the date after it is when a member joined a forum, not the post's date."""
_HIDDEN_CLASSES: Final = frozenset(
    {
        "hidden",
        "is-hidden",
        "visually-hidden",
        "visuallyhidden",
        "sr-only",
        "screen-reader-text",
        "d-none",
        "rich-snippet-hidden",
    }
)
"""Class names (Bootstrap's, WordPress themes') of text kept for machines and screen
readers, not shown on the page. Drupal's ``field--label-hidden`` hides a label only."""
_MIDNIGHT_UTC_HOURS: Final = frozenset({22, 23})
"""UTC hours that are midnight in a zone one or two hours east (Central European time)."""
_EARLIEST: Final = dt.datetime(1995, 1, 1)
NEAR_AFTER: Final = 600
"""Characters of text after the headline where its byline date may start."""
NEAR_BEFORE: Final = 100
"""Characters of text before the headline where a kicker date may end."""
_SHORT_TEXT: Final = 100
"""A text node longer than this is prose, not a byline."""
_PROSE_WORDS: Final = 6
"""More words than this beside a date make its text a sentence."""
_WORD: Final = re.compile(r"[^\W\d_]{2,}")
_DATELINE: Final = 2
"""A date starting a paragraph ("(21. November 2022) Berlin ...") is its dateline."""
_MAX_TEXTS: Final = 120
"""Text nodes (blank ones included) read at most on each side of the headline."""
_NO_TEXT: Final = frozenset({"script", "style", "noscript", "template", "select", "button"})


_Reader = Callable[[str], dt.datetime | None]


def parse_any(
    raw: str, *, default_timezone: dt.tzinfo | None = None, month_first: bool = False
) -> dt.datetime | None:
    """A structured (ISO 8601) or written date, read by :func:`newsmodel._dates.parse_date`.

    Strings too long for a date, or without a day in them ("2021", "Oktober 2021"),
    give ``None`` before the parser is asked.
    """
    text = raw.strip()
    if len(text) > _MAX_DATE_CHARS or not (_ISO_START.match(text) or _HAS_DAY.search(text)):
        return None
    return parse_date(text, default_timezone=default_timezone, month_first=month_first)


def parse_iso(raw: str, *, default_timezone: dt.tzinfo | None = None) -> dt.datetime | None:
    """An ISO 8601 date or timestamp (the form structured data uses), keeping its offset.

    Anything else (a written date, a word) gives ``None``.
    """
    if not _ISO_START.match(raw.strip()):
        return None
    return parse_any(raw, default_timezone=default_timezone)


def local_midnight(value: dt.datetime) -> dt.datetime:
    """A UTC stamp on the hour at 22:00 or 23:00 as the local midnight it stands for.

    Content systems store a day picked in a calendar as its midnight in the site's
    zone, then write it in UTC: ``2022-11-06T23:00:00.000Z`` is 7 November in
    Central European time. The instant stays the same; only its offset changes, so
    the day is the one the publisher chose. Any other value is returned unchanged.
    The metadata cascade asks this only of pages that are not in English.
    """
    offset = value.utcoffset()
    if (
        offset is None
        or offset
        or value.hour not in _MIDNIGHT_UTC_HOURS
        or value.minute
        or value.second
        or value.microsecond
    ):
        return value
    return value.astimezone(dt.timezone(dt.timedelta(hours=24 - value.hour)))


def plausible(value: dt.datetime | None, now: dt.datetime) -> bool:
    """Not before 1995 and not in the future (a day of slack for zones)."""
    if value is None:
        return False
    naive = value.replace(tzinfo=None)
    return _EARLIEST <= naive <= now.replace(tzinfo=None) + dt.timedelta(days=1)


def date_from_url(url: str | None) -> dt.datetime | None:
    """The day a URL path spells (``/2019/10/21/``, ``/2019-10-21-``, ``/20191021/``)."""
    if not url:
        return None
    path = url.split("://", 1)[-1].partition("/")[2]
    match = _URL_DATE.search("/" + path)
    if match:
        groups = [g for g in match.groups() if g is not None]
    elif match := _URL_DAY_FIRST.search("/" + path.partition("?")[0]):
        groups = list(reversed(match.groups()))
    else:
        return None
    try:
        return dt.datetime(int(groups[0]), int(groups[1]), int(groups[2]))
    except ValueError:
        return None


def date_in_title(
    title: str | None, *, now: dt.datetime, month_first: bool = False
) -> tuple[dt.datetime, str, str] | None:
    """The date a page's ``<title>`` names ("... - Información - 11/05/2022 - Diario")."""
    match = DATE_IN_TEXT.search(title) if title else None
    if match is None:
        return None
    return _found(parse_any(match.group(0), month_first=month_first), match.group(0), "title", now)


def _time_rank(el: HtmlElement) -> int:
    marks = f"{el.get('class') or ''} {el.get('itemprop') or ''}"
    if el.get("pubdate") is not None or "publish" in marks.lower() or "datePublished" in marks:
        return 0
    return 2 if _MODIFIED_WORDS.search(marks) else 1


def _in_comments(el: HtmlElement, stop: Collection[HtmlElement]) -> bool:
    for node in (el, *el.iterancestors()):
        if node in stop:
            return False
        if node.tag in {"footer", "aside", "nav"} and node.get("class") is None:
            return True
        marks = f"{node.get('class') or ''} {node.get('id') or ''}"
        if len(marks) > 1 and _COMMENTS.search(marks.lower()):
            return True
    return False


def _found(
    value: dt.datetime | None, raw: str, source: str, now: dt.datetime
) -> tuple[dt.datetime, str, str] | None:
    return (value, raw, source) if value is not None and plausible(value, now) else None


def _scope_first(elements: list[HtmlElement], scopes: list[HtmlElement]) -> list[HtmlElement]:
    if len(scopes) < 2:
        return elements
    within = [el for el in elements if inside(el, scopes[0])]
    taken = set(within)
    return within + [el for el in elements if el not in taken]


def _with_clock(text: str, match: re.Match[str]) -> str:
    """The date *match* found in *text*, with the clock time (and zone) written right after it."""
    clock = _CLOCK_AFTER.match(text, match.end())
    return match.group(0) + clock.group(0) if clock else match.group(0)


def _labelled(
    text: str,
    dates: list[re.Match[str]],
    label: re.Pattern[str],
    read: _Reader,
    now: dt.datetime,
) -> tuple[dt.datetime, str, str] | None:
    """The first of *dates* (found in *text*) right after a *label*."""
    for match in dates:
        if label.search(text, max(0, match.start() - _LABEL_REACH), match.start()):
            raw = _with_clock(text, match)
            if found := _found(read(raw), raw, "text", now):
                return found
    return None


def date_from_markup(
    times: list[HtmlElement],
    scopes: list[HtmlElement],
    stop: Collection[HtmlElement],
    marks: Callable[[], Marks],
    *,
    now: dt.datetime,
    default_timezone: dt.tzinfo | None,
    month_first: bool = False,
    prose: bool = True,
) -> tuple[dt.datetime, str, str] | None:
    """The first publication date the page shows, with its raw text and source name.

    In order: microdata and hAtom (``itemprop="datePublished"``, ``abbr.published``),
    ``<time>`` elements, date-classed elements, then (unless *prose* is false) a
    labelled date in the text ("Veröffentlicht am 16.08.2019", "Published on ..."),
    a labelled update date, the first date in the article's text, and last a date
    stamped in a copyright line ("© 19.12.2019 - 12:14 h"). *scopes* are searched
    in order (the article's container, then the body); comment sections and scripts
    are skipped.
    """
    read = partial(parse_any, default_timezone=default_timezone, month_first=month_first)
    marked = marks().find(("itemprop", "property"), _DATE_PROP) + [
        el for el in marks().find(("class",), _PUBLISHED) if el.tag == "abbr"
    ]
    for el in _scope_first(marked, scopes):
        if not _in_comments(el, stop):
            raw = (
                el.get("datetime") or el.get("content") or el.get("title") or el.text_content()
            ).strip()
            if found := _found(read(raw), raw, "microdata", now):
                return found
    for el in sorted((el for el in times if not _in_comments(el, stop)), key=_time_rank):
        raw = (el.get("datetime") or el.get("content") or el.text_content()).strip()
        source = "microdata" if _time_rank(el) == 0 else "time"  # hAtom's published, pubdate
        if raw and (found := _found(read(raw), raw, source, now)):
            return found
    for el in _scope_first(marks().find(("class", "id", "itemprop"), _DATE_CLASS), scopes):
        if not _in_comments(el, stop):
            text = " ".join(el.text_content().split())
            if (
                not text
                or len(text) > 250
                or _COPYRIGHT.search(text)
                or _MODIFIED_WORDS.search(text[:40])
            ):
                continue
            match = DATE_IN_TEXT.search(text)
            if match is None and len(el):  # "<span>Apr</span> <span>04</span><span>2013</span>"
                text = " ".join(" ".join(el.itertext()).split())
                match = DATE_IN_TEXT.search(text)
            if match and (found := _found(read(match.group(0)), match.group(0), "text", now)):
                return found
    return _date_from_text(scopes, read, now) if prose else None


def _visible_text(scope: HtmlElement) -> str:
    """The first :data:`_TEXT_WINDOW` characters of what *scope* shows, spaces collapsed."""
    text = str(_STRING(scope))
    chunks: list[str] = []
    size = start = 0
    for unseen in _UNSEEN_TEXT(scope):  # cut out of the whole text, in order
        at = text.find(unseen, start) if unseen.strip() else -1
        if at >= 0:
            chunks.append(text[start:at])
            size += at - start
            start = at + len(unseen)
            if size >= _TEXT_WINDOW:
                break
    else:
        chunks.append(text[start : start + _TEXT_WINDOW])
    return " ".join("".join(chunks)[:_TEXT_WINDOW].split())


def _date_from_text(
    scopes: list[HtmlElement], read: _Reader, now: dt.datetime
) -> tuple[dt.datetime, str, str] | None:
    """A labelled date, an update date, the first date, then a copyright stamp."""
    texts: list[tuple[str, list[re.Match[str]]]] = []
    for scope in scopes:  # the body's text is only read when the article's has no label
        text = _visible_text(scope)
        texts.append((text, find_dates(text)))
        if found := _labelled(*texts[-1], _LABELLED, read, now):
            return found
    for text, dates in texts:  # a page that shows only when it was last changed
        if found := _labelled(text, dates, _LABELLED_UPDATE, read, now):
            return found
    if texts:  # the first date written in the article's own container
        text, dates = texts[0]
        for match in dates:
            before = text[max(0, match.start() - 12) : match.start()]
            if (
                _COPYRIGHT.search(before)
                or _MODIFIED_WORDS.search(before)
                or _REGISTERED.search(text, max(0, match.start() - _LABEL_REACH), match.start())
            ):
                continue
            raw = _with_clock(text, match)
            if found := _found(read(raw), raw, "text", now):
                return found
    for text, dates in texts:  # a page stamped only in its footer: "© 19.12.2019 - 12:14 h"
        for match in dates:
            if _COPYRIGHT.search(text, max(0, match.start() - 12), match.start()):
                raw = _with_clock(text, match)
                if found := _found(read(raw), raw, "text", now):
                    return found
    return None


def _hidden(el: HtmlElement) -> bool:
    """Whether *el* is kept from readers (``hidden``, ``display:none``, a hidden class)."""
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    if style and "none" in style and "display" in style:
        return True
    marks = el.get("class")
    if not marks or not any(part in marks for part in ("hidden", "only", "none", "screen")):
        return False
    return any(token in _HIDDEN_CLASSES for token in marks.lower().split())


def _subtree(el: HtmlElement) -> Iterator[tuple[str, bool]]:
    """The texts of *el* and its tail in document order, each with whether it is a link's.

    Scripts, styles and form controls give no text.
    """
    tag = el.tag
    if isinstance(tag, str) and tag not in _NO_TEXT and not _hidden(el):
        if el.text:
            yield el.text, tag == "a"
        for child in el:
            yield from _subtree(child)
    if el.tail:
        yield el.tail, False


def _subtree_reversed(el: HtmlElement) -> Iterator[str]:
    """The texts of *el* and its tail, last first."""
    if el.tail:
        yield el.tail
    tag = el.tag
    if isinstance(tag, str) and tag not in _NO_TEXT:
        for child in reversed(el):
            yield from _subtree_reversed(child)
        if el.text:
            yield el.text


def _texts_after(heading: HtmlElement, limit: int) -> Iterator[tuple[int, str]]:
    """The texts that follow *heading* with their offset from it, until *limit* characters.

    Link texts (a breadcrumb or a menu between headline and byline) add nothing to the offset.
    """
    offset = 0
    budget = _MAX_TEXTS
    node: HtmlElement | None = heading
    while node is not None:
        following = (
            _subtree(sibling) for sibling in node.itersiblings() if sibling.tag not in _NO_TEXT
        )
        for text, link in chain([(node.tail or "", False)], chain.from_iterable(following)):
            budget -= 1
            if budget < 0:
                return
            clean = " ".join(text.split())
            if clean:
                yield offset, clean
                if not link:
                    offset += len(clean) + 1
                    if offset > limit:
                        return
        node = node.getparent()


def _texts_before(heading: HtmlElement, limit: int) -> Iterator[tuple[int, str]]:
    """The texts that precede *heading*, nearest first, with their distance to it."""
    distance = 0
    budget = _MAX_TEXTS
    node: HtmlElement | None = heading
    while node is not None:
        parent = node.getparent()
        preceding = chain.from_iterable(
            _subtree_reversed(sibling) for sibling in node.itersiblings(preceding=True)
        )
        lead = [parent.text] if parent is not None and parent.text else []
        for text in chain(preceding, lead):
            budget -= 1
            if budget < 0:
                return
            clean = " ".join(text.split())
            if clean:
                yield distance, clean
                distance += len(clean) + 1
                if distance > limit:
                    return
        node = parent


def _is_prose(text: str, match: re.Match[str]) -> bool:
    """Whether the text around a date is a sentence rather than a byline or a label."""
    if len(text) > _SHORT_TEXT:
        return True
    rest = f"{text[: match.start()]} {text[match.end() :]}"
    return len(_WORD.findall(rest)) > _PROSE_WORDS


def _first_after(
    heading: HtmlElement, now: dt.datetime, read: _Reader
) -> tuple[int, tuple[dt.datetime, str, str]] | None:
    previous = ""
    for offset, text in _texts_after(heading, NEAR_AFTER):
        for match in DATE_IN_TEXT.finditer(text):
            if offset + match.start() > NEAR_AFTER:
                return None
            if match.start() > _DATELINE and _is_prose(text, match):
                break  # a date inside prose is an event's date; a dateline starts it
            if _COPYRIGHT.search(text[: match.start()]) or _REGISTERED.search(
                f"{previous[-_LABEL_REACH:]} {text[: match.start()]}"
            ):
                continue
            raw = _with_clock(text, match)
            if found := _found(read(raw), raw, "text", now):
                return offset + match.start(), found
        previous = text
    return None


def _last_before(
    heading: HtmlElement, now: dt.datetime, read: _Reader
) -> tuple[int, tuple[dt.datetime, str, str]] | None:
    for distance, text in _texts_before(heading, NEAR_BEFORE):
        if len(text) > _SHORT_TEXT:
            continue
        for match in reversed(list(DATE_IN_TEXT.finditer(text))):
            gap = distance + len(text) - match.end()
            if gap > NEAR_BEFORE:
                return None
            raw = _with_clock(text, match)
            if found := _found(read(raw), raw, "text", now):
                return gap, found
    return None


def date_near_heading(
    heading: HtmlElement | None,
    *,
    now: dt.datetime,
    default_timezone: dt.tzinfo | None,
    month_first: bool = False,
) -> tuple[dt.datetime, str, str] | None:
    """The date a reader sees with the headline: the byline's, or a kicker's just above it.

    The nearer of the first date starting within :data:`NEAR_AFTER` characters of
    text after the headline and the last one ending within :data:`NEAR_BEFORE`
    characters before it. Dates inside prose (a long text that does not start with
    the date) and copyright dates do not count. Whether the byline calls it
    published or updated, it is the date the page shows.
    """
    if heading is None:
        return None
    read = partial(parse_any, default_timezone=default_timezone, month_first=month_first)
    after = _first_after(heading, now, read)
    if after is not None and after[0] == 0:
        return after[1]
    before = _last_before(heading, now, read)
    if after is None or (before is not None and before[0] < after[0]):
        return before[1] if before else None
    return after[1]
