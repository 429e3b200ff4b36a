"""Fuzz from_newsml and iter_newsml: any bytes give Articles or a ParseError."""

from __future__ import annotations

from _harness import own_documents, run, shared_files

from newsmodel import NewsmodelError, iter_newsml


def test(data: bytes) -> None:
    """One input: every item of the document, with and without our model rendition."""
    use_model = bool(data[:1]) and data[0] & 1 == 1
    try:
        for _ in iter_newsml(data, use_model=use_model):
            pass
    except NewsmodelError:
        pass


if __name__ == "__main__":
    seeds = own_documents()["newsml"]
    seeds += shared_files(
        "standards/newsml-g2/examples/*.xml",
        "standards/newsml-g2/skeletons/*.xml",
        "standards/newsml-g2/unit_tests/*/*.xml",
    )
    run("newsml", test, seeds)
