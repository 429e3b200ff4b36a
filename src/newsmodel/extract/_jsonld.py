"""JSON-LD in ``<script type="application/ld+json">``: tolerant reading and the article node.

Pages give an object, a top-level list or an ``@graph`` array; ``@type`` is a
string or a list; ``author`` is a string, an object, a list or an ``{"@id"}``
reference. Broken JSON (trailing commas, raw newlines, HTML comments) is read
where a small repair makes it valid, and skipped otherwise.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any, Final, TypeAlias

import attrs

__all__ = ["LdArticle", "first_text", "ld_names", "read_json_ld"]

Node: TypeAlias = dict[str, Any]

_TRAILING_COMMA: Final = re.compile(r",\s*(?=[}\]])")
_ENTITY: Final = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_WRAPPER: Final = re.compile(
    r"^\s*(?:<!--|//\s*<!\[CDATA\[|/\*\s*<!\[CDATA\[\s*\*/)|(?:-->|//\s*\]\]>|/\*\s*\]\]>\s*\*/)\s*$"
)
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

ARTICLE_TYPES: Final = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "askpublicnewsarticle",
        "satiricalarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "discussionforumposting",
        "report",
        "techarticle",
        "scholarlyarticle",
        "medicalscholarlyarticle",
        "advertisertcontentarticle",
        "creativework",
        "review",
        "recipe",
        "howto",
        "event",
        "videoobject",
    }
)
"""Types whose node describes the page's main content (lower case, without a prefix)."""

_PRIMARY_TYPES: Final = ARTICLE_TYPES - {
    "creativework",
    "review",
    "recipe",
    "howto",
    "event",
    "videoobject",
}
_PAGE_TYPES: Final = frozenset(
    {"webpage", "itempage", "aboutpage", "collectionpage", "profilepage"}
)
_ORG_TYPES: Final = frozenset(
    {
        "organization",
        "newsmediaorganization",
        "corporation",
        "localbusiness",
        "educationalorganization",
    }
)


@attrs.frozen(kw_only=True)
class LdArticle:
    """The JSON-LD node describing the page's article, with references resolved where needed."""

    node: Node
    page: Node | None
    by_id: dict[str, Node]
    site_names: tuple[str, ...]

    def text(self, *keys: str) -> str | None:
        """The first non-empty string among *keys* of the article node."""
        for key in keys:
            value = first_text(self.node.get(key))
            if value:
                return value
        return None

    def resolve(self, value: Any) -> Any:
        """Replace an ``{"@id": ...}`` reference by the node it names, when known."""
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and "@id" in value:
            return self.by_id.get(str(value["@id"]), value)
        return value


def first_text(value: Any) -> str | None:
    """A string value, the first string of a list, or the ``@value``/``name`` of an object."""
    if isinstance(value, str):
        if "&" in value:  # "Redacci&oacute;n": HTML entities left in the JSON by the CMS
            value = _ENTITY.sub(lambda m: html.unescape(m.group(0)), value)
        text = " ".join(value.split())
        return text or None
    if isinstance(value, list):
        for item in value:
            found = first_text(item)
            if found:
                return found
        return None
    if isinstance(value, dict):
        return first_text(value.get("@value") or value.get("name"))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _types(node: Node) -> set[str]:
    raw = node.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return {n.rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for n in names if isinstance(n, str)}


def load_json(raw: str) -> Any:
    """Decode *raw* JSON, repairing the common breakages; ``None`` when it cannot be read."""
    text = raw.strip()
    # The wrapper pattern tries its closing forms at every character of the block: run
    # it only when an opening form starts the block or a closing marker is in it.
    if text.startswith(("<!--", "//", "/*")) or "-->" in text or "]]>" in text:
        text = _WRAPPER.sub("", text)
    text = text.strip().rstrip(";")
    if not text:
        return None
    for attempt in (text, _TRAILING_COMMA.sub("", _CONTROL.sub(" ", text))):
        try:
            return json.loads(attempt, strict=False)
        except json.JSONDecodeError:
            continue
    # Several objects one after the other, or garbage after the first one.
    decoder = json.JSONDecoder(strict=False)
    text = _TRAILING_COMMA.sub("", _CONTROL.sub(" ", text))
    items: list[Any] = []
    pos = 0
    while pos < len(text):
        try:
            item, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError:
            break
        items.append(item)
        pos = end
        while pos < len(text) and text[pos] in " \t\r\n,;":
            pos += 1
    return items or None


def _walk(value: Any, out: list[Node], depth: int = 0) -> None:
    """Collect every typed node: top-level objects, list items, ``@graph`` members."""
    if depth > 4:
        return
    if isinstance(value, list):
        for item in value:
            _walk(item, out, depth + 1)
    elif isinstance(value, dict):
        if "@type" in value:
            out.append(value)
        graph = value.get("@graph")
        if graph is not None:
            _walk(graph, out, depth + 1)
        main = value.get("mainEntity")
        if isinstance(main, dict | list):
            _walk(main, out, depth + 1)


def _url_key(url: str | None) -> str:
    if not url:
        return ""
    key = re.sub(r"^https?://(www\.)?", "", url.strip().lower()).split("#", 1)[0]
    return key.split("?", 1)[0].rstrip("/")


def _node_url(node: Node) -> str | None:
    for key in ("url", "mainEntityOfPage", "@id"):
        value = node.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str) and value.startswith("http"):
            return value
    return None


def _score(node: Node, url: str | None) -> int:
    types = _types(node)
    score = 0
    if types & _PRIMARY_TYPES:
        score += 4
    elif types & ARTICLE_TYPES:
        score += 1
    if node.get("headline"):
        score += 2
    if node.get("datePublished"):
        score += 1
    if url and _url_key(_node_url(node)) == _url_key(url):
        score += 3
    return score


def read_json_ld(scripts: list[str], *, url: str | None) -> tuple[LdArticle | None, int]:
    """The page's article node (``None`` without article-typed JSON-LD) and the unreadable block count."""
    nodes: list[Node] = []
    broken = 0
    for raw in scripts:
        data = load_json(str(raw))
        if data is None:
            broken += bool(str(raw).strip())
        else:
            _walk(data, nodes)
    if not nodes:
        return None, broken
    by_id = {str(n["@id"]): n for n in nodes if isinstance(n.get("@id"), str)}
    candidates = [n for n in nodes if _types(n) & ARTICLE_TYPES]
    page = next((n for n in nodes if _types(n) & _PAGE_TYPES), None)
    site_names = tuple(
        name
        for n in nodes
        if _types(n) & (_ORG_TYPES | {"website"})
        if (name := first_text(n.get("name")))
    )
    if not candidates:
        if page is None:
            return None, broken
        return LdArticle(node=page, page=None, by_id=by_id, site_names=site_names), broken
    best = max(candidates, key=lambda n: _score(n, url))
    return LdArticle(node=best, page=page, by_id=by_id, site_names=site_names), broken


def ld_names(value: Any, ld: LdArticle, *, people_only: bool) -> list[str]:
    """Names in a JSON-LD ``author``/``publisher`` value of any shape."""
    value = ld.resolve(value)
    if isinstance(value, str):
        text = first_text(value)
        return [text] if text else []
    if isinstance(value, list):
        return [name for item in value for name in ld_names(item, ld, people_only=people_only)]
    if isinstance(value, dict):
        types = value.get("@type")
        type_names = {
            t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)
        }
        if people_only and type_names and "person" not in type_names:
            return []
        name = first_text(value.get("name"))
        if name is None:
            given = first_text(value.get("givenName"))
            family = first_text(value.get("familyName"))
            name = " ".join(n for n in (given, family) if n) or None
        return [name] if name else []
    return []
