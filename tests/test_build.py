"""The installed build: compiled by mypyc or pure Python, fresh, and giving the same articles.

An install from source compiles the extraction modules with mypyc (hatch_build.py). The
compiled modules must be what their source says: not older than it (an edited module in
an editable install runs its old compiled self until it is rebuilt), and giving the same
articles as the pure-Python package run from the very same source.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import newsmodel
from newsmodel._build import build_name, compiled
from newsmodel.options import ParseOptions

PACKAGE = Path(newsmodel.__file__).resolve().parent
DATA = Path(__file__).parent / "data"
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
SUFFIXES = tuple(importlib.machinery.EXTENSION_SUFFIXES)

needs_compiled = pytest.mark.skipif(
    not compiled(), reason="pure-Python install: there is no compiled build to check"
)


def _extensions() -> list[Path]:
    return [p for p in PACKAGE.rglob("*") if p.name.endswith(SUFFIXES)]


def _digests() -> dict[str, str]:
    """A digest of the JSON of every hand-made page and text fixture, parsed here."""
    options = ParseOptions(now=NOW)
    out: dict[str, str] = {}
    for path in sorted(DATA.glob("html/**/*.html")):
        article = newsmodel.parse_html(
            path.read_bytes(), url="https://example.com/a", options=options
        )
        out[path.relative_to(DATA).as_posix()] = hashlib.sha1(
            newsmodel.to_json(article).encode()
        ).hexdigest()
    for path in sorted(DATA.glob("text/*.txt")):
        article = newsmodel.parse_text(path.read_text(encoding="utf-8"), options=options)
        out[path.relative_to(DATA).as_posix()] = hashlib.sha1(
            newsmodel.to_json(article).encode()
        ).hexdigest()
    return out


_CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])
import newsmodel, newsmodel._build
assert not newsmodel._build.compiled(), newsmodel.extract.body.__file__
import test_build
print(json.dumps(test_build._digests()))
"""


class TestBuild:
    """What ``newsmodel --version`` says, and the compiled modules against their source."""

    def test_version_names_the_build(self) -> None:
        """``--version`` says which build runs, as _build.compiled() finds it."""
        out = subprocess.run(
            [sys.executable, "-m", "newsmodel", "--version"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert out.strip() == f"newsmodel {newsmodel.__version__} ({build_name()})"
        assert ("compiled" in out) == bool(_extensions())

    @needs_compiled
    def test_compiled_modules_are_not_older_than_their_source(self) -> None:
        """Each compiled module is newer than its .py (else: reinstall, ``pip install -e .``)."""
        stale = []
        for ext in _extensions():
            source = ext.parent / (ext.name.split(".")[0] + ".py")
            if source.exists() and source.stat().st_mtime > ext.stat().st_mtime:
                stale.append(source.relative_to(PACKAGE).as_posix())
        assert not stale, f"edited after compiling (rebuild with pip install -e .): {stale}"

    @needs_compiled
    def test_pure_python_gives_the_same_articles(self, tmp_path: Path) -> None:
        """The package's own .py files, run without the compiled modules, give the same JSON."""
        pure = tmp_path / "pure"
        shutil.copytree(
            PACKAGE,
            pure / "newsmodel",
            ignore=lambda _dir, names: [n for n in names if n.endswith(SUFFIXES)],
        )
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        result = subprocess.run(
            [sys.executable, "-c", _CHILD, str(pure), str(Path(__file__).parent)],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            cwd=tmp_path,
        )
        assert result.returncode == 0, result.stderr[-2000:]
        here = _digests()
        assert len(here) >= 90
        assert json.loads(result.stdout) == here


class TestNoReferenceCycles:
    """A parsed page is freed when its Article is dropped, not at the next cyclic GC."""

    def test_parsers_leave_no_cycles(self) -> None:
        """parse_html and parse_text make no garbage only the cyclic GC could free.

        (Compiled by mypyc, closures that call each other form such cycles, and each one
        kept a whole page's lxml tree alive: the extraction code uses small classes instead.)
        """
        pages = sorted(DATA.glob("html/**/*.html"))[:20]
        text = (PACKAGE / "data" / "example" / "libya-russia-2016.txt").read_text(encoding="utf-8")
        newsmodel.parse_text(text)  # the lexicon and other caches load outside the check
        gc.collect()
        was_enabled = gc.isenabled()
        gc.disable()
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            for page in pages:
                newsmodel.parse_html(page.read_bytes())
            newsmodel.parse_text(text)
            gc.collect()
            kinds = sorted({type(o).__name__ for o in gc.garbage})
        finally:
            gc.set_debug(0)
            gc.garbage.clear()
            if was_enabled:
                gc.enable()
        assert kinds == []
