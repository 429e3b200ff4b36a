"""The body finder's walk: text cleaning and attribute reading, as the slower forms did them."""

from __future__ import annotations

import lxml.html
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.extract import _blocks
from newsmodel.extract._furniture import read_attributes

SPACES = " \t\n\r\x0b\x0c\x1c\x85\xa0\u2003\u2028"
CONTROLS = "\x00\x07\x1b\x7f\x9f\ufffd\ufffe"


def reference_clean(text: str) -> str:
    """What _clean did before its fast paths: normalize, then drop control characters."""
    normalized = " ".join(text.split())
    return " ".join(_blocks._CONTROL.sub("", normalized).split())


class TestClean:
    """Whitespace runs become one space and control characters go, whichever path runs."""

    @given(st.text(alphabet=st.sampled_from("ab é." + SPACES + CONTROLS), max_size=30))
    def test_same_as_the_plain_form(self, text: str) -> None:
        """The fast paths give what splitting and the regex give."""
        assert _blocks._clean(text) == reference_clean(text)

    def test_normal_text_is_returned_as_is(self) -> None:
        """Printable text with single inner spaces needs no change."""
        assert _blocks._clean("A plain sentence.") == "A plain sentence."

    def test_replacement_character_is_removed(self) -> None:
        """U+FFFD is printable but still removed."""
        assert _blocks._clean("bad \ufffd byte") == "bad byte"


class TestReadAttributes:
    """One items() call says what four get() calls said."""

    def test_class_id_and_article_body(self) -> None:
        """class, id and itemprop=articleBody are read."""
        root = lxml.html.fromstring('<div class="a b" id="x" itemprop="articleBody">t</div>')
        found = read_attributes(root)
        assert (found.cls, found.ident, found.article_body, found.hidden) == (
            "a b",
            "x",
            True,
            False,
        )

    def test_hidden_by_attribute_or_style(self) -> None:
        """The hidden attribute and display:none both hide; other styles do not."""
        hidden = lxml.html.fromstring("<div hidden>t</div>")
        styled = lxml.html.fromstring('<div style="color: red; DISPLAY : none">t</div>')
        shown = lxml.html.fromstring('<div style="border: none">t</div>')
        assert read_attributes(hidden).hidden
        assert read_attributes(styled).hidden
        assert not read_attributes(shown).hidden

    def test_no_attributes(self) -> None:
        """An element without attributes has no class, id or mark."""
        found = read_attributes(lxml.html.fromstring("<p>t</p>"))
        assert (found.cls, found.ident, found.article_body, found.hidden) == (
            None,
            None,
            False,
            False,
        )
