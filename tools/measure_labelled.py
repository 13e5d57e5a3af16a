#!/usr/bin/env python3
"""Precision, recall and F1 of the bundled lists on a labelled JSON Lines set, through `kavach scan`.

    python3 tools/measure_labelled.py target/release/kavach FILE.jsonl [--positive LABEL] [-v]

Each line has `text` and `label`; a text is positive when its label is 1, true or the
`--positive` value (e.g. HOF for HASOC). Two readings are reported: a text counts as flagged when
its verdict is review or block (what the default policy acts on), and when it has any match.
Keep the sets this is run on out of the repository; never run it on the corpora DEVELOPERS.md
reserves for evaluation.
"""
import json
import sys

from kavach_scan import scan


def prf(pairs):
    tp = sum(1 for pred, gold in pairs if pred and gold)
    fp = sum(1 for pred, gold in pairs if pred and not gold)
    fn = sum(1 for pred, gold in pairs if not pred and gold)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    kavach, path = sys.argv[1], sys.argv[2]
    positive = sys.argv[sys.argv.index("--positive") + 1] if "--positive" in sys.argv else None
    texts, gold = [], []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{n}: not JSON: {e}")
            texts.append(row["text"])
            label = row["label"]
            gold.append(label == positive if positive is not None else label in (1, True, "1"))
    results = scan(kavach, texts)
    acted = [r["verdict"] != "allow" for r in results]
    matched = [bool(r["matches"]) for r in results]
    print(f"{path}: {len(texts)} texts, {sum(gold)} positive")
    for name, pred in (("verdict review/block", acted), ("any match", matched)):
        p, r, f1 = prf(list(zip(pred, gold)))
        print(f"  {name:22} precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")
    if "-v" in sys.argv:
        for t, a, g, r in zip(texts, acted, gold, results):
            if a and not g:
                print(f"  FP {', '.join(m['text'] for m in r['matches'])}: {t[:160]!r}")


if __name__ == "__main__":
    main()
