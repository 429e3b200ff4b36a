"""Who said what: statements and quotations found by newsmodel.extract.speech."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmodel.extract.speech import find_speech
from newsmodel.model import Person, Span, Statement

# ../shared next to the checkout (or next to the folder of worktrees).
SHARED = next(
    (p / "shared" for p in Path(__file__).resolve().parents[2:4] if (p / "shared").is_dir()),
    Path(__file__).resolve().parents[2] / "shared",
)

PEOPLE = {
    "Smith": Person(id="p1", name="John Smith"),
    "Jones": Person(id="p2", name="Mary Jones"),
    "Al-Sarraj": Person(id="p3", name="Fayez Al-Sarraj"),
    "Molotkov": Person(id="p4", name="Ivan Molotkov"),
}


def by_surname(source: str, _span: Span) -> Person | None:
    """A stub resolver: the last word of the source, looked up by surname."""
    words = source.replace(",", " ").split()
    return PEOPLE.get(words[-1]) if words else None


def statements(text: str) -> tuple[Statement, ...]:
    return find_speech(text, resolve=by_surname)[0]


# (text, source, cue, kind, content)
PATTERNS = [
    # direct, cue after the quotation
    ("“We will win,” Smith said.", "Smith", "said", "direct", "We will win,"),
    ("“We will win,” said Smith.", "Smith", "said", "direct", "We will win,"),
    (
        "“We will win,” said Smith, the mayor of Springfield.",
        "Smith",
        "said",
        "direct",
        "We will win,",
    ),
    (
        "“We will win,” Smith, a Democrat from Ohio, said.",
        "Smith",
        "said",
        "direct",
        "We will win,",
    ),
    ("“We will win,” she said.", "she", "said", "direct", "We will win,"),
    ("“We will win,” he told reporters on Monday.", "he", "told", "direct", "We will win,"),
    ("“Why now?” she asked.", "she", "asked", "direct", "Why now?"),
    ("“It is over,” Smith added.", "Smith", "added", "direct", "It is over,"),
    ("“It is over,” Smith wrote on Twitter.", "Smith", "wrote", "direct", "It is over,"),
    ("“It is over,” the spokesman said.", "the spokesman", "said", "direct", "It is over,"),
    ("“It is over,” Mr. Smith said.", "Mr. Smith", "said", "direct", "It is over,"),
    ("“It is over,” Sen. Mary Jones said.", "Sen. Mary Jones", "said", "direct", "It is over,"),
    ("“It is over,” Smith tweeted.", "Smith", "tweeted", "direct", "It is over,"),
    ('"It is over," Smith said.', "Smith", "said", "direct", "It is over,"),
    ("''It is over,'' Smith said.", "Smith", "said", "direct", "It is over,"),
    ("“It is over,” Smith, who leads the party, said.", "Smith", "said", "direct", "It is over,"),
    (
        "“It is over,” the Russian ambassador said.",
        "the Russian ambassador",
        "said",
        "direct",
        "It is over,",
    ),
    ("“It is over,” officials said.", "officials", "said", "direct", "It is over,"),
    (
        "“It is over,” said Jean-Luc van der Berg.",
        "Jean-Luc van der Berg",
        "said",
        "direct",
        "It is over,",
    ),
    ("“It is over,” said Sean O'Neill.", "Sean O'Neill", "said", "direct", "It is over,"),
    # split quotations: one statement, several spans
    ("“We will win,” she said, “and fast.”", "she", "said", "direct", "We will win, and fast."),
    (
        "“We will win,” she said. “And we will do it fast.”",
        "she",
        "said",
        "direct",
        "We will win, And we will do it fast.",
    ),
    (
        "“We will win,” Smith told CNN on Monday. “Nobody doubts it.”",
        "Smith",
        "told",
        "direct",
        "We will win, Nobody doubts it.",
    ),
    # cue before the quotation
    ("Smith said: “We will win.”", "Smith", "said", "direct", "We will win."),
    ("Smith told reporters: “We will win.”", "Smith", "told", "direct", "We will win."),
    ("Smith said in a statement: “We will win.”", "Smith", "said", "direct", "We will win."),
    ("He added, “We will win.”", "He", "added", "direct", "We will win."),
    ("Smith continued: “We will win.”", "Smith", "continued", "direct", "We will win."),
    (
        "Smith said:\n\n“We will win. Nobody doubts it.”",
        "Smith",
        "said",
        "direct",
        "We will win. Nobody doubts it.",
    ),
    (
        "The report concluded:\n\n“The plan failed in every state.”",
        "The report",
        "concluded",
        "direct",
        "The plan failed in every state.",
    ),
    ("Smith: “We will win this race.”", "Smith", ":", "direct", "We will win this race."),
    # multi-paragraph quotation: no closing mark at the paragraph break
    (
        "“We will win.\n\n“And we will do it fast,” Smith said.",
        "Smith",
        "said",
        "direct",
        "We will win. And we will do it fast,",
    ),
    # floating quotation paragraphs continue the statement before them
    (
        "“We will win,” Smith said.\n\n“Nobody doubts it.”",
        "Smith",
        "said",
        "direct",
        "We will win, Nobody doubts it.",
    ),
    # indirect
    ("Smith said the plan would fail.", "Smith", "said", "indirect", "the plan would fail"),
    ("Smith said that the plan would fail.", "Smith", "said", "indirect", "the plan would fail"),
    ("The plan would fail, Smith said.", "Smith", "said", "indirect", "The plan would fail"),
    ("The plan would fail, said Smith.", "Smith", "said", "indirect", "The plan would fail"),
    ("The plan, Smith said, would fail.", "Smith", "said", "indirect", "The plan would fail"),
    (
        "According to Smith, the plan would fail.",
        "Smith",
        "According to",
        "indirect",
        "the plan would fail",
    ),
    (
        "The plan would fail, according to Smith.",
        "Smith",
        "according to",
        "indirect",
        "The plan would fail",
    ),
    (
        "Smith told reporters that the plan would fail.",
        "Smith",
        "told",
        "indirect",
        "the plan would fail",
    ),
    ("Smith told CNN the plan would fail.", "Smith", "told", "indirect", "the plan would fail"),
    (
        "Smith expressed his support for the plan.",
        "Smith",
        "expressed",
        "indirect",
        "his support for the plan",
    ),
    ("Smith stressed the need for reform.", "Smith", "stressed", "indirect", "the need for reform"),
    ("Smith urged voters to stay home.", "Smith", "urged", "indirect", "voters to stay home"),
    ("Smith urged Congress to act.", "Smith", "urged", "indirect", "to act"),
    (
        "Smith voiced concern about the vote.",
        "Smith",
        "voiced",
        "indirect",
        "concern about the vote",
    ),
    ("Smith warned that prices would rise.", "Smith", "warned", "indirect", "prices would rise"),
    ("Smith insisted the vote was fair.", "Smith", "insisted", "indirect", "the vote was fair"),
    ("Smith denied any wrongdoing.", "Smith", "denied", "indirect", "any wrongdoing"),
    (
        "Smith announced a new plan for schools.",
        "Smith",
        "announced",
        "indirect",
        "a new plan for schools",
    ),
    (
        "Smith emphasised the role of schools.",
        "Smith",
        "emphasised",
        "indirect",
        "the role of schools",
    ),
    ("Smith went on to urge Congress to act.", "Smith", "went on to urge", "indirect", "to act"),
    ("Smith believes the plan will work.", "Smith", "believes", "indirect", "the plan will work"),
    ("Smith wants a new vote.", "Smith", "wants", "indirect", "a new vote"),
    ("Smith called for a new vote.", "Smith", "called for", "indirect", "a new vote"),
    ("Smith accused Jones of lying.", "Smith", "accused", "indirect", "Jones of lying"),
    ("Smith has said the plan would fail.", "Smith", "said", "indirect", "the plan would fail"),
    ("Smith also said the plan would fail.", "Smith", "said", "indirect", "the plan would fail"),
    (
        "The prime minister, for his part, voiced support for the plan.",
        "The prime minister",
        "voiced",
        "indirect",
        "support for the plan",
    ),
    (
        "Smith, who leads the party, said the plan would fail.",
        "Smith",
        "said",
        "indirect",
        "the plan would fail",
    ),
    (
        "A spokesman for Jones said the plan would fail.",
        "A spokesman",
        "said",
        "indirect",
        "the plan would fail",
    ),
    ("Polls show the race is close.", "Polls", "show", "indirect", "the race is close"),
    ("He said the plan would fail.", "He", "said", "indirect", "the plan would fail"),
    (
        "Sen. Mary Jones (D-Ohio) said the plan would fail.",
        "Sen. Mary Jones",
        "said",
        "indirect",
        "the plan would fail",
    ),
    (
        "It met Ivan Molotkov, the latter of whom stressed his support for the plan.",
        "the latter of whom",
        "stressed",
        "indirect",
        "his support for the plan",
    ),
    (
        "Voters who said the economy mattered most chose Smith.",
        "who",
        "said",
        "indirect",
        "the economy mattered most chose Smith",
    ),
    ("Smith Urges Britain to Remain in Union", "Smith", "Urges", "indirect", "to Remain in Union"),
    (
        "Smith endorsed Jones in early June, after a long wait.",
        "Smith",
        "endorsed",
        "indirect",
        "Jones in early June",
    ),
    ("When asked about the plan, Smith said nothing.", None, "asked", "indirect", "about the plan"),
    (
        "Twenty-four percent said they would vote.",
        "Twenty-four percent",
        "said",
        "indirect",
        "they would vote",
    ),
    ("Most of them said they would vote.", "Most of them", "said", "indirect", "they would vote"),
    (
        "Rubio was asked about the plan on Monday.",
        None,
        "asked",
        "indirect",
        "about the plan on Monday",
    ),
    (
        "Rep. Mary Jones (D-Md.), chair of the panel, said the vote was fair.",
        "Rep. Mary Jones",
        "said",
        "indirect",
        "the vote was fair",
    ),
    (
        "Trump at the time said the wall would rise.",
        "Trump",
        "said",
        "indirect",
        "the wall would rise",
    ),
    # mixed: a paraphrase with a quotation inside
    (
        "Smith called the plan “a disaster” for farmers.",
        "Smith",
        "called",
        "mixed",
        "the plan “a disaster” for farmers",
    ),
    (
        "Smith said the bill would “gut Medicare” within years.",
        "Smith",
        "said",
        "mixed",
        "the bill would “gut Medicare” within years",
    ),
    (
        "Al-Sarraj stressed the importance of Russia’s role in establishing “global equilibrium”.",
        "Al-Sarraj",
        "stressed",
        "mixed",
        "the importance of Russia’s role in establishing “global equilibrium”",
    ),
]


class TestPatterns:
    """One fixture per reporting pattern: source, cue, kind and content as written."""

    @pytest.mark.parametrize(("text", "source", "cue", "kind", "content"), PATTERNS)
    def test_pattern(
        self, text: str, source: str | None, cue: str, kind: str, content: str
    ) -> None:
        """The text yields a statement with exactly this source, cue, kind and content."""
        found = [(s.source, s.cue, s.kind, s.content) for s in statements(text)]
        assert (source, cue, kind, content) in found

    def test_there_are_enough_patterns(self) -> None:
        """The table covers at least sixty patterns."""
        assert len(PATTERNS) >= 60


class TestNotSpeech:
    """Quotations with no cue are not statements."""

    @pytest.mark.parametrize(
        "text",
        [
            "She starred in “Parks and Recreation” for years.",
            "The song “Born in the USA” played at the rally.",
            "Dwayne “The Rock” Johnson attended the game.",
            "The so-called “reform” passed the House on Tuesday.",
            "Prices rose by 3.5 percent in Jan. after the U.S. vote.",
            "His support for the plan grew.",
            "The state of the economy was the issue.",
        ],
    )
    def test_no_statement(self, text: str) -> None:
        """No statement is reported."""
        assert statements(text) == ()

    def test_title_quote_is_not_a_quote(self) -> None:
        """A quoted Title Case work name is not returned as a quotation."""
        _, quotes = find_speech(
            "She starred in “Parks and Recreation” for years.", resolve=by_surname
        )
        assert quotes == ()


class TestSpeakersAndQuotes:
    """Speakers come from the resolver; quotes are shared with their statements."""

    def test_speaker_is_resolved(self) -> None:
        """The statement's speaker is what the resolver returns for its source."""
        (statement,) = statements("“We will win,” Smith said.")
        assert statement.speaker == PEOPLE["Smith"]

    def test_relative_source_resolves_by_antecedent(self) -> None:
        """ "the latter of whom" is resolved through the name before it."""
        found = statements("They met Ivan Molotkov, the latter of whom stressed his support.")
        assert [s.speaker for s in found] == [PEOPLE["Molotkov"]]

    def test_quote_objects_are_shared(self) -> None:
        """Statement.quotes are the very objects returned in the quotes tuple."""
        found, quotes = find_speech("“We will win,” she said. “And fast.”", resolve=by_surname)
        assert found[0].quotes == quotes
        assert all(any(q is r for r in quotes) for q in found[0].quotes)

    def test_mixed_quote_has_speaker(self) -> None:
        """A quotation inside a paraphrase gets the paraphrase's speaker."""
        _, quotes = find_speech(
            "Al-Sarraj stressed the role of “global equilibrium” in talks.", resolve=by_surname
        )
        assert [(q.text, q.speaker) for q in quotes] == [
            ("global equilibrium", PEOPLE["Al-Sarraj"])
        ]

    def test_ids_in_text_order(self) -> None:
        """Statement ids are s1.. and quote ids q1.. in text order."""
        text = "Smith said the plan would fail.\n\n“We will win,” Jones said. Jones added that it was late."
        found, quotes = find_speech(text, resolve=by_surname)
        assert [s.id for s in found] == ["s1", "s2", "s3"]
        assert [s.source for s in found] == ["Smith", "Jones", "Jones"]
        assert [q.id for q in quotes] == ["q1"]

    def test_resolver_may_return_none(self) -> None:
        """A source the resolver does not know leaves the speaker empty."""
        (statement,) = statements("“We will win,” the coach said.")
        assert statement.speaker is None
        assert statement.source == "the coach"


class TestSeed:
    """The hand-checked seed article gives exactly its eight statements."""

    SEED = SHARED / "seed" / "libya-russia-2016.txt"

    @pytest.mark.corpus
    def test_seed_statements(self) -> None:
        """Sources, cues and kinds of the seed's statements, in order."""
        if not self.SEED.exists():
            pytest.skip("../shared/seed is not available")
        blocks = [" ".join(b.split()) for b in self.SEED.read_text(encoding="utf-8").split("\n\n")]
        text = "\n\n".join(b for b in blocks[1:] if b)
        got = [(s.source, s.cue, s.kind) for s in statements(text)]
        assert got == [
            ("Fayez Al-Sarraj", "expressed", "indirect"),
            ("the latter of whom", "stressed", "indirect"),
            ("Al-Sarraj", "stressed", "mixed"),
            ("The prime minister", "expressed", "indirect"),
            ("Al-Sarraj", "went on to urge", "indirect"),
            ("The Russian ambassador", "voiced", "indirect"),
            ("Molotkov", "added", "indirect"),
            ("The ambassador", "went on to emphasize", "indirect"),
        ]


def check_spans(text: str) -> None:
    """Every span slices *text* to the surface form recorded next to it."""
    found, quotes = find_speech(text, resolve=by_surname)
    for statement in found:
        assert statement.content == " ".join(s.slice(text) for s in statement.content_spans)
        if statement.source_span is not None:
            assert statement.source_span.slice(text) == statement.source
        if statement.cue_span is not None:
            assert statement.cue_span.slice(text) == statement.cue
        assert statement.kind in {"direct", "indirect", "mixed"}
        assert all(any(q is r for r in quotes) for q in statement.quotes)
    for quote in quotes:
        assert quote.text == " ".join(s.slice(text) for s in quote.spans)
    assert [s.id for s in found] == [f"s{i}" for i in range(1, len(found) + 1)]
    assert [q.id for q in quotes] == [f"q{i}" for i in range(1, len(quotes) + 1)]


PIECES = st.sampled_from(
    [
        "“",
        "”",
        "‘",
        "’",
        '"',
        "'",
        "''",
        "«",
        "»",
        "„",
        "‚",
        "「",
        "」",
        "『",
        "』",
        "‹",
        "›",
        " said ",
        " Smith ",
        " he ",
        ", ",
        ". ",
        ": ",
        "\n\n",
        " according to ",
        " the spokesman ",
        " went on to urge ",
        "Mr.",
        " U.S. ",
        " who ",
        " the latter of whom ",
        "(",
        ")",
        "—",
        " We will win",
        " that ",
        " told reporters ",
        " voters ",
        "?",
        "!",
    ]
)


class TestProperties:
    """find_speech never raises and its spans always match its strings."""

    @settings(max_examples=300, deadline=None)
    @given(st.lists(PIECES, max_size=40).map("".join))
    def test_spans_on_speechlike_text(self, text: str) -> None:
        """On text built from marks, cues and names, every span slices to its string."""
        check_spans(text)

    @settings(max_examples=200, deadline=None)
    @given(st.text(max_size=300))
    def test_spans_on_any_text(self, text: str) -> None:
        """On any text, find_speech returns consistent spans."""
        check_spans(text)


POLNEAR = SHARED / "corpora" / "polnear" / "train.jsonl"


class TestCorpus:
    """Real news text: no crash, consistent spans."""

    @pytest.mark.corpus
    def test_polnear_sample(self) -> None:
        """The first 40 PolNeAR train documents parse with consistent spans and many statements."""
        if not POLNEAR.exists():
            pytest.skip("../shared/corpora/polnear is not available")
        total = 0
        with POLNEAR.open(encoding="utf-8") as lines:
            for _, line in zip(range(40), lines, strict=False):
                text = "\n\n".join(
                    " ".join(b.split()) for b in json.loads(line)["text"].split("\n\n") if b.strip()
                )
                check_spans(text)
                total += len(statements(text))
        assert total > 200
