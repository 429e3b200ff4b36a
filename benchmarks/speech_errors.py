"""Error analysis for find_speech against an attribution corpus (PolNeAR shape).

Uses the matching rules of ../shared/eval/score_attributions.py (imported from
there) and prints misses and false positives by type, with short context, so
rules can be improved on the training split only.

Usage: python benchmarks/speech_errors.py TRAIN.jsonl [--limit N] [--kind direct] [--show N] [--what fn|fp|spk]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

from _shared import SHARED

sys.path.insert(0, str(SHARED / "eval"))


def main() -> int:
    import score_attributions as sa

    import newsmodel

    ap = argparse.ArgumentParser()
    ap.add_argument("file", type=Path)
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--kind", default=None)
    ap.add_argument("--show", type=int, default=20)
    ap.add_argument("--what", default="fn")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    docs = [json.loads(x) for x in args.file.read_text(encoding="utf-8").splitlines()[: args.limit]]
    out = []
    counts: Counter[str] = Counter()
    for d in docs:
        art = newsmodel.parse_text(d["text"])
        text = art.text
        preds = sa.predictions(art)
        golds = d["attributions"]
        m = sa.match(preds, golds)
        mp = {i for i, _ in m}
        mg = {j for _, j in m}
        stmts = art.statements
        if args.what == "buckets":
            good = {i for i, j in m if sa.same_speaker(preds[i]["forms"], golds[j].get("speaker"))}
            for i, p in enumerate(preds):
                n = len(p["content"].split())
                src = p["forms"][0] or ""
                stype = (
                    "none"
                    if not src
                    else "pron"
                    if src.lower() in {"he", "she", "they", "i", "we", "it", "you", "who"}
                    else "name"
                    if src[0].isupper()
                    else "nominal"
                )
                keys = [f"kind={p['kind']}", f"len={min(n // 5 * 5, 40)}", f"src={stype}"]
                if stype in {"pron", "nominal"}:
                    keys.append(f"word={src.lower().split()[-1]}")
                for key in keys:
                    counts["n " + key] += 1
                    counts["ok " + key] += i in good
            continue
        if args.what == "cueprec":
            good = {i for i, j in m if sa.same_speaker(preds[i]["forms"], golds[j].get("speaker"))}
            for i, p in enumerate(preds):
                key = (p["cue"] or "").lower().split()[-1] if p["cue"] else "-"
                counts[f"n {key}"] += 1
                counts[f"ok {key}"] += i in good
            continue
        if args.what == "fncat":
            from newsmodel.extract.cues import load_cues

            lex = load_cues().classes
            for j, g in enumerate(golds):
                if j in mg:
                    continue
                cue = (g.get("cue") or "").lower()
                known = any(f" {form} " in f" {cue} " for form in lex) or cue.strip(" :") == ""
                gb = sa.bag(g["content"])
                scored = [(sa.dice(gb, sa.bag(p["content"])), k) for k, p in enumerate(preds)]
                best, bk = max(scored, default=(0.0, -1))
                near = "overlap" if best >= 0.2 else "none"
                key = f"{g['quote_type']:8} cue={'known' if known else 'other'} pred={near}"
                counts[key] += 1
                line = (
                    f"{key} SPK={g.get('speaker')!r} CUE={g.get('cue')!r} C={g['content'][:150]!r}"
                )
                if bk >= 0 and best >= 0.2:
                    line += f"\n      PRED d={best:.2f} {preds[bk]['forms'][0]!r} {preds[bk]['cue']!r} {preds[bk]['content'][:200]!r}"
                out.append(line)
        elif args.what == "fn":
            for j, g in enumerate(golds):
                if j in mg or (args.kind and g["quote_type"] != args.kind):
                    continue
                counts[f"fn {g['quote_type']} cue={(g.get('cue') or '').lower().split()[-1:]}"] += 1
                out.append(
                    f"FN {g['quote_type']} SPK={g.get('speaker')!r} CUE={g.get('cue')!r} C={g['content'][:160]!r}"
                )
        elif args.what == "fp":
            for i, p in enumerate(preds):
                if i in mp or (args.kind and p["kind"] != args.kind):
                    continue
                counts[f"fp {p['kind']} cue={p['cue']}"] += 1
                s = stmts[i]
                lo = max(
                    0,
                    min(
                        [s.content_spans[0].start]
                        + ([s.source_span.start] if s.source_span else [])
                    )
                    - 80,
                )
                hi = s.content_spans[-1].end + 40
                out.append(
                    f"FP {p['kind']} SRC={p['forms'][0]!r} CUE={p['cue']!r} C={p['content'][:100]!r}\n    CTX={text[lo:hi]!r}"
                )
        else:
            for i, j in m:
                if not sa.same_speaker(preds[i]["forms"], golds[j].get("speaker")):
                    if args.kind and golds[j]["quote_type"] != args.kind:
                        continue
                    s = stmts[i]
                    lo = max(0, s.content_spans[0].start - 100)
                    out.append(
                        f"SPK pred={preds[i]['forms'][0]!r} gold={golds[j].get('speaker')!r} cue={preds[i]['cue']!r}/{golds[j].get('cue')!r}\n    CTX={text[lo : s.content_spans[-1].end + 60]!r}"
                    )
    if args.what == "buckets":
        for k in sorted(k for k in counts if k.startswith("n ")):
            print(f"{k[2:]:15} n={counts[k]:5} precision={counts['ok ' + k[2:]] / counts[k]:.2f}")
        return 0
    if args.what == "cueprec":
        rows = [
            (counts[k] - counts["ok " + k[2:]], counts["ok " + k[2:]], k[2:])
            for k in counts
            if k.startswith("n ")
        ]
        for bad, ok, key in sorted(rows, reverse=True)[:60]:
            print(f"{key:15} wrong={bad:4} right={ok:4}")
        return 0
    for k, v in counts.most_common(25):
        print(v, k)
    random.seed(args.seed)
    for line in random.sample(out, min(args.show, len(out))):
        print(line)
    print(len(out), "items")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
