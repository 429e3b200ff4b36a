"""NewsML-G2 2.35: schema-valid output, lossless round trip, and reading what others write."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from lxml import etree

from newsmodel import (
    Article,
    NewsMLOptions,
    Person,
    Quote,
    Span,
    from_newsml,
    to_newsml,
)
from tests.conftest import shared_path
from tests.newsml_checks import NAR, own_checks, sample_article
from tests.strategies import articles

NITF = "{http://iptc.org/std/NITF/2006-10-18/}"
_ITEM_META_ORDER = ["itemClass", "provider", "versionCreated", "firstCreated", "pubStatus"]


@pytest.fixture(scope="session")
def driver_schema() -> etree.XMLSchema:
    """The G2 2.35 schema plus strict NITF 3.6, loaded once and offline."""
    path = shared_path("standards", "newsml-g2", "schema", "G2-plus-NITF-2.35.xsd")
    return etree.XMLSchema(etree.parse(str(path), etree.XMLParser(no_network=True)))


@pytest.fixture(scope="session")
def catalog() -> Path:
    """The IPTC catalog v41 (for checking that QCode aliases are declared)."""
    return shared_path("standards", "newsml-g2", "catalog.IPTC-G2-Standards_41.xml")


def _assert_valid(schema: etree.XMLSchema, data: bytes, catalog: Path) -> etree._Element:
    root = etree.fromstring(data, etree.XMLParser(no_network=True, resolve_entities=False))
    valid = schema.validate(root)
    assert valid, [f"{e.line}: {e.message}" for e in schema.error_log][:5]
    assert own_checks(root, catalog) == []
    return root


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


class TestToNewsml:
    """The writer: schema order, forms and the choices docs/newsml.md documents."""

    def test_sample_validates_under_the_driver_schema(self, driver_schema, catalog) -> None:
        """The hand-built sample is valid G2 + NITF and passes our own checks."""
        _assert_valid(driver_schema, to_newsml(sample_article()), catalog)

    def test_root_attributes_and_item_meta_order(self) -> None:
        """Root attributes are as the standard wants; itemMeta starts in schema order."""
        root = etree.fromstring(to_newsml(sample_article()))
        assert root.tag == NAR + "newsItem"
        assert root.get("standardversion") == "2.35"
        assert root.get("conformance") == "power"
        assert root.get("guid") == "urn:newsmodel:nm-demo"
        assert root.get("version") == "1"
        meta = root.find(NAR + "itemMeta")
        assert [_local(c) for c in meta][:5] == _ITEM_META_ORDER

    def test_naive_datetime_gets_an_offset_only_where_required(self) -> None:
        """A naive published time is UTC in firstCreated and stays naive in contentCreated."""
        root = etree.fromstring(to_newsml(sample_article()))
        assert root.findtext(f"{NAR}itemMeta/{NAR}firstCreated") == "2016-01-02T10:00:00+00:00"
        assert root.findtext(f"{NAR}contentMeta/{NAR}contentCreated") == "2016-01-02T10:00:00"
        assert root.findtext(f"{NAR}itemMeta/{NAR}versionCreated") == "2016-01-02T12:00:00+03:00"

    def test_entities_are_subjects_with_asserts(self) -> None:
        """Each person, organisation and place is a typed subject with a matching assert."""
        root = etree.fromstring(to_newsml(sample_article()))
        subjects = root.findall(f"{NAR}contentMeta/{NAR}subject")
        assert [s.get("type") for s in subjects] == [
            "cpnat:person",
            "cpnat:organisation",
            "cpnat:geoArea",
        ]
        asserted = {a.get("qcode") for a in root.findall(NAR + "assert")}
        assert {s.get("qcode") for s in subjects} <= asserted

    def test_quotes_and_mentions_are_inline_nitf(self) -> None:
        """The first paragraph marks the place, person, organisation and quotation."""
        root = etree.fromstring(to_newsml(sample_article()))
        paragraph = next(root.iter(NITF + "body.content")).find(NITF + "p")
        assert paragraph.get("id") == "para1"
        assert [_local(c) for c in paragraph] == ["location", "person", "org", "q"]
        quote = paragraph.find(NITF + "q")
        assert quote.get("quote-source") == "Sergei Lavrov"
        assert "".join(paragraph.itertext()) == sample_article().paragraphs[0]

    def test_statement_part_meta_points_at_the_body(self) -> None:
        """A statement's partMeta refers to its paragraph and quotation and names its kind."""
        root = etree.fromstring(to_newsml(sample_article()))
        parts = root.findall(NAR + "partMeta")
        statement = next(p for p in parts if p.find(NAR + "genre").get("qcode") == "nmkind:direct")
        assert statement.get("contentrefs") == "para1 quote1"
        assert statement.find(NAR + "infoSource").get("qcode") == "nmentity:p1"

    def test_overlapping_spans_stay_valid(self, driver_schema, catalog) -> None:
        """Crossing and nested spans give valid NITF that keeps the paragraph text."""
        speaker = Person(
            id="p1", name="Ann Lee", mentions=(Span(start=0, end=7), Span(start=4, end=12))
        )
        quote = Quote(id="q1", text="Lee said", spans=(Span(start=4, end=20),), speaker=speaker)
        article = Article(
            id="x",
            paragraphs=("Ann Lee said words here", "and more"),
            persons=(speaker,),
            quotes=(quote, Quote(id="q2", text="x", spans=(Span(start=2, end=30),))),
        )
        root = _assert_valid(driver_schema, to_newsml(article), catalog)
        content = next(root.iter(NITF + "body.content"))
        texts = ["".join(p.itertext()) for p in content.iter(NITF + "p")]
        assert texts == list(article.paragraphs)
        assert from_newsml(to_newsml(article)) == article

    def test_xml_illegal_characters_are_stripped(self, driver_schema, catalog) -> None:
        """Control characters leave the standard parts but survive in the model rendition."""
        article = Article(id="x", headline="bad\x01 char", paragraphs=("a\x0bb",))
        data = to_newsml(article)
        root = _assert_valid(driver_schema, data, catalog)
        assert root.findtext(f"{NAR}contentMeta/{NAR}headline") == "bad char"
        assert from_newsml(data) == article

    def test_lone_surrogate_is_kept_out_of_the_xml(self) -> None:
        """A lone surrogate is left out of the XML and kept, escaped, in the model rendition."""
        article = Article(id="x", headline="A\ud800B", paragraphs=("p\udfff.",))
        data = to_newsml(article)
        assert b"<headline>AB</headline>" in data
        assert from_newsml(data) == article
        assert from_newsml(data, use_model=False).headline == "AB"

    def test_options(self, driver_schema, catalog) -> None:
        """Provider URI, version, status and the model rendition follow the options."""
        options = NewsMLOptions(
            provider="https://news.example.com/",
            version=3,
            pub_status="withheld",
            version_created=dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc),
            embed_model=False,
        )
        data = to_newsml(Article(id="x"), options=options)
        root = _assert_valid(driver_schema, data, catalog)
        assert root.get("version") == "3"
        assert root.find(f"{NAR}itemMeta/{NAR}provider").get("uri") == "https://news.example.com/"
        assert root.find(f"{NAR}itemMeta/{NAR}pubStatus").get("qcode") == "stat:withheld"
        assert root.find(f"{NAR}contentSet/{NAR}inlineData") is None

    def test_bad_options_are_refused(self) -> None:
        """Version 0 and unknown statuses are not NewsML-G2."""
        with pytest.raises(ValueError, match="version"):
            NewsMLOptions(version=0)
        with pytest.raises(ValueError, match="pub_status"):
            NewsMLOptions(pub_status="gone")  # type: ignore[arg-type]


class TestRoundTrip:
    """Generated articles: valid output, equal read-back, standard parts alone informative."""

    def test_sample_round_trips(self) -> None:
        """The sample reads back equal."""
        article = sample_article()
        assert from_newsml(to_newsml(article)) == article

    def test_standard_parts_alone_carry_the_sample(self) -> None:
        """Without the model rendition the sample still reads back equal but for raw strings."""
        article = sample_article()
        standard = from_newsml(to_newsml(article), use_model=False)
        assert attrs.evolve(standard, published_raw=article.published_raw) == article

    @given(articles())
    def test_valid_and_lossless(self, driver_schema, catalog, article: Article) -> None:
        """Output is valid and passes our checks; from_newsml(to_newsml(a)) == a; the standard
        parts alone give the body, headline, entity names and statement kinds."""
        data = to_newsml(article)
        _assert_valid(driver_schema, data, catalog)
        assert from_newsml(data) == article
        standard = from_newsml(data, use_model=False)
        assert standard.paragraphs == article.paragraphs
        assert standard.headline == article.headline
        assert [p.name for p in standard.persons][: len(article.persons)] == [
            p.name for p in article.persons
        ]
        assert [s.kind for s in standard.statements] == [s.kind for s in article.statements]
