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

import bisect
import re
from typing import TYPE_CHECKING, Final, Literal, NamedTuple

import attrs

from newsmodel.extract.tokens import ABBREVIATION, Run, Word
from newsmodel.model import Person, Span

if TYPE_CHECKING:
    from newsmodel.extract.lexicon import Lexicon

__all__ = ["Draft", "find_people", "freeze_people", "role_in"]


_DETERMINERS: Final = frozenset({"the", "a", "an", "his", "her", "their", "its", "our"})
_TITLE_LINKS: Final = frozenset({"to", "of", "for", "the", "and", "in", "at", "&"})
_NAME_MONTHS: Final = frozenset({"may", "june", "april", "august", "march"})
#: An abbreviated title, tried only at a capital (where each of them starts): the regex
#: engine then skips the list at every other character.
_ABBR: Final = rf"(?=[A-Z]){ABBREVIATION}"
_BACK_WORD: Final = re.compile(rf"{_ABBR}|[\w’'\-&]+|[^\w\s]")
_ABBREVIATED: Final = re.compile(rf"{ABBREVIATION}$")
_APPOSITION: Final = re.compile(rf",[ \u00a0]+((?:{_ABBR}|[^,.;:()\[\]“”\"!?\n—–]){{2,120}})")
_APPOSITION_CUT: Final = re.compile(r"\s(?:said|says|told|added|who|which|and)\b.*", re.DOTALL)
_AFTER_CUE: Final = re.compile(
    r",?[ \u00a0](?:said|says|told|added|stated|insisted|argued|explained|wrote|tweeted|warned"
    r"|claimed|noted|asked|replied|announced|declared|admitted|who|whose)\b"
    r"|,? \(?\d{1,3}\)?,|[’']s (?:wife|husband|son|daughter|father|mother|brother|sister|spokesman"
    r"|spokeswoman|lawyer|attorney)\b"
)
_BEFORE_CUE: Final = re.compile(r"(?:according to|said|says|named)[ \u00a0]$")
_MAX_NAME_WORDS: Final = 5
#: Characters of a name's left context tokenised first by ``_pre_title``.
_SHORT_TAIL: Final = 48
#: Words ``_pre_title`` reads back at most.
_SCAN_WORDS: Final = 10
_OWNING_LINKS: Final = _TITLE_LINKS - {"the", "and"}
_LEADING_LINKS: Final = _TITLE_LINKS | _DETERMINERS
_PERSONAL: Final = frozenset({"mr", "mrs", "ms", "miss", "mister", "dr", "sir", "dame", "madam"})
_NOT_CORE: Final = frozenset({"particle", "initial"})
#: The word kinds a name segment can start with (see ``_nameish``, ``_segments``).
_NAMEISH_KINDS: Final = frozenset({"name", "initial", "particle", "place"})
_new: Final = tuple.__new__
_SURNAME_ROLES: Final = frozenset(
    {"king", "major", "bishop", "marshal", "judge", "speaker", "chancellor", "dean"}
)


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


class _Candidate(NamedTuple):
    words: tuple[Word, ...]
    honorific: Word | None
    """The honorific or office right before the name in its run ("Mr", "President")."""
    evidence: bool
    """The text marks the words as a person's name (a title, an apposition, a cue)."""
    start: int
    end: int
    keys: tuple[str, ...]
    core: tuple[str, ...]
    """The name words without particles and initials: what identifies the person."""
    closes_run: bool


def role_in(words: list[str], lex: Lexicon) -> str | None:
    """The first role phrase among lower-case *words* ("prime minister"), if any."""
    for i in range(len(words)):
        if words[i] in lex.role_starts:  # else no role phrase starts here
            for n in range(min(lex.max_role_words, len(words) - i), 0, -1):
                phrase = " ".join(words[i : i + n])
                if phrase in lex.roles:
                    return phrase
        part = words[i].rsplit("-", 1)[-1]
        if part != words[i] and part in lex.roles:
            return part
    return None


def _nameish(words: tuple[Word, ...], i: int, lex: Lexicon) -> bool:
    """Whether word *i* of a run may be part of a name."""
    w = words[i]
    if w.kind in {"name", "initial"}:
        return True
    follows_name = i + 1 < len(words) and words[i + 1].kind == "name"
    return w.kind == "place" and w.key in lex.given_names and follows_name


def _name_tail(words: tuple[Word, ...], i: int, j: int, lex: Lexicon) -> bool:
    """Whether word *j* continues the name begun at *i*: "Theresa May", "Mervyn King",
    "George Washington"."""
    w = words[j]
    if w.kind in {"name", "initial", "particle"}:
        return True
    if j != i + 1 or words[i].key not in lex.given_names:
        return False
    last = j + 1 == len(words) or words[j + 1].kind not in {"name", "initial"}
    return last and (
        (w.kind == "common" and w.key in _NAME_MONTHS)
        or (w.kind == "role" and w.key in _SURNAME_ROLES)
        or (w.kind == "place" and w.key not in lex.countries)
    )


def _segments(run: Run, lex: Lexicon) -> list[tuple[int, int]]:
    """Index ranges of the run's words that may be a name."""
    words = run.words
    if len(words) == 1:  # most runs: a lone name or initial is the whole segment
        return [(0, 1)] if words[0].kind in {"name", "initial"} else []
    out: list[tuple[int, int]] = []
    i = 0
    n = len(words)
    while i < n:
        kind = words[i].kind
        if kind not in _NAMEISH_KINDS:  # no name, initial, particle or place: _nameish fails
            i += 1
            continue
        leading_particle = kind == "particle" and i + 1 < n and words[i + 1].kind == "name"
        if not (leading_particle or _nameish(words, i, lex)):
            i += 1
            continue
        j = i + 1
        while j < len(words) and _name_tail(words, i, j, lex):
            j += 1
        while j > i and words[j - 1].kind == "particle":
            j -= 1
        if (
            i == 0
            and run.sentence_start
            and j - i >= 3
            and words[i].key not in lex.given_names
            and words[i + 1].key in lex.given_names
        ):
            i += 1  # "Goalscorer Jimmy Floyd Hasselbaink": a sentence-opening word before a name
        if j > i:
            out.append((i, j))
        i = max(j, i + 1)
    return out


def _scan_title(
    tokens: list[re.Match[str]], lex: Lexicon, *, whole: bool
) -> tuple[int | None, list[str], str | None] | Literal[True] | None:
    """The backward scan of :func:`_pre_title` over *tokens* (the words before a name).

    Returns True for an owning "of"/"for" before the name, (first title offset, role words,
    touching role) when the scan stopped, read its ten words or read the *whole* window, and
    None when it ran out of a partial window's *tokens* (more words might change the answer).
    """
    first: int | None = None
    role_words: list[str] = []
    touching: str | None = None
    if tokens and tokens[-1].group().lower() in _OWNING_LINKS:
        return True
    if not tokens and not whole:
        return None
    for k in range(len(tokens) - 1, max(-1, len(tokens) - 11), -1):
        tok = tokens[k].group()
        low = tok.lower().rstrip(".")
        if low in _TITLE_LINKS:
            nxt = tokens[k + 1].group() if k + 1 < len(tokens) else ""
            nxt_low = nxt.lower().rstrip(".")
            if low == "and" and (
                nxt_low in lex.demonyms
                or nxt_low in lex.countries
                or nxt_low in lex.places
                or nxt_low in lex.roles
                or nxt[:1].islower()
            ):
                break
            continue
        head = low.rsplit("-", 1)[-1]
        is_role = low in lex.roles or head in lex.roles or low in lex.role_heads
        if tok[0].isupper():
            if (
                not is_role
                and low not in lex.demonyms
                and low not in lex.modifiers
                and (low in lex.common or low in lex.given_names)
            ):
                break
        elif tok == "pm" or not (
            is_role or low in lex.modifiers or low.split("-", 1)[0] in lex.modifiers
        ):
            break
        if low in _PERSONAL and k != len(tokens) - 1:
            break  # "Mr. Altman and Mr. Rubin": the title of someone else
        if is_role:
            role_words.append(low)
            if k == len(tokens) - 1:
                touching = tok
        first = tokens[k].start()
        if low in _PERSONAL:
            break  # "Then Mr. Smith": an honorific is the whole title
    else:
        if not whole and len(tokens) < _SCAN_WORDS:
            return None
    return first, role_words, touching


def _pre_title(text: str, start: int, lex: Lexicon) -> tuple[str | None, str | None, bool]:
    """The title written just before a name.

    Returns the title, the role word touching the name if any, and whether the
    words before the name end in "of" / "for" ("officer of Acme Ltd"): then the
    name is what the role belongs to, not who holds it.
    """
    # The last character before the name, when one blank at most lies between: a name
    # that follows no word nor an abbreviated title ("Mr.") has no title before it.
    last = text[start - 1] if start else ""
    if last.isspace():
        last = text[start - 2] if start > 1 and not text[start - 2].isspace() else "a"
    if not last.isalnum() and last != ".":
        return None, None, False
    before = text[max(0, start - 40) : start].rsplit(None, 3)
    if not before or not (before[-1][-1:].isalnum() or _ABBREVIATED.match(before[-1])):
        return None, None, False
    for word in reversed(before if start <= 40 else before[1:]):
        low = word.lower()
        if word[0].isupper() or low in lex.roles or low in lex.modifiers:
            break
        if low in _TITLE_LINKS:
            continue
        if low.rsplit("-", 1)[-1] not in lex.roles and low.split("-", 1)[0] not in lex.modifiers:
            return None, None, False
    lo = max(0, start - 140, text.rfind("\n", max(0, start - 140), start) + 1)
    # Tokenise a short tail first: the scan rarely reads more than a few words back. Cut just
    # after a space, the tail's tokens are the last tokens of the whole window; the scan reads
    # the whole window only when it used up the tail without stopping.
    cut = text.rfind(" ", lo, start - _SHORT_TAIL) + 1
    tokens = list(_BACK_WORD.finditer(text, max(cut, lo), start))
    scanned = _scan_title(tokens, lex, whole=cut <= lo)
    if scanned is None:
        tokens = list(_BACK_WORD.finditer(text, lo, start))
        scanned = _scan_title(tokens, lex, whole=True)
    if scanned is None or scanned is True:
        return None, None, scanned is True
    first, role_words, touching = scanned
    if first is None or not role_words:
        return None, None, False
    words = text[first:start].split()
    while words and words[0].lower() in _LEADING_LINKS:
        words.pop(0)
    return (" ".join(words) or None), touching, False


def _appositive(text: str, end: int, lex: Lexicon) -> str | None:
    """The apposition after a name when it names a role: ", prime minister of ..."."""
    match = _APPOSITION.match(text, end) if text.startswith(",", end) else None
    if match is None:
        return None
    phrase = _APPOSITION_CUT.sub("", match.group(1)).strip()
    words = phrase.split()
    while words and words[0].lower() in _DETERMINERS:
        words.pop(0)
    lowered = []
    for word in words[:6]:
        low = word.lower().strip("’'")
        if word[:1].islower() and low not in lex.roles and low not in lex.modifiers:
            lowered.append(low)
            break
        lowered.append(low)
    if role_in(lowered, lex) is None:
        return None
    return " ".join(words) or None


def _comma_title(text: str, start: int, end: int, lex: Lexicon) -> str | None:
    """The role before a name set off by commas: "Trump’s campaign manager, Corey Lewandowski,"."""
    if text[start - 2 : start] != ", " or text[end : end + 1] not in {",", ".", ")", ""}:
        return None
    title, _, owned = _pre_title(text, start - 2, lex)
    return None if owned else title


def _evidence(text: str, start: int, end: int, closes_run: bool, lex: Lexicon) -> bool:
    """Whether the text around a name that is not led by a given name marks a person."""
    title, _, owned = _pre_title(text, start, lex)
    if owned:
        return False
    return bool(
        title
        or _comma_title(text, start, end, lex)
        or (closes_run and _appositive(text, end, lex))
        or _AFTER_CUE.match(text, end)
        or _BEFORE_CUE.search(text, max(0, start - 16), start)
    )


def _candidates(text: str, runs: list[Run], lex: Lexicon) -> list[_Candidate]:
    out: list[_Candidate] = []
    for run in runs:
        if len(run.words) == 1:
            # Most runs are one word; its candidate, if any, needs no context (the fields
            # below, worked out for a lone name or initial: nothing before it, ends the run).
            word = run.words[0]
            if word.kind == "name":
                one: tuple[str, ...] = (word.key,)
                out.append(
                    _new(_Candidate, (run.words, None, False, word.start, word.end, one, one, True))
                )
            elif word.kind == "initial":
                out.append(
                    _new(
                        _Candidate,
                        (run.words, None, False, word.start, word.end, (word.key,), (), True),
                    )
                )
            continue
        for i, j in _segments(run, lex):
            words = run.words[i:j]
            if j < len(run.words) and run.words[j].kind == "org":
                continue  # "Clinton Foundation": part of an organisation's name
            before = run.words[i - 1] if i > 0 else None
            if before is not None and before.kind in {"org", "acronym"}:
                continue
            start, end = words[0].start, words[-1].end
            honorific = (
                before
                if before is not None and before.kind == "role" and before.key in lex.honorifics
                else None
            )
            inner = (
                before is not None
                and before.kind in {"common", "place"}
                and not (i == 1 and run.sentence_start)
            )
            core = tuple([w.key for w in words if w.kind not in _NOT_CORE])
            closes_run = end == run.end
            evidence = (
                len(core) > 1
                and core[0] not in lex.given_names
                and not inner
                and _evidence(text, start, end, closes_run, lex)
            )
            keys = tuple([w.key for w in words])
            # tuple.__new__ with the fields in order: NamedTuple's own __new__ is Python code.
            out.append(
                _new(_Candidate, (words, honorific, evidence, start, end, keys, core, closes_run))
            )
    return out


def _accepted(cand: _Candidate, lex: Lexicon) -> bool:
    core = cand.core
    if len(cand.words) > _MAX_NAME_WORDS and not cand.evidence:
        return False
    if len(core) < 2:
        return False
    return cand.evidence or core[0] in lex.given_names


def _gender(cand: _Candidate, titles: tuple[str | None, str | None], lex: Lexicon) -> str:
    if cand.honorific is not None and cand.honorific.gender != "u":
        return cand.honorific.gender
    for title in titles:
        if title:
            role = role_in(title.lower().split(), lex)
            if role and lex.roles[role] != "-":
                return lex.roles[role]
    first = cand.core[0] if cand.core else ""
    return lex.given_names.get(first, "u")


def _nearest(drafts: list[Draft], pos: int, starts: dict[int, list[int]]) -> Draft:
    """The draft mentioned last before *pos*, else the first one (*starts*: sorted mention
    starts by ``id(draft)``)."""
    best: tuple[int, Draft] | None = None
    for draft in drafts:
        mine = starts[id(draft)]
        k = bisect.bisect_left(mine, pos)
        if k and (best is None or mine[k - 1] > best[0]):
            best = (mine[k - 1], draft)
    return best[1] if best else drafts[0]


def _join(draft: Draft, cand: _Candidate, text: str, lex: Lexicon) -> None:
    draft.add_mention(cand.start, cand.end, text[cand.start : cand.end])
    title, touching, owned = _pre_title(text, cand.start, lex)
    if title is None and not owned:
        title = _comma_title(text, cand.start, cand.end, lex)
    appositive = _appositive(text, cand.end, lex) if cand.closes_run else None
    if not owned:
        draft.add_title(title)
    draft.add_title(appositive)
    if draft.gender == "u":
        gender = lex.roles.get(touching.lower().rstrip("."), "-") if touching else "-"
        draft.gender = gender if gender != "-" else _gender(cand, (title, appositive), lex)


def find_people(text: str, runs: list[Run], lex: Lexicon) -> list[Draft]:
    """Every person named in *text*, with titles and name mentions, in order of first mention."""
    candidates = _candidates(text, runs, lex)
    drafts: list[Draft] = []
    by_words: dict[tuple[str, ...], Draft] = {}
    by_ends: dict[tuple[str, str], Draft] = {}
    accepted = {c.keys for c in candidates if len(c.core) > 1 and _accepted(c, lex)}
    singles: list[_Candidate] = []
    for cand in candidates:
        core = cand.core
        if len(core) < 2 or cand.keys not in accepted:
            singles.append(cand)  # "Al-Sarraj", "Bin Salman": joins a name found elsewhere
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
    starts = {id(d): sorted(start for start, _ in d.mentions) for d in drafts}
    for cand in singles:
        key = cand.keys[0] if len(cand.keys) == 1 else " ".join(cand.keys)
        matches = surnames.get(key) or given.get(key)
        if matches:
            draft = _nearest(matches, cand.start, starts)
            _join(draft, cand, text, lex)
            bisect.insort(starts[id(draft)], cand.start)
        elif cand.honorific is not None and len(cand.core) == 1 and cand.words[0].kind == "name":
            draft = Draft(name=text[cand.start : cand.end], words=cand.keys)
            drafts.append(draft)
            surnames.setdefault(key, []).append(draft)
            starts[id(draft)] = [cand.start]
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
