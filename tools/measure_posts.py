#!/usr/bin/env python3
"""Precision and recall of the bundled lists on the labelled posts in tests/corpus/, through
`kavach scan` (the path a platform uses).

    python3 tools/measure_posts.py target/release/kavach [-v]

clean-posts.txt holds benign posts (English, Hinglish, Devanagari): any verdict other than
`allow` is a false positive. hinglish-variants.tsv holds spellings of Hindi abuse as typed,
each scanned in a short Hinglish sentence ("tu ... hai"). abusive-posts.tsv holds abusive posts with the abusive word as
typed: a post counts as found when a match covers that word, by language.
"""
import pathlib
import sys

from kavach_scan import scan  # the same `kavach scan` call

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"


def main():
    kavach, verbose = sys.argv[1], "-v" in sys.argv
    clean = [l for l in (CORPUS / "clean-posts.txt").read_text(encoding="utf-8").splitlines()
             if l.strip() and not l.startswith("#")]
    results = scan(kavach, clean)
    acted = [(t, r) for t, r in zip(clean, results) if r["verdict"] != "allow"]
    reported = sum(1 for r in results if r["matches"])
    print(f"clean posts: {len(clean)}, {len(acted)} reviewed or blocked (false positives), "
          f"{reported} with any match (including allow-level)")
    for t, r in acted if verbose else []:
        print(f"  {r['verdict']:6} {t}  <- {', '.join(m['text'] for m in r['matches'])}")

    rows = [l.split("\t") for l in (CORPUS / "abusive-posts.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    results = scan(kavach, [post for _, _, post in rows])
    by_lang = {}
    for (lang, term, post), r in zip(rows, results):
        cp = post.find(term)
        # Match spans are bytes; compare in bytes.
        s = len(post[:cp].encode())
        e = s + len(term.encode())
        hit = any(m["start"] < e and s < m["end"] for m in r["matches"])
        acted = r["verdict"] != "allow"
        n = by_lang.setdefault(lang, [0, 0, 0])
        n[0] += 1
        n[1] += hit
        n[2] += acted
        if verbose and not hit:
            print(f"  missed [{lang}] {term!r}: {post}")
    for lang, (total, hit, acted) in sorted(by_lang.items()):
        print(f"abusive posts [{lang}]: {total}, expected word found in {hit} ({100 * hit / total:.1f}%), "
              f"verdict review/block for {acted}")
    total = sum(v[0] for v in by_lang.values())
    hit = sum(v[1] for v in by_lang.values())
    print(f"abusive posts [all]: {total}, expected word found in {hit} ({100 * hit / total:.1f}%)")

    rows = [l.split("\t") for l in (CORPUS / "hinglish-variants.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    results = scan(kavach, [f"tu {variant} hai" for _, variant in rows])
    found = 0
    for (canonical, variant), r in zip(rows, results):
        s, e = 3, 3 + len(variant.encode())
        hit = any(m["start"] < e and s < m["end"] for m in r["matches"])
        found += hit
        if verbose and not hit:
            print(f"  missed variant {variant!r} of {canonical!r}")
    print(f"Hindi spelling variants: {len(rows)}, found {found} ({100 * found / len(rows):.1f}%)")


if __name__ == "__main__":
    main()
