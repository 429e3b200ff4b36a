"""The reporting-cue lexicon (``data/cues.txt``) and one compiled pattern for all its forms.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
import importlib.resources
import itertools
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
#: The character before a cue's first word: not part of a word.
_GAP: Final = re.compile(r"[^\w’'-]")
#: A word where a scan starts, delimited as ``CueLexicon.after_gap`` delimits first words.
_LETTERS_AT: Final = re.compile(r"(?<![\w’'-])([A-Za-z]+)(?![\w-]|[’']\w)")
_GO: Final = frozenset({"went", "goes", "go", "going", "gone"})


class CueLexicon(NamedTuple):
    """Every cue form with its class, and indexed by its first word: (form, class) pairs,
    longest forms first.

    ``after_gap`` finds the first words (group 1) after a character that may end the word
    before: a pattern that opens with a character class lets the regex engine skip through
    the words quickly instead of trying the whole alternation at every position. The class
    is ASCII only (a bitmap test per character, where ``\\w`` costs a Unicode look-up), so
    :func:`find_cues` checks the character really ends a word (``_GAP``). A first word at
    the very start of the scan is looked up in ``first_words``.
    """

    classes: dict[str, CueClass]
    by_first: dict[str, tuple[tuple[tuple[str, ...], CueClass], ...]]
    first_words: frozenset[str]
    after_gap: re.Pattern[str]


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
    first = _trie_pattern(sorted(first_words))
    return CueLexicon(
        classes,
        {
            k: tuple((form, classes[" ".join(form)]) for form in sorted(v, key=len, reverse=True))
            for k, v in by_first.items()
        },
        first_words,
        # A superset of _GAP: first words are ASCII letters, so a match whose first
        # character is not in _GAP (an "_", "’", "é") has no _GAP match inside it either.
        re.compile(rf"[^A-Za-z0-9]((?:{first}))(?![\w-]|[’']\w)"),
    )


def _trie_pattern(words: list[str]) -> str:
    """One regex alternation for *words*, factored by common prefixes (fast to match)."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]  # recursive structure
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]  # recursive structure
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            body = f"(?:{body})?"
        return body

    return build(trie)


def find_cues(
    text: str, lexicon: CueLexicon, start: int = 0, end: int | None = None
) -> list[CueMatch]:
    """Every cue form in ``text[start:end]``, in text order (one regex scan, then look-ups)."""
    stop = len(text) if end is None else end
    out: list[CueMatch] = []
    by_first = lexicon.by_first
    resume = start
    at_start = _LETTERS_AT.match(text, start, stop)
    if at_start is not None and at_start.group(1) not in lexicon.first_words:
        at_start = None
    found = lexicon.after_gap.finditer(text, start, stop)
    for m in itertools.chain((at_start,), found) if at_start else found:
        word_start, word_end = m.span(1)
        if word_start < resume or (word_start > m.start() and not _GAP.match(text, m.start())):
            continue
        word = m.group(1)
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
