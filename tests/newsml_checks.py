"""Checks of NewsML-G2 output that the XSD does not make, and a hand-built sample article."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

from lxml import etree

from newsmodel import (
    Article,
    FieldSource,
    Organization,
    ParseWarning,
    Person,
    Place,
    Quote,
    Span,
    Statement,
)

NAR = "{http://iptc.org/std/nar/2006-10-01/}"
_OFFSET = re.compile(r"(Z|[+-]\d\d:\d\d)$")
_CONCEPTS = ("subject", "creator", "located", "infoSource", "affiliation", "provider", "assert")


@cache
def iptc_aliases(catalog: Path) -> frozenset[str]:
    """The scheme aliases the IPTC catalog declares."""
    tree = etree.parse(str(catalog), etree.XMLParser(no_network=True, resolve_entities=False))
    return frozenset(s.get("alias", "") for s in tree.iter(f"{NAR}scheme"))


def own_checks(root: etree._Element, catalog: Path) -> list[str]:
    """Problems the schema lets through: dangling IDREFs, concepts without an identifier,
    datetimes without an offset, empty headlines, QCodes with undeclared aliases."""
    ids = {e.get("id") for e in root.iter() if e.get("id")} | {
        e.get("partid") for e in root.iter() if e.get("partid")
    }
    problems = [
        f"dangling contentref {ref!r}"
        for element in root.iter()
        for ref in (element.get("contentrefs") or "").split()
        if ref not in ids
    ]
    problems.extend(
        f"<{name}> without qcode, uri or literal"
        for name in _CONCEPTS
        for element in root.iter(NAR + name)
        if not any(element.get(a) for a in ("qcode", "uri", "literal"))
    )
    problems.extend(
        f"{name} {element.text!r} has no offset"
        for name in ("versionCreated", "firstCreated")
        for element in root.iter(NAR + name)
        if not _OFFSET.search(element.text or "")
    )
    problems.extend(
        "empty headline"
        for element in root.iter(NAR + "headline")
        if not "".join(element.itertext()).strip()
    )
    declared = iptc_aliases(catalog) | {s.get("alias") for s in root.iter(f"{NAR}scheme")}
    problems.extend(
        f"{attribute}={element.get(attribute)!r}: alias not declared"
        for element in root.iter()
        if isinstance(element.tag, str) and element.tag.startswith(NAR)
        for attribute in ("qcode", "type", "role", "rel")
        if element.get(attribute) and element.get(attribute, "").partition(":")[0] not in declared
    )
    return problems


def sample_article() -> Article:
    """A small article touching every field, with a quotation and a statement."""
    paragraphs = (
        "MOSCOW — Sergei Lavrov told the Kremlin: “We will not leave Libya.”",
        "He said the talks would go on, Lavrov added.",
    )
    lavrov = Person(
        id="p1",
        name="Sergei Lavrov",
        aliases=("Lavrov",),
        titles=("Foreign Minister",),
        mentions=(Span(start=9, end=22), Span(start=100, end=106)),
        affiliation="Kremlin",
    )
    kremlin = Organization(id="o1", name="Kremlin", mentions=(Span(start=32, end=39),))
    moscow = Place(id="l1", name="Moscow", mentions=(Span(start=0, end=6),))
    quote = Quote(
        id="q1", text="We will not leave Libya.", spans=(Span(start=42, end=66),), speaker=lavrov
    )
    statement = Statement(
        id="s1",
        content="We will not leave Libya.",
        kind="direct",
        content_spans=(Span(start=42, end=66),),
        speaker=lavrov,
        source="Sergei Lavrov",
        source_span=Span(start=9, end=22),
        cue="told",
        cue_span=Span(start=23, end=27),
        quotes=(quote,),
    )
    return Article(
        id="nm-demo",
        url="https://example.com/a",
        headline="Lavrov: we stay",
        subheadline="Talks go on",
        description="Russia stays.",
        authors=(Person(id="a1", name="Jane Doe"),),
        publisher="Example News",
        section="World",
        keywords=("Libya", "Russia"),
        language="en",
        published=dt.datetime(2016, 1, 2, 10, 0),
        published_raw="2 Jan 2016 10:00",
        modified=dt.datetime(2016, 1, 2, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=3))),
        dateline="MOSCOW, Jan 2",
        image_url="https://example.com/i.jpg",
        image_caption="Lavrov in Moscow",
        paragraphs=paragraphs,
        persons=(lavrov,),
        organizations=(kremlin,),
        places=(moscow,),
        quotes=(quote,),
        statements=(statement,),
        warnings=(ParseWarning(code="date-unzoned", message="no zone for the date"),),
        sources=(FieldSource(field="headline", source="og"),),
    )
