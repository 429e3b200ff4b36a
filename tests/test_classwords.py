"""The class-word matcher of the body finder: the same verdicts as a plain alternation."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.extract import _classwords

PLAIN = re.compile(
    "|".join(
        spelling
        for word in _classwords._FURNITURE_WORDS
        for spelling in _classwords._variants(word)
    )
)
"""The furniture words as the plain alternation the anchored pattern replaces."""

PIECES = [
    "share", "sharebar", "share-bar", "comment", "commentary", "comment-ary", "sign-up",
    "x-cta", "cta-x", "widget_", "article__body", "about-the-author", "tag-", "has-",
    "site-footer__menu", "footer", "post-", "body", "text", "-", "_", "md:block", "hidden",
    "modal", "login", "cookie", "content", "main", "a", "zz",
]  # fmt: skip


class TestAnchoredPatterns:
    """The patterns found from each word's rarest letter."""

    @given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6))
    def test_same_matches_as_the_plain_alternation(self, parts: list[str]) -> None:
        """Whether a string holds a furniture word does not depend on how it is searched."""
        text = "".join(parts)
        found = _classwords._WORDS.search(text) is not None
        assert found == (PLAIN.search(text) is not None)

    def test_variants_read_optional_hyphens(self) -> None:
        """ "a-?b-?c" spells four ways."""
        assert sorted(_classwords._variants("a-?b-?c")) == ["a-b-c", "a-bc", "ab-c", "abc"]


class TestVerdicts:
    """What a class-and-id string says about its element."""

    @pytest.mark.parametrize(
        ("hints", "furniture"),
        [
            ("site-footer__menu", True),
            ("commentary", False),
            ("comments-area", True),
            ("has-comments entry", False),
            ("author-box", True),
            ("entry-content share", False),
            ("hidden", True),
            ("b-login-registry", True),
        ],
    )
    def test_furniture(self, hints: str, *, furniture: bool) -> None:
        """Words inside tokens, taxonomy prefixes and body words."""
        assert _classwords.hints_are_furniture(hints) is furniture

    @pytest.mark.parametrize(
        ("hints", "overlay"),
        [
            ("eu-cookie-law", True),
            ("popup-banner", True),
            ("share-bar", False),
            ("has-modal", False),
        ],
    )
    def test_overlay(self, hints: str, *, overlay: bool) -> None:
        """Only furniture named as a box over the page is an overlay."""
        assert _classwords.hints_are_overlay(hints) is overlay
