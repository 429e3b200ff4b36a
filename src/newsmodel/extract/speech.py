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
from collections.abc import Callable, Mapping
from typing import Final, NamedTuple, TypeAlias

from newsmodel.extract.cues import CueMatch, find_cues, load_cues
from newsmodel.extract.quotes import Quotation, find_quotations
from newsmodel.extract.sentences import split_sentences
from newsmodel.extract.speakers import TokenIndex, antecedent, source_after, source_before
from newsmodel.model import Person, Quote, Span, Statement, StatementKind

__all__ = ["SpeakerResolver", "find_speech"]

SpeakerResolver: TypeAlias = Callable[[str, Span], Person | None]
"""Maps a source as written and its span (``"the ambassador"``, offsets) to a Person, or None."""

_WORD: Final = re.compile(r"\w+")
_PUNCT_ONLY: Final = re.compile(r"[\s,.;:!?—–\-…]*")
_THAT: Final = re.compile(r"\s*(?:,\s*)?that\b\s*")
_OBJECT_CUES: Final = frozenset(
    [
        "told",
        "tell",
        "tells",
        "telling",
        "asked",
        "ask",
        "asks",
        "asking",
        "urged",
        "urge",
        "urges",
        "urging",
        "warned",
        "warn",
        "warns",
        "warning",
        "assured",
        "assure",
        "assures",
        "assuring",
        "informed",
        "inform",
        "informs",
        "informing",
        "reminded",
        "remind",
        "reminds",
        "reminding",
    ]
)
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
_CLAUSE_OPENERS: Final = frozenset({"that", "he", "she", "they", "it", "we", "I", "there", "this"})
_LINKED: Final = re.compile(
    r"(?:,|\b(?:and|but))\s*(?:(?:also|then|later|has|had|have|was|is)\s+)*\Z"
)
_COORDINATION: Final = re.compile(
    r"(?:[,;]\s*(?:and|but|while|as|adding|saying|noting|arguing|explaining|claiming)?|\s(?:and|but|while))\s*\Z"
)
_NEW_CLAUSE: Final = re.compile(r"(?:,\s+(?:and|but)\s+(?:he|she|they|we|I|it)\b|;\s)")
_MAX_FRAME_TAIL: Final = 8
_PASSIVE: Final = re.compile(
    r"\b(?:is|was|were|are|been|being|be)\s+(?:(?:\w+ly|not|also|never|often)\s+)*\Z"
)
_PARTICIPLE: Final = re.compile(r"(?:ed|en|wn|told|said|sought|thought|heard)$")
_COLON_FRAME: Final = re.compile(
    r"([A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|of|the|de|van|al|for|and)){0,5})\s*:\s+(?=\S)"
)
_NOT_SPEAKERS: Final = frozenset(
    [
        "update",
        "updated",
        "editor",
        "note",
        "photo",
        "photos",
        "video",
        "watch",
        "read",
        "related",
        "source",
        "sources",
        "image",
        "caption",
        "credit",
        "correction",
        "disclosure",
        "warning",
        "q",
        "a",
        "question",
        "answer",
        "transcript",
        "full",
        "here",
        "this",
        "that",
        "the",
        "in",
        "on",
        "at",
        "by",
        "from",
        "follow",
        "subscribe",
        "click",
        "see",
        "more",
        "also",
        "bottom",
        "breaking",
        "live",
        "latest",
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
        "what",
        "why",
        "how",
        "when",
        "where",
        "who",
        "step",
        "part",
        "chapter",
        "section",
        "ingredients",
        "tags",
        "filed",
        "posted",
        "published",
        "listen",
    ]
)
_DIRECT_SHARE: Final = 0.8
_MAX_FRAME_GAP: Final = 200
_SHORT_SENTENCE: Final = 90
_MIN_FLOATING_WORDS: Final = 4
_MAX_FLOATING_PARAGRAPHS: Final = 4


class _Draft(NamedTuple):
    source: Span | None
    cue: Span | None
    content: tuple[Span, ...]
    quotes: tuple[int, ...]


class _Doc(NamedTuple):
    """Everything precomputed about one text."""

    text: str
    quotations: list[Quotation]
    q_starts: list[int]
    sentences: list[Span]
    s_starts: list[int]
    cues: list[CueMatch]
    c_starts: list[int]
    paragraph_ends: list[int]
    words: TokenIndex


def _strip(text: str, start: int, end: int, chars: str = " \t\n,;:—–-") -> Span | None:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return Span(start=start, end=end) if end > start else None


def _paragraph_end(doc: _Doc, pos: int) -> int:
    i = bisect.bisect_left(doc.paragraph_ends, pos)
    return doc.paragraph_ends[i] if i < len(doc.paragraph_ends) else len(doc.text)


def _sentence_at(doc: _Doc, pos: int) -> int:
    return max(0, bisect.bisect_right(doc.s_starts, pos) - 1)


def _merge_sentences(sentences: list[Span], quotations: list[Quotation], text: str) -> list[Span]:
    """Join sentences whose boundary falls inside one quotation of the same paragraph."""
    inside: list[tuple[int, int]] = [(q.start, q.end) for q in quotations]
    merged: list[Span] = []
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
                merged[-1] = Span(start=prev.start, end=sent.end)
                continue
        merged.append(sent)
    return merged


def _prepare(text: str, language: str | None) -> _Doc:
    quotations = find_quotations(text, language=language)
    sentences = _merge_sentences(split_sentences(text), quotations, text)
    quoted = [(s.start, s.end) for q in quotations for s in q.spans]
    q_ends = [e for _, e in quoted]
    q_begins = [b for b, _ in quoted]
    cues = []
    for cue in find_cues(text, load_cues()):
        k = bisect.bisect_right(q_begins, cue.start) - 1
        if k >= 0 and cue.start < q_ends[k]:
            continue
        cues.append(cue)
    paragraph_ends = [m.start() for m in re.finditer(r"\n\n", text)]
    return _Doc(
        text,
        quotations,
        [q.start for q in quotations],
        sentences,
        [s.start for s in sentences],
        cues,
        [c.start for c in cues],
        paragraph_ends,
        TokenIndex.of(text),
    )


def _cues_between(doc: _Doc, start: int, end: int) -> list[CueMatch]:
    lo = bisect.bisect_left(doc.c_starts, start)
    hi = bisect.bisect_left(doc.c_starts, end)
    return doc.cues[lo:hi]


def _frame_after(doc: _Doc, qi: int) -> tuple[Span, CueMatch, int] | None:
    """``(source, cue, frame end)`` when quotation *qi* is followed by "he said" or "said X"."""
    text = doc.text
    quote = doc.quotations[qi]
    para_end = _paragraph_end(doc, quote.end)
    own = doc.sentences[_sentence_at(doc, quote.start)]
    if (
        not _PUNCT_ONLY.fullmatch(text, own.start, quote.start)
        and len(_WORD.findall(quote.text(text))) < _MIN_FLOATING_WORDS
    ):
        return None
    si = _sentence_at(doc, quote.end)
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
        if source is not None and _PUNCT_ONLY.fullmatch(text, quote.end, source.start):
            cue_sentence_end = doc.sentences[_sentence_at(doc, cue.start)].end
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
    words = _WORD.findall(rest)
    return bool(words) and words[0] in _CLAUSE_OPENERS


def _frame_ends(text: str, start: int, end: int) -> bool:
    """Whether a frame is all of its sentence: a few words after the cue, no quotation."""
    rest = text[start:end]
    return len(_WORD.findall(rest)) <= _MAX_FRAME_TAIL and not any(mark in rest for mark in '“"«„')


def _quotes_in(doc: _Doc, spans: tuple[Span, ...], claimed: set[int]) -> list[int]:
    found: list[int] = []
    for span in spans:
        lo = bisect.bisect_left(doc.q_starts, span.start)
        hi = bisect.bisect_left(doc.q_starts, span.end)
        found.extend(i for i in range(lo, hi) if i not in claimed)
    return found


def _only_quotes(
    doc: _Doc, start: int, end: int, *, first: int, frames: Mapping[int, object], claimed: set[int]
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


def _continuations(
    doc: _Doc, qi: int, frame_end: int, claimed: set[int], frames: Mapping[int, object]
) -> list[int]:
    """Quotations that continue quotation *qi*'s statement after its frame.

    In the same paragraph: the quotations right after the frame (``“A,” he said,
    “B.”``) or opening the next sentence (``“A,” he told CNN on Monday. “B.”``);
    then whole paragraphs that hold only quotations without a frame of their own.
    """
    text = doc.text
    quotes = doc.quotations
    members: list[int] = []
    para_end = _paragraph_end(doc, frame_end)
    sent_end = doc.sentences[_sentence_at(doc, max(frame_end - 1, 0))].end
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
        para_end = _paragraph_end(doc, start)
        floating = _only_quotes(doc, start, para_end, first=j, frames=frames, claimed=claimed)
        if floating is None:
            break
        members.extend(floating)
        j = floating[-1] + 1
    return members


def _direct_pass(doc: _Doc, claimed: set[int], used: set[int]) -> list[_Draft]:
    drafts: list[_Draft] = []
    frames = {
        qi: f for qi in range(len(doc.quotations)) if (f := _frame_after(doc, qi)) is not None
    }
    for qi, (source, cue, frame_end) in sorted(frames.items()):
        if qi in claimed or cue.start in used:
            continue
        members = [qi, *_continuations(doc, qi, frame_end, claimed, frames)]
        claimed.update(members)
        used.add(cue.start)
        spans = tuple(s for m in members for s in doc.quotations[m].spans)
        drafts.append(_Draft(source, Span(start=cue.start, end=cue.end), spans, tuple(members)))
    return drafts


def _content_after(doc: _Doc, cue: CueMatch, sent: Span) -> Span | None:
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
    return _strip(text, pos, sent.end, " \t\n,;:—–-.")


def _cue_draft(doc: _Doc, cue: CueMatch, drafts: list[_Draft]) -> _Draft | None:
    text = doc.text
    sent = doc.sentences[_sentence_at(doc, cue.start)]
    cue_span = Span(start=cue.start, end=cue.end)
    if cue.cls == "frame":
        source = source_after(text, cue.end, sent.end, index=doc.words)
        if source is None:
            return None
        before = _strip(text, sent.start, cue.start)
        if before is not None and len(_WORD.findall(text, before.start, before.end)) > 2:
            return _Draft(source, cue_span, (before,), ())
        comma = text.find(",", source.end, sent.end)
        after = _strip(text, comma + 1 if comma >= 0 else source.end, sent.end, " \t\n,;:—–-.")
        return _Draft(source, cue_span, (after,), ()) if after is not None else None
    source = source_before(text, sent.start, cue.start, doc.words)
    inverted = False
    linked = _LINKED.search(text, max(sent.start, cue.start - 40), cue.start)
    if source is None and linked and (cue.text.endswith("ing") or linked.group().strip(" ,")):
        # ", saying ...", "and says ...": the subject of an earlier clause of the sentence.
        earlier = [
            d for d in drafts if d.source is not None and sent.start <= d.source.start < cue.start
        ]
        source = (
            earlier[-1].source
            if earlier
            else source_after(text, sent.start, cue.start, index=doc.words)
        )
    if source is None and cue.cls == "speech" and not cue.text.endswith("ing"):
        source = source_after(text, cue.end, sent.end, alone=True, index=doc.words)
        inverted = source is not None
    if source is None:
        return None
    if (
        not inverted
        and _PASSIVE.search(text, source.end, cue.start)
        and _PARTICIPLE.search(cue.text)
    ):
        # "Rubio was asked ...": the subject is not the speaker; the speaker is not given.
        after = _content_after(doc, cue, sent)
        return _Draft(None, cue_span, (after,), ()) if after is not None else None
    if inverted:
        assert source is not None
        before = _strip(text, sent.start, cue.start, " \t\n,;:—–-")
        if before is not None:
            return _Draft(source, cue_span, (before,), ())
        after = _strip(text, source.end, sent.end, " \t\n,;:—–-.")
        return _Draft(source, cue_span, (after,), ()) if after is not None else None
    after = _content_after(doc, cue, sent)
    words_after = len(_WORD.findall(text, after.start, after.end)) if after is not None else 0
    head_end = min(cue.start, source.start)
    before = _strip(text, sent.start, head_end, " \t\n,;:—–-")
    if after is not None and words_after >= 2:
        between = text[cue.end : after.start]
        if (
            before is not None
            and cue.cls == "speech"
            and "," in between
            and text[before.end : head_end].strip().startswith(",")
        ):
            return _Draft(source, cue_span, (before, after), ())
        return _Draft(source, cue_span, (after,), ())
    if (
        before is not None
        and cue.cls == "speech"
        and len(_WORD.findall(text, before.start, before.end)) >= 2
    ):
        return _Draft(source, cue_span, (before,), ())
    if text[cue.end : sent.end].rstrip().endswith(":"):
        para_end = _paragraph_end(doc, cue.end)
        k = bisect.bisect_left(doc.q_starts, cue.end)
        if k < len(doc.quotations) and doc.quotations[k].start <= para_end + 2:
            return _Draft(source, cue_span, doc.quotations[k].spans, (k,))
    return None


def _attach(doc: _Doc, draft: _Draft, claimed: set[int]) -> _Draft:
    """Give *draft* the quotations inside its content (and claim them).

    Reported words that are exactly one quotation (plus marks) become the
    quotation's pieces, followed by the quotations that continue it.
    """
    members = [q for q in draft.quotes if q not in claimed] or _quotes_in(
        doc, draft.content, claimed
    )
    content = draft.content
    if len(members) == 1 and len(content) == 1:
        only = doc.quotations[members[0]]
        text = doc.text
        if _PUNCT_ONLY.fullmatch(text, content[0].start, only.start) and _PUNCT_ONLY.fullmatch(
            text, only.end, content[0].end
        ):
            members += _continuations(doc, members[0], only.end, claimed | set(members), {})
            content = tuple(s for m in members for s in doc.quotations[m].spans)
    claimed.update(members)
    return _Draft(draft.source, draft.cue, content, tuple(members))


def _cue_pass(doc: _Doc, claimed: set[int], used: set[int], earlier: list[_Draft]) -> list[_Draft]:
    drafts: list[_Draft] = []
    for cue in doc.cues:
        if cue.start in used:
            continue
        draft = _cue_draft(doc, cue, [*earlier, *drafts])
        if draft is None:
            continue
        used.add(cue.start)
        drafts.append(_attach(doc, draft, claimed))
    return drafts


def _trim(doc: _Doc, drafts: list[_Draft]) -> list[_Draft]:
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
    out: list[_Draft] = []
    for draft in drafts:
        last = draft.content[-1]
        k = bisect.bisect_right(anchors, last.start)
        if draft.quotes and last in doc.quotations[draft.quotes[-1]].spans:
            out.append(draft)
            continue
        m = None
        if k < len(anchors) and anchors[k] < last.end:
            m = _COORDINATION.search(doc.text, last.start, anchors[k])
        if m is None:
            m = _NEW_CLAUSE.search(doc.text, last.start, last.end)
        span = _strip(doc.text, last.start, m.start()) if m else None
        if span is None:
            out.append(draft)
            continue
        quotes = tuple(q for q in draft.quotes if doc.quotations[q].start < span.end)
        out.append(_Draft(draft.source, draft.cue, (*draft.content[:-1], span), quotes))
    return out


def _colon_before_quote(doc: _Doc, sent: Span, claimed: set[int]) -> _Draft | None:
    """``The report concluded:`` or ``Pew Research:`` ending a paragraph before a quotation."""
    colon = sent.end - 1
    k = bisect.bisect_left(doc.q_starts, colon)
    if k >= len(doc.quotations) or k in claimed or doc.quotations[k].start != colon + 3:
        return None
    source = source_before(doc.text, sent.start, colon, doc.words)
    if source is None:
        return None
    members = [k, *_continuations(doc, k, doc.quotations[k].end, claimed, {})]
    claimed.update(members)
    spans = tuple(s for q in members for s in doc.quotations[q].spans)
    return _Draft(source, Span(start=colon, end=colon + 1), spans, tuple(members))


def _colon_pass(doc: _Doc, claimed: set[int], drafts: list[_Draft]) -> list[_Draft]:
    """``Smith: “…”`` and headline style ``Smith: Trump Would Win``: a name, a bare colon, the words."""
    text = doc.text
    taken = {d.cue.start for d in drafts if d.cue is not None} | {
        d.source.start for d in drafts if d.source is not None
    }
    # Sorted, so "does this sentence hold a taken offset" is a bisection, not a scan of
    # every draft per sentence (that was quadratic: minutes on a 2 MB page).
    ordered = sorted(taken)
    out: list[_Draft] = []
    for sent in doc.sentences:
        k = bisect.bisect_left(ordered, sent.start)
        if k < len(ordered) and ordered[k] < sent.end:
            continue
        if text.endswith(":", sent.start, sent.end):
            draft = _colon_before_quote(doc, sent, claimed)
            if draft is not None:
                out.append(draft)
            continue
        m = _COLON_FRAME.match(text, sent.start, sent.end)
        if (
            m is None
            or m.group(1).split()[0].strip("’'s").lower() in _NOT_SPEAKERS
            or sent.start in taken
        ):
            continue
        content = _strip(text, m.end(), sent.end, " \t\n,;:—–-.")
        if content is None or len(_WORD.findall(text, content.start, content.end)) < 2:
            continue
        source = Span(start=m.start(1), end=m.end(1))
        colon = text.index(":", m.end(1))
        out.append(
            _attach(doc, _Draft(source, Span(start=colon, end=colon + 1), (content,), ()), claimed)
        )
    return out


def _kind(doc: _Doc, draft: _Draft) -> StatementKind:
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


def _resolve(doc: _Doc, source: Span | None, resolve: SpeakerResolver) -> Person | None:
    """The Person of a source; a relative source ("who", "the latter of whom") by its antecedent."""
    if source is None:
        return None
    target = antecedent(doc.text, max(0, source.start - 200), source, doc.words) or source
    return resolve(doc.text[target.start : target.end], target)


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
    doc = _prepare(text, language)
    claimed: set[int] = set()
    used: set[int] = set()
    drafts = _direct_pass(doc, claimed, used)
    drafts += _cue_pass(doc, claimed, used, drafts)
    drafts += _colon_pass(doc, claimed, drafts)
    drafts = _trim(doc, drafts)
    drafts.sort(key=lambda d: min([d.content[0].start, *([d.source.start] if d.source else [])]))
    people = [_resolve(doc, draft.source, resolve) for draft in drafts]
    speakers: dict[int, Person | None] = {}
    for draft, person in zip(drafts, people, strict=True):
        for qi in draft.quotes:
            speakers.setdefault(qi, person)
    quote_ids: dict[int, Quote] = {}
    for qi, quotation in enumerate(doc.quotations):
        if qi not in claimed:
            words = _WORD.findall(quotation.text(text))
            if len(words) < _MIN_FLOATING_WORDS or _is_title_like(words):
                continue
        quote_ids[qi] = Quote(
            id=f"q{len(quote_ids) + 1}",
            text=quotation.text(text),
            spans=quotation.spans,
            speaker=speakers.get(qi),
        )
    statements: list[Statement] = []
    for draft, speaker in zip(drafts, people, strict=True):
        source_text = text[draft.source.start : draft.source.end] if draft.source else None
        statements.append(
            Statement(
                id=f"s{len(statements) + 1}",
                content=" ".join(text[s.start : s.end] for s in draft.content),
                kind=_kind(doc, draft),
                content_spans=draft.content,
                speaker=speaker,
                source=source_text,
                source_span=draft.source,
                cue=text[draft.cue.start : draft.cue.end] if draft.cue else None,
                cue_span=draft.cue,
                quotes=tuple(quote_ids[qi] for qi in draft.quotes if qi in quote_ids),
            )
        )
    return tuple(statements), tuple(quote_ids.values())
