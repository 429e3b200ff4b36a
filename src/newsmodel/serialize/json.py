"""JSON: a lossless round trip of :class:`~newsmodel.model.Article`, cattrs at the edge.

A speaker is written as its person's id and read back as the same
:class:`~newsmodel.model.Person`; a statement's quotations are written as quote ids.
The document carries ``"schema_version"``; the JSON Schema of the format ships in
the package (:func:`json_schema`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from importlib import resources
from typing import Any, Final

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.preconf.json import make_converter
from cattrs.v import format_exception

from newsmodel.errors import DeserializationError
from newsmodel.model import Article, Person, Quote, Statement

__all__ = ["SCHEMA_VERSION", "from_dict", "from_json", "json_schema", "to_dict", "to_json"]

SCHEMA_VERSION: Final = "newsmodel-article/1"
"""The value of ``schema_version`` in every document this module writes."""

_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")
"""A code point UTF-8 cannot encode; it can only stand inside a JSON string."""

_converter = make_converter(forbid_extra_keys=True)


def _person_id(person: Person | None) -> str | None:
    return None if person is None else person.id


def _quote_ids(quotes: tuple[Quote, ...]) -> list[str]:
    return [q.id for q in quotes]


_converter.register_unstructure_hook(
    Quote, make_dict_unstructure_fn(Quote, _converter, speaker=override(unstruct_hook=_person_id))
)
_converter.register_unstructure_hook(
    Statement,
    make_dict_unstructure_fn(
        Statement,
        _converter,
        speaker=override(unstruct_hook=_person_id),
        quotes=override(unstruct_hook=_quote_ids),
    ),
)


# References are resolved by from_dict, after the persons and quotes are read:
# the structure hooks for Quote and Statement read everything else.
def _without_references(cls: type[Any], references: frozenset[str]) -> Any:
    omitted: dict[str, Any] = {name: override(omit=True) for name in references}
    structure = make_dict_structure_fn(cls, _converter, _cattrs_forbid_extra_keys=True, **omitted)

    def hook(raw: Any, cl: type[Any]) -> Any:
        if isinstance(raw, Mapping):
            raw = {k: v for k, v in raw.items() if k not in references}
        return structure(raw, cl)

    return hook


_converter.register_structure_hook(Quote, _without_references(Quote, frozenset({"speaker"})))
_converter.register_structure_hook(
    Statement, _without_references(Statement, frozenset({"speaker", "quotes"}))
)


def to_dict(article: Article) -> dict[str, Any]:
    """*article* as plain JSON-ready data (dicts, lists, strings, numbers, None)."""
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    data.update(_converter.unstructure(article))
    return data


def to_json(article: Article, *, indent: int | None = None) -> str:
    """*article* as a JSON document, always encodable as UTF-8; it never raises.

    A lone surrogate (which the model allows but UTF-8 cannot carry) is written as
    its ``\\uXXXX`` escape, so the document reads back equal. The one loss: a high
    surrogate directly followed by a low one reads back as the character they pair into.
    """
    text = json.dumps(to_dict(article), ensure_ascii=False, indent=indent)
    # Outside strings a JSON document is ASCII, so every match is inside a string literal.
    return _LONE_SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def from_json(data: str | bytes) -> Article:
    """Read a document written by :func:`to_json`.

    Raises:
        DeserializationError: the document is not JSON, or does not describe a valid
            article; the message names the path of each bad value.
    """
    try:
        raw = json.loads(data)
    except (ValueError, RecursionError) as err:
        msg = "not a JSON document"
        raise DeserializationError(msg, [f"$: {err}"]) from err
    return from_dict(raw)


def from_dict(data: object) -> Article:
    """Read the plain data written by :func:`to_dict`.

    Raises:
        DeserializationError: the data does not describe a valid article.
    """
    if not isinstance(data, Mapping):
        msg = "not an article"
        raise DeserializationError(msg, [f"$: expected an object, got {type(data).__name__}"])
    body = dict(data)
    version = body.pop("schema_version", None)
    if version != SCHEMA_VERSION:
        msg = "unknown format"
        raise DeserializationError(
            msg, [f"$.schema_version: expected {SCHEMA_VERSION!r}, got {version!r}"]
        )
    try:
        article = _converter.structure(body, Article)
    except cattrs.BaseValidationError as err:
        errors = cattrs.transform_error(err, format_exception=_describe)
        raise DeserializationError("invalid article", errors) from err
    except (ValueError, TypeError, AttributeError, KeyError) as err:
        raise DeserializationError("invalid article", [f"$: {err}"]) from err
    return _resolve_references(article, body)


def _describe(exc: BaseException, type_: Any) -> str:
    """Name what was wrong, keeping the model's own message for invariant failures."""
    if isinstance(exc, ValueError) and type(exc) is ValueError:
        return f"invalid value ({exc})"
    return format_exception(exc, type_)


def _resolve_references(article: Article, body: dict[str, Any]) -> Article:
    """Put back the speakers and statement quotes that the structure hooks left out."""
    errors: list[str] = []
    persons = {p.id: p for p in article.persons}

    def speaker(raw: object, path: str) -> Person | None:
        if raw is None:
            return None
        if isinstance(raw, str) and raw in persons:
            return persons[raw]
        errors.append(f"{path}: {raw!r} is not the id of one of the persons")
        return None

    quotes = tuple(
        attrs.evolve(q, speaker=speaker(raw.get("speaker"), f"$.quotes[{i}].speaker"))
        for i, (q, raw) in enumerate(zip(article.quotes, body.get("quotes", ()), strict=True))
    )
    by_id = {q.id: q for q in quotes}
    statements = []
    for i, (s, raw) in enumerate(zip(article.statements, body.get("statements", ()), strict=True)):
        ids = raw.get("quotes", [])
        if not isinstance(ids, list):
            errors.append(f"$.statements[{i}].quotes: expected a list of quote ids")
            ids = []
        own = []
        for j, qid in enumerate(ids):
            if isinstance(qid, str) and qid in by_id:
                own.append(by_id[qid])
            else:
                errors.append(
                    f"$.statements[{i}].quotes[{j}]: {qid!r} is not the id of one of the quotes"
                )
        path = f"$.statements[{i}].speaker"
        statements.append(
            attrs.evolve(s, speaker=speaker(raw.get("speaker"), path), quotes=tuple(own))
        )
    if errors:
        raise DeserializationError("invalid article", errors)
    try:
        return attrs.evolve(article, quotes=quotes, statements=tuple(statements))
    except ValueError as err:
        raise DeserializationError("invalid article", [f"$: {err}"]) from err


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every :func:`to_json` document validates against."""
    text = resources.files("newsmodel").joinpath("data/article.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
