"""Inputs of hostile size and shape, built at any scale, and a subprocess that runs one.

Shared by tests/hostile/test_shapes.py (small scales, with a timeout) and
benchmarks/bench_scaling.py (1x, 2x, 4x, 8x up to the full size). Each shape is
run in a fresh interpreter, so a crash, a RecursionError or a runaway allocation
cannot take the test session down, and its time and peak memory are its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

__all__ = ["SHAPES", "Shape", "run_shape"]

ROOT: Final = Path(__file__).resolve().parents[2]

_SENTENCE: Final = "The minister met the ambassador in Tripoli on Tuesday to discuss security. "


def _words(chars: int) -> str:
    return (_SENTENCE * (chars // len(_SENTENCE) + 1))[:chars]


def _html_big(size: int) -> bytes:
    """A page of *size* bytes: metadata, navigation, scripts and many real paragraphs."""
    head = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Talks | Site</title>"
        '<meta property="og:title" content="Talks"></head><body>'
        "<nav><ul>"
        + "<li><a href='/x'>Section</a></li>" * 50
        + "</ul></nav><article><h1>Talks</h1>"
    )
    block = (
        "<p>“We will talk,” said Fayez Al-Sarraj on day {}. "
        + _SENTENCE * 5
        + "</p><script>var x=1;</script>"
    )
    count = max(1, (size - len(head)) // (len(block.encode()) + 4))
    body = "".join(block.format(i) for i in range(count))
    return (head + body + "</article></body></html>").encode()


def _html_deep(depth: int) -> bytes:
    return (
        "<html><body>" + "<div>" * depth + f"<p>{_SENTENCE * 3}</p>" + "</div>" * depth
    ).encode()


def _html_paragraphs(count: int) -> bytes:
    body = "".join(f"<p>Paragraph {i}: {_SENTENCE}</p>" for i in range(count))
    return f"<html><head><title>Many</title></head><body><article>{body}</article></body></html>".encode()


def _html_open_quote(size: int) -> bytes:
    return f"<html><body><article><p>He said “{_words(size)}</p></article></body></html>".encode()


def _text_one_line(size: int) -> str:
    return _words(size)


def _text_open_quote(size: int) -> str:
    return f"Headline\n\nHe said “{_words(size)}"


def _text_paragraphs(count: int) -> str:
    return "Headline\n\n" + "\n\n".join(f"Paragraph {i}: {_SENTENCE}" for i in range(count))


def _newsml_paragraphs(count: int) -> bytes:
    body = "".join(f"<p>Paragraph {i}: {_SENTENCE}</p>" for i in range(count))
    return (
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x" version="1" '
        'standard="NewsML-G2" standardversion="2.35"><itemMeta><itemClass qcode="ninat:text"/>'
        '<provider qcode="nprov:x"/><versionCreated>2016-12-28T10:00:00Z</versionCreated>'
        "</itemMeta><contentMeta><headline>Many</headline></contentMeta><contentSet>"
        '<inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">'
        f"<body><body.content>{body}</body.content></body></nitf></inlineXML></contentSet></newsItem>"
    ).encode()


@dataclass(frozen=True)
class Shape:
    """One hostile shape: how to build it at a size, which entry point reads it, its full size."""

    name: str
    entry: str
    build: Callable[[int], bytes | str]
    full: int
    unit: str


SHAPES: Final = {
    shape.name: shape
    for shape in (
        Shape("html-20mb", "parse_html", _html_big, 20_000_000, "bytes"),
        Shape("html-deep", "parse_html", _html_deep, 100_000, "levels"),
        Shape("html-10k-paragraphs", "parse_html", _html_paragraphs, 10_000, "paragraphs"),
        Shape("html-open-quote", "parse_html", _html_open_quote, 1_000_000, "chars"),
        Shape("text-no-newline", "parse_text", _text_one_line, 5_000_000, "chars"),
        Shape("text-open-quote", "parse_text", _text_open_quote, 1_000_000, "chars"),
        Shape("text-10k-paragraphs", "parse_text", _text_paragraphs, 10_000, "paragraphs"),
        Shape("newsml-10k-paragraphs", "from_newsml", _newsml_paragraphs, 10_000, "paragraphs"),
    )
}
"""Every shape the issue names, at its full size."""

_CHILD: Final = """
import json, resource, sys, time
from tests.hostile.shapes import SHAPES
import newsmodel
shape = SHAPES[sys.argv[1]]
data = shape.build(int(sys.argv[2]))
analyze = sys.argv[3] == "1"
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
entry = getattr(newsmodel, shape.entry)
start = time.perf_counter()
try:
    if shape.entry == "from_newsml":
        article = entry(data)
    else:
        article = entry(data, options=newsmodel.ParseOptions(analyze=analyze))
    outcome = f"article: {len(article.paragraphs)} paragraphs, {len(article.text):,} chars"
except newsmodel.NewsmodelError as err:
    outcome = f"{type(err).__name__}: {str(err)[:80]}"
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_mb": peak / 1024, "extra_mb": (peak - before) / 1024,
                  "input": len(data), "outcome": outcome}))
"""


def run_shape(
    name: str, size: int, *, analyze: bool = True, timeout: float = 300
) -> dict[str, object]:
    """Run shape *name* at *size* in a fresh interpreter; its figures, or raise on a crash/timeout.

    Raises:
        subprocess.TimeoutExpired: the run took longer than *timeout* seconds.
        RuntimeError: the child died (a traceback, a RecursionError, a signal).
    """
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, name, str(size), "1" if analyze else "0"],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=ROOT,
        check=False,
    )
    if done.returncode != 0:
        msg = f"{name} at {size:,} died with status {done.returncode}: {done.stderr[-2000:]}"
        raise RuntimeError(msg)
    figures: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures
