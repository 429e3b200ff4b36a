"""Charset labels are read with the decoders WHATWG uses for them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.parse._decode import _has_controls, decode_html

CHINESE = "话剧《约定无期限》——兄弟，放心吧"


class TestWhatwgLabels:
    """Legacy CJK labels decode with the superset codec a browser uses."""

    @pytest.mark.parametrize("label", ["gb2312", "GB2312", "gbk", "x-gbk", "GB_2312-80"])
    def test_gb_labels_read_as_gb18030(self, label: str) -> None:
        """gb2312/GBK pages keep their em dashes (0xA1AA) instead of U+2015 or mojibake."""
        page = f'<meta charset="{label}"><p>{CHINESE}</p>'.encode("gb18030")
        decoded = decode_html(page)
        assert CHINESE in decoded.data.decode("utf-8")
        assert decoded.encoding == "gb18030"
        assert decoded.warnings == ()

    def test_gbk_only_characters_under_a_gb2312_label(self) -> None:
        """A GBK-only character under a gb2312 label is decoded, not replaced."""
        page = '<meta charset="gb2312"><p>镕基</p>'.encode("gbk")
        assert "镕基" in decode_html(page).data.decode("utf-8")

    def test_windows_31j_label(self) -> None:
        """A label Python's registry lacks (windows-31j) is still honoured."""
        page = '<meta charset="windows-31j"><p>日本語の記事①</p>'.encode("cp932")
        assert "日本語の記事①" in decode_html(page).data.decode("utf-8")


_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_TRICKY = "ab \n\t\u00a0\u00a9\u0080\u0085\u009f\u00c2\u00ef\ufeff\ufffd\ufffe\uffff\x00\x0c\x7f"


class TestControlScan:
    """The fast scan of valid UTF-8 for control characters agrees with a plain regex."""

    @given(st.text(alphabet=st.sampled_from(_TRICKY), max_size=120))
    def test_agrees_with_regex(self, text: str) -> None:
        """Any mix of no-break spaces, C0/C1 controls and non-characters is judged alike."""
        assert _has_controls(text.encode("utf-8")) == bool(_UNWANTED.search(text))

    @pytest.mark.parametrize(("tail", "expected"), [("\u0085", True), ("", False)])
    def test_c1_after_many_lead_bytes(self, tail: str, expected: bool) -> None:
        """A C1 control behind more 0xC2 lead bytes than the probe loop checks is still found."""
        assert _has_controls(("\u00a0" * 100 + tail).encode("utf-8")) is expected
