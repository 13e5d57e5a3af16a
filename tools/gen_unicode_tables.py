#!/usr/bin/env python3
"""Generate core/src/normalize/tables.rs: how each non-ASCII code point folds into kavach's
matching form.

Inputs: Python 3.11's `unicodedata` (Unicode 14.0.0: NFKD/NFKC, full case folding via
str.casefold, general categories) and UTS #39 confusables.txt 13.0.0, vendored at
tools/unicode/confusables.txt. Rules, per code point (surrogates and unassigned skipped):

- IGNORABLE: Default_Ignorable_Code_Point, derived as Unicode does: Cf, minus
  Prepended_Concatenation_Mark (0600-0605, 06DD, 070F, 0890-0891, 08E2, 110BD, 110CD), minus
  FFF9-FFFB and 13430-1343F, plus Other_Default_Ignorable/Variation_Selector code points
  (034F, 115F, 1160, 17B4, 17B5, 180B-180F, 3164, FE00-FE0F, FFA0, E0100-E01EF) and all of
  E0000-E0FFF. These are dropped (zero-width characters, soft hyphen, BOM, bidi controls,
  variation selectors, tags).
- Letters, numbers, marks (and symbols that fold to letters, like enclosed letters): if the
  character decomposes to a Latin/Greek/Cyrillic base, take NFKD, case-fold, and strip combining
  marks (diacritics); otherwise take NFKC and case-fold, keeping marks, because Devanagari vowel
  signs, virama and anusvara are spelling, and stripping them destroys Hindi words. Then each
  remaining Latin/Greek/Cyrillic/Cherokee/Coptic/letterlike character with a confusables
  prototype that folds to ASCII letters or digits is replaced by it (Cyrillic с -> c).
  Unchanged letters/numbers go to WORD, unchanged marks to MARKS (the runtime strips those only
  after Latin/Greek/Cyrillic letters).
- Enclosed letters without a decomposition (negative squared 🅵) take the letter their Unicode
  name gives.
- Punctuation, symbols, spaces: mapped only when NFKD or the confusable prototype is ASCII
  punctuation or space (fullwidth full stop -> '.', no-break space -> ' ').

Flags: COMPAT (compatibility decomposition), CASE (case folding beyond ASCII lower-casing),
DIACRITIC (marks stripped), CONFUSABLE (homoglyph prototype).

    python3 tools/gen_unicode_tables.py          # write the file
    python3 tools/gen_unicode_tables.py --check  # fail if the committed file is stale
"""
import pathlib
import re
import sys
import unicodedata as ud

UNICODE = "14.0.0"
ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "core" / "src" / "normalize" / "tables.rs"
CONFUSABLES = ROOT / "tools" / "unicode" / "confusables.txt"

COMPAT, CASE, DIACRITIC, CONFUSABLE = 1, 2, 4, 8
FLAG_NAMES = [(COMPAT, "COMPAT"), (CASE, "CASE"), (DIACRITIC, "DIACRITIC"), (CONFUSABLE, "CONFUSABLE")]

LGC = [(0x80, 0x24F), (0x250, 0x2AF), (0x370, 0x3FF), (0x400, 0x52F), (0x530, 0x58F),
       (0x1C80, 0x1C8F), (0x1D00, 0x1DBF), (0x1E00, 0x1FFF), (0x2C60, 0x2C7F), (0x2DE0, 0x2DFF),
       (0xA640, 0xA69F), (0xA720, 0xA7FF), (0xAB30, 0xAB6F)]
LETTER_NAME = re.compile(r"^(?:NEGATIVE )?(?:SQUARED|CIRCLED|PARENTHESIZED) LATIN (CAPITAL|SMALL) LETTER ([A-Z])$")
CONFUSABLE_SCRIPTS = LGC + [(0x13A0, 0x13FF), (0xAB70, 0xABBF), (0x2C80, 0x2CFF), (0x2100, 0x214F)]


def in_ranges(cp, ranges):
    return any(lo <= cp <= hi for lo, hi in ranges)


def is_lgc(ch):
    return ord(ch) < 0x80 or in_ranges(ord(ch), LGC)


def is_mark(ch):
    return ud.category(ch).startswith("M")


def ignorable(cp):
    if 0xE0000 <= cp <= 0xE0FFF:
        return True
    if cp in (0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0) or 0x180B <= cp <= 0x180F \
            or 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF:
        return True
    if ud.category(chr(cp)) != "Cf":
        return False
    prepended = {0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6DD, 0x70F, 0x890, 0x891, 0x8E2,
                 0x110BD, 0x110CD}
    return not (cp in prepended or 0xFFF9 <= cp <= 0xFFFB or 0x13430 <= cp <= 0x1343F)


def load_confusables():
    table = {}
    for line in CONFUSABLES.read_text(encoding="utf-8-sig").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        src, target, _kind = [f.strip() for f in line.split(";")[:3]]
        table[int(src, 16)] = "".join(chr(int(h, 16)) for h in target.split())
    return table


def ascii_lower(s):
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in s)


def strip_marks(s):
    return "".join(c for c in s if not is_mark(c))


def fold_letter(c, confusables):
    """(replacement, flags) for a letter, number, mark or letter-like symbol."""
    flags = 0
    nfkd = ud.normalize("NFKD", c)
    if is_lgc(nfkd[0]):
        if nfkd != ud.normalize("NFD", c):
            flags |= COMPAT
        folded = ud.normalize("NFKD", nfkd.casefold())
        if folded != ascii_lower(nfkd):
            flags |= CASE
        r = strip_marks(folded)
        if r != folded:
            flags |= DIACRITIC
    else:
        nfkc = ud.normalize("NFKC", c)
        if nfkc != ud.normalize("NFC", c):
            flags |= COMPAT
        r = ud.normalize("NFKC", nfkc.casefold())
        if r != ascii_lower(nfkc):
            flags |= CASE
    out = []
    for ch in r:
        p = confusables.get(ord(ch)) if ord(ch) >= 0x80 and in_ranges(ord(ch), CONFUSABLE_SCRIPTS) else None
        if p is not None:
            p2 = strip_marks(ud.normalize("NFKD", ud.normalize("NFKD", p).casefold()))
            if p2 and all(x.isascii() and (x.isdigit() or "a" <= x <= "z") for x in p2):
                out.append(p2)
                flags |= CONFUSABLE
                continue
        out.append(ch)
    return "".join(out), flags


def ascii_punct(s):
    return bool(s) and all(x.isascii() and not x.isalnum() and (x == " " or x.isprintable()) for x in s)


def ascii_letters(s):
    return bool(s) and all(x.isascii() and (x.isdigit() or "a" <= x <= "z") for x in s)


def build():
    confusables = load_confusables()
    fold, marks, ign, word = [], [], [], []
    for cp in range(0x80, 0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        cat = ud.category(c)
        if cat == "Cn":
            continue
        if ignorable(cp):
            ign.append(cp)
            continue
        if cat[0] in "LNM":
            r, flags = fold_letter(c, confusables)
            if r == c:
                (marks if cat[0] == "M" else word).append(cp)
            elif not r:
                marks.append(cp)
            else:
                fold.append((cp, r, flags))
            continue
        if cat == "So":
            # Enclosed and squared letters (🅵, ⓕ is So too in some versions) fold to letters.
            r, flags = fold_letter(c, confusables)
            if ascii_letters(r):
                fold.append((cp, r, flags))
                continue
            # Negative squared letters (🅵) have no decomposition; their names give the letter.
            m = LETTER_NAME.search(ud.name(c, ""))
            if m:
                fold.append((cp, m.group(2).lower(), COMPAT))
                continue
        if cat[0] in "PSZ":
            nfkd = ud.normalize("NFKD", c)
            if nfkd != c and ascii_punct(nfkd):
                fold.append((cp, nfkd, COMPAT))
                continue
            p = confusables.get(cp)
            if p is not None:
                p = ud.normalize("NFKD", p)
                if ascii_punct(p):
                    fold.append((cp, p, CONFUSABLE))
    fold, marks, word = settle(fold, set(marks), set(word))
    return fold, ranges(marks), ranges(ign), ranges(word)


def settle(fold, marks, word):
    """Makes folding idempotent: every non-ASCII character of a replacement must fold to itself
    (be a WORD letter or a MARK). Replacements are folded again until they are; a letter whose
    replacement still holds other characters (¼ -> 1⁄4) is left unfolded as a WORD."""
    table = {cp: (r, f) for cp, r, f in fold}
    for _ in range(4):
        changed = False
        for cp, (r, f) in list(table.items()):
            out = []
            for ch in r:
                if ord(ch) >= 0x80 and ord(ch) in table and ord(ch) != cp:
                    out.append(table[ord(ch)][0])
                    f |= table[ord(ch)][1]
                    changed = True
                else:
                    out.append(ch)
            table[cp] = ("".join(out), f)
        if not changed:
            break
    settled = []
    for cp, (r, f) in sorted(table.items()):
        if all(ord(ch) < 0x80 or ord(ch) in word or ord(ch) in marks for ch in r):
            settled.append((cp, r, f))
        elif ud.category(chr(cp))[0] in "LN":
            word.add(cp)
    return settled, sorted(marks), sorted(word)


def ranges(cps):
    out = []
    for cp in cps:
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def rust_str(s):
    out = []
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch.isascii() and ch.isprintable():
            out.append(ch)
        else:
            out.append("\\u{%04X}" % ord(ch))
    return '"' + "".join(out) + '"'


def rust_flags(f):
    names = [n for bit, n in FLAG_NAMES if f & bit]
    return " | ".join(names) if names else "0"


def render():
    fold, marks, ign, word = build()
    keys = {cp for cp, _, _ in fold}
    for name, rs in (("MARKS", marks), ("IGNORABLE", ign), ("WORD", word)):
        for lo, hi in rs:
            assert not any(lo <= k <= hi for k in range(lo, min(hi, lo + 0x3000) + 1) if k in keys), name
    lines = [
        "//! Unicode folding tables for the normaliser.",
        "//!",
        "//! @generated by `python3 tools/gen_unicode_tables.py` from Unicode 14.0.0 (Python 3.11",
        "//! `unicodedata`: NFKD, case folding, general categories) and UTS #39 confusables.txt 13.0.0",
        "//! (vendored at `tools/unicode/confusables.txt`). Do not edit by hand; `--check` verifies it.",
        "",
        "/// Unicode version of the decomposition, case-folding and category data.",
        'pub const UNICODE_VERSION: &str = "14.0.0";',
        "/// Version of the UTS #39 confusables data.",
        'pub const CONFUSABLES_VERSION: &str = "13.0.0";',
        "",
        "/// The replacement comes from a compatibility decomposition (NFKD/NFKC).",
        "pub const COMPAT: u8 = 1;",
        "/// The replacement involved case folding beyond ASCII lower-casing.",
        "pub const CASE: u8 = 2;",
        "/// Combining marks (diacritics) were removed.",
        "pub const DIACRITIC: u8 = 4;",
        "/// A UTS #39 confusable was mapped to its prototype.",
        "pub const CONFUSABLE: u8 = 8;",
        "",
        "/// Non-ASCII code points whose matching form differs from themselves, sorted by code point:",
        "/// (code point, replacement, flags).",
        "pub static FOLD: &[(u32, &str, u8)] = &[",
    ]
    for cp, r, f in fold:
        lines.append("    (0x%04X, %s, %s), // %s" % (cp, rust_str(r), rust_flags(f), ud.name(chr(cp), "")))
    lines.append("];")
    docs = {
        "MARKS": "Combining marks that fold to themselves: dropped after Latin, Greek and Cyrillic letters,\n/// kept after others (Devanagari vowel signs, virama, anusvara). Sorted inclusive ranges.",
        "IGNORABLE": "Invisible characters (Default_Ignorable_Code_Point), dropped everywhere. Sorted inclusive\n/// ranges.",
        "WORD": "Other non-ASCII letters and numbers (word characters) that fold to themselves. Sorted\n/// inclusive ranges.",
    }
    for name, rs in (("MARKS", marks), ("IGNORABLE", ign), ("WORD", word)):
        lines += ["", "/// " + docs[name], "pub static %s: &[(u32, u32)] = &[" % name]
        for lo, hi in rs:
            lines.append("    (0x%04X, 0x%04X)," % (lo, hi))
        lines.append("];")
    return "\n".join(lines) + "\n", fold, marks, ign, word


def self_test(fold, marks, ign, word):
    f = {cp: (r, fl) for cp, r, fl in fold}

    def in_r(rs, cp):
        return any(lo <= cp <= hi for lo, hi in rs)

    expect = {0xFF46: "f", 0x1D41F: "f", 0x1D4EF: "f", 0x1D523: "f", 0x24D5: "f", 0x1F175: "f",
              0xFB01: "fi", 0xB2: "2", 0xFC: "u", 0xC9: "e", 0xDF: "ss", 0x1E9E: "ss", 0x441: "c",
              0x440: "p", 0x421: "c", 0x3BF: "o", 0x456: "i", 0x251: "a", 0x131: "i", 0x2B0: "h",
              0x958: "\u0915\u093c", 0xA0: " ", 0x3000: " ", 0xFF0E: ".", 0xFF04: "$"}
    for cp, r in expect.items():
        assert cp in f and f[cp][0] == r, "U+%04X -> %r, expected %r" % (cp, f.get(cp), r)
    assert f[0xFF46][1] & COMPAT and not f[0xFF46][1] & CASE
    assert f[0xFC][1] == DIACRITIC and f[0x441][1] == CONFUSABLE and f[0xDF][1] & CASE
    for cp in (0x915, 0xAC00):
        assert in_r(word, cp), "U+%04X should be WORD" % cp
    for cp in (0x93E, 0x94D, 0x902, 0x301):
        assert in_r(marks, cp), "U+%04X should be a MARK" % cp
    for cp in (0x200B, 0x200D, 0xAD, 0xFEFF, 0x202E, 0xFE0F, 0xE0041):
        assert in_r(ign, cp), "U+%04X should be IGNORABLE" % cp


def main():
    if ud.unidata_version != UNICODE:
        sys.exit("tools/gen_unicode_tables.py needs Python's unicodedata %s (Python 3.11); this is %s"
                 % (UNICODE, ud.unidata_version))
    text, *tables = render()
    self_test(*tables)
    if "--check" in sys.argv[1:]:
        if OUT.read_text(encoding="utf-8") != text:
            sys.exit("core/src/normalize/tables.rs is stale: run python3 tools/gen_unicode_tables.py")
        return
    OUT.write_text(text, encoding="utf-8")
    print("wrote %s: %d FOLD entries, %d MARKS, %d IGNORABLE, %d WORD ranges, %d bytes"
          % (OUT.relative_to(ROOT), len(tables[0]), len(tables[1]), len(tables[2]), len(tables[3]), len(text)))


if __name__ == "__main__":
    main()
