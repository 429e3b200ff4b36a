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

import functools
import importlib.resources
import re
import unicodedata
from typing import Final

from newsmodel.extract.lexicon import lexicon

__all__ = [
    "agencies",
    "as_written",
    "desk_credit",
    "is_agency",
    "is_organization",
    "labelled_credit",
    "split_authors",
]

_DATA: Final = "data/authors"


@functools.cache
def _words(name: str) -> frozenset[str]:
    """One word list of ``newsmodel/data/authors``, without comments and blank lines."""
    text = importlib.resources.files("newsmodel").joinpath(f"{_DATA}/{name}").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def agencies() -> frozenset[str]:
    """News agencies written where a byline expects a person (lower case)."""
    return _words("agencies.txt")


_PREFIX: Final = re.compile(
    r"^(?i:(?:written|posted|published|reported|text|story|words|interview|"
    r"geschrieben|verfasst|erstellt|veröffentlicht|eingestellt|gespeichert|submitted|"
    r"(?:ein\s+|blog\s*)?beitrag|"
    r"(?:ein\s+)?artikel|(?:ein\s+)?bericht|"
    r"pressemitteilung|ein\s+interview|gastbeitrag|ein\s+kommentar|kommentar|"
    r"publié|écrit|rédigé|escrito|publicado|scritto|pubblicato|geplaatst|geschreven)\s+)?"
    r"(?:(?i:by|von|vom|par|por|door|from)|av|af)\s*[:\-–—]?\s+|"
    r"^(?i:author|authors|autor|autorin|autoren|auteur|autore|text|texte|interview|words|story|"
    r"redaktion|written\s+by|by)\s*[:\-–—]\s*",
)
_LEAD: Final = re.compile(
    r"^(?i:posted|published|updated|veröffentlicht|erstellt|publié)\b[^|]*?\s(?i:by|von|par|por)\s+(?=\S)"
)
"""A date line ending in the byline: "Posted on September 21, 2020 by Adi Tzlil"."""
_SEPARATORS: Final = re.compile(
    r"\s*[,;|/•·&+]\s*|\s+(?:and|und|et|y|e|en|og|och|i|sowie|AND|UND|(?i:and))\s+|"
    r"\s+(?:im Gespräch mit|in conversation with)\s+"
)
"""Between names: "A and B", "A, B"; a conversation ("A im Gespräch mit B") has two voices."""
_WITH: Final = re.compile(r"\s+(?:with|mit)\s+.*$")
""""Ein Interview von A mit B": B is the one interviewed, not a writer."""
_PHOTO_CREDIT: Final = re.compile(
    r"^\W*(?i:fotos?|photos?|photograph(?:y|s)?|bild(?:er)?|images?|illustrations?|"
    r"illustrationen|grafiken?|video)\s*(?::|(?i:von|by|par|de)\s)"
)
_CONVERSATION: Final = re.compile(r"\s(?:im Gespräch mit|in conversation with)\s")
_PARENS: Final = re.compile(r"\([^)]*\)|\[[^\]]*\]|<[^>]*>")
_NOISE: Final = re.compile(
    r"\S+@\S+|https?://\S+|www\.\S+|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|"
    r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?!\w)|\b(?:19|20)\d{2}\b|@\w+",
)
_TAIL: Final = re.compile(
    r"\s+(?:am|on|at|um|le|el|il|op|vom|\||-|–|—|(?i:updated|aktualisiert|published|veröffentlicht))(?:\s.*)?$|"
    r"\s+(?:vor|il y a|hace)\s+\d.*$|\s+@(?:\s.*)?$|"
    r"(?<=\w)\s+(?i:illustrations?|illustrationen|fotos?|photos?|bilder|grafiken?)"
    r"\s*(?::|(?i:von|by|par)\s).*$",
)
_DESK_TOKEN: Final = re.compile(r"^[^\W_][\w.'’&\-]*$")
_MAX_DESK_WORDS: Final = 6
_MIN_WRITTEN: Final = 3
_DESK_ENDINGS: Final = ("redaktion", "team")
_INITIALS: Final = re.compile(r"^(?:[^\W\d_]\.){1,3}[^\W\d_]?\.?$")
_QUOTES: Final = re.compile(r"[«„“\"»].*\w.*[»“”\"«]")
"""A quoted phrase: a byline never holds one."""
_NAME_TOKEN: Final = re.compile(r"^[^\W\d_][\w.'’\-]*$")
_TITLES: Final = frozenset(
    {"phd", "ph.d.", "md", "m.d.", "dr.", "dr", "prof.", "prof", "mba", "dipl.-ing."}
)
_SUFFIXES: Final = frozenset({"jr.", "sr.", "ii", "iii", "iv"})
_DOMAIN: Final = re.compile(r"\w\.(?:[a-z]{2,3}|info|online|news)\b|^www\.", re.IGNORECASE)
_ARTICLES: Final = frozenset(
    {"the", "die", "der", "das", "la", "le", "les", "el", "il", "los", "het", "een"}
)
_PARTICLES: Final = frozenset(
    {
        "von",
        "van",
        "de",
        "der",
        "den",
        "del",
        "della",
        "di",
        "da",
        "du",
        "le",
        "la",
        "bin",
        "al",
        "el",
        "zu",
        "ten",
        "ter",
        "dos",
        "das",
        "y",
    }
)


def is_agency(name: str) -> bool:
    """Whether *name* is a news agency rather than a person.

    >>> is_agency("dpa"), is_agency("Jane Doe")
    (True, False)
    """
    key = " ".join(name.lower().split()).strip(" .()")
    return key in agencies() or all(part.strip() in agencies() for part in key.split("/"))


def is_organization(name: str) -> bool:
    """Whether *name* reads as an organisation or a web site rather than a person.

    >>> is_organization("Deutsches Rotes Kreuz e.V."), is_organization("kath.net")
    (True, True)
    """
    if _DOMAIN.search(name):
        return True
    words = _words("organizations.txt")
    return any(token.strip(",()").lower() in words for token in name.split())


def _is_place(text: str) -> bool:
    places = lexicon()
    key = text.lower().strip(" ,.")
    if key in places.places or key in places.countries:
        return True
    bare = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
    return bare != key and (bare in places.places or bare in places.countries)  # "Brasília"


@functools.cache
def _roles_and_titles() -> frozenset[str]:
    """Role words and titles, dropped at either end of a name: one set, built once."""
    return _words("roles.txt") | _TITLES


def _strip_prefix(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = _PREFIX.sub("", text).strip()
    return text


def _clean_part(part: str) -> str | None:
    """One person's name out of one separated part, or ``None``."""
    part = _strip_prefix(part.strip(" \t\n:-–—|*\"'“”„«»"))
    if not part or is_agency(part) or is_organization(part):
        return None
    roles = _words("roles.txt")
    desks = _words("desks.txt")
    dropped = _roles_and_titles()
    tokens = part.split()
    # Drop role words and titles at either end ("Senior Reporter Jane Doe", "Jane Doe, PhD").
    inner = ""  # the dropped word next to what is kept
    while tokens and tokens[-1].lower().strip(",.") in dropped:
        inner = tokens.pop()
    if inner.lower().strip(",.") in desks:
        return None  # "Support Team": a desk or team, not a person
    while tokens and (
        tokens[0].lower().strip(",:") in dropped
        or (len(tokens) > 1 and tokens[0].lower().rpartition("-")[2] in roles)
        # "FOCUS-Online-Experte Robin Tschöpe"; "PETA-Team" alone stays a (rejected) unit
    ):
        inner = tokens.pop(0)
    if inner.lower().strip(",:") in desks:
        return None  # "Redacción Diario Uno"
    if not tokens or len(tokens) > 4 or tokens[0].lower() in _ARTICLES:
        return None
    if any(t.lower().strip(".,") in roles and t.lower() not in _PARTICLES for t in tokens):
        return None
    if not all(_NAME_TOKEN.match(t) for t in tokens):
        return None
    if len(tokens) == 1 and (len(tokens[0]) < 3 or _INITIALS.match(tokens[0])):
        return None  # "D.E": initials alone name nobody
    if len(tokens) > 1 and not all(t[0].isupper() or t.lower() in _PARTICLES for t in tokens):
        return None
    if _is_place(" ".join(tokens)):  # a dateline in the byline: "Nada Tawfik, New York"
        return None
    if tokens[-1].endswith(".") and len(tokens[-1]) > 3 and tokens[-1].lower() not in _SUFFIXES:
        tokens[-1] = tokens[-1].rstrip(".")
    return " ".join(tokens).rstrip(",") or None


def _is_prose(part: str) -> bool:
    """Whether *part* is a phrase of prose (two or more words, one of them lower case
    and neither a name particle nor a role word), which no byline holds."""
    tokens = [t for t in (t.strip("\"'“”„«»‚‘’()") for t in part.split()) if t]
    if len(tokens) < 2 or any(c.isdigit() for c in part):
        return False
    roles = _words("roles.txt")
    return any(
        t[:1].islower() and t not in _PARTICLES and t.rstrip(".,:") not in roles for t in tokens
    )


def split_authors(raw: str) -> tuple[str, ...]:
    """The people named in one byline or author value, cleaned and deduplicated."""
    if _PHOTO_CREDIT.match(raw):  # "Foto: Jane Doe" credits a picture, not the text
        return ()
    text = _clean_text(raw)
    if not _CONVERSATION.search(text):
        text = _WITH.sub("", text)
    if not text or len(text) > 200:
        return ()
    parts = _SEPARATORS.split(text)
    if is_organization(parts[0]):  # "Bundesministerium für Wirtschaft und Klimaschutz"
        return ()
    for i, part in enumerate(parts):
        if _QUOTES.search(part) or (i == 0 and _is_prose(part)):
            return ()  # a title: "Von der Ringform zur Kastenform und umgekehrt"
        if _is_prose(part):  # a description follows the name: "Jane Doe, Leiterin der Abteilung"
            parts = parts[:i]
            break
    names: list[str] = []
    seen: set[str] = set()
    for part in parts:
        name = _clean_part(part)
        if name is None:
            continue
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            names.append(name)
    return tuple(names)


def _clean_text(raw: str) -> str:
    """*raw* without its prefix, brackets, e-mails, URLs, dates and trailing date phrase."""
    text = unicodedata.normalize("NFC", " ".join(raw.split())).lstrip(" -–—|·•*©")
    text = _strip_prefix(_LEAD.sub("", _PARENS.sub(" ", text)))
    text = _NOISE.sub(" ", text)
    return _TAIL.sub("", " ".join(text.split()))


def desk_credit(raw: str) -> str | None:
    """The desk or team a byline credits ("Redaktion", "Staff Writer"), or ``None``.

    >>> desk_credit("Von Redaktion"), desk_credit("By Staff Writer"), desk_credit("Jane Doe")
    ('Redaktion', 'Staff Writer', None)
    """
    text = _clean_text(raw).strip(" \t\n:-–—|*\"'“”„«»,")
    tokens = text.split()
    for i, token in enumerate(tokens):
        if token[:1].isdigit():  # "Redaktion 1. November 2023": a date follows
            del tokens[i:]
            break
    desks = _words("desks.txt")
    roles = _words("roles.txt")
    while tokens and tokens[0].lower().strip(":") in roles - desks:  # "Autor Redaktion"
        tokens.pop(0)
    text = " ".join(tokens).strip(" ,-–—|")
    if not tokens or len(tokens) > _MAX_DESK_WORDS or is_agency(text):
        return None
    if not all(_DESK_TOKEN.match(t) for t in tokens):
        return None
    if not any(_is_desk_word(t, desks) for t in tokens):
        return None
    return text


def _is_desk_word(token: str, desks: frozenset[str]) -> bool:
    """Whether *token* is a desk word or a compound ending in one ("Webteam", "Sportredaktion")."""
    low = token.lower()
    return low in desks or any(low.endswith(d) for d in _DESK_ENDINGS)


def as_written(raw: str) -> str | None:
    """A short author value as written, without prefix and dates, or ``None``.

    For a value a structured source types as a person although it does not read
    as a name ("Der Spendenteddy", "Mobasir hassan").

    >>> as_written("Von Der Spendenteddy"), as_written("https://example.com/a")
    ('Der Spendenteddy', None)
    """
    if raw.startswith(("http://", "https://")):
        return None
    text = _clean_text(raw).strip(" \t\n:-–—|*\"'“”„«»,")
    tokens = text.split()
    if not tokens or len(tokens) > _MAX_DESK_WORDS or len(text) < _MIN_WRITTEN:
        return None
    if not all(_DESK_TOKEN.match(t) for t in tokens) or is_organization(text):
        return None
    roles = _words("roles.txt")
    if not tokens[0][0].isupper() or any(t.lower() in roles for t in tokens):
        return None  # "selbst ist der Mann" is a title, "Agencies" a role word
    return text


def labelled_credit(raw: str) -> str | None:
    """What a labelled byline credits when it names no person ("Von Deutscher Tennis Bund",
    "Autor: www.example.com"), as written; ``None`` for a line without a label.

    >>> labelled_credit("Von Deutscher Tennis Bund 4. 2. 2022"), labelled_credit("Tennis Bund")
    ('Deutscher Tennis Bund', None)
    """
    text = unicodedata.normalize("NFC", " ".join(raw.split())).lstrip(" -–—|·•*©")
    if _strip_prefix(text) == text:
        return None
    tokens = _clean_text(text).strip(" \t\n:-–—|*\"'“”„«»,").split()
    for i, token in enumerate(tokens):
        if token[:1].isdigit():  # a date follows
            del tokens[i:]
            break
    credit = " ".join(tokens).strip(" ,-–—|")
    if not tokens or len(tokens) > _MAX_DESK_WORDS or len(credit) < _MIN_WRITTEN:
        return None
    if not all(_DESK_TOKEN.match(t) for t in tokens) or _is_prose(credit):
        return None
    roles = _words("roles.txt")
    if any(t.lower() in roles for t in tokens):
        return None
    return credit
