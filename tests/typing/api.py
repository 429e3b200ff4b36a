"""The public API as a user writes it; checked by mypy --strict in CI, never run."""

from __future__ import annotations

import datetime as dt

import newsmodel
from newsmodel import Article, ParseError, ParseOptions, Person, Statement

article: Article = newsmodel.parse_text("Headline\n\nBody.", options=ParseOptions(analyze=False))
page: Article = newsmodel.parse_html(
    b"<html><title>T</title><p>x</p></html>", url="https://example.com/a"
)
published: dt.datetime | None = article.published
names: list[str] = [p.name for p in article.persons]
said: list[tuple[str | None, str | None, str]] = [
    (s.speaker.name if s.speaker else None, s.cue, s.content) for s in article.statements
]
first: Statement | None = article.statements[0] if article.statements else None
speaker: Person | None = first.speaker if first else None
text: str = newsmodel.to_json(article, indent=2)
back: Article = newsmodel.from_json(text)
xml: bytes = newsmodel.to_newsml(article)
item: Article = newsmodel.from_newsml(xml)
doc: dict[str, object] = newsmodel.to_ninjs(article)
try:
    newsmodel.parse_text("   ")
except ParseError as err:
    reason: str = err.msg
