"""The ``newsmodel`` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status."""
    parser = argparse.ArgumentParser(prog="newsmodel")
    parser.parse_args(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
