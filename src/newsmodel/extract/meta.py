"""Page metadata: headline, authors, dates, and the rest, from every source a page offers.

The cascade tries the most reliable source first (JSON-LD, then OpenGraph and
``article:*``, Twitter cards, ``<meta>``, microdata, ``<time>``, the page's own
markup) and records in :attr:`Metadata.sources` which source gave each field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import partial
from typing import Any, Final
from urllib.parse import urljoin

import attrs
from lxml.html import HtmlElement

from newsmodel._dates import slash_month_first
from newsmodel.extract._authorship import choose_authors
from newsmodel.extract._bylines import article_scope, heading_ancestors
from newsmodel.extract._headline import (
    choose_headline,
    site_keys,
    site_title_keys,
    titled_elements,
)
from newsmodel.extract._jsonld import LdArticle, first_text, ld_names, read_json_ld
from newsmodel.extract._marks import Marks, read_marks
from newsmodel.extract._metatags import PageTags, read_tags, source_name
from newsmodel.extract._pagedates import (
    MODIFIED_META,
    PUBLISHED_META,
    date_from_markup,
    date_from_url,
    date_in_title,
    date_near_heading,
    local_midnight,
    parse_any,
    plausible,
)
from newsmodel.model import FieldSource, ParseWarning, Person
from newsmodel.options import ParseOptions

__all__ = ["Metadata", "extract_metadata", "normalize_language"]


@attrs.frozen(kw_only=True)
class Metadata:
    """What the page says about the article, before the body is read."""

    url: str | None = None
    headline: str | None = None
    subheadline: str | None = None
    description: str | None = None
    authors: tuple[Person, ...] = ()
    publisher: str | None = None
    section: str | None = None
    keywords: tuple[str, ...] = ()
    language: str | None = None
    published: dt.datetime | None = None
    published_raw: str | None = None
    modified: dt.datetime | None = None
    modified_raw: str | None = None
    image_url: str | None = None
    image_caption: str | None = None
    sources: tuple[FieldSource, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()

    def source_of(self, field: str) -> str | None:
        """Which source gave *field*, if any."""
        return next((s.source for s in self.sources if s.field == field), None)


_TITLE_META: Final = (
    "og:title",
    "twitter:title",
    "dc.title",
    "dcterms.title",
    "parsely-title",
    "sailthru.title",
    "title",
    "itemprop:headline",
    "headline",
)
_DESCRIPTION_META: Final = (
    "og:description",
    "description",
    "twitter:description",
    "dc.description",
    "dcterms.description",
)
_SITE_META: Final = (
    "og:site_name",
    "application-name",
    "publisher",
    "dc.publisher",
    "dcterms.publisher",
    "twitter:site",
    "apple-mobile-web-app-title",
)
_SECTION_META: Final = (
    "article:section",
    "section",
    "parsely-section",
    "sailthru.section",
    "itemprop:articlesection",
    "category",
    "news_section",
)
_KEYWORD_META: Final = ("news_keywords", "keywords", "parsely-tags", "sailthru.tags", "dc.subject")
_LANGUAGE_META: Final = (
    "content-language",
    "language",
    "dc.language",
    "dcterms.language",
    "itemprop:inlanguage",
    "og:locale",
)
_IMAGE_META: Final = (
    "og:image:secure_url",
    "og:image",
    "og:image:url",
    "twitter:image",
    "twitter:image:src",
    "itemprop:image",
)
_CAPTION_META: Final = ("og:image:alt", "twitter:image:alt")
_LANGUAGE: Final = re.compile(
    r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{4}))?(?:[-_]([a-zA-Z]{2}|\d{3}))?(?:[-_.].*)?$"
)
_KEYWORD_SPLIT: Final = re.compile(r"\s*[,;]\s*")


def normalize_language(raw: str | None) -> str | None:
    """A BCP 47 tag (``"de"``, ``"en-GB"``, ``"zh-Hant-TW"``) from an HTML or locale value.

    >>> normalize_language("en_gb")
    'en-GB'
    """
    if not raw:
        return None
    match = _LANGUAGE.match(raw.strip().split(",", 1)[0].strip())
    if not match:
        return None
    lang, script, region = match.groups()
    tag = lang.lower()
    if script:
        tag += "-" + script.title()
    if region:
        tag += "-" + region.upper()
    return tag


def _absolute(value: str | None, base: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if value.startswith("//"):
        return "https:" + value
    if base and not value.startswith(("http://", "https://")):
        return urljoin(base, value)
    return value if value.startswith(("http://", "https://")) else None


def _near_utc_midnight(value: dt.datetime) -> bool:
    """A UTC timestamp whose day may differ from the day in the publisher's zone."""
    offset = value.utcoffset()
    if offset is None:  # a naive server stamp late in the evening
        return value.hour >= 22 and bool(value.minute or value.second)
    return not offset and (value.hour >= 17 or value.hour < 7)


_WEAK_DATE_SOURCES: Final = frozenset({"text", "url", "meta", "dublin-core", "og", "time"})
"""Sources of a publication date that the date shown with the headline overrides."""


_META_DATE_SOURCES: Final = frozenset({"meta", "dublin-core", "og", "url"})
"""Weak sources of a publication date that are not read from the page's text."""

_Found = tuple[dt.datetime, str, str]


def _days_of(value: dt.datetime) -> tuple[dt.date, ...]:
    """The day of *value*, and for a local midnight east of UTC the UTC day before.

    A page that renders a chosen day's midnight in UTC shows the day before (see
    :func:`newsmodel.extract._pagedates.local_midnight`).
    """
    offset = value.utcoffset()
    if offset and offset > dt.timedelta(0) and value.time() == dt.time():
        return value.date(), value.date() - dt.timedelta(days=1)
    return (value.date(),)


def _shown_date(
    published: _Found | None,
    near: _Found,
    structured: list[_Found],
    days: set[dt.date],
    modified: _Found | None,
) -> _Found | None:
    """The publication date, given the date *near* the headline that readers see.

    It decides between structured values that disagree (a structured value of its
    day wins, published or modified), and beats weak sources (prose, the URL,
    ``<meta name="date">``, Dublin Core, OpenGraph), and a structured date it
    falls between with the page's modification date (the page shows when it was
    republished).
    """
    day = near[0].date()
    if published is not None and day in _days_of(published[0]):
        return published
    same = next((c for c in structured if c[0].date() == day), None)
    if same is not None:
        return same
    if published is None or published[2] in _WEAK_DATE_SOURCES or day in days:
        return near
    if modified is not None and published[0].date() < day < modified[0].date():
        return near
    return published


class _Reader:
    """Structured date values (source, raw) read into (value, raw, source), the plausible
    ones. (A class, not a closure: compiled by mypyc, closures form reference cycles.)"""

    def __init__(
        self,
        *,
        now: dt.datetime,
        default_timezone: dt.tzinfo | None,
        month_first: bool,
        shifts: bool,
    ) -> None:
        self.now = now
        self.default_timezone = default_timezone
        self.month_first = month_first
        self.shifts = shifts

    def values(self, pairs: list[tuple[str, str | None]]) -> list[_Found]:
        found: list[_Found] = []
        for source, raw in pairs:
            if raw:
                value = parse_any(
                    raw, default_timezone=self.default_timezone, month_first=self.month_first
                )
                if value is not None and plausible(value, self.now):
                    found.append(((local_midnight(value) if self.shifts else value), raw, source))
        return found


def _dates(
    ld: LdArticle | None,
    tags: PageTags,
    scopes: list[HtmlElement],
    heading: HtmlElement | None,
    marks: Callable[[], Marks],
    *,
    url: str | None,
    now: dt.datetime,
    default_timezone: dt.tzinfo | None,
) -> tuple[_Found | None, _Found | None]:
    """(value, raw, source) for the publication and the modification date."""
    language = normalize_language(tags.lang) or (
        normalize_language(ld.text("inLanguage")) if ld else None
    )
    month_first = slash_month_first(language)
    # A UTC stamp at 22:00 or 23:00 reads as a European site's local midnight only on
    # pages not in English: an English page (US sites above all) keeps its own offset.
    shifts = not language or not language.lower().startswith("en")

    ld_pub = ld.text("datePublished") if ld else None
    ld_created = ld.text("dateCreated", "uploadDate") if ld else None
    ld_mod = ld.text("dateModified") if ld else None
    published_pairs = (
        [("json-ld", ld_pub)]
        + [(source_name(k), v) for k in PUBLISHED_META for v in tags.all(k)[:1]]
        + [("json-ld", ld_created)]
    )
    modified_pairs = [("json-ld", ld_mod)] + [
        (source_name(k), v) for k in MODIFIED_META for v in tags.all(k)[:1]
    ]
    read = _Reader(
        now=now, default_timezone=default_timezone, month_first=month_first, shifts=shifts
    )
    structured = read.values(published_pairs)
    modified_values = read.values(modified_pairs)
    published = structured[0] if structured else None
    # The date the markup shows, asked for below at most once (a partial: a closure here
    # would make a reference cycle in the compiled build).
    from_markup = partial(
        date_from_markup,
        tags.times,
        scopes,
        heading_ancestors(heading),
        marks,
        now=now,
        default_timezone=default_timezone,
        month_first=month_first,
    )

    if published is not None and _near_utc_midnight(published[0]):
        shown = (
            date_near_heading(
                heading, now=now, default_timezone=default_timezone, month_first=month_first
            )
            or from_markup()
            or date_in_title(tags.title, now=now, month_first=month_first)
        )
        if shown is not None and abs((shown[0].date() - published[0].date()).days) == 1:
            # A UTC stamp near midnight: the day the page shows is the day in its own zone.
            published = shown
    if published is None:
        published = from_markup()
    url_day = date_from_url(url)
    if url_day is not None and not plausible(url_day, now):
        url_day = None
    if url_day is not None and (published is None or published[2] == "text"):
        published = url_day, url or "", "url"  # a URL's date beats one read from prose
    structured += modified_values
    days = {c[0].date() for c in structured} | ({url_day.date()} if url_day else set())
    if (
        published is None or published[2] in _WEAK_DATE_SOURCES or days - {published[0].date()}
    ):  # otherwise every structured value agrees: no shown date could change the result
        modified = modified_values[0] if modified_values else None
        near = date_near_heading(
            heading, now=now, default_timezone=default_timezone, month_first=month_first
        )
        if (
            near is None
            and heading is None
            and published is not None
            and published[2] in _META_DATE_SOURCES
        ):
            # no headline element: a date the markup shows beats a weak <meta> date
            near = date_from_markup(
                tags.times,
                scopes,
                (),
                marks,
                now=now,
                default_timezone=default_timezone,
                month_first=month_first,
                prose=False,
            )
        if near is not None:
            published = _shown_date(published, near, structured, days, modified)
    modified = modified_values[0] if modified_values else None
    return published, modified


def _keywords(ld: LdArticle | None, tags: PageTags) -> tuple[tuple[str, ...], str | None]:
    raw: Any = ld.node.get("keywords") if ld else None
    source = "json-ld"
    if not raw:
        found = tags.first(*_KEYWORD_META)
        raw, source = (
            (found[1], source_name(found[0])) if found else (tags.all("article:tag"), "og")
        )
    items = raw if isinstance(raw, list) else [raw] if isinstance(raw, str) else []
    out: list[str] = []
    for item in items:
        if isinstance(item, str):
            # A loop, not out.extend(generator): each keyword must see the ones before it
            # in the same item ("a, b, a"), which a compiled extend(generator) would not.
            for k in _KEYWORD_SPLIT.split(item.strip()):
                if k and k not in out and len(k) < 80:
                    out.append(k)
    return tuple(out), (source if out else None)


_WAYBACK: Final = re.compile(r"^https?://web\.archive\.org/web/[^/]+/(?=https?:|[\w.-]+\.\w+/?)")


def _original_url(url: str | None) -> str | None:
    """The archived page's own URL for a Wayback Machine address, else *url*."""
    if url and _WAYBACK.match(url):
        rest = _WAYBACK.sub("", url)
        return rest if rest.startswith("http") else "http://" + rest
    return url


def _put(
    values: dict[str, Any], sources: dict[str, str], field: str, value: Any, source: str | None
) -> None:
    if value and source:
        values[field] = value
        sources[field] = source


class _LazyMarks:
    """The page's marks, read on the first call only, if a finder asks for them.

    (A class, not a closure: compiled by mypyc, closures that call each other form a
    reference cycle that keeps the page's tree alive until the cyclic GC runs.)
    """

    def __init__(self, root: HtmlElement) -> None:
        self.root = root
        self.read: Marks | None = None

    def __call__(self) -> Marks:
        if self.read is None:
            self.read = read_marks(self.root)
        return self.read


def extract_metadata(root: HtmlElement, *, url: str | None, options: ParseOptions) -> Metadata:
    """Read the metadata of the page whose parsed tree is *root*. Does not change the tree."""
    now = options.now or dt.datetime.now(dt.timezone.utc)
    url = _original_url(url)
    tz = options.default_timezone
    tags = read_tags(root)
    ld, broken = read_json_ld(tags.json_ld, url=url)
    sources: dict[str, str] = {}
    values: dict[str, Any] = {}
    warnings: list[ParseWarning] = []
    if broken:
        warnings.append(
            ParseWarning(
                code="json-ld-unreadable", message=f"{broken} JSON-LD block(s) could not be read"
            )
        )

    canonical = _absolute(tags.links.get("canonical"), url)
    page_url = canonical or _absolute(tags.get("og:url"), url) or url
    _put(
        values,
        sources,
        "url",
        page_url,
        "link" if canonical else "og" if page_url != url else "input",
    )

    ld_publisher = ld_names(ld.node.get("publisher"), ld, people_only=False) if ld else []
    site = tags.first(*_SITE_META)
    if ld_publisher:
        _put(values, sources, "publisher", ld_publisher[0], "json-ld")
    elif site:
        _put(values, sources, "publisher", site[1].lstrip("@"), source_name(site[0]))

    candidates: list[tuple[str, str]] = []
    if ld:
        headline = ld.text("headline", "name")
        if headline:
            candidates.append(("json-ld", headline))
    candidates.extend((source_name(k), v) for k in _TITLE_META for v in tags.all(k)[:1])
    if tags.title:
        candidates.append(("title", tags.title))
    sites = site_keys(
        [
            values.get("publisher"),
            *(v for k in _SITE_META for v in tags.all(k)),
            *(ld.site_names if ld else ()),
            *tags.feeds,
        ],
        [url, page_url],
    )
    marks = _LazyMarks(root)

    chosen = choose_headline(
        candidates,
        tags.h1s,
        sites,
        lambda: titled_elements(marks()),
        lambda: site_title_keys(marks()),
    )
    heading = None
    if chosen:
        _put(values, sources, "headline", chosen[0], chosen[1])
        heading = chosen[2]

    names, author_source, agencies = choose_authors(
        ld, tags, root, heading=heading, sites=sites, marks=marks
    )
    if "publisher" not in values and agencies:
        _put(values, sources, "publisher", agencies[0], author_source)

    scope = article_scope(root, heading)
    body = root.find("body")
    scopes = [scope] if body is None or body is scope else [scope, body]
    published, modified = _dates(
        ld,
        tags,
        scopes,
        heading,
        marks,
        url=page_url if url is None else url,
        now=now,
        default_timezone=tz,
    )
    if published:
        _put(values, sources, "published", published[0], published[2])
        values["published_raw"] = published[1]
    if modified:
        _put(values, sources, "modified", modified[0], modified[2])
        values["modified_raw"] = modified[1]

    if ld and (sub := ld.text("alternativeHeadline")):
        _put(values, sources, "subheadline", sub, "json-ld")
    elif sub_meta := tags.first("itemprop:alternativeheadline"):
        _put(values, sources, "subheadline", sub_meta[1], "microdata")
    description = tags.first(*_DESCRIPTION_META)
    if description:
        _put(values, sources, "description", description[1], source_name(description[0]))
    elif ld and (ld_description := ld.text("description")):
        _put(values, sources, "description", ld_description, "json-ld")

    section = ld.text("articleSection") if ld else None
    if section:
        _put(values, sources, "section", section, "json-ld")
    elif found := tags.first(*_SECTION_META):
        _put(values, sources, "section", found[1], source_name(found[0]))

    keywords, keyword_source = _keywords(ld, tags)
    _put(values, sources, "keywords", keywords, keyword_source)

    language = normalize_language(tags.lang)
    if language:
        _put(values, sources, "language", language, "html-lang")
    else:
        in_language = normalize_language(ld.text("inLanguage")) if ld else None
        found = tags.first(*_LANGUAGE_META)
        if in_language:
            _put(values, sources, "language", in_language, "json-ld")
        elif found:
            _put(values, sources, "language", normalize_language(found[1]), source_name(found[0]))

    image: Any = ld.resolve(ld.node.get("image")) if ld else None
    if isinstance(image, list):
        image = ld.resolve(image[0]) if image and ld else None
    image_meta = tags.first(*_IMAGE_META)
    if image_meta:
        _put(
            values,
            sources,
            "image_url",
            _absolute(image_meta[1], page_url),
            source_name(image_meta[0]),
        )
    elif ld and (ld_image := first_text(image.get("url") if isinstance(image, dict) else image)):
        _put(values, sources, "image_url", _absolute(ld_image, page_url), "json-ld")
    caption = first_text(image.get("caption")) if isinstance(image, dict) else None
    if caption:
        _put(values, sources, "image_caption", caption, "json-ld")
    elif found := tags.first(*_CAPTION_META):
        _put(values, sources, "image_caption", found[1], source_name(found[0]))

    return Metadata(
        url=values.get("url"),
        headline=values.get("headline"),
        subheadline=values.get("subheadline"),
        description=values.get("description"),
        authors=tuple(Person(id=f"a{i}", name=name) for i, name in enumerate(names, 1)),
        publisher=values.get("publisher"),
        section=values.get("section"),
        keywords=values.get("keywords", ()),
        language=values.get("language"),
        published=values.get("published"),
        published_raw=values.get("published_raw"),
        modified=values.get("modified"),
        modified_raw=values.get("modified_raw"),
        image_url=values.get("image_url"),
        image_caption=values.get("image_caption"),
        sources=tuple(
            FieldSource(field=field, source=source)
            for field, source in [
                *sources.items(),
                *([("authors", author_source)] if names and author_source else []),
            ]
        ),
        warnings=tuple(warnings),
    )
