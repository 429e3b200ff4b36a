"""Organisations and places named in an article's text.

Both read the capitalised runs of :mod:`newsmodel.extract.tokens`. A place is a
run's word or words found in the country and place lists ("Libya", "New York",
"US"); an organisation is a known name or acronym ("UN", "NATO", "Labour"), an
unknown acronym ("GMTV"), or a run holding a word such as Ministry, Council,
Party, Bank or University ("British Chambers of Commerce"). The article's
dateline names a place too.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Final

from newsmodel.model import Organization, Place, Span

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from newsmodel.extract.lexicon import Lexicon
    from newsmodel.extract.tokens import Run, Word

__all__ = ["find_organizations", "find_places"]

_Found = dict[str, tuple[list[str], list[Span]]]
_ORG_BREAK: Final = frozenset({"role"})
_CALENDAR: Final = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


def _add(found: _Found, canonical: str, form: str, span: Span | None) -> None:
    forms, spans = found.setdefault(canonical, ([], []))
    if form not in forms:
        forms.append(form)
    if span is not None:
        spans.append(span)


def _org_spans(run: Run, lex: Lexicon) -> Iterable[tuple[int, int]]:
    """Index ranges of a run's words that form an organisation named with an org word."""
    words = run.words
    k = 0
    while k < len(words):
        word = words[k]
        if word.kind != "org":
            k += 1
            continue
        i = k
        while (
            i > 0
            and words[i - 1].kind not in _ORG_BREAK
            and words[i - 1].kind != "particle"
            and words[i - 1].key != "the"
            and not (words[i - 1].key == "and" and words[i].key == "the")
        ):
            i -= 1
        while i < k and (
            words[i].kind == "connector"
            or (i == 0 and run.sentence_start and words[i].kind == "common")
        ):
            i += 1
        j = k + 1
        while (
            j < len(words)
            and words[j].kind not in _ORG_BREAK
            and words[j].key != "and"
            and words[j].key not in _CALENDAR
        ):
            j += 1
        while j > k + 1 and words[j - 1].kind in {"connector", "particle"}:
            j -= 1
        if i < k or j > k + 1 or word.text in lex.organizations:
            yield i, j  # a lone "Party" or "Times" names nothing
        k = j


def _span_text(text: str, words: Sequence[Word]) -> str:
    return text[words[0].start : words[-1].end]


def find_organizations(
    text: str, runs: Sequence[Run], lex: Lexicon, *, taken: Sequence[tuple[int, int]] = ()
) -> tuple[Organization, ...]:
    """Every organisation in *text*, in order of first mention (ids o1, o2, ...).

    Words inside *taken* (person mentions) are skipped.
    """
    blocked = {start for start, _ in taken}
    found: _Found = {}
    organizations = lex.organizations
    for run in runs:
        if len(run.words) == 1 and run.words[0].kind != "org":
            # Most runs: one word and no org word, so no org span (the loop below, for one word)
            word = run.words[0]
            if word.start in blocked or word.kind in {"place", "common"}:
                continue
            known = organizations.get(word.text)
            if known is None and word.kind == "acronym" and len(word.text) <= 6:
                known = word.text if word.text.isalpha() else None
            if known is not None:
                _add(found, known, word.text, Span(start=word.start, end=word.end))
            continue
        acronyms = -1  # acronyms in the run, counted when first needed
        covered: set[int] = set()
        for i, j in _org_spans(run, lex):
            words = run.words[i:j]
            if any(w.start in blocked for w in words):
                continue
            form = _span_text(text, words)
            if form.lower() in lex.countries or form.lower() in lex.places:
                continue
            _add(
                found,
                lex.organizations.get(form, form),
                form,
                Span(start=words[0].start, end=words[-1].end),
            )
            covered.update(range(i, j))
        for k, word in enumerate(run.words):
            if k in covered or word.start in blocked:
                continue
            known = lex.organizations.get(word.text)
            if known is None and word.kind == "acronym":
                if acronyms < 0:
                    acronyms = sum(w.kind == "acronym" for w in run.words)
                if acronyms <= 2 and len(word.text) <= 6 and word.text.isalpha():
                    known = word.text
            if known is not None and word.kind not in {"place", "common"}:
                _add(found, known, word.text, Span(start=word.start, end=word.end))
    return _freeze_orgs(found)


def _freeze_orgs(found: _Found) -> tuple[Organization, ...]:
    order = sorted(found.items(), key=lambda item: item[1][1][0].start if item[1][1] else -1)
    return tuple(
        Organization(
            id=f"o{n}",
            name=name,
            aliases=tuple(f for f in forms if f != name),
            mentions=tuple(spans),
        )
        for n, (name, (forms, spans)) in enumerate(order, 1)
    )


def _place_at(words: Sequence[Word], i: int, lex: Lexicon) -> tuple[int, str] | None:
    """The longest place starting at word *i*: (words used, canonical name)."""
    for n in range(min(lex.max_place_words, len(words) - i), 0, -1):
        key = " ".join(w.key for w in words[i : i + n])
        name = lex.countries.get(key) or lex.places.get(key)
        if name is not None:
            return n, name
    return None


def find_places(
    text: str,
    runs: Sequence[Run],
    lex: Lexicon,
    *,
    dateline: str | None = None,
    taken: Sequence[tuple[int, int]] = (),
) -> tuple[Place, ...]:
    """Every place in *text* and the dateline's place, in order of first mention (ids l1, ...).

    Words inside *taken* (person and organisation mentions) are skipped; the
    dateline's place comes first, as the dateline opens the article.
    """
    found: _Found = {}
    if dateline:
        head = dateline.split(",")[0].split("(")[0].strip().rstrip(".:—–-").strip()
        key = " ".join(head.split()).lower()
        name = lex.countries.get(key) or lex.places.get(key)
        if name is not None:
            _add(found, name, head, None)
    ranges = sorted(taken)
    place_starts, countries, places = lex.place_starts, lex.countries, lex.places
    for run in runs:
        words = run.words
        if len(words) == 1:  # most runs: _place_at below, for one word
            word = words[0]
            if word.key in place_starts:
                name = countries.get(word.key) or places.get(word.key)
                if name is not None and not _inside(ranges, word.start, word.end):
                    _add(
                        found,
                        name,
                        text[word.start : word.end],
                        Span(start=word.start, end=word.end),
                    )
            continue
        i = 0
        while i < len(words):
            hit = _place_at(words, i, lex) if words[i].key in lex.place_starts else None
            if hit is None:
                i += 1
                continue
            n, name = hit
            start, end = words[i].start, words[i + n - 1].end
            if not _inside(ranges, start, end):
                _add(found, name, text[start:end], Span(start=start, end=end))
            i += n
    order = sorted(found.items(), key=lambda item: item[1][1][0].start if item[1][1] else -1)
    return tuple(
        Place(
            id=f"l{n}",
            name=name,
            aliases=tuple(f for f in forms if f != name),
            mentions=tuple(spans),
        )
        for n, (name, (forms, spans)) in enumerate(order, 1)
    )


def _inside(ranges: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted *ranges*."""
    k = bisect.bisect_left(ranges, (end,)) - 1
    return k >= 0 and ranges[k][1] > start
