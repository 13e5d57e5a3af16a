#!/usr/bin/env python3
"""Find allow-list candidates: dictionary words that the bundled lists flag but that are not
offensive themselves.

Every word of the given dictionaries (one per line: Debian's wamerican-huge / wbritish-huge, a
Hindi frequency list from PyPI wordfreq, a list of Indian names) is scanned with `kavach scan
--plain`. A flagged word is skipped when it is the term itself or the term plus an inflection
(fuck, fucking, shitty; for Devanagari terms, any word that starts with the term), or when tools/allow/offensive.txt lists it as reviewed and offensive.
Everything else is a candidate allow entry, printed per list as `[allow]` lines to add to that
list (with a version bump), after a human has checked it is benign.

    python3 tools/gen_allow.py target/release/kavach DICT [DICT ...]          # print candidates
    python3 tools/gen_allow.py --check target/release/kavach DICT [DICT ...]  # exit 1 if any

Run it again whenever list entries change (`make allow-candidates`).
"""
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SUFFIXES = ["", "s", "es", "ed", "d", "ing", "er", "ers", "y", "ies", "ier", "iest", "iness",
            "ish", "ishly", "ishness", "ly", "ry", "ries", "ery", "eries", "in", "ins", "head",
            "heads", "face", "faces"]


def inflection_of(word, term):
    if not term.isascii():
        # Hindi builds forms by suffixes and vowel signs (चोद → चोदना, चोदने, चोदो).
        return word.startswith(term)
    for base in (term, term + term[-1:]):
        for s in SUFFIXES:
            if word == base + s or (base.endswith("e") and word == base[:-1] + s):
                return True
    return False


def reviewed_offensive():
    path = ROOT / "tools" / "allow" / "offensive.txt"
    return {l.strip().lower() for l in path.read_text(encoding="utf-8").splitlines()
            if l.strip() and not l.startswith("#")}


def main():
    args = sys.argv[1:]
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    kavach, dictionaries = args[0], args[1:]
    offensive = reviewed_offensive()
    words = []
    for d in dictionaries:
        for w in pathlib.Path(d).read_text(encoding="utf-8").splitlines():
            w = w.strip()
            if w and not w.endswith("'s"):
                words.append(w)
    out = subprocess.run([kavach, "scan", "--plain", "-"], input="\n".join(words).encode() + b"\n",
                         capture_output=True, check=False).stdout.decode()
    candidates = {}
    flagged = 0
    for line in out.splitlines():
        r = json.loads(line)
        if not r.get("flagged"):
            continue
        flagged += 1
        word = words[r["id"] - 1]
        m = r["matches"][0]
        w, t = word.lower(), m["term"].lower()
        if inflection_of(w, t) or w in offensive:
            continue
        candidates.setdefault(m["list"], set()).add((w, t))
    print(f"{len(words)} words, {flagged} flagged, "
          f"{sum(len(c) for c in candidates.values())} allow candidates to review", file=sys.stderr)
    for lst in sorted(candidates):
        print(f"# {lst}: add to wordlists/{lst}/{lst}.kavach [allow] if benign")
        for w, t in sorted(candidates[lst]):
            print(f"{w}    # flagged by `{t}`")
    if check and candidates:
        sys.exit(1)


if __name__ == "__main__":
    main()
