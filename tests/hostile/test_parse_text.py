"""parse_text on anything: an Article or a ParseError, never another exception."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsmodel import Article, ParseError, ParseOptions, parse_text
from tests.hostile._checks import check_article, examples, typed
from tests.hostile._inputs import HOSTILE_CHARS, INSERTS, mutated_text, text_seeds

_FAST = ParseOptions(analyze=False)

_PIECES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(INSERTS),
    st.sampled_from(HOSTILE_CHARS),
    st.sampled_from(("“", "”", '"', "«", "»", "„", "said", "Mr", "Ms", "President", ".", "\n")),
    st.from_regex(r"[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8})?", fullmatch=True),
)
_PROSE = st.lists(_PIECES, max_size=40).map("".join)
"""Text built from quotation marks, names, cues and hostile characters: the analysis's input."""


def _parse(text: str, options: ParseOptions | None = None) -> None:
    result = typed(lambda: parse_text(text, options=options or ParseOptions()))
    if isinstance(result, Article):
        check_article(result)
    else:
        assert isinstance(result, ParseError), f"parse_text raised {type(result).__name__}"


class TestParseTextArbitrary:
    """Arbitrary Unicode, surrogates and controls included."""

    @examples(600)
    @given(st.text())
    def test_any_text(self, text: str) -> None:
        """Any string gives an Article or a ParseError."""
        _parse(text)

    @examples(600)
    @given(_PROSE)
    def test_prose_like_text(self, text: str) -> None:
        """Quotation marks, names and cues in any order give an Article or a ParseError."""
        _parse(text)

    @examples(300)
    @given(st.text(alphabet=st.sampled_from("“”\"'«»„‘’ \n.,:;Aa"), max_size=300))
    def test_quotation_mark_soup(self, text: str) -> None:
        """Unbalanced and nested quotation marks give an Article or a ParseError."""
        _parse(text)

    @examples(300)
    @given(
        st.text(), st.text(st.characters(exclude_categories=("Cc", "Cs", "Co", "Cn")), max_size=40)
    )
    def test_any_text_without_analysis(self, text: str, url: str) -> None:
        """Any text and any url, analysis off, gives an Article or a ParseError."""
        result = typed(lambda: parse_text(text, url=url or None, options=_FAST))
        if isinstance(result, Article):
            check_article(result)


class TestParseTextMutated:
    """Real articles (the seed article, BBC texts) with mutations."""

    @examples(400)
    @given(st.data())
    def test_mutated_articles(self, data: st.DataObject) -> None:
        """A real article with inserted marks, controls, splices or cuts parses or raises ParseError."""
        _parse(data.draw(mutated_text(text_seeds())))

    @examples(200)
    @given(st.data())
    def test_mutated_articles_strict(self, data: st.DataObject) -> None:
        """With strict=True, a mutated article parses or raises ParseError."""
        _parse(data.draw(mutated_text(text_seeds())), ParseOptions(strict=True))
