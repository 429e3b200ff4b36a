"""People: names with and without titles, appositions, particles, non-persons, aliases,
role phrases, pronouns and "the former" / "the latter", and the whole analysis step."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel import Article, ParseOptions, Person, Span, parse_text
from newsmodel.extract.analysis import analyze
from newsmodel.extract.coref import make_resolver
from newsmodel.extract.lexicon import lexicon
from tests.conftest import shared_path

OPTIONS = ParseOptions()
EXAMPLE = (
    Path(__file__).resolve().parent.parent / "src/newsmodel/data/example/libya-russia-2016.txt"
)


def analyzed(*paragraphs: str, headline: str | None = None) -> Article:
    return analyze(Article(id="t", headline=headline, paragraphs=paragraphs), options=OPTIONS)


def person(article: Article, name: str) -> Person:
    found = [p for p in article.persons if p.name == name]
    assert found, f"{name!r} not among {[p.name for p in article.persons]}"
    return found[0]


def names(article: Article) -> list[str]:
    return [p.name for p in article.persons]


def libya() -> Article:
    blocks = [b for b in EXAMPLE.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    start = next(i for i, b in enumerate(blocks) if b.startswith("Fayez"))
    headline = next(b for b in blocks if b.startswith("Libyan PM"))
    return analyzed(*(b.strip() for b in blocks[start:]), headline=headline)


class TestTitledNames:
    def test_role_with_place_before_name(self) -> None:
        """A role and its country before a name are the person's title, not a person."""
        a = analyzed("A meeting with Russian Ambassador to Libya Ivan Molotkov took place.")
        assert names(a) == ["Ivan Molotkov"]
        assert person(a, "Ivan Molotkov").titles == ("Russian Ambassador to Libya",)

    def test_lowercase_role_before_unknown_name(self) -> None:
        """A lower-case role marks a name whose given name is not in the list."""
        a = analyzed("The uprising ended with the death of longtime strongman Muammar Gaddafi.")
        assert person(a, "Muammar Gaddafi").titles == ("longtime strongman",)

    def test_honorific_with_dot(self) -> None:
        """ "Mr. Smith" is a person named Smith with the title as written."""
        a = analyzed("Mr. Smith said the plan would fail.")
        assert person(a, "Smith").titles == ("Mr.",)

    def test_honorific_before_full_name(self) -> None:
        """ "Dr Jane Roe" keeps the honorific as a title and the name without it."""
        a = analyzed("Dr Jane Roe disagreed with the findings.")
        assert person(a, "Jane Roe").titles == ("Dr",)

    def test_office_before_surname_only(self) -> None:
        """An office before a lone surname makes it a person."""
        a = analyzed("The bill was signed by President Obama on Friday.")
        assert names(a) == ["Obama"]

    def test_modifiers_belong_to_the_title(self) -> None:
        """Capitalised modifiers ("Former", "Prime") stay in the title."""
        a = analyzed(
            "Former president Bill Clinton arrived. Libya's Prime Minister Fayez Al-Sarraj too."
        )
        assert person(a, "Bill Clinton").titles == ("Former president",)
        assert person(a, "Fayez Al-Sarraj").titles == ("Libya's Prime Minister",)

    def test_title_does_not_cross_a_sentence(self) -> None:
        """Words of the previous sentence are not a title."""
        a = analyzed("They hired new staff. Resolution rates rose, said Tom Hanks.")
        assert names(a) == ["Tom Hanks"]
        assert person(a, "Tom Hanks").titles == ()


class TestAppositions:
    def test_apposition_after_name(self) -> None:
        """ ", prime minister of ..., " after a name is its title and marks it as a person."""
        a = analyzed(
            "Fayez Al-Sarraj, prime minister of Libya’s UN-backed unity government, has spoken."
        )
        assert person(a, "Fayez Al-Sarraj").titles == (
            "prime minister of Libya’s UN-backed unity government",
        )

    def test_role_before_comma(self) -> None:
        """ "Trump’s campaign manager, Corey Lewandowski," gives the role as his title."""
        a = analyzed("Donald Trump’s campaign manager, Zbigniew Qwerty, will speak.")
        assert person(a, "Zbigniew Qwerty").titles == ("Trump’s campaign manager",)

    def test_apposition_with_article(self) -> None:
        """A leading "a" or "the" is left out of the title."""
        a = analyzed("But Nkosi Dlamini, the director general of the chamber, warned of costs.")
        assert person(a, "Nkosi Dlamini").titles == ("director general of the chamber",)

    def test_non_role_apposition_is_not_a_title(self) -> None:
        """A list after a name is not a title."""
        a = analyzed("John Smith, Jane Doe and Peter Brown attended.")
        assert names(a) == ["John Smith", "Jane Doe", "Peter Brown"]
        assert all(p.titles == () for p in a.persons)

    def test_name_after_role_of_is_not_a_person(self) -> None:
        """ "chief officer of Solaris Asset Holdings": the name after "of" is what the role belongs to."""
        a = analyzed("said Tim Gray, chief investment officer of Solaris Asset Ventures.")
        assert names(a) == ["Tim Gray"]


class TestParticles:
    @pytest.mark.parametrize(
        "name",
        [
            "Ursula von der Leyen",
            "Mohammed bin Salman",
            "Conor O'Neill",
            "Fayez Al-Sarraj",
            "Bashar al-Assad",
        ],
    )
    def test_particle_names_are_whole(self, name: str) -> None:
        """Particles, hyphens and apostrophes stay inside one name."""
        a = analyzed(f"On Tuesday {name} said the talks would go on.")
        assert names(a) == [name]

    def test_possessive_is_not_part_of_the_name(self) -> None:
        """ "Al-Sarraj’s" is a mention of Al-Sarraj."""
        a = analyzed("Fayez Al-Sarraj, prime minister, spoke. Al-Sarraj’s remarks were brief.")
        assert person(a, "Fayez Al-Sarraj").aliases == ("Al-Sarraj",)


class TestSentenceStart:
    def test_surname_opening_a_sentence(self) -> None:
        """A surname opening a sentence joins the full name."""
        a = analyzed("We met Ivan Molotkov. Molotkov added that talks went well.")
        assert person(a, "Ivan Molotkov").aliases == ("Molotkov",)
        assert len(person(a, "Ivan Molotkov").mentions) == 2

    def test_opening_word_before_a_name(self) -> None:
        """A capitalised sentence opener before a given name is not part of the name."""
        a = analyzed("Goalscorer Jimmy Floyd Hasselbaink added: it was fine.")
        assert names(a) == ["Jimmy Floyd Hasselbaink"]

    def test_unknown_capitalised_opener_is_not_a_person(self) -> None:
        """A lone capitalised word opening a sentence is no person."""
        a = analyzed("Nothing changed. Meanwhile, prices rose. Touché.")
        assert a.persons == ()


class TestNotPersons:
    @pytest.mark.parametrize(
        "text",
        [
            "Russian Ambassador visits were rare.",
            "The Skhirat Agreement was signed in Morocco.",
            "The troubled North African country suffers.",
            "Libya, Russia, Moscow, Tripoli and Tobruk are places.",
            "In January and on Monday the Ministry of Defence met the Liberal Democrats.",
            "The Ninth Circle: The Hellish View from Inside the Beltway.",
            "Fox Business Network held the Republican debate in Milwaukee.",
            "The Clinton Foundation and the Bank of England issued statements.",
            "United States Senate Committee on Foreign Relations hearings began.",
            "Saturday Night Live returned. General Electric reported profits.",
        ],
    )
    def test_no_person(self, text: str) -> None:
        """Countries, cities, organisations, months, weekdays, headline-case phrases, adjectives."""
        assert names(analyzed(text)) == []

    def test_city_after_given_name_is_a_surname(self) -> None:
        """ "George Washington" is a name; "Washington" alone a place."""
        a = analyzed(
            "George Washington crossed. Washington said no. The George Washington University."
        )
        assert names(a) == ["George Washington"]
        assert len(person(a, "George Washington").mentions) == 1

    def test_month_after_given_name_is_a_surname(self) -> None:
        """ "Theresa May" is a name even though May is a month."""
        a = analyzed("Theresa May met Gordon Brown. May said Brown was tired.")
        assert names(a) == ["Theresa May", "Gordon Brown"]
        assert person(a, "Theresa May").aliases == ("May",)


class TestAliases:
    def test_surname_joins_full_name(self) -> None:
        """A surname alone is an alias and a mention of the full name."""
        a = analyzed("Senator Elizabeth Warren criticised the plan. Warren said it was wrong.")
        warren = person(a, "Elizabeth Warren")
        assert warren.aliases == ("Warren",)
        assert warren.titles == ("Senator",)

    def test_part_of_a_longer_name(self) -> None:
        """ "Bin Salman" joins "Mohammed bin Salman"."""
        a = analyzed("Crown Prince Mohammed bin Salman spoke. Bin Salman later left.")
        assert names(a) == ["Mohammed bin Salman"]
        assert person(a, "Mohammed bin Salman").aliases == ("Bin Salman",)

    def test_shared_surname_goes_to_the_nearest(self) -> None:
        """With two Clintons, a lone "Clinton" joins the one mentioned last."""
        a = analyzed("Bill Clinton spoke first. Then Hillary Clinton spoke. Clinton was applauded.")
        assert person(a, "Hillary Clinton").aliases == ("Clinton",)
        assert person(a, "Bill Clinton").aliases == ()

    def test_fuller_form_becomes_the_name(self) -> None:
        """The fullest form is the name; the shorter one an alias."""
        a = analyzed("Donald Trump spoke. Later Donald J. Trump signed it.")
        assert names(a) == ["Donald J. Trump"]
        assert person(a, "Donald J. Trump").aliases == ("Donald Trump",)


class TestRolePhrases:
    def test_role_phrase_joins_title_holder(self) -> None:
        """ "The prime minister" joins the person titled prime minister."""
        a = libya()
        sarraj = person(a, "Fayez Al-Sarraj")
        assert "The prime minister" in sarraj.aliases

    def test_role_phrase_with_nationality(self) -> None:
        """ "The Russian ambassador" and "The ambassador" join the ambassador."""
        molotkov = person(libya(), "Ivan Molotkov")
        assert {"The Russian ambassador", "The ambassador", "Molotkov"} <= set(molotkov.aliases)

    def test_headline_role_is_an_alias_only(self) -> None:
        """ "Libyan PM" in the headline is an alias but no mention (the headline is not in text)."""
        a = libya()
        sarraj = person(a, "Fayez Al-Sarraj")
        assert "Libyan PM" in sarraj.aliases
        assert all(m.slice(a.text) != "Libyan PM" for m in sarraj.mentions)

    def test_role_phrase_without_holder_joins_nobody(self) -> None:
        """ "the mayor" with no mayor named stays unresolved."""
        a = analyzed("John Smith, a farmer, spoke. The mayor said nothing.")
        assert person(a, "John Smith").aliases == ()

    def test_role_phrase_before_name_is_a_title(self) -> None:
        """ "the Russian ambassador Ivan Molotkov" is a title, not a second reference."""
        a = analyzed("We met the Russian ambassador Ivan Molotkov.")
        assert person(a, "Ivan Molotkov").aliases == ()


class TestResolver:
    def article(self) -> Article:
        return analyzed(
            "Talks between Fayez Al-Sarraj, prime minister of Libya, and Russian Ambassador "
            "Ivan Molotkov, the latter of whom stressed support, went well.",
            "Ms Jane Roe, a spokeswoman, said she agreed. He said so too. They left.",
        )

    def resolve(self, article: Article, form: str, occurrence: int = 0) -> Person | None:
        persons = article.persons
        genders = tuple("f" if p.name == "Jane Roe" else "m" for p in persons)
        start = -1
        for _ in range(occurrence + 1):
            start = article.text.index(form, start + 1)
        resolve = make_resolver(article.text, persons, genders, lexicon())
        return resolve(form, Span(start=start, end=start + len(form)))

    def test_latter_of_whom(self) -> None:
        """ "the latter of whom" is the person mentioned last."""
        who = self.resolve(self.article(), "the latter of whom")
        assert who is not None and who.name == "Ivan Molotkov"

    def test_former(self) -> None:
        """ "the former" is the person mentioned before the last one."""
        a = analyzed("John Smith met Peter Brown. The former said it went well.")
        who = make_resolver(a.text, a.persons, ("m", "m"), lexicon())(
            "The former", Span(start=28, end=38)
        )
        assert who is not None and who.name == "John Smith"

    def test_she_and_he(self) -> None:
        """Pronouns go to the last person of a fitting gender."""
        a = self.article()
        she = self.resolve(a, "she")
        he = self.resolve(a, "He")
        assert she is not None and she.name == "Jane Roe"
        assert he is not None and he.name == "Ivan Molotkov"

    def test_they_is_nobody(self) -> None:
        """ "They" names no single person."""
        assert self.resolve(self.article(), "They") is None

    def test_name_span_resolves_to_its_person(self) -> None:
        """A source that covers a mention resolves to that mention's person."""
        a = self.article()
        who = self.resolve(a, "Russian Ambassador Ivan Molotkov")
        assert who is not None and who.name == "Ivan Molotkov"

    def test_title_before_name_resolves_to_the_name(self) -> None:
        """A title written right before a name ("Russian Ambassador") is that name's person."""
        who = self.resolve(self.article(), "Russian Ambassador")
        assert who is not None and who.name == "Ivan Molotkov"

    def test_role_phrase_source(self) -> None:
        """A role phrase the analysis did not record resolves to the role's holder."""
        a = analyzed("Sen. John Smith spoke. Then our senator left and our governor stayed.")
        resolve = make_resolver(a.text, a.persons, ("m",), lexicon())
        start = a.text.index("our senator")
        who = resolve("our senator", Span(start=start, end=start + 11))
        assert who is not None and who.name == "John Smith"
        start = a.text.index("our governor")
        assert resolve("our governor", Span(start=start, end=start + 12)) is None

    def test_pronoun_before_any_person(self) -> None:
        """A pronoun with no person before it resolves to nobody."""
        a = analyzed("He said the plan was bad. John Smith disagreed.")
        assert (
            make_resolver(a.text, a.persons, ("m",), lexicon())("He", Span(start=0, end=2)) is None
        )


class TestAnalyze:
    def test_libya_example(self) -> None:
        """The bundled example yields exactly its three people, ids in order of first mention."""
        a = libya()
        assert [(p.id, p.name) for p in a.persons] == [
            ("p1", "Fayez Al-Sarraj"),
            ("p2", "Ivan Molotkov"),
            ("p3", "Muammar Gaddafi"),
        ]

    def test_mentions_slice_to_name_or_alias(self) -> None:
        """Every mention slices the text to the name or an alias."""
        a = libya()
        for p in a.persons:
            assert p.mentions
            for m in p.mentions:
                assert m.slice(a.text) in {p.name, *p.aliases}

    def test_input_is_unchanged(self) -> None:
        """analyze returns a new Article and leaves its input alone."""
        article = Article(id="t", paragraphs=("John Smith said hello.",))
        assert analyze(article, options=OPTIONS) is not article
        assert article.persons == ()

    def test_empty_article(self) -> None:
        """An article without paragraphs has no people."""
        assert analyze(Article(id="t"), options=OPTIONS).persons == ()


_NAMES = st.sampled_from(
    [
        "John Smith",
        "Al-Sarraj",
        "Mr. Jones",
        "Dr Jane Roe",
        "van der Berg",
        "O'Neill",
        "Ivan Molotkov",
    ]
)
_WORDS = st.sampled_from(
    [
        "said",
        "the",
        "The",
        "prime minister",
        "ambassador",
        "he",
        "She",
        "Libya",
        "UN",
        "May",
        "of",
        "and",
    ]
)
_PUNCT = st.sampled_from([",", ".", " ", "’s", "-", "“", "”", "'", ":", "(", ")"])
_PARAGRAPH = st.lists(st.one_of(_NAMES, _WORDS, _PUNCT, st.text(max_size=6)), max_size=30).map(
    lambda parts: " ".join(" ".join(parts).split())
)


class TestProperties:
    @given(st.lists(_PARAGRAPH.filter(bool), max_size=5), st.none() | _PARAGRAPH)
    def test_never_raises_and_mentions_are_forms(
        self, paragraphs: list[str], headline: str | None
    ) -> None:
        """On generated articles analyze never raises, and each mention is the name or an alias."""
        a = analyze(
            Article(id="t", headline=headline, paragraphs=tuple(paragraphs)), options=OPTIONS
        )
        for i, p in enumerate(a.persons, 1):
            assert p.id == f"p{i}"
            for m in p.mentions:
                assert m.slice(a.text) in {p.name, *p.aliases}
        starts = [min(m.start for m in p.mentions) for p in a.persons]
        assert starts == sorted(starts)


_COUNTRIES_MONTHS = {
    "libya", "russia", "france", "china", "england", "britain", "germany", "india", "iraq", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip
_COMMON = {
    "the",
    "and",
    "but",
    "this",
    "that",
    "it",
    "he",
    "she",
    "they",
    "we",
    "new",
    "government",
}


@pytest.mark.corpus
class TestBbcCorpus:
    def test_whole_corpus(self) -> None:
        """All 2,225 BBC files parse, and no person is named like a country, a month or a common word."""
        root = shared_path("corpora", "bbc")
        files = sorted(root.rglob("*.txt"))
        assert len(files) == 2225
        bad: list[tuple[str, str]] = []
        for path in files:
            article = parse_text(path.read_bytes().decode("utf-8", "replace"))
            for p in article.persons:
                words = {w.lower() for w in p.name.split()}
                if p.name.lower() in _COUNTRIES_MONTHS | _COMMON or words <= _COMMON:
                    bad.append((path.name, p.name))
                for m in p.mentions:
                    assert m.slice(article.text) in {p.name, *p.aliases}
        assert bad == []
