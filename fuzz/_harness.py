"""Shared set-up of the atheris fuzz targets: the seed corpus and the run loop.

Each ``fuzz_<entry point>.py`` calls :func:`run` with a test function that feeds
the bytes to one public entry point and lets only ``NewsmodelError`` pass. The seed
corpus is written at run time (nothing third-party is committed) into
``fuzz/.corpus/<name>/`` from our own fixtures: the bundled example article,
``tests/data``, and what our writers make of them (JSON, NewsML-G2, ninjs). Where
``../shared`` is present its pages and IPTC examples are added too (read, not copied
into the repository). A crash is saved as ``fuzz/findings/<name>-crash-<sha1>``.

Run one for a set time from the repository root::

    pip install -e '.[fuzz]'
    python fuzz/fuzz_parse_html.py -max_total_time=600
"""

from __future__ import annotations

import gzip
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import atheris  # noqa: E402  (after the path set-up, before instrumenting)

with atheris.instrument_imports(include=["newsmodel"]):
    import newsmodel  # noqa: F401


def find_shared() -> Path | None:
    """``../shared`` beside the checkout (or its parent, for worktrees), or $NEWSMODEL_SHARED."""
    env = os.environ.get("NEWSMODEL_SHARED")
    candidates = [Path(env)] if env else [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    return next((path for path in candidates if (path / "corpora").is_dir()), None)


def own_texts() -> list[str]:
    """Our own plain-text fixtures: the bundled example and tests/data/**/*.txt."""
    files = [ROOT / "src/newsmodel/data/example/libya-russia-2016.txt"]
    files += sorted((ROOT / "tests" / "data").rglob("*.txt"))
    return [path.read_text("utf-8", "replace") for path in files]


def own_documents() -> dict[str, list[bytes]]:
    """The example and a few text fixtures written by our own writers, per format."""
    from newsmodel import NewsmodelError, parse_text, to_json, to_newsml
    from newsmodel.serialize.ninjs import to_ninjs_json

    out: dict[str, list[bytes]] = {"json": [], "newsml": [], "ninjs": [], "html": []}
    for text in own_texts()[:12]:
        try:
            article = parse_text(text)
            out["json"].append(to_json(article).encode())
            out["newsml"].append(to_newsml(article))
            out["ninjs"].append(to_ninjs_json(article).encode())
        except NewsmodelError:
            continue
        body = "".join(f"<p>{p}</p>" for p in article.paragraphs)
        out["html"].append(
            f"<html><head><title>{article.headline}</title></head>"
            f"<body><article><h1>{article.headline}</h1>{body}</article></body></html>".encode()
        )
    return out


def shared_files(*patterns: str, limit: int = 40) -> list[bytes]:
    """Files of ../shared matching *patterns* (gzip-decompressed), when ../shared is present."""
    shared = find_shared()
    if shared is None:
        return []
    found: list[bytes] = []
    for pattern in patterns:
        for path in sorted(shared.glob(pattern))[:limit]:
            data = path.read_bytes()
            found.append(gzip.decompress(data) if path.suffix == ".gz" else data)
    return found


def run(name: str, test: Callable[[bytes], None], seeds: Iterable[bytes]) -> None:
    """Write *seeds* to fuzz/.corpus/<name> and fuzz *test* with libFuzzer's command line."""
    corpus = ROOT / "fuzz" / ".corpus" / name
    corpus.mkdir(parents=True, exist_ok=True)
    for i, seed in enumerate(seeds):
        (corpus / f"seed-{i:04d}").write_bytes(seed[:200_000])
    findings = ROOT / "fuzz" / "findings"
    findings.mkdir(exist_ok=True)
    argv = [sys.argv[0], *sys.argv[1:]]
    if not any(not a.startswith("-") for a in argv[1:]):
        argv.append(str(corpus))
    if not any(a.startswith("-artifact_prefix=") for a in argv):
        argv.append(f"-artifact_prefix={findings}/{name}-")
    if not any(a.startswith("-max_len=") for a in argv):
        argv.append("-max_len=65536")
    sys.setrecursionlimit(10_000)  # a deeper default than CPython's 1000 would hide nothing
    atheris.Setup(argv, test)
    atheris.Fuzz()
