"""Bytes of a web page into text, the way browsers decide the encoding.

The order follows the WHATWG encoding sniffing algorithm, cut down to what a
parser without an HTTP response can know: a byte order mark, then a
``<meta charset>`` or ``http-equiv`` declaration near the top, then a strict
UTF-8 trial, then windows-1252 (what "Latin-1" pages really are). Labels that
WHATWG treats as windows-1252 (iso-8859-1, latin1, ascii) are read as such, so
bytes 0x93/0x94 become curly quotes rather than C1 control characters; likewise
gb2312 and GBK are read as GB18030, Shift_JIS as windows-31j, EUC-KR as
windows-949 and Big5 as Big5-HKSCS, the supersets WHATWG decodes them with.
"""

from __future__ import annotations

import codecs
import re
from typing import Final

from newsmodel.model import ParseWarning

__all__ = ["Decoded", "clean_text", "decode_html", "decode_text"]

SNIFF_BYTES: Final = 2048
"""How far into the page a charset declaration is looked for."""

_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CHARSET: Final = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_WINDOWS_1252_LABELS: Final = frozenset(
    {"cp1252", "latin_1", "ascii", "iso8859_1", "iso8859-1", "us-ascii", "l1", "latin1"}
)
_WHATWG_SUPERSETS: Final = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
}
"""Python codecs whose repertoire is narrower than the decoder WHATWG uses for their labels."""
_WHATWG_LABELS: Final = {
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "csgb2312": "gb18030",
    "iso-ir-58": "gb18030",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "windows-874": "cp874",
    "windows-949": "cp949",
    "x-x-big5": "big5hkscs",
}
"""WHATWG labels Python's codec registry does not know."""
_WEB_ENCODINGS: Final = frozenset(
    {
        "utf-8", "cp866", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-6",
        "iso8859-7", "iso8859-8", "iso8859-9", "iso8859-10", "iso8859-11", "iso8859-13",
        "iso8859-14", "iso8859-15", "iso8859-16", "koi8-r", "koi8-u", "mac-roman",
        "mac-cyrillic", "cp874", "tis-620", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254",
        "cp1255", "cp1256", "cp1257", "cp1258", "gbk", "gb2312", "gb18030", "big5", "big5hkscs",
        "euc_jp", "iso2022_jp", "shift_jis", "cp932", "euc_kr", "cp949",
    }
)  # fmt: skip
"""The WHATWG encodings, as Python codec names: a label naming any other codec (``hex``,
``rot13``, ``unicode_escape``, ``utf-7``...) is ignored, never obeyed."""
_NO_BOM_UTF16_32: Final = (
    (re.compile(rb"\x00\x00\x00<"), "utf-32-be"),
    (re.compile(rb"<\x00\x00\x00"), "utf-32-le"),
    (re.compile(rb"\x00<\x00[^\x00]"), "utf-16-be"),
    (re.compile(rb"<\x00[^\x00]\x00"), "utf-16-le"),
)
"""How the first ``<`` of a page looks in UTF-16/32 without a BOM (XML 1.0, appendix F)."""
_LEADING_SPACE: Final = re.compile(rb"[ \t\r\n]*")
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_C0_BYTES: Final = bytes((*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F))
_C1: Final = re.compile(rb"\xc2[\x80-\x9f]")  # one literal prefix: re searches it fast
_C1_LEAD: Final = 0xC2
_C1_LAST: Final = 0x9F
_C1_PROBES: Final = 32
"""How many ``0xC2`` lead bytes are checked one by one before a regex search takes over."""
_NONCHARACTER: Final = re.compile(rb"\xef\xbf[\xbe\xbf]")  # U+FFFE, U+FFFF
_NONCHARACTER_LEAD: Final = 0xEF
_UTF8_MULTIBYTE: Final = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH_BYTE: Final = re.compile(rb"[\x80-\xff]")


class Decoded:
    """A decoded page: its UTF-8 bytes, ready for lxml, and what went wrong on the way."""

    __slots__ = ("data", "encoding", "warnings")

    def __init__(self, data: bytes, encoding: str, warnings: tuple[ParseWarning, ...]) -> None:
        self.data = data
        self.encoding = encoding
        self.warnings = warnings


def _normalize_label(label: bytes) -> str | None:
    """The Python codec for a declared charset label, WHATWG-mapped; None if unknown."""
    try:
        text = label.decode("ascii").strip().lower()
        name = codecs.lookup(_WHATWG_LABELS.get(text, text)).name
    except (LookupError, UnicodeDecodeError):
        return None
    name = _WHATWG_SUPERSETS.get(name, name)
    if name in _WINDOWS_1252_LABELS:
        return "cp1252"
    if name.startswith(("utf-16", "utf-32")):
        # A page declaring UTF-16 without a BOM is read as UTF-8 (WHATWG).
        return "utf-8"
    return name if name in _WEB_ENCODINGS else None


def _declared(head: bytes) -> str | None:
    match = _CHARSET.search(head)
    if match is None:
        return None
    return _normalize_label(match.group(1) or match.group(2))


def _looks_like_cp1252(data: bytes) -> bool:
    """True when the non-ASCII bytes are mostly not UTF-8 sequences (mislabelled Latin-1)."""
    high = len(_HIGH_BYTE.findall(data))
    in_sequences = sum(len(m) for m in _UTF8_MULTIBYTE.findall(data))
    return in_sequences * 2 < high


def clean_text(text: str) -> tuple[str, bool]:
    """*text* without control characters, lone surrogates and non-characters; and whether any went."""
    # A form feed is whitespace to a reader but not XML-compatible: lxml refuses it in text.
    cleaned = _CONTROL.sub("", text.replace("\x0c", " "))
    return cleaned, len(cleaned) != len(text)


def _from_text(text: str, encoding: str, warnings: list[ParseWarning]) -> Decoded:
    cleaned, changed = clean_text(text)
    if changed:
        warnings.append(
            ParseWarning(code="control-characters", message="control characters were removed")
        )
    return Decoded(cleaned.encode("utf-8"), encoding, tuple(warnings))


def decode_text(text: str) -> Decoded:
    """A page given as text: drop a leading BOM and any XML encoding declaration's effect."""
    return _from_text(text.removeprefix("\ufeff"), "utf-8", [])


def decode_html(data: bytes) -> Decoded:
    """Decode page bytes as a browser would; return UTF-8 bytes for the parser."""
    warnings: list[ParseWarning] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if encoding == "utf-8":
                return _from_utf8(body, warnings, declared=True)
            text = body.decode(encoding, errors="replace")
            if "\ufffd" in text:
                warnings.append(_replaced(encoding))
            return _from_text(text, encoding, warnings)
    # The first bytes after any leading whitespace: lstrip() would copy the page.
    start = match.end() if (match := _LEADING_SPACE.match(data)) else 0
    head = data[start : start + 4]
    for pattern, encoding in _NO_BOM_UTF16_32:
        if pattern.match(head):
            text = data.decode(encoding, errors="replace")
            if "\ufffd" in text:
                warnings.append(_replaced(encoding))
            return _from_text(text, encoding, warnings)
    declared = _declared(data[:SNIFF_BYTES])
    if declared is None or declared == "utf-8":
        return _from_utf8(data, warnings, declared=declared is not None)
    try:
        text = data.decode(declared)
    except UnicodeDecodeError:
        try:
            # The bytes break the declaration; valid UTF-8 means the label is wrong.
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode(declared, errors="replace")
            warnings.append(_replaced(declared))
        else:
            warnings.append(
                ParseWarning(
                    code="charset-mislabelled",
                    message=f"the page says {declared} but is UTF-8; read as UTF-8",
                )
            )
            declared = "utf-8"
    return _from_text(text, declared, warnings)


def _replaced(encoding: str) -> ParseWarning:
    return ParseWarning(
        code="undecodable-bytes",
        message=f"bytes that are not valid {encoding} were replaced by U+FFFD",
    )


def _has_c1(data: bytes) -> bool:
    """True when UTF-8 *data* holds a C1 control (``C2 80`` to ``C2 9F``).

    Most pages hold a few ``0xC2`` lead bytes (a no-break space, a copyright sign):
    finding them with ``bytes.find`` (memchr) and looking at the next byte is several
    times faster than a regex scan, which takes over on pages with many of them.
    """
    size = len(data)
    pos = data.find(_C1_LEAD)
    for _ in range(_C1_PROBES):
        if pos < 0:
            return False
        if pos + 1 < size and 0x80 <= data[pos + 1] <= _C1_LAST:
            return True
        pos = data.find(_C1_LEAD, pos + 1)
    return pos >= 0 and _C1.search(data, pos) is not None


def _has_controls(data: bytes) -> bool:
    """True when UTF-8 *data* holds a C0 or C1 control character or a non-character."""
    # Each test is a memchr first: a page without the byte at all is dismissed at memory speed.
    return (
        any(byte in data for byte in _C0_BYTES)
        or _has_c1(data)
        or (_NONCHARACTER_LEAD in data and _NONCHARACTER.search(data) is not None)
    )


def _from_utf8(data: bytes, warnings: list[ParseWarning], *, declared: bool) -> Decoded:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # Valid UTF-8 without control characters goes to lxml as it is (the common
        # case: two C-speed scans); otherwise it is cleaned, with a warning, because
        # the metadata read from the tree (a <title>, a meta tag) is never cleaned later.
        if not _has_controls(data):
            return Decoded(data, "utf-8", ())
        return _from_text(data.decode("utf-8"), "utf-8", warnings)
    if _looks_like_cp1252(data):
        if declared:
            warnings.append(
                ParseWarning(
                    code="charset-mislabelled",
                    message="the page says UTF-8 but is windows-1252; read as windows-1252",
                )
            )
        text = data.decode("cp1252", errors="replace")
        if "\ufffd" in text:
            warnings.append(_replaced("windows-1252"))
        return _from_text(text, "cp1252", warnings)
    warnings.append(_replaced("utf-8"))
    return _from_text(data.decode("utf-8", errors="replace"), "utf-8", warnings)
