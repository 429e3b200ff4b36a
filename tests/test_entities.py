"""Organisations and places: known names and acronyms, organisation words, gazetteer places, datelines."""

from __future__ import annotations

import pytest

from newsmodel import Article, ParseOptions
from newsmodel.extract.analysis import analyze
from newsmodel.extract.lexicon import lexicon

OPTIONS = ParseOptions()


def analyzed(*paragraphs: str, dateline: str | None = None) -> Article:
    return analyze(Article(id="t", dateline=dateline, paragraphs=paragraphs), options=OPTIONS)


def org_names(article: Article) -> list[str]:
    return [o.name for o in article.organizations]


def place_names(article: Article) -> list[str]:
    return [p.name for p in article.places]


class TestOrganizations:
    def test_known_acronyms(self) -> None:
        """UN, NATO and EU are organisations under their full names, the acronym an alias."""
        a = analyzed("The UN and NATO met the EU in Brussels.")
        assert org_names(a) == [
            "United Nations",
            "North Atlantic Treaty Organization",
            "European Union",
        ]
        assert a.organizations[0].aliases == ("UN",)

    def test_acronym_inside_hyphenated_word(self) -> None:
        """ "UN-backed" mentions the UN."""
        a = analyzed("Libya’s UN-backed unity government met.")
        assert org_names(a) == ["United Nations"]
        assert a.organizations[0].mentions[0].slice(a.text) == "UN"

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("Officials at the Ministry of Defence spoke.", "Ministry of Defence"),
            ("He warned the British Chambers of Commerce.", "British Chambers of Commerce"),
            ("Shares in Acme Holdings Inc fell.", "Acme Holdings Inc"),
            ("She studied at the University of Oxford.", "University of Oxford"),
            ("Procter & Gamble Co sued the firm.", "Procter & Gamble Co"),
            ("The Federal Reserve Bank of New York acted.", "Federal Reserve Bank of New York"),
            (
                "The US Securities and Exchange Commission sued.",
                "US Securities and Exchange Commission",
            ),
            ("The Greek Parliament on Tuesday voted.", "Greek Parliament"),
        ],
    )
    def test_organisation_words(self, text: str, name: str) -> None:
        """A run holding Ministry, Chambers, Inc, University, Co or Bank is an organisation."""
        assert org_names(analyzed(text)) == [name]

    def test_two_organisations_joined_by_and(self) -> None:
        """ "X and the Y" are two organisations."""
        a = analyzed("The Ministry of Defence and the Bank of England spoke.")
        assert org_names(a) == ["Ministry of Defence", "Bank of England"]

    def test_other_names_share_one_organisation(self) -> None:
        """ "Tories" and "Conservatives" are one organisation with ids in order."""
        a = analyzed("The Tories and Labour argued. The Conservatives won.")
        assert [(o.id, o.name) for o in a.organizations] == [
            ("o1", "Conservatives"),
            ("o2", "Labour"),
        ]
        assert len(a.organizations[0].mentions) == 2

    def test_lone_organisation_word_is_nothing(self) -> None:
        """A lone "Party" names no organisation."""
        assert org_names(analyzed("Party officials met.")) == []

    def test_country_is_not_an_organisation(self) -> None:
        """ "United States" is a place even though "United" often names clubs."""
        a = analyzed("Attacks in the United States hit airlines.")
        assert org_names(a) == []
        assert place_names(a) == ["United States"]

    def test_product_acronyms_are_not_organisations(self) -> None:
        """DVD, MP3 and PS2 are products, not organisations."""
        assert org_names(analyzed("Sales of DVD players, MP3 files and the PS2 rose.")) == []

    def test_shouted_text_is_not_acronyms(self) -> None:
        """A line in capitals is not a row of acronyms."""
        assert org_names(analyzed("THE BIG NEWS TODAY IS HERE")) == []

    def test_person_is_not_an_organisation(self) -> None:
        """A person's name does not become an organisation."""
        a = analyzed("Mr Smith said Acme Ltd would close.")
        assert org_names(a) == ["Acme Ltd"]


class TestPlaces:
    def test_countries_and_cities(self) -> None:
        """Countries and cities in the text are places, in order of first mention."""
        a = analyzed("Talks in Tripoli and Moscow: Libya and Russia agreed. Tobruk objected.")
        assert place_names(a) == ["Tripoli", "Moscow", "Libya", "Russia", "Tobruk"]
        assert [p.id for p in a.places] == ["l1", "l2", "l3", "l4", "l5"]

    def test_multiword_places_and_states(self) -> None:
        """Multi-word places, US states and country abbreviations are found whole."""
        a = analyzed("She flew from New York to Texas, then left the U.S. for Saudi Arabia.")
        assert place_names(a) == ["New York", "Texas", "United States", "Saudi Arabia"]
        assert a.places[2].aliases == ("U.S.",)

    def test_dateline(self) -> None:
        """The dateline's place comes first, with no mention (it is not in the text)."""
        a = analyzed("Prices rose in Paris.", dateline="LONDON")
        assert place_names(a) == ["London", "Paris"]
        assert a.places[0].mentions == ()
        assert a.places[0].aliases == ("LONDON",)

    def test_unknown_dateline(self) -> None:
        """A dateline naming no known place adds nothing."""
        assert place_names(analyzed("Nothing.", dateline="SOMEWHERE, Utopia")) == []

    def test_places_inside_names_are_not_places(self) -> None:
        """England in "Bank of England" is part of an organisation."""
        assert place_names(analyzed("The Bank of England raised rates.")) == []

    def test_adjectives_are_not_places(self) -> None:
        """ "Russian" and "North African" are not places."""
        assert place_names(analyzed("Russian firms and the North African economy.")) == []


class TestLexicon:
    def test_loaded_once(self) -> None:
        """The word lists are read once and shared."""
        assert lexicon() is lexicon()

    def test_lists_hold_what_the_rules_need(self) -> None:
        """Given names carry gender; demonyms map to countries; roles to genders."""
        lex = lexicon()
        assert lex.given_names["theresa"] == "f"
        assert lex.given_names["ivan"] == "m"
        assert lex.demonyms["libyan"] == "Libya"
        assert lex.countries["u.s."] == "United States"
        assert lex.roles["spokeswoman"] == "f"
        assert "minister" in lex.role_heads
