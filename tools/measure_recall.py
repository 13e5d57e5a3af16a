#!/usr/bin/env python3
"""Recall of the bundled lists on an evasion set, and precision on a clean set, through
`kavach scan` (the same path a platform uses).

The evasion set is generated, deterministically, from the lists' own single-word ASCII terms:
each term is written with one evasion (or two combined) inside a short sentence of clean filler
words, and counts as found when kavach flags the text. The clean set is a word list
given on the command line (for example Debian's wamerican-huge), one text per word; every match
there that is not the word itself being offensive is a false positive to review by hand.

    python3 tools/measure_recall.py target/release/kavach [CLEAN_WORDS_FILE [-v]]
"""
import json
import pathlib
import random
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}
HOMOGLYPH = {"a": "\u0430", "c": "\u0441", "e": "\u0435", "o": "\u043e", "p": "\u0440", "x": "\u0445", "i": "\u0456"}


def terms():
    for lst in ("en", "hi-Latn"):
        section = None
        for line in (ROOT / "wordlists" / lst / f"{lst}.kavach").read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line.startswith("[") and line.endswith("]"):
                section = line
                continue
            if section != "[terms]" or not line or line.startswith("#"):
                continue
            term = line.split("|")[0].strip()
            if term.isascii() and term.isalpha() and len(term) >= 4:
                yield lst, term


def leet(t):
    for i, ch in enumerate(t[1:], 1):
        if ch in LEET:
            return t[:i] + LEET[ch] + t[i + 1:]
    return None


def mask(t):
    vowels = [i for i, ch in enumerate(t[1:-1], 1) if ch in "aeiou"]
    return t[:vowels[0]] + "*" + t[vowels[0] + 1:] if vowels else None


def homoglyph(t):
    for i, ch in enumerate(t):
        if ch in HOMOGLYPH:
            return t[:i] + HOMOGLYPH[ch] + t[i + 1:]
    return None


EVASIONS = {
    "plain": lambda t: t,
    "upper": str.upper,
    "leet": leet,
    "mask": mask,
    "dots": lambda t: ".".join(t),
    "spaces": lambda t: " ".join(t),
    "stretch": lambda t: next((t[:i] + ch * 4 + t[i + 1:] for i, ch in enumerate(t) if ch in "aeiou"), None),
    "fullwidth": lambda t: "".join(chr(ord(ch) + 0xFEE0) for ch in t),
    "math-bold": lambda t: "".join(chr(0x1D41A + ord(ch) - 97) for ch in t),
    "zero-width": lambda t: t[:2] + "\u200b" + t[2:],
    "diacritic": lambda t: "".join(ch + "\u0308" if ch in "aeiou" else ch for ch in t),
    "homoglyph": homoglyph,
    "leet+dots": lambda t: ".".join(leet(t)) if leet(t) else None,
    "homoglyph+stretch": lambda t: (homoglyph(t) or t) + t[-1] * 3,
}


# Clean words around the term, as typed in each list's language: romanised Hindi terms appear in
# Hinglish sentences (which is also what lets the list's context-mode terms match).
FILLERS = {
    "en": [("you are a", "today"), ("what a", "today"), ("such", "today"), ("lol", "today"), ("this is", "today")],
    "hi-Latn": [("tu", "hai"), ("abe", "kya kar raha"), ("kya", "yaar"), ("bhai ye", "hai"), ("lol", "hai kya")],
}


def scan(kavach, texts):
    data = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts))
    out = subprocess.run([kavach, "scan"], input=data.encode(), capture_output=True, check=False).stdout
    return [json.loads(line) for line in out.decode().splitlines()]


def main():
    kavach = sys.argv[1]
    rng = random.Random(7)
    cases = []
    for lst, term in terms():
        for name, f in EVASIONS.items():
            t = f(term)
            if t and t != term or name == "plain":
                pre, post = rng.choice(FILLERS[lst])
                cases.append((name, term, f"{pre} {t} {post}"))
    results = scan(kavach, [c[2] for c in cases])
    found, total = {}, {}
    for (name, term, _), r in zip(cases, results):
        total[name] = total.get(name, 0) + 1
        # The filler words around the term are clean, so any match is the evasion being caught
        # (possibly as an equivalent entry: `gaand` as `gand`, `f*ck` as `fuck` rather than `feck`).
        ok = bool(r["matches"])
        found[name] = found.get(name, 0) + int(ok)
    all_found = sum(found.values())
    all_total = sum(total.values())
    print(f"evasion set: {len(set(c[1] for c in cases))} terms x {len(EVASIONS)} evasions = {all_total} texts")
    for name in EVASIONS:
        print(f"  {name:18} {found.get(name, 0):4}/{total.get(name, 0):<4} {100 * found.get(name, 0) / max(total.get(name, 1), 1):5.1f}%")
    print(f"  {'all':18} {all_found:4}/{all_total:<4} {100 * all_found / all_total:5.1f}%")
    if len(sys.argv) > 2:
        words = [w for w in pathlib.Path(sys.argv[2]).read_text(encoding="utf-8").split("\n") if w and not w.endswith("'s")]
        results = scan(kavach, words)
        flagged = [(w, r) for w, r in zip(words, results) if r.get("flagged")]
        acted = [(w, r) for w, r in flagged if r["verdict"] != "allow"]
        print(f"clean set {sys.argv[2]}: {len(words)} words, {len(flagged)} flagged "
              f"({100 * (1 - len(flagged) / len(words)):.3f}% not flagged), "
              f"{len(acted)} with verdict review or block")
        if "-v" in sys.argv:
            for w, r in flagged:
                print(f"  {r['verdict']:6} {w}  <- {', '.join(m['term'] for m in r['matches'])}")


if __name__ == "__main__":
    main()
