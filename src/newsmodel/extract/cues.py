"""The reporting-cue lexicon (``data/cues.txt``) and a scan for all its forms.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from typing import Final, Literal, NamedTuple, TypeAlias

__all__ = ["CueClass", "CueLexicon", "CueMatch", "find_cues", "load_cues"]

CueClass: TypeAlias = Literal["speech", "thought", "stance", "frame"]
"""``speech``: verbs of saying; ``thought``: belief, intention, evidence; ``stance``: position
and evaluation with an object ("endorsed Jones"); ``frame``: "according to"."""

_CLASSES: Final = frozenset({"speech", "thought", "stance", "frame"})
_WORD: Final = re.compile(r"(?<![’'-])\b[A-Za-z]+\b(?![’'-]\w)")
#: A capitalised cue counts only in Title Case text ("Clinton Urges Britain to ..."), after a capitalised word.
_TITLE_CONTEXT: Final = re.compile(r"[A-Z][\w’'.-]*\s+\Z")
#: For ``bytes.translate``: ASCII letters stay, every other byte becomes a space.
_LETTERS_ONLY: Final = bytes(c if 65 <= c <= 90 or 97 <= c <= 122 else 32 for c in range(256))
#: The character before a cue's first word: not part of a word.
_GAP: Final = re.compile(r"[^\w’'-]")
#: Where a cue's first word ends: no word character, hyphen or "’s" follows.
_WORD_END: Final = re.compile(r"(?![\w-]|[’']\w)")
#: A word where a scan starts, delimited as :func:`_first_words` delimits the others.
_LETTERS_AT: Final = re.compile(r"(?<![\w’'-])([A-Za-z]+)(?![\w-]|[’']\w)")
_GO: Final = frozenset({"went", "goes", "go", "going", "gone"})


class CueLexicon(NamedTuple):
    """Every cue form with its class, and indexed by its first word: (form, class) pairs,
    longest forms first. ``first_words`` holds each first word in lower case and
    capitalised; all are ASCII letters (the cues in ``data/cues.txt`` are). ``first_bytes``
    holds them ASCII-encoded.
    """

    classes: dict[str, CueClass]
    by_first: dict[str, tuple[tuple[tuple[str, ...], CueClass], ...]]
    first_words: frozenset[str]
    first_bytes: frozenset[bytes]


class CueMatch(NamedTuple):
    """One cue in a text: its offsets, the form as written and the form's class."""

    start: int
    end: int
    text: str
    cls: CueClass


def _parse(source: str) -> dict[str, CueClass]:
    classes: dict[str, CueClass] = {}
    for raw in source.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, _, forms = line.partition(":")
        cls = name.strip()
        if cls not in _CLASSES:
            continue
        for form in forms.split("|"):
            key = " ".join(form.split()).lower()
            if key and key not in classes:
                classes[key] = cls  # type: ignore[assignment]  # checked against _CLASSES above
    return classes


@functools.cache
def load_cues() -> CueLexicon:
    """The bundled cue lexicon, read once."""
    source = (
        importlib.resources.files("newsmodel")
        .joinpath("data")
        .joinpath("cues.txt")
        .read_text(encoding="utf-8")
    )
    classes = _parse(source)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for form in classes:
        words = tuple(form.split())
        by_first.setdefault(words[0], []).append(words)
    first_words = frozenset({*by_first, *(w.capitalize() for w in by_first)})
    return CueLexicon(
        classes,
        {
            k: tuple((form, classes[" ".join(form)]) for form in sorted(v, key=len, reverse=True))
            for k, v in by_first.items()
        },
        first_words,
        frozenset(word.encode("ascii") for word in first_words),
    )


def _first_words(
    text: str, lexicon: CueLexicon, start: int, stop: int
) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of every word of ``text[start:stop]`` that may open a cue, in
    text order: a first word after a character that ends a word (``_GAP``) or at *start*,
    and ending there (``_WORD_END``).

    First words are ASCII letters, so each is a whole run of them. The runs are found in
    C: the text as ASCII bytes (one byte a character) with every byte but a letter made a
    space; only the runs that are first words are looked at in Python.
    """
    found: list[tuple[int, int, str]] = []
    at_start = _LETTERS_AT.match(text, start, stop)
    if at_start is not None and at_start.group(1) in lexicon.first_words:
        found.append((start, at_start.end(1), at_start.group(1)))
    letters = b" " + text[start:stop].encode("ascii", "replace").translate(_LETTERS_ONLY) + b" "
    for word in lexicon.first_bytes.intersection(letters.split()):
        size = len(word)
        spaced = b" " + word + b" "
        i = letters.find(spaced)  # i: the space before the word, at offset start + i - 1
        while i >= 0:
            word_start = start + i
            word_end = word_start + size
            if (
                word_start > start  # at start: looked at above
                and _GAP.match(text, word_start - 1)
                and _WORD_END.match(text, word_end, stop)
            ):
                found.append((word_start, word_end, text[word_start:word_end]))
            i = letters.find(spaced, i + size + 1)
    found.sort()
    return found


def find_cues(
    text: str, lexicon: CueLexicon, start: int = 0, end: int | None = None
) -> list[CueMatch]:
    """Every cue form in ``text[start:end]``, in text order (one scan, then look-ups)."""
    stop = len(text) if end is None else end
    out: list[CueMatch] = []
    by_first = lexicon.by_first
    resume = start
    for word_start, word_end, word in _first_words(text, lexicon, start, stop):
        if word_start < resume:
            continue
        if (
            word[0].isupper()
            and word != "According"
            and not _TITLE_CONTEXT.search(text, max(start, word_start - 30), word_start)
        ):
            continue
        forms = by_first.get(word.lower(), ())
        following: list[str] | None = None  # the next words, read once for all longer forms
        ends: list[int] = []
        for form, cls in forms:
            last_end = word_end
            if len(form) > 1:
                if following is None:
                    rest = list(_WORD.finditer(text, word_end, min(stop, word_end + 24)))
                    following = [w.group().lower() for w in rest[: len(form) - 1]]
                    ends = [w.end() for w in rest[: len(form) - 1]]
                if tuple(following[: len(form) - 1]) != form[1:]:
                    continue
                last_end = ends[len(form) - 2]
            first = word_start
            if text.endswith(" on to ", 0, first):
                before = text[max(0, first - 14) : first].split()
                if len(before) >= 3 and before[-3].lower() in _GO:
                    first = text.rfind(before[-3], 0, first)
            out.append(CueMatch(first, last_end, text[first:last_end], cls))
            resume = last_end
            break
    return out
