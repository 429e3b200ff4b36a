"""Schema checks for ``newsmodel validate``.

NewsML-G2 is checked against IPTC's 2.35 schema through a driver schema that
also imports NITF 3.6, so the NITF body inside ``inlineXML`` is checked strictly
(the G2 schema alone skips it). ninjs is checked against the ninjs 3.1 JSON
Schema with ``jsonschema``, a test extra imported only when needed. newsmodel's
own JSON is checked by reading it back. Schemas are loaded from a folder laid
out like IPTC's distribution (see :data:`G2_SCHEMA` and :data:`NINJS_SCHEMA`)
with a parser that never touches the network and expands no entities.
"""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePath
from typing import Any, Final

import attrs
from lxml import etree

from newsmodel.errors import DeserializationError, NewsmodelError, ParseError
from newsmodel.parse._xml import make_parser, parse_xml
from newsmodel.serialize.json import from_dict

__all__ = [
    "G2_SCHEMA",
    "NINJS_SCHEMA",
    "SCHEMAS_ENV",
    "Problem",
    "Report",
    "SchemasUnavailableError",
    "Validator",
]

SCHEMAS_ENV: Final = "NEWSMODEL_SCHEMAS"
"""The environment variable naming the schemas folder when ``--schemas`` is not given."""

G2_SCHEMA: Final = PurePath("newsml-g2/schema/G2-plus-NITF-2.35.xsd")
NINJS_SCHEMA: Final = PurePath("ninjs/ninjs-schema_3.1.json")
_GEOJSON_URI: Final = "https://geojson.org/schema/GeoJSON.json"
_NAR_NS: Final = "http://iptc.org/std/nar/2006-10-01/"
_SHORT_NAMESPACES: Final = (
    (f"{{{_NAR_NS}}}", "nar:"),
    ("{http://iptc.org/std/NITF/2006-10-18/}", "nitf:"),
    ("{http://www.w3.org/1999/xhtml}", "xhtml:"),
)
_EXPECTED_LIST: Final = re.compile(r"Expected is one of \((.{200}).*?\)", re.DOTALL)


class SchemasUnavailableError(NewsmodelError):
    """A schema (or the package needed to use it) cannot be found or loaded."""


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with a document: where (a line, or a JSON path) and what."""

    message: str
    line: int | None = None
    path: str | None = None

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else f"at {self.path or '/'}"
        return f"{where}: {self.message}"


@attrs.frozen(kw_only=True)
class Report:
    """The outcome of checking one document: its kind and its problems (none: valid)."""

    kind: str
    problems: tuple[Problem, ...] = ()


class Validator:
    """Checks documents against the schemas in *folder*; each schema loads on first use."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._xsd: etree.XMLSchema | None = None
        self._ninjs: Any = None

    def check(self, data: bytes) -> Report:
        """Tell what kind of document *data* is and what, if anything, is wrong with it."""
        head = data[:512].removeprefix(b"\xef\xbb\xbf").lstrip()
        if head.startswith(b"<"):
            return self._check_xml(data)
        if head.startswith((b"{", b"[")):
            return self._check_json(data)
        return Report(kind="unknown", problems=(Problem(message="neither XML nor JSON", line=1),))

    def _schema_file(self, rel: PurePath) -> Path:
        path = self.folder / rel
        if not path.is_file():
            msg = f"schema {path} not found (the schemas folder must hold {rel})"
            raise SchemasUnavailableError(msg)
        return path

    def xsd(self) -> etree.XMLSchema:
        """The NewsML-G2 + NITF driver schema."""
        if self._xsd is None:
            path = self._schema_file(G2_SCHEMA)
            try:
                self._xsd = etree.XMLSchema(etree.parse(str(path), make_parser()))
            except (etree.XMLSchemaParseError, etree.XMLSyntaxError, OSError) as err:
                msg = f"cannot load {path}: {err}"
                raise SchemasUnavailableError(msg) from err
        return self._xsd

    def ninjs(self) -> Any:
        """A ninjs 3.1 JSON Schema validator (``jsonschema`` is imported here, lazily)."""
        if self._ninjs is None:
            path = self._schema_file(NINJS_SCHEMA)
            try:
                import jsonschema  # noqa: PLC0415 - a test extra, not a runtime dependency
                from referencing import Registry, Resource  # noqa: PLC0415 - same
            except ImportError as err:
                msg = (
                    "checking ninjs needs the jsonschema package (not installed): "
                    "pip install jsonschema rfc3339-validator rfc3986-validator"
                )
                raise SchemasUnavailableError(msg) from err
            schema = json.loads(path.read_text("utf-8"))
            # The schema's only remote reference is GeoJSON: a permissive local stand-in.
            stub = Resource.from_contents(
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": _GEOJSON_URI}
            )
            self._ninjs = jsonschema.Draft202012Validator(
                schema,
                registry=Registry().with_resource(_GEOJSON_URI, stub),
                format_checker=jsonschema.FormatChecker(),
            )
        return self._ninjs

    def _check_xml(self, data: bytes) -> Report:
        try:
            root = parse_xml(data)
        except ParseError as err:
            return Report(
                kind="XML", problems=(Problem(message=err.msg, line=_line(data, err.pos)),)
            )
        qname = etree.QName(root)
        if qname.namespace != _NAR_NS:
            what = "NewsML 1.x, not NewsML-G2" if qname.localname == "NewsML" else "not NewsML-G2"
            problem = Problem(
                message=f"root element {qname.localname!r}: {what}", line=root.sourceline
            )
            return Report(kind="XML", problems=(problem,))
        schema = self.xsd()
        try:
            valid = schema.validate(root)
        except etree.Error as err:
            problem = Problem(message=f"cannot be validated: {err}", line=root.sourceline)
            return Report(kind="NewsML-G2", problems=(problem,))
        if valid:
            return Report(kind="NewsML-G2")
        problems = tuple(
            Problem(message=_shorten(error.message), line=error.line) for error in schema.error_log
        )
        return Report(kind="NewsML-G2", problems=problems)

    def _check_json(self, data: bytes) -> Report:
        try:
            document = json.loads(data)
        except json.JSONDecodeError as err:
            problem = Problem(message=f"{err.msg} (column {err.colno})", line=err.lineno)
            return Report(kind="JSON", problems=(problem,))
        except (ValueError, RecursionError) as err:
            return Report(kind="JSON", problems=(Problem(message=str(err)),))
        if isinstance(document, dict) and "schema_version" in document:
            try:
                from_dict(document)
            except DeserializationError as err:
                problems = tuple(_json_path_problem(e) for e in err.errors or [str(err)])
                return Report(kind="newsmodel JSON", problems=problems)
            return Report(kind="newsmodel JSON")
        validator = self.ninjs()
        errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.path)))
        problems = tuple(
            Problem(message=error.message, path="/" + "/".join(map(str, error.path)))
            for error in errors
        )
        return Report(kind="ninjs 3.1", problems=problems)


def _json_path_problem(message: str) -> Problem:
    """``$.a[0]: what`` or cattrs' ``what @ $.a[0]`` as a problem at that path."""
    path, sep, rest = message.partition(": ")
    if sep and path.startswith("$"):
        return Problem(message=rest, path=path)
    rest, sep, path = message.rpartition(" @ ")
    if sep and path.startswith("$"):
        return Problem(message=rest, path=path)
    return Problem(message=message)


def _shorten(message: str) -> str:
    """libxml2's message with namespaces as prefixes and very long "expected" lists cut."""
    for uri, prefix in _SHORT_NAMESPACES:
        message = message.replace(uri, prefix)
    return _EXPECTED_LIST.sub(lambda m: f"Expected is one of ({m.group(1)}…)", message)


def _line(data: bytes, pos: int | None) -> int | None:
    """The 1-based line of character offset *pos* in *data*, where known."""
    if pos is None:
        return None
    return data.decode("utf-8", "replace")[:pos].count("\n") + 1
