"""Which build of newsmodel runs here: modules compiled by mypyc, or pure Python.

An install from source compiles the parsing and extraction modules with mypyc when it
can (``hatch_build.py``); both builds run the same code and give the same results.
"""

from __future__ import annotations

import importlib.machinery

import newsmodel.extract.body

__all__ = ["build_name", "compiled"]


def compiled() -> bool:
    """Whether the extraction modules run as compiled C extensions."""
    path = newsmodel.extract.body.__file__ or ""
    return path.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def build_name() -> str:
    """``"compiled with mypyc"`` or ``"pure Python"``, for ``newsmodel --version``."""
    return "compiled with mypyc" if compiled() else "pure Python"
