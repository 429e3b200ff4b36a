"""Capitalised runs: the one pass over an article's text that name finding shares.

A *run* is a stretch of capitalised words on one line, joined by spaces and the
small words names and organisations contain ("of", "and", "van der", "bin"):
"Russian Ambassador", "Libya Ivan Molotkov", "British Chambers of Commerce".
Each word gets a *kind* from the word lists, so people, organisation and place
finding read the same runs without scanning the text again.
"""

from __future__ import annotations

import re
from typing import Final, Literal, TypeAlias

import attrs

from newsmodel.extract.lexicon import Lexicon

__all__ = ["CONNECTORS", "PARTICLES", "Run", "Word", "WordKind", "find_runs", "upper_class"]

WordKind: TypeAlias = Literal[
    "name", "role", "org", "demonym", "place", "common", "acronym", "initial", "particle", "connector"
]
"""What a word of a run is: a possible name, or what rules it out as one."""


def upper_class() -> str:
    """The upper-case letters of the Latin, Greek and Cyrillic scripts, for a ``[...]`` class."""
    return "".join(
        chr(c) for c in (*range(0x41, 0x250), *range(0x370, 0x530)) if chr(c).isupper()
    )


_U: Final = upper_class()
_ABBREVIATION: Final = (
    r"(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Gov|Rep|Gen|Lt|Col|Capt|Sgt|Jr|Sr|Rev|Maj|Adm|Cmdr|Supt|Insp|Det|Hon|Pres)\."
)
_TOKEN: Final = (
    rf"(?:{_ABBREVIATION}|[{_U}]\.(?:[{_U}]\.)*(?!\w)"
    rf"|(?:al|el|ad|as|ash|an|ar|at|az|abu|bin|ibn|ben)-[{_U}]\w*"
    rf"|[{_U}]\w*(?:-[{_U}]\w*|['’](?!s\b)\w+)*)"
)
PARTICLES: Final = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "das", "bin", "ibn", "bint", "al", "el", "ter", "ten", "le", "la"}
)
"""Lower-case words inside names: "Ursula von der Leyen", "Mohammed bin Salman"."""
CONNECTORS: Final = frozenset({"of", "for", "and", "the", "&", "on"})
"""Lower-case words inside organisation names and titles: "Bank of England"."""
_INNER: Final = r"(?:of|for|and|the|&|on|van|von|der|den|de|del|della|di|da|du|dos|das|bin|ibn|bint|al|el|ter|ten|le|la)"
_LEAD: Final = r"(?:(?:van|von|de|der|den|bin|ibn|al|el|di|da|du|del|ter|ten)[ \u00a0]+)*"
_SEP: Final = r"[ \u00a0]+"
RUN_RE: Final = re.compile(
    rf"(?<![\w’'\-]){_LEAD}{_TOKEN}(?:{_SEP}(?:{_INNER}{_SEP})*{_TOKEN})*"
)
"""A run: capitalised words on one line with the small words between them."""
_WORD_RE: Final = re.compile(rf"{_TOKEN}|[^\W\d_][\w]*|&")
_HONORIFIC_DOT: Final = re.compile(rf"{_ABBREVIATION}$")


@attrs.frozen(kw_only=True)
class Word:
    """One word of a run: where it is, as written, and its kind."""

    start: int
    end: int
    text: str
    key: str
    """Lower case, without a final dot: the form looked up in the word lists."""
    kind: WordKind
    gender: str = "u"
    """For a given name or a gendered role: m, f, or u (unknown)."""


@attrs.frozen(kw_only=True)
class Run:
    """A run of capitalised words; ``words`` in text order."""

    start: int
    end: int
    words: tuple[Word, ...]
    sentence_start: bool
    """The run opens a sentence or paragraph, so its first word's capital says little."""


_SENTENCE_END: Final = frozenset(".!?:“”\"‘'(—–-\n")


def _kind(text: str, key: str, lex: Lexicon) -> tuple[WordKind, str]:
    if text[0].islower() or text == "&":
        return ("particle" if key in PARTICLES else "connector"), "u"
    if key in lex.roles:
        gender = lex.roles[key]
        return "role", ("u" if gender == "-" else gender)
    if text in lex.org_words:
        return "org", "u"
    if key in lex.demonyms:
        return "demonym", "u"
    if key in lex.countries or key in lex.places:
        return "place", "u"
    if key in lex.common:
        return "common", "u"
    if len(text) > 1 and text.isupper():
        return "acronym", "u"
    if text.endswith(".") or (len(text) == 1 and text.isupper()):
        return "initial", "u"
    return "name", lex.given_names.get(key, "u")


def _opens_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \u00a0\t":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def find_runs(text: str, lex: Lexicon) -> list[Run]:
    """Every run of capitalised words in *text*, in order."""
    runs: list[Run] = []
    for match in RUN_RE.finditer(text):
        start, end = match.span()
        words = []
        for w in _WORD_RE.finditer(text, start, end):
            word = w.group()
            key = word.lower().rstrip(".") if _HONORIFIC_DOT.match(word) or len(word) > 2 else word.lower()
            kind, gender = _kind(word, key, lex)
            words.append(Word(start=w.start(), end=w.end(), text=word, key=key, kind=kind, gender=gender))
        runs.append(
            Run(start=start, end=end, words=tuple(words), sentence_start=_opens_sentence(text, start))
        )
    return runs
