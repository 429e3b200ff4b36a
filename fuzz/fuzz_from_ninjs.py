"""Fuzz from_ninjs: any bytes give an Article or a DeserializationError."""

from __future__ import annotations

import contextlib

from _harness import own_documents, run, shared_files

from newsmodel import NewsmodelError, from_ninjs


def test(data: bytes) -> None:
    """One input: the document."""
    with contextlib.suppress(NewsmodelError):
        from_ninjs(data)


if __name__ == "__main__":
    seeds = own_documents()["ninjs"] + shared_files("standards/ninjs/examples/*.json")
    run("from_ninjs", test, seeds)
