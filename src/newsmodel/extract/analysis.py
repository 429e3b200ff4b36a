"""The who-said-what analysis as one step: an Article in, the same Article with
persons, organizations, places, statements and quotes filled in out.

People come first and are final: speech finding then resolves each speaker it
meets to one of them through :func:`~newsmodel.extract.coref.make_resolver`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, NamedTuple

import attrs

from newsmodel.extract.coref import (
    SpeakerResolver,
    add_role_mentions,
    make_resolver,
)
from newsmodel.extract.entities import find_organizations, find_places
from newsmodel.extract.lexicon import lexicon
from newsmodel.extract.people import find_people, freeze_people
from newsmodel.extract.speech import find_speech
from newsmodel.extract.tokens import find_runs
from newsmodel.model import (
    PARAGRAPH_SEPARATOR,
    Article,
    Organization,
    Person,
    Place,
    Quote,
    Statement,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from newsmodel.options import ParseOptions

__all__ = ["NOTHING_FOUND", "Analysis", "analysis_of", "analyze", "analyze_text"]


class Analysis(NamedTuple):
    """What the analysis finds in a text: the analysis fields of an :class:`Article`."""

    persons: tuple[Person, ...]
    organizations: tuple[Organization, ...]
    places: tuple[Place, ...]
    statements: tuple[Statement, ...]
    quotes: tuple[Quote, ...]


NOTHING_FOUND: Final = Analysis((), (), (), (), ())
"""The analysis fields of an Article that was not analysed."""


def analyze(article: Article, *, options: ParseOptions) -> Article:
    """Find people, organisations, places, quotations and statements in *article*.

    The result is a new Article (``attrs.evolve``); the input is not changed.
    """
    found = analyze_text(
        article.text, headline=article.headline, dateline=article.dateline, options=options
    )
    return attrs.evolve(article, **found._asdict())


def analyze_text(
    text: str, *, headline: str | None, dateline: str | None, options: ParseOptions
) -> Analysis:
    """The analysis of an article's *text* (its paragraphs joined by a blank line), before
    the Article exists: parsers build the Article once, with these fields.

    *headline* gives role phrases ("Libyan PM") as aliases; *dateline* names a place.
    """
    lex = lexicon()
    runs = find_runs(text, lex)
    drafts = find_people(text, runs, lex)
    add_role_mentions(text, headline, drafts, lex)
    persons, genders = freeze_people(drafts)
    taken = sorted((m.start, m.end) for p in persons for m in p.mentions)
    organizations = find_organizations(text, runs, lex, taken=taken)
    taken = sorted([*taken, *((m.start, m.end) for o in organizations for m in o.mentions)])
    places = find_places(text, runs, lex, dateline=dateline, taken=taken)
    resolve: SpeakerResolver = make_resolver(text, persons, genders, lex)
    statements, quotes = find_speech(text, resolve=resolve, language=options.language)
    return Analysis(persons, organizations, places, statements, quotes)


def analysis_of(
    paragraphs: Sequence[str],
    *,
    headline: str | None,
    dateline: str | None,
    options: ParseOptions,
) -> Analysis:
    """What a parser puts in the Article it is about to build from *paragraphs*: the
    analysis of their text, or :data:`NOTHING_FOUND` when ``options.analyze`` is off.

    Parsers build the Article once (its invariants checked once), with these fields.
    """
    if not options.analyze:
        return NOTHING_FOUND
    return analyze_text(
        PARAGRAPH_SEPARATOR.join(paragraphs), headline=headline, dateline=dateline, options=options
    )
