"""The word lists behind people, organisation and place finding, loaded once.

The lists are plain text files in :mod:`newsmodel.data` (each documents its own
format in a ``#`` header). :func:`lexicon` reads them on first use and caches one
frozen :class:`Lexicon`; nothing is read at import time.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from newsmodel.extract.tokens import WordKind

__all__ = ["Lexicon", "lexicon"]


@attrs.frozen(kw_only=True)
class Lexicon:
    """Every list as a lookup table; words are lower case unless stated."""

    given_names: dict[str, str]
    """Given name -> gender: ``"m"``, ``"f"`` or ``"u"``."""
    roles: dict[str, str]
    """Role phrase ("prime minister", "mr") -> gender ``"m"``, ``"f"`` or ``"-"``."""
    role_heads: frozenset[str]
    """Every word a role phrase can end with ("minister", "ambassador")."""
    max_role_words: int
    modifiers: frozenset[str]
    """Lower-case words that may precede a role: "former", "longtime"."""
    honorifics: frozenset[str]
    """Roles that make a lone surname a name: "mr", "president"."""
    common: frozenset[str]
    """Capitalised words that are not names."""
    countries: dict[str, str]
    """Any name of a country, lower case -> its canonical name."""
    demonyms: dict[str, str]
    """Adjective of nationality, lower case -> country (or itself when it has none)."""
    places: dict[str, str]
    """Any name of a place that is not a country, lower case -> canonical name."""
    max_place_words: int
    place_starts: frozenset[str]
    """The first word of every place and country name, lower case."""
    role_starts: frozenset[str]
    """The first word of every role phrase, lower case."""
    the_words: frozenset[str]
    """Every word that can follow "the" in a role phrase ("the former ...", "the Russian
    ...", "the prime ..."): the modifiers, role starts, demonyms and countries."""
    org_words: frozenset[str]
    """Words that make a capitalised run an organisation, as written ("Ministry")."""
    organizations: dict[str, str]
    """Any name of a known organisation, as written -> canonical name."""
    known: dict[str, tuple[str, WordKind, str]] = attrs.field(factory=dict, eq=False, repr=False)
    """A memo of :mod:`newsmodel.extract.tokens`: capitalised word as written -> (lookup key,
    kind, gender), filled as texts are read (bounded there). Only ever a cache: what it
    holds follows from the lists above."""
    title_roles: dict[str, tuple[str, ...]] = attrs.field(factory=dict, eq=False, repr=False)
    """A memo of :func:`newsmodel.extract.coref.roles_of`: title as written -> the role keys
    it holds. A cache like ``known``."""


def _lines(name: str) -> list[str]:
    text = (resources.files("newsmodel") / "data" / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _given_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _lines("given_names.txt"):
        name, gender = line.split()
        out[name] = gender if out.get(name, gender) == gender else "u"
    return out


def _roles() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _lines("roles.txt"):
        gender, phrase = line.split(maxsplit=1)
        out[phrase] = gender
    return out


@functools.cache
def lexicon() -> Lexicon:
    """The word lists, read from the package data once."""
    roles = _roles()
    countries: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for line in _lines("countries.txt"):
        name, demonym, *others = line.split("|")
        for form in (name, *others):
            countries[form.lower()] = name
        if demonym != "-":
            demonyms[demonym.lower()] = name
    for line in _lines("nationalities.txt"):
        demonyms[line.lower()] = line
    places: dict[str, str] = {}
    for line in _lines("places.txt"):
        name, *others = line.split("|")
        for form in (name, *others):
            places[form.lower()] = name
    modifiers = frozenset(_lines("modifiers.txt"))
    role_starts = frozenset(phrase.split()[0] for phrase in roles)
    org_words: set[str] = set()
    organizations: dict[str, str] = {}
    for line in _lines("organizations.txt"):
        if line.startswith("word:"):
            org_words.add(line[5:].strip())
            continue
        name, *others = line.split("|")
        for form in (name, *others):
            organizations[form] = name
    return Lexicon(
        given_names=_given_names(),
        roles=roles,
        role_heads=frozenset(phrase.split()[-1] for phrase in roles),
        max_role_words=max(len(phrase.split()) for phrase in roles),
        modifiers=modifiers,
        honorifics=frozenset(_lines("honorifics.txt")),
        common=frozenset(_lines("common_words.txt")),
        countries=countries,
        demonyms=demonyms,
        places=places,
        max_place_words=max(len(form.split()) for form in (*places, *countries)),
        place_starts=frozenset(form.split()[0] for form in (*places, *countries)),
        role_starts=role_starts,
        the_words=modifiers | role_starts | frozenset(demonyms) | frozenset(countries),
        org_words=frozenset(org_words),
        organizations=organizations,
    )
