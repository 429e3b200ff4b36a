"""The reporting-cue lexicon (``data/cues.txt``) and one compiled pattern for all its forms.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from typing import Final, Literal, NamedTuple, TypeAlias

__all__ = ["CueClass", "CueLexicon", "CueMatch", "find_cues", "load_cues"]

CueClass: TypeAlias = Literal["speech", "thought", "frame"]
"""``speech``: verbs of saying; ``thought``: belief, position, evidence; ``frame``: "according to"."""

_CLASSES: Final = frozenset({"speech", "thought", "frame"})
_PREFIX: Final = r"(?:(?:went|goes|go|going|gone) on to )?"


class CueLexicon(NamedTuple):
    """Every cue form with its class, and one pattern matching any of them."""

    classes: dict[str, CueClass]
    pattern: re.Pattern[str]


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
    source = importlib.resources.files("newsmodel").joinpath("data").joinpath("cues.txt").read_text(encoding="utf-8")
    classes = _parse(source)
    forms = sorted(classes, key=lambda f: (-len(f), f))
    alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    pattern = re.compile(rf"(?<![\w’'-]){_PREFIX}(?:{alternation})(?![\w’'-])|(?<![\w’'-])According\s+to(?![\w’'-])")
    return CueLexicon(classes, pattern)


def find_cues(text: str, lexicon: CueLexicon, start: int = 0, end: int | None = None) -> list[CueMatch]:
    """Every cue form in ``text[start:end]``, in text order."""
    stop = len(text) if end is None else end
    out: list[CueMatch] = []
    for m in lexicon.pattern.finditer(text, start, stop):
        written = m.group()
        words = written.lower().split()
        if words[:3] in (["went", "on", "to"], ["goes", "on", "to"], ["go", "on", "to"], ["going", "on", "to"], ["gone", "on", "to"]):
            words = words[3:]
        cls = lexicon.classes.get(" ".join(words), "frame")
        out.append(CueMatch(m.start(), m.end(), written, cls))
    return out
