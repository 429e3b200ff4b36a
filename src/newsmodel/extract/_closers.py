"""Lines that close a page rather than the article: calls to action, credits, licences.

Below the last paragraph of a story, sites add lines of their own: "Was this article
useful?", "Sign up for our newsletter", "Support our work", "Follow us", a licence
or citation note, a contact address. They sit inside the article's container, so the
container finder keeps them; their wording gives them away. They are recognised only
at the end of the body (and only when short), where a story does not need them.

Photo credits ("(Foto: Getty)", "| © Agency", "Titelbild: ...") are short lines that
name a picture's source; they are dropped wherever they are. So are the page's
notes about itself: figure labels ("Abbildung 3: ..."), bare source lines
("Quelle: Agency"), "last modified" stamps, print/download buttons and the
placeholders of blocked embeds ("Externer Inhalt").
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "AUTHOR_BOX_BLOCKS",
    "CLOSER_CHARS",
    "CREDIT_CHARS",
    "NOTE_CHARS",
    "is_aside",
    "is_author_heading",
    "is_closer",
    "is_credit",
    "is_note",
]

CLOSER_CHARS: Final = 300
"""A closing line is shorter than this: a paragraph of the story can be longer."""
CREDIT_CHARS: Final = 150
"""A credit line is shorter than this: a caption with a credit in it can be longer."""
NOTE_CHARS: Final = 200
"""A note about the page is shorter than this."""
AUTHOR_BOX_BLOCKS: Final = 4
"""An "About the author" heading this close to the end starts the author's box."""

_CLOSER_WORDS: Final = (
    # Newsletters, apps and updates.
    r"newsletter", r"sign up", r"posteingang", r"inbox", r"never miss",
    r"nichts mehr (?:verpass|versäum)", r"informiert (?:zu )?(?:werden|bleiben)",
    r"stay (?:informed|updated)", r"be informed", r"(?:your|ihr(?:em)?) (?:phone|smartphone|handy)\b",
    r"follow us", r"folg(?:en sie|e) uns", r"lust auf mehr\?", r"schon gelesen\?",
    # Feedback and sharing.
    r"(?:nützlich|hilfreich|helpful|useful)\?", r"(?:artikel|beitrag) gefallen",
    r"gef[äa]llt (?:dir|ihnen|euch) (?:unser|der|dieser)", r"artikel teilen", r"share this",
    r"in den kommentaren", r"comment below", r"leave a comment", r"loading\.\.\.",
    r"bewertungen\)",
    # Support and donations.
    r"support(?:ing)? (?:our|us)\b", r"unterst[üu]tze?n? (?:uns|unsere)", r"help us\b",
    r"hilf uns", r"spende", r"donate\b",
    # Rights and site notices, ratings and reader discussion.
    r"copyright", r"all rights reserved", r"alle rechte vorbehalten", r"impressum", r"datenschutz",
    r"bewerten\?", r"hilfreich war", r"fehler gefunden", r"(?:deine|ihre|eure) meinung\?",
    r"diskutier(?:e|en sie) mit", r"recht auf veröffentlichung", r"für deine stimme",
    r"sicherheitsabfrage",
    # Licences, citations and contacts.
    r"creative commons", r"cc-by", r"lizenz", r"licen[cs]ed under", r"suggested citation",
    r"zitiervorschlag", r"zitieren:", r"permalink", r"e-mail:", r"pressekontakt",
)  # fmt: skip
"""Wording (lower case, English and German) of the lines a site adds below a story."""

_CLOSER: Final = re.compile("|".join(_CLOSER_WORDS))
# (The texts are lower-cased once instead of matching with IGNORECASE, which made these
# alternations several times slower.)
_CREDIT_END: Final = re.compile(r"\((?:foto|photo|credit|bild|image|quelle|source)s?:[^)]*\)$")
_CREDIT_START: Final = re.compile(
    r"(?:titelbild|beitragsbild|bildnachweis|photo source|image source|bild|foto|photo|credits?)\s*:"
)
"""A trailing "(Foto: ...)", or a leading "Bild:"/"Credit:" label (or a copyright sign)."""


def is_closer(text: str) -> bool:
    """Whether *text* reads as a line a site adds below a story (call it only at the end)."""
    return len(text) < CLOSER_CHARS and _CLOSER.search(text.lower()) is not None


def is_credit(text: str) -> bool:
    """Whether *text* is a short line naming a picture's source."""
    if len(text) >= CREDIT_CHARS:
        return False
    if "©" in text:
        return True
    lowered = text.lower()
    if _CREDIT_START.match(lowered) is not None:
        return True
    return text.endswith(")") and _CREDIT_END.search(lowered) is not None


_NOTE_START: Final = re.compile(
    r"(?:quelle|source|quellen?angaben?)\s*:|\(?(?:abbildung|abb\.|figure|fig\.)\s*\d*\s*:"
    r"|(?:last modified|ultima modifica|aktualisiert am|zuletzt aktualisiert)"
    r"|(?:rezept|artikel|seite) drucken"
    r"|(?:bild|foto|image|photo) (?:anzeigen|schließen|vergrößern)$|(?:mehr|alle) (?:anzeigen|laden)$"
    r"|(?:show|load) more$|(?:themen|tags|schlagwörter|schlagworte|filed under|posted in)\s*:"
    r"|(?:vorschau auf )?(?:den |die |das |the )?(?:nächsten?|vorherigen?|next|previous) "
    r"(?:artikel|beitrag|article|post|story)\b"
)
"""How a note opens: a figure label, a source line, a change stamp, a print or "show more"
button, a topic list, a pointer to the next or previous article."""
_NOTE_WORDS: Final = (
    "als pdf herunterladen",
    "externer inhalt",
    "external content",
    "um dieses element zu sehen",
    "ohne gewähr",
)
"""Words that make a short line a note wherever they stand (embed placeholders...)."""


def is_note(text: str) -> bool:
    """Whether *text* is a short note about the page rather than part of the story."""
    if len(text) >= NOTE_CHARS:
        return False
    lowered = text.lower()
    return _NOTE_START.match(lowered) is not None or any(word in lowered for word in _NOTE_WORDS)


_AUTHOR_HEADING: Final = re.compile(
    r"(?:about the authors?|über (?:den|die) autor(?:in|en|innen)?|zum autor|zur autorin)\W*"
)


def is_author_heading(text: str) -> bool:
    """Whether *text* is the heading of a box about the author ("About the author")."""
    return len(text) < CREDIT_CHARS and _AUTHOR_HEADING.fullmatch(text.lower()) is not None


def is_aside(text: str) -> bool:
    """:func:`is_credit` or :func:`is_note`, lower-casing *text* once (the body finder asks
    it of every kept block)."""
    size = len(text)
    if size >= NOTE_CHARS:
        return False
    if size < CREDIT_CHARS and "©" in text:
        return True
    lowered = text.lower()
    if _NOTE_START.match(lowered) is not None:
        return True
    for word in _NOTE_WORDS:
        if word in lowered:
            return True
    return size < CREDIT_CHARS and (
        _CREDIT_START.match(lowered) is not None
        or (text.endswith(")") and _CREDIT_END.search(lowered) is not None)
    )
