"""Encodings: wrong, missing and hostile charsets, BOMs, controls and lone surrogates.

Every case is decoded sensibly, and where text was replaced or removed the article
says so in a warning.
"""

from __future__ import annotations

import codecs

import pytest

from newsmodel import Article, ParseOptions, parse_html, parse_text
from tests.hostile._checks import check_article

_TITLE = "Zoë’s “quoted” title"
_BODY = "Mööse said “hello” to the Straße today, and the talks went on for hours. " * 4


def _page(charset: str | None = None, *, title: str = _TITLE, body: str = _BODY) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return (
        f"<html><head>{meta}<title>{title}</title></head>"
        f"<body><article><p>{body}</p><p>{body}</p></article></body></html>"
    )


def _codes(article: Article) -> set[str]:
    return {w.code for w in article.warnings}


def _html(page: bytes | str) -> Article:
    article = parse_html(page, options=ParseOptions(analyze=False))
    check_article(article)
    return article


class TestByteOrderMarks:
    """A BOM decides the encoding, whatever the page declares."""

    @pytest.mark.parametrize(
        ("bom", "encoding"),
        [
            (codecs.BOM_UTF8, "utf-8"),
            (codecs.BOM_UTF16_LE, "utf-16-le"),
            (codecs.BOM_UTF16_BE, "utf-16-be"),
            (codecs.BOM_UTF32_LE, "utf-32-le"),
            (codecs.BOM_UTF32_BE, "utf-32-be"),
        ],
    )
    def test_bom(self, bom: bytes, encoding: str) -> None:
        """The page reads right, with no warning, even when its meta tag says otherwise."""
        article = _html(bom + _page("windows-1252").encode(encoding))
        assert article.headline == _TITLE
        assert article.paragraphs[0] == _BODY.strip()
        assert not _codes(article) & {"undecodable-bytes", "control-characters"}


class TestWrongOrMissingCharset:
    """Declarations that lie, are missing, or name no text encoding."""

    def test_missing_charset_utf8(self) -> None:
        """UTF-8 bytes with no declaration are read as UTF-8 (not Latin-1 mojibake)."""
        article = _html(_page().encode("utf-8"))
        assert article.headline == _TITLE
        assert "Ã" not in article.text

    def test_missing_charset_cp1252(self) -> None:
        """windows-1252 bytes with no declaration get curly quotes, not C1 controls."""
        article = _html(_page().encode("cp1252"))
        assert article.headline == _TITLE
        assert "“hello”" in article.text

    def test_cp1252_passed_off_as_utf8(self) -> None:
        """A page that says UTF-8 but is windows-1252 is read as windows-1252, with a warning."""
        article = _html(_page("utf-8").encode("cp1252"))
        assert article.headline == _TITLE
        assert "charset-mislabelled" in _codes(article)

    def test_latin1_label_means_cp1252(self) -> None:
        """iso-8859-1 is read as windows-1252, as browsers do: 0x93/0x94 are curly quotes."""
        article = _html(_page("iso-8859-1").encode("cp1252"))
        assert article.headline == _TITLE

    def test_utf8_passed_off_as_shift_jis(self) -> None:
        """A declaration the bytes break (UTF-8 labelled shift_jis) gives way to UTF-8, with a warning."""
        article = _html(_page("shift_jis").encode("utf-8"))
        assert article.headline == _TITLE
        assert "charset-mislabelled" in _codes(article)

    def test_honest_legacy_charset(self) -> None:
        """A page really in windows-1251 is read as such."""
        title = "Путин встретился с премьером"
        article = _html(_page("windows-1251", title=title).encode("cp1251", "replace"))
        assert article.headline == title

    @pytest.mark.parametrize(
        "label",
        ["hex", "rot13", "base64", "zlib", "bz2", "uu", "quopri", "undefined", "idna", "punycode",
         "unicode_escape", "raw_unicode_escape", "utf-7", "x-bogus", "", "\u00e9"],
    )  # fmt: skip
    def test_label_that_is_no_web_encoding(self, label: str) -> None:
        """A charset naming a Python codec that is no web text encoding is ignored, not obeyed."""
        article = _html(_page(label).encode("utf-8"))
        assert article.headline == _TITLE

    @pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
    def test_utf16_and_utf32_without_bom(self, encoding: str) -> None:
        """UTF-16/32 without a BOM is recognised by where its NUL bytes fall."""
        article = _html(_page().encode(encoding))
        assert article.headline == _TITLE

    def test_invalid_utf8(self) -> None:
        """Bytes that are no encoding at all are replaced, with a warning."""
        article = _html(
            _page("utf-8").encode("utf-8").replace("Straße".encode(), b"Stra\xff\xfe\xc3e")
        )
        assert article.headline == _TITLE
        assert _codes(article) & {"undecodable-bytes", "charset-mislabelled"}


class TestControlCharacters:
    """NUL and other controls are removed, and the article says so."""

    @pytest.mark.parametrize("char", ["\x00", "\x08", "\x1b", "\x7f", "\x85", "\x9c", "\ufffe"])
    def test_in_html_bytes(self, char: str) -> None:
        """A control in the title and the body of a UTF-8 page is removed, with a warning."""
        article = _html(_page(title=f"Zoë{char}’s “quoted” title", body=f"{_BODY}{char}x").encode())
        assert article.headline == _TITLE
        assert char not in article.text
        assert "control-characters" in _codes(article)

    def test_in_html_metadata(self) -> None:
        """Controls in meta tags and JSON-LD never reach the article (regression: a \\x08 title)."""
        page = (
            '<html><head><title>\x08</title><meta name="description" content="a\x00b">'
            '<script type="application/ld+json">{"@type":"NewsArticle","headline":"H\x01i"}</script>'
            f"</head><body><article><p>{_BODY}</p></article></body></html>"
        )
        article = _html(page.encode())
        assert article.headline in {"Hi", None}
        assert article.description in {"ab", None}
        assert "control-characters" in _codes(article)

    def test_form_feed_in_html(self) -> None:
        """A form feed becomes a space (regression: lxml raised ValueError on it in drop_tree)."""
        for page in (
            "<p>\x0c<br hidden></div></div></div>",
            _page(title="Zoë’s\x0c“quoted” title"),
        ):
            article = _html(page)
            assert "\x0c" not in article.text
            assert "\x0c" not in (article.headline or "")

    def test_lone_surrogates_in_html_str(self) -> None:
        """Lone surrogates in a page given as str are removed, with a warning."""
        article = _html(_page(title="Zoë’s \ud800“quoted” title\udfff"))
        assert article.headline == _TITLE
        assert _codes(article) & {"control-characters", "surrogates-replaced"}

    def test_in_text(self) -> None:
        """NUL and controls in plain text are removed, with a warning."""
        article = parse_text(f"Head\x00line\n\n{_BODY}\x1b\x7f\x9c")
        check_article(article)
        assert article.headline == "Headline"
        assert "control-characters" in _codes(article)

    def test_lone_surrogates_in_text(self) -> None:
        """A lone surrogate in plain text becomes U+FFFD, with a warning."""
        article = parse_text(f"Headline\n\n{_BODY}\ud800 and more.")
        check_article(article)
        assert "\ufffd" in article.text
        assert "surrogates-replaced" in _codes(article)

    def test_clean_text_has_no_warning(self) -> None:
        """Clean text gets no encoding warning (the warnings mean something)."""
        article = parse_text(f"Headline\n\n{_BODY}")
        assert not _codes(article) & {"control-characters", "surrogates-replaced"}
        article = _html(_page("utf-8").encode())
        assert not _codes(article) & {"control-characters", "undecodable-bytes"}
