#!/usr/bin/env python3
"""Evasions of the bundled lists' own terms, generated as an evader writes them, and their
clean twins: how many kavach finds at the right span, by language and by class.

Every single-word term of `en`, `hi-Latn` and `hi` (Devanagari) whose mode needs no context is
written with each evasion class below (one evasion, or two combined) inside a short sentence of
clean filler words, and scanned through `kavach scan` (the path a platform uses). A case is
found when a match starts and ends exactly where the evaded word does. The same evasions applied
to frequent clean words of each language (the "twins") measure false positives: a twin counts
as flagged when any match touches the evaded word. Everything is deterministic (fixed seed).

    python3 tools/measure_evasion.py target/release/kavach [--misses CLASS] [--twins-flagged]
        [--clean WORDS_FILE [-v]]

With --clean, every word of WORDS_FILE (one per line, e.g. Debian's wamerican-huge) is also
scanned alone: each match there that is not the word itself being offensive is a false
positive to review by hand (-v prints them).

Clean words come from wordfreq (`pip install wordfreq`; English and Hindi top lists) and from
`tests/corpus/clean-posts.txt` for romanised Hindi. Exit status 0; the figures are the output.
"""
import argparse
import pathlib
import random
import re
import sys
import unicodedata

from kavach_scan import ROOT, list_terms, scan

SEED = 24

# --- Latin-script evasions -------------------------------------------------------------------

LEET_ONE = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7", "g": "9", "b": "8"}
LEET_DENSE = {
    "a": ["4", "@"], "b": ["8"], "e": ["3"], "g": ["6", "9"], "i": ["1", "!"], "l": ["1", "|"],
    "o": ["0"], "s": ["5", "$"], "t": ["7", "+"], "z": ["2"],
}
LEET_MULTI = {"k": "|<", "u": "|_|", "c": "(", "h": "|-|", "v": "\\/", "w": "\\/\\/", "d": "|)", "x": "><"}
# Lowercase lookalikes of other scripts (Cyrillic, Greek, Armenian, Latin IPA), as an evader
# picks them from a "fancy text" site.
LOOK_LOWER = {
    "a": "аα", "b": "Ьь", "c": "сϲ", "d": "ԁ", "e": "еε", "g": "ɡ", "h": "һ", "i": "іι",
    "j": "ј", "k": "кκ", "l": "ӏ", "m": "м", "n": "ո", "o": "оοօ", "p": "рρ", "q": "ԛ",
    "r": "г", "s": "ѕ", "t": "т", "u": "υս", "v": "ν", "w": "ԝ", "x": "хχ", "y": "уγ",
}
LOOK_UPPER = {
    "A": "АΑ", "B": "ВΒ", "C": "СϹ", "E": "ЕΕ", "H": "НΗ", "I": "ІΙ", "J": "Ј", "K": "КΚ",
    "M": "МΜ", "N": "Ν", "O": "ОΟ", "P": "РΡ", "S": "Ѕ", "T": "ТΤ", "X": "ХΧ", "Y": "ҮΥ", "Z": "Ζ",
}
CHEROKEE = {"A": "Ꭺ", "B": "Ᏼ", "C": "Ꮯ", "D": "Ꭰ", "E": "Ꭼ", "G": "Ꮐ", "H": "Ꮋ", "I": "Ꭵ",
            "J": "Ꭻ", "K": "Ꮶ", "L": "Ꮮ", "M": "Ꮇ", "P": "Ꮲ", "R": "Ꭱ", "S": "Ꮪ", "T": "Ꭲ",
            "V": "Ꮩ", "W": "Ꮃ", "Z": "Ꮓ"}
UPSIDE_DOWN = dict(zip("abcdefghijklmnopqrstuvwxyz", "ɐqɔpǝɟƃɥᴉɾʞlɯuodbɹsʇnʌʍxʎz"))


def offset_alpha(base):
    return lambda t: "".join(chr(base + ord(c) - 97) if "a" <= c <= "z" else c for c in t)


def pick(rng, table, t):
    return "".join(rng.choice(table[c]) if c in table else c for c in t)


def every_leet(rng, t):
    s = pick(rng, LEET_DENSE, t)
    # Keep the first letter a letter half the time (`b4574rd`), as often written.
    return s if s != t and sum(not c.isalpha() for c in s) * 2 >= len(t) else None


def one_multi(rng, t):
    spots = [i for i, c in enumerate(t) if c in LEET_MULTI]
    if not spots:
        return None
    i = rng.choice(spots)
    return t[:i] + LEET_MULTI[t[i]] + t[i + 1:]


def look_word(rng, t):
    s = pick(rng, LOOK_LOWER, t)
    return s if sum(a != b for a, b in zip(s, t)) * 2 >= len(t) else None


def two_runs(sep):
    def f(t):
        if len(t) < 4:
            return None
        return sep.join(t[i:i + 2] for i in range(0, len(t), 2))
    return f


def mask_interior(t):
    return t[0] + "*" * (len(t) - 2) + t[-1] if len(t) >= 4 else None


def mask_vowel(sym):
    def f(t):
        vowels = [i for i, ch in enumerate(t[1:-1], 1) if ch in "aeiou"]
        return t[:vowels[0]] + sym + t[vowels[0] + 1:] if vowels else None
    return f


def swap(t):
    # Two interior letters swapped, as in `fcuk`.
    if len(t) < 4:
        return None
    i = 1
    return t[:i] + t[i + 1] + t[i] + t[i + 2:] if t[i] != t[i + 1] else None


def stretch(t):
    return next((t[:i] + ch * 5 + t[i + 1:] for i, ch in enumerate(t) if ch in "aeiou"), None)


# One separator between every two letters (`f.u.c.k`).
SEPARATORS = {
    "dots": ".", "spaces": " ", "hyphens": "-", "underscores": "_", "middle-dots": "·",
    "bullets": "•", "em-dashes": "—", "pipes": "|", "pluses": "+", "commas": ",",
    "newlines": "\n", "emoji": "🔥",
}


def joined_by(sep):
    return lambda t: sep.join(t)


def latin_classes(rng):
    mixed = ".-_"
    return {
        "plain": lambda t: t,
        "upper": str.upper,
        "capitalised": str.capitalize,
        "stretch": stretch,
        "leet": lambda t: next((t[:i] + LEET_ONE[c] + t[i + 1:] for i, c in enumerate(t) if i and c in LEET_ONE), None),
        "leet-dense": lambda t: every_leet(rng, t),
        "leet-multi-char": lambda t: one_multi(rng, t),
        "mask-vowel": mask_vowel("*"),
        "mask-percent": mask_vowel("%"),
        "mask-interior": mask_interior,
        "homoglyph-lower": lambda t: look_word(rng, t),
        "homoglyph-upper": lambda t: pick(rng, LOOK_UPPER, t.upper()),
        "cherokee": lambda t: pick(rng, {k: [v] for k, v in CHEROKEE.items()}, t.upper()),
        "homoglyph+leet": lambda t: look_word(rng, t.replace("s", "5").replace("o", "0")),
        "fullwidth": lambda t: "".join(chr(ord(c) + 0xFEE0) for c in t),
        "math-bold": offset_alpha(0x1D41A),
        "math-script": lambda t: unicodedata.normalize("NFC", offset_alpha(0x1D4EA)(t)),
        "circled": offset_alpha(0x24D0),
        "parenthesized": offset_alpha(0x249C),
        "squared": lambda t: "".join(chr(0x1F130 + ord(c) - 97) for c in t),
        "negative-squared": lambda t: "".join(chr(0x1F170 + ord(c) - 97) for c in t),
        "diacritics": lambda t: "".join(c + "\u0301" if c in "aeiou" else c for c in t),
        "zalgo": lambda t: "".join(c + "\u0336\u0337" for c in t),
        "zero-width": lambda t: "\u200b".join(t),
        "soft-hyphen": lambda t: t[:2] + "\u00ad" + t[2:],
        "controls": lambda t: t[:1] + "\x00" + t[1:2] + "\x01" + t[2:3] + "\x7f" + t[3:],
        "braille-blank": lambda t: "\u2800".join(t),
        "nel": lambda t: t[:2] + "\u0085" + t[2:],
        **{name: joined_by(sep) for name, sep in SEPARATORS.items()},
        "mixed-separators": lambda t: "".join(c + (".-,"[i % 3] if i < len(t) - 1 else "") for i, c in enumerate(t)),
        "mixed-with-masks": lambda t: "".join(c + (mixed[i % 3] if i < len(t) - 1 else "") for i, c in enumerate(t)),
        "two-letter-dots": two_runs("."),
        "two-letter-spaces": two_runs(" "),
        "leet+dots": lambda t: ".".join(t.replace("i", "1").replace("a", "4").replace("s", "5")),
        "upper+spaces": lambda t: " ".join(t.upper()),
        "homoglyph+stretch": lambda t: (look_word(rng, t) or t) + t[-1] * 3,
        "reversed": lambda t: t[::-1],
        "upside-down": lambda t: "".join(UPSIDE_DOWN.get(c, c) for c in reversed(t)),
        "swap": swap,
        "q-for-g": lambda t: t.replace("g", "q") if "g" in t else None,
        "vv-for-w": lambda t: t.replace("w", "vv") if "w" in t else None,
        "ph-for-f": lambda t: t.replace("f", "ph") if "f" in t else None,
    }


# --- Devanagari evasions -----------------------------------------------------------------------

def is_sign(c):
    return unicodedata.category(c) in ("Mn", "Mc")


def aksharas(t):
    """Splits a Devanagari word into syllables: a letter with its signs (a conjunct stays whole)."""
    out = []
    for c in t:
        if out and (is_sign(c) or out[-1].endswith("\u094d")):
            out[-1] += c
        else:
            out.append(c)
    return out


def dev_vowel_length(t):
    swaps = {"\u093f": "\u0940", "\u0940": "\u093f", "\u0941": "\u0942", "\u0942": "\u0941"}
    return "".join(swaps.get(c, c) for c in t) if any(c in swaps for c in t) else None


def dev_nukta(t):
    if "\u093c" in t:
        return t.replace("\u093c", "")
    for plain, with_nukta in (("ड", "ड़"), ("ज", "ज़"), ("फ", "फ़")):
        if plain in t:
            return t.replace(plain, with_nukta, 1)
    return None


def dev_anusvara(t):
    if "\u0902" in t:
        return t.replace("\u0902", "\u0901")
    if "\u0901" in t:
        return t.replace("\u0901", "\u0902")
    return None


def dev_stretch(t):
    for i, c in enumerate(t):
        if c in "\u093e\u0940\u0942\u094b\u0947\u0948\u094c":
            return t[:i + 1] + c * 3 + t[i + 1:]
    return None


def devanagari_classes(rng):
    def sep(s):
        return lambda t: s.join(aksharas(t)) if len(aksharas(t)) >= 3 else None
    return {
        "plain": lambda t: t,
        "vowel-length": dev_vowel_length,
        "nukta": dev_nukta,
        "anusvara": dev_anusvara,
        "stretched-sign": dev_stretch,
        "dots": sep("."),
        "hyphens": sep("-"),
        "spaces": sep(" "),
        "zero-width-space": sep("\u200b"),
        "zwj": sep("\u200d"),
        "zwnj": sep("\u200c"),
        "emoji": sep("🔥"),
        "signs-apart": lambda t: ".".join(t) if len(t) >= 3 else None,
        "dots+vowel-length": lambda t: sep(".")(dev_vowel_length(t) or t),
        "spaces+nukta": lambda t: sep(" ")(dev_nukta(t) or t),
        "hyphens+stretched": lambda t: sep("-")(dev_stretch(t) or t),
    }


# --- Terms, fillers and clean words ------------------------------------------------------------

FILLERS = {
    "en": [("you are a", "today"), ("what a", "man"), ("such", "stuff"), ("lol", "ok"), ("this is", "right")],
    "hi-Latn": [("tu", "hai"), ("abe", "kya kar raha"), ("kya", "yaar"), ("bhai ye", "hai"), ("lol", "hai kya")],
    "hi": [("तू", "है"), ("अबे", "क्या कर रहा"), ("क्या", "यार"), ("भाई ये", "है"), ("lol", "है क्या")],
}


def terms(lst):
    out = []
    for t, mode in list_terms(lst):
        if mode == "context":
            continue
        if lst == "hi":
            if re.fullmatch(r"[\u0900-\u097f]+", t) and len(aksharas(t)) >= 3:
                out.append(t)
        elif t.isascii() and t.isalpha() and len(t) >= 4:
            out.append(t.lower())
    return sorted(set(out))


def clean_words(lst, n, flagged_plain):
    import wordfreq  # imported here so --help works without it
    if lst == "en":
        words = [w for w in wordfreq.top_n_list("en", 20000) if w.isascii() and w.isalpha() and len(w) >= 4]
    elif lst == "hi":
        words = [w for w in wordfreq.top_n_list("hi", 20000)
                 if re.fullmatch(r"[\u0900-\u097f]+", w) and len(aksharas(w)) >= 3]
    else:
        text = (ROOT / "tests" / "corpus" / "clean-posts.txt").read_text(encoding="utf-8")
        words = sorted({w.lower() for w in re.findall(r"[A-Za-z]{4,}", text)})
        words += [w for w in wordfreq.top_n_list("hi", 50000) if w.isascii() and w.isalpha() and len(w) >= 4]
    seen, out = set(), []
    for w in words:
        if w not in seen and w not in flagged_plain:
            seen.add(w)
            out.append(w)
    return out[:n]


def codes(n, rng):
    """Numbers, amounts, dates, codes and identifiers as they appear in posts: none may be
    flagged (leetspeak reads digits as letters only inside words)."""
    hexd, al = "0123456789abcdef", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

    def digits(k):
        return "".join(rng.choice("0123456789") for _ in range(k))

    def alnum(k):
        return "".join(rng.choice(al + "0123456789") for _ in range(k))

    makers = [
        lambda: f"${rng.randint(1, 9999)}", lambda: f"${rng.randint(1, 999)}.{digits(2)}",
        lambda: f"₹{rng.randint(1, 99999):,}", lambda: f"{rng.randint(1, 100)}%",
        lambda: f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(1990, 2030)}",
        lambda: f"{rng.randint(1990, 2030)}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}",
        lambda: f"{rng.randint(0, 23)}:{rng.randint(0, 59):02}", lambda: digits(rng.randint(2, 10)),
        lambda: f"+91 {digits(5)} {digits(5)}", lambda: f"{rng.choice(al)}{rng.choice(al)}-{digits(4)}",
        lambda: alnum(rng.randint(3, 8)), lambda: "".join(rng.choice(hexd) for _ in range(rng.choice([7, 8, 12]))),
        lambda: f"v{rng.randint(0, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 30)}",
        lambda: f"{rng.choice(al)}{digits(3)}", lambda: f"{rng.choice(al).lower()}{rng.randint(3, 9)}-{digits(4)}{rng.choice(al)}",
        lambda: f"{rng.choice(['MH', 'DL', 'KA', 'TN', 'UP'])}{digits(2)}{rng.choice(al)}{rng.choice(al)}{digits(4)}",
        lambda: f"{digits(1)}{rng.choice('kmbKMB')}", lambda: f"{digits(rng.randint(1, 4))}{rng.choice(['st', 'nd', 'rd', 'th', 's', 'k', 'x', 'p', 'am', 'pm'])}",
        lambda: f"#{alnum(rng.randint(3, 8)).lower()}", lambda: f"@{rng.choice(['raj', 'amit', 'sam', 'neha'])}{digits(rng.randint(1, 4))}",
        lambda: rng.choice(["A55", "$3x", "C++", "4:20", "1337", "4x4", "B2B", "H1N1", "MP3", "H2O", "A+", "18+", "24/7", "9/11", "1080p", "5G", "COVID-19"]),
    ]
    return [rng.choice(makers)() for _ in range(n)]


# --- Scanning ----------------------------------------------------------------------------------

def scan_all(kavach, texts):
    rows = scan(kavach, texts)
    assert len(rows) == len(texts), (len(rows), len(texts))
    return rows


def make_cases(lst, words, classes, rng):
    cases = []
    for w in words:
        for name, f in classes.items():
            e = f(w)
            if e is None or (e == w and name != "plain"):
                continue
            pre, post = rng.choice(FILLERS[lst])
            text = f"{pre} {e} {post}"
            start = len(f"{pre} ".encode())
            cases.append((name, w, text, start, start + len(e.encode())))
    return cases


def run(kavach, lst, words, classes, seed):
    cases = make_cases(lst, words, classes, random.Random(seed))
    return cases, scan_all(kavach, [c[2] for c in cases])


def table(title, names, counts):
    print(title)
    for name in names:
        hit, n = counts.get(name, (0, 0))
        if n:
            print(f"  {name:20} {hit:5}/{n:<5} {100 * hit / n:6.1f}%")
    hit = sum(h for h, _ in counts.values())
    n = sum(m for _, m in counts.values())
    print(f"  {'all':20} {hit:5}/{n:<5} {100 * hit / max(n, 1):6.1f}%")
    return hit, n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("kavach")
    ap.add_argument("--misses", metavar="CLASS", help="print the evasions of CLASS not found")
    ap.add_argument("--twins-flagged", action="store_true", help="print the clean twins flagged")
    ap.add_argument("--twins", type=int, default=1000, help="clean words per language (default 1000)")
    ap.add_argument("--codes", type=int, default=20000, help="numbers and codes to scan (default 20000)")
    ap.add_argument("--clean", metavar="WORDS_FILE", help="also scan every word of this file alone")
    ap.add_argument("-v", action="store_true", help="with --clean: print the words flagged")
    args = ap.parse_args()
    summary = []
    for lst in ("en", "hi-Latn", "hi"):
        classes = (devanagari_classes if lst == "hi" else latin_classes)(random.Random(SEED))
        words = terms(lst)
        cases, rows = run(args.kavach, lst, words, classes, SEED)
        counts = {}
        for (name, w, text, a, b), r in zip(cases, rows):
            ok = any(m["start"] == a and m["end"] == b for m in r["matches"])
            h, n = counts.get(name, (0, 0))
            counts[name] = (h + ok, n + 1)
            if args.misses == name and not ok:
                print(f"  miss {lst}: {text!r} -> {[(m['text'], m['term']) for m in r['matches']]}")
        hit, n = table(f"{lst}: {len(words)} terms, {len(cases)} evasions found at the right span",
                       classes, counts)
        # Clean twins: frequent words of the language, not flagged as they are, evaded the same way.
        plain = [w for w in clean_words(lst, args.twins * 2, set())]
        flagged_plain = {w for w, r in zip(plain, scan_all(args.kavach, plain)) if r["matches"]}
        twins = clean_words(lst, args.twins, flagged_plain)
        tcases, trows = run(args.kavach, lst, twins, classes, SEED + 1)
        tflag = {}
        for (name, w, text, a, b), r in zip(tcases, trows):
            bad = any(m["start"] < b and m["end"] > a for m in r["matches"])
            h, n2 = tflag.get(name, (0, 0))
            tflag[name] = (h + bad, n2 + 1)
            if args.twins_flagged and bad:
                print(f"  twin {lst} {name}: {text!r} -> {[(m['text'], m['term']) for m in r['matches']]}")
        th = sum(h for h, _ in tflag.values())
        tn = sum(m for _, m in tflag.values())
        # A masked clean word (`w***d`) is as ambiguous as a masked term: counted apart.
        uh = sum(h for k, (h, _) in tflag.items() if not k.startswith("mask"))
        un = sum(m for k, (_, m) in tflag.items() if not k.startswith("mask"))
        worst = sorted(((h / m, k) for k, (h, m) in tflag.items() if m), reverse=True)[:3]
        print(f"  clean twins: {len(twins)} words, {th}/{tn} evaded twins flagged ({100 * th / max(tn, 1):.2f}%), "
              f"{uh}/{un} ({100 * uh / max(un, 1):.2f}%) without the masked ones; "
              f"most: {', '.join(f'{k} {100 * s:.1f}%' for s, k in worst)}")
        summary.append((lst, hit, n, th, tn, uh, un))
    cs = codes(args.codes, random.Random(SEED))
    flagged = [(c, r) for c, r in zip(cs, scan_all(args.kavach, [f"ref {c} ok" for c in cs])) if r["matches"]]
    print(f"numbers and codes: {len(flagged)}/{len(cs)} flagged ({100 * len(flagged) / len(cs):.2f}%)"
          + "".join(f"\n  {c!r} -> {[m['term'] for m in r['matches']]}" for c, r in flagged[:20]))
    if args.clean:
        words = [w for w in pathlib.Path(args.clean).read_text(encoding="utf-8").split("\n") if w and not w.endswith("'s")]
        flagged = [(w, r) for w, r in zip(words, scan_all(args.kavach, words)) if r.get("flagged")]
        acted = [w for w, r in flagged if r["verdict"] != "allow"]
        print(f"clean words {args.clean}: {len(words)} words, {len(flagged)} flagged "
              f"({100 * len(flagged) / len(words):.3f}%), {len(acted)} with verdict review or block")
        for w, r in flagged if args.v else []:
            print(f"  {r['verdict']:6} {w}  <- {', '.join(m['term'] for m in r['matches'])}")
    print("summary")
    for lst, hit, n, th, tn, uh, un in summary:
        print(f"  {lst:8} found {100 * hit / n:5.1f}% of {n} evasions; twins flagged {100 * th / max(tn, 1):.2f}% of {tn} "
              f"({100 * uh / max(un, 1):.2f}% of {un} without the masked ones)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
