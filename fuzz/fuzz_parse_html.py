"""Fuzz parse_html: any bytes give an Article or a ParseError."""

from __future__ import annotations

import contextlib

from _harness import own_documents, run, shared_files

from newsmodel import NewsmodelError, ParseOptions, parse_html

_OPTIONS = (ParseOptions(), ParseOptions(analyze=False))


def test(data: bytes) -> None:
    """One input: the first byte picks the options and bytes-or-str, the rest is the page."""
    if not data:
        return
    page: bytes | str = data[1:]
    if data[0] & 2:
        page = data[1:].decode("utf-8", "surrogateescape")
    with contextlib.suppress(NewsmodelError):
        parse_html(page, options=_OPTIONS[data[0] & 1])


if __name__ == "__main__":
    seeds = [b"\x01" + page for page in own_documents()["html"]]
    seeds += [b"\x00" + p for p in shared_files("corpora/aeb-dev/pages/*.html.gz", limit=30)]
    run("parse_html", test, seeds)
