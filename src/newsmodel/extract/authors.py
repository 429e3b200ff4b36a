"""Author names as pages write them, cleaned into people's names.

A byline or ``<meta name="author">`` value may hold several people ("A and B",
"A, B", "A und B"), a prefix ("By", "Von:", "Par"), a job title ("Senior
Reporter"), an agency ("dpa", "Reuters"), an e-mail, a URL or a date. What is
returned are the people only, deduplicated case-insensitively; when nothing
looks like a name the answer is empty rather than a guess.

>>> split_authors("By Jane Doe and JOHN SMITH, Staff Writer")
('Jane Doe', 'JOHN SMITH')
>>> split_authors("Von Anna Müller und Ben Ölz (dpa)")
('Anna Müller', 'Ben Ölz')
>>> split_authors("Reuters")
()
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

__all__ = ["AGENCIES", "is_agency", "split_authors"]

AGENCIES: Final = frozenset(
    {
        "afp",
        "agence france-presse",
        "ansa",
        "ap",
        "apa",
        "associated press",
        "the associated press",
        "dpa",
        "epd",
        "kna",
        "kathpress",
        "sda",
        "efe",
        "reuters",
        "thomson reuters",
        "xinhua",
        "ddp",
        "dapd",
        "sid",
        "upi",
        "bloomberg",
        "pa",
        "press association",
        "ats",
        "keystone-sda",
        "europa press",
        "ani",
        "pti",
        "ians",
        "tass",
        "ria novosti",
        "kyodo",
        "yonhap",
        "aap",
        "cnn wire",
        "ots",
        "afp/dpa",
        "dpa/afp",
    }
)
"""News agencies written where a byline expects a person (lower case)."""

_ROLE_WORDS: Final = frozenset(
    {
        "staff",
        "writer",
        "writers",
        "reporter",
        "reporters",
        "correspondent",
        "correspondents",
        "editor",
        "editors",
        "editorial",
        "contributor",
        "contributing",
        "columnist",
        "senior",
        "chief",
        "political",
        "photographer",
        "photos",
        "photo",
        "redaktion",
        "redakteur",
        "redakteurin",
        "korrespondent",
        "korrespondentin",
        "autor",
        "autorin",
        "gastautor",
        "gastautorin",
        "rédaction",
        "redacción",
        "redazione",
        "team",
        "desk",
        "newsroom",
        "admin",
        "administrator",
        "webmaster",
        "guest",
        "author",
        "authors",
        "updated",
        "published",
        "posted",
        "gmt",
        "utc",
        "cet",
        "cest",
        "est",
        "edt",
        "pst",
        "pdt",
        "hours",
        "hour",
        "minutes",
        "ago",
        "stunden",
        "minuten",
        "follow",
        "email",
        "e-mail",
        "twitter",
        "facebook",
        "share",
        "comments",
        "comment",
        "kommentare",
        "news",
        "online",
        "press",
        "media",
        "anonymous",
        "unknown",
        "foto",
        "fotos",
        "bild",
        "bilder",
        "quelle",
        "source",
        "sources",
        "agency",
        "agencies",
        "agenturen",
        "posts",
        "profile",
        "articles",
        "artikel",
        "mehr",
    }
)
"""Words that never belong to a person's name in a byline (lower case)."""

_PREFIX: Final = re.compile(
    r"^(?i:(?:written|posted|published|reported|text|story|words|interview|photos?|"
    r"geschrieben|verfasst|erstellt|veröffentlicht|eingestellt|ein\s+beitrag|beitrag|"
    r"publié|écrit|rédigé|escrito|publicado|scritto|pubblicato|geplaatst|geschreven)\s+)?"
    r"(?:(?i:by|von|vom|par|por|door|from)|av|af|di)\s*[:\-–—]?\s+|"
    r"^(?i:author|authors|autor|autorin|autoren|auteur|autore|text|texte|"
    r"redaktion|written\s+by|by)\s*[:\-–—]\s*",
)
_SEPARATORS: Final = re.compile(
    r"\s*[,;|/•·&+]\s*|\s+(?:and|und|et|y|e|en|og|och|i|sowie|with|mit|AND|UND|(?i:and))\s+"
)
_PARENS: Final = re.compile(r"\([^)]*\)|\[[^\]]*\]|<[^>]*>")
_NOISE: Final = re.compile(
    r"\S+@\S+|https?://\S+|www\.\S+|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|"
    r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?!\w)|\b(?:19|20)\d{2}\b|@\w+",
)
_TAIL: Final = re.compile(
    r"\s+(?:am|on|at|um|le|el|il|op|vom|\||-|–|—|(?i:updated|aktualisiert|published|veröffentlicht))(?:\s.*)?$|"
    r"\s+(?:vor|il y a|hace)\s+\d.*$|\s+@(?:\s.*)?$",
)
_NAME_TOKEN: Final = re.compile(r"^[^\W\d_][\w.'’\-]*$")
_TITLES: Final = frozenset({"phd", "ph.d.", "md", "m.d.", "dr.", "dr", "prof.", "prof", "mba", "dipl.-ing."})
_SUFFIXES: Final = frozenset({"jr.", "sr.", "ii", "iii", "iv"})
_PARTICLES: Final = frozenset(
    {"von", "van", "de", "der", "den", "del", "della", "di", "da", "du", "le", "la", "bin", "al", "el", "zu", "ten", "ter", "dos", "das", "y"}
)


def is_agency(name: str) -> bool:
    """Whether *name* is a news agency rather than a person."""
    return " ".join(name.lower().split()).strip(" .()") in AGENCIES


def _strip_prefix(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = _PREFIX.sub("", text).strip()
    return text


def _clean_part(part: str) -> str | None:
    """One person's name out of one separated part, or ``None``."""
    part = _strip_prefix(part.strip(" \t\n:-–—|*\"'“”„«»"))
    if not part or is_agency(part):
        return None
    tokens = part.split()
    # Drop role words and suffixes at either end ("Senior Reporter Jane Doe", "Jane Doe, PhD").
    while tokens and tokens[-1].lower().strip(",.") in (_ROLE_WORDS | _TITLES):
        tokens.pop()
    while tokens and tokens[0].lower().strip(",:") in (_ROLE_WORDS | _TITLES):
        tokens.pop(0)
    if not tokens or len(tokens) > 5:
        return None
    if any(t.lower().strip(".,") in _ROLE_WORDS for t in tokens):
        return None
    if not all(_NAME_TOKEN.match(t) for t in tokens):
        return None
    letters = sum(len(t) for t in tokens)
    if letters < 2 or (len(tokens) == 1 and len(tokens[0]) < 2):
        return None
    if len(tokens) > 1 and not any(t[0].isupper() for t in tokens if t.lower() not in _PARTICLES):
        return None
    if tokens[-1].endswith(".") and len(tokens[-1]) > 3 and tokens[-1].lower() not in _SUFFIXES:
        tokens[-1] = tokens[-1].rstrip(".")
    return " ".join(tokens).rstrip(",") or None


def split_authors(raw: str) -> tuple[str, ...]:
    """The people named in one byline or author value, cleaned and deduplicated."""
    text = unicodedata.normalize("NFC", " ".join(raw.split()))
    text = _strip_prefix(_PARENS.sub(" ", text))
    text = _NOISE.sub(" ", text)
    text = _TAIL.sub("", " ".join(text.split()))
    if not text or len(text) > 200:
        return ()
    names: list[str] = []
    seen: set[str] = set()
    for part in _SEPARATORS.split(text):
        name = _clean_part(part)
        if name is None:
            continue
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            names.append(name)
    return tuple(names)
