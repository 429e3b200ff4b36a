"""NewsML-G2 reading on hostile input: typed errors, and the classic XML attacks refused fast."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import Article, ParseError, from_newsml, iter_newsml
from tests.hostile._checks import check_article, examples, typed
from tests.hostile._inputs import mutated_bytes, newsml_seeds

_MARKER = "NEWSMODEL-SECRET-7f3a9c"
"""Written into a local file that a hostile entity points at; must never come back."""


def _read_all(document: bytes | str, *, use_model: bool = True) -> None:
    def run() -> list[Article]:
        return list(iter_newsml(document, use_model=use_model))

    result = typed(run)
    if isinstance(result, list):
        for article in result:
            check_article(article)
    else:
        assert isinstance(result, ParseError), f"iter_newsml raised {type(result).__name__}"


class TestNewsmlArbitrary:
    """Arbitrary bytes and text."""

    @examples(400)
    @given(st.binary(max_size=1000))
    def test_any_bytes(self, document: bytes) -> None:
        """Any bytes give Articles or a ParseError."""
        _read_all(document)

    @examples(300)
    @given(st.text(max_size=1000))
    def test_any_text(self, document: str) -> None:
        """Any string gives Articles or a ParseError."""
        _read_all(document)
        result = typed(lambda: from_newsml(document))
        assert isinstance(result, (Article, ParseError))


class TestNewsmlMutated:
    """IPTC's examples, skeletons and unit tests (and ours), broken."""

    @examples(500)
    @given(st.data())
    def test_mutated_documents(self, data: st.DataObject) -> None:
        """A mutated real document gives Articles or a ParseError."""
        _read_all(data.draw(mutated_bytes(newsml_seeds())))

    @examples(300)
    @given(st.data())
    def test_mutated_documents_standard_parts(self, data: st.DataObject) -> None:
        """The same with use_model=False (the standard parts alone)."""
        _read_all(data.draw(mutated_bytes(newsml_seeds(), max_mutations=6)), use_model=False)

    @examples(200)
    @given(st.data())
    def test_mutated_documents_as_text(self, data: st.DataObject) -> None:
        """A mutated document given as str gives an Article or a ParseError."""
        document = data.draw(mutated_bytes(newsml_seeds())).decode("utf-8", "replace")
        result = typed(lambda: from_newsml(document))
        if isinstance(result, Article):
            check_article(result)
        else:
            assert isinstance(result, ParseError)


def _item(doctype: str, headline: str = "x") -> str:
    return (
        f'<?xml version="1.0"?>\n{doctype}\n'
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x" version="1" '
        'standard="NewsML-G2" standardversion="2.35">'
        '<itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:x"/>'
        "<versionCreated>2016-12-28T10:00:00+01:00</versionCreated></itemMeta>"
        f"<contentMeta><headline>{headline}</headline></contentMeta></newsItem>"
    )


def _refused(document: str) -> ParseError:
    """Parse as bytes and as str: both refuse with ParseError within a second."""
    errors = []
    for data in (document.encode(), document):
        start = time.perf_counter()
        with pytest.raises(ParseError) as caught:
            list(iter_newsml(data))
        assert time.perf_counter() - start < 5, "a hostile document was not refused quickly"
        errors.append(caught.value)
    return errors[0]


class TestXmlAttacks:
    """Billion laughs, quadratic blow-up, XXE, external DTDs: refused with ParseError, fast."""

    def test_billion_laughs(self) -> None:
        """Nested entity definitions are refused, not expanded."""
        entities = '<!ENTITY lol "lol">' + "".join(
            f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
            for i in range(1, 10)
        )
        _refused(_item(f"<!DOCTYPE newsItem [{entities}]>", "&lol9;"))

    def test_quadratic_blowup(self) -> None:
        """One large entity referenced many times is refused, not expanded."""
        doctype = f'<!DOCTYPE newsItem [<!ENTITY a "{"a" * 50_000}">]>'
        _refused(_item(doctype, "&a;" * 50_000))

    def test_external_entity_reads_no_file(self, tmp_path: Path) -> None:
        """An entity naming a local file is refused and the file's content never appears."""
        secret = tmp_path / "secret.txt"
        secret.write_text(_MARKER)
        doctype = f'<!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        error = _refused(_item(doctype, "&xxe;"))
        assert _MARKER not in str(error)
        assert _MARKER not in repr(error.__cause__)

    def test_parameter_entity_reads_no_file(self, tmp_path: Path) -> None:
        """A parameter entity pulling a local file into the DTD is refused."""
        secret = tmp_path / "secret.dtd"
        secret.write_text(f'<!ENTITY leak "{_MARKER}">')
        doctype = f'<!DOCTYPE newsItem [<!ENTITY % p SYSTEM "{secret.as_uri()}"> %p;]>'
        error = _refused(_item(doctype, "&leak;"))
        assert _MARKER not in str(error)

    def test_external_dtd_local_file(self, tmp_path: Path) -> None:
        """A DOCTYPE with a SYSTEM id naming a local DTD is refused; its entities are not read."""
        dtd = tmp_path / "evil.dtd"
        dtd.write_text(f'<!ENTITY leak "{_MARKER}">')
        error = _refused(_item(f'<!DOCTYPE newsItem SYSTEM "{dtd.as_uri()}">', "&leak;"))
        assert _MARKER not in str(error)

    @pytest.mark.parametrize(
        "doctype",
        [
            '<!DOCTYPE newsItem SYSTEM "http://198.51.100.7/evil.dtd">',
            '<!DOCTYPE newsItem PUBLIC "-//X//DTD X//EN" "https://198.51.100.7/x.dtd">',
            '<!DOCTYPE newsItem [<!ENTITY net SYSTEM "http://198.51.100.7/x">]>',
        ],
    )
    def test_network_dtd_and_entity(self, doctype: str) -> None:
        """A DTD or entity fetched over the network is refused at once (no connection is tried)."""
        _refused(_item(doctype, "&net;" if "ENTITY" in doctype else "x"))

    def test_schema_location_is_not_fetched(self) -> None:
        """An xsi:schemaLocation pointing at the network is ignored, and parsing stays fast."""
        document = _item("").replace(
            'standardversion="2.35"',
            'standardversion="2.35" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://iptc.org/std/nar/2006-10-01/ http://198.51.100.7/x.xsd"',
        )
        start = time.perf_counter()
        result = typed(lambda: from_newsml(document))
        assert time.perf_counter() - start < 5
        assert isinstance(result, (Article, ParseError))

    def test_xinclude_is_not_processed(self, tmp_path: Path) -> None:
        """An XInclude naming a local file is left alone: the file's content never appears."""
        secret = tmp_path / "secret.txt"
        secret.write_text(_MARKER)
        headline = (
            f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{secret.as_uri()}" '
            'parse="text"/>'
        )
        result = typed(lambda: from_newsml(_item("", headline)))
        assert _MARKER not in repr(result)

    def test_harmless_doctype_is_accepted(self) -> None:
        """A bare <!DOCTYPE newsItem> (no entities, no external id) does not stop reading."""
        article = from_newsml(_item("<!DOCTYPE newsItem>", "Ministers meet"))
        assert article.headline == "Ministers meet"

    def test_deep_nesting(self) -> None:
        """A body nested 100,000 deep is a ParseError (libxml2's depth limit), not a crash."""
        body = "<p>" * 100_000 + "x" + "</p>" * 100_000
        result = typed(
            lambda: from_newsml(_item("", "x").replace("</contentMeta>", f"</contentMeta>{body}"))
        )
        assert isinstance(result, (Article, ParseError))
