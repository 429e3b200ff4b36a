"""parse_html on anything: an Article or a ParseError, never another exception."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsmodel import Article, ParseError, ParseOptions, parse_html
from tests.hostile._checks import check_article, examples, typed
from tests.hostile._inputs import INSERTS, html_seeds, mutated_bytes

_FAST = ParseOptions(analyze=False)

_TAGS = st.sampled_from(
    ("p", "div", "article", "main", "script", "style", "h1", "title", "meta", "span", "a", "br",
     "table", "td", "li", "noscript", "template", "svg", "math", "iframe", "time", "figure")
)  # fmt: skip


@st.composite
def _tag_soup(draw: st.DrawFn) -> str:
    """Random open, close and void tags with attributes, text and fragments between them."""
    parts: list[str] = []
    for _ in range(draw(st.integers(min_value=0, max_value=40))):
        choice = draw(st.integers(min_value=0, max_value=4))
        tag = draw(_TAGS)
        if choice == 0:
            attr = draw(st.sampled_from(("", " class='byline'", " hidden", ' content="x"')))
            parts.append(f"<{tag}{attr}>")
        elif choice == 1:
            parts.append(f"</{tag}>")
        elif choice == 2:
            parts.append(draw(st.sampled_from(INSERTS)))
        else:
            parts.append(draw(st.text(max_size=20)))
    return "".join(parts)


def _parse(page: bytes | str, options: ParseOptions | None = None) -> None:
    result = typed(lambda: parse_html(page, options=options or ParseOptions()))
    if isinstance(result, Article):
        check_article(result)
    else:
        assert isinstance(result, ParseError), f"parse_html raised {type(result).__name__}"


class TestParseHtmlArbitrary:
    """Arbitrary bytes, text and tag soup."""

    @examples(500)
    @given(st.binary(max_size=2000))
    def test_any_bytes(self, page: bytes) -> None:
        """Any bytes give an Article or a ParseError."""
        _parse(page)

    @examples(500)
    @given(st.text(max_size=2000))
    def test_any_text(self, page: str) -> None:
        """Any string gives an Article or a ParseError."""
        _parse(page)

    @examples(500)
    @given(_tag_soup())
    def test_tag_soup(self, page: str) -> None:
        """Unbalanced tags, scripts, entities and declarations give an Article or a ParseError."""
        _parse(page)

    @examples(300)
    @given(_tag_soup(), st.sampled_from(("utf-8", "utf-16", "utf-32", "cp1252", "latin-1")))
    def test_tag_soup_encoded(self, page: str, encoding: str) -> None:
        """Tag soup encoded in any common encoding, with or without its BOM, parses or raises ParseError."""
        _parse(page.encode(encoding, "replace"))


class TestParseHtmlMutated:
    """Real pages (aeb-dev, meta-dev) with mutations."""

    @examples(400)
    @given(st.data())
    def test_mutated_pages(self, data: st.DataObject) -> None:
        """A real page with flips, cuts, splices and inserted tags parses or raises ParseError."""
        _parse(data.draw(mutated_bytes(html_seeds())))

    @examples(300)
    @given(st.data())
    def test_mutated_pages_without_analysis(self, data: st.DataObject) -> None:
        """The same, analysis off (metadata and body only)."""
        _parse(data.draw(mutated_bytes(html_seeds(), max_mutations=8)), _FAST)

    @examples(150)
    @given(st.data())
    def test_mutated_pages_as_text(self, data: st.DataObject) -> None:
        """A mutated page given as str (decoded with replacement) parses or raises ParseError."""
        page = data.draw(mutated_bytes(html_seeds()))
        _parse(page.decode("utf-8", "replace"), _FAST)
