"""Language detection from script and stopwords: newsmodel.extract.language."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.extract.language import detect_language


class TestDetectLanguage:
    """detect_language names the language, or says None when unsure."""

    @pytest.mark.parametrize(
        ("text", "lang"),
        [
            ("The minister said that the talks would continue next week.", "en"),
            (
                "Der Minister sagte, dass die Gespräche fortgesetzt werden und es noch keine Einigung gibt.",
                "de",
            ),
            ("Le ministre a dit que les discussions vont continuer dans la semaine.", "fr"),
            ("El ministro dijo que las conversaciones continuarán por la semana.", "es"),
            ("Il ministro ha detto che i colloqui continueranno nella settimana.", "it"),
            (
                "De minister zei dat de gesprekken volgende week doorgaan en er is nog geen akkoord.",
                "nl",
            ),
            ("O ministro disse que as conversas vão continuar na semana, mas não há acordo.", "pt"),
            ("Ministern sa att samtalen fortsätter och det är inte klart när de blir klara.", "sv"),
            (
                "Ministeren sagde, at samtalerne fortsætter, og det er ikke klart hvad der sker efter mødet.",
                "da",
            ),
            (
                "Ministeren sa at samtalene fortsetter, og det er ikke klart hva som skjer etter møtet.",
                "no",
            ),
            ("Minister powiedział, że rozmowy będą kontynuowane i nie jest jasne, co dalej.", "pl"),
            ("Министр сказал, что переговоры будут продолжены и это не так.", "ru"),
            ("Ο υπουργός είπε ότι οι συνομιλίες θα συνεχιστούν.", "el"),
            ("東京で会議が開かれた", "ja"),
            ("서울에서 회의가 열렸다", "ko"),
            ("قال الوزير إن المحادثات ستستمر", "ar"),
        ],
    )
    def test_detects(self, text: str, lang: str) -> None:
        """Each sample gives its language."""
        assert detect_language(text) == lang

    @pytest.mark.parametrize("text", ["", "42", "ok ok", "Reuters AFP CNN", "xyz qwv"])
    def test_unsure(self, text: str) -> None:
        """Too little evidence gives None."""
        assert detect_language(text) is None

    @given(st.text())
    def test_never_raises(self, text: str) -> None:
        """Any string gives a short tag or None."""
        lang = detect_language(text)
        assert lang is None or (2 <= len(lang) <= 3 and lang.isalpha())
