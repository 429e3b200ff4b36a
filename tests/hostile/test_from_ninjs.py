"""from_ninjs on anything: an Article or a DeserializationError, never another exception."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from newsmodel import Article, DeserializationError, from_ninjs
from tests.hostile._checks import check_article, examples, typed
from tests.hostile._inputs import mutated_bytes, ninjs_seeds

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=16,
)
_KEYS = st.sampled_from(
    ("uri", "type", "language", "versionCreated", "firstCreated", "headlines", "descriptions",
     "bodies", "people", "organisations", "places", "subjects", "by", "located", "slugline",
     "keywords", "value", "role", "contentType", "name", "rel", "literal")
)  # fmt: skip


def _read(document: str | bytes | dict[str, Any]) -> None:
    result = typed(lambda: from_ninjs(document))
    if isinstance(result, Article):
        check_article(result, parsed=False)  # a JSON reader keeps strings as they are
    else:
        assert isinstance(result, DeserializationError), (
            f"from_ninjs raised {type(result).__name__}"
        )


class TestFromNinjsArbitrary:
    """Arbitrary bytes and JSON."""

    @examples(400)
    @given(st.binary(max_size=500))
    def test_any_bytes(self, document: bytes) -> None:
        """Any bytes give an Article or a DeserializationError."""
        _read(document)

    @examples(500)
    @given(st.dictionaries(_KEYS, _JSON, max_size=8), st.text(min_size=1, max_size=10))
    def test_any_values_under_ninjs_keys(self, body: dict[str, Any], uri: str) -> None:
        """ninjs keys holding any JSON value give an Article or a DeserializationError."""
        _read({"uri": uri, **body})
        _read(json.dumps({"uri": uri, **body}))

    def test_deep_nesting(self) -> None:
        """A document nested 100,000 deep is a DeserializationError."""
        _read('{"uri":"x","headlines":' + "[" * 100_000 + "]" * 100_000 + "}")


class TestFromNinjsMutated:
    """IPTC's ninjs examples (and ours), broken."""

    @examples(500)
    @given(st.data())
    def test_mutated_documents(self, data: st.DataObject) -> None:
        """A mutated real document gives an Article or a DeserializationError."""
        _read(data.draw(mutated_bytes(ninjs_seeds())))
