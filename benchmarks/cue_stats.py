"""Count reporting cues in an attribution corpus (JSON Lines, PolNeAR shape).

Prints the most frequent cue strings and cue words per quote type, so the cue
lexicon in src/newsmodel/data/cues.txt can be checked against real usage.
Only counts are printed, never corpus text beyond single cue words.

Usage: python benchmarks/cue_stats.py ../shared/corpora/polnear/train.jsonl [--top N]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

WORD = re.compile(r"[\w’']+")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", type=Path)
    ap.add_argument("--top", type=int, default=150)
    args = ap.parse_args()
    whole: Counter[str] = Counter()
    last: dict[str, Counter[str]] = {}
    for line in args.file.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        for att in doc["attributions"]:
            cue = (att.get("cue") or "").strip().lower()
            words = WORD.findall(cue)
            whole[" ".join(words) or cue] += 1
            key = words[-1] if words else cue
            last.setdefault(att["quote_type"], Counter())[key] += 1
    print("cue strings:", whole.most_common(args.top))
    for kind, counts in sorted(last.items()):
        print(kind, "last words:", counts.most_common(args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
