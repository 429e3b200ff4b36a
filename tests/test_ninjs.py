"""ninjs 3.1: valid output, round trip of the fields ninjs carries, IPTC examples read."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from newsmodel import Article, DeserializationError, from_ninjs, to_ninjs
from newsmodel.serialize.ninjs import to_ninjs_json
from tests.conftest import shared_path
from tests.newsml_checks import sample_article
from tests.strategies import articles

_GEOJSON = "https://geojson.org/schema/GeoJSON.json"


@pytest.fixture(scope="session")
def validator() -> Draft202012Validator:
    """The ninjs 3.1 schema with a local GeoJSON stub and format checks on."""
    schema = json.loads(shared_path("standards", "ninjs", "ninjs-schema_3.1.json").read_text())
    stub = Resource.from_contents(
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": _GEOJSON,
            "type": "object",
        }
    )
    registry = Registry().with_resource(_GEOJSON, stub)
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def _errors(validator: Draft202012Validator, document: dict[str, Any]) -> list[str]:
    return [f"/{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(document)]


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.timezone.utc)


def _carried(article: Article) -> dict[str, object]:
    """The fields ninjs carries (naive datetimes become UTC; entities keep id and name)."""
    return {
        "id": article.id,
        "url": article.url,
        "headline": article.headline,
        "subheadline": article.subheadline,
        "description": article.description,
        "dateline": article.dateline,
        "publisher": article.publisher,
        "section": article.section,
        "keywords": article.keywords,
        "language": article.language,
        "image": (article.image_url, article.image_caption),
        "paragraphs": article.paragraphs,
        "published": _aware(article.published),
        "modified": _aware(article.modified),
        "entities": [
            [(e.id, e.name) for e in group]
            for group in (article.authors, article.persons, article.organizations, article.places)
        ],
    }


class TestNinjs:
    """Writer and reader."""

    def test_urls_are_written_as_uris(self, validator: Draft202012Validator) -> None:
        """Page and image URLs with spaces, pipes or non-ASCII become valid URIs."""
        article = attrs.evolve(
            sample_article(),
            url="https://example.com/news/Straße mit Bäumen",
            image_url="https://img.example/fill-1200x650|format-webp|1/a.jpg",
        )
        document = to_ninjs(article)
        assert _errors(validator, document) == []
        assert (
            document["associations"][0]["uri"]
            == "https://img.example/fill-1200x650%7Cformat-webp%7C1/a.jpg"
        )
        assert (
            document["renditions"][0]["href"]
            == "https://example.com/news/Stra%C3%9Fe%20mit%20B%C3%A4umen"
        )

    def test_sample_is_valid(self, validator: Draft202012Validator) -> None:
        """The sample article is a valid ninjs 3.1 document."""
        assert _errors(validator, to_ninjs(sample_article())) == []

    def test_people_places_organisations(self) -> None:
        """Authors and persons are people (rel author/mentions) with a uri and no qcode."""
        document = to_ninjs(sample_article())
        assert [(p["name"], p["rel"]) for p in document["people"]] == [
            ("Jane Doe", "author"),
            ("Sergei Lavrov", "mentions"),
        ]
        assert document["people"][1]["uri"] == "urn:newsmodel:nm-demo#p1"
        assert document["organisations"][0]["name"] == "Kremlin"
        assert document["places"][0]["name"] == "Moscow"

    def test_naive_datetimes_get_utc(self) -> None:
        """ninjs needs an offset: a naive time is written as UTC."""
        assert to_ninjs(sample_article())["contentCreated"] == "2016-01-02T10:00:00+00:00"

    def test_sample_round_trips_on_carried_fields(self) -> None:
        """The sample reads back equal on everything ninjs carries."""
        article = sample_article()
        assert _carried(from_ninjs(to_ninjs_json(article, indent=2))) == _carried(article)

    @given(articles())
    def test_valid_and_round_trips(self, validator: Draft202012Validator, article: Article) -> None:
        """Every generated article gives valid ninjs 3.1 that reads back on the carried fields."""
        document = to_ninjs(article)
        assert _errors(validator, document) == []
        assert _carried(from_ninjs(document)) == _carried(article)

    @pytest.mark.corpus
    def test_iptc_examples_read(self) -> None:
        """Every IPTC ninjs example reads, with its headline and body."""
        base = shared_path("standards", "ninjs")
        for path in sorted(base.glob("examples*/*.json")):
            article = from_ninjs(path.read_bytes())
            assert article.headline, path.name
            assert article.paragraphs, path.name

    @pytest.mark.parametrize("data", ["not json", "[1]", '{"type": "text"}', b'{"uri": ""}'])
    def test_bad_documents(self, data: str | bytes) -> None:
        """Non-JSON, non-objects and documents without a uri raise DeserializationError."""
        with pytest.raises(DeserializationError):
            from_ninjs(data)
