"""Speaker phrases next to a reporting cue, as written: names, nominals, pronouns.

``source_before`` reads backwards from a cue ("The Russian ambassador, for his
part, voiced" -> "The Russian ambassador"; "Molotkov, the latter of whom
stressed" -> "the latter of whom"); ``source_after`` reads forwards ("said
Smith, the senator" -> "Smith"). Both work on a small window of tokens, so
their cost is bounded by the window, not the text.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import bisect
import re
from typing import Final, NamedTuple, TypeAlias

from newsmodel.extract.sentences import Bounds
from newsmodel.extract.wordlists import word_list

__all__ = [
    "PRONOUNS",
    "Token",
    "TokenIndex",
    "antecedent",
    "source_after",
    "source_before",
    "tokens",
]

_TOKEN: Final = re.compile(r"\w+(?:[-.’'&]\w+)*(?:(?<=s)[’'](?!\w))?|[^\w\s]")

PRONOUNS: Final = frozenset({"he", "she", "they", "we", "i", "it", "you"})
_DETERMINERS: Final = word_list("determiners")
#: Words that may stand between a subject and its cue ("has also said", "had repeatedly warned").
_BETWEEN: Final = word_list("between")
#: Words that cannot be part of a nominal speaker phrase.
_STOP: Final = word_list("stop")
_PARTICLES: Final = word_list("particles")
_TITLES: Final = word_list("speaker_titles")
#: Capitalised words that open sentences or clauses and are not names.
_FUNCTION_CAPS: Final = word_list("function_caps")
#: Each ends in "whom" (``source_before`` checks that word first).
_RELATIVE_PHRASES: Final = (
    ("the", "latter", "of", "whom"),
    ("the", "former", "of", "whom"),
    ("both", "of", "whom"),
    ("one", "of", "whom"),
    ("some", "of", "whom"),
    ("many", "of", "whom"),
    ("most", "of", "whom"),
    ("all", "of", "whom"),
)
_RELATIVE: Final = frozenset({"who", "whom", "whose", "which"})
_RELATIVE_SUBJECTS: Final = frozenset({"who"})
_FINITE: Final = word_list("finite")
_PREPOSITIONS: Final = word_list("prepositions")
_CONTRACTION: Final = re.compile(r"[’'](?:m|re|ve|ll|d|t)$", re.IGNORECASE)
_QUANTIFIERS: Final = frozenset({"some", "many", "others", "most", "few", "another"})
_APPROXIMATELY: Final = frozenset(
    {"about", "only", "nearly", "almost", "roughly", "just", "over", "under", "some"}
)
#: Nouns that head time and abstract phrases, never a speaker ("a few days", "the gamut").
_NOT_HEADS: Final = word_list("not_heads")
_NUMBER_WORD: Final = re.compile(
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|\w+teen"
)
_MAX_HOPS: Final = 3
_MAX_NOMINAL: Final = 6
_MAX_NAME: Final = 7
_MAX_PARENTHESIS: Final = 30


Token: TypeAlias = str
"""A word or punctuation mark as written; a window's tokens come with their start offsets."""
Window: TypeAlias = tuple[list[Token], list[int]]
"""Tokens in text order and, in the same order, where each starts."""

#: Builds a Bounds from a (start, end) tuple without NamedTuple's Python-level ``__new__``.
_new: Final = tuple.__new__


def tokens(text: str, start: int, end: int) -> Window:
    """The tokens of ``text[start:end]`` and their offsets."""
    # _TOKEN matches at every character that is not whitespace, so only whitespace lies
    # between two tokens: each starts at the first place it occurs after the one before.
    # (findall builds no match objects.)
    found: list[str] = _TOKEN.findall(text, start, end)
    starts: list[int] = []
    pos = start
    for token in found:
        pos = text.find(token, pos)
        starts.append(pos)
        pos += len(token)
    return found, starts


class TokenIndex(NamedTuple):
    """Tokens of a text, computed per sentence as far as windows have asked.

    ``bounds`` are ``(start, end)`` pairs in text order (sentences); a window
    inside one of them is cut from that sentence's cached tokens. A window that
    is not inside one bound, or is short beside a long bound, is tokenised on its own.
    """

    text: str
    bounds: list[tuple[int, int]]
    starts: list[int]
    cache: dict[int, Window]
    """Per sentence: its tokens and their offsets, read so far."""
    reach: dict[int, int]
    """Per sentence: where its tokenising stopped, a space or the sentence end. No token
    crosses a space, so reading on from there gives the tokens the whole sentence has."""

    @classmethod
    def of(cls, text: str, bounds: list[tuple[int, int]]) -> TokenIndex:
        """An index over *text* whose windows are cached per bound."""
        return cls(text, bounds, [b[0] for b in bounds], {}, {})

    def window(self, start: int, end: int) -> Window:
        """The tokens of ``text[start:end]`` and their offsets."""
        k = bisect.bisect_right(self.starts, max(start, end - 1)) - 1
        if k < 0:
            return tokens(self.text, start, end)
        lo, hi = self.bounds[k]
        if lo > start or hi < end or hi - lo > 4 * (end - start) + 200:
            return tokens(self.text, start, end)  # outside one bound, or a long sentence
        cached = self.cache.get(k)
        if cached is None or self.reach[k] < end:
            # Read on to the first space at or after *end*: every token starting before
            # *end* is then whole.
            stop = self.text.find(" ", end, hi)
            stop = hi if stop < 0 else stop
            more = tokens(self.text, lo if cached is None else self.reach[k], stop)
            if cached is None:
                cached = self.cache[k] = more
            else:
                cached[0].extend(more[0])
                cached[1].extend(more[1])
            self.reach[k] = stop
        toks, starts = cached
        i, j = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        return toks[i:j], starts[i:j]


def _is_cap(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in _FUNCTION_CAPS


def _is_name_piece(tok: list[Token], i: int) -> bool:
    word = tok[i]
    if word[:1].isupper():
        return True
    if word.lower() in _PARTICLES:
        return True
    if word == "." and i > 0:
        prev = tok[i - 1]
        return prev.lower() in _TITLES or (len(prev) == 1 and prev.isupper())
    return False


def _skip_between(tok: list[Token], i: int) -> int:
    while i >= 0 and (tok[i].lower() in _BETWEEN or (tok[i].endswith("ly") and tok[i].islower())):
        i -= 1
    return i


def _skip_parenthesis(tok: list[Token], i: int) -> int:
    """Index before a ", ... ," or "— ... —" aside that ends at *i*, else *i* itself.

    An aside is a relative clause ("who represents Nevada") or a verbless
    apposition ("a Democrat from Ohio", "for his part"); a clause with a finite
    verb is content, not an aside.
    """
    if i >= 1 and tok[i] == ")":
        for j in range(i - 1, max(-1, i - 12), -1):
            if tok[j] == "(":
                return j - 1
        return i
    if i < 1 or tok[i] not in {",", "—", "–"}:
        return i
    closing = tok[i]
    lower = max(0, i - _MAX_PARENTHESIS)
    for j in range(i - 1, lower - 1, -1):
        if tok[j] in {".", ";", ":", "“", "”", '"', "?", "!"}:
            return i
        if tok[j] == closing or (closing == "," and tok[j] in {"—", "–"}):
            if j < 1 or j + 1 >= i:
                return i
            aside = [t.lower() for t in tok[j + 1 : i]]
            if aside[0] not in _RELATIVE and not _FINITE.isdisjoint(aside):
                return i
            return j - 1
    return i


def _span(tok: list[Token], starts: list[int], first: int, last: int) -> Bounds:
    return _new(Bounds, (starts[first], starts[last] + len(tok[last])))


def _name_back(tok: list[Token], i: int, floor: int) -> int:
    """First index of the capitalised run ending at *i*."""
    first = i
    while first - 1 >= floor and i - first < _MAX_NAME and _is_name_piece(tok, first - 1):
        first -= 1
    while first < i and not _is_cap(tok[first]):
        first += 1
    if first > floor and tok[first - 1].lower() == "the":
        first -= 1
    return first


def _nominal_back(tok: list[Token], i: int, floor: int) -> int | None:
    """First index of a nominal phrase ending at *i* ("the Russian ambassador"), or None."""
    head = tok[i].lower()
    if head in {"percent", "%"} or head.isdigit():
        # "46 percent of voters said", "About 9 percent said", "Twenty-four percent said", "43 said"
        j = i - 1 if not head.isdigit() else i
        if j < floor or not (tok[j][0].isdigit() or _NUMBER_WORD.fullmatch(tok[j].lower())):
            return None
        if j - 2 >= floor and tok[j - 1] == "in" and tok[j] == "10":
            j -= 2  # "About four in 10 said"
        return j - 1 if j - 1 >= floor and tok[j - 1].lower() in _APPROXIMATELY else j
    if head in _STOP or head in _DETERMINERS or head in _NOT_HEADS or not tok[i][0].isalpha():
        return None
    if head.endswith("ed") and not head.endswith("eed"):
        return None  # "the crowd cheered", "a commission appointed": a verb, not a noun
    first = i
    while first - 1 >= floor and i - first < _MAX_NOMINAL:
        word = tok[first - 1]
        low = word.lower()
        if low in _DETERMINERS:
            return first if low == "that" else first - 1
        if low in {"of", "for"} and first - 2 >= floor:
            # "Some advocates for stem cell research", "the leader of the group"
            outer = _nominal_back(tok, first - 2, floor)
            if outer is not None:
                return outer
        if low in _STOP or low in PRONOUNS or not word[0].isalnum():
            break
        first -= 1
    if head.endswith("s") and not head.endswith("ss"):
        return first
    if first < i and (tok[first][0].isupper() or tok[first].endswith(("’s", "'s"))):
        return first
    return None


def _skip_asides(tok: list[Token], i: int) -> int:
    """Index before the adverbs, asides and parentheses that end at *i* ("Smith (D-Md.), chair of X, said")."""
    i = _skip_between(tok, i)
    for _ in range(3):
        if i >= 1 and tok[i] == "." and "." in tok[i - 1]:
            i -= 1  # "the F.B.I." ends in a full-stop token
        j = _skip_between(tok, _skip_parenthesis(tok, i))
        if j == i:
            break
        i = j
    return i


def source_before(text: str, lo: int, hi: int, index: TokenIndex | None = None) -> Bounds | None:
    """The speaker phrase that ends just before *hi* (a cue's start), within ``[lo, hi)``.

    *index* (the text's tokens) saves tokenising the window again.
    """
    start = max(lo, hi - 220)
    tok, starts = index.window(start, hi) if index is not None else tokens(text, start, hi)
    i = _skip_between(tok, len(tok) - 1)
    if i < 0:
        return None
    i = _skip_asides(tok, i)
    if i < 0:
        return None
    if tok[i].lower() == "whom":  # every relative phrase ends in "whom"
        low = [t.lower() for t in tok[max(0, i - 3) : i + 1]]
        for phrase in _RELATIVE_PHRASES:
            if tuple(low[-len(phrase) :]) == phrase:
                return _span(tok, starts, i - len(phrase) + 1, i)
    fallback: Bounds | None = None
    for _ in range(_MAX_HOPS):
        first = _phrase_before(tok, i)
        if first is None and tok[i].lower() in _NOT_HEADS:
            # "Trump at the time said": step over the time phrase.
            j = next(
                (j for j in range(i - 1, max(-1, i - 4), -1) if tok[j].lower() in _PREPOSITIONS),
                -1,
            )
            if j > 0:
                i = _skip_asides(tok, j - 1)
                continue
        if first is None:
            return fallback
        if (
            first > 0
            and tok[first - 1].lower() in _PREPOSITIONS
            and tok[first].lower() not in _RELATIVE_SUBJECTS
        ):
            # "Trump at the time said": the phrase is a prepositional object, the subject is before it.
            fallback = fallback or _span(tok, starts, first, i)
            i = _skip_asides(tok, first - 2)
            if i < 0:
                return fallback
            continue
        return _span(tok, starts, first, i)
    return fallback


def _phrase_before(tok: list[Token], i: int) -> int | None:
    """First index of the speaker phrase that ends at token *i*, or None."""
    word = tok[i]
    low = word.lower()
    if low in _RELATIVE_SUBJECTS or (low in PRONOUNS and word != "i"):
        return i
    if low in _QUANTIFIERS:
        return i  # "some say", "others said", "one says"
    if (
        low in {"them", "us", "those"}
        and i >= 2
        and tok[i - 1] == "of"
        and tok[i - 2].lower() in _QUANTIFIERS
    ):
        return i - 2  # "most of them said"
    if word.endswith(("’s", "'s", "’", "'")) or _CONTRACTION.search(word):
        return None
    if _is_cap(word) or (word[:1].isupper() and i > 0 and tok[i - 1].lower() in _TITLES):
        if i == 0 and word.endswith("ing"):
            return None
        return _name_back(tok, i, 0)
    return _nominal_back(tok, i, 0)


def source_after(
    text: str, lo: int, hi: int, *, alone: bool = False, index: TokenIndex | None = None
) -> Bounds | None:
    """The speaker phrase that starts just after *lo* (a cue's end), within ``[lo, hi)``.

    With *alone*, the phrase must end its clause ("said Smith." / "said Smith, the ...").
    """
    found = _phrase_after(text, lo, hi, index)
    if found is None or not alone:
        return found
    rest = text[found.end : hi].lstrip()
    return found if not rest or rest[0] in ",.;:!?—–()" else None


def _phrase_after(text: str, lo: int, hi: int, index: TokenIndex | None) -> Bounds | None:
    end = min(hi, lo + 300)
    tok, starts = index.window(lo, end) if index is not None else tokens(text, lo, end)
    i = 0
    while i < len(tok) and tok[i].lower() in _BETWEEN:
        i += 1
    if i >= len(tok):
        return None
    word = tok[i]
    low = word.lower()
    if low in PRONOUNS:
        return _span(tok, starts, i, i)
    if low in _DETERMINERS and low not in {"that", "this", "these", "those", "no"}:
        last = i
        while last + 1 < len(tok) and last - i < _MAX_NOMINAL + 2:
            nxt = tok[last + 1]
            if not nxt[0].isalnum() or (
                nxt.lower() in _STOP and nxt.lower() not in {"of", "for", "at"}
            ):
                break
            last += 1
        return _span(tok, starts, i, last) if last > i else None
    if _is_cap(word) or low in _TITLES:
        last = i
        while last + 1 < len(tok) and last - i < _MAX_NAME and _is_name_piece(tok, last + 1):
            last += 1
        while last > i and tok[last] == ".":
            last -= 1
        return _span(tok, starts, i, last)
    return None


def antecedent(
    text: str, lo: int, source: Bounds, index: TokenIndex | None = None
) -> Bounds | None:
    """The phrase a relative source refers to: "Smith" for "Smith, who said" or
    "Ivan Molotkov, the latter of whom stressed"; None for other sources."""
    if text[source.start : source.start + 1] not in "wWtT":
        return None  # not "who", "which" or "the ..." (the common case, decided without a copy)
    words = text[source.start : source.end].lower().split()
    if (
        not words
        or words[0] not in {"who", "which", "the"}
        or (words[0] == "the" and words[1:2] != ["latter"])
    ):
        return None
    if words[0] == "the" and words[-1] != "whom":
        return None
    before = text[lo : source.start].rstrip()
    if before.endswith((",", "—", "–")):
        before = before[:-1]
    return source_before(text, lo, lo + len(before), index) if before else None
