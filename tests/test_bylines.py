"""The "By" line finder sifts a scope's texts cheaply and keeps exactly what its regexes match."""

from __future__ import annotations

import re

import lxml.html
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.extract._bylines import (
    _BY_START,
    _OPENERS,
    _OPENINGS,
    _SOURCE_LINE,
    _SPACES,
    _TEXTS,
    _opening_texts,
    _within,
)
from newsmodel.parse.html import _new_parser

_PIECES = [
    *_OPENERS,
    "BY",
    "Posted in News by",
    "Ein Artikel von",
    "blogbeitrag von",
    "AUTORIN:",
    "Quelle: dpa/ab",
    "SOURCE :Reuters/xy",
    "İnterview von",
    "Kommentar",
    "ſcritto da",
    "Jane Doe",
    "x",
    ":",
    " ",
    "\n",
    "\x0c",
    "\xa0",
    "\u2003",
    "—",
    "|",
    "*",
    "by",
]


def _tree(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html.encode(), parser=_new_parser())


def _reference(scope: lxml.html.HtmlElement) -> list[tuple[object, bool, str]]:
    return [
        (n.getparent(), n.is_tail, str(n))
        for n in _TEXTS(scope)
        if _BY_START.match(n) or _SOURCE_LINE.match(n)
    ]


class TestSiftTables:
    """The tables the sifting relies on agree with what the regexes match."""

    def test_spaces_are_regex_spaces(self) -> None:
        """``_SPACES`` holds exactly the characters ``\\s`` matches."""
        space = re.compile(r"\s")
        assert set(_SPACES) == {c for c in map(chr, range(0x110000)) if space.match(c)}

    def test_lstrip_strips_regex_spaces(self) -> None:
        """``str.lstrip()`` takes away exactly what ``\\s`` matches."""
        assert set(_SPACES) == {c for c in map(chr, range(0x110000)) if not c.lstrip()}

    def test_openings_cover_every_case(self) -> None:
        """Every pair a case-blind regex takes for an opener's first two letters is kept."""
        letters = "".join({c for word in _OPENERS for c in word[:2]})
        cases = re.compile(f"[{letters}]", re.IGNORECASE)
        found = [c for c in map(chr, range(0x110000)) if cases.fullmatch(c)]
        for letter in letters:
            same = {c for c in found if re.fullmatch(letter, c, re.IGNORECASE)}
            for word in _OPENERS:
                if word[0] == letter:
                    assert {c + word[1] for c in same} <= _OPENINGS
                if word[1] == letter:
                    assert {word[0] + c for c in same} <= _OPENINGS


class TestOpeningTexts:
    """The texts found are those of ``_TEXTS`` the regexes match, in order, none other."""

    def test_fixture(self) -> None:
        """Lines in texts and tails, a source line, prose and a long text."""
        root = _tree(
            "<html><body><div><p>— By Jane Doe</p>Text von Ben Ölz<b>x</b>"
            "<p>Quelle: Reuters/ab</p><p>Bye now</p><p>von "
            + "a" * 200
            + "</p><span>\u2003VON: Anna</span></div></body></html>"
        )
        got = [(n.getparent(), n.is_tail, str(n)) for n in _opening_texts(root)]
        assert got == _reference(root)
        assert [text for _, _, text in got] == [
            "— By Jane Doe",
            "Text von Ben Ölz",
            "Quelle: Reuters/ab",
            "\u2003VON: Anna",
        ]

    def test_many_lines(self) -> None:
        """More lines than one fetch takes come all, in document order."""
        root = _tree(
            "<html><body>" + "".join(f"<p>By Writer {n}</p>" for n in range(35)) + "</body></html>"
        )
        got = [str(n) for n in _opening_texts(root)]
        assert got == [f"By Writer {n}" for n in range(35)]

    def test_very_many_lines(self) -> None:
        """Past the positional fetches, one walk gives the same texts, parents and all."""
        root = _tree(
            "<html><body>"
            + "".join(f"<p>x</p><p>By Writer {n}<br>Quelle: Agentur/ab</p>" for n in range(60))
            + "</body></html>"
        )
        got = [(n.getparent(), n.is_tail, str(n)) for n in _opening_texts(root)]
        assert len(got) == 120
        assert got == _reference(root)

    @given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=5).map("".join), max_size=8))
    def test_agrees_with_regexes(self, texts: list[str]) -> None:
        """Any mix of openers, cases, spaces and marks gives what the regexes pick."""
        body = "".join(f"<p>{t}<br>{t}</p>" for t in texts if t.strip())
        root = _tree(f"<html><body>{body or 'x'}</body></html>")
        got = [(n.getparent(), n.is_tail, str(n)) for n in _opening_texts(root)]
        assert got == _reference(root)


class TestWithin:
    """The texts read once for the body are narrowed to the article's container."""

    def test_texts_and_tails(self) -> None:
        """A text and a tail inside count; the container's own tail and outside texts do not."""
        root = _tree(
            "<html><body><p>By Out</p><div id='a'><p>By In</p><b>x</b>By Tail</div>"
            "By After</body></html>"
        )
        scope = root.get_element_by_id("a")
        texts = _opening_texts(root.find("body"))
        assert [str(t) for t in texts] == ["By Out", "By In", "By Tail", "By After"]
        assert [str(t) for t in _within(texts, scope)] == ["By In", "By Tail"]
