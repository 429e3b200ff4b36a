"""Fuzz parse_text: any text gives an Article or a ParseError."""

from __future__ import annotations

import contextlib

from _harness import own_texts, run, shared_files

from newsmodel import NewsmodelError, ParseOptions, parse_text

_OPTIONS = (ParseOptions(), ParseOptions(analyze=False), ParseOptions(strict=True))


def test(data: bytes) -> None:
    """One input: the first byte picks the options, the rest is the text (surrogates kept)."""
    if not data:
        return
    text = data[1:].decode("utf-8", "surrogateescape")
    with contextlib.suppress(NewsmodelError):
        parse_text(text, options=_OPTIONS[data[0] % len(_OPTIONS)])


if __name__ == "__main__":
    seeds = [b"\x00" + t.encode() for t in own_texts()]
    seeds += [
        b"\x00" + s for s in shared_files("seed/*.txt", "corpora/bbc/politics/*.txt", limit=20)
    ]
    run("parse_text", test, seeds)
