"""The command line on hostile files: main([...]) returns 0, 1 or 2 and never raises."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsmodel.cli import main
from tests.hostile._checks import examples
from tests.hostile._inputs import html_seeds, mutated_bytes, newsml_seeds, ninjs_seeds

_FORMATS = st.sampled_from(("auto", "html", "text", "json", "newsml", "ninjs"))
_TARGETS = st.sampled_from(("json", "jsonl", "newsml", "ninjs", "text"))
_FILES = st.one_of(
    st.binary(max_size=300),
    st.just(b""),
    st.deferred(lambda: mutated_bytes((*html_seeds()[:4], *newsml_seeds()[:4], *ninjs_seeds()))),
)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> int:
    status = main(argv)
    capsys.readouterr()
    assert status in {0, 1, 2}, f"main({argv}) returned {status}"
    return status


class TestCliHostileFiles:
    """convert and show on broken files of every format."""

    @settings(examples(150), suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(content=_FILES, source=_FORMATS, target=_TARGETS, analyze=st.booleans())
    def test_convert(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        *,
        content: bytes,
        source: str,
        target: str,
        analyze: bool,
    ) -> None:
        """convert returns 0 or 1 (a failed file is reported, never raised) on any file."""
        path = tmp_path / "input.bin"
        path.write_bytes(content)
        argv = ["convert", str(path), "--from", source, "--to", target, "-o", "-", "-q"]
        status = _run([*argv, *([] if analyze else ["--no-analysis"])], capsys)
        assert status in {0, 1}

    @settings(examples(150), suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(content=_FILES, source=_FORMATS)
    def test_show(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, source: str
    ) -> None:
        """show returns 0 or 1 on any file."""
        path = tmp_path / "input.bin"
        path.write_bytes(content)
        assert _run(["show", str(path), "--from", source, "--no-analysis"], capsys) in {0, 1}


class TestCliHostileArguments:
    """Arguments that make no sense are usage errors (2), not tracebacks."""

    @settings(examples(150), suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(st.sampled_from(["convert", "show", "validate", "example", "--to", "--from",
                                     "-o", "-j", "0", "-1", "x", "--url", "--width", "\x00",
                                     "--nope", "-", "\ud800"]), max_size=6))  # fmt: skip
    def test_argument_soup(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str]
    ) -> None:
        """Any list of known and unknown words gives an exit status, never an exception."""
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"<p>x</p>")))
        _run(argv, capsys)

    @pytest.mark.parametrize("name", ["\x00", "a\x00b.html", "\ud800.html", "\udcff.txt"])
    @pytest.mark.parametrize("command", ["convert", "show", "validate"])
    def test_unnameable_paths(
        self, capsys: pytest.CaptureFixture[str], command: str, name: str
    ) -> None:
        """A path holding a NUL or a lone surrogate is a failed file, not a ValueError (regression)."""
        assert _run([command, name], capsys) in {1, 2}

    @pytest.mark.parametrize("encoding", ["undefined", "idna", "hex", "rot13", "nope", "utf-7"])
    def test_hostile_encoding_option(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str
    ) -> None:
        """--encoding naming a codec that is no text encoding fails the file (regression: UnicodeError)."""
        path = tmp_path / "a.txt"
        path.write_bytes("Title\n\nBody “text” é.".encode())
        assert _run(["show", str(path), "--from", "text", "--encoding", encoding], capsys) in {0, 1}

    def test_unprintable_file_name(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A real file whose name is not valid UTF-8 is reported without an encoding error."""
        path = Path(os.fsdecode(bytes(tmp_path) + b"/\xff.txt"))
        path.write_bytes(b"Title\n\nBody text here.")
        assert _run(["convert", str(path), "--no-analysis", "-v"], capsys) in {0, 1}

    def test_missing_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A file that does not exist is a failed file (1) or a usage error (2)."""
        assert _run(["convert", str(tmp_path / "nope.html")], capsys) in {1, 2}

    def test_directory_as_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """show on a folder is reported, not raised."""
        assert _run(["show", str(tmp_path)], capsys) in {1, 2}
