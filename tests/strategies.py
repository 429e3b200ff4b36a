"""Hypothesis strategies: one per model class, each varying every field.

Text is any Unicode a real article can carry: no surrogates, no control
characters (XML 1.0 forbids most, and a paragraph is a line of prose), no
noncharacters. Datetimes are naive and aware, second precision, with offsets
in whole minutes. Spans and speakers are consistent with the article they are
drawn for, so every generated Article passes its own invariants.
"""

from __future__ import annotations

import datetime as dt
import string

from hypothesis import strategies as st

from newsmodel import (
    Article,
    FieldSource,
    Organization,
    ParseWarning,
    Person,
    Place,
    Quote,
    Span,
    Statement,
)

__all__ = [
    "aware_datetimes",
    "datetimes",
    "naive_datetimes",
    "names",
    "spans",
    "texts",
]

_ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Cn", "Zl", "Zp"))

_WORDS = (
    "Libya",
    "Al-Sarraj",
    "said",
    "“global equilibrium”",
    "l’économie",
    "Straße",
    "naïve",
    "—",
    "«oui»",
    "„Ja“",
    "O'Neill",
    "5.2%",
    "&",
    "<b>",
    "]]>",
    "Молотков",
    "李",
    "🙂",
    "e\u0301",
    "\u00a0",
    "x" * 40,
)
_phrases = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8).map(" ".join)
_unicode = st.text(_ALPHABET, min_size=1, max_size=60).map(str.strip).filter(bool)
texts = st.one_of(_phrases, _unicode).map(str.strip).filter(bool)
"""Stripped, non-empty, printable Unicode: news-like phrases (cheap) or any characters."""

optional_texts = st.none() | texts

names = st.one_of(
    texts,
    st.builds(
        lambda first, last: f"{first} {last}",
        st.sampled_from(["Fayez", "Jane", "Zoë", "Björn", "José", "Nguyễn", "李"]),
        st.sampled_from(["Al-Sarraj", "Roe", "O'Neill", "van der Leyen", "Молотков"]),
    ),
)

naive_datetimes = st.datetimes(
    min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1)
).map(lambda d: d.replace(microsecond=0))

_offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)
aware_datetimes = st.builds(lambda d, tz: d.replace(tzinfo=tz), naive_datetimes, _offsets)
datetimes = st.none() | naive_datetimes | aware_datetimes

_suffixes = st.text(string.ascii_lowercase + string.digits + "-_.", max_size=6)


def _ids(prefix: str, count: int) -> st.SearchStrategy[list[str]]:
    """*count* unique ids that are XML NCNames (as NITF and NewsML ids must be)."""
    return st.lists(_suffixes, min_size=count, max_size=count).map(
        lambda tails: [
            f"{prefix}{i + 1}{'x' + tail if tail else ''}" for i, tail in enumerate(tails)
        ]
    )


def spans(size: int) -> st.SearchStrategy[Span]:
    """A span inside a text of *size* characters."""
    return st.tuples(
        st.integers(min_value=0, max_value=size), st.integers(min_value=0, max_value=size)
    ).map(lambda pair: Span(start=min(pair), end=max(pair)))


def _span_tuples(size: int, max_size: int = 4) -> st.SearchStrategy[tuple[Span, ...]]:
    return st.lists(spans(size), max_size=max_size).map(tuple)


_string_tuples = st.lists(texts, max_size=4).map(tuple)


@st.composite
def persons(draw: st.DrawFn, *, person_id: str = "p1", size: int = 0) -> Person:
    """A Person whose mentions fit a text of *size* characters."""
    return Person(
        id=person_id,
        name=draw(names),
        aliases=draw(_string_tuples),
        titles=draw(_string_tuples),
        mentions=draw(_span_tuples(size)),
        affiliation=draw(optional_texts),
    )


@st.composite
def organizations(draw: st.DrawFn, *, org_id: str = "o1", size: int = 0) -> Organization:
    """An Organization whose mentions fit a text of *size* characters."""
    return Organization(
        id=org_id, name=draw(texts), aliases=draw(_string_tuples), mentions=draw(_span_tuples(size))
    )


@st.composite
def places(draw: st.DrawFn, *, place_id: str = "l1", size: int = 0) -> Place:
    """A Place whose mentions fit a text of *size* characters."""
    return Place(
        id=place_id,
        name=draw(texts),
        aliases=draw(_string_tuples),
        mentions=draw(_span_tuples(size)),
    )


@st.composite
def quotes(
    draw: st.DrawFn, *, quote_id: str = "q1", size: int = 0, speakers: tuple[Person, ...] = ()
) -> Quote:
    """A Quote whose spans fit *size* and whose speaker is one of *speakers* (or None)."""
    return Quote(
        id=quote_id,
        text=draw(st.text(_ALPHABET, max_size=80)),
        spans=draw(_span_tuples(size, 3)),
        speaker=draw(st.none() | st.sampled_from(speakers)) if speakers else None,
    )


@st.composite
def statements(
    draw: st.DrawFn,
    *,
    statement_id: str = "s1",
    size: int = 0,
    speakers: tuple[Person, ...] = (),
    own_quotes: tuple[Quote, ...] = (),
) -> Statement:
    """A Statement consistent with the given persons and quotes."""
    optional_span = st.none() | spans(size)
    return Statement(
        id=statement_id,
        content=draw(st.text(_ALPHABET, max_size=120)),
        kind=draw(st.sampled_from(["direct", "indirect", "mixed"])),
        content_spans=draw(_span_tuples(size, 3)),
        speaker=draw(st.none() | st.sampled_from(speakers)) if speakers else None,
        source=draw(optional_texts),
        source_span=draw(optional_span),
        cue=draw(optional_texts),
        cue_span=draw(optional_span),
        quotes=tuple(draw(st.lists(st.sampled_from(own_quotes), unique=True, max_size=3)))
        if own_quotes
        else (),
    )


parse_warnings = st.builds(
    ParseWarning,
    code=st.sampled_from(["date-unparsed", "charset-replaced", "quote-unbalanced"]) | texts,
    message=st.text(_ALPHABET, max_size=60),
)
field_sources = st.builds(
    FieldSource,
    field=st.sampled_from(["headline", "authors", "published", "language"]),
    source=st.sampled_from(["json-ld", "og", "meta", "h1", "byline", "text"]),
)

_urls = st.none() | st.builds(
    "https://example.com/{}/{}".format,
    st.sampled_from(["news", "world", "politik"]),
    st.text(string.ascii_lowercase + string.digits + "-", min_size=1, max_size=20),
)
_languages = st.none() | st.sampled_from(["en", "de", "fr", "en-GB", "pt-BR", "zh-Hant"])


@st.composite
def articles(draw: st.DrawFn, *, max_items: int = 4) -> Article:
    """An Article with every field varied and every cross-reference consistent."""
    paragraphs = tuple(
        draw(st.lists(st.text(_ALPHABET, max_size=200).map(str.strip).filter(bool), max_size=6))
    )
    size = len("\n\n".join(paragraphs))
    counts = st.integers(min_value=0, max_value=max_items)
    person_ids = draw(_ids("p", draw(counts)))
    people = tuple(draw(persons(person_id=i, size=size)) for i in person_ids)
    author_ids = draw(_ids("a", draw(st.integers(min_value=0, max_value=3))))
    authors = tuple(draw(persons(person_id=i, size=0)) for i in author_ids)
    orgs = tuple(draw(organizations(org_id=i, size=size)) for i in draw(_ids("o", draw(counts))))
    where = tuple(draw(places(place_id=i, size=size)) for i in draw(_ids("l", draw(counts))))
    said = tuple(
        draw(quotes(quote_id=i, size=size, speakers=people)) for i in draw(_ids("q", draw(counts)))
    )
    told = tuple(
        draw(statements(statement_id=i, size=size, speakers=people, own_quotes=said))
        for i in draw(_ids("s", draw(counts)))
    )
    return Article(
        id=draw(
            st.sampled_from(["nm-0123456789abcdef0123", "urn:newsmodel:x"])
            | _suffixes.map(lambda s: "art-" + s)
        ),
        url=draw(_urls),
        headline=draw(optional_texts),
        subheadline=draw(optional_texts),
        description=draw(optional_texts),
        authors=authors,
        publisher=draw(optional_texts),
        section=draw(optional_texts),
        keywords=draw(_string_tuples),
        language=draw(_languages),
        published=draw(datetimes),
        published_raw=draw(optional_texts),
        modified=draw(datetimes),
        modified_raw=draw(optional_texts),
        dateline=draw(optional_texts),
        image_url=draw(_urls),
        image_caption=draw(optional_texts),
        paragraphs=paragraphs,
        persons=people,
        organizations=orgs,
        places=where,
        statements=told,
        quotes=said,
        warnings=tuple(draw(st.lists(parse_warnings, max_size=3))),
        sources=tuple(draw(st.lists(field_sources, max_size=3))),
    )
