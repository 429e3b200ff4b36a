"""Page metadata: headline, authors, dates, and the rest, from every source a page offers.

The cascade tries the most reliable source first (JSON-LD, then OpenGraph and
``article:*``, Twitter cards, ``<meta>``, microdata, ``<time>``, the page's own
markup) and records in :attr:`Metadata.sources` which source gave each field.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final
from urllib.parse import urljoin

import attrs
from lxml import etree
from lxml.html import HtmlElement

from newsmodel.extract._bylines import article_scope, byline_candidates, heading_ancestors
from newsmodel.extract._headline import choose_headline, site_keys, titled_elements
from newsmodel.extract._jsonld import LdArticle, first_text, read_json_ld
from newsmodel.extract._metatags import PageTags, read_tags
from newsmodel.extract._pagedates import (
    MODIFIED_META,
    PUBLISHED_META,
    date_from_markup,
    date_from_url,
    parse_any,
    plausible,
)
from newsmodel.extract.authors import is_agency, split_authors
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


_TITLE_META: Final = ("og:title", "twitter:title", "dc.title", "dcterms.title", "parsely-title", "sailthru.title", "title", "itemprop:headline", "headline")
_AUTHOR_META: Final = (
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "dc.creator.name",
    "parsely-author",
    "sailthru.author",
    "byl",
    "citation_author",
    "itemprop:author",
    "article.author",
    "authors",
    "og:article:author",
)
_DESCRIPTION_META: Final = ("og:description", "description", "twitter:description", "dc.description", "dcterms.description")
_SITE_META: Final = ("og:site_name", "application-name", "publisher", "dc.publisher", "dcterms.publisher", "twitter:site", "apple-mobile-web-app-title")
_SECTION_META: Final = ("article:section", "section", "parsely-section", "sailthru.section", "itemprop:articlesection", "category", "news_section")
_KEYWORD_META: Final = ("news_keywords", "keywords", "parsely-tags", "sailthru.tags", "dc.subject")
_LANGUAGE_META: Final = ("content-language", "language", "dc.language", "dcterms.language", "itemprop:inlanguage", "og:locale")
_IMAGE_META: Final = ("og:image:secure_url", "og:image", "og:image:url", "twitter:image", "twitter:image:src", "itemprop:image")
_CAPTION_META: Final = ("og:image:alt", "twitter:image:alt")
_LANGUAGE: Final = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{4}))?(?:[-_]([a-zA-Z]{2}|\d{3}))?(?:[-_.].*)?$")
_WRITTEN_BY: Final = re.compile(r"(?i)written by|verfasst von|geschrieben von|auteur|autor|author|écrit par|escrito por")
_BODY_TEXT: Final = etree.XPath("string(/html/body)")
_KEYWORD_SPLIT: Final = re.compile(r"\s*[,;]\s*")


def _source(key: str) -> str:
    """The source name recorded for a ``<meta>`` key."""
    for prefix, name in (
        ("og:", "og"),
        ("article:", "og"),
        ("twitter:", "twitter"),
        ("dc.", "dublin-core"),
        ("dcterms.", "dublin-core"),
        ("dc:", "dublin-core"),
        ("itemprop:", "microdata"),
        ("parsely-", "parsely"),
        ("sailthru.", "sailthru"),
    ):
        if key.startswith(prefix):
            return name
    return "meta"


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


def _ld_names(value: Any, ld: LdArticle, *, people_only: bool) -> list[str]:
    """Names in a JSON-LD ``author``/``publisher`` value of any shape."""
    value = ld.resolve(value)
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [name for item in value for name in _ld_names(item, ld, people_only=people_only)]
    if isinstance(value, dict):
        types = value.get("@type")
        type_names = {t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)}
        if people_only and type_names and "person" not in type_names:
            return []
        name = first_text(value.get("name"))
        if name is None:
            given = first_text(value.get("givenName"))
            family = first_text(value.get("familyName"))
            name = " ".join(n for n in (given, family) if n) or None
        return [name] if name else []
    return []


def _yoast_author(tags: PageTags) -> list[str]:
    """The ``twitter:dataN`` value whose ``twitter:labelN`` says "Written by" (Yoast SEO)."""
    for n in range(1, 5):
        label = tags.get(f"twitter:label{n}")
        if label and _WRITTEN_BY.search(label):
            return tags.all(f"twitter:data{n}")[:1]
    return []


def _authors(
    ld: LdArticle | None,
    tags: PageTags,
    root: HtmlElement,
    heading: HtmlElement | None,
    sites: frozenset[str],
) -> tuple[tuple[str, ...], str | None, list[str]]:
    """The people who wrote the article, the source used, and agencies met on the way.

    Names from JSON-LD and ``<meta>`` count only when the page shows them too, and
    a one-word name that is the site's own name is taken for the site.
    """
    agencies: list[str] = []
    shown: list[str] = []

    def visible(name: str) -> bool:
        if not shown:
            shown.append(" ".join(str(_BODY_TEXT(root)).split()).casefold())
        return name.casefold() in shown[0]

    def clean(raws: list[str], *, verify: bool) -> tuple[str, ...]:
        names: list[str] = []
        for raw in raws:
            if raw.startswith(("http://", "https://", "www.")):
                continue
            if is_agency(raw):
                agencies.append(raw.strip())
            for name in split_authors(raw):
                if name.casefold() in {x.casefold() for x in names}:
                    continue
                if " " not in name and site_keys([name], []) & sites:
                    continue
                if verify and not visible(name):
                    continue
                names.append(name)
        return tuple(names)

    if ld is not None:
        names = clean(_ld_names(ld.node.get("author"), ld, people_only=True), verify=True)
        if names:
            return names, "json-ld", agencies
    for key in _AUTHOR_META:
        names = clean(tags.all(key), verify=True)
        if names:
            return names, _source(key), agencies
    names = clean(_yoast_author(tags), verify=True)
    if names:
        return names, "twitter", agencies
    for source, raws in byline_candidates(root, heading):
        names = clean(raws, verify=False)
        if names:
            return names, source, agencies
    return (), None, agencies


def _near_utc_midnight(value: dt.datetime) -> bool:
    """A UTC timestamp whose day may differ from the day in the publisher's zone."""
    offset = value.utcoffset()
    return offset is not None and not offset and (value.hour >= 17 or value.hour < 7)


def _dates(
    ld: LdArticle | None,
    tags: PageTags,
    scopes: list[HtmlElement],
    stop: frozenset[HtmlElement],
    *,
    url: str | None,
    now: dt.datetime,
    default_timezone: dt.tzinfo | None,
) -> tuple[tuple[dt.datetime, str, str] | None, tuple[dt.datetime, str, str] | None]:
    """(value, raw, source) for the publication and the modification date."""

    def first(pairs: list[tuple[str, str | None]]) -> tuple[dt.datetime, str, str] | None:
        for source, raw in pairs:
            if not raw:
                continue
            value = parse_any(raw, default_timezone=default_timezone)
            if plausible(value, now):
                assert value is not None
                return value, raw, source
        return None

    ld_pub = ld.text("datePublished") if ld else None
    ld_created = ld.text("dateCreated", "uploadDate") if ld else None
    ld_mod = ld.text("dateModified") if ld else None
    published = first(
        [("json-ld", ld_pub)]
        + [(_source(k), v) for k in PUBLISHED_META for v in tags.all(k)[:1]]
        + [("json-ld", ld_created)]
    )
    if published is None or _near_utc_midnight(published[0]):
        shown = date_from_markup(tags.times, scopes, stop, now=now, default_timezone=default_timezone)
        if published is None:
            published = shown
        elif shown is not None and abs((shown[0].date() - published[0].date()).days) == 1:
            # A UTC stamp near midnight: the day the page shows is the day in its own zone.
            published = shown
    if published is None or published[2] == "text":  # a URL's date beats one read from prose
        day = date_from_url(url)
        if day is not None and plausible(day, now):
            published = day, url or "", "url"
    modified = first([("json-ld", ld_mod)] + [(_source(k), v) for k in MODIFIED_META for v in tags.all(k)[:1]])
    return published, modified


def _keywords(ld: LdArticle | None, tags: PageTags) -> tuple[tuple[str, ...], str | None]:
    raw: Any = ld.node.get("keywords") if ld else None
    source = "json-ld"
    if not raw:
        found = tags.first(*_KEYWORD_META)
        raw, source = (found[1], _source(found[0])) if found else (tags.all("article:tag"), "og")
    items = raw if isinstance(raw, list) else [raw] if isinstance(raw, str) else []
    out: list[str] = []
    for item in items:
        if isinstance(item, str):
            out.extend(k for k in _KEYWORD_SPLIT.split(item.strip()) if k and k not in out and len(k) < 80)
    return tuple(out), (source if out else None)


_WAYBACK: Final = re.compile(r"^https?://web\.archive\.org/web/[^/]+/(?=https?:|[\w.-]+\.\w+/?)")


def _original_url(url: str | None) -> str | None:
    """The archived page's own URL for a Wayback Machine address, else *url*."""
    if url and _WAYBACK.match(url):
        rest = _WAYBACK.sub("", url)
        return rest if rest.startswith("http") else "http://" + rest
    return url


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
        warnings.append(ParseWarning(code="json-ld-unreadable", message=f"{broken} JSON-LD block(s) could not be read"))

    def put(field: str, value: Any, source: str | None) -> None:
        if value and source:
            values[field] = value
            sources[field] = source

    canonical = _absolute(tags.links.get("canonical"), url)
    page_url = canonical or _absolute(tags.get("og:url"), url) or url
    put("url", page_url, "link" if canonical else "og" if page_url != url else "input")

    ld_publisher = _ld_names(ld.node.get("publisher"), ld, people_only=False) if ld else []
    site = tags.first(*_SITE_META)
    if ld_publisher:
        put("publisher", ld_publisher[0], "json-ld")
    elif site:
        put("publisher", site[1].lstrip("@"), _source(site[0]))

    candidates: list[tuple[str, str]] = []
    if ld:
        headline = ld.text("headline", "name")
        if headline:
            candidates.append(("json-ld", headline))
    candidates.extend((_source(k), v) for k in _TITLE_META for v in tags.all(k)[:1])
    if tags.title:
        candidates.append(("title", tags.title))
    sites = site_keys(
        [values.get("publisher"), *(v for k in _SITE_META for v in tags.all(k)), *(ld.site_names if ld else ())],
        [url, page_url],
    )
    chosen = choose_headline(candidates, tags.h1s, sites, lambda: titled_elements(root))
    heading = None
    if chosen:
        put("headline", chosen[0], chosen[1])
        heading = chosen[2]

    names, author_source, agencies = _authors(ld, tags, root, heading, sites)
    if "publisher" not in values and agencies:
        put("publisher", agencies[0], author_source)

    scope = article_scope(root, heading)
    body = root.find("body")
    scopes = [scope] if body is None or body is scope else [scope, body]
    published, modified = _dates(ld, tags, scopes, heading_ancestors(heading), url=page_url if url is None else url, now=now, default_timezone=tz)
    if published:
        put("published", published[0], published[2])
        values["published_raw"] = published[1]
    if modified:
        put("modified", modified[0], modified[2])
        values["modified_raw"] = modified[1]

    if ld and (sub := ld.text("alternativeHeadline")):
        put("subheadline", sub, "json-ld")
    elif sub_meta := tags.first("itemprop:alternativeheadline"):
        put("subheadline", sub_meta[1], "microdata")
    description = tags.first(*_DESCRIPTION_META)
    if description:
        put("description", description[1], _source(description[0]))
    elif ld and (ld_description := ld.text("description")):
        put("description", ld_description, "json-ld")

    section = ld.text("articleSection") if ld else None
    if section:
        put("section", section, "json-ld")
    elif found := tags.first(*_SECTION_META):
        put("section", found[1], _source(found[0]))

    keywords, keyword_source = _keywords(ld, tags)
    put("keywords", keywords, keyword_source)

    language = normalize_language(tags.lang)
    if language:
        put("language", language, "html-lang")
    else:
        in_language = normalize_language(ld.text("inLanguage")) if ld else None
        found = tags.first(*_LANGUAGE_META)
        if in_language:
            put("language", in_language, "json-ld")
        elif found:
            put("language", normalize_language(found[1]), _source(found[0]))

    image: Any = ld.resolve(ld.node.get("image")) if ld else None
    if isinstance(image, list):
        image = ld.resolve(image[0]) if image and ld else None
    image_meta = tags.first(*_IMAGE_META)
    if image_meta:
        put("image_url", _absolute(image_meta[1], page_url), _source(image_meta[0]))
    elif ld and (ld_image := first_text(image.get("url") if isinstance(image, dict) else image)):
        put("image_url", _absolute(ld_image, page_url), "json-ld")
    caption = first_text(image.get("caption")) if isinstance(image, dict) else None
    if caption:
        put("image_caption", caption, "json-ld")
    elif found := tags.first(*_CAPTION_META):
        put("image_caption", found[1], _source(found[0]))

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
            for field, source in [*sources.items(), *([("authors", author_source)] if names and author_source else [])]
        ),
        warnings=tuple(warnings),
    )
