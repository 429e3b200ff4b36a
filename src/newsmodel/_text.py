"""Text hygiene shared by the parsers: newlines, spaces, invisible and control characters.

Typography is content and stays: smart quotes, dashes, accents, the ellipsis. What
goes is what a reader cannot see or what no text means: byte-order marks, zero-width
spaces, soft hyphens, control characters. Unicode spaces become a plain space,
Windows and old-Mac newlines become ``\\n``. Lone surrogates (a ``str`` decoded with
``surrogateescape`` or built from broken JSON) become U+FFFD with a warning, so no
later step has to care about them.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import re
from typing import Final

from newsmodel.model import ParseWarning

__all__ = ["CONTROLS_WARNING", "SURROGATES_WARNING", "clean_line", "normalize_text", "word_set"]

SURROGATES_WARNING: Final = "surrogates-replaced"
"""Warning code: lone surrogates in the input were replaced with U+FFFD."""
CONTROLS_WARNING: Final = "control-characters"
"""Warning code: control characters or non-characters were removed (as parse_html says)."""

_SPACE_CHARS: Final = "\t\v\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Zero-width joiners (U+200C, U+200D) are kept: they change spelling in Persian and
# Indic scripts and hold emoji sequences together.
_DROP_CHARS: Final = "\ufeff\u200b\u2060\u180e\u00ad\ufffe\uffff"
_CONTROL_CHARS: Final = "".join(
    chr(c) for c in (*range(0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0x85), *range(0x86, 0xA0))
)
_NEWLINE_CHARS: Final = "\r\u0085\u2028\u000b\u000c\u001c\u001d\u001e"

_TABLE: Final[dict[int, str | None]] = {
    **{ord(c): " " for c in _SPACE_CHARS},
    **{ord(c): None for c in _DROP_CHARS + _CONTROL_CHARS},
    0x0085: "\n",
    0x2028: "\n",
    0x2029: "\n\n",
}
_ODD_RE: Final = re.compile(
    "[" + re.escape(_SPACE_CHARS + _DROP_CHARS + _CONTROL_CHARS + _NEWLINE_CHARS) + "\u2029]"
)
_REMOVED_RE: Final = re.compile("[" + re.escape(_CONTROL_CHARS) + "\ufffe\uffff]")
_SURROGATE_RE: Final = re.compile("[\ud800-\udfff]")
_SPACES_RE: Final = re.compile(r"[ ]{2,}")


def _replace_surrogates(text: str) -> tuple[str, tuple[ParseWarning, ...]]:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        count = len(_SURROGATE_RE.findall(text))
        warning = ParseWarning(
            code=SURROGATES_WARNING,
            message=f"{count} lone surrogate(s) in the input were replaced with U+FFFD",
        )
        return _SURROGATE_RE.sub("\ufffd", text), (warning,)
    return text, ()


def normalize_text(text: str) -> tuple[str, tuple[ParseWarning, ...]]:
    """Unify newlines and spaces and drop invisible and control characters.

    Runs of spaces inside a line are collapsed; line structure (``\\n``) is kept.

    Returns:
        The cleaned text and any warnings (lone surrogates replaced, controls removed).
    """
    text, warnings = _replace_surrogates(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ODD_RE.search(text):
        if _REMOVED_RE.search(text):
            removed = ParseWarning(code=CONTROLS_WARNING, message="control characters were removed")
            warnings = (*warnings, removed)
        text = text.translate(_TABLE)
    if "  " in text:
        text = _SPACES_RE.sub(" ", text)
    return text, warnings


def clean_line(line: str) -> str:
    """One line or block, stripped, with every run of whitespace made a single space."""
    return " ".join(line.split())


def word_set(words: str) -> frozenset[str]:
    """The whitespace-separated words of a literal word list, as a frozenset."""
    return frozenset(words.split())
