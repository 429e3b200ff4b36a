"""Charset labels are read with the decoders WHATWG uses for them."""

from __future__ import annotations

import pytest

from newsmodel.parse._decode import decode_html

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
