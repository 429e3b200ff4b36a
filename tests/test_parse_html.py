"""parse_html: decoding, the main-content finder's rules, errors, and robustness."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmodel import Article, ParseError, ParseOptions, parse_html

HTML = Path(__file__).parent / "data" / "html"
FAST = ParseOptions(analyze=False)
FIRST = "The council voted on Tuesday to close the old bridge for repairs"
SECOND = "Engineers had warned for years that the steel supports were corroding"
THIRD = "Residents will be able to use a temporary ferry service"
GERMAN = "Die Brücke wird für ein Jahr gesperrt, sagte der Bürgermeister am Dienstag"
QUOTED = "„Wir können das Risiko nicht tragen“, sagte er – und die Fähre fährt"


def page(name: str) -> Article:
    return parse_html((HTML / name).read_bytes(), options=FAST)


def assert_story(article: Article) -> None:
    """The three story paragraphs are there, in order."""
    text = article.text
    positions = [text.find(part) for part in (FIRST, SECOND, THIRD)]
    assert -1 not in positions, article.paragraphs
    assert positions == sorted(positions)


class TestBodyRules:
    """Each rule of the main-content finder, on a small page written for it."""

    def test_navigation_is_dropped(self) -> None:
        """A <nav> and a menu-classed box stay out of the body."""
        article = page("nav.html")
        assert_story(article)
        assert "Sport pages" not in article.text
        assert "Traffic map" not in article.text

    def test_aside_and_sidebar_are_dropped(self) -> None:
        """An <aside> and a sidebar inside the article stay out."""
        article = page("aside.html")
        assert_story(article)
        assert "Another story about roads" not in article.text
        assert "cat was rescued" not in article.text

    def test_comments_are_dropped(self) -> None:
        """Reader comments after the article stay out, with their heading."""
        article = page("comments.html")
        assert_story(article)
        assert "Reader one" not in article.text
        assert "3 comments" not in article.text

    def test_share_and_newsletter_boxes_are_dropped(self) -> None:
        """Share buttons and a sign-up box inside the article stay out."""
        article = page("share.html")
        assert_story(article)
        assert "Share on" not in article.text
        assert "morning briefing" not in article.text

    def test_captions_are_dropped(self) -> None:
        """Figure captions, photo credits and caption boxes stay out."""
        article = page("caption.html")
        assert_story(article)
        assert "Photo: Jane Doe" not in article.text
        assert "Traffic queues" not in article.text

    def test_cookie_and_subscription_notices_are_dropped(self) -> None:
        """A cookie banner and a subscription prompt before the article stay out."""
        article = page("cookie.html")
        assert_story(article)
        assert "cookies" not in article.text
        assert "Subscribe" not in article.text

    def test_list_items_are_paragraphs(self) -> None:
        """Each item of a list in the article is one paragraph, in place."""
        article = page("lists.html")
        assert_story(article)
        index = article.paragraphs.index("cracks in the concrete deck")
        assert article.paragraphs[index - 1] == "corroded steel supports under the eastern span"
        assert article.paragraphs[index - 2] == "The council listed three reasons for the closure:"

    def test_blockquote_is_kept_in_order(self) -> None:
        """A block quotation stays between the paragraphs around it."""
        article = page("blockquote.html")
        assert_story(article)
        assert article.paragraphs[1].startswith("We cannot take the risk")

    def test_inline_markup_joins_with_correct_spacing(self) -> None:
        """Bold, links and spans join without lost or extra spaces; <br> is a space."""
        article = page("inline_spacing.html")
        first = article.paragraphs[0]
        assert first.startswith(
            "The council voted on Tuesday, after a long debate, to close the old"
        )
        assert "bridge. Work starts in March; it ends next year." in first
        assert not re.search(r"\s[,.;]", article.text)

    def test_headline_is_not_a_paragraph(self) -> None:
        """The h1 goes to the headline, not to the body."""
        article = page("nav.html")
        assert all("Bridge to close for a year" not in p for p in article.paragraphs)

    def test_several_articles_pick_the_story(self) -> None:
        """With teaser <article>s after the story, only the story is the body."""
        article = page("several_articles.html")
        assert_story(article)
        assert "teaser" not in article.text
        assert "Cat rescued" not in article.text

    def test_page_without_article_element(self) -> None:
        """Div soup without <article> or <p>: the text divs are found, <br><br> splits."""
        article = page("no_article.html")
        assert_story(article)
        assert len(article.paragraphs) == 3
        assert "Copyright" not in article.text
        assert "bakery" not in article.text

    def test_noscript_copy_of_the_page_is_read(self) -> None:
        """A <noscript> holding the article (script-built blogs) is read; a small one is not."""
        article = page("noscript_copy.html")
        assert_story(article)
        assert "enable JavaScript" not in article.text

    def test_wrapper_named_like_furniture_is_kept(self) -> None:
        """A wrapper whose class says "share" or "sidebar" but holds the story is not dropped."""
        article = page("wrapper_named_share.html")
        assert_story(article)
        assert "Share on Facebook" not in article.text
        assert "reader comment" not in article.text


def story(before: str = "", inside: str = "", after: str = "") -> Article:
    """A page whose article sits four levels down, with extra markup around it."""
    paragraphs = "".join(
        f"<p>{part}, and more words follow to make this a real paragraph of prose.</p>"
        for part in (FIRST, SECOND, THIRD)
    )
    html = (
        f"<html><body><main>{before}<div class='grid'><div class='col'><div class='story'>"
        f"{paragraphs}{inside}</div></div></div>{after}</main></body></html>"
    )
    return parse_html(html.encode(), options=FAST)


class TestBodyPieces:
    """Standfirsts, teaser lists and box titles around the article's own paragraphs."""

    def test_standfirst_under_the_headline_comes_first(self) -> None:
        """The sentences between the h1 and the container lead the body, the kicker not."""
        dek = "The city says the corroded span cannot carry traffic until spring."
        header = f"<header><a href='/world'>World</a><h1>Bridge closes</h1><p>{dek}</p></header>"
        article = story(before=header)
        assert article.paragraphs[0] == dek
        assert_story(article)
        assert "World" not in article.text

    def test_teaser_list_after_the_article_stays_out(self) -> None:
        """A block of linked titles with summaries below the article is not its continuation."""
        teasers = "".join(
            f"<div><h5><a href='/t{n}'>Teaser title number {n} about something</a></h5>"
            f"<div>This is the summary of another story number {n}, long enough to read as"
            " prose of its own and pass the sibling bar easily with words.</div></div>"
            for n in range(6)
        )
        article = story(after=f"<div class='below'>{teasers}</div>")
        assert_story(article)
        assert "summary of another story" not in article.text

    def test_author_box_stays_out(self) -> None:
        """A box about the author (class author-box) is not body, despite its author- prefix."""
        box = "<div class='author-box'><p>Jane Doe has covered city hall since 2004.</p></div>"
        article = story(inside=box)
        assert_story(article)
        assert "Jane Doe" not in article.text

    def test_title_of_a_removed_box_and_ad_label_stay_out(self) -> None:
        """'Lesen Sie auch:' before a link list and an 'Anzeige' label are left out."""
        inside = (
            "<p>Anzeige</p><p>Lesen Sie auch:</p>"
            "<ul><li><a href='/x'>Another story</a></li><li><a href='/y'>More</a></li></ul>"
        )
        article = story(inside=inside)
        assert_story(article)
        assert "Lesen Sie auch" not in article.text
        assert "Anzeige" not in article.text

    def test_cookie_notice_longer_than_the_story_stays_out(self) -> None:
        """A cookie notice holding more prose than a short story is still not the body."""
        notice = "".join(
            f"<p>We use cookies and similar technologies number {n} to measure the audience of"
            " this site, to personalise content and to show you offers from partners.</p>"
            for n in range(8)
        )
        html = (
            "<html><body><div class='eu-cookie-law'><form>"
            f"{notice}</form></div><div class='story'><h2>Bridge</h2>"
            f"<p>{FIRST}, and more words follow.</p></div></body></html>"
        )
        article = parse_html(html.encode(), options=FAST)
        assert FIRST in article.text
        assert "cookies" not in article.text

    def test_linked_line_at_the_end_stays_out(self) -> None:
        """A short line that is mostly a link, at the end of the body, points elsewhere."""
        inside = (
            "<p>Want the next story in your inbox? <a href='/n'>Sign up for our newsletter</a></p>"
        )
        article = story(inside=inside)
        assert_story(article)
        assert "Sign up" not in article.text

    def test_hidden_elements_stay_out(self) -> None:
        """Elements with the hidden attribute or an inline display:none are not read."""
        inside = (
            "<p hidden>Secret one that nobody should see in the body text.</p>"
            "<div style='display: none'><p>Secret two that nobody should see either.</p></div>"
        )
        article = story(inside=inside)
        assert_story(article)
        assert "Secret" not in article.text

    def test_ruby_readings_are_left_out(self) -> None:
        """Furigana in <rt> does not split the Japanese words it annotates."""
        text = "<ruby>法律<rt>ほうりつ</rt></ruby>ができて、親が子どもを教育するために、新しい決まりができました。"
        article = parse_html(f"<article><p>{text}</p></article>".encode(), options=FAST)
        assert article.paragraphs == (
            "法律ができて、親が子どもを教育するために、新しい決まりができました。",
        )


class TestDecoding:
    """Bytes are decoded as a browser would."""

    @pytest.mark.parametrize(
        "name",
        [
            "charset_http_equiv_cp1252.html",
            "charset_utf8_undeclared.html",
            "bom_utf8.html",
            "bom_utf16le.html",
            "bom_utf16be.html",
            "cp1252_undeclared.html",
        ],
    )
    def test_declared_bom_and_sniffed_encodings(self, name: str) -> None:
        """Umlauts, curly quotes and dashes come out right whatever the encoding route."""
        article = page(name)
        assert article.paragraphs[0].startswith(GERMAN)
        assert article.paragraphs[1].startswith(QUOTED)
        assert article.warnings == ()

    def test_latin1_label_reads_as_windows_1252(self) -> None:
        """A page labelled ISO-8859-1 is read as windows-1252 (0x93/0x94 are quotes)."""
        article = parse_html(
            b'<meta charset="iso-8859-1"><p>\x93Quoted\x94 words in a paragraph that is long enough.</p>',
            options=FAST,
        )
        assert article.paragraphs == ("“Quoted” words in a paragraph that is long enough.",)

    def test_latin1_page(self) -> None:
        """A true Latin-1 page keeps its umlauts."""
        assert page("charset_meta_latin1.html").paragraphs[0].startswith(GERMAN)

    def test_other_declared_charset(self) -> None:
        """A declared KOI8-R page is decoded with that codec."""
        assert page("charset_koi8r.html").paragraphs[0].startswith("Мост будет закрыт на год")

    def test_cp1252_passed_off_as_utf8(self) -> None:
        """A page that says UTF-8 but is windows-1252 is read right, with a warning."""
        article = page("cp1252_as_utf8.html")
        assert article.paragraphs[1].startswith(QUOTED)
        assert [w.code for w in article.warnings] == ["charset-mislabelled"]

    def test_broken_utf8_is_replaced_with_a_warning(self) -> None:
        """A few invalid bytes in a UTF-8 page are replaced, and said so."""
        html = "<p>Ä paragraph with ü and ö that is long enough to count.</p>".encode() + b"\xff"
        article = parse_html(html, options=FAST)
        assert article.paragraphs[0].startswith("Ä paragraph with ü and ö")
        assert "undecodable-bytes" in [w.code for w in article.warnings]

    def test_text_with_xml_declaration(self) -> None:
        """A str carrying an XML encoding declaration parses (lxml alone raises)."""
        html = '<?xml version="1.0" encoding="iso-8859-1"?><html><body><p>Grüße aus der Stadt, ein langer Satz.</p></body></html>'
        assert parse_html(html, options=FAST).paragraphs == (
            "Grüße aus der Stadt, ein langer Satz.",
        )

    def test_control_characters_and_surrogates_are_removed(self) -> None:
        """Control characters and lone surrogates never reach the text."""
        html = "<p>Bad\x00 chars\x01 and a \ud800lone surrogate in a long paragraph.</p>"
        article = parse_html(html, options=FAST)
        assert article.paragraphs == ("Bad chars and a lone surrogate in a long paragraph.",)
        assert [w.code for w in article.warnings] == ["control-characters"]

    def test_control_bytes_in_utf8_page(self) -> None:
        """Control bytes in a valid UTF-8 page are removed from the text."""
        html = b"<p>Bad\x01 chars\x1b and \xc2\x85 C1 in a paragraph that is long.</p>"
        assert parse_html(html, options=FAST).paragraphs == (
            "Bad chars and C1 in a paragraph that is long.",
        )


class TestErrors:
    """Only unusable input raises, and only ParseError."""

    @pytest.mark.parametrize("html", [b"", "", b"   \n\t ", "\ufeff  "])
    def test_empty_input_raises(self, html: bytes | str) -> None:
        """Empty or whitespace-only pages raise ParseError."""
        with pytest.raises(ParseError, match="empty"):
            parse_html(html)

    def test_oversized_input_raises(self) -> None:
        """Pages over max_input_chars raise ParseError."""
        with pytest.raises(ParseError, match="over the limit"):
            parse_html(b"<p>" + b"x" * 200, options=ParseOptions(max_input_chars=100))

    def test_page_without_text_warns(self) -> None:
        """A page with no body text gives an Article with a no-body warning."""
        article = parse_html(b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
        assert article.paragraphs == ()
        assert [w.code for w in article.warnings] == ["no-body"]

    def test_strict_turns_warnings_into_errors(self) -> None:
        """With strict=True the first warning raises."""
        with pytest.raises(ParseError, match="no-body"):
            parse_html(b"<html><body></body></html>", options=ParseOptions(strict=True))


class TestRobustness:
    """Hostile shapes of input never crash the parser."""

    def test_deep_nesting(self) -> None:
        """100,000 nested elements: no RecursionError, the text before them is kept."""
        html = (
            "<html><body><article><p>"
            + FIRST
            + ".</p>"
            + "<div>" * 100_000
            + "deep"
            + "</div>" * 100_000
            + "</article></body></html>"
        )
        article = parse_html(html, options=FAST)
        assert article.paragraphs[0].startswith(FIRST)

    def test_deep_inline_nesting(self) -> None:
        """100,000 nested inline elements parse into an Article."""
        html = "<p>" + "<b>" * 100_000 + SECOND + " and more words."
        assert isinstance(parse_html(html, options=FAST), Article)

    @settings(max_examples=200, deadline=None)
    @given(st.binary(max_size=2000))
    def test_arbitrary_bytes(self, data: bytes) -> None:
        """Any bytes give an Article or a ParseError, nothing else."""
        try:
            result = parse_html(data)
        except ParseError:
            return
        assert isinstance(result, Article)

    @settings(max_examples=200, deadline=None)
    @given(st.text(max_size=2000))
    def test_arbitrary_text(self, text: str) -> None:
        """Any text gives an Article or a ParseError, nothing else."""
        try:
            result = parse_html(text)
        except ParseError:
            return
        assert isinstance(result, Article)

    @settings(max_examples=100, deadline=None)
    @given(
        st.lists(
            st.sampled_from(
                [
                    "<p>",
                    "</p>",
                    "<div>",
                    "</div>",
                    "<a href=x>",
                    "</a>",
                    "<br>",
                    "<li>",
                    "<ul>",
                    "<h2>",
                    "<nav>",
                    "</nav>",
                    "word ",
                    "Sentence. ",
                    "<article>",
                    "<script>",
                    "&amp;",
                    "\x00",
                    "<!--",
                    "-->",
                ]
            ),
            max_size=200,
        )
    )
    def test_arbitrary_tag_soup(self, parts: list[str]) -> None:
        """Random tag soup gives an Article or a ParseError."""
        try:
            result = parse_html("".join(parts))
        except ParseError:
            return
        assert all(p == p.strip() and p for p in result.paragraphs)
