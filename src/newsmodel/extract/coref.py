"""Who a role phrase, a pronoun or "the latter" means.

Role phrases ("The prime minister", "the Russian ambassador", "Libyan PM" in a
headline) join the person whose titles hold that role, the one mentioned last
before the phrase; they become aliases and mentions. Pronouns and "the former" /
"the latter" are resolved on request by :func:`make_resolver`, the
:data:`SpeakerResolver` handed to speech finding; they never become aliases.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Final, NamedTuple, TypeAlias

from newsmodel.model import Person, Span

if TYPE_CHECKING:
    from newsmodel.extract.lexicon import Lexicon
    from newsmodel.extract.people import Draft

__all__ = [
    "SpeakerResolver",
    "add_role_mentions",
    "make_resolver",
    "roles_of",
]

SpeakerResolver: TypeAlias = Callable[[str, Span], Person | None]
"""(source as written, its span in Article.text) -> the Person it names, or None."""

SYNONYMS: Final = {
    "pm": "prime minister",
    "premier": "prime minister",
    "sen": "senator",
    "gov": "governor",
    "rep": "representative",
    "congressman": "representative",
    "congresswoman": "representative",
    "gen": "general",
    "envoy": "ambassador",
    "ceo": "chief executive",
    "chief executive officer": "chief executive",
    "spokeswoman": "spokesperson",
    "spokesman": "spokesperson",
    "chairwoman": "chairman",
    "chair": "chairman",
    "prof": "professor",
    "dr": "doctor",
    "capt": "captain",
    "col": "colonel",
    "lt": "lieutenant",
}
"""Role forms that mean the same office, mapped to one key."""

#: "the" and the word after it; the word boundary before "the" is checked by the caller
#: (without ``\b`` in front the engine jumps from one "t" to the next).
_THE: Final = re.compile(r"[Tt]he[ \u00a0]([\w’'\-.]+)")
_ROLE_PHRASE: Final = re.compile(r"([Tt]he)((?:[ \u00a0][\w’'\-.]+){1,5})")
_WORD: Final = re.compile(r"[\w’'\-.]+")
_POSSESSIVE: Final = re.compile(r"[’']s?$")
_RECENT_PERSONS: Final = 12
#: Titles the lexicon's memo of their roles holds at most.
_MAX_MEMO: Final = 50_000
_LOOKBACK_MENTIONS: Final = 200
_BREAK: Final = re.compile(r"[.,;:!?“”\"()\n—–]")
_NOMINAL_DETERMINERS: Final = frozenset({"the", "a", "an", "this", "that", "our", "their"})
_MALE: Final = frozenset({"he", "him", "his", "himself"})
_FEMALE: Final = frozenset({"she", "her", "hers", "herself"})
_LATTER: Final = re.compile(r"^the latter\b", re.IGNORECASE)
_FORMER: Final = re.compile(r"^the former(?: of whom| of the two| one)?$", re.IGNORECASE)


def _unpossessive(words: list[str]) -> list[str]:
    """*words* without a final "’s" or "’" (only words with an apostrophe go to the regex)."""
    return [_POSSESSIVE.sub("", w) if "’" in w or "'" in w else w for w in words]


def _key(role: str) -> str:
    return SYNONYMS.get(role, role)


def roles_of(titles: Sequence[str], lex: Lexicon) -> frozenset[str]:
    """Every role key the *titles* hold, whole ("prime minister") and by head ("minister")."""
    memo = lex.title_roles
    keys: set[str] = set()
    for title in titles:
        found = memo.get(title)
        if found is None:
            found = _title_roles(title, lex)
            if len(memo) < _MAX_MEMO:
                memo[title] = found
        keys.update(found)
    return frozenset(keys)


def _title_roles(title: str, lex: Lexicon) -> tuple[str, ...]:
    keys: list[str] = []
    words = [_POSSESSIVE.sub("", w).rstrip(".,") for w in title.lower().split()]
    for i, word in enumerate(words):
        if word not in lex.role_starts:
            continue
        for n in range(min(lex.max_role_words, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + n])
            if phrase in lex.roles:
                key = _key(phrase)
                keys += (key, key.rsplit(maxsplit=1)[-1])
                break
    return tuple(keys)


def _role_at(words: list[str], lex: Lexicon) -> tuple[int, int, str] | None:
    """Modifiers then one role: (words used, index where the role starts, role key)."""
    i = 0
    while i < len(words):
        low = words[i].lower()
        if low not in lex.modifiers and low not in lex.demonyms and low not in lex.countries:
            break
        i += 1
    if i == len(words) or words[i].lower().rstrip(".") not in lex.role_starts:
        return None  # every role phrase starts with one of the role_starts
    for n in range(min(lex.max_role_words, len(words) - i), 0, -1):
        phrase = " ".join(w.lower().rstrip(".") for w in words[i : i + n])
        if phrase in lex.roles:
            return i + n, i, _key(phrase)
    return None


def _country_words(words: list[str], lex: Lexicon) -> set[str]:
    out: set[str] = set()
    for word in words:
        low = word.lower()
        if low in lex.demonyms:
            out.update((low, lex.demonyms[low].lower()))
        elif low in lex.countries:
            out.update((low, lex.countries[low].lower()))
    return out


class _Holder(NamedTuple):
    titles: str
    """The titles, joined and lower case."""
    roles: frozenset[str]
    starts: list[int]
    """Where each mention starts, in order."""


_NO_HOLDER: Final = _Holder("", frozenset(), [])


class _Holders(NamedTuple):
    items: list[_Holder]
    by_role: dict[str, list[int]]
    """For each role, the positions in ``items`` of its holders, ascending."""


def _holders(
    titles: Iterable[Sequence[str]], starts: Iterable[list[int]], lex: Lexicon
) -> _Holders:
    # Without titles a person holds no role and is never read (``_pick`` reads the holders
    # of a role only): one shared empty holder stands for each of them.
    items = [
        _Holder(" ".join(t).lower(), roles_of(t, lex), sorted(s)) if t else _NO_HOLDER
        for t, s in zip(titles, starts, strict=True)
    ]
    by_role: dict[str, list[int]] = {}
    for n, holder in enumerate(items):
        for role in holder.roles:
            by_role.setdefault(role, []).append(n)
    return _Holders(items, by_role)


def _pick(holders: _Holders, role: str, places: set[str], pos: int | None) -> int | None:
    """Which holder holds *role*: matching *places* first, then the last mentioned before *pos*.

    Only the holders of *role* or its head word are read (``by_role``), so the cost does
    not grow with the number of persons.
    """
    best: tuple[int, int, int] | None = None
    head = role.rsplit(maxsplit=1)[-1]
    found = holders.by_role.get(role, [])
    if head != role and head in holders.by_role:
        found = sorted({*found, *holders.by_role[head]})
    for n in found:
        holder = holders.items[n]
        k = len(holder.starts) if pos is None else bisect.bisect_left(holder.starts, pos)
        if k == 0:
            continue
        fits = int(bool(places) and any(p in holder.titles for p in places))
        score = (fits, holder.starts[k - 1] if pos is not None else -holder.starts[0], n)
        if best is None or score[:2] > best[:2]:
            best = score
    return best[2] if best else None


def add_role_mentions(
    text: str, headline: str | None, drafts: Sequence[Draft], lex: Lexicon
) -> None:
    """Join each "the <role>" phrase of *text* to the person holding that role, as a
    mention and an alias, and each role phrase of the *headline* as an alias."""
    holders = _holders(
        (d.titles for d in drafts), ([m[0] for m in d.mentions] for d in drafts), lex
    )
    if not holders.by_role:
        return
    the_words = lex.the_words
    search = _THE.search
    pos = 0
    while (the := search(text, pos)) is not None:
        at = the.start()
        if at and (text[at - 1].isalnum() or text[at - 1] == "_"):
            pos = at + 1  # inside a word ("bathe"): what ``\b`` would reject
            continue
        pos = the.end()
        first = the.group(1)
        if "’" in first or "'" in first:  # no apostrophe: nothing for _POSSESSIVE to cut
            first = _POSSESSIVE.sub("", first)
        if first.lower() not in the_words:
            continue
        match = _ROLE_PHRASE.match(text, the.start())
        if match is None:
            continue
        tail = match.group(2)
        words = _unpossessive(_WORD.findall(tail))
        found = _role_at(words, lex)
        if found is None:
            continue
        used, _, role = found
        if used < len(words) and words[used][:1].isupper():
            continue  # "the Russian ambassador Ivan Molotkov": a title, not a reference
        which = _pick(holders, role, _country_words(words[:used], lex), match.start())
        if which is None:
            continue
        draft = drafts[which]
        # the phrase as written: from "The" to the end of its last role word
        end = match.end()
        for k, w in enumerate(_WORD.finditer(text, match.start(2), match.end())):
            if k == used - 1:
                end = w.end()
                break
        possessive = _POSSESSIVE.search(text, match.start(), end)
        if possessive is not None:
            end = possessive.start()
        draft.add_mention(match.start(), end, text[match.start() : end])
    if headline:
        _headline_roles(headline, drafts, holders, lex)


def _headline_roles(
    headline: str, drafts: Sequence[Draft], holders: _Holders, lex: Lexicon
) -> None:
    """Give the headline's role phrases ("Libyan PM") as aliases to the persons they mean."""
    words = _unpossessive(_WORD.findall(headline))
    for i in range(len(words)):
        if words[i].lower() not in lex.demonyms and words[i].lower() != "the":
            continue
        found = (
            _role_at(words[i + 1 :], lex) if words[i].lower() == "the" else _role_at(words[i:], lex)
        )
        if found is None:
            continue
        used, _, role = found
        phrase_words = words[i : i + used + (1 if words[i].lower() == "the" else 0)]
        which = _pick(holders, role, _country_words(phrase_words, lex), None)
        if which is not None:
            draft = drafts[which]
            phrase = " ".join(phrase_words)
            if phrase != draft.name and phrase not in draft.aliases:
                draft.aliases.append(phrase)


class _Resolver:
    """The speaker resolver of :func:`make_resolver` (a class, not closures: compiled by
    mypyc, closures that call each other form a reference cycle that outlives the call)."""

    def __init__(
        self, text: str, persons: Sequence[Person], genders: Sequence[str], lex: Lexicon
    ) -> None:
        self.text = text
        self.persons = persons
        self.genders = genders
        self.lex = lex
        self.index = sorted(
            (span.start, span.end, i)
            for i, person in enumerate(persons)
            for span in person.mentions
        )
        self.starts = [s for s, _, _ in self.index]
        self.holders = _holders(
            (p.titles for p in persons), ([m.start for m in p.mentions] for p in persons), lex
        )
        self.wanted = min(len(persons), _RECENT_PERSONS)

    def recent(self, pos: int) -> list[int]:
        """Persons by their last mention before *pos*, most recent first, each once
        (looking back over a bounded number of mentions)."""
        seen: list[int] = []
        last = bisect.bisect_left(self.starts, pos) - 1
        for k in range(last, max(-1, last - _LOOKBACK_MENTIONS), -1):
            who = self.index[k][2]
            if self.index[k][1] <= pos and who not in seen:
                seen.append(who)
                if len(seen) >= self.wanted:
                    break
        return seen

    def covered(self, span: Span, titled: bool) -> int | None:
        k = bisect.bisect_left(self.starts, span.end) - 1
        while k >= 0 and self.index[k][0] > span.start - 400:
            if self.index[k][1] > span.start:
                return self.index[k][2]
            k -= 1
        k = bisect.bisect_left(self.starts, span.end)
        if titled and k < len(self.index) and self.index[k][0] - span.end <= 60:
            between = self.text[span.end : self.index[k][0]]
            if not _BREAK.search(between):
                return self.index[k][2]  # a title written before the name
        return None

    def __call__(self, source: str, span: Span) -> Person | None:
        form = " ".join(source.split()).lower()
        last = form.rsplit(maxsplit=1)[-1] if form else ""
        who = self.covered(span, last in self.lex.roles or last in self.lex.role_heads)
        if who is not None:
            return self.persons[who]
        if _LATTER.match(form):
            order = self.recent(span.start)
            return self.persons[order[0]] if order else None
        if _FORMER.match(form):
            order = self.recent(span.start)
            return self.persons[order[1]] if len(order) > 1 else None
        want = "m" if form in _MALE else "f" if form in _FEMALE else None
        if want is not None:
            for n in self.recent(span.start):
                if self.genders[n] in {want, "u"}:
                    return self.persons[n]
            return None
        words = _unpossessive(_WORD.findall(source))
        while words and words[0].lower() in _NOMINAL_DETERMINERS:
            words.pop(0)
        found = _role_at(words, self.lex)
        if found is None or found[0] != len(words):
            return None
        which = _pick(
            self.holders, found[2], _country_words(words[: found[0]], self.lex), span.start
        )
        return self.persons[which] if which is not None else None


def make_resolver(
    text: str, persons: Sequence[Person], genders: Sequence[str], lex: Lexicon
) -> SpeakerResolver:
    """The speaker resolver over the finished *persons* of *text* (``genders`` in the same order).

    A source covering a mention is that mention's person; a title right before a
    name ("Russian Ambassador" in "Russian Ambassador to Libya Ivan Molotkov") is
    that name's person; "the latter" and "the former" are the last and the one
    before; he / she the last person of a fitting gender; a role phrase ("the
    senator") the last person holding that role. Anything else is None.
    """
    return _Resolver(text, persons, genders, lex)
