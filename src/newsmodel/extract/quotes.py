"""Quotation marks paired by type: where the quotations of a text are.

Marks are paired by their (opening, closing) family, never by alternation, so a
stray mark of one family cannot derail the pairing of another:

==========  ==========================  ==========================================
family      marks                       used by
==========  ==========================  ==========================================
curly       “ … ”  (and ” … ” toggled)  English, Swedish/Finnish (same glyph)
low         „ … “  or  „ … ”            German, Czech / Polish, Hungarian
straight    " … "  and  '' … ''         typewriter text, NYT-style doubled apostrophes
guillemet   « … »  and  » … «           French, Spanish, Russian / Danish, German books
single      ‘ … ’, ‚ … ‘, ' … ', ‹ … ›  inner quotations (outer in British English)
corner      「 … 」 and 『 … 』           Chinese, Japanese
==========  ==========================  ==========================================

A quotation that is still open at the end of its paragraph continues into the
next paragraph when that paragraph starts with an opening mark of the same
family (the news convention for multi-paragraph quotations); otherwise it is
closed at the paragraph end, so an unbalanced mark never swallows the rest of
the article. An unclosed single mark is dropped. Apostrophes (``don’t``,
``’90s``, ``Jones’``) are not marks. Only outermost quotations are reported;
nested ones are part of their outer quotation's text.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from newsmodel.extract.sentences import Bounds, paragraph_bounds
from newsmodel.model import Span

__all__ = ["Quotation", "find_quotations"]

MAX_NESTING: Final = 16
"""Quotations open at once, at most; more opening marks are ignored. Real text nests two or
three deep; the bound keeps a run of 200,000 opening marks linear instead of quadratic."""
#: A mark, except an apostrophe between two letters or digits (``don’t``), which is never one.
#: The pattern opens with a character class, so the regex engine skips plain text quickly.
_MARK: Final = re.compile(
    r"""[“”‘"«»‹›„‚「」『』’'](?:(?<=')'|(?<=[“”‘"«»‹›„‚「」『』])|(?<![^\W_].)|(?![^\W_]))"""
)
_OPENING_CONTEXT: Final = frozenset(" \t\n([{—–-/:;,")
_CLOSING_CONTEXT: Final = frozenset(" \t\n)]}.,;:!?—–-…/")
#: Families whose open quotation may continue into the next paragraph, and the marks that reopen it.
_REOPEN: Final = {
    "curly": "“”",
    "straight": "\"'",
    "low": "„",
    "guillemet": "«»",
    "rguillemet": "»",
    "corner": "「",
}
_SINGLE_FAMILIES: Final = frozenset(
    {"single", "ssingle", "lowsingle", "sguillemet", "rsguillemet", "corner2"}
)


class Quotation(NamedTuple):
    """One outermost quotation: the text inside its marks, maybe over several paragraphs.

    ``spans`` are the content pieces (marks excluded, whitespace stripped), one per
    paragraph; ``start`` is the opening mark's offset and ``end`` the offset after
    the closing mark (the paragraph end when the quotation was never closed).
    """

    spans: tuple[Span, ...]
    start: int
    end: int
    closed: bool

    def text(self, text: str) -> str:
        """The quoted words, pieces joined by one space."""
        return " ".join(text[s.start : s.end] for s in self.spans)


class _Open(NamedTuple):
    family: str
    pos: int
    length: int


def _has(stack: list[_Open], family: str) -> bool:
    return any(o.family == family for o in stack)


def _classify(
    mark: str, prev: str, nxt: str, stack: list[_Open], language: str | None
) -> tuple[str, str] | None:
    """``("open"|"close", family)`` for one mark in its context, or None to ignore it."""
    left = prev in _OPENING_CONTEXT or prev in "“‘\"'«‹„‚「『"
    right = nxt in _CLOSING_CONTEXT or nxt in "”’\"'»›」』"
    result: tuple[str, str] | None = None
    if mark == "“":
        if _has(stack, "low"):
            result = ("close", "low")
        elif _has(stack, "curly") and right and not prev.isspace():
            result = ("close", "curly")
        else:
            result = ("open", "curly")
    elif mark == "”":
        if _has(stack, "curly"):
            result = ("close", "curly")
        elif _has(stack, "straight"):
            result = ("close", "straight")  # "…” typed with mixed marks
        elif _has(stack, "low"):
            result = ("close", "low")
        elif (left and not right) or language in {"sv", "fi"}:
            result = ("open", "curly")
    elif mark in {'"', "''"}:
        if _has(stack, "straight"):
            result = ("close", "straight")
        elif _has(stack, "curly") and right and not prev.isspace():
            result = ("close", "curly")  # “…" typed with mixed marks
        elif not (right and not left) and prev not in "0123456789":
            result = ("open", "straight")
    elif mark == "‘":
        if _has(stack, "lowsingle"):
            result = ("close", "lowsingle")
        elif not (prev.isalnum() and nxt.isalnum()):
            result = ("open", "single")
    elif mark == "’":
        if not (prev.isalnum() and nxt.isalnum()):
            if _has(stack, "single") and not prev.isspace() and not nxt.isalnum():
                result = ("close", "single")
            elif _has(stack, "lowsingle") and not nxt.isalnum():
                result = ("close", "lowsingle")
    elif mark == "'":
        if not (prev.isalnum() and nxt.isalnum()):
            if _has(stack, "ssingle") and not prev.isspace() and not nxt.isalnum():
                result = ("close", "ssingle")
            elif left and nxt.isalpha():
                result = ("open", "ssingle")
    else:
        result = _classify_other(mark, left, right, stack)
    return result


def _classify_other(
    mark: str, left: bool, right: bool, stack: list[_Open]
) -> tuple[str, str] | None:
    """Guillemets, low marks and corner brackets."""
    pairs = {
        "«": ("rguillemet", "guillemet"),
        "‹": ("rsguillemet", "sguillemet"),
    }
    if mark in pairs:
        closes, opens = pairs[mark]
        return ("close", closes) if _has(stack, closes) else ("open", opens)
    mirrored = {"»": ("guillemet", "rguillemet"), "›": ("sguillemet", "rsguillemet")}
    if mark in mirrored:
        closes, opens = mirrored[mark]
        if _has(stack, closes):
            return ("close", closes)
        return ("open", opens) if left and not right else None
    simple = {
        "„": ("open", "low"),
        "‚": ("open", "lowsingle"),
        "「": ("open", "corner"),
        "『": ("open", "corner2"),
    }
    if mark in simple:
        return simple[mark]
    closing = {"」": "corner", "』": "corner2"}
    family = closing.get(mark)
    return ("close", family) if family is not None and _has(stack, family) else None


def _content(text: str, start: int, end: int) -> Span | None:
    """The stripped span ``text[start:end]``, or None when it is blank."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start=start, end=end) if end > start else None


def _starts_with_reopen(text: str, pos: int, family: str) -> bool:
    marks = _REOPEN.get(family, "")
    return pos < len(text) and text[pos] in marks


def find_quotations(
    text: str, *, language: str | None = None, paragraphs: list[Bounds] | None = None
) -> list[Quotation]:
    """The outermost quotations of *text*, in text order. Never raises.

    Args:
        text: the article text, paragraphs separated by a blank line.
        language: a BCP 47 tag; ``"sv"`` and ``"fi"`` let ``”`` open a quotation.
        paragraphs: ``paragraph_bounds(text)`` when the caller has it already.
    """
    lang = (language or "").lower().split("-")[0] or None
    found: list[Quotation] = []
    pending: list[Span] = []
    pending_start = -1
    pending_family = ""
    if paragraphs is None:
        paragraphs = paragraph_bounds(text)
    # One scan for all paragraphs (apart by newlines only, which hold no marks).
    marks = (
        list(_MARK.finditer(text, paragraphs[0].start, paragraphs[-1].end)) if paragraphs else []
    )
    k = 0
    for index, para in enumerate(paragraphs):
        p_start, p_end = para
        stack: list[_Open] = []
        local: list[Quotation] = []
        carry = bool(pending) and _starts_with_reopen(text, p_start, pending_family)
        if pending and not carry:
            found.append(Quotation(tuple(pending), pending_start, pending[-1].end, closed=False))
            pending = []
        while k < len(marks) and marks[k].start() < p_end:
            m = marks[k]
            k += 1
            mark = m.group()
            prev = text[m.start() - 1] if m.start() > p_start else " "
            nxt = text[m.end()] if m.end() < p_end else " "
            action = _classify(mark, prev, nxt, stack, lang)
            if action is None:
                continue
            kind, family = action
            if kind == "open":
                if len(stack) < MAX_NESTING:  # deeper "opens" are stray marks, not quotations
                    stack.append(_Open(family, m.start(), m.end() - m.start()))
                continue
            depth = max(i for i, o in enumerate(stack) if o.family == family)
            opened = stack[depth]
            del stack[depth:]
            if depth == 0:
                span = _content(text, opened.pos + opened.length, m.start())
                if span is not None:
                    local.append(Quotation((span,), opened.pos, m.end(), closed=True))
        continued = carry and bool(stack) and stack[0].pos == p_start
        if carry and local and local[0].start == p_start:
            first = local[0]
            local[0] = Quotation((*pending, *first.spans), pending_start, first.end, first.closed)
            pending = []
        elif carry and not continued:
            found.append(Quotation(tuple(pending), pending_start, pending[-1].end, closed=False))
            pending = []
        found.extend(local)
        if not stack or stack[0].family in _SINGLE_FAMILIES:
            continue
        outer = stack[0]
        span = _content(text, outer.pos + outer.length, p_end)
        pieces = [*pending, span] if continued else [span]
        start = pending_start if continued else outer.pos
        pending = []
        if span is None:
            pieces = pieces[:-1]
        if not pieces:
            continue
        last_para = index + 1 >= len(paragraphs)
        if (
            span is not None
            and not last_para
            and _starts_with_reopen(text, paragraphs[index + 1].start, outer.family)
        ):
            pending, pending_start, pending_family = (
                [p for p in pieces if p is not None],
                start,
                outer.family,
            )
        else:
            found.append(
                Quotation(tuple(p for p in pieces if p is not None), start, p_end, closed=False)
            )
    if pending:
        found.append(Quotation(tuple(pending), pending_start, pending[-1].end, closed=False))
    found.sort(key=lambda q: q.start)
    return found
