"""The bundled example article, end to end: what a careful reader takes from it.

The expectations are ours, written from reading the article; they mirror what
../shared/seed/libya-russia-2016.expected.json asks, so a fresh clone checks the
same things without ../shared (only the schema check needs it).
"""

from __future__ import annotations

from importlib import resources

import pytest
from lxml import etree

import newsmodel
from newsmodel import Article
from tests.conftest import shared_path

NAR = "{http://iptc.org/std/nar/2006-10-01/}"
NITF = "{http://iptc.org/std/NITF/2006-10-18/}"


@pytest.fixture(scope="module")
def article() -> Article:
    text = (
        resources.files("newsmodel")
        .joinpath("data/example/libya-russia-2016.txt")
        .read_text("utf-8")
    )
    return newsmodel.parse_text(text)


class TestExampleArticle:
    def test_structure(self, article: Article) -> None:
        """Headline, naive date, eleven paragraphs, no page chrome."""
        assert article.headline == "Libyan PM open to security cooperation with Russia"
        assert article.published is not None
        assert article.published.isoformat() == "2016-10-25T21:00:00"
        assert len(article.paragraphs) == 11
        assert article.paragraphs[0].startswith("Fayez Al-Sarraj, prime minister of Libya")
        assert article.paragraphs[-1].endswith("six-year political standoff.")
        for chrome in (
            "clear",
            "Creating new perspectives since 2009",
            "October 25, 2016 at 9:00 pm",
        ):
            assert chrome not in article.paragraphs

    def test_people(self, article: Article) -> None:
        """Three people, with the forms the article uses for them and their titles."""
        people = {p.name: p for p in article.persons}
        assert list(people) == ["Fayez Al-Sarraj", "Ivan Molotkov", "Muammar Gaddafi"]
        assert {"Al-Sarraj", "The prime minister", "Libyan PM"} <= set(
            people["Fayez Al-Sarraj"].aliases
        )
        assert {"Molotkov", "The Russian ambassador", "The ambassador"} <= set(
            people["Ivan Molotkov"].aliases
        )
        assert any("prime minister" in t for t in people["Fayez Al-Sarraj"].titles)
        assert any("Ambassador" in t for t in people["Ivan Molotkov"].titles)
        assert any("strongman" in t for t in people["Muammar Gaddafi"].titles)

    def test_statements(self, article: Article) -> None:
        """Eight statements, each with its speaker, source as written, cue and kind."""
        got = [
            (s.speaker.name if s.speaker else None, s.source, s.cue, s.kind)
            for s in article.statements
        ]
        assert got == [
            ("Fayez Al-Sarraj", "Fayez Al-Sarraj", "expressed", "indirect"),
            ("Ivan Molotkov", "the latter of whom", "stressed", "indirect"),
            ("Fayez Al-Sarraj", "Al-Sarraj", "stressed", "mixed"),
            ("Fayez Al-Sarraj", "The prime minister", "expressed", "indirect"),
            ("Fayez Al-Sarraj", "Al-Sarraj", "went on to urge", "indirect"),
            ("Ivan Molotkov", "The Russian ambassador", "voiced", "indirect"),
            ("Ivan Molotkov", "Molotkov", "added", "indirect"),
            ("Ivan Molotkov", "The ambassador", "went on to emphasize", "indirect"),
        ]
        for s in article.statements:
            assert s.source_span is not None
            assert article.text[s.source_span.start : s.source_span.end] == s.source

    def test_quote(self, article: Article) -> None:
        """“global equilibrium” is a quotation of Al-Sarraj, inside his mixed statement."""
        [quote] = article.quotes
        assert (quote.text, quote.speaker and quote.speaker.name) == (
            "global equilibrium",
            "Fayez Al-Sarraj",
        )
        assert quote in article.statements[2].quotes

    def test_json_round_trip(self, article: Article) -> None:
        """The analysed article survives JSON unchanged."""
        assert newsmodel.from_json(newsmodel.to_json(article)) == article

    def test_newsml(self, article: Article) -> None:
        """Written as NewsML-G2 it validates, names three people and marks the quotation."""
        xsd = shared_path("standards", "newsml-g2", "schema", "G2-plus-NITF-2.35.xsd")
        schema = etree.XMLSchema(etree.parse(str(xsd), etree.XMLParser(no_network=True)))
        data = newsmodel.to_newsml(article)
        root = etree.fromstring(data, etree.XMLParser(no_network=True, resolve_entities=False))
        assert schema.validate(root), [e.message for e in schema.error_log][:3]
        subjects = root.findall(f"{NAR}contentMeta/{NAR}subject[@type='cpnat:person']")
        assert [s.findtext(f"{NAR}name") for s in subjects] == [
            "Fayez Al-Sarraj",
            "Ivan Molotkov",
            "Muammar Gaddafi",
        ]
        [q] = root.iter(f"{NITF}q")
        assert (q.text, q.get("quote-source")) == ("global equilibrium", "Fayez Al-Sarraj")
        assert newsmodel.from_newsml(data) == article
        assert newsmodel.from_newsml(data, use_model=False).statements == article.statements
