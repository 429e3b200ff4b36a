"""A readable summary of an Article, for ``newsmodel show`` and ``newsmodel example``."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Final

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from newsmodel.model import Article, Person, Quote, Statement

__all__ = ["SpeechRow", "format_table", "speech_rows", "summarize"]

HEADERS: Final = ("speaker", "cue", "what was said", "kind")
_SPEAKER_COLUMN: Final = 24
_CUE_COLUMN: Final = 16
_KIND_COLUMN: Final = 8
_MIN_TEXT_COLUMN: Final = 20


@attrs.frozen(kw_only=True)
class SpeechRow:
    """One line of the who-said-what table.

    ``speaker`` is the person's name (or the words of the text when they name
    no person of the article); ``as_written`` is how the text refers to them
    there, when that differs from the name ("The ambassador").
    """

    speaker: str
    as_written: str | None
    cue: str
    said: str
    kind: str


def speech_rows(article: Article) -> list[SpeechRow]:
    """Every statement in text order, then every quotation no statement carries."""
    rows = [_statement_row(s) for s in article.statements]
    carried = {q.id for s in article.statements for q in s.quotes}
    rows.extend(_quote_row(q) for q in article.quotes if q.id not in carried)
    return rows


def _statement_row(statement: Statement) -> SpeechRow:
    person, source = statement.speaker, statement.source
    return SpeechRow(
        speaker=person.name if person else source or "?",
        as_written=source if person and source and source != person.name else None,
        cue=statement.cue or "",
        said=statement.content,
        kind=statement.kind,
    )


def _quote_row(quote: Quote) -> SpeechRow:
    speaker = quote.speaker.name if quote.speaker else "?"
    return SpeechRow(speaker=speaker, as_written=None, cue="", said=quote.text, kind="quote")


def _cells(row: SpeechRow) -> tuple[str, str, str, str]:
    written = f"({row.as_written})" if row.as_written else ""
    return row.speaker, written, row.cue, row.said


def format_table(rows: Sequence[SpeechRow], *, width: int = 100) -> str:
    """*rows* as a plain-text table at most *width* characters wide (every column wraps).

    The speaker's name comes first, then, on the next line, the words the text used
    for them when those differ from the name.
    """
    if not rows:
        return "(no statements found)"
    speaker_w = _column(HEADERS[0], [t for r in rows for t in _cells(r)[:2]], _SPEAKER_COLUMN)
    cue_w = _column(HEADERS[1], [r.cue for r in rows], _CUE_COLUMN)
    kind_w = _column(HEADERS[3], [r.kind for r in rows], _KIND_COLUMN)
    room = max(_MIN_TEXT_COLUMN, width - speaker_w - cue_w - kind_w - 6)
    said_w = _column(HEADERS[2], [r.said for r in rows], room)
    widths = (speaker_w, cue_w, said_w, kind_w)
    lines = [_line(HEADERS, widths), _line(tuple("-" * w for w in widths), widths)]
    for row in rows:
        speaker, written, cue, said = _cells(row)
        columns = (
            _wrap(speaker, speaker_w) + _wrap(written, speaker_w),
            _wrap(cue, cue_w),
            _wrap(said, said_w),
            [row.kind],
        )
        height = max(map(len, columns))
        lines.extend(
            _line(tuple(c[i] if i < len(c) else "" for c in columns), widths) for i in range(height)
        )
    return "\n".join(lines)


def _column(header: str, values: Iterable[str], limit: int) -> int:
    return min(limit, max(len(header), *(len(v) for v in values)))


def _wrap(value: str, width: int) -> list[str]:
    return textwrap.wrap(value, width, break_on_hyphens=False) if value else []


def _line(cells: tuple[str, ...], widths: tuple[int, ...]) -> str:
    return "  ".join(cell.ljust(w) for cell, w in zip(cells, widths, strict=True)).rstrip()


def _people(persons: Iterable[Person]) -> list[str]:
    lines = []
    for person in persons:
        lines.append(f"  {person.name}")
        if person.aliases:
            lines.append(f"    aliases: {'; '.join(person.aliases)}")
        if person.titles:
            lines.append(f"    titles:  {'; '.join(person.titles)}")
        if person.affiliation:
            lines.append(f"    affiliation: {person.affiliation}")
    return lines


def summarize(article: Article, *, width: int = 100) -> str:
    """Headline, date, authors, people and the who-said-what table of *article*."""
    date = article.published.isoformat() if article.published else "unknown"
    if article.published_raw and article.published_raw != date:
        date = f"{date} ({article.published_raw})"
    lines = [
        f"Headline:  {article.headline or '(none)'}",
        f"Published: {date}",
        f"Authors:   {', '.join(a.name for a in article.authors) or '(none)'}",
    ]
    if article.url:
        lines.append(f"URL:       {article.url}")
    lines.append(f"People ({len(article.persons)}):")
    lines.extend(_people(article.persons) or ["  (none found)"])
    rows = speech_rows(article)
    lines.append(f"Who said what ({len(rows)}):")
    lines.extend("  " + line for line in format_table(rows, width=width - 2).splitlines())
    return "\n".join(lines)
