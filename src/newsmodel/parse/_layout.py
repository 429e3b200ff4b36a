"""Plain text into paragraph-level units: blank-line blocks, single-newline lines, hard wraps.

Three layouts occur in copied page text and article files:

* **blank-line paragraphs** (three or more blocks separated by blank lines): each block is
  one paragraph; a block's lines are joined (bullet lists, hard wraps) unless they are
  long stand-alone paragraphs themselves, and lines that stand alone (a date, a byline,
  a UI word) are split off.
* **single-newline paragraphs**: every line is a unit.
* **hard-wrapped text** (lines cut at a fixed width): a line continues the one before it
  when the previous line was cut because the next word did not fit.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["split_units"]

MIN_BLANK_BLOCKS: Final = 3
"""With this many blank-line blocks the text uses blank lines between paragraphs."""
MIN_WRAP_WIDTH: Final = 40
MAX_WRAP_WIDTH: Final = 110
"""Hard-wrapped text has no line longer than this."""
WRAP_SLACK: Final = 12
"""A line within this many characters of the wrap width counts as full."""
LONG_LINE: Final = 150
"""Lines this long are paragraphs of their own."""

_BLANK_LINE_RE: Final = re.compile(r"\n[ ]*\n\s*")
_BULLETS: Final = ("-", "•", "*", "–", "—", "·", "●", "▪")


def _blocks(text: str) -> list[list[str]]:
    """Non-empty stripped lines grouped by blank lines."""
    blocks: list[list[str]] = []
    for chunk in _BLANK_LINE_RE.split(text):
        if "\n" in chunk:
            lines = [line for line in (raw.strip() for raw in chunk.split("\n")) if line]
            if lines:
                blocks.append(lines)
        else:
            line = chunk.strip()
            if line:
                blocks.append([line])
    return blocks


def _wrap_width(lines: list[str]) -> int | None:
    """The width the text is hard-wrapped at, or None when it is not wrapped."""
    if len(lines) < 4:
        return None
    width = max(len(line) for line in lines)
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return None
    full = sum(1 for line in lines if len(line) >= width - WRAP_SLACK)
    return width if full >= max(3, 0.4 * len(lines)) else None


def _continues(previous: str, line: str, width: int) -> bool:
    """Whether *line* continues *previous*: the first word of *line* did not fit on it."""
    first_word = line.split(" ", 1)[0]
    return len(previous) + 1 + len(first_word) > width - 2 and not line.startswith(_BULLETS)


def _own_paragraphs(lines: list[str]) -> bool:
    """Whether a block's lines are paragraphs of their own (single-newline style)."""
    if any(line.startswith(_BULLETS) for line in lines):
        return False
    return sum(1 for line in lines if len(line) >= LONG_LINE) >= 2


def _join_block(lines: list[str], standalone: Callable[[str], bool], *, split: bool) -> list[str]:
    """One block as units: stand-alone lines apart, the others joined (or each alone if *split*)."""
    units: list[str] = []
    pending: list[str] = []
    for line in lines:
        if split or standalone(line):
            if pending:
                units.append(" ".join(pending))
                pending = []
            units.append(line)
        else:
            pending.append(line)
    if pending:
        units.append(" ".join(pending))
    return units


def _unwrap(blocks: list[list[str]], width: int, standalone: Callable[[str], bool]) -> list[str]:
    units: list[str] = []
    for block in blocks:
        current = block[0]
        for line in block[1:]:
            if _continues(current.rsplit("\n", 1)[-1], line, width) and not standalone(line):
                current = f"{current}\n{line}"
            else:
                units.append(current)
                current = line
        units.append(current)
    return [unit.replace("\n", " ") for unit in units]


def split_units(text: str, standalone: Callable[[str], bool]) -> list[str]:
    """Paragraph-level units of *text* (already normalised by :mod:`newsmodel._text`).

    Args:
        text: the text, with ``\\n`` newlines and single spaces.
        standalone: says whether a line stands alone (date, byline, chrome) and must
            never be joined to its neighbours.
    """
    blocks = _blocks(text)
    if len(blocks) >= MIN_BLANK_BLOCKS:
        width = _wrap_width([line for block in blocks for line in block])
        units: list[str] = []
        for block in blocks:
            if len(block) == 1:
                units.append(block[0])
            elif width is not None:
                units.extend(_unwrap([block], width, standalone))
            else:
                units.extend(_join_block(block, standalone, split=_own_paragraphs(block)))
        return units
    lines = [line for block in blocks for line in block]
    width = _wrap_width(lines)
    if width is None:
        return lines
    return _unwrap(blocks, width, standalone)
