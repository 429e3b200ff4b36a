"""from_json on anything: an Article or a DeserializationError, never another exception."""

from __future__ import annotations

import json
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import Article, DeserializationError, from_json, to_dict, to_json
from tests.hostile._checks import check_article, examples, typed
from tests.hostile._inputs import mutated_bytes, seed_articles

_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(("p1", "q1", "s1", "direct", "newsmodel-article/1", "2016-12-28T10:00:00")),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)


def _read(document: str | bytes) -> None:
    result = typed(lambda: from_json(document))
    if isinstance(result, Article):
        check_article(result, parsed=False)
    else:
        assert isinstance(result, DeserializationError), f"from_json raised {type(result).__name__}"


def _replace_leaf(data: Any, path: list[int], value: object) -> Any:
    """*data* with the leaf (or subtree) chosen by *path* replaced by *value*."""
    if not path or not isinstance(data, (dict, list)) or not data:
        return value
    index = path[0] % len(data)
    if isinstance(data, dict):
        key = list(data)[index]
        return {**data, key: _replace_leaf(data[key], path[1:], value)}
    copy = list(data)
    copy[index] = _replace_leaf(copy[index], path[1:], value)
    return copy


class TestFromJsonArbitrary:
    """Arbitrary bytes, text and JSON values."""

    @examples(500)
    @given(st.binary(max_size=500))
    def test_any_bytes(self, document: bytes) -> None:
        """Any bytes give an Article or a DeserializationError."""
        _read(document)

    @examples(500)
    @given(_JSON_VALUES)
    def test_any_json_value(self, value: object) -> None:
        """Any JSON value gives an Article or a DeserializationError."""
        _read(json.dumps(value))

    @examples(300)
    @given(
        st.dictionaries(
            st.sampled_from([field.name for field in attrs.fields(Article)]), _JSON_VALUES
        )
    )
    def test_any_values_under_real_keys(self, body: dict[str, object]) -> None:
        """Real field names holding any JSON value give an Article or a DeserializationError."""
        _read(json.dumps({"schema_version": "newsmodel-article/1", "id": "x", **body}))

    def test_deep_nesting(self) -> None:
        """A document nested 100,000 deep is a DeserializationError, not a RecursionError."""
        _read("[" * 100_000 + "]" * 100_000)
        _read('{"schema_version":"newsmodel-article/1","id":"x","paragraphs":' + "[" * 50_000)

    def test_huge_number(self) -> None:
        """An integer of 10,000 digits as a span offset is a DeserializationError."""
        with_span = (
            '{"schema_version":"newsmodel-article/1","id":"x","paragraphs":["a"],'
            '"persons":[{"id":"p1","name":"A","mentions":[{"start":0,"end":'
            + "9" * 10_000
            + "}]}]}"
        )
        assert isinstance(typed(lambda: from_json(with_span)), DeserializationError)


class TestFromJsonMutated:
    """Documents written by to_json, then broken."""

    @examples(500)
    @given(st.data())
    def test_mutated_documents(self, data: st.DataObject) -> None:
        """A real document with flips, cuts and splices gives an Article or a DeserializationError."""
        seeds = tuple(to_json(article, indent=1).encode() for article in seed_articles())
        _read(data.draw(mutated_bytes(seeds)))

    @examples(500)
    @given(
        st.sampled_from(seed_articles()),
        st.lists(st.integers(min_value=0, max_value=50), min_size=1, max_size=6),
        _JSON_VALUES,
    )
    def test_replaced_values(self, article: Article, path: list[int], value: object) -> None:
        """A real document with any value or subtree replaced gives an Article or a DeserializationError."""
        _read(json.dumps(_replace_leaf(to_dict(article), path, value)))
