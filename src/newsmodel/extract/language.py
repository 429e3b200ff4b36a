"""The language of a text, from its script or its most frequent function words.

Writing systems used by one language (Greek, Hebrew, Hangul, kana, Thai...) decide
at once. Latin and Cyrillic text is matched against small stopword profiles
(``data/stopwords.txt``). When the evidence is thin or two languages are close,
the answer is ``None``: newsmodel does not guess.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Final

__all__ = ["detect_language"]

SAMPLE_CHARS: Final = 500
"""Only the start of a text is read: a few hundred words settle the question."""
MIN_HITS: Final = 3
"""Fewer stopword hits than this: too little evidence."""
MIN_MARGIN: Final = 1.3
"""The best language must score this many times the runner-up."""

_SCRIPTS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    ("ja", re.compile("[\u3040-\u30ff]")),
    ("ko", re.compile("[\uac00-\ud7af\u1100-\u11ff]")),
    ("zh", re.compile("[\u4e00-\u9fff]")),
    ("el", re.compile("[\u0370-\u03ff]")),
    ("he", re.compile("[\u0590-\u05ff]")),
    ("th", re.compile("[\u0e00-\u0e7f]")),
    ("hy", re.compile("[\u0530-\u058f]")),
    ("ka", re.compile("[\u10a0-\u10ff]")),
)
_ARABIC_RE: Final = re.compile("[\u0600-\u06ff]")
_PERSIAN_RE: Final = re.compile("[پچژگ]")
_URDU_RE: Final = re.compile("[ٹڈڑںےھ]")
_DEVANAGARI_RE: Final = re.compile("[\u0900-\u097f]")
_UKRAINIAN_RE: Final = re.compile("[їєґі]", re.IGNORECASE)
_LETTER_RE: Final = re.compile(r"[^\W\d_]")
_NON_LATIN_RE: Final = re.compile("[\u0370-\u03ff\u0530-\u1fff\u3040-\u9fff\uac00-\ud7af]")


@functools.cache
def _profiles() -> tuple[frozenset[str], dict[str, tuple[tuple[str, float], ...]]]:
    """All stopwords, and for each the languages it belongs to with its weight 1/k.

    Read once from ``data/stopwords.txt``. A word shared by k profiles counts 1/k for
    each of them: shared words say little.
    """
    source = resources.files("newsmodel").joinpath("data", "stopwords.txt")
    index: dict[str, set[str]] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lang, _, words = line.partition(":")
        for word in words.split():
            index.setdefault(word, set()).add(lang.strip())
    weights = {
        word: tuple((lang, 1.0 / len(langs)) for lang in sorted(langs))
        for word, langs in index.items()
    }
    return frozenset(weights), weights


def _by_script(sample: str, letters: int) -> str | None:
    """A language settled by its writing system, when most letters use it."""
    threshold = max(1, letters // 3)
    if len(_ARABIC_RE.findall(sample)) >= threshold:
        if _URDU_RE.search(sample):
            return "ur"
        return "fa" if _PERSIAN_RE.search(sample) else "ar"
    if len(_DEVANAGARI_RE.findall(sample)) >= threshold:
        return "hi"
    for lang, regex in _SCRIPTS:
        if len(regex.findall(sample)) >= (1 if lang == "ja" else threshold):
            return lang
    return None


def detect_language(text: str) -> str | None:
    """The language of *text* as a BCP 47 tag (``"en"``, ``"de"``...), or ``None`` when unsure.

    Examples:
        >>> detect_language("The minister said that the talks would continue.")
        'en'
        >>> detect_language("42") is None
        True
    """
    sample = text[:SAMPLE_CHARS]
    if not sample.isascii() and _NON_LATIN_RE.search(sample):
        letters = len(_LETTER_RE.findall(sample))
        scripted = _by_script(sample, letters)
        if scripted is not None:
            return scripted
    vocabulary, weights = _profiles()
    # Splitting on whitespace is enough: stopwords rarely carry punctuation.
    scores: dict[str, float] = {}
    hits: dict[str, int] = {}
    for word in [w for w in sample.lower().split() if w in vocabulary]:
        for lang, weight in weights[word]:
            scores[lang] = scores.get(lang, 0.0) + weight
            hits[lang] = hits.get(lang, 0) + 1
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    best, best_score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if hits[best] < MIN_HITS or best_score < runner_up * MIN_MARGIN:
        return None
    if best == "ru" and _UKRAINIAN_RE.search(sample):
        return "uk"
    return best
