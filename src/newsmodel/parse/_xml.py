"""The one hardened XML parser newsmodel reads XML documents with.

Every reader that takes XML (NewsML-G2, NITF, the bundled schemas in tests) goes
through :func:`parse_xml`. The parser never resolves entities, never touches the
network, never loads a DTD and keeps libxml2's limits on (no ``huge_tree``).
A document whose DOCTYPE declares entities or points at an external DTD is
refused outright with :class:`~newsmodel.errors.ParseError`: the classic
attacks (billion laughs, quadratic blow-up, an external entity reading
``/etc/passwd``, a DTD fetched over the network) all need one of the two. A
harmless ``<!DOCTYPE root>`` is accepted and dropped.
"""

from __future__ import annotations

import re
from typing import Final

from lxml import etree

from newsmodel.errors import ParseError

__all__ = ["make_parser", "parse_xml"]

_XML_DECLARATION: Final = re.compile(r"\A\s*<\?xml[^>]*\?>")
_DOCTYPE: Final = re.compile(r"<!DOCTYPE\s+[^\s\[>]+\s*(?P<external>SYSTEM|PUBLIC)?")
_ENTITY: Final = re.compile(r"<!ENTITY\b")


def make_parser() -> etree.XMLParser:
    """A new hardened parser (lxml parsers are not thread-safe, so one per call)."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        collect_ids=False,
    )


def parse_xml(data: bytes | str, *, source: str | None = None) -> etree._Element:
    """Parse *data* into its root element, refusing hostile or broken documents.

    A ``str`` is taken as the document itself (never as a file name); its XML
    declaration, if any, is dropped because the text is already decoded.

    Raises:
        ParseError: the document is empty, not well-formed (the message gives the
            line and column, ``pos`` the character offset where known), or declares
            entities or an external DTD.
    """
    if isinstance(data, str):
        data = _XML_DECLARATION.sub("", data, count=1)
    if not data or not data.strip():
        raise ParseError("empty XML document", source=source)
    _refuse_doctype(data, source)
    try:
        root = etree.fromstring(data, make_parser())
    except etree.XMLSyntaxError as err:
        line, column = err.position
        msg = f"not well-formed XML (line {line}, column {column}): {err.msg}"
        raise ParseError(msg, source=source, pos=_offset(data, line, column)) from err
    except (etree.LxmlError, ValueError) as err:
        msg = f"unreadable XML: {err}"
        raise ParseError(msg, source=source) from err
    if root is None:
        raise ParseError("empty XML document", source=source)
    _refuse_dtd(root.getroottree(), source)
    return root


def _refuse_doctype(data: bytes | str, source: str | None) -> None:
    """Refuse entity declarations and external DTDs before libxml2 sees them."""
    if isinstance(data, bytes):
        head = data[:4]
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
            text = data.decode("utf-16", "replace")
        else:
            text = data.decode("latin-1")
    else:
        text = data
    doctype = _DOCTYPE.search(text)
    if doctype is None:
        return
    if _ENTITY.search(text, doctype.start()):
        msg = "the document declares entities in its DOCTYPE; entity declarations are refused"
        raise ParseError(msg, source=source, pos=doctype.start())
    if doctype.group("external"):
        msg = "the document refers to an external DTD; external DTDs are refused"
        raise ParseError(msg, source=source, pos=doctype.start())


def _refuse_dtd(tree: etree._ElementTree, source: str | None) -> None:
    """Refuse entity declarations and external DTDs; nothing was expanded or loaded."""
    info = tree.docinfo
    dtd = info.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        msg = "the document declares entities in its DOCTYPE; entity declarations are refused"
        raise ParseError(msg, source=source)
    if info.system_url or info.public_id:
        msg = "the document refers to an external DTD; external DTDs are refused"
        raise ParseError(msg, source=source)


def _offset(data: bytes | str, line: int, column: int) -> int | None:
    """The offset of *line*:*column* (1-based line, 1-based column) in *data*."""
    if line < 1:
        return None
    newline: bytes | str = b"\n" if isinstance(data, bytes) else "\n"
    start = 0
    for _ in range(line - 1):
        found = data.find(newline, start)  # type: ignore[arg-type]
        if found < 0:
            return None
        start = found + 1
    return start + max(column - 1, 0)
