"""Fuzz the command line: main([...]) returns 0, 1 or 2 on any file and options."""

from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path

import atheris
from _harness import own_documents, own_texts, run

from newsmodel.cli import main

_FORMATS = ("auto", "html", "text", "json", "newsml", "ninjs")
_TARGETS = ("json", "jsonl", "newsml", "ninjs", "text")


def test(data: bytes) -> None:
    """One input: the first bytes pick the command and options, the rest is the file."""
    fdp = atheris.FuzzedDataProvider(data)
    command = fdp.ConsumeIntInRange(0, 1)
    source = _FORMATS[fdp.ConsumeIntInRange(0, len(_FORMATS) - 1)]
    target = _TARGETS[fdp.ConsumeIntInRange(0, len(_TARGETS) - 1)]
    analyze = fdp.ConsumeBool()
    content = fdp.ConsumeBytes(fdp.remaining_bytes())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input"
        path.write_bytes(content)
        if command == 0:
            argv = [
                "convert",
                str(path),
                "--from",
                source,
                "--to",
                target,
                "-o",
                f"{tmp}/out",
                "-q",
            ]
        else:
            argv = ["show", str(path), "--from", source]
        if not analyze:
            argv.append("--no-analysis")
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            status = main(argv)
    if status not in (0, 1, 2):
        msg = f"main returned {status}"
        raise AssertionError(msg)


if __name__ == "__main__":
    docs = own_documents()
    seeds = [
        b"\x00\x00\x00\x01" + d for kind in ("json", "newsml", "ninjs", "html") for d in docs[kind]
    ]
    seeds += [b"\x00\x00\x00\x01" + t.encode() for t in own_texts()[:10]]
    run("cli", test, seeds)
