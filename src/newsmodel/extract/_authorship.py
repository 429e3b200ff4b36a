"""Who wrote the article: JSON-LD, ``<meta>`` and Yoast's card first, then the page's bylines.

Names from metadata count only when the page also shows them; a one-word name that
is the site's own name is the site; agencies met on the way are returned apart so
that the caller can use one as the publisher.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Final

from lxml import etree
from lxml.html import HtmlElement

from newsmodel.extract._bylines import byline_candidates
from newsmodel.extract._headline import site_keys
from newsmodel.extract._jsonld import LdArticle, ld_names
from newsmodel.extract._marks import Marks
from newsmodel.extract._metatags import PageTags, source_name
from newsmodel.extract.authors import (
    as_written,
    desk_credit,
    is_agency,
    labelled_credit,
    split_authors,
)

__all__ = ["choose_authors"]

_AUTHOR_META: Final = (
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "dc.creator.name",
    "parsely-author",
    "sailthru.author",
    "byl",
    "citation_author",
    "itemprop:author",
    "article.author",
    "authors",
    "og:article:author",
    "shareaholic:article_author_name",
)
_WRITTEN_BY: Final = re.compile(
    r"(?i)written by|verfasst von|geschrieben von|auteur|autor|author|écrit par|escrito por"
)
_BODY_TEXT: Final = etree.XPath("string(/html/body)")
_MAX_BYLINE_NAMES: Final = 4
_DESCRIBED_BY: Final = re.compile(
    r"^\s*(?i:posted by|written by|by)\s+([^\W\d].{2,120}?)\s+[-–—|]\s", re.DOTALL
)
"""A description that opens with its byline, cut at the dash that ends it."""
_MAX_CREDIT: Final = 60
_MAX_COMBO_WORDS: Final = 3
_MAX_CODE: Final = 4
_EDITOR_CODE: Final = re.compile(r"^[a-z]{1,3}$")
_DATELINE_AGENCY: Final = re.compile(r"^[^\W\d][\w .'’-]{1,40}\s\(([^()]{2,20})\)\s*[-–—:]\s")
"""A description opening with a dateline that credits an agency: "Hamburg (dpa/lno) - ..."."""
_COMBO_LABEL: Final = re.compile(r"^(?i:von|by|autor|author)\s*:?\s+")
_SHOUTED: Final = re.compile(r"\b[A-ZÄÖÜ]{2,}\b")
"""A word in capitals: "EAT SMARTER", "IT Finanzmagazin" name a brand, not a person."""
_AGREEING: Final = 3
_LOGIN: Final = re.compile(r"([^\W\d_]{2,})[._]([^\W\d_]{2,})")
"""A login made of a first and a last name: "jane.doe", "jane_doe"."""
_FIRST_ONLY: Final = frozenset({"byline", "byline-text"})
"""Finders whose later strings are other texts' bylines (teasers, related articles)."""


def _agency_combo(raw: str) -> str | None:
    """An agency credit joined to an editor's code or an outlet ("det/dpa", "AFP/The Local")."""
    raw = _COMBO_LABEL.sub("", raw.strip())  # without "Von:"
    parts = [p.strip() for p in raw.split("/")]
    if len(parts) == 2 and _EDITOR_CODE.match(parts[1]) and len(parts[0]) > _MAX_CODE:
        return raw  # "MDR THÜRINGEN/ls": an outlet and its editor's code
    if len(parts) < 2 or not any(is_agency(p) for p in parts):
        return None
    if not all(0 < len(p.split()) <= _MAX_COMBO_WORDS for p in parts):
        return None
    if any(
        not is_agency(p) and split_authors(p) and not (p.islower() and len(p) <= _MAX_CODE)
        for p in parts
    ):
        return None  # "Peter Maahn/SP-X": a person and an agency
    return raw


def _described_byline(tags: PageTags) -> list[str]:
    """The byline a description opens with ("Posted by Jane Doe and John Roe - ...")."""
    found = _DESCRIBED_BY.match(tags.get("description", "og:description") or "")
    return [found.group(1)] if found else []


def _yoast_author(tags: PageTags) -> list[str]:
    """The ``twitter:dataN`` value whose ``twitter:labelN`` says "Written by" (Yoast SEO)."""
    for n in range(1, 5):
        label = tags.get(f"twitter:label{n}")
        if label and _WRITTEN_BY.search(label):
            return tags.all(f"twitter:data{n}")[:1]
    return []


def _bare(key: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))


def _names_site(name: str, sites: frozenset[str]) -> bool:
    """Whether *name* is the site's name, accents aside ("La República", larepublica.pe)."""
    return bool({_bare(k) for k in site_keys([name], [])} & {_bare(s) for s in sites})


def _login_as_shown(login: str, page_text: str) -> str | None:
    """The name a login ("jane.doe") stands for, as the page (its body's text) writes it
    ("Jane P. Doe")."""
    parts = _LOGIN.fullmatch(login)
    if parts is None:
        return None
    first, last = map(re.escape, parts.groups())
    text = " ".join(page_text.split())
    found = re.search(rf"(?<!\w){first}(?: \w\.)? {last}(?!\w)", text, re.IGNORECASE)
    if found is None:
        return None
    name = found.group()
    return name if split_authors(name) == (name,) else None


class _Credits:
    """What choose_authors has met so far on one page, and its two checks on names.

    (A class, not closures: compiled by mypyc, closures that call each other form a
    reference cycle that keeps the page's tree alive until the cyclic GC runs.)
    """

    def __init__(self, root: HtmlElement, sites: frozenset[str]) -> None:
        self.root = root
        self.sites = sites
        self.agencies: list[str] = []
        self.page_text: list[str] = []  # the body's text, read once
        self.shown: list[str] = []
        self.desks: list[tuple[str, str]] = []  # (credit, source): the first desk credit met
        self.named: list[tuple[str, str]] = []  # (credit, source): a byline naming no person

    def visible(self, name: str) -> bool:
        # The raw text first: a name with single spaces found there is also found in the
        # whitespace-normalised text, which is only built when the raw text fails.
        folded = name.casefold()
        single = folded == " ".join(folded.split())
        if not self.page_text:
            self.page_text.append(str(_BODY_TEXT(self.root)))
        if single and name in self.page_text[0]:
            return True  # casefolding maps each character alone: a substring stays one
        if not self.shown:  # a long text's casefold is costly: built last
            self.shown.append(self.page_text[0].casefold())
        if folded in self.shown[0] and single:
            return True
        if len(self.shown) < 2:
            self.shown.append(" ".join(self.shown[0].split()))
        return folded in self.shown[1]

    def clean(
        self, raws: list[str], *, verify: bool, source: str, first_only: bool = False
    ) -> tuple[str, ...]:
        names: list[str] = []
        credited = False  # a first byline naming no person, but a desk or an organisation
        for raw in raws:
            if first_only and (names or credited):
                break
            if raw.startswith(("http://", "https://", "www.")):
                continue
            if is_agency(raw):
                self.agencies.append(raw.strip())
            combo = _agency_combo(raw)
            found = () if combo else split_authors(raw)
            if combo and not self.named and (not verify or self.visible(combo)):
                self.named.append((combo, source))
            desk = desk_credit(raw) if not found and not self.desks else None
            if desk and (not verify or self.visible(desk)):
                self.desks.append((desk, source))
            credit = labelled_credit(raw) if not found and source == "byline-text" else None
            if credit and _names_site(credit, self.sites):
                credit = None  # "By The Daily Planet": the site's own name
            if credit and not self.named:
                self.named.append((credit, source))
            credited = bool(desk or credit or combo)
            for name in found:
                folded = name.casefold()
                if any(
                    folded == x.casefold() or folded.startswith(x.casefold() + " ") for x in names
                ):
                    continue  # the same person again, or with the outlet's name appended
                if (" " not in name or _SHOUTED.search(name)) and site_keys(
                    [name], []
                ) & self.sites:
                    continue
                if verify and not self.visible(name):  # visible() has read the body's text
                    shown_as = _login_as_shown(name, self.page_text[0])
                    if shown_as is None:
                        continue
                    name = shown_as  # noqa: PLW2901 - the login's name as the page writes it
                names.append(name)
        return tuple(names)


def choose_authors(
    ld: LdArticle | None,
    tags: PageTags,
    root: HtmlElement,
    *,
    heading: HtmlElement | None,
    sites: frozenset[str],
    marks: Callable[[], Marks],
) -> tuple[tuple[str, ...], str | None, list[str]]:
    """The people who wrote the article, the source used, and agencies met on the way.

    Names from JSON-LD and ``<meta>`` count only when the page shows them too, and
    a one-word name that is the site's own name is taken for the site.
    """
    met = _Credits(root, sites)
    agencies = met.agencies
    if ld is not None:
        names = met.clean(
            ld_names(ld.node.get("author"), ld, people_only=True), verify=True, source="json-ld"
        )
        if names:
            return names, "json-ld", agencies
    for key in _AUTHOR_META:
        names = met.clean(tags.all(key), verify=True, source=source_name(key))
        if names:
            return names, source_name(key), agencies
    names = met.clean(_yoast_author(tags), verify=True, source="twitter")
    if names:
        return names, "twitter", agencies
    names = met.clean(_described_byline(tags), verify=True, source="description")
    if names:
        return names, "description", agencies
    for source, raws in byline_candidates(root, heading, marks):
        names = met.clean(raws, verify=False, source=source, first_only=source in _FIRST_ONLY)
        if len(names) > _MAX_BYLINE_NAMES:  # a list of things, not of people
            continue
        if names:
            return names, source, agencies
    if met.desks:  # no person is named: the desk or team credited is the author
        return (met.desks[0][0],), met.desks[0][1], agencies
    if ld is not None:  # a JSON-LD Person whose name is unusual ("Der Spendenteddy")
        for raw in ld_names(ld.node.get("author"), ld, people_only=True):
            name = as_written(raw)
            if name and not is_agency(name) and not _names_site(name, sites) and met.visible(name):
                return (name,), "json-ld", agencies
    agreed = _agreed_credit(ld, tags)
    if agreed and met.visible(agreed):
        return (agreed,), "meta", agencies
    if met.named:  # a labelled byline naming an organisation, an agency credit
        return (met.named[0][0],), met.named[0][1], agencies
    dateline = _DATELINE_AGENCY.match(
        tags.get("description", "og:description", "twitter:description") or ""
    )
    if dateline and _agency_combo(dateline.group(1)):  # not a bare "(dpa)": the agency alone
        return (dateline.group(1),), "dateline", agencies
    return (), None, agencies


def _agreed_credit(ld: LdArticle | None, tags: PageTags) -> str | None:
    """A value all three kinds of author metadata agree on (JSON-LD, ``<meta>``, Yoast's
    card), whatever it names: a site, an organisation, a short pen name ("mh")."""
    groups: list[list[str]] = [
        ld_names(ld.node.get("author"), ld, people_only=False) if ld is not None else [],
        [v for key in _AUTHOR_META for v in tags.all(key)],
        _yoast_author(tags),
    ]
    counts: dict[str, int] = {}
    written: dict[str, str] = {}
    for group in groups:
        for raw in dict.fromkeys(group):
            if raw.startswith(("http://", "https://")) or len(raw) > _MAX_CREDIT:
                continue
            key = raw.casefold().strip()
            counts[key] = counts.get(key, 0) + 1
            written.setdefault(key, raw.strip())
    return next((written[k] for k, n in counts.items() if n >= _AGREEING), None)
