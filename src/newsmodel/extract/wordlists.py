"""Small word lists for sentence splitting and speaker phrases, from ``data/speech_words.txt``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
import importlib.resources

__all__ = ["word_list"]


@functools.cache
def _lists() -> dict[str, frozenset[str]]:
    source = importlib.resources.files("newsmodel").joinpath("data").joinpath("speech_words.txt")
    lists: dict[str, set[str]] = {}
    current: set[str] | None = None
    for raw in source.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = lists.setdefault(line[1:-1], set())
        elif current is not None:
            current.update(line.split())
    return {name: frozenset(words) for name, words in lists.items()}


def word_list(name: str) -> frozenset[str]:
    """The bundled word list *name* (lower case words); empty when there is no such list."""
    return _lists().get(name, frozenset())
