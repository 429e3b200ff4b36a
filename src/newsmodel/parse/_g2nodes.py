"""Small helpers for reading NewsML-G2 elements by local name, and the reading state."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from newsmodel._newsml_vocab import ENTITY_ALIAS, decode_code
from newsmodel.parse._body import local, text_of

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml import etree

    from newsmodel.model import ParseWarning

__all__ = ["Reader", "child", "children", "find", "key", "name_of", "own_id", "role"]


def children(element: etree._Element | None, name: str) -> Iterator[etree._Element]:
    """The child elements of *element* with local name *name*."""
    if element is None:
        return iter(())
    return (c for c in element if local(c) == name)


def child(element: etree._Element | None, name: str) -> etree._Element | None:
    """The first child of *element* with local name *name*."""
    return next(children(element, name), None)


def find(root: etree._Element, name: str) -> etree._Element | None:
    """*root* itself or its first descendant called *name*."""
    return next((e for e in root.iter() if local(e) == name), None)


def role(element: etree._Element) -> str:
    """The ``role`` attribute, or ``""``."""
    return element.get("role", "")


def key(element: etree._Element) -> str | None:
    """The concept identifier of *element* (qcode, uri or literal)."""
    for attribute in ("qcode", "uri", "literal"):
        value = element.get(attribute)
        if value:
            return f"{attribute}={value}"
    return None


def own_id(element: etree._Element) -> str | None:
    """The model id in a QCode of our per-item entity scheme."""
    qcode = element.get("qcode", "")
    alias, _, code = qcode.partition(":")
    return decode_code(code) if alias == ENTITY_ALIAS and code else None


def name_of(element: etree._Element, *, preserve: bool) -> str | None:
    """The ``name`` child's text, else the ``literal`` attribute."""
    name = child(element, "name")
    text = text_of(name, preserve=preserve) if name is not None else ""
    return text or element.get("literal") or None


@attrs.define
class Reader:
    """The state of reading one item: ids taken so far and what went unmapped."""

    preserve: bool
    taken: set[str] = attrs.field(factory=set)
    unmapped: list[str] = attrs.field(factory=list)
    warnings: list[ParseWarning] = attrs.field(factory=list)

    def new_id(self, wanted: str | None, prefix: str) -> str:
        """*wanted* if still free, else the first free ``prefix<n>``."""
        if wanted and wanted.strip() and wanted not in self.taken:
            self.taken.add(wanted)
            return wanted
        n = 1
        while f"{prefix}{n}" in self.taken:
            n += 1
        self.taken.add(f"{prefix}{n}")
        return f"{prefix}{n}"
