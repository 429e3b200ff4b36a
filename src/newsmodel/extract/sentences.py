"""Sentence splitting for news prose: offsets only, no tokenisation model.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (plus any closing quotation marks
and brackets) when whitespace and a plausible sentence start follow, and always
at a paragraph break (a blank line). Abbreviations that end in a full stop and
usually precede a name or a number (``Mr.``, ``Dr.``, ``Gov.``, ``Jan.``,
``No.``), initials (``J. R. R.``), dotted acronyms (``U.S.``, ``a.m.``) and
decimals (``3.5``) do not end a sentence when a capitalised word or a digit
follows them.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from newsmodel.extract.wordlists import word_list
from newsmodel.model import Span

__all__ = [
    "Bounds",
    "paragraph_bounds",
    "sentence_bounds",
    "sentences_in",
    "split_paragraphs",
    "split_sentences",
]

#: Titles and abbreviations that are followed by a name or a number, never by a new sentence.
TITLES: Final = word_list("abbreviations")
#: Abbreviations that may end a sentence themselves ("in the U.S. The ...").
ACRONYM_END: Final = frozenset(
    {"u.s", "u.k", "u.n", "e.u", "d.c", "a.m", "p.m", "inc", "co", "ltd", "jr", "sr"}
)

# A candidate end: terminal punctuation, optional closing marks, whitespace, then what follows.
#: Abbreviations that precede a number ("No. 1", "Vol. 3") but are words otherwise.
NUMBER_ABBR: Final = frozenset({"no", "nos", "fig", "vol", "vols", "pp", "art", "sec"})

#: Opens with one character class (not a repeat), so the regex engine skips to candidates.
_END: Final = re.compile(
    r"""(?P<punct>[.!?…][.!?…]*)(?P<close>[”’"'»›」』)\]]*)(?P<space>\s+)(?=(?P<next>[\w“‘"'«‹„‚「『(\[—–-]))"""
)
_WORD_CHARS: Final = frozenset(".’'-_")
_PARAGRAPH: Final = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")


def split_paragraphs(text: str) -> list[Span]:
    """Spans of the paragraphs of *text* (blocks separated by blank lines)."""
    return [Span(start=m.start(), end=m.end()) for m in _PARAGRAPH.finditer(text)]


def _is_boundary(text: str, start: int, m: re.Match[str]) -> bool:
    """Whether the candidate end *m* really ends a sentence."""
    punct = m.group("punct")
    nxt = m.group("next")
    if punct != ".":
        # "?" or "!" inside a quotation followed by a lowercase word ("Why?" he asked) continues.
        return not nxt.islower()
    if nxt.islower():
        return False
    if m.group("close"):
        return True
    word = _word_before(text, start, m.start())
    if not word:
        return True
    word = word.lower().strip("’'-")
    bare = word.rsplit(".", 1)[-1] if "." in word else word
    if len(bare) == 1 and bare.isalpha():
        # An initial ("J. Smith") or the last letter of an acronym ("U.S."): sentence end only
        # when the acronym may end a sentence and the next word is not capitalised name-like.
        return word in ACRONYM_END and not _name_follows(text, m.end())
    if word in ACRONYM_END:
        return not _name_follows(text, m.end()) or word in {"a.m", "p.m"}
    if bare in TITLES and "." not in word:
        return False
    if bare in NUMBER_ABBR:
        return not nxt.isdigit()
    return True


def _word_before(text: str, start: int, end: int) -> str:
    """The run of word characters, dots, apostrophes and hyphens that ends at *end* (or just
    before a newline there), not reaching before *start*; read backwards, so linear."""
    if end > start and text[end - 1] == "\n":
        end -= 1
    i = end
    while i > start and (text[i - 1].isalnum() or text[i - 1] in _WORD_CHARS):
        i -= 1
    return text[i:end]


def _name_follows(text: str, pos: int) -> bool:
    """A capitalised word that is not a common sentence opener starts at *pos*."""
    end = pos
    while end < len(text) and (text[end].isalnum() or text[end] in "-’'"):
        end += 1
    word = text[pos:end]
    return bool(word) and word[0].isupper() and word.lower() not in _OPENERS


_OPENERS: Final = word_list("openers")


class Bounds(NamedTuple):
    """Offsets ``[start, end)``: a light stand-in for :class:`~newsmodel.model.Span` in hot loops."""

    start: int
    end: int


#: Builds a Bounds from a (start, end) tuple without NamedTuple's Python-level ``__new__``.
_new: Final = tuple.__new__


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Spans of the sentences of ``text[start:end]``, never crossing a paragraph break.

    Every span is stripped of surrounding whitespace and points into *text*.
    """
    return [Span(start=b.start, end=b.end) for b in sentence_bounds(text, start, end)]


def sentence_bounds(text: str, start: int = 0, end: int | None = None) -> list[Bounds]:
    """Like :func:`split_sentences`, as cheap ``Bounds``.

    Every span is stripped of surrounding whitespace and points into *text*.
    """
    return sentences_in(text, paragraph_bounds(text, start, end))


def paragraph_bounds(text: str, start: int = 0, end: int | None = None) -> list[Bounds]:
    """Like :func:`split_paragraphs` for ``text[start:end]``, as cheap ``Bounds`` (read once
    for both the sentences and the quotations of a text)."""
    stop = len(text) if end is None else end
    # What _PARAGRAPH finds, without the regex engine: from the first character that is not
    # a newline to the next blank line (or *stop*).
    found: list[Bounds] = []
    pos = start
    while pos < stop:
        if text[pos] == "\n":
            pos += 1
            continue
        brk = text.find("\n\n", pos, stop)
        if brk < 0:
            found.append(_new(Bounds, (pos, stop)))
            break
        found.append(_new(Bounds, (pos, brk)))
        pos = brk + 2
    return found


def sentences_in(text: str, paragraphs: list[Bounds]) -> list[Bounds]:
    """The sentences of *paragraphs* (from :func:`paragraph_bounds`), as :func:`sentence_bounds`."""
    spans: list[Bounds] = []
    if not paragraphs:
        return spans
    # One scan for all paragraphs. Paragraphs are apart by newlines only, so an end lies in
    # one; it is an end there unless its blanks run out of it (a scan of the paragraph
    # alone would not find it then: what follows the blanks must be in the paragraph).
    ends = list(_END.finditer(text, paragraphs[0].start, paragraphs[-1].end))
    k = 0
    for para in paragraphs:
        sent_start, para_end = para
        while k < len(ends) and ends[k].start() < para_end:
            m = ends[k]
            k += 1
            if m.end() < para_end and _is_boundary(text, sent_start, m):
                spans.append(_new(Bounds, (sent_start, m.start("space"))))
                sent_start = m.end()
        tail = text[sent_start:para_end].rstrip()
        if tail.strip():
            spans.append(_new(Bounds, (sent_start, sent_start + len(tail))))
    return spans
