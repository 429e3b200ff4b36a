"""Fuzz from_json: any bytes give an Article or a DeserializationError."""

from __future__ import annotations

from _harness import own_documents, run

from newsmodel import NewsmodelError, from_json, to_json


def test(data: bytes) -> None:
    """One input: the document; what reads back must write and read back equal."""
    try:
        article = from_json(data)
    except NewsmodelError:
        return
    if from_json(to_json(article)) != article:
        raise AssertionError("from_json(to_json(a)) != a")


if __name__ == "__main__":
    run("from_json", test, own_documents()["json"])
