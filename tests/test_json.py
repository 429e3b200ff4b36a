"""JSON: lossless round trip, the shipped schema, typed errors on bad documents."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from newsmodel import Article, DeserializationError, Person, Quote, Span, Statement
from newsmodel.serialize.json import SCHEMA_VERSION, json_schema
from tests.strategies import articles

_VALIDATOR = jsonschema.Draft202012Validator(
    json_schema(), format_checker=jsonschema.FormatChecker()
)


def _seedlike() -> Article:
    sarraj = Person(
        id="p1", name="Fayez Al-Sarraj", aliases=("Al-Sarraj",), mentions=(Span(start=0, end=9),)
    )
    quote = Quote(id="q1", text="global", spans=(Span(start=10, end=16),), speaker=sarraj)
    statement = Statement(
        id="s1",
        content="global",
        kind="mixed",
        speaker=sarraj,
        source="Al-Sarraj",
        source_span=Span(start=0, end=9),
        cue="stressed",
        quotes=(quote,),
    )
    return Article(
        id="a",
        paragraphs=("Al-Sarraj “global”.",),
        persons=(sarraj,),
        quotes=(quote,),
        statements=(statement,),
    )


class TestRoundTrip:
    @given(articles())
    def test_round_trip(self, article: Article) -> None:
        """from_json(to_json(a)) == a for every valid article."""
        assert newsmodel.from_json(newsmodel.to_json(article)) == article

    @given(articles())
    def test_output_validates_against_shipped_schema(self, article: Article) -> None:
        """Every to_json document validates against the JSON Schema in the package."""
        _VALIDATOR.validate(json.loads(newsmodel.to_json(article, indent=2)))

    def test_speakers_come_back_as_the_same_person(self) -> None:
        """A speaker is written as an id and read back as the article's own Person object."""
        back = newsmodel.from_json(newsmodel.to_json(_seedlike()))
        assert back.statements[0].speaker is back.persons[0]
        assert back.statements[0].quotes[0] is back.quotes[0]
        assert json.loads(newsmodel.to_json(_seedlike()))["statements"][0]["speaker"] == "p1"

    def test_bytes_and_version_key(self) -> None:
        """from_json takes bytes; every document names its format."""
        text = newsmodel.to_json(_seedlike())
        assert json.loads(text)["schema_version"] == SCHEMA_VERSION
        assert newsmodel.from_json(text.encode()) == _seedlike()


def _paths(doc: Any, prefix: str = "$") -> list[str]:
    """Every JSON path in *doc*, in the notation DeserializationError uses."""
    out = [prefix]
    if isinstance(doc, dict):
        for key, value in doc.items():
            out += _paths(value, f"{prefix}.{key}")
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            out += _paths(value, f"{prefix}[{i}]")
    return out


def _replace(doc: Any, path: str, value: Any) -> Any:
    """A copy of *doc* with the value at *path* replaced."""
    if path == "$":
        return value
    doc = json.loads(json.dumps(doc))
    steps = path[1:].replace("[", ".[").split(".")[1:]
    target = doc
    for step in steps[:-1]:
        target = target[int(step[1:-1])] if step.startswith("[") else target[step]
    last = steps[-1]
    if last.startswith("["):
        target[int(last[1:-1])] = value
    else:
        target[last] = value
    return doc


_BAD_VALUES = st.sampled_from(
    [None, -1, 3.5, "x", "", [], {}, [1], {"a": 1}, True, "2016-13-45T99:00:00"]
)


class TestBadDocuments:
    @given(articles(), st.data())
    def test_mutated_document_raises_only_deserialization_error(
        self, article: Article, data: st.DataObject
    ) -> None:
        """A document with one value replaced either reads back or raises DeserializationError."""
        doc = newsmodel.to_dict(article)
        path = data.draw(st.sampled_from(_paths(doc)))
        mutated = _replace(doc, path, data.draw(_BAD_VALUES))
        try:
            newsmodel.from_dict(mutated)
        except DeserializationError as err:
            assert err.errors, "the error lists what is wrong"
            assert all(e.startswith("$") or "@ $" in e for e in err.errors)

    @pytest.mark.parametrize(
        ("mutate", "where"),
        [
            (lambda d: d["statements"][0].update(kind="reported"), "$.statements[0].kind"),
            (lambda d: d["statements"][0].update(speaker="p9"), "$.statements[0].speaker"),
            (lambda d: d["quotes"][0].update(speaker=7), "$.quotes[0].speaker"),
            (lambda d: d["statements"][0].update(quotes=["q7"]), "$.statements[0].quotes[0]"),
            (lambda d: d.update(published="yesterday"), "$.published"),
            (lambda d: d.update(extra=1), "$"),
            (lambda d: d.pop("schema_version"), "$.schema_version"),
            (lambda d: d["persons"][0]["mentions"][0].update(end=-4), "$.persons[0].mentions[0]"),
        ],
    )
    def test_error_names_the_path(self, mutate: Any, where: str) -> None:
        """The error message names the path of the bad value."""
        doc = newsmodel.to_dict(_seedlike())
        mutate(doc)
        with pytest.raises(DeserializationError) as info:
            newsmodel.from_dict(doc)
        assert any(where in e for e in info.value.errors), info.value.errors

    @pytest.mark.parametrize(
        "raw", ["", "{", "[1, 2]", "null", '"text"', b"\xff\xfe", "[" * 100_000]
    )
    def test_not_an_article(self, raw: str | bytes) -> None:
        """Non-JSON and non-object documents raise DeserializationError, a ValueError."""
        with pytest.raises(DeserializationError) as info:
            newsmodel.from_json(raw)
        assert isinstance(info.value, ValueError)
