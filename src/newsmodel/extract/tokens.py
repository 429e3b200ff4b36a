"""Capitalised runs: the one pass over an article's text that name finding shares.

A *run* is a stretch of capitalised words on one line, joined by spaces and the
small words names and organisations contain ("of", "and", "van der", "bin"):
"Russian Ambassador", "Libya Ivan Molotkov", "British Chambers of Commerce".
Each word gets a *kind* from the word lists, so people, organisation and place
finding read the same runs without scanning the text again.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final, Literal, NamedTuple, TypeAlias

if TYPE_CHECKING:
    from newsmodel.extract.lexicon import Lexicon

__all__ = [
    "ABBREVIATION",
    "CONNECTORS",
    "PARTICLES",
    "Run",
    "Word",
    "WordKind",
    "find_runs",
    "upper_class",
]

WordKind: TypeAlias = Literal[
    "name",
    "role",
    "org",
    "demonym",
    "place",
    "common",
    "acronym",
    "initial",
    "particle",
    "connector",
]
"""What a word of a run is: a possible name, or what rules it out as one."""


def upper_class() -> str:
    """The upper-case letters of the Latin, Greek and Cyrillic scripts, for a ``[...]`` class."""
    return "".join(chr(c) for c in (*range(0x41, 0x250), *range(0x370, 0x530)) if chr(c).isupper())


_U: Final = upper_class()
ABBREVIATION: Final = r"(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Gov|Rep|Gen|Lt|Col|Capt|Sgt|Jr|Sr|Rev|Maj|Adm|Cmdr|Supt|Insp|Det|Hon|Pres)\."
"""Abbreviated honorifics and ranks whose dot does not end a sentence."""
PARTICLES: Final = frozenset(
    {
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "du",
        "dos",
        "das",
        "bin",
        "ibn",
        "bint",
        "al",
        "el",
        "ter",
        "ten",
        "le",
        "la",
    }
)
"""Lower-case words inside names: "Ursula von der Leyen", "Mohammed bin Salman"."""
CONNECTORS: Final = frozenset({"of", "for", "and", "the", "&", "on"})
"""Lower-case words inside organisation names and titles: "Bank of England"."""
_INNER: Final = "(?:" + "|".join(sorted(CONNECTORS | PARTICLES, key=len, reverse=True)) + ")"
_SEP: Final = r"[ \u00a0]+"
_PIECE: Final = rf"[{_U}][\w’'\-.]*"
_ARABIC_ARTICLES: Final = (
    "al",
    "el",
    "ad",
    "as",
    "ash",
    "an",
    "ar",
    "at",
    "az",
    "abu",
    "bin",
    "ibn",
    "ben",
)
_ARABIC_ARTICLE: Final = "(?:" + "|".join(_ARABIC_ARTICLES) + ")-"
#: What may follow the blanks inside a run: a small word, an article or a capital. Checked
#: first, it ends most runs ("Smith said") without trying the alternations.
_GOES_ON: Final = (
    "(?=["
    + _U
    + re.escape("".join(sorted({w[0] for w in (*CONNECTORS, *PARTICLES, *_ARABIC_ARTICLES)})))
    + "])"
)
RUN_RE: Final = re.compile(
    rf"{_PIECE}(?:{_SEP}{_GOES_ON}(?:{_INNER}{_SEP})*(?:{_ARABIC_ARTICLE})?{_PIECE})*"
)
"""A run: capitalised words on one line with the small words between them."""
_ABBREVIATED: Final = re.compile(rf"{ABBREVIATION}$")
_KEEP_DOT: Final = re.compile(rf"(?:{ABBREVIATION}|(?:[{_U}]\.)+)$")
_CUT: Final = re.compile(
    r"\.?[’']+(?:s|ve|ll|re|d|m|t)?$|[’'](?:ve|ll|re|d|m|t)\b|-(?=[^\W\d_])(?![{U}])".replace(
        "{U}", _U
    )
)
_LEAD: Final = re.compile(rf"(?:^|[ \u00a0(“\"])({_ARABIC_ARTICLE})$")
_POSSESSIVES: Final = frozenset({"’s", "'s"})
_SENTENCE_END: Final = frozenset(".!?:“”\"‘'(—–-\n")
#: Words the lexicon's memo of word kinds holds at most; past that, each text has its own.
_MAX_KNOWN: Final = 200_000


class Word(NamedTuple):
    """One word of a run: where it is, as written, and its kind."""

    start: int
    end: int
    text: str
    key: str
    """Lower case, without a final dot: the form looked up in the word lists."""
    kind: WordKind
    gender: str = "u"
    """For a given name or a gendered role: m, f, or u (unknown)."""


class Run(NamedTuple):
    """A run of capitalised words; ``words`` in text order."""

    start: int
    end: int
    words: tuple[Word, ...]
    sentence_start: bool
    """The run opens a sentence or paragraph, so its first word's capital says little."""


def _kind(text: str, key: str, lex: Lexicon) -> tuple[WordKind, str]:
    if text[0].islower() and "-" in text:
        return "name", lex.given_names.get(key.rsplit("-", maxsplit=1)[-1], "u")
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
    if text.endswith(".") or len(text) == 1:
        return "initial", "u"
    if text.isupper():
        return "acronym", "u"
    return "name", lex.given_names.get(key, "u")


def _opens_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \u00a0\t":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


_Seen: TypeAlias = dict[str, tuple[str, WordKind, str]]
#: Builds a Word or Run from a tuple of all its fields, without the Python-level
#: ``NamedTuple.__new__`` (these are built by the thousand per text).
_new: Final = tuple.__new__


def _known(word: str, lex: Lexicon) -> tuple[str, WordKind, str]:
    key = word.lower()
    if key.endswith(".") and _ABBREVIATED.match(word):
        key = key[:-1]
    kind, gender = _kind(word, key, lex)
    return key, kind, gender


def _word(text: str, start: int, end: int, lex: Lexicon, seen: _Seen) -> Word:
    word = text[start:end]
    known = seen.get(word)
    if known is None:
        known = seen[word] = _known(word, lex)
    return _new(Word, (start, end, word, *known))


def _special(word: str) -> bool:
    """Whether *word* holds an apostrophe, a dot or a hyphen (four C-level scans of a short
    string cost less than one regex call)."""
    return "’" in word or "'" in word or "." in word or "-" in word


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(start, end, piece)`` of each run of characters other than blanks (a space or a
    no-break space) in ``text[start:end]``."""
    found: list[tuple[int, int, str]] = []
    pos = start
    for piece in text[start:end].replace("\u00a0", " ").split(" "):
        if piece:
            found.append((pos, pos + len(piece), piece))
        pos += len(piece) + 1
    return found


def _split(
    text: str, start: int, end: int, lex: Lexicon, seen: _Seen
) -> list[tuple[list[Word], bool]]:
    """The words of a run's match, cut where a word ends a name: a possessive, a
    contraction, "UN-backed", a sentence-final dot. Pairs of (words, opens a sentence)."""
    if start > 1 and text[start - 1] == " " and text[start - 2] not in " \u00a0\t":
        opens = text[start - 2] in _SENTENCE_END  # _opens_sentence for the usual one blank
    else:
        opens = _opens_sentence(text, start)
    chunk = text[start:end]
    if not _special(chunk) and not (start > 0 and text[start - 1] == "-"):
        words: list[Word] = []
        pos = start
        # Words apart by single spaces (the usual case) start one past the last one's end.
        single = "  " not in chunk and "\u00a0" not in chunk
        for part in chunk.split(" ") if single else chunk.split():
            s = pos + 1 if single and pos != start else text.index(part, pos)
            pos = s + len(part)
            known = seen.get(part)  # _word, inlined: this is the hot path
            if known is None:
                known = seen[part] = _known(part, lex)
            words.append(_new(Word, (s, pos, part, *known)))
        while words and words[-1].kind == "connector":
            words.pop()
        return [(words, opens)] if words else []
    pieces: list[tuple[list[Word], bool]] = []
    current: list[Word] = []
    lead = _LEAD.search(text, max(0, start - 6), start)
    for piece_start, piece_end, piece in _pieces(text, start, end):
        s, e = piece_start, piece_end
        plain = "’" not in piece and "'" not in piece and "-" not in piece and piece[-1] != "."
        if plain and (lead is None or s != start):
            known = seen.get(piece)
            if known is None:
                known = seen[piece] = _known(piece, lex)
            current.append(_new(Word, (s, e, piece, *known)))
            continue
        if lead is not None and s == start:
            s = lead.start(1)
        cut = _CUT.search(text, s, e)
        ends_sentence = False
        if cut is not None:
            e = cut.start()
        elif text[e - 1] == "." and not _KEEP_DOT.match(text, s, e):
            e = e - 1
            ends_sentence = True
        if e > s:
            current.append(_word(text, s, e, lex, seen))
        if cut is not None or ends_sentence:
            while current and current[-1].kind == "connector":
                current.pop()
            if current:
                pieces.append((current, opens))
            current, opens = [], ends_sentence
    while current and current[-1].kind == "connector":
        current.pop()
    if current:
        pieces.append((current, opens))
    return pieces


def _lone(
    chunk: str, lex: Lexicon, seen: _Seen
) -> tuple[int, str, tuple[str, WordKind, str]] | None:
    """How :func:`find_runs` reads a run matched as one word: (characters cut off its end,
    the word, its lookup) or None when the word needs :func:`_split` ("U.S.", "Al-Sarraj")."""
    cut = 0
    if chunk[-2:] in _POSSESSIVES and not _special(chunk[:-2]):
        cut = 2  # "Trump’s"
        chunk = chunk[:-2]
    elif _special(chunk):
        return None
    known = seen.get(chunk)
    if known is None:
        known = seen[chunk] = _known(chunk, lex)
    return cut, chunk, known


def find_runs(text: str, lex: Lexicon) -> list[Run]:
    """Every run of capitalised words in *text*, in order."""
    runs: list[Run] = []
    # A word's kind depends on the word lists only, so the lexicon keeps them across texts.
    seen: _Seen = lex.known if len(lex.known) < _MAX_KNOWN else {}
    # One-word runs as matched -> how they read (a name recurs through a text).
    lones: dict[str, tuple[int, str, tuple[str, WordKind, str]] | None] = {}
    blanks = " \u00a0\t"
    # A run starts at the first capital after the run before (RUN_RE needs nothing else),
    # so the first place its text occurs from there is where it is: findall builds no
    # match objects.
    pos = 0
    chunk: str
    for chunk in RUN_RE.findall(text):
        start = text.find(chunk, pos)
        end = pos = start + len(chunk)
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue  # inside a word: "iPhone"
        if " " not in chunk and "\u00a0" not in chunk:
            if chunk in lones:
                lone = lones[chunk]
            else:
                lone = lones[chunk] = _lone(chunk, lex, seen)
            if lone is not None:
                cut, word, known = lone
                if known[1] == "common":
                    continue  # a lone "The", "But", "Monday": nothing to find
                end -= cut
                # _opens_sentence, inlined for the usual one blank before the word
                if start > 1 and text[start - 1] == " " and text[start - 2] not in blanks:
                    opens = text[start - 2] in _SENTENCE_END
                else:
                    opens = _opens_sentence(text, start)
                runs.append(
                    _new(Run, (start, end, (_new(Word, (start, end, word, *known)),), opens))
                )
                continue
        for words, opens in _split(text, start, end, lex, seen):
            if words[0].kind == "connector":
                continue
            runs.append(_new(Run, (words[0].start, words[-1].end, tuple(words), opens)))
    return runs
