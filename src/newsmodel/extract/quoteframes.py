"""The precomputed view of a text for speech finding, and quotations framed after them.

:func:`prepare` scans a text once for quotations, sentences (never split inside a
quotation), cues outside quotations and tokens. :func:`direct_pass` then finds
the quotations followed by a frame (``“…,” Smith said.``, ``“…,” said Smith``)
and joins the quotations that continue them (split quotations, quotation-only
paragraphs).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from typing import Final, NamedTuple

from newsmodel.extract.cues import CueMatch, find_cues, load_cues
from newsmodel.extract.quotes import Quotation, find_quotations
from newsmodel.extract.sentences import Bounds, paragraph_bounds, sentences_in
from newsmodel.extract.speakers import TokenIndex, source_after, source_before

__all__ = [
    "Doc",
    "Draft",
    "continuations",
    "direct_pass",
    "has_words",
    "paragraph_end",
    "pieces",
    "prepare",
    "quotes_in",
    "sentence_at",
    "strip_span",
]

_WORD: Final = re.compile(r"\w+")
_PUNCT_ONLY: Final = re.compile(r"[\s,.;:!?—–\-…]*")
#: At least n words (runs of word characters), found without listing them all.
_AT_LEAST: Final = {
    1: re.compile(r"\w"),
    2: re.compile(r"\w\W+\w"),
    4: re.compile(r"\w\W+\w+\W+\w+\W+\w"),
}
#: A role written before the speaker's name: "“…,” GOP strategist Keith Nahigian said."
_TITLE_GAP: Final = re.compile(r"[\s,—–-]*(?:[A-Za-z][\w’'.-]*\s+){1,5}")
_PARAGRAPH_BREAK: Final = re.compile(r"\n\n")
_CLAUSE_OPENERS: Final = frozenset({"that", "he", "she", "they", "it", "we", "I", "there", "this"})
_MAX_FRAME_TAIL: Final = 8
_MAX_FRAME_GAP: Final = 200
_SHORT_SENTENCE: Final = 90
_MIN_FLOATING_WORDS: Final = 4
_MAX_FLOATING_PARAGRAPHS: Final = 4
#: Builds a Bounds from a (start, end) tuple without NamedTuple's Python-level ``__new__``.
_new: Final = tuple.__new__


class Draft(NamedTuple):
    """A statement being built: source, cue, content pieces and quotation indices."""

    source: Bounds | None
    cue: Bounds | None
    content: tuple[Bounds, ...]
    quotes: tuple[int, ...]


class Doc(NamedTuple):
    """Everything precomputed about one text."""

    text: str
    quotations: list[Quotation]
    q_starts: list[int]
    sentences: list[Bounds]
    s_starts: list[int]
    cues: list[CueMatch]
    c_starts: list[int]
    paragraph_ends: list[int]
    words: TokenIndex


def pieces(doc: Doc, members: list[int] | tuple[int, ...]) -> tuple[Bounds, ...]:
    """The content pieces of quotations *members*, in order."""
    return tuple([_new(Bounds, (s.start, s.end)) for m in members for s in doc.quotations[m].spans])


def has_words(text: str, start: int, end: int, n: int) -> bool:
    """Whether ``text[start:end]`` holds at least *n* words (n = 1, 2 or 4)."""
    return _AT_LEAST[n].search(text, start, end) is not None


def strip_span(text: str, start: int, end: int, chars: str = " \t\n,;:—–-") -> Bounds | None:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return _new(Bounds, (start, end)) if end > start else None


def paragraph_end(doc: Doc, pos: int) -> int:
    i = bisect.bisect_left(doc.paragraph_ends, pos)
    return doc.paragraph_ends[i] if i < len(doc.paragraph_ends) else len(doc.text)


def sentence_at(doc: Doc, pos: int) -> int:
    return max(0, bisect.bisect_right(doc.s_starts, pos) - 1)


def _merge_sentences(
    sentences: list[Bounds], quotations: list[Quotation], text: str
) -> list[Bounds]:
    """Join sentences whose boundary falls inside one quotation of the same paragraph."""
    inside: list[tuple[int, int]] = [(q.start, q.end) for q in quotations]
    merged: list[Bounds] = []
    qi = 0
    for sent in sentences:
        if merged:
            prev = merged[-1]
            boundary = prev.end
            while qi < len(inside) and inside[qi][1] <= boundary:
                qi += 1
            if (
                qi < len(inside)
                and inside[qi][0] < boundary < inside[qi][1]
                and "\n" not in text[prev.end : sent.start]
            ):
                merged[-1] = Bounds(prev.start, sent.end)
                continue
        merged.append(sent)
    return merged


def prepare(text: str, language: str | None) -> Doc:
    paragraphs = paragraph_bounds(text)
    quotations = find_quotations(text, language=language, paragraphs=paragraphs)
    sentences = _merge_sentences(sentences_in(text, paragraphs), quotations, text)
    quoted = [(s.start, s.end) for q in quotations for s in q.spans]
    q_ends = [e for _, e in quoted]
    q_begins = [b for b, _ in quoted]
    cues = []
    for cue in find_cues(text, load_cues()):
        k = bisect.bisect_right(q_begins, cue.start) - 1
        if k >= 0 and cue.start < q_ends[k]:
            continue
        cues.append(cue)
    paragraph_ends = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    return Doc(
        text,
        quotations,
        [q.start for q in quotations],
        sentences,
        [s.start for s in sentences],
        cues,
        [c.start for c in cues],
        paragraph_ends,
        TokenIndex.of(text, [(s.start, s.end) for s in sentences]),
    )


def _cues_between(doc: Doc, start: int, end: int) -> list[CueMatch]:
    lo = bisect.bisect_left(doc.c_starts, start)
    hi = bisect.bisect_left(doc.c_starts, end)
    return doc.cues[lo:hi]


def _frame_after(doc: Doc, qi: int) -> tuple[Bounds, CueMatch, int] | None:
    """``(source, cue, frame end)`` when quotation *qi* is followed by "he said" or "said X"."""
    text = doc.text
    quote = doc.quotations[qi]
    para_end = paragraph_end(doc, quote.end)
    own = doc.sentences[sentence_at(doc, quote.start)]
    if not _PUNCT_ONLY.fullmatch(text, own.start, quote.start):
        quoted = quote.text(text)
        if not has_words(quoted, 0, len(quoted), _MIN_FLOATING_WORDS):
            return None
    si = sentence_at(doc, quote.end)
    limit = doc.sentences[si].end
    if limit <= quote.end and si + 1 < len(doc.sentences):
        nxt = doc.sentences[si + 1]
        if nxt.end - nxt.start <= _SHORT_SENTENCE:
            limit = nxt.end
    if qi + 1 < len(doc.quotations):
        limit = min(limit, doc.quotations[qi + 1].start)
    limit = min(max(limit, quote.end), para_end)
    for cue in _cues_between(doc, quote.end, limit):
        if cue.start - quote.end > _MAX_FRAME_GAP:
            break
        if cue.cls != "speech":
            continue
        source = source_before(text, quote.end, cue.start, doc.words)
        if source is not None and (
            _PUNCT_ONLY.fullmatch(text, quote.end, source.start)
            or _TITLE_GAP.fullmatch(text, quote.end, source.start)
        ):
            cue_sentence_end = doc.sentences[sentence_at(doc, cue.start)].end
            if _clause_follows(text, cue.end, cue_sentence_end):
                return None
            ended = "." in text[quote.end : source.start] or text[
                quote.end - 2 : quote.end - 1
            ] in {".", "?", "!"}
            if ended and not _frame_ends(text, cue.end, cue_sentence_end):
                return None
            return source, cue, cue.end
        if _PUNCT_ONLY.fullmatch(text, quote.end, cue.start) and not cue.text.endswith("ing"):
            after = source_after(text, cue.end, limit, index=doc.words)
            if after is not None:
                return after, cue, after.end
        break
    return None


def _clause_follows(text: str, start: int, end: int) -> bool:
    """Whether the words after a cue form reported content ("said that ...", "said the plan ...")."""
    rest = text[start:end]
    if rest.lstrip().startswith((",", ".", ":", ";")):
        return False
    first = _WORD.search(rest)
    return first is not None and first.group() in _CLAUSE_OPENERS


def _frame_ends(text: str, start: int, end: int) -> bool:
    """Whether a frame is all of its sentence: a few words after the cue, no quotation."""
    rest = text[start:end]
    return len(_WORD.findall(rest)) <= _MAX_FRAME_TAIL and not any(mark in rest for mark in '“"«„')


def quotes_in(doc: Doc, spans: tuple[Bounds, ...], claimed: set[int]) -> list[int]:
    found: list[int] = []
    for span in spans:
        lo = bisect.bisect_left(doc.q_starts, span.start)
        hi = bisect.bisect_left(doc.q_starts, span.end)
        found.extend(i for i in range(lo, hi) if i not in claimed)
    return found


def _only_quotes(
    doc: Doc, start: int, end: int, *, first: int, frames: Mapping[int, object], claimed: set[int]
) -> list[int] | None:
    """The quotations of paragraph ``[start, end)`` when it holds nothing else (a floating quote)."""
    members: list[int] = []
    pos = start
    j = first
    while j < len(doc.quotations) and doc.quotations[j].start < end:
        quote = doc.quotations[j]
        if j in claimed or j in frames or not _PUNCT_ONLY.fullmatch(doc.text, pos, quote.start):
            return None
        members.append(j)
        pos = quote.end
        j += 1
    if not members or not _PUNCT_ONLY.fullmatch(doc.text, pos, end):
        return None
    return members


def continuations(
    doc: Doc, qi: int, frame_end: int, claimed: set[int], frames: Mapping[int, object]
) -> list[int]:
    """Quotations that continue quotation *qi*'s statement after its frame.

    In the same paragraph: the quotations right after the frame (``“A,” he said,
    “B.”``) or opening the next sentence (``“A,” he told CNN on Monday. “B.”``);
    then whole paragraphs that hold only quotations without a frame of their own.
    """
    text = doc.text
    quotes = doc.quotations
    members: list[int] = []
    para_end = paragraph_end(doc, frame_end)
    sent_end = doc.sentences[sentence_at(doc, max(frame_end - 1, 0))].end
    pos = frame_end
    j = qi + 1
    while j < len(quotes) and quotes[j].start < para_end:
        start = quotes[j].start
        if j in claimed or j in frames:
            return members
        if _PUNCT_ONLY.fullmatch(text, pos, start) or (
            not members and start >= sent_end and _PUNCT_ONLY.fullmatch(text, sent_end, start)
        ):
            pass
        elif not members and start < sent_end:
            j += 1
            continue
        else:
            return members
        members.append(j)
        pos = quotes[j].end
        j += 1
    if members and not _PUNCT_ONLY.fullmatch(text, pos, para_end):
        return members
    if (
        not members
        and not _PUNCT_ONLY.fullmatch(text, max(quotes[qi].end, frame_end), para_end)
        and sent_end < para_end
    ):
        return members
    for _ in range(_MAX_FLOATING_PARAGRAPHS):
        start = para_end + 2
        if j >= len(quotes) or start >= len(text) or quotes[j].start != start:
            break
        para_end = paragraph_end(doc, start)
        floating = _only_quotes(doc, start, para_end, first=j, frames=frames, claimed=claimed)
        if floating is None:
            break
        members.extend(floating)
        j = floating[-1] + 1
    return members


def direct_pass(doc: Doc, claimed: set[int], used: set[int]) -> list[Draft]:
    drafts: list[Draft] = []
    frames = {
        qi: f for qi in range(len(doc.quotations)) if (f := _frame_after(doc, qi)) is not None
    }
    for qi, (source, cue, frame_end) in sorted(frames.items()):
        if qi in claimed or cue.start in used:
            continue
        members = [qi, *continuations(doc, qi, frame_end, claimed, frames)]
        claimed.update(members)
        used.add(cue.start)
        drafts.append(
            Draft(source, Bounds(cue.start, cue.end), pieces(doc, members), tuple(members))
        )
    return drafts
