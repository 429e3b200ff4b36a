"""Page metadata: the cascade on hand-made pages, its parts, and golden real pages."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from pathlib import Path
from typing import Any

import lxml.html
import pytest

import newsmodel
from newsmodel.extract._headline import site_keys, strip_site_name
from newsmodel.extract._jsonld import first_text, load_json
from newsmodel.extract._pagedates import date_from_url, parse_any, parse_iso
from newsmodel.extract.authors import desk_credit, is_agency, is_organization, split_authors
from newsmodel.extract.meta import Metadata, extract_metadata, normalize_language
from newsmodel.options import ParseOptions
from tests.conftest import shared_path

DATA = Path(__file__).parent / "data"
CASES = sorted(p.stem for p in (DATA / "html" / "meta").glob("*.html"))
GOLDEN = sorted(p.stem for p in (DATA / "golden" / "meta").glob("*.json"))
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
OPTIONS = ParseOptions(now=NOW)
_URL_LINE = re.compile(r"^<!-- url: (\S+) -->")


def _read_case(name: str) -> tuple[str, str, dict[str, Any]]:
    html = (DATA / "html" / "meta" / f"{name}.html").read_text(encoding="utf-8")
    match = _URL_LINE.match(html)
    assert match, f"{name}.html must start with a url comment"
    expected = json.loads((DATA / "html" / "meta" / f"{name}.json").read_text(encoding="utf-8"))
    return html, match.group(1), expected


def summary(meta: Metadata) -> dict[str, Any]:
    """The comparable fields of *meta* as JSON-like values."""
    return {
        "url": meta.url,
        "headline": meta.headline,
        "subheadline": meta.subheadline,
        "description": meta.description,
        "authors": [person.name for person in meta.authors],
        "publisher": meta.publisher,
        "section": meta.section,
        "keywords": list(meta.keywords),
        "language": meta.language,
        "published": meta.published.isoformat() if meta.published else None,
        "modified": meta.modified.isoformat() if meta.modified else None,
        "image_url": meta.image_url,
        "image_caption": meta.image_caption,
        "sources": {s.field: s.source for s in meta.sources},
    }


class TestCases:
    """Each hand-made page gives the fields its .json file expects."""

    @pytest.mark.parametrize("name", CASES)
    def test_case(self, name: str) -> None:
        """The page's metadata matches its expected values and sources."""
        html, url, expected = _read_case(name)
        got = summary(
            extract_metadata(lxml.html.document_fromstring(html), url=url, options=OPTIONS)
        )
        for key, value in expected.items():
            if key == "sources":
                assert {k: got["sources"].get(k) for k in value} == value, name
            else:
                assert got[key] == value, f"{name}: {key}"

    def test_cases_exist(self) -> None:
        """There is a case for every source the cascade reads."""
        assert len(CASES) >= 20

    def test_tree_unchanged(self) -> None:
        """Reading metadata leaves the tree as it was."""
        html, url, _ = _read_case("byline-elements")
        root = lxml.html.document_fromstring(html)
        before = lxml.html.tostring(root)
        extract_metadata(root, url=url, options=OPTIONS)
        assert lxml.html.tostring(root) == before

    def test_empty_page(self) -> None:
        """A page without metadata gives an empty Metadata, not an error."""
        meta = extract_metadata(
            lxml.html.document_fromstring("<p>x</p>"), url=None, options=OPTIONS
        )
        assert meta.headline is None
        assert meta.authors == ()
        assert meta.published is None

    def test_unreadable_json_ld_warns(self) -> None:
        """A JSON-LD block beyond repair becomes a warning."""
        html = '<html><head><script type="application/ld+json">{"@type": </script></head><body><h1>T</h1></body></html>'
        meta = extract_metadata(lxml.html.document_fromstring(html), url=None, options=OPTIONS)
        assert [w.code for w in meta.warnings] == ["json-ld-unreadable"]

    def test_label_then_name_after_the_element(self) -> None:
        """A byline label in its own element takes the name written after it."""
        html = (
            "<html><body><article><h1>Ein Titel, lang genug</h1>"
            "<p><b>Autor: </b>Peter Maahn/SP-X</p><p>Text des Artikels.</p></article></body></html>"
        )
        meta = extract_metadata(lxml.html.document_fromstring(html), url=None, options=OPTIONS)
        assert [a.name for a in meta.authors] == ["Peter Maahn"]

    def test_keywords_once_each(self) -> None:
        """A keyword repeated within one list is kept once, in its first place."""
        html = '<html><head><meta name="keywords" content="Kristi Noem, South Dakota, Meth, Kristi Noem"></head></html>'
        meta = extract_metadata(lxml.html.document_fromstring(html), url=None, options=OPTIONS)
        assert meta.keywords == ("Kristi Noem", "South Dakota", "Meth")

    def test_default_timezone(self) -> None:
        """A naive timestamp takes the zone the options give."""
        html = '<html><head><meta property="article:published_time" content="2020-01-02T03:04:05"></head></html>'
        zone = dt.timezone(dt.timedelta(hours=1))
        meta = extract_metadata(
            lxml.html.document_fromstring(html),
            url=None,
            options=ParseOptions(default_timezone=zone, now=NOW),
        )
        assert meta.published == dt.datetime(2020, 1, 2, 3, 4, 5, tzinfo=zone)
        assert meta.published_raw == "2020-01-02T03:04:05"


class TestSplitAuthors:
    """Bylines become people's names."""

    @pytest.mark.parametrize(
        ("raw", "names"),
        [
            ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
            ("By Nada Tawfik, New York", ("Nada Tawfik",)),
            ("FOCUS-Online-Experte Robin Tschöpe", ("Robin Tschöpe",)),
            ("Jane Doe, John Roe", ("Jane Doe", "John Roe")),
            ("Von Anna Müller und Ben Ölz", ("Anna Müller", "Ben Ölz")),
            ("Par Loïc Le Clerc", ("Loïc Le Clerc",)),
            ("Por María López", ("María López",)),
            ("Jane Doe, Staff Writer", ("Jane Doe",)),
            ("jane@example.com", ()),
            ("https://example.com/jane", ()),
            ("Staff", ()),
            ("dpa", ()),
            ("Reuters", ()),
            ("Jane Doe | 3 hours ago", ("Jane Doe",)),
            ("Posted by Konstantin @ 12:00 am", ("Konstantin",)),
            ("Jane Doe and jane doe", ("Jane Doe",)),
            ("Perry Bacon Jr.", ("Perry Bacon Jr.",)),
            ("E. Barreneche / J. I. da Silva", ("E. Barreneche", "J. I. da Silva")),
            ("Walter von Aachen", ("Walter von Aachen",)),
            ("clicking Accept Cookies", ()),
            ("Posted on September 21, 2020 by Adi Tzlil", ("Adi Tzlil",)),
            ("Ein Artikel von Pamela Sladky | 27.01.2022 - 12:45", ("Pamela Sladky",)),
            ("---- by Kenneth Surin", ("Kenneth Surin",)),
            ("Written by: Julie Mollins", ("Julie Mollins",)),
            ("Interview: Julia Lauter", ("Julia Lauter",)),
            ("Gespeichert von rasos am 24. Juli 2017 - 18:55", ("rasos",)),
            ("Verfasst von: mitundvoneinander | 31. Dezember 2008", ("mitundvoneinander",)),
            ("Von der Ringform zur Kastenform und umgekehrt", ()),
            ("Von Sprachregeln, Gender-Politik und «ganz normalem Deutsch»", ()),
            (
                "Autorin: Uta Staschewski, Projektleiterin der Stiftung in Tunis",
                ("Uta Staschewski",),
            ),
            ("Marco Kratzenberg, Experte für Windows, Software & Recht", ("Marco Kratzenberg",)),
            ("von r23 » 21.01.2009, 05:42", ("r23",)),
            ("Support Team", ()),
            ("Redacción Diario Uno", ()),
            ("Staff Reporter Jane Doe", ("Jane Doe",)),
            ("Ein Interview von Eva Zander mit Sonja Brandt.", ("Eva Zander",)),
            ("Rita Precht im Gespräch mit Karla Fink", ("Rita Precht", "Karla Fink")),
            ("Text von Carla Seidel Illustration von Marko Rost", ("Carla Seidel",)),
            ("Text & Fotos: Ivo Valent", ("Ivo Valent",)),
            ("© Katrin Fuhr", ("Katrin Fuhr",)),
            ("D.E", ()),
            ("Foto: Ingo Schneider", ()),
            ("Photos by Jane Doe", ()),
            ("Nina Grossmann, IFZ, Oktober", ("Nina Grossmann", "IFZ")),
            ("Julia Souza, Brasília", ("Julia Souza",)),
            ("April Roach", ("April Roach",)),
            ("C.Habermann", ("C.Habermann",)),
        ],
    )
    def test_split(self, raw: str, names: tuple[str, ...]) -> None:
        """The byline gives exactly these names."""
        assert split_authors(raw) == names

    def test_agency(self) -> None:
        """Agencies and agency pairs are recognised."""
        assert is_agency("AFP/dpa")
        assert not is_agency("Anna Müller")

    @pytest.mark.parametrize(
        ("raw", "credit"),
        [
            ("Von Redaktion", "Redaktion"),
            ("Redaktion 1. November 2023 10:29", "Redaktion"),
            ("Autor Redaktion", "Redaktion"),
            ("By Staff Writer", "Staff Writer"),
            ("Teufel Blog Redaktion", "Teufel Blog Redaktion"),
            ("Support Team", "Support Team"),
            ("Redacción Diario Uno", "Redacción Diario Uno"),
            ("Von Sportredaktion", "Sportredaktion"),
            ("example-it Webteam", "example-it Webteam"),
            ("Jane Doe", None),
            ("dpa", None),
            ("Redaktion der Stadtwerke Beispiel und des Landkreises Musterhausen", None),
        ],
    )
    def test_desk_credit(self, raw: str, credit: str | None) -> None:
        """A byline crediting a desk or team gives that credit; a person's name does not."""
        assert desk_credit(raw) == credit

    def test_organization(self) -> None:
        """Organisations and web sites are not people."""
        assert is_organization("Deutsches Rotes Kreuz e.V.")
        assert is_organization("example.com")
        assert not is_organization("Maria Rossi")


class TestHeadline:
    """Site names come off titles only at spaced separators."""

    def test_suffix(self) -> None:
        """A trailing site name is removed."""
        sites = site_keys(["The Daily Planet"], [])
        assert (
            strip_site_name("Covid-19 cases rise - The Daily Planet", sites)
            == "Covid-19 cases rise"
        )

    def test_prefix_and_domain(self) -> None:
        """A leading part naming the domain is removed."""
        sites = site_keys([], ["https://www.planet.example/x"])
        assert strip_site_name("Planet » Storm ahead", sites) == "Storm ahead"

    def test_unspaced_hyphen_kept(self) -> None:
        """An unspaced hyphen is part of the words."""
        sites = site_keys(["Covid"], [])
        assert strip_site_name("Covid-19 cases rise", sites) == "Covid-19 cases rise"

    def test_colon_kept(self) -> None:
        """A colon never separates a site name."""
        sites = site_keys(["Superbugs"], [])
        assert strip_site_name("Superbugs: What They Are", sites) == "Superbugs: What They Are"

    def test_no_match_kept(self) -> None:
        """Parts that name no site stay."""
        assert (
            strip_site_name("Rock - Paper - Scissors", site_keys(["Games"], []))
            == "Rock - Paper - Scissors"
        )


class TestJsonLd:
    """Broken JSON-LD is repaired where a small repair suffices."""

    def test_trailing_commas_and_newlines(self) -> None:
        """Trailing commas and raw newlines in strings are tolerated."""
        assert load_json('{"a": "x\ny", "b": [1, 2,],}') == {"a": "x\ny", "b": [1, 2]}

    def test_comment_wrapper(self) -> None:
        """An HTML comment around the JSON is removed."""
        assert load_json('<!-- {"a": 1} -->') == {"a": 1}

    def test_concatenated(self) -> None:
        """Objects one after another are all read."""
        assert load_json('{"a": 1} {"b": 2}') == [{"a": 1}, {"b": 2}]

    def test_garbage(self) -> None:
        """Unreadable text gives None."""
        assert load_json("{nope") is None

    def test_html_entities_in_strings(self) -> None:
        """Entities a CMS left in JSON-LD strings are decoded; a bare ampersand stays."""
        assert first_text("Redacci&oacute;n &amp; AT&T &#8220;x&#8221;") == "Redacción & AT&T “x”"


class TestDates:
    """ISO values keep their zone; URL days are read."""

    def test_offset_kept(self) -> None:
        """An offset stays on the value."""
        value = parse_iso("2019-08-27T13:10:28-05:00")
        assert value == dt.datetime(
            2019, 8, 27, 13, 10, 28, tzinfo=dt.timezone(dt.timedelta(hours=-5))
        )

    def test_naive_stays_naive(self) -> None:
        """No zone in the text, no zone on the value."""
        value = parse_iso("2019-08-27 13:10")
        assert value is not None
        assert value.tzinfo is None

    def test_compact_offset_and_z(self) -> None:
        """+0200 and Z are offsets too."""
        assert parse_iso("2019-06-17T18:28:00+0200") == dt.datetime(
            2019, 6, 17, 18, 28, tzinfo=dt.timezone(dt.timedelta(hours=2))
        )
        assert parse_iso("2020-02-11T18:16:58Z") == dt.datetime(
            2020, 2, 11, 18, 16, 58, tzinfo=dt.timezone.utc
        )

    def test_invalid(self) -> None:
        """Impossible days give None."""
        assert parse_iso("2019-02-30") is None
        assert parse_iso("yesterday") is None

    @pytest.mark.parametrize(
        ("url", "day"),
        [
            ("https://x.example/2019/10/21/story", dt.datetime(2019, 10, 21)),
            ("https://x.example/news/2019-10-21-story", dt.datetime(2019, 10, 21)),
            ("https://x.example/20191021/story", dt.datetime(2019, 10, 21)),
            ("https://x.example/2019/story", None),
            ("https://x2019.example/12/10/x", None),
            ("https://x.example/meldungen/29-10-2021", dt.datetime(2021, 10, 29)),
            ("https://x.example/a/12-10-2019-story?id=1", dt.datetime(2019, 10, 12)),
            ("https://x.example/a/1-2-3?q=29-10-2021", None),
        ],
    )
    def test_url(self, url: str, day: dt.datetime | None) -> None:
        """The day a URL spells, if any."""
        assert date_from_url(url) == day

    def test_french_online_label(self) -> None:
        """The label "mise en ligne" marks the publication day ahead of a later date in the prose."""
        article = newsmodel.parse_html(
            "<html lang=fr><body><article><h1>Un titre de test assez long</h1>"
            "<p>Mise en ligne</p><p>23 mai 2019</p><p>Du texte. 2018-01-02</p>"
            "</article></body></html>",
            options=ParseOptions(analyze=False, now=dt.datetime(2024, 1, 1, tzinfo=dt.UTC)),
        )
        assert article.published == dt.datetime(2019, 5, 23)


class TestLanguage:
    """Language tags are normalised to BCP 47."""

    @pytest.mark.parametrize(
        ("raw", "tag"),
        [
            ("de", "de"),
            ("de_DE", "de-DE"),
            ("en-gb", "en-GB"),
            ("zh-hant-tw", "zh-Hant-TW"),
            ("", None),
            ("??", None),
        ],
    )
    def test_normalize(self, raw: str, tag: str | None) -> None:
        """The tag as BCP 47 writes it."""
        assert normalize_language(raw) == tag


def _golden_page(key: str) -> tuple[bytes, str]:
    pages = shared_path("corpora", "meta-dev", "pages")
    truth = json.loads(shared_path("corpora", "meta-dev", "truth.json").read_text(encoding="utf-8"))
    return gzip.decompress((pages / f"{key}.html.gz").read_bytes()), truth[key]["url"]


@pytest.mark.corpus
class TestGolden:
    """Real meta-dev pages give the headline, authors and date checked by eye."""

    @pytest.mark.parametrize("key", GOLDEN)
    def test_page(self, key: str) -> None:
        """Headline, authors and publication date (with its zone) as recorded."""
        raw, url = _golden_page(key)
        expected = json.loads(
            (DATA / "golden" / "meta" / f"{key}.json").read_text(encoding="utf-8")
        )
        article = newsmodel.parse_html(raw, url=url, options=ParseOptions(analyze=False, now=NOW))
        assert article.headline == expected["headline"]
        assert [a.name for a in article.authors] == expected["authors"]
        assert (article.published.isoformat() if article.published else None) == expected[
            "published"
        ]

    def test_enough_golden_pages(self) -> None:
        """At least 30 pages are recorded."""
        assert len(GOLDEN) >= 30


class TestDayFirst:
    """Numeric dates with dots or dashes are read day first."""

    @pytest.mark.parametrize(
        ("raw", "value"),
        [
            (
                "06-08-2009T14:12:32+0200",
                dt.datetime(2009, 8, 6, 14, 12, 32, tzinfo=dt.timezone(dt.timedelta(hours=2))),
            ),
            ("01-11-2023 10:29", dt.datetime(2023, 11, 1, 10, 29)),
            ("4. 2. 2022", dt.datetime(2022, 2, 4)),
            ("06.08.2009, 14:30", dt.datetime(2009, 8, 6, 14, 30)),
            ("31.02.2020", None),
        ],
    )
    def test_day_first(self, raw: str, value: dt.datetime | None) -> None:
        """The day comes before the month."""
        assert parse_any(raw) == value
