"""Build hook: compile the parsing and extraction modules with mypyc, else stay pure Python.

The modules that parse pages and find people and speech are plain, fully typed Python;
mypyc turns them into C extensions that run them about 1.3x as fast (docs/install.md).
The Python source is the same code, so an install without a C compiler, or with
``NEWSMODEL_PURE_PYTHON=1`` in the environment, gets the pure-Python package and the
same results, only slower. hatchling's own ``HATCH_BUILD_NO_HOOKS=true`` does the same.
"""

from __future__ import annotations

import os
from typing import Any

from hatch_mypyc.plugin import MypycBuildHook


class NewsmodelMypycHook(MypycBuildHook):  # type: ignore[misc]
    """hatch-mypyc, with a fallback to pure Python when the compilation cannot run."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        if os.environ.get("NEWSMODEL_PURE_PYTHON", "") not in {"", "0"}:
            self.app.display_info("newsmodel: NEWSMODEL_PURE_PYTHON is set; not compiling")
            return
        try:
            super().initialize(version, build_data)
        except Exception as err:  # noqa: BLE001 (no compiler, no headers: any reason at all)
            self.clean([version])
            self.app.display_warning(
                "newsmodel: the mypyc compilation failed, so this is the pure-Python build "
                f"(same results, slower). The compiler said:\n{str(err)[-4000:]}"
            )


def get_build_hook() -> type[NewsmodelMypycHook]:
    """The hook class, for hatchling (the module holds another subclass, its base)."""
    return NewsmodelMypycHook
