"""The body's marking attributes are read once, in order, keeping the useful values."""

from __future__ import annotations

import re

import lxml.html
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.extract._marks import _useful_values, read_marks
from newsmodel.parse.html import _new_parser

_USEFUL = re.compile(
    r"uthor|byline|autor|writer|poster|posted|verfasser|creator|date|datum|publish|time|meta|"
    r"info|title|headline|dc:|submitted|logo|brand|site-name|sitename|blogname"
)
_PIECES = ["Author", "AUTHOR", "ti", "tle", "x", "-", " ", "\u0130", "dc:", "İnfo", "Date", "\n"]


def _tree(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html.encode(), parser=_new_parser())


class TestUsefulValues:
    """The word search over all values at once agrees with a regex over each value."""

    @given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=6).map("".join), max_size=12))
    def test_agrees_with_regex(self, values: list[str]) -> None:
        """Mixed case, words split across values and "İ" (two characters lower-cased) alike."""
        expected = {v for v in values if _USEFUL.search(v.lower())}
        assert _useful_values(values) == expected


class TestReadMarks:
    """Marks come in document order, with each element's attributes in their order."""

    def test_order_and_filter(self) -> None:
        """Only body attributes with a useful word are kept; the body's own ones count."""
        root = _tree(
            '<html><head><meta class="meta"></head><body class="page-title">'
            '<div id="x" class="wrap"><span class="Byline" id="post-date">A</span></div>'
            '<p rel="author" itemprop="name" property="dc:creator">B</p></body></html>'
        )
        got = [(el.tag, name, value) for el, name, value in read_marks(root).items]
        assert got == [
            ("body", "class", "page-title"),
            ("span", "class", "Byline"),
            ("span", "id", "post-date"),
            ("p", "rel", "author"),
            ("p", "property", "dc:creator"),
        ]
