"""The typed article model: frozen attrs classes and nothing else.

No parsing happens here. Parsers in :mod:`newsmodel.parse` build these values,
serializers in :mod:`newsmodel.serialize` write and read them. Every span is a
pair of character offsets into :attr:`Article.text`, the paragraphs joined by a
blank line.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final, Literal, TypeAlias

import attrs

__all__ = [
    "PARAGRAPH_SEPARATOR",
    "Article",
    "FieldSource",
    "Organization",
    "ParseWarning",
    "Person",
    "Place",
    "Quote",
    "Span",
    "Statement",
    "StatementKind",
]

PARAGRAPH_SEPARATOR: Final = "\n\n"
"""What :attr:`Article.text` puts between two paragraphs."""

StatementKind: TypeAlias = Literal["direct", "indirect", "mixed"]
"""How a statement reports speech: quoted, paraphrased, or a paraphrase with quotations."""

STATEMENT_KINDS: Final = frozenset({"direct", "indirect", "mixed"})


def _non_empty(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip():
        msg = f"{attribute.name} must not be empty"
        raise ValueError(msg)


@attrs.frozen(kw_only=True, order=True)
class Span:
    """Character offsets ``[start, end)`` into :attr:`Article.text`; ``0 <= start <= end``."""

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        # One check, not a validator per field: the analysis builds tens of spans per article.
        if not 0 <= self.start <= self.end:
            msg = f"span {self.start}-{self.end} must have 0 <= start <= end"
            raise ValueError(msg)

    def slice(self, text: str) -> str:
        """The part of *text* this span covers."""
        return text[self.start : self.end]


@attrs.frozen(kw_only=True)
class Person:
    """A person the article mentions or who wrote it.

    ``name`` is the fullest form the text gives; ``aliases`` are every other form
    the text uses for the same person (surname alone, "The prime minister", a
    pronoun-free role phrase); ``titles`` are roles and descriptions as written.
    """

    id: str = attrs.field(validator=_non_empty)
    name: str = attrs.field(validator=_non_empty)
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    affiliation: str | None = None


@attrs.frozen(kw_only=True)
class Organization:
    """An organisation the article mentions."""

    id: str = attrs.field(validator=_non_empty)
    name: str = attrs.field(validator=_non_empty)
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()


@attrs.frozen(kw_only=True)
class Place:
    """A place the article mentions (a country, a city, the place of a dateline)."""

    id: str = attrs.field(validator=_non_empty)
    name: str = attrs.field(validator=_non_empty)
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()


@attrs.frozen(kw_only=True)
class Quote:
    """A quotation: the words between quotation marks, without the marks.

    A quotation split by "he said" or running over paragraphs has several spans;
    ``text`` is their parts joined by a single space.
    """

    id: str = attrs.field(validator=_non_empty)
    text: str
    spans: tuple[Span, ...] = ()
    speaker: Person | None = None


def _kind(_inst: object, _attribute: attrs.Attribute[str], value: str) -> None:
    if value not in STATEMENT_KINDS:
        msg = f"kind must be one of {sorted(STATEMENT_KINDS)}, got {value!r}"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Statement:
    """Reported speech, direct or not: who said what, with which cue.

    ``source`` is the speaker as this statement writes it ("The Russian
    ambassador", "he"); ``speaker`` is the :class:`Person` it resolves to, or
    None when it names no person of the article.
    """

    id: str = attrs.field(validator=_non_empty)
    content: str
    kind: StatementKind = attrs.field(validator=_kind)
    content_spans: tuple[Span, ...] = ()
    speaker: Person | None = None
    source: str | None = None
    source_span: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None
    quotes: tuple[Quote, ...] = ()


@attrs.frozen(kw_only=True)
class ParseWarning:
    """A recoverable problem met while parsing: the result is still usable."""

    code: str = attrs.field(validator=_non_empty)
    message: str


@attrs.frozen(kw_only=True)
class FieldSource:
    """Where a metadata field's value came from, e.g. ``("headline", "json-ld")``."""

    field: str
    source: str


def _no_empty_paragraphs(
    _inst: object, _attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    for i, paragraph in enumerate(value):
        if not paragraph or paragraph != paragraph.strip():
            msg = f"paragraph {i} is empty or not stripped: {paragraph[:40]!r}"
            raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Article:
    """A news article: its metadata, its body, and what the analysis found in it.

    ``text`` is ``"\\n\\n".join(paragraphs)``; every span of every person,
    quotation and statement points into it. Datetimes keep what the source said:
    aware when it gave a zone, naive when it gave none.
    """

    id: str = attrs.field(validator=_non_empty)
    url: str | None = None
    headline: str | None = None
    subheadline: str | None = None
    description: str | None = None
    authors: tuple[Person, ...] = ()
    publisher: str | None = None
    section: str | None = None
    keywords: tuple[str, ...] = ()
    language: str | None = None
    published: dt.datetime | None = None
    published_raw: str | None = None
    modified: dt.datetime | None = None
    modified_raw: str | None = None
    dateline: str | None = None
    image_url: str | None = None
    image_caption: str | None = None
    paragraphs: tuple[str, ...] = attrs.field(default=(), validator=_no_empty_paragraphs)
    persons: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    places: tuple[Place, ...] = ()
    statements: tuple[Statement, ...] = ()
    quotes: tuple[Quote, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()
    sources: tuple[FieldSource, ...] = ()
    text: str = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "text", PARAGRAPH_SEPARATOR.join(self.paragraphs))
        _check_invariants(self)

    def source_of(self, field: str) -> str | None:
        """Which source gave *field* (``"json-ld"``, ``"og"``, ``"byline"``...), if recorded."""
        for entry in self.sources:
            if entry.field == field:
                return entry.source
        return None


def _check_invariants(article: Article) -> None:
    """Spans inside ``text``, ids unique, every speaker one of ``persons``.

    Runs on every Article built, so it avoids hashing nested values: identity is
    checked first, equality only for the rare copy that is not the same object.
    """
    size = len(article.text)
    seen: dict[str, object] = {}

    def check(item_id: str, item: object, parts: Iterable[Span | None], what: str) -> None:
        other = seen.setdefault(item_id, item)
        if other is not item and other != item:
            msg = f"id {item_id!r} is used by two different items"
            raise ValueError(msg)
        for span in parts:
            if span is not None and span.end > size:
                msg = f"{what}: span {span.start}-{span.end} runs past the end of the text ({size})"
                raise ValueError(msg)

    identities = {id(x) for x in (*article.persons, *article.quotes)}

    def member(item: Person | Quote, pool: tuple[Person, ...] | tuple[Quote, ...]) -> bool:
        return id(item) in identities or item in pool

    entities: tuple[Person | Organization | Place, ...] = (
        *article.persons,
        *article.organizations,
        *article.places,
    )
    for entity in entities:
        check(entity.id, entity, entity.mentions, f"mention of {entity.id}")
    for author in article.authors:
        check(author.id, author, (), "author")
    for quote in article.quotes:
        check(quote.id, quote, quote.spans, f"quote {quote.id}")
        if quote.speaker is not None and not member(quote.speaker, article.persons):
            msg = f"quote {quote.id}: speaker {quote.speaker.id!r} is not one of the persons"
            raise ValueError(msg)
    for statement in article.statements:
        parts = (*statement.content_spans, statement.source_span, statement.cue_span)
        check(statement.id, statement, parts, f"statement {statement.id}")
        if statement.speaker is not None and not member(statement.speaker, article.persons):
            msg = f"statement {statement.id}: speaker {statement.speaker.id!r} is not one of the persons"
            raise ValueError(msg)
        for quote in statement.quotes:
            if not member(quote, article.quotes):
                msg = f"statement {statement.id}: quote {quote.id!r} is not one of the quotes"
                raise ValueError(msg)
