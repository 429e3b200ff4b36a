"""Who said what: quotations and statements with their source, cue and content.

:func:`find_speech` reads an article's text once and returns its statements and
quotations. It works in two passes over precomputed quotations, sentences and
cues (all found by single regex scans):

1. **Quotations with a frame after them**: ``“…,” Smith said.``, ``“…,” said
   Smith, the …``, ``“…,” Smith, a Democrat, said.``; the quotations that
   continue it in the same paragraph (``“A,” he said, “B.”`` or ``“A,” he said.
   “B.”``) join the same statement as further content spans.
2. **Cues with a subject**: ``X said (that) …``, ``X stressed …``, ``X went on to
   urge …``, ``…, X said.``, ``…, said X.``, ``The plan, X said, would fail.``,
   ``According to X, …`` and ``X said:`` before a quotation (in the same or the
   next paragraph). Quotations inside the reported words make the statement
   *mixed*, or *direct* when they hold at least 80 % of its characters.

Quotations with no cue (titles, nicknames, scare quotes outside reported
speech, floating quotation paragraphs) are not statements; those of four or
more words that are not in Title Case are still returned as quotes without a
speaker.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Final, TypeAlias

from newsmodel.extract.cues import CueMatch
from newsmodel.extract.quoteframes import (
    Doc,
    Draft,
    continuations,
    direct_pass,
    has_words,
    paragraph_end,
    pieces,
    prepare,
    quotes_in,
    sentence_at,
    strip_span,
)
from newsmodel.extract.sentences import Bounds
from newsmodel.extract.speakers import antecedent, source_after, source_before
from newsmodel.extract.wordlists import word_list
from newsmodel.model import Person, Quote, Span, Statement, StatementKind

__all__ = ["SpeakerResolver", "find_speech"]

SpeakerResolver: TypeAlias = Callable[[str, Span], Person | None]
"""Maps a source as written and its span (``"the ambassador"``, offsets) to a Person, or None."""
_BySource: TypeAlias = tuple[list[int], list[tuple[int, Bounds]]]
"""Earlier statements' source starts, sorted, with (list position, source) for each."""

_WORD: Final = re.compile(r"\w+")
_PUNCT_ONLY: Final = re.compile(r"[\s,.;:!?—–\-…]*")
_THAT: Final = re.compile(r"\s*(?:,\s*)?that\b\s*")
_OBJECT_CUES: Final = word_list("object_cues")
_OBJECT: Final = re.compile(
    r"\s*(?:him|her|them|me|us|you|reporters|journalists|supporters|the\s+crowd|the\s+audience|"
    r"(?:the\s+|a\s+)?[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of))*)(?=[\s,:.])"
)
_ASIDE: Final = re.compile(
    r"\s*(?:,\s*)?(?:in\s+(?:a|an|his|her|their|the)\s+(?:statement|interview|email|e-mail|tweet|"
    r"speech|letter|post|op-ed|video|memo|release|press\s+release|news\s+release|radio\s+interview|"
    r"television\s+interview|phone\s+interview|telephone\s+interview)|on\s+(?:Twitter|Facebook|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:on\s+)?(?:Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)|last\s+(?:week|month|year|night)|earlier|"
    r"this\s+week|yesterday|today|recently)\b\s*(?:,\s*)?"
)
_LINKED: Final = re.compile(
    r"(?:,|\b(?:and|but))\s*(?:(?:also|then|later|has|had|have|was|is)\s+)*\Z"
)
_COORDINATION: Final = re.compile(
    r"(?:[,;]\s*(?:and|but|while|as|adding|saying|noting|arguing|explaining|claiming)?|\s(?:and|but|while))\s*\Z"
)
_NEW_CLAUSE: Final = re.compile(
    r"(?:,\s+(?:and|but|while|whereas)\s|;\s|\s(?:and|but)\s+(?:has|have|had|is|was|will|would|also)\s)"
)
_PASSIVE: Final = re.compile(
    r"\b(?:is|was|were|are|been|being|be)\s+(?:(?:\w+ly|not|also|never|often)\s+)*\Z"
)
_PARTICIPLE: Final = re.compile(r"(?:ed|en|wn|told|said|sought|thought|heard)$")
_COLON_FRAME: Final = re.compile(
    r"([A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|of|the|de|van|al|for|and)){0,5})\s*:\s+(?=\S)"
)
_NOT_SPEAKERS: Final = word_list("not_speakers")
_OBJECT_END: Final = re.compile(
    r"[,;:—–(]|\s(?:when|after|because|though|although|despite|but|while|since|before|until|which|even)\b"
)
_WHEN_ASKED: Final = re.compile(r"(?:\b(?:[Ww]hen|[Ii]f|[Aa]fter being|[Oo]nce)\s+|^|\A)[Aa]sked\Z")
_DIRECT_SHARE: Final = 0.8
_MIN_FLOATING_WORDS: Final = 4


def _content_after(doc: Doc, cue: CueMatch, sent: Bounds) -> Bounds | None:
    text = doc.text
    pos = cue.end
    word = cue.text.lower().split()[-1]
    m = _ASIDE.match(text, pos, sent.end)
    if m:
        pos = m.end()
    if word in _OBJECT_CUES:
        m = _OBJECT.match(text, pos, sent.end)
        if m:
            pos = m.end()
        m = _ASIDE.match(text, pos, sent.end)
        if m:
            pos = m.end()
    m = _THAT.match(text, pos, sent.end)
    if m:
        pos = m.end()
    return strip_span(text, pos, sent.end, " \t\n,;:—–-.")


def _earlier_source(before_pass: _BySource, drafts: list[Draft], lo: int, hi: int) -> Bounds | None:
    """The source in ``[lo, hi)`` of the statement found last: the cue pass's own *drafts*
    (in cue order, each source inside its cue's sentence, so the scan stops at the first
    draft whose cue is before *lo*), else the earlier passes' (*before_pass*)."""
    for d in reversed(drafts):
        if d.cue is not None and d.cue.start < lo:
            break
        if d.source is not None and lo <= d.source.start < hi:
            return d.source
    starts, found = before_pass
    k = bisect.bisect_left(starts, lo)
    j = bisect.bisect_left(starts, hi)
    return found[max(range(k, j), key=lambda n: found[n][0])][1] if j > k else None


def _cue_draft(
    doc: Doc, cue: CueMatch, before_pass: _BySource, drafts: list[Draft]
) -> Draft | None:
    """A statement for *cue*; *before_pass* and *drafts* are the statements found so far."""
    text = doc.text
    sent = doc.sentences[sentence_at(doc, cue.start)]
    cue_span = Bounds(cue.start, cue.end)
    if cue.cls == "frame":
        source = source_after(text, cue.end, sent.end, index=doc.words)
        if source is None:
            return None
        # "According to X, A." / "A, according to X." / "A, according to X, B."
        before = strip_span(text, sent.start, cue.start)
        comma = text.find(",", source.end, sent.end)
        after = strip_span(text, comma + 1, sent.end, " \t\n,;:—–-.") if comma >= 0 else None
        parts = tuple(
            p for p in (before, after) if p is not None and _WORD.search(text, p.start, p.end)
        )
        return Draft(source, cue_span, parts, ()) if parts else None
    source = source_before(text, sent.start, cue.start, doc.words)
    inverted = False
    if source is None and cue.cls == "speech" and not cue.text.endswith("ing"):
        source = source_after(text, cue.end, sent.end, alone=True, index=doc.words)
        inverted = source is not None
    linked = (
        _LINKED.search(text, max(sent.start, cue.start - 40), cue.start) if source is None else None
    )
    if linked:
        # ", saying ...", "and says ...", "X suggested A, called B": an earlier clause's subject.
        earlier = _earlier_source(before_pass, drafts, sent.start, cue.start)
        if earlier is not None:
            source = earlier
        elif cue.text.endswith("ing") or linked.group().strip(" ,"):
            source = source_after(text, sent.start, cue.start, index=doc.words)
    if (
        source is None
        and cue.text == "asked"
        and _WHEN_ASKED.search(text, max(sent.start, cue.start - 20), cue.end)
    ):
        # "When asked about the plan, Smith said ...": a question with no asker given.
        end = text.find(",", cue.end, sent.end)
        after = strip_span(text, cue.end, end if end >= 0 else sent.end, " \t\n,;:—–-.")
        return Draft(None, cue_span, (after,), ()) if after is not None else None
    if source is None:
        return None
    if (
        not inverted
        and _PASSIVE.search(text, source.end, cue.start)
        and _PARTICIPLE.search(cue.text)
    ):
        # "Rubio was asked ...": the subject is not the speaker; the speaker is not given.
        after = _content_after(doc, cue, sent)
        return Draft(None, cue_span, (after,), ()) if after is not None else None
    if inverted:
        assert source is not None
        before = strip_span(text, sent.start, cue.start, " \t\n,;:—–-")
        if before is not None:
            return Draft(source, cue_span, (before,), ())
        after = strip_span(text, source.end, sent.end, " \t\n,;:—–-.")
        return Draft(source, cue_span, (after,), ()) if after is not None else None
    after = _content_after(doc, cue, sent)
    if after is not None and cue.cls == "stance" and not text.startswith("that", after.start):
        # "endorsed Trump in early June, but ...": the object phrase only.
        stop = _OBJECT_END.search(text, after.start + 1, after.end)
        if stop is not None:
            after = strip_span(text, after.start, stop.start(), " \t\n,;:—–-.") or after
    head_end = min(cue.start, source.start)
    before = strip_span(text, sent.start, head_end, " \t\n,;:—–-")
    if after is not None and has_words(
        text, after.start, after.end, 1 if cue.cls == "stance" else 2
    ):
        between = text[cue.end : after.start]
        if (
            before is not None
            and cue.cls == "speech"
            and "," in between
            and text[before.end : head_end].strip().startswith(",")
        ):
            return Draft(source, cue_span, (before, after), ())
        return Draft(source, cue_span, (after,), ())
    if before is not None and cue.cls == "speech" and has_words(text, before.start, before.end, 2):
        return Draft(source, cue_span, (before,), ())
    if text[cue.end : sent.end].rstrip().endswith(":"):
        para_end = paragraph_end(doc, cue.end)
        k = bisect.bisect_left(doc.q_starts, cue.end)
        if k < len(doc.quotations) and doc.quotations[k].start <= para_end + 2:
            return Draft(source, cue_span, pieces(doc, (k,)), (k,))
    return None


def _attach(doc: Doc, draft: Draft, claimed: set[int]) -> Draft:
    """Give *draft* the quotations inside its content (and claim them).

    Reported words that are exactly one quotation (plus marks) become the
    quotation's pieces, followed by the quotations that continue it.
    """
    members = [q for q in draft.quotes if q not in claimed] or quotes_in(
        doc, draft.content, claimed
    )
    content = draft.content
    if len(members) == 1 and len(content) == 1:
        only = doc.quotations[members[0]]
        text = doc.text
        if _PUNCT_ONLY.fullmatch(text, content[0].start, only.start) and _PUNCT_ONLY.fullmatch(
            text, only.end, content[0].end
        ):
            members += continuations(doc, members[0], only.end, claimed | set(members), {})
            content = pieces(doc, members)
    claimed.update(members)
    return Draft(draft.source, draft.cue, content, tuple(members))


def _cue_pass(doc: Doc, claimed: set[int], used: set[int], earlier: list[Draft]) -> list[Draft]:
    drafts: list[Draft] = []
    found = sorted((d.source.start, i, d.source) for i, d in enumerate(earlier) if d.source)
    before_pass: _BySource = ([f[0] for f in found], [(i, b) for _, i, b in found])
    for cue in doc.cues:
        if cue.start in used:
            continue
        draft = _cue_draft(doc, cue, before_pass, drafts)
        if draft is None:
            continue
        used.add(cue.start)
        drafts.append(_attach(doc, draft, claimed))
    return drafts


def _trim(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """End reported words where a coordinated reporting clause starts.

    ``Kaine has described himself as X, the Post reported that Y``: Kaine's
    content stops before ", the Post"; ``... said X, adding Y`` stops before ", adding".
    A clause nested without a comma ("said Y told Z") stays inside.
    """
    anchors = sorted(
        {d.cue.start for d in drafts if d.cue is not None}
        | {
            d.source.start
            for d in drafts
            if d.source is not None and d.cue is not None and d.source.end <= d.cue.start
        }
    )
    out: list[Draft] = []
    for draft in drafts:
        last = draft.content[-1]
        k = bisect.bisect_right(anchors, last.start)
        if draft.quotes and last in pieces(doc, draft.quotes[-1:]):
            out.append(draft)
            continue
        m = None
        if k < len(anchors) and anchors[k] < last.end:
            m = _COORDINATION.search(doc.text, last.start, anchors[k])
        if m is None:
            m = _NEW_CLAUSE.search(doc.text, last.start, last.end)
        span = strip_span(doc.text, last.start, m.start()) if m else None
        if span is None:
            out.append(draft)
            continue
        quotes = tuple(q for q in draft.quotes if doc.quotations[q].start < span.end)
        out.append(Draft(draft.source, draft.cue, (*draft.content[:-1], span), quotes))
    return out


def _colon_before_quote(doc: Doc, sent: Bounds, claimed: set[int]) -> Draft | None:
    """``The report concluded:`` or ``Pew Research:`` ending a paragraph before a quotation."""
    colon = sent.end - 1
    k = bisect.bisect_left(doc.q_starts, colon)
    if k >= len(doc.quotations) or k in claimed or doc.quotations[k].start != colon + 3:
        return None
    source = source_before(doc.text, sent.start, colon, doc.words)
    if source is None:
        return None
    members = [k, *continuations(doc, k, doc.quotations[k].end, claimed, {})]
    claimed.update(members)
    return Draft(source, Bounds(colon, colon + 1), pieces(doc, members), tuple(members))


def _colon_pass(doc: Doc, claimed: set[int], drafts: list[Draft]) -> list[Draft]:
    """``Smith: “…”`` and headline style ``Smith: Trump Would Win``: a name, a bare colon, the words."""
    text = doc.text
    taken = sorted(
        {d.cue.start for d in drafts if d.cue is not None}
        | {d.source.start for d in drafts if d.source is not None}
    )
    out: list[Draft] = []
    for sent in doc.sentences:
        if text.find(":", sent.start, sent.end) < 0:
            continue  # most sentences: no colon, nothing to look at
        k = bisect.bisect_left(taken, sent.start)
        if k < len(taken) and taken[k] < sent.end:
            continue  # the sentence already has a statement
        if text[sent.end - 1] == ":":
            draft = _colon_before_quote(doc, sent, claimed)
            if draft is not None:
                out.append(draft)
            continue
        m = _COLON_FRAME.match(text, sent.start, sent.end)
        if m is None or m.group(1).split()[0].strip("’'s").lower() in _NOT_SPEAKERS:
            continue
        content = strip_span(text, m.end(), sent.end, " \t\n,;:—–-.")
        if content is None or not has_words(text, content.start, content.end, 2):
            continue
        source = Bounds(m.start(1), m.end(1))
        colon = text.index(":", m.end(1))
        out.append(_attach(doc, Draft(source, Bounds(colon, colon + 1), (content,), ()), claimed))
    return out


def _kind(doc: Doc, draft: Draft) -> StatementKind:
    total = sum(s.end - s.start for s in draft.content)
    quoted = 0
    for qi in draft.quotes:
        for qs in doc.quotations[qi].spans:
            for cs in draft.content:
                quoted += max(0, min(qs.end, cs.end) - max(qs.start, cs.start))
    if total and quoted / total >= _DIRECT_SHARE:
        return "direct"
    return "mixed" if quoted else "indirect"


def _is_title_like(words: list[str]) -> bool:
    return bool(words) and all(
        w[:1].isupper() or w.lower() in {"of", "the", "a", "an", "and", "in", "on", "to", "for"}
        for w in words
    )


def _span(bounds: Bounds, made: dict[tuple[int, int], Span]) -> Span:
    """The Span of *bounds*, one object per offsets: *made* holds the quotations' spans and
    every span built so far (a statement's source span is also what the resolver saw)."""
    span = made.get(bounds)
    if span is None:
        span = made[bounds] = Span(start=bounds.start, end=bounds.end)
    return span


def _resolve(
    doc: Doc, source: Bounds | None, resolve: SpeakerResolver, made: dict[tuple[int, int], Span]
) -> Person | None:
    """The Person of a source; a relative source ("who", "the latter of whom") by its antecedent."""
    if source is None:
        return None
    target = antecedent(doc.text, max(0, source.start - 200), source, doc.words) or source
    return resolve(doc.text[target.start : target.end], _span(target, made))


def find_speech(
    text: str, *, resolve: SpeakerResolver, language: str | None = None
) -> tuple[tuple[Statement, ...], tuple[Quote, ...]]:
    """The statements and quotations of *text* (an :attr:`~newsmodel.model.Article.text`).

    Args:
        text: the article body, paragraphs joined by a blank line.
        resolve: maps each source as written (and its span) to a Person, or None.
        language: a BCP 47 tag, used for quotation-mark conventions.

    Returns:
        ``(statements, quotes)``, each in text order with ids ``s1``… and ``q1``….
        Every span points into *text*; each statement's quotes are among *quotes*.
    """
    doc = prepare(text, language)
    claimed: set[int] = set()
    used: set[int] = set()
    drafts = direct_pass(doc, claimed, used)
    drafts += _cue_pass(doc, claimed, used, drafts)
    drafts += _colon_pass(doc, claimed, drafts)
    drafts = _trim(doc, drafts)
    drafts.sort(key=lambda d: min([d.content[0].start, *([d.source.start] if d.source else [])]))
    made = {(s.start, s.end): s for q in doc.quotations for s in q.spans}
    people = [_resolve(doc, draft.source, resolve, made) for draft in drafts]
    speakers: dict[int, Person | None] = {}
    for draft, person in zip(drafts, people, strict=True):
        for qi in draft.quotes:
            speakers.setdefault(qi, person)
    quote_ids: dict[int, Quote] = {}
    for qi, quotation in enumerate(doc.quotations):
        quoted = quotation.text(text)
        if qi not in claimed:
            words = _WORD.findall(quoted)
            if len(words) < _MIN_FLOATING_WORDS or _is_title_like(words):
                continue
        quote_ids[qi] = Quote(
            id=f"q{len(quote_ids) + 1}",
            text=quoted,
            spans=quotation.spans,
            speaker=speakers.get(qi),
        )
    statements: list[Statement] = []
    for draft, speaker in zip(drafts, people, strict=True):
        source_text = text[draft.source.start : draft.source.end] if draft.source else None
        statements.append(
            Statement(
                id=f"s{len(statements) + 1}",
                content=" ".join([text[s.start : s.end] for s in draft.content]),
                kind=_kind(doc, draft),
                content_spans=tuple([_span(b, made) for b in draft.content]),
                speaker=speaker,
                source=source_text,
                source_span=_span(draft.source, made) if draft.source else None,
                cue=text[draft.cue.start : draft.cue.end] if draft.cue else None,
                cue_span=_span(draft.cue, made) if draft.cue else None,
                quotes=tuple(quote_ids[qi] for qi in draft.quotes if qi in quote_ids),
            )
        )
    return tuple(statements), tuple(quote_ids.values())
