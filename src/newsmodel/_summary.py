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
_NARROW_COLUMN: Final = 24
_MIN_TEXT_COLUMN: Final = 20


@attrs.frozen(kw_only=True)
class SpeechRow:
    """One line of the who-said-what table."""

    speaker: str
    cue: str
    said: str
    kind: str


def speech_rows(article: Article) -> list[SpeechRow]:
    """Every statement in text order, then every quotation no statement carries."""
    rows = [_statement_row(s) for s in article.statements]
    carried = {q.id for s in article.statements for q in s.quotes}
    rows.extend(_quote_row(q) for q in article.quotes if q.id not in carried)
    return rows


def _speaker(person: Person | None, source: str | None) -> str:
    if person is None:
        return source or "?"
    if source and source != person.name:
        return f"{person.name} ({source})"
    return person.name


def _statement_row(statement: Statement) -> SpeechRow:
    return SpeechRow(
        speaker=_speaker(statement.speaker, statement.source),
        cue=statement.cue or "",
        said=statement.content,
        kind=statement.kind,
    )


def _quote_row(quote: Quote) -> SpeechRow:
    return SpeechRow(speaker=_speaker(quote.speaker, None), cue="", said=quote.text, kind="quote")


def format_table(rows: Sequence[SpeechRow], *, width: int = 100) -> str:
    """*rows* as a plain-text table at most *width* characters wide.

    The speaker and cue columns are cut at 24 characters; what was said wraps.
    """
    if not rows:
        return "(no statements found)"
    cells = [(r.speaker, r.cue, r.said, r.kind) for r in rows]
    narrow = [
        min(_NARROW_COLUMN, max(len(HEADERS[i]), *(len(c[i]) for c in cells))) for i in (0, 1, 3)
    ]
    speaker_w, cue_w, kind_w = narrow
    room = max(_MIN_TEXT_COLUMN, width - speaker_w - cue_w - kind_w - 6)
    said_w = min(room, max(len(HEADERS[2]), *(len(c[2]) for c in cells)))
    widths = (speaker_w, cue_w, said_w, kind_w)
    lines = [_line(HEADERS, widths), _line(tuple("-" * w for w in widths), widths)]
    for speaker, cue, said, kind in cells:
        wrapped = textwrap.wrap(said, said_w) or [""]
        lines.append(_line((_cut(speaker, speaker_w), _cut(cue, cue_w), wrapped[0], kind), widths))
        lines.extend(_line(("", "", more, ""), widths) for more in wrapped[1:])
    return "\n".join(lines)


def _cut(value: str, size: int) -> str:
    return value if len(value) <= size else value[: size - 1] + "…"


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
