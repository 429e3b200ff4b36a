"""Reading NewsML-G2 others write: IPTC examples and unit tests, senders' variants, hostile XML."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import Article, ParseError, from_newsml, iter_newsml, to_newsml
from newsmodel.parse._xml import parse_xml
from tests.conftest import shared_path
from tests.newsml_checks import sample_article

_HEAD = (
    '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="2"'
    ' standard="NewsML-G2" standardversion="{version}">'
    '<itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/>'
    "<versionCreated>2020-01-01T10:00:00Z</versionCreated></itemMeta>"
    "<contentMeta><headline>Big news</headline></contentMeta><contentSet>{body}</contentSet></newsItem>"
)
_NITF_P = "<p>First <person>Ann Lee</person> paragraph.</p><p>Second <q>one</q>.</p>"


def _item(body: str, version: str = "2.35") -> str:
    return _HEAD.format(version=version, body=body)


def _examples() -> list[Path]:
    base = shared_path("standards", "newsml-g2")
    return sorted(
        [*base.glob("examples/**/*.xml"), *base.glob("skeletons/*.xml")], key=lambda p: p.name
    )


@pytest.mark.corpus
class TestIptcFiles:
    """Every IPTC example, skeleton and unit-test instance."""

    def test_every_example_reads(self) -> None:
        """Each example (fragments too) reads without an exception, with its headline."""
        for path in _examples():
            articles = list(iter_newsml(path.read_bytes()))
            assert articles, path.name
            text = path.read_text("utf-8", "replace")
            if "<headline" in text:
                assert any(a.headline for a in articles), path.name

    def test_nitf_bodies_are_read(self) -> None:
        """LISTING_2 and LISTING_22 (p directly under body.content) give their paragraphs."""
        base = shared_path("standards", "newsml-g2", "examples")
        for name, count in (("LISTING_2_", 2), ("LISTING_22_", 6)):
            path = next(base.glob(f"{name}*.xml"))
            assert len(from_newsml(path.read_bytes()).paragraphs) == count

    def test_skeleton_entities_and_quote(self) -> None:
        """The NITF skeleton's person, organisation, place and quotation are found in the body."""
        path = shared_path("standards", "newsml-g2", "skeletons", "article-newsItem-nitf.xml")
        article = from_newsml(path.read_bytes())
        assert article.persons[0].name == "Angela Merkel"
        assert article.persons[0].mentions
        assert article.quotes[0].speaker == article.persons[0]
        assert [a.name for a in article.authors] == ["Jane Doe"]

    def test_should_pass(self) -> None:
        """Valid unit-test instances read without a schema warning."""
        for path in shared_path("standards", "newsml-g2", "unit_tests", "should_pass").glob(
            "*.xml"
        ):
            article = from_newsml(path.read_bytes())
            assert "newsml-invalid" not in {w.code for w in article.warnings}, path.name

    def test_should_fail(self) -> None:
        """Invalid instances raise ParseError or read with a warning."""
        for path in shared_path("standards", "newsml-g2", "unit_tests", "should_fail").glob(
            "*.xml"
        ):
            try:
                article = from_newsml(path.read_bytes())
            except ParseError:
                continue
            assert "newsml-invalid" in {w.code for w in article.warnings}, path.name


class TestSendersVariants:
    """Bodies and envelopes as agencies send them."""

    @pytest.mark.parametrize(
        "nitf",
        [
            f'<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content><block>{_NITF_P}</block></body.content></body></nitf>',
            f"<nitf><body><body.content>{_NITF_P}</body.content></body></nitf>",
            f'<n:nitf xmlns:n="urn:nitf"><n:body><n:body.content>{_NITF_P.replace("<", "<n:").replace("<n:/", "</n:")}</n:body.content></n:body></n:nitf>',
        ],
        ids=["namespaced-block", "unnamespaced", "prefixed"],
    )
    def test_nitf_forms(self, nitf: str) -> None:
        """Namespaced, un-namespaced and prefixed NITF give the same paragraphs and marks."""
        article = from_newsml(
            _item(f'<inlineXML contenttype="application/nitf+xml">{nitf}</inlineXML>')
        )
        assert article.paragraphs == ("First Ann Lee paragraph.", "Second one.")
        assert article.persons[0].name == "Ann Lee"
        assert article.persons[0].mentions[0].slice(article.text) == "Ann Lee"
        assert article.quotes[0].spans[0].slice(article.text) == "one"

    def test_xhtml_body(self) -> None:
        """An XHTML body gives its paragraphs."""
        html = '<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>T</h1><p>One.</p><p>Two.</p></body></html>'
        article = from_newsml(
            _item(f'<inlineXML contenttype="application/xhtml+xml">{html}</inlineXML>')
        )
        assert article.paragraphs == ("One.", "Two.")

    def test_plain_text_body(self) -> None:
        """A text/plain inlineData body splits at blank lines."""
        article = from_newsml(
            _item('<inlineData contenttype="text/plain">One\nline.\n\nTwo.</inlineData>')
        )
        assert article.paragraphs == ("One line.", "Two.")

    def test_older_version_and_missing_pieces(self) -> None:
        """A 2.18 item with no catalog, pubStatus or firstCreated still reads."""
        article = from_newsml(_item("", version="2.18"))
        assert article.id == "urn:x:1"
        assert article.headline == "Big news"
        assert article.paragraphs == ()

    def test_news_message_with_two_items(self) -> None:
        """Every item of a newsMessage becomes an article."""
        item = _item("").replace(' xmlns="http://iptc.org/std/nar/2006-10-01/"', "")
        message = (
            '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2020-01-01T00:00:00Z</sent>'
            f"</header><itemSet>{item}{item.replace('urn:x:1', 'urn:x:2')}</itemSet></newsMessage>"
        )
        assert [a.id for a in iter_newsml(message)] == ["urn:x:1", "urn:x:2"]

    def test_newsml_1_is_refused_clearly(self) -> None:
        """A NewsML 1.x root says so."""
        with pytest.raises(ParseError, match=r"1\.x"):
            from_newsml("<NewsML><NewsEnvelope/></NewsML>")

    def test_other_xml_is_refused(self) -> None:
        """A document that is not NewsML-G2 raises ParseError."""
        with pytest.raises(ParseError, match="not a NewsML-G2"):
            from_newsml("<rss/>")

    def test_empty_message(self) -> None:
        """A newsMessage without items has no first article."""
        with pytest.raises(ParseError, match="no item"):
            from_newsml(
                '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header/></newsMessage>'
            )

    def test_tampered_model_rendition_loses_to_the_standard_parts(self) -> None:
        """When the standard body no longer matches the model, the standard parts win."""
        data = to_newsml(sample_article()).replace(b"He said the talks", b"She said the talks", 1)
        article = from_newsml(data)
        assert article.paragraphs[1].startswith("She said")
        assert "newsml-model-mismatch" in {w.code for w in article.warnings}

    def test_strict_raises_on_warnings(self) -> None:
        """ParseOptions(strict=True) turns a warning into ParseError."""
        from newsmodel import ParseOptions

        with pytest.raises(ParseError):
            from_newsml(_item("<remoteContent/>"), options=ParseOptions(strict=True))

    @given(st.binary(max_size=300) | st.text(max_size=300))
    def test_garbage_raises_only_parse_error(self, data: bytes | str) -> None:
        """Random input either reads or raises ParseError, nothing else."""
        try:
            result = list(iter_newsml(data))
        except ParseError:
            return
        assert all(isinstance(a, Article) for a in result)


_BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + ']><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="&lol9;"/>'
)
_QUADRATIC = (
    f'<!DOCTYPE r [<!ENTITY a "{"x" * 50_000}">]><newsItem guid="x">{"&a;" * 50_000}</newsItem>'
)


class TestHostileXml:
    """The hardened parser refuses entity tricks fast and without reading files."""

    @pytest.mark.parametrize(
        "document", [_BILLION_LAUGHS, _QUADRATIC], ids=["billion-laughs", "quadratic"]
    )
    def test_entity_bombs_are_refused_fast(self, document: str) -> None:
        """Entity expansion attacks raise ParseError in well under a second."""
        started = time.perf_counter()
        with pytest.raises(ParseError, match="entit"):
            from_newsml(document)
        assert time.perf_counter() - started < 0.5

    def test_external_entity_reads_no_file(self, tmp_path: Path) -> None:
        """An external entity pointing at a FIFO is refused without opening it (no hang)."""
        fifo = tmp_path / "fifo"
        import os

        os.mkfifo(fifo)
        document = f'<!DOCTYPE r [<!ENTITY x SYSTEM "file://{fifo}">]><newsItem guid="&x;"/>'
        outcome: list[BaseException | None] = []

        def attempt() -> None:
            try:
                from_newsml(document)
                outcome.append(None)
            except ParseError as err:
                outcome.append(err)

        worker = threading.Thread(target=attempt, daemon=True)
        worker.start()
        worker.join(timeout=2)
        assert not worker.is_alive(), "the parser tried to read the external entity"
        assert isinstance(outcome[0], ParseError)

    def test_passwd_is_not_leaked(self) -> None:
        """The classic /etc/passwd entity is refused and nothing of the file shows."""
        document = '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><newsItem guid="&x;"/>'
        with pytest.raises(ParseError) as info:
            from_newsml(document)
        assert "root:" not in str(info.value)

    def test_external_dtd_is_refused(self) -> None:
        """A DOCTYPE pointing at a remote DTD is refused without network access."""
        started = time.perf_counter()
        with pytest.raises(ParseError, match="external DTD"):
            from_newsml(
                '<!DOCTYPE newsItem SYSTEM "http://example.com/g2.dtd"><newsItem guid="x"/>'
            )
        assert time.perf_counter() - started < 0.5

    def test_plain_doctype_is_accepted(self) -> None:
        """A DOCTYPE that declares nothing is harmless and ignored."""
        assert parse_xml("<!DOCTYPE r><r>ok</r>").text == "ok"

    def test_syntax_error_has_a_position(self) -> None:
        """A broken document raises ParseError with line, column and offset."""
        with pytest.raises(ParseError, match="line 2") as info:
            parse_xml("<a>\n<b></a>")
        assert info.value.pos is not None
