"""People named in an article's text: names, titles, and every mention of each.

Names are found in capitalised runs (:mod:`newsmodel.extract.tokens`). A run of two
or more name words is a person when its first word is a known given name, or when
the text marks it as one: a role before it ("Russian Ambassador to Libya Ivan
Molotkov", "longtime strongman Muammar Gaddafi"), an apposition after it ("Fayez
Al-Sarraj, prime minister of ..."), a reporting verb ("..., John Smith said").
A single word is a person after an honorific or role ("Mr Smith", "President
Obama"), or when it is part of a name found elsewhere ("Al-Sarraj", "Molotkov").
Titles and appositions are kept as written.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from newsmodel.extract.lexicon import Lexicon
from newsmodel.extract.tokens import Run, Word
from newsmodel.model import Person, Span

__all__ = ["Draft", "find_people", "freeze_people", "role_in"]

MODIFIERS: Final = frozenset(
    "former longtime long-time then late acting interim deputy senior chief top new incoming "
    "outgoing veteran fellow current ex retired shadow assistant vice presidential foreign prime "
    "general federal state national party campaign opposition rival leading independent elected "
    "powerful influential controversial embattled disgraced jailed exiled ousted deposed "
    "self-styled so-called founding democratic republican conservative liberal labour".split()
)
"""Lower-case words that may precede a role in a title: "longtime strongman"."""

_DETERMINERS: Final = frozenset({"the", "a", "an", "his", "her", "their", "its", "our"})
_TITLE_LINKS: Final = frozenset({"to", "of", "for", "the", "and", "in", "at", "&"})
_NAME_MONTHS: Final = frozenset({"may", "june", "april", "august", "march"})
_BACK_WORD: Final = re.compile(r"[\w’'.\-&]+|[^\w\s]")
_APPOSITION: Final = re.compile(r",[ \u00a0]+([^,.;:()\[\]“”\"!?\n—–]{2,120})")
_APPOSITION_CUT: Final = re.compile(r"\s(?:said|says|told|added|who|which|and)\b.*", re.DOTALL)
_AFTER_CUE: Final = re.compile(
    r",?[ \u00a0](?:said|says|told|added|stated|insisted|argued|explained|wrote|tweeted|warned"
    r"|claimed|noted|asked|replied|announced|declared|admitted|who|whose)\b"
    r"|,? \(?\d{1,3}\)?,|[’']s (?:wife|husband|son|daughter|father|mother|brother|sister|spokesman"
    r"|spokeswoman|lawyer|attorney)\b"
)
_BEFORE_CUE: Final = re.compile(r"(?:according to|said|says|by|named|called)[ \u00a0]$")
_MAX_NAME_WORDS: Final = 5


@attrs.define
class Draft:
    """A person while the article is read; frozen into a Person at the end."""

    name: str
    words: tuple[str, ...]
    """The name's words, case-folded, particles included."""
    gender: str = "u"
    titles: list[str] = attrs.Factory(list)
    aliases: list[str] = attrs.Factory(list)
    mentions: list[tuple[int, int]] = attrs.Factory(list)

    def add_mention(self, start: int, end: int, form: str) -> None:
        """Record one mention and, when new, its form as an alias."""
        self.mentions.append((start, end))
        if form != self.name and form not in self.aliases:
            self.aliases.append(form)

    def add_title(self, title: str | None) -> None:
        """Record a title as written, once."""
        if title and title not in self.titles:
            self.titles.append(title)


@attrs.frozen(kw_only=True)
class _Candidate:
    words: tuple[Word, ...]
    title: str | None
    appositive: str | None
    honorific: Word | None
    evidence: bool

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(w.key for w in self.words)

    @property
    def core(self) -> tuple[str, ...]:
        """The name words without particles and initials: what identifies the person."""
        return tuple(w.key for w in self.words if w.kind == "name")


def role_in(words: list[str], lex: Lexicon) -> str | None:
    """The first role phrase among lower-case *words* ("prime minister"), if any."""
    for i in range(len(words)):
        for n in range(min(lex.max_role_words, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + n])
            if phrase in lex.roles:
                return phrase
        part = words[i].rsplit("-", 1)[-1]
        if part != words[i] and part in lex.roles:
            return part
    return None


def _segments(run: Run, lex: Lexicon) -> list[tuple[int, int]]:
    """Index ranges of the runs' words that may be a name."""
    out: list[tuple[int, int]] = []
    words = run.words
    i = 0
    while i < len(words):
        w = words[i]
        nameish = w.kind in {"name", "initial"} or (
            w.kind == "place"
            and w.key in lex.given_names
            and i + 1 < len(words)
            and words[i + 1].kind == "name"
        )
        leading_particle = w.kind == "particle" and i + 1 < len(words) and words[i + 1].kind == "name"
        if not (nameish or leading_particle):
            i += 1
            continue
        j = i + 1
        while j < len(words) and (
            words[j].kind in {"name", "initial", "particle"}
            or (
                words[j].kind == "common"
                and words[j].key in _NAME_MONTHS
                and j == i + 1
                and words[i].key in lex.given_names
            )
        ):
            j += 1
        while j > i and words[j - 1].kind == "particle":
            j -= 1
        if j > i:
            out.append((i, j))
        i = max(j, i + 1)
    return out


def _pre_title(text: str, start: int, lex: Lexicon) -> tuple[str | None, bool]:
    """The title written just before a name, and whether a role word touches the name."""
    lo = max(0, start - 140, text.rfind("\n", 0, start) + 1)
    tokens = list(_BACK_WORD.finditer(text, lo, start))
    first: int | None = None
    role_words: list[str] = []
    adjacent = False
    for k in range(len(tokens) - 1, -1, -1):
        tok = tokens[k].group()
        low = tok.lower().rstrip(".")
        if len(tokens) - k > 10:
            break
        if low in _TITLE_LINKS:
            nxt = tokens[k + 1].group() if k + 1 < len(tokens) else ""
            if low == "and" and (nxt.lower() in lex.demonyms or nxt[:1].islower()):
                break
            continue
        head = low.rsplit("-", 1)[-1]
        is_role = low in lex.roles or head in lex.roles or low in lex.role_heads
        if tok[0].isupper():
            if not is_role and low not in lex.demonyms and (
                low in lex.common or low in lex.given_names
            ):
                break
        elif tok == "pm" or not (is_role or low in MODIFIERS or low.split("-", 1)[0] in MODIFIERS):
            break
        if is_role:
            role_words.append(low)
            adjacent = adjacent or k == len(tokens) - 1
        first = tokens[k].start()
    if first is None or not role_words:
        return None, False
    title = text[first:start].strip()
    words = title.split()
    while words and words[0].lower() in _TITLE_LINKS | _DETERMINERS:
        words.pop(0)
    title = " ".join(words)
    return (title or None), adjacent


def _appositive(text: str, end: int, lex: Lexicon) -> str | None:
    """The apposition after a name when it names a role: ", prime minister of ..."."""
    match = _APPOSITION.match(text, end)
    if match is None:
        return None
    phrase = _APPOSITION_CUT.sub("", match.group(1)).strip()
    words = phrase.split()
    while words and words[0].lower() in _DETERMINERS:
        words.pop(0)
    lowered = []
    for word in words[:6]:
        low = word.lower().strip("’'")
        if word[:1].islower() and low not in lex.roles and low not in MODIFIERS:
            lowered.append(low)
            break
        lowered.append(low)
    if role_in(lowered, lex) is None:
        return None
    return " ".join(words) or None


def _candidates(text: str, runs: list[Run], lex: Lexicon) -> list[_Candidate]:
    out: list[_Candidate] = []
    for run in runs:
        for i, j in _segments(run, lex):
            words = run.words[i:j]
            if len([w for w in words if w.kind == "name"]) == 0:
                continue
            if j < len(run.words) and run.words[j].kind == "org":
                continue  # "Clinton Foundation": part of an organisation's name
            if i > 0 and run.words[i - 1].kind in {"org", "acronym"}:
                continue
            start, end = words[0].start, words[-1].end
            title, adjacent = _pre_title(text, start, lex)
            honorific = run.words[i - 1] if i > 0 and run.words[i - 1].kind == "role" else None
            if honorific is None and adjacent:
                honorific = Word(start=0, end=0, text="", key="", kind="role")
            appositive = _appositive(text, end, lex) if end == run.end else None
            evidence = bool(
                title
                or appositive
                or _AFTER_CUE.match(text, end)
                or _BEFORE_CUE.search(text, max(0, start - 16), start)
            )
            out.append(
                _Candidate(
                    words=words, title=title, appositive=appositive, honorific=honorific, evidence=evidence
                )
            )
    return out


def _accepted(cand: _Candidate, lex: Lexicon) -> bool:
    core = cand.core
    if len(cand.words) > _MAX_NAME_WORDS and not cand.evidence:
        return False
    if len(core) < 2:
        return False
    return cand.evidence or core[0] in lex.given_names


def _gender(cand: _Candidate, lex: Lexicon) -> str:
    if cand.honorific is not None and cand.honorific.gender != "u":
        return cand.honorific.gender
    for title in (cand.title, cand.appositive):
        if title:
            role = role_in(title.lower().split(), lex)
            if role and lex.roles[role] != "-":
                return lex.roles[role]
    first = cand.core[0] if cand.core else ""
    return lex.given_names.get(first, "u")


def _nearest(drafts: list[Draft], pos: int) -> Draft:
    """The draft mentioned last before *pos*, else the first one."""
    best: tuple[int, Draft] | None = None
    for draft in drafts:
        before = [s for s, _ in draft.mentions if s < pos]
        if before and (best is None or before[-1] > best[0]):
            best = (before[-1], draft)
    return best[1] if best else drafts[0]


def _join(draft: Draft, cand: _Candidate, text: str, lex: Lexicon) -> None:
    draft.add_mention(cand.start, cand.end, text[cand.start : cand.end])
    draft.add_title(cand.title)
    draft.add_title(cand.appositive)
    if draft.gender == "u":
        draft.gender = _gender(cand, lex)


def find_people(text: str, runs: list[Run], lex: Lexicon) -> list[Draft]:
    """Every person named in *text*, with titles and name mentions, in order of first mention."""
    candidates = _candidates(text, runs, lex)
    drafts: list[Draft] = []
    by_words: dict[tuple[str, ...], Draft] = {}
    by_ends: dict[tuple[str, str], Draft] = {}
    accepted = {c.keys for c in candidates if _accepted(c, lex)}
    singles: list[_Candidate] = []
    for cand in candidates:
        core = cand.core
        if len(core) < 2:
            singles.append(cand)
            continue
        if cand.keys not in accepted:
            continue
        draft = by_words.get(cand.keys) or by_ends.get((core[0], core[-1]))
        if draft is None:
            name = text[cand.start : cand.end]
            draft = Draft(name=name, words=cand.keys)
            drafts.append(draft)
        elif len(cand.keys) > len(draft.words):
            old = draft.name
            draft.name, draft.words = text[cand.start : cand.end], cand.keys
            if old not in draft.aliases:
                draft.aliases.append(old)
            if draft.name in draft.aliases:
                draft.aliases.remove(draft.name)
        by_words[cand.keys] = draft
        by_ends.setdefault((core[0], core[-1]), draft)
        _join(draft, cand, text, lex)
    surnames: dict[str, list[Draft]] = {}
    given: dict[str, list[Draft]] = {}
    for draft in drafts:
        surnames.setdefault(draft.words[-1], []).append(draft)
        tail = " ".join(draft.words[1:])
        if len(draft.words) > 2 and tail not in surnames:
            surnames.setdefault(tail, []).append(draft)
        given.setdefault(draft.words[0], []).append(draft)
    for cand in singles:
        key = " ".join(cand.keys)
        matches = surnames.get(key) or given.get(key)
        if matches:
            _join(_nearest(matches, cand.start), cand, text, lex)
        elif cand.honorific is not None and cand.words[0].kind == "name":
            draft = Draft(name=text[cand.start : cand.end], words=cand.keys)
            drafts.append(draft)
            surnames.setdefault(key, []).append(draft)
            _join(draft, cand, text, lex)
    return drafts


def freeze_people(drafts: list[Draft]) -> tuple[tuple[Person, ...], tuple[str, ...]]:
    """The drafts as Persons with ids p1, p2, ... in order of first mention, and their genders."""
    live = sorted((d for d in drafts if d.mentions), key=lambda d: min(d.mentions))
    persons = tuple(
        Person(
            id=f"p{n}",
            name=draft.name,
            aliases=tuple(draft.aliases),
            titles=tuple(draft.titles),
            mentions=tuple(Span(start=s, end=e) for s, e in sorted(set(draft.mentions))),
        )
        for n, draft in enumerate(live, 1)
    )
    return persons, tuple(d.gender for d in live)
