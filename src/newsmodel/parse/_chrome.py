"""Page chrome in copied text: the lines a careful reader skips.

UI words ("Share", "Print", "Advertisement"), navigation and breadcrumb lines,
"Read more" and "Sign up" teasers, photo credits and captions, copyright and footer
lines, agency trailers ("Reporting by ...; Editing by ..."). Every test is a whole-line
test: a paragraph that merely mentions a newsletter is not chrome.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import re
from typing import Final

from newsmodel._text import word_set

__all__ = ["is_chrome", "is_end_marker"]

MAX_UI_CHARS: Final = 60
"""UI lines are short."""
MAX_TEASER_CHARS: Final = 220
"""A teaser line ("Read more: <headline>") is at most a headline long."""
MAX_CAPTION_CHARS: Final = 300
"""Credit and caption lines longer than this are prose."""

_UI_WORDS: Final = word_set(
    # English
    "clear close menu share shares sharing print advertisement advert ad ads subscribe search login "
    "log in out sign up register skip to content main navigation home back top tweet email e-mail "
    "mail facebook twitter x whatsapp linkedin pinterest reddit telegram messenger copy link copied "
    "comments comment show hide more less next previous prev open toggle cookie cookies settings "
    "accept all reject loading sponsored newsletter newsletters follow us like save saved bookmark "
    "listen play pause video audio gallery photos photo font size text a a+ a- aa contents now my "
    "account donate watch live breaking expand collapse image images embed options edit view "
    "full screen fullscreen sections section topics topic trending reply report flag continue "
    "reading article story min read mins views facebook-messenger reply cancel backtotop "
    # German, French, Spanish, Italian, Dutch
    "schließen teilen drucken anzeige werbung abonnieren suche anmelden abmelden menü startseite "
    "weiterlesen kommentare kommentar merken artikel vorlesen zurück mehr verfassen antwort "
    "abbrechen hauptinhalt inhalt abo login e-paper epaper "
    "fermer partager imprimer publicité rechercher connexion s'abonner accueil commentaires "
    "cerrar compartir imprimir publicidad buscar suscríbete inicio comentarios "
    "chiudi condividi stampa pubblicità cerca abbonati commenti "
    "sluiten delen printen advertentie zoeken inloggen reacties"
)
_SKIP_LINK_RE: Final = re.compile(
    r"(?:skip (?:to|navigation)|jump to (?:content|navigation|main)|zum inhalt|direkt zum|"
    r"zur (?:haupt)?navigation|zur fußzeile|aller au contenu|passer au contenu|ir al contenido|"
    r"saltar al contenido|vai al contenuto|salta al contenuto|naar (?:de )?inhoud)\b",
    re.IGNORECASE,
)
_COOKIE_PHRASES: Final = (
    "we use",
    "this site uses",
    "this website uses",
    "our site uses",
    "our website uses",
    "wir verwenden",
    "wir nutzen",
    "diese website verwendet",
    "diese seite verwendet",
    "diese website nutzt",
    "nous utilisons",
    "ce site utilise",
    "utilizamos",
    "este sitio utiliza",
    "utilizziamo",
    "questo sito utilizza",
    "wij gebruiken",
    "deze website gebruikt",
)
"""A site speaking of its own cookies ("We use cookies..."), not an article about them."""
MAX_NOTICE_CHARS: Final = 600
"""A cookie notice runs to a few sentences."""
_UI_SPLIT_RE: Final = re.compile(r"[\s|·•/,:]+")

_NAV_SPLIT_RE: Final = re.compile(r"\s+[|·•»>›/]\s+|\s*\|\s*")
_NAV_CHARS_RE: Final = re.compile(r"[|·•»>›/]")
_TERMINAL: Final = (".", "!", "?", '"', "”", "»", "…")

_TEASER_RE: Final = re.compile(
    r"(?:read more|read next|read also|more:|related:|related (?:articles?|stories|story|content|"
    r"coverage|links|topics|news)|see also|also read|sign up\b|subscribe (?:to|now|for|here)|"
    r"follow (?:us|@)|click here|(?:lost|forgot) your password|leave a (?:reply|comment)|share (?:this|on)|continue reading|most (?:read|popular|viewed|shared)|"
    r"recommended(?: for you| stories)?\b|you (?:may|might) (?:also )?like|more (?:from|on this|stories|news)\b|"
    r"download (?:our|the) app|get (?:our|the) (?:newsletter|app)|join (?:our|the) (?:newsletter|conversation)|"
    r"advertisement\b|sponsored content|tags?:|topics?:|filed under|keywords?:|"
    r"(?:à )?lire aussi|lesen sie auch|mehr zum thema|auch interessant|weitere artikel|"
    r"leer más|lea también|leggi anche|lees ook|zum thema:)",
    re.IGNORECASE,
)
_END_MARKERS: Final = frozenset(
    (
        "related",
        "related articles",
        "related stories",
        "related content",
        "related coverage",
        "related news",
        "related topics",
        "more on this story",
        "more stories",
        "more from",
        "read more",
        "read next",
        "most read",
        "most popular",
        "most viewed",
        "you may also like",
        "you might also like",
        "recommended",
        "recommended for you",
        "comments",
        "leave a comment",
        "share this article",
        "latest news",
        "tags",
        "topics",
        "mehr zum thema",
        "lesen sie auch",
        "à lire aussi",
        "sur le même sujet",
        "noticias relacionadas",
        "articoli correlati",
        "gerelateerde artikelen",
    )
)
_CREDIT_START_RE: Final = re.compile(
    r"\(?(?:photo|photograph|picture|image|pic|foto|bild|credit|crédit|fotografía|immagine)s?"
    r"\s*(?:by\b|credit\b|copyright\b|caption\b|:|©)"
    r"|image (?:copyright|caption|source)|media caption|getty images\b"
    r"|\(?(?:ap|afp|reuters|epa|dpa|getty|pa|anadolu|xinhua)(?: photo| images?)?\)?$",
    re.IGNORECASE,
)
_CREDIT_END_RE: Final = re.compile(
    r"\((?:photo|picture|image|foto|bild|credit|pic)[^()]{0,80}\)$"
    r"|(?:^|[.)]\s)(?:photo|photograph|picture|image|foto|bild)\s*(?:by\s*|:\s*|©\s*)[\w .,'’/&-]{2,60}$"
    r"|/\s*(?:getty images|afp|reuters|ap|epa|shutterstock|dpa|anadolu agency|xinhua|ap photo)\)?$",
    re.IGNORECASE,
)
CREDIT_TAIL_CHARS: Final = 100
"""End-anchored credit patterns only look at this much of a line's end."""
_FOOTER_START_RE: Final = re.compile(
    r"(?:©|\(c\)\s*(?:19|20)\d{2}|copyright\s*(?:©|\(c\))?\s*(?:19|20)\d{2})"
    r"|(?:terms (?:of|and) (?:use|service|conditions)|privacy (?:policy|notice|settings)|"
    r"cookie (?:policy|settings|preferences)|contact us|about us|impressum|datenschutz)\b"
    r"|\(?(?:reporting|additional reporting|writing|editing|compiled|graphics) by\b"
    r"|(?:source|sources|quelle|fuente|fonte|bron)\s*:\s*\S.{0,80}$",
    re.IGNORECASE,
)
_RESERVED_RE: Final = re.compile(
    "all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados"
    "|tutti i diritti riservati|alle rechten voorbehouden",
    re.IGNORECASE,
)
_RESERVED_STEMS: Final = ("reserv", "vorbehalten", "riservati", "voorbehouden")
"""Cheap substring tests before the rights-reserved regex."""
_START_RE: Final = re.compile(
    f"{_SKIP_LINK_RE.pattern}|{_CREDIT_START_RE.pattern}|{_FOOTER_START_RE.pattern}", re.IGNORECASE
)
"""One match for what starts a chrome line: skip links, credits, footers."""


def _is_ui_line(line: str) -> bool:
    if len(line) > MAX_UI_CHARS:
        return False
    first = line.split(None, 1)[0].lower().strip(" .!…|·•/,:")
    if first and first not in _UI_WORDS:
        return False
    words = [w for w in _UI_SPLIT_RE.split(line.lower().strip(" .!…")) if w]
    return bool(words) and len(words) <= 8 and all(w in _UI_WORDS for w in words)


def _is_nav_line(line: str) -> bool:
    if not _NAV_CHARS_RE.search(line):
        return False
    parts = _NAV_SPLIT_RE.split(line)
    if len(parts) < 3 and not (len(parts) == 2 and any(c in line for c in "»>›")):
        return False
    return all(p and len(p.split()) <= 4 and not p.endswith(_TERMINAL) for p in parts)


def is_chrome(line: str) -> bool:
    """Whether a whole line (one unit of text) is page chrome rather than article text."""
    size = len(line)
    if size > MAX_NOTICE_CHARS:
        return False
    lower = line.lower()
    if "cookie" in lower and any(phrase in lower for phrase in _COOKIE_PHRASES):
        return True
    if any(stem in lower for stem in _RESERVED_STEMS) and _RESERVED_RE.search(line):
        return size <= MAX_CAPTION_CHARS  # "All rights reserved"
    if size > MAX_CAPTION_CHARS:
        return False
    if _START_RE.match(line) or _is_ui_line(line):
        return True
    if size <= MAX_TEASER_CHARS and (_TEASER_RE.match(line) or _is_nav_line(line)):
        return True
    return _CREDIT_END_RE.search(line[-CREDIT_TAIL_CHARS:]) is not None


def is_end_marker(line: str) -> bool:
    """Whether *line* is a heading that closes the article ("Related articles", "Comments")."""
    if len(line) > 40:
        return False
    key = " ".join(line.lower().strip(" :.…»›>").split())
    key = key.split("(", 1)[0].strip()  # "Comments (12)"
    return key in _END_MARKERS
