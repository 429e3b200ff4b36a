"""TEMPORARY local wiring (not committed): speech only, no people."""

from __future__ import annotations

import attrs

from newsmodel.extract.speech import find_speech
from newsmodel.model import Article
from newsmodel.options import ParseOptions

__all__ = ["analyze"]


def analyze(article: Article, *, options: ParseOptions) -> Article:
    statements, quotes = find_speech(article.text, resolve=lambda _s, _sp: None, language=options.language)
    return attrs.evolve(article, statements=statements, quotes=quotes)
