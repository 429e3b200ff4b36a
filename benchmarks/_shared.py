"""Where the benchmark scripts find ``../shared`` (corpora, scorers): one rule for all.

``$NEWSMODEL_SHARED`` when set, else ``shared/`` beside the checkout, else beside its
parent folder (a worktree kept one level down).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

_ROOT: Final = Path(__file__).resolve().parents[1]


def find_shared(*parts: str) -> Path | None:
    """``shared/<parts>`` from the first candidate folder that has it, or None."""
    env = os.environ.get("NEWSMODEL_SHARED")
    for shared in (
        Path(env) if env else None,
        _ROOT.parent / "shared",
        _ROOT.parent.parent / "shared",
    ):
        if shared is not None and shared.joinpath(*parts).exists():
            return shared.joinpath(*parts)
    return None


SHARED: Final = find_shared() or _ROOT.parent / "shared"
"""The shared folder, or where it is expected when it is absent (for default paths)."""
