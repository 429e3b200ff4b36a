"""Hostile inputs: where the real documents are, and how to break them.

Seeds are real documents read from ``../shared`` (news pages, IPTC's NewsML-G2
examples and unit-test instances, ninjs examples) plus a few small documents
written here, so every property still has something to mutate when ``../shared``
is absent. Mutations are the ones a fuzzer applies: byte flips, truncation,
splices of two documents, inserted tags, marks and control characters, deleted
and repeated ranges.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import json
import os
from pathlib import Path
from typing import Final

import pytest
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
    "HOSTILE_CHARS",
    "INSERTS",
    "corpus_pages",
    "find_shared",
    "html_seeds",
    "mutated_bytes",
    "mutated_text",
    "newsml_seeds",
    "ninjs_seeds",
    "require_shared",
    "seed_articles",
    "text_seeds",
]

ROOT: Final = Path(__file__).resolve().parents[2]
"""The repository root (tests/hostile/_inputs.py -> tests/hostile -> tests -> root)."""

_PAGE_WINDOW: Final = 24_000
"""Seed pages are cut to this many bytes around their middle, to keep examples fast."""


def find_shared() -> Path | None:
    """``../shared``: $NEWSMODEL_SHARED, else beside the checkout, else beside its parent.

    A clone in CI has ``shared/`` beside it (``ROOT.parent``); a git worktree in
    ``<base>/wt/<name>`` has it two levels up (``ROOT.parent.parent``).
    """
    env = os.environ.get("NEWSMODEL_SHARED")
    candidates = [Path(env)] if env else [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    return next((path for path in candidates if (path / "corpora").is_dir()), None)


def require_shared(*parts: str) -> Path:
    """A path inside ``../shared``, or skip the test saying why."""
    shared = find_shared()
    if shared is None:
        pytest.skip(
            "../shared is absent (set NEWSMODEL_SHARED or put shared/ beside the checkout): "
            "the hostile tests on real documents need its corpora and standards"
        )
    path = shared.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent from ../shared")
    return path


def corpus_pages(corpus: str, limit: int) -> list[bytes]:
    """Up to *limit* whole pages of ``corpora/<corpus>/pages`` (sorted by name), raw bytes."""
    shared = find_shared()
    if shared is None:
        return []
    files = sorted((shared / "corpora" / corpus / "pages").glob("*.html.gz"))[:limit]
    return [gzip.decompress(path.read_bytes()) for path in files]


def _window(data: bytes, size: int = _PAGE_WINDOW) -> bytes:
    """The head of a page (its metadata) plus a slice of its middle (its body)."""
    if len(data) <= size:
        return data
    head = size // 3
    middle = len(data) // 2
    return data[:head] + data[middle : middle + size - head]


_OWN_HTML: Final = (
    (
        b"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>A title | Site</title>"
        b'<meta property="og:title" content="Ministers meet">'
        b'<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ministers meet",'
        b'"datePublished":"2016-12-28T10:00:00+01:00","author":{"name":"Jane Roe"}}</script>'
        b"</head><body><article><h1>Ministers meet</h1><p class='byline'>By Jane Roe</p>"
        b"<p>\xe2\x80\x9cWe will talk,\xe2\x80\x9d said Fayez Al-Sarraj, the prime minister.</p>"
        b"<p>The Russian ambassador said the talks were useful.</p></article></body></html>"
    ),
    b"<html><body><div><p>One<p>Two<div><p>Three</div></body>",
)


@functools.cache
def html_seeds() -> tuple[bytes, ...]:
    """Pages to mutate: windows of real aeb-dev and meta-dev pages, and two of our own."""
    pages = [*corpus_pages("aeb-dev", 12), *corpus_pages("meta-dev", 12)]
    return (*_OWN_HTML, *(_window(page) for page in pages))


_OWN_TEXT: Final = (
    (
        "Ministers meet in Tripoli\n\nBy Jane Roe\n\n"
        "“We will talk,” said Fayez Al-Sarraj, the prime minister. "
        "The Russian ambassador said the talks were “useful” and “open”.\n\n"
        "He added: «Nous verrons.» „Das ist gut“, sagte sie."
    ),
)


@functools.cache
def text_seeds() -> tuple[str, ...]:
    """Texts to mutate: the seed article, some BBC articles, and one of our own."""
    shared = find_shared()
    if shared is None:
        return _OWN_TEXT
    files = [shared / "seed" / "libya-russia-2016.txt"]
    for section in ("politics", "business"):
        files.extend(sorted((shared / "corpora" / "bbc" / section).glob("*.txt"))[:6])
    texts = [path.read_bytes().decode("utf-8", "replace") for path in files if path.is_file()]
    return (*_OWN_TEXT, *texts)


_OWN_NEWSML: Final = (
    (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="1" '
        b'standard="NewsML-G2" standardversion="2.35" conformance="power" xml:lang="en">'
        b'<itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:x"/>'
        b"<versionCreated>2016-12-28T10:00:00+01:00</versionCreated></itemMeta>"
        b"<contentMeta><headline>Ministers meet</headline></contentMeta>"
        b'<contentSet><inlineXML contenttype="application/nitf+xml">'
        b'<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content>'
        b"<p>\xe2\x80\x9cWe will talk,\xe2\x80\x9d <q>said</q> <person>Fayez Al-Sarraj</person>.</p>"
        b"</body.content></body></nitf></inlineXML></contentSet></newsItem>"
    ),
)


@functools.cache
def newsml_seeds() -> tuple[bytes, ...]:
    """NewsML-G2 documents to mutate: IPTC's examples, skeletons and unit tests, and one of ours."""
    shared = find_shared()
    if shared is None:
        return _OWN_NEWSML
    base = shared / "standards" / "newsml-g2"
    files = sorted(
        [
            *base.glob("examples/*.xml"),
            *base.glob("examples/fragments/*.xml"),
            *base.glob("skeletons/*.xml"),
            *base.glob("unit_tests/*/*.xml"),
        ]
    )
    return (*_OWN_NEWSML, *(path.read_bytes() for path in files))


_OWN_NINJS: Final = (
    (
        b'{"uri":"urn:x:1","type":"text","language":"en","versionCreated":"2016-12-28T10:00:00+01:00",'
        b'"headlines":[{"role":"main","value":"Ministers meet"}],'
        b'"bodies":[{"role":"main","contentType":"text/plain","value":"One.\\n\\nTwo."}],'
        b'"people":[{"name":"Fayez Al-Sarraj","rel":"mentioned"}]}'
    ),
)


@functools.cache
def ninjs_seeds() -> tuple[bytes, ...]:
    """ninjs documents to mutate: IPTC's 3.x examples and one of ours."""
    shared = find_shared()
    if shared is None:
        return _OWN_NINJS
    files = sorted((shared / "standards" / "ninjs" / "examples").glob("*.json"))
    return (*_OWN_NINJS, *(path.read_bytes() for path in files))


def json_seed(document: bytes) -> object:
    """*document* read as JSON (for structure-aware mutations of ninjs)."""
    return json.loads(document)


HOSTILE_CHARS: Final = (
    "\x00",
    "\x01",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x7f",
    "\x85",
    "\x9c",
    "\ud800",
    "\udfff",
    "\ufeff",
    "\ufffe",
    "\uffff",
    "\u2028",
    "\u2029",
    "\u200b",
    "\u202e",
    "\U0010ffff",
    "\U0001f600",
    "\r",
    "\r\n",
    "\t",
)
"""Characters that break naive code: controls, lone surrogates, BOM, non-characters, separators."""

INSERTS: Final = (
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<br>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<?xml version='1.0' encoding='utf-16'?>",
    '<meta charset="utf-16">',
    '<meta charset="x-bogus">',
    '<meta charset="shift_jis">',
    "<!DOCTYPE x [<!ENTITY a 'aaaa'>]>",
    '<!DOCTYPE x SYSTEM "file:///etc/passwd">',
    "&a;",
    "&amp;",
    "&#0;",
    "&#xD800;",
    "&#x110000;",
    "&nbsp;",
    "<q>",
    "</q>",
    "<person>",
    "<h1>",
    "<title>",
    '<script type="application/ld+json">{"@type":"NewsArticle","headline":',
    '{"author":[[[[',
    "“",
    "”",
    "„",
    "«",
    "»",
    "‘",
    "’",
    '"',
    "'",
    "\n\n",
    " said ",
    " Mr ",
    "By ",
    "\ufeff",
    "\x00",
    "\ud800",
)
"""Fragments a mutation inserts: tags, declarations, entities, quotation marks, controls."""

_INSERT_TEXT = st.one_of(
    st.sampled_from(INSERTS), st.sampled_from(HOSTILE_CHARS), st.text(max_size=8)
)


@st.composite
def _bytes_mutation(draw: st.DrawFn, data: bytes, seeds: tuple[bytes, ...]) -> bytes:
    """One mutation of *data*."""
    size = len(data)
    at = draw(st.integers(min_value=0, max_value=size))
    kind = draw(
        st.sampled_from(("flip", "truncate", "splice", "insert", "delete", "repeat", "bytes"))
    )
    if kind == "flip" and size:
        where = min(at, size - 1)
        bit = draw(st.integers(min_value=1, max_value=255))
        return data[:where] + bytes([data[where] ^ bit]) + data[where + 1 :]
    if kind == "truncate":
        return data[:at]
    if kind == "splice":
        other = draw(st.sampled_from(seeds))
        start = draw(st.integers(min_value=0, max_value=len(other)))
        end = draw(st.integers(min_value=start, max_value=min(len(other), start + 4000)))
        return data[:at] + other[start:end] + data[at:]
    if kind == "insert":
        piece = draw(_INSERT_TEXT).encode("utf-8", "surrogatepass")
        return data[:at] + piece + data[at:]
    if kind == "delete":
        end = draw(st.integers(min_value=at, max_value=min(size, at + 2000)))
        return data[:at] + data[end:]
    if kind == "repeat":
        end = draw(st.integers(min_value=at, max_value=min(size, at + 200)))
        times = draw(st.integers(min_value=2, max_value=50))
        return data[:at] + data[at:end] * times + data[end:]
    return data[:at] + draw(st.binary(min_size=1, max_size=16)) + data[at:]


@st.composite
def mutated_bytes(draw: st.DrawFn, seeds: tuple[bytes, ...], max_mutations: int = 4) -> bytes:
    """A seed document with 1 to *max_mutations* mutations applied."""
    data = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(min_value=1, max_value=max_mutations))):
        data = draw(_bytes_mutation(data, seeds))
    return data


@st.composite
def mutated_text(draw: st.DrawFn, seeds: tuple[str, ...], max_mutations: int = 4) -> str:
    """A seed text with 1 to *max_mutations* insertions, deletions, splices or truncations."""
    text = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(min_value=1, max_value=max_mutations))):
        at = draw(st.integers(min_value=0, max_value=len(text)))
        kind = draw(st.sampled_from(("insert", "insert", "truncate", "delete", "splice")))
        if kind == "insert":
            text = text[:at] + draw(_INSERT_TEXT) + text[at:]
        elif kind == "truncate":
            text = text[:at]
        elif kind == "delete":
            end = draw(st.integers(min_value=at, max_value=min(len(text), at + 500)))
            text = text[:at] + text[end:]
        else:
            other = draw(st.sampled_from(seeds))
            start = draw(st.integers(min_value=0, max_value=len(other)))
            text = text[:at] + other[start : start + 1000] + text[at:]
    return text


def _rich_article() -> Article:
    """An article with every field and every kind of cross-reference filled in."""
    text = "“We will talk,” said Fayez Al-Sarraj.\n\nThe Russian ambassador said the talks were useful."
    paragraphs = tuple(text.split("\n\n"))
    sarraj = Person(
        id="p1",
        name="Fayez Al-Sarraj",
        aliases=("Al-Sarraj",),
        titles=("prime minister",),
        mentions=(Span(start=21, end=36),),
        affiliation="Government of National Accord",
    )
    quote = Quote(id="q1", text="We will talk,", spans=(Span(start=1, end=14),), speaker=sarraj)
    return Article(
        id="nm-0123456789abcdef0123",
        url="https://example.com/news/talks",
        headline="Ministers meet",
        subheadline="Talks in Tripoli",
        description="The two sides met.",
        authors=(Person(id="a1", name="Jane Roe"),),
        publisher="Example News",
        section="World",
        keywords=("Libya", "Russia"),
        language="en",
        published=dt.datetime(2016, 12, 28, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        published_raw="28 December 2016, 10:00 CET",
        modified=dt.datetime(2016, 12, 28, 12, 30),
        modified_raw="2016-12-28 12:30",
        dateline="TRIPOLI",
        image_url="https://example.com/a.jpg",
        image_caption="The talks",
        paragraphs=paragraphs,
        persons=(sarraj,),
        organizations=(Organization(id="o1", name="Government of National Accord"),),
        places=(Place(id="l1", name="Tripoli", aliases=("Tarabulus",)),),
        quotes=(quote,),
        statements=(
            Statement(
                id="s1",
                content="We will talk,",
                kind="direct",
                content_spans=(Span(start=1, end=14),),
                speaker=sarraj,
                source="Fayez Al-Sarraj",
                source_span=Span(start=21, end=36),
                cue="said",
                cue_span=Span(start=16, end=20),
                quotes=(quote,),
            ),
            Statement(
                id="s2",
                content="the talks were useful",
                kind="indirect",
                source="The Russian ambassador",
                cue="said",
            ),
        ),
        warnings=(ParseWarning(code="no-byline", message="no byline"),),
        sources=(FieldSource(field="headline", source="json-ld"),),
    )


@functools.cache
def seed_articles() -> tuple[Article, ...]:
    """A few fixed articles (cheap to draw from, unlike a full Article strategy)."""
    rich = _rich_article()
    return (rich, Article(id="x", paragraphs=("One.",)), Article(id="y"))
