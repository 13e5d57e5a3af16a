#!/usr/bin/env python3
"""Generate `core/src/normalize/tables.rs`, the Unicode folding tables of kavach's normaliser.

kavach matches abuse terms against a *matching form* of the text, so that `ｆ𝐮ç𝓀`, `fück` or
`fuсk` (Cyrillic с) are found as `fuck`. This script decides, once and offline, what every
non-ASCII code point becomes in that form. It is deterministic, uses the standard library only
and must run on Python 3.11, whose `unicodedata` is Unicode 14.0.0 (checked at start-up).

Inputs
    * Python 3.11 `unicodedata` (Unicode 14.0.0): NFD/NFKD/NFC/NFKC, full case folding
      (`str.casefold`), general categories, names.
    * UTS #39 confusables.txt 13.0.0, vendored at `tools/unicode/confusables.txt`
      (see `tools/unicode/README.md`).

Rules, for every code point U+0080..U+10FFFF except surrogates and unassigned (Cn) ones:

1. IGNORABLE: Default_Ignorable_Code_Point (see `is_ignorable`; it includes the unassigned
   code points Unicode gives the property, such as E0080..E00FF), plus INVISIBLE_EXTRA (C1
   controls, U+2800). Invisible; always dropped.
2. Letters, numbers, marks (L*, N*, M*):
   * Latin/Greek/Cyrillic/Armenian/IPA (LGC) base, i.e. the first character of NFKD(c) is in
     an LGC range or ASCII: NFKD, full case folding, NFKD again, then all combining marks
     (Mn/Mc/Me) are removed. Flags: COMPAT if NFKD(c) != NFD(c), CASE if case folding
     did more than lower-case ASCII, DIACRITIC if marks were removed.
   * Any other script (Devanagari, CJK, Hangul, Arabic, ...): NFKC, case folding, NFKC again;
     marks are KEPT. Flags: COMPAT if NFKC(c) != NFC(c), CASE if case folding did more than
     lower-case ASCII.
     Marks are stripped only on Latin/Greek/Cyrillic because there they are diacritics
     (and Zalgo noise), whereas Devanagari vowel signs, virama and anusvara are spelling:
     stripping them destroys Hindi words.
   * Before case folding, a capital (Lu, Lt) of CONFUSABLE_SCOPE, or a letter whose case
     folding is not ASCII, is replaced by its own prototype when that is ASCII (flag
     CONFUSABLE, and CASE for a capital): folding first reads Greek Ν as ν (prototype v),
     Cyrillic К as к, Н as н. A prototype that is a small capital (т -> ᴛ) or in
     PROTOTYPE_LETTERS (к -> ĸ) counts as its letter, and a capital or caseless letter whose
     prototype is l (the prototype of ASCII I) reads i. A compatibility character that
     decomposes to non-ASCII is read by its own prototype, not its decomposition (lunate
     sigma ϲ -> c, not ς -> o).
   * Then every non-ASCII character of the result that is LGC, Cherokee, Coptic, Lisu,
     Canadian syllabics or letterlike and whose confusables.txt prototype folds (NFKD, case
     folding, NFKD, marks removed) to ASCII letters/digits only is replaced by that (flag
     CONFUSABLE): Cyrillic с -> c, Greek ο -> o, dotless ı -> i. A remaining "LATIN LETTER SMALL CAPITAL X"
     (ꜰ, ᴋ, ʀ: small-caps text) becomes x (flag COMPAT), its letter taken from its name.
   * Unchanged -> WORD (letters, numbers) or MARKS (marks); empty -> MARKS; otherwise a FOLD
     entry. Two refinements: on the LGC path marks are also removed *before* case folding,
     and a mark whose result is not all marks stays a mark; both only concern U+0345 (iota
     subscript), which case-folds to the letter ι.
   * Devanagari (rule 2b): in the result, the characters of INDIC_FOLD are replaced (nukta
     dropped, chandrabindu -> anusvara, long i/u -> short, digits -> ASCII); flag INDIC. A
     nukta alone is a FOLD entry to the empty string (the runtime attaches it to the letter
     before it, like an invisible character).
   * Symbols (So) go through the same steps and become FOLD entries when the result, or
     their own confusable prototype, is ASCII letters/digits only (ⓕ -> f, ™ -> tm). The
     negative squared/circled capitals (🅵) have no decomposition and no confusable, the
     parenthesized letters (⒡) decompose to "(f)"; their letter is taken from their Unicode
     name.
3. SYMBOLS: the other symbols (So: emoji, dingbats, pictographs) left out of every table above.
   The matching form drops them; the matcher reads them apart, for terms written in them (🖕).
4. Punctuation, symbols, separators (P*, S*, Z*) otherwise: a FOLD entry when NFKD(c) is
   ASCII without letters/digits (COMPAT: NBSP -> ' ', fullwidth ． -> '.'), else when the
   confusable prototype of c (or of the characters of NFKD(c)) is (CONFUSABLE: ‐ -> '-').
   SEPARATOR_EXTRA maps a few dots and dashes that have neither (· • — ‧) to '.' or '-'.
   Line and paragraph separators (Zl, Zp) are left to the runtime's whitespace rule.
   Anything else is left out: the runtime treats it as a word boundary.
4. Everything else (controls, private use, ...): left out.

Replacements longer than MAX_EXPANSION times the character's own UTF-8 length are then dropped
(the character stays itself: a WORD member when it is a letter or number, otherwise left out):
U+FDFA, U+FDFB and the squared katakana words (㌖ -> キロメートル). No evasion writes a phrase in
one character, and this bounds the matching form at four bytes per byte of text, so a text of
such characters costs no more to scan than any other.

Finally replacements are settled: a non-ASCII character inside a replacement that itself has
a FOLD entry is replaced by that entry (flags merged), so every non-ASCII character of every
replacement is in WORD or MARKS and folding is idempotent (the runtime relies on this). The
one leftover, the MIDDLE DOT of Ŀ/ŀ (NFKD "L·"), is dropped like a diacritic.

The FOLD keys, MARKS, IGNORABLE and WORD are disjoint (asserted), and a self-test of known
mappings runs on every invocation.

Usage (from anywhere; paths are relative to this file's repository):
    python3 tools/gen_unicode_tables.py          # (re)write core/src/normalize/tables.rs
    python3 tools/gen_unicode_tables.py --check  # exit 1 if the committed file is stale
"""

import argparse
import re
import sys
import unicodedata
from pathlib import Path

UNICODE_VERSION = "14.0.0"
CONFUSABLES_VERSION = "13.0.0"

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "core" / "src" / "normalize" / "tables.rs"
OUTPUT_NAME = "core/src/normalize/tables.rs"
CONFUSABLES_TXT = REPO / "tools" / "unicode" / "confusables.txt"

COMPAT = 1
CASE = 2
DIACRITIC = 4
CONFUSABLE = 8
INDIC = 16
FLAG_NAMES = (("COMPAT", COMPAT), ("CASE", CASE), ("DIACRITIC", DIACRITIC), ("CONFUSABLE", CONFUSABLE),
              ("INDIC", INDIC))

# Devanagari spelling variants that Hindi writers use interchangeably (rule 2b), folded to one
# form. Nukta letters (ड़, ज़, फ़: U+0958..U+095F decompose to letter + nukta) lose the nukta;
# chandrabindu becomes anusvara (गाँड / गांड); long i and u, as vowel signs and as letters, become
# short (चूतिया / चुतिया); Devanagari digits become ASCII digits.
INDIC_FOLD = {
    0x093C: "",  # DEVANAGARI SIGN NUKTA
    0x0901: "\u0902",  # CANDRABINDU -> ANUSVARA
    0x0940: "\u093F",  # VOWEL SIGN II -> I
    0x0942: "\u0941",  # VOWEL SIGN UU -> U
    0x0908: "\u0907",  # LETTER II -> I
    0x090A: "\u0909",  # LETTER UU -> U
    0x0929: "\u0928",  # NNNA (न + nukta, precomposed) -> NA
    0x0931: "\u0930",  # RRA -> RA
    0x0934: "\u0933",  # LLLA -> LLA
}
INDIC_FOLD.update({0x0966 + d: str(d) for d in range(10)})  # DEVANAGARI DIGIT ZERO..NINE

# Latin, Greek, Cyrillic, Armenian and IPA/phonetic blocks, where combining marks are diacritics
# (ASCII counts too, see `is_lgc`).
LGC_RANGES = (
    (0x0080, 0x024F),  # Latin-1 Supplement, Latin Extended-A/B
    (0x0250, 0x02AF),  # IPA Extensions
    (0x0370, 0x03FF),  # Greek and Coptic
    (0x0400, 0x052F),  # Cyrillic, Cyrillic Supplement
    (0x0530, 0x058F),  # Armenian
    (0x1C80, 0x1C8F),  # Cyrillic Extended-C
    (0x1D00, 0x1DBF),  # Phonetic Extensions (+ Supplement)
    (0x1E00, 0x1FFF),  # Latin Extended Additional, Greek Extended
    (0x2C60, 0x2C7F),  # Latin Extended-C
    (0x2DE0, 0x2DFF),  # Cyrillic Extended-A
    (0xA640, 0xA69F),  # Cyrillic Extended-B
    (0xA720, 0xA7FF),  # Latin Extended-D
    (0xAB30, 0xAB6F),  # Latin Extended-E
)
# Characters whose confusable prototype may replace them (rule 2): LGC plus these.
CONFUSABLE_SCOPE = LGC_RANGES + (
    (0x13A0, 0x13FF),  # Cherokee
    (0xAB70, 0xABBF),  # Cherokee Supplement
    (0x2C80, 0x2CFF),  # Coptic
    (0x2100, 0x214F),  # Letterlike Symbols
    (0xA4D0, 0xA4FF),  # Lisu (ꓝ, ꓑ: Fraser capitals)
    (0x1400, 0x167F),  # Unified Canadian Aboriginal Syllabics (ᑲ, ᕼ)
    (0x18B0, 0x18FF),  # Unified Canadian Aboriginal Syllabics Extended
)

# Lookalikes that confusables.txt gives a non-ASCII prototype without an ASCII one of its own:
# the prototypes of Cyrillic к and Greek κ (kra) and of Cyrillic ь (tone six). Our own reading
# of the glyphs, used only after a prototype (see `Folder.ascii_prototype`).
PROTOTYPE_LETTERS = {
    0x0138: "k",  # LATIN SMALL LETTER KRA
    0x0185: "b",  # LATIN SMALL LETTER TONE SIX
}

# Letters that "fancy text" writes for ASCII letters but confusables.txt gives no ASCII
# prototype (ε and ɛ -> ꞓ, м -> ʍ, χ none), and the turned letters of upside-down text: our
# own reading of the glyphs (rule 2).
LOOKALIKE_EXTRA = {
    0x025B: "e",  # LATIN SMALL LETTER OPEN E
    0x03B5: "e",  # GREEK SMALL LETTER EPSILON
    0x03C7: "x",  # GREEK SMALL LETTER CHI
    0x043C: "m",  # CYRILLIC SMALL LETTER EM
    0x04CF: "1",  # CYRILLIC SMALL LETTER PALOCHKA: an I or an l, as ASCII 1 (see below)
    # Upside-down text (`ʞɔnɟ`): the turned letters read as the letter they turn, so a term's
    # upside-down spelling (reversed, with n/u, d/p, b/q swapped) matches them. ƃ and ɯ keep
    # their lookalike readings (b, w), which the spelling accounts for.
    0x0250: "a",  # LATIN SMALL LETTER TURNED A
    0x0254: "c",  # LATIN SMALL LETTER OPEN O (a turned c)
    0x01DD: "e",  # LATIN SMALL LETTER TURNED E
    0x025F: "f",  # LATIN SMALL LETTER DOTLESS J WITH STROKE (a turned f)
    0x0265: "h",  # LATIN SMALL LETTER TURNED H
    0x1D09: "i",  # LATIN SMALL LETTER TURNED I
    0x027E: "j",  # LATIN SMALL LETTER R WITH FISHHOOK (a turned j)
    0x029E: "k",  # LATIN SMALL LETTER TURNED K
    0x0279: "r",  # LATIN SMALL LETTER TURNED R
    0x0287: "t",  # LATIN SMALL LETTER TURNED T
    0x028C: "v",  # LATIN SMALL LETTER TURNED V
    0x028D: "w",  # LATIN SMALL LETTER TURNED W
    0x028E: "y",  # LATIN SMALL LETTER TURNED Y
}

# Default_Ignorable_Code_Point, as DerivedCoreProperties.txt derives it:
#   Other_Default_Ignorable_Code_Point + Cf + Variation_Selector
#   - White_Space - FFF9..FFFB (interlinear annotation) - 13430..1343F (Egyptian format controls)
#   - Prepended_Concatenation_Mark (0600..0605, 06DD, 070F, 0890..0891, 08E2, 110BD, 110CD)
# No Cf character is White_Space, so that subtraction is empty. Other_Default_Ignorable and
# Variation_Selector are not exposed by `unicodedata`; their code points (PropList.txt 14.0.0)
# are listed here. E0000..E0FFF is included whole, assigned or not, as Unicode does; so are the
# two other unassigned Other_Default_Ignorable ranges (2065, FFF0..FFF8).
IGNORABLE_EXTRA = (
    (0x034F, 0x034F),  # COMBINING GRAPHEME JOINER
    (0x115F, 0x1160),  # HANGUL CHOSEONG/JUNGSEONG FILLER
    (0x17B4, 0x17B5),  # KHMER VOWEL INHERENT AQ/AA
    (0x180B, 0x180F),  # MONGOLIAN FREE VARIATION SELECTORS (+ vowel separator, Cf)
    (0x2065, 0x2065),  # unassigned, Other_Default_Ignorable
    (0x3164, 0x3164),  # HANGUL FILLER
    (0xFE00, 0xFE0F),  # VARIATION SELECTOR-1..16
    (0xFFA0, 0xFFA0),  # HALFWIDTH HANGUL FILLER
    (0xFFF0, 0xFFF8),  # unassigned, Other_Default_Ignorable
    (0xE0000, 0xE0FFF),  # tags, VARIATION SELECTOR-17..256, reserved
)
# Punctuation that people put between spaced-out letters (`f·u·c·k`, `f•u•c•k`, `f—u—c—k`)
# that neither decomposes nor has a confusable to ASCII: read as the ASCII separator it stands
# for, so the letters around it join as around `.` and `-` (rule 3).
SEPARATOR_EXTRA = {
    0x00B7: ".",  # MIDDLE DOT
    0x2022: ".",  # BULLET
    0x2027: ".",  # HYPHENATION POINT
    0x2219: ".",  # BULLET OPERATOR
    0x22C5: ".",  # DOT OPERATOR
    0x30FB: ".",  # KATAKANA MIDDLE DOT
    0x2014: "-",  # EM DASH
    0x2015: "-",  # HORIZONTAL BAR
}

# Not Default_Ignorable, but drawn as nothing inside a word, so treated the same: the C1
# controls (U+0085 NEXT LINE included: HTML does not break a line on it) and the blank braille
# pattern U+2800 (a blank that is not a space).
INVISIBLE_EXTRA = (
    (0x0080, 0x009F),  # C1 controls
    (0x2800, 0x2800),  # BRAILLE PATTERN BLANK
)
NOT_IGNORABLE = (
    (0x0600, 0x0605), (0x06DD, 0x06DD), (0x070F, 0x070F), (0x0890, 0x0891), (0x08E2, 0x08E2),
    (0x110BD, 0x110BD), (0x110CD, 0x110CD),  # Prepended_Concatenation_Mark
    (0xFFF9, 0xFFFB),  # interlinear annotation controls
    (0x13430, 0x1343F),  # Egyptian hieroglyph format controls
)

# Symbols without decomposition or confusable whose name spells the letter (🅵, 🅕).
# Parenthesized letters too (⒡: NFKD gives "(f)", which would split the word). Not the
# regional indicator letters: a pair of them that names a region renders as its flag, and 🇲🇫
# (Saint Martin) would read as the term `mf`; telling flags from letters needs the list of
# regions, which Unicode's character data does not carry.
ENCLOSED_LETTER_NAME = re.compile(
    r"^(?:NEGATIVE (?:SQUARED|CIRCLED)|PARENTHESIZED) LATIN (?:CAPITAL|SMALL) LETTER ([A-Z])$"
)
# Small capital letters (ꜰ, ᴋ, ʀ) that keep no ASCII letter after the rules: the name gives it.
SMALL_CAPITAL_NAME = re.compile(r"^LATIN LETTER SMALL CAPITAL ([A-Z])$")
ASCII_WORD = re.compile(r"^[a-z0-9]+$")


def prototype_letter(ch):
    """The ASCII letter a prototype character stands for (see `Folder.ascii_prototype`), or
    `ch` itself."""
    if ch in "abcdefghijklmnopqrstuvwxyz0123456789":
        return ch
    if ord(ch) in PROTOTYPE_LETTERS:
        return PROTOTYPE_LETTERS[ord(ch)]
    m = SMALL_CAPITAL_NAME.match(unicodedata.name(ch, ""))
    return m.group(1).lower() if m else ch


def in_ranges(cp, ranges):
    return any(lo <= cp <= hi for lo, hi in ranges)


def is_lgc(ch):
    return ord(ch) < 0x80 or in_ranges(ord(ch), LGC_RANGES)


def is_mark(ch):
    return unicodedata.category(ch) in ("Mn", "Mc", "Me")


def strip_marks(s):
    return "".join(ch for ch in s if not is_mark(ch))


def nf(form, s):
    return unicodedata.normalize(form, s)


def is_ignorable(cp):
    if in_ranges(cp, IGNORABLE_EXTRA) or in_ranges(cp, INVISIBLE_EXTRA):
        return True
    if 0xD800 <= cp <= 0xDFFF or in_ranges(cp, NOT_IGNORABLE):
        return False
    return unicodedata.category(chr(cp)) == "Cf"


def is_ascii_punct(s):
    """Non-empty, printable ASCII (space included), no letters or digits."""
    return bool(s) and all(" " <= ch <= "~" and not ch.isalnum() for ch in s)


def load_confusables(path):
    """{source code point: prototype string} from a UTS #39 confusables.txt."""
    table = {}
    with open(path, encoding="utf-8-sig") as f:  # utf-8-sig: the file starts with a BOM
        for lineno, line in enumerate(f, 1):
            data = line.split("#", 1)[0].strip()
            if not data:
                continue
            fields = [field.strip() for field in data.split(";")]
            if len(fields) < 3:
                raise SystemExit("%s:%d: expected 'source ; target ; type'" % (path, lineno))
            src, target = fields[0].split(), fields[1].split()
            if len(src) != 1 or not target:
                raise SystemExit("%s:%d: bad source or target" % (path, lineno))
            cp = int(src[0], 16)
            if cp in table:
                raise SystemExit("%s:%d: duplicate source %04X" % (path, lineno, cp))
            table[cp] = "".join(chr(int(h, 16)) for h in target)
    if len(table) < 6000:
        raise SystemExit("%s: only %d mappings; is the file complete?" % (path, len(table)))
    return table


def ascii_lower(s):
    """Lower-cases ASCII letters only: case folding beyond this is reported as CASE."""
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in s)


class Folder:
    def __init__(self, confusables):
        self.confusables = confusables

    def ascii_prototype(self, ch, chain=True):
        """The confusable prototype of `ch` folded to ASCII letters/digits, or None. With
        `chain`, a prototype that is a small capital (Cyrillic т -> ᴛ, в -> ʙ, н -> ʜ) or in
        PROTOTYPE_LETTERS (к -> ĸ) is read as its letter."""
        p = self.confusables.get(ord(ch))
        if p is None:
            return None
        p2 = strip_marks(nf("NFKD", nf("NFKD", p).casefold()))
        if chain and not ASCII_WORD.match(p2):
            p2 = "".join(prototype_letter(x) for x in p2)
        return p2 if ASCII_WORD.match(p2) else None

    def own_prototypes(self, s):
        """`s` with each capital (Lu, Lt) of CONFUSABLE_SCOPE, and each letter whose case folding
        is not ASCII, replaced by its own prototype lower-cased, and the flags that adds. Case
        folding first loses what the capital looks like: Greek Ν folds to ν (prototype v),
        Cyrillic К to к, Н to н, and lunate ϲ to σ (prototype o)."""
        out, flags = [], 0
        for ch in s:
            p = None
            small_cap = SMALL_CAPITAL_NAME.match(unicodedata.name(ch, ""))
            if ord(ch) >= 0x80 and in_ranges(ord(ch), CONFUSABLE_SCOPE) and not small_cap:
                capital = unicodedata.category(ch) in ("Lu", "Lt")
                if capital or not ch.casefold().isascii():
                    p = self.ascii_prototype(ch)
                # Capital I's prototype is l (I and l look alike): a capital or caseless letter
                # with that prototype (Greek Ι, Cyrillic І and Ӏ, Lisu ꓲ) stands for either, so
                # it reads 1, which terms match as i or l (`SHӀT`, `ASSHOӀE`), as the leet 1.
                raw = self.confusables.get(ord(ch), "")
                if p == "l" and strip_marks(nf("NFKD", raw)) == "l":
                    if unicodedata.category(ch) in ("Lu", "Lt", "Lo"):
                        p = "1"
            if p is None:
                out.append(ch)
            else:
                out.append(p)
                flags |= CONFUSABLE | (CASE if capital else 0)
        return "".join(out), flags

    def fold_word(self, c):
        """Rule 2: (replacement, flags) for a letter, number, mark or letter-like symbol."""
        if ord(c) in LOOKALIKE_EXTRA:
            return LOOKALIKE_EXTRA[ord(c)], CONFUSABLE
        flags = 0
        decomposed = nf("NFKD", c)
        if decomposed != c and not decomposed.isascii() and in_ranges(ord(c), CONFUSABLE_SCOPE):
            # A compatibility variant is read as it looks, not as it decomposes: the lunate
            # sigma ϲ decomposes to ς (prototype o) but is drawn as c. (Not when it decomposes
            # to ASCII: long s ſ is an s, though its prototype is f.)
            p = self.ascii_prototype(c, chain=False)
            if p is not None:
                capital = unicodedata.category(c) in ("Lu", "Lt")
                return p, COMPAT | CONFUSABLE | (CASE if capital else 0)
        if is_lgc(nf("NFKD", c)[0]):
            r = nf("NFKD", c)
            if r != nf("NFD", c):
                flags |= COMPAT
            # Marks go before case folding too: its only effect on a mark is U+0345 (iota
            # subscript) -> ι, which would make ᾳ "ai" while α + U+0345 (the same text in NFD)
            # reads "a" once the runtime drops the mark after α.
            stripped = strip_marks(r)
            if stripped != r:
                flags |= DIACRITIC
            stripped, own = self.own_prototypes(stripped)
            flags |= own
            folded = stripped.casefold()
            if folded != ascii_lower(stripped):
                flags |= CASE
            r = nf("NFKD", folded)
            stripped = strip_marks(r)
            if stripped != r:
                flags |= DIACRITIC
            r = stripped
        else:
            r = nf("NFKC", c)
            if r != nf("NFC", c):
                flags |= COMPAT
            r, own = self.own_prototypes(r)
            flags |= own
            folded = r.casefold()
            if folded != ascii_lower(r):
                flags |= CASE
            r = nf("NFKC", folded)
        out = []
        for ch in r:
            p2 = None
            if ord(ch) >= 0x80 and in_ranges(ord(ch), CONFUSABLE_SCOPE):
                p2 = self.ascii_prototype(ch, chain=False)
            small_cap = SMALL_CAPITAL_NAME.match(unicodedata.name(ch, "")) if ord(ch) >= 0x80 else None
            if p2 is not None:
                out.append(p2)
                flags |= CONFUSABLE
            elif small_cap:
                # ᴀ ʙ ᴅ ᴇ ꜰ ɢ ʜ ᴊ ᴋ ʟ ᴍ ɴ ᴘ ꞯ ʀ ᴛ: "small caps" text, mostly without a
                # decomposition or an ASCII confusable; the name gives the letter.
                out.append(small_cap.group(1).lower())
                flags |= COMPAT
            else:
                out.append(ch)
        return "".join(out), flags

    def fold_symbol_letter(self, c):
        """So symbols that stand for ASCII letters (ⓕ, 🄵, 🅵, ™), or None."""
        r, flags = self.fold_word(c)
        if ASCII_WORD.match(r) and any(ch.isalpha() for ch in r):
            return r, flags
        p2 = self.ascii_prototype(c)
        if p2 is not None and any(ch.isalpha() for ch in p2):
            return p2, CONFUSABLE
        m = ENCLOSED_LETTER_NAME.match(unicodedata.name(c, ""))
        if m:
            return m.group(1).lower(), COMPAT
        return None

    def fold_punct(self, c):
        """Rule 3: ASCII punctuation or space for punctuation, symbols and separators, or None."""
        if ord(c) in SEPARATOR_EXTRA:
            return SEPARATOR_EXTRA[ord(c)], CONFUSABLE
        r = nf("NFKD", c)
        if is_ascii_punct(r):
            return r, COMPAT
        p = self.confusables.get(ord(c))
        if p is not None:
            p = nf("NFKD", p)
            return (p, CONFUSABLE) if is_ascii_punct(p) else None
        if r != c:
            # No prototype for c itself: try the characters of its decomposition (﹘ -> — ...).
            parts = []
            for ch in r:
                if ord(ch) < 0x80:
                    parts.append(ch)
                elif ord(ch) in self.confusables:
                    parts.append(nf("NFKD", self.confusables[ord(ch)]))
                else:
                    return None
            p = "".join(parts)
            if is_ascii_punct(p):
                return p, COMPAT | CONFUSABLE
        return None


def build(confusables):
    """Returns (fold {cp: (replacement, flags)}, marks, ignorable, word) as sets of code points."""
    folder = Folder(confusables)
    fold, marks, ignorable, word = {}, set(), set(), set()
    for cp in range(0x80, 0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        if is_ignorable(cp):  # before the Cn check: E0000..E0FFF etc. count when unassigned
            ignorable.add(cp)
            continue
        c = chr(cp)
        cat = unicodedata.category(c)
        if cat == "Cn":
            continue
        if cat[0] in "LNM":
            r, flags = folder.fold_word(c)
            if any(ord(ch) in INDIC_FOLD for ch in r):
                r = "".join(INDIC_FOLD.get(ord(ch), ch) for ch in r)
                flags |= INDIC
                if not r:
                    fold[cp] = ("", flags)
                    continue
            if cat[0] == "M" and not all(is_mark(ch) for ch in r):
                # A mark never becomes a letter: U+0345 would fold to ι -> "i" and put letters
                # into Zalgo text. It stays a mark (dropped after Latin/Greek/Cyrillic).
                r = c
            if r == c:
                (marks if cat[0] == "M" else word).add(cp)
            elif not r:
                assert cat[0] == "M", "U+%04X (%s) folds to nothing" % (cp, cat)
                marks.add(cp)
            else:
                fold[cp] = (r, flags)
            continue
        if cat == "So":
            entry = folder.fold_symbol_letter(c)
            if entry is not None:
                fold[cp] = entry
                continue
        if cat[0] in "PS" or cat == "Zs":
            entry = folder.fold_punct(c)
            if entry is not None:
                fold[cp] = entry
    settle(fold, marks, word)
    for cp, (r, _) in list(fold.items()):
        if len(r.encode("utf-8")) > MAX_EXPANSION * len(chr(cp).encode("utf-8")):
            del fold[cp]
            if unicodedata.category(chr(cp))[0] in "LN":
                word.add(cp)
    return fold, marks, ignorable, word


# The most UTF-8 bytes a FOLD replacement may have per byte of its character (see the module doc).
MAX_EXPANSION = 4


def settle(fold, marks, word):
    """Makes every non-ASCII character of every replacement a WORD or MARKS member by
    substituting FOLD entries into replacements (¼ -> 1⁄4 -> 1/4), so folding is idempotent."""
    for _ in range(8):
        changed = False
        for cp, (r, flags) in sorted(fold.items()):
            parts = []
            for ch in r:
                sub = fold.get(ord(ch)) if ord(ch) >= 0x80 and ord(ch) != cp else None
                if ch == "\u00b7" and unicodedata.category(chr(cp))[0] == "L":
                    sub = None  # Ŀ/ŀ: the dot is part of the letter (dropped below)
                if sub is not None:
                    parts.append(sub[0])
                    flags |= sub[1]
                else:
                    parts.append(ch)
            new = ("".join(parts), flags)
            if new != fold[cp]:
                fold[cp] = new
                changed = True
        if not changed:
            break
    else:
        raise SystemExit("FOLD replacements do not settle (a cycle?)")
    for cp, (r, flags) in sorted(fold.items()):
        bad = [ch for ch in r if ord(ch) >= 0x80 and ord(ch) not in word and ord(ch) not in marks]
        if bad and unicodedata.category(chr(cp))[0] == "L" and all(
                unicodedata.category(ch)[0] == "P" for ch in bad):
            # Ŀ/ŀ -> l + MIDDLE DOT: the dot is part of the letter, like a diacritic; drop it.
            r = "".join(ch for ch in r if ch not in bad)
            fold[cp] = (r, flags | DIACRITIC)
            bad = []
        if bad:
            raise SystemExit("U+%04X -> %r: %s neither WORD nor MARKS"
                             % (cp, r, ", ".join("U+%04X" % ord(ch) for ch in bad)))
        if any("A" <= ch <= "Z" for ch in r):
            raise SystemExit("U+%04X -> %r: upper-case ASCII in a replacement" % (cp, r))


def to_ranges(cps):
    out = []
    for cp in sorted(cps):
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return [tuple(r) for r in out]


def rust_str(s):
    out = []
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif " " <= ch <= "~":
            out.append(ch)
        else:
            out.append("\\u{%04X}" % ord(ch))
    return '"%s"' % "".join(out)


def rust_flags(flags):
    names = [name for name, bit in FLAG_NAMES if flags & bit]
    return " | ".join(names) if names else "0"


HEADER = """\
//! Unicode folding tables for the normaliser.
//!
//! @generated by `python3 tools/gen_unicode_tables.py` from Unicode {unicode} (Python 3.11
//! `unicodedata`: NFKD, case folding, general categories) and UTS #39 confusables.txt {conf}
//! (vendored at `tools/unicode/confusables.txt`). Do not edit by hand; `--check` verifies it.

/// Unicode version of the decomposition, case-folding and category data.
///
/// # Examples
///
/// ```
/// assert_eq!(kavach::UNICODE_VERSION, "{unicode}");
/// // Its decompositions: fullwidth letters (`Ｆ`) and `Ü` (U with diaeresis) fold to ASCII.
/// assert_eq!(kavach::normalize("What the ＦÜＣＫ"), "what the fuck");
/// ```
pub const UNICODE_VERSION: &str = "{unicode}";
/// Version of the UTS #39 confusables data.
///
/// # Examples
///
/// ```
/// assert_eq!(kavach::CONFUSABLES_VERSION, "{conf}");
/// // Its prototypes: Cyrillic `с` (U+0441) and Greek `υ` (U+03C5) read as Latin letters.
/// assert_eq!(kavach::normalize("f\\u{{3C5}}\\u{{441}}k"), "fuck");
/// ```
pub const CONFUSABLES_VERSION: &str = "{conf}";

/// The replacement comes from a compatibility decomposition (NFKD/NFKC).
pub const COMPAT: u8 = {COMPAT};
/// The replacement involved case folding beyond ASCII lower-casing (`ẞ`, Cyrillic `С`).
pub const CASE: u8 = {CASE};
/// Combining marks (diacritics) were removed.
pub const DIACRITIC: u8 = {DIACRITIC};
/// A UTS #39 confusable was mapped to its prototype.
pub const CONFUSABLE: u8 = {CONFUSABLE};
/// A Devanagari spelling variant was folded (nukta, chandrabindu, long i/u, digits).
pub const INDIC: u8 = {INDIC};
"""

RANGE_DOCS = (
    ("MARKS", "Combining marks: kept after non-Latin/Greek/Cyrillic letters and dropped after Latin, Greek\n"
              "/// and Cyrillic ones. Sorted, non-overlapping inclusive ranges."),
    ("IGNORABLE", "Invisible characters (Default_Ignorable_Code_Point), dropped everywhere; sorted inclusive\n"
                  "/// ranges."),
    ("WORD", "Other non-ASCII letters and numbers (word characters) that fold to themselves; sorted\n"
             "/// inclusive ranges."),
    ("SYMBOLS", "Other symbols (General_Category So: emoji, dingbats, pictographs) that the matching form\n"
                "/// drops, so terms written in them are read apart (`crate::symbols`); sorted inclusive ranges."),
)


def render(fold, range_tables):
    lines = [HEADER.format(unicode=UNICODE_VERSION, conf=CONFUSABLES_VERSION, COMPAT=COMPAT, CASE=CASE,
                           DIACRITIC=DIACRITIC, CONFUSABLE=CONFUSABLE, INDIC=INDIC)]
    lines.append("/// Non-ASCII code points whose matching form differs from themselves, sorted by code point:")
    lines.append("/// (code point, replacement, flags).")
    lines.append("pub static FOLD: &[(u32, &str, u8)] = &[")
    for cp in sorted(fold):
        r, flags = fold[cp]
        line = "    (0x%04X, %s, %s)," % (cp, rust_str(r), rust_flags(flags))
        name = unicodedata.name(chr(cp), "")
        lines.append(line + (" // " + name if name else ""))
    lines.append("];")
    for name, doc in RANGE_DOCS:
        lines.append("")
        lines.append("/// " + doc)
        lines.append("pub static %s: &[(u32, u32)] = &[" % name)
        for lo, hi in range_tables[name]:
            lines.append("    (0x%04X, 0x%04X)," % (lo, hi))
        lines.append("];")
    return "\n".join(lines) + "\n"


def self_test(fold, marks, ignorable, word):
    """Known mappings; any failure aborts (both when writing and with --check)."""
    failures = []
    # (code point, replacement, exact flags or None for "any")
    expected_folds = [
        (0xFF46, "f", COMPAT),  # ｆ FULLWIDTH
        (0x1D41F, "f", COMPAT),  # 𝐟 MATHEMATICAL BOLD
        (0x1D4EF, "f", None),  # 𝓯 MATHEMATICAL BOLD SCRIPT
        (0x1D523, "f", None),  # 𝔣 MATHEMATICAL FRAKTUR
        (0x24D5, "f", None),  # ⓕ CIRCLED
        (0x1F175, "f", None),  # 🅵 NEGATIVE SQUARED (So, by name)
        (0xFB01, "fi", None),  # ﬁ ligature
        (0x00B2, "2", COMPAT),  # ²
        (0x00FC, "u", DIACRITIC),  # ü
        (0x00C9, "e", DIACRITIC),  # É: ASCII case is not reported
        (0x00DF, "ss", CASE),  # ß
        (0x1E9E, "ss", None),  # ẞ
        (0x0441, "c", CONFUSABLE),  # Cyrillic с
        (0x0440, "p", CONFUSABLE),  # Cyrillic р
        (0x0421, "c", CASE | CONFUSABLE),  # Cyrillic С
        (0x03BF, "o", CONFUSABLE),  # Greek ο
        (0x0456, "i", CONFUSABLE),  # Cyrillic і
        (0x0251, "a", CONFUSABLE),  # Latin ɑ
        (0x0131, "i", CONFUSABLE),  # dotless ı
        (0x0958, "\u0915", INDIC),  # क़ decomposed, nukta dropped
        (0x093C, "", INDIC),  # nukta alone
        (0x0901, "\u0902", INDIC),  # chandrabindu -> anusvara
        (0x0940, "\u093F", INDIC),  # ी -> ि
        (0x090A, "\u0909", INDIC),  # ऊ -> उ
        (0x0967, "1", INDIC),  # १
        (0x00A0, " ", COMPAT),  # NBSP
        (0x3000, " ", COMPAT),  # ideographic space
        (0xFF0E, ".", COMPAT),  # fullwidth full stop
        (0xFF04, "$", COMPAT),  # fullwidth dollar
        (0x2010, "-", CONFUSABLE),  # hyphen
        (0x2217, "*", CONFUSABLE),  # asterisk operator
        (0x00BD, "1/2", None),  # ½ -> 1⁄2 -> 1/2 (settled)
        (0xA730, "f", COMPAT),  # ꜰ small capital, by name
        (0x1D0B, "k", COMPAT),  # ᴋ small capital (its confusable ĸ is not ASCII), by name
        (0x1D1C, "u", CONFUSABLE),  # ᴜ small capital, confusable
        (0x1FB3, "a", DIACRITIC | CONFUSABLE),  # ᾳ: iota subscript dropped like in NFD α + U+0345
        (0x013F, "l", COMPAT | DIACRITIC),  # Ŀ -> L· : middle dot dropped
        (0x2126, "\u03C9", CASE),  # Ω OHM SIGN -> ω (a WORD letter)
    ]
    for cp, r, flags in expected_folds:
        got = fold.get(cp)
        if got is None or got[0] != r or (flags is not None and got[1] != flags):
            failures.append("U+%04X: expected %r %s, got %r" % (
                cp, r, rust_flags(flags) if flags is not None else "", got))
    memberships = (
        ("WORD", word, (0x0915, 0xAC00, 0x03C9)),  # क, 가, ω
        ("MARKS", marks, (0x093E, 0x094D, 0x0902, 0x0301, 0x0345)),  # ा ् ं, acute, iota subscript
        ("IGNORABLE", ignorable, (0x200B, 0x200C, 0x200D, 0x00AD, 0xFEFF, 0x202E, 0xFE0F, 0xE0041, 0x2060)),
    )
    for name, table, cps in memberships:
        for cp in cps:
            if cp not in table:
                where = "FOLD" if cp in fold else next(
                    (n for n, t in (("WORD", word), ("MARKS", marks), ("IGNORABLE", ignorable)) if cp in t),
                    "nothing")
                failures.append("U+%04X: expected in %s, is in %s" % (cp, name, where))
    if failures:
        raise SystemExit("self-test failed:\n  " + "\n  ".join(failures))
    return len(expected_folds) + sum(len(cps) for _, _, cps in memberships)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="regenerate in memory and fail if %s differs" % OUTPUT_NAME)
    args = parser.parse_args()

    if unicodedata.unidata_version != UNICODE_VERSION:
        raise SystemExit("gen_unicode_tables.py needs Unicode %s (Python 3.11's unicodedata); this Python "
                         "(%s) has Unicode %s" % (UNICODE_VERSION, sys.version.split()[0],
                                                  unicodedata.unidata_version))

    fold, marks, ignorable, word = build(load_confusables(CONFUSABLES_TXT))
    keys = set(fold)
    sets = (("FOLD", keys), ("MARKS", marks), ("IGNORABLE", ignorable), ("WORD", word))
    for i, (na, a) in enumerate(sets):
        for nb, b in sets[i + 1:]:
            both = a & b
            assert not both, "%s and %s overlap: %s" % (na, nb, ", ".join("U+%04X" % cp for cp in sorted(both)[:10]))
    checks = self_test(fold, marks, ignorable, word)

    symbols = {cp for cp in range(0x80, 0x110000)
               if not 0xD800 <= cp <= 0xDFFF and unicodedata.category(chr(cp)) == "So"
               and cp not in fold and cp not in marks and cp not in ignorable and cp not in word}
    for cp in (0x1F595, 0x1F346, 0x1F4A6, 0x2620, 0x00A9):  # 🖕 🍆 💦 ☠ ©
        assert cp in symbols, "U+%04X: expected in SYMBOLS" % cp
    for cp in (0x1F3FB, 0x24D5, 0xFE0F):  # a skin tone (Sk), ⓕ (folds to f), VS16 (ignorable)
        assert cp not in symbols, "U+%04X: not expected in SYMBOLS" % cp
    range_tables = {"MARKS": to_ranges(marks), "IGNORABLE": to_ranges(ignorable), "WORD": to_ranges(word),
                    "SYMBOLS": to_ranges(symbols)}
    text = render(fold, range_tables)
    summary = "%d FOLD entries, %d MARKS / %d IGNORABLE / %d WORD / %d SYMBOLS ranges, %d bytes; self-test: %d checks passed" % (
        len(fold), len(range_tables["MARKS"]), len(range_tables["IGNORABLE"]), len(range_tables["WORD"]),
        len(range_tables["SYMBOLS"]),
        len(text.encode("utf-8")), checks)

    if args.check:
        try:
            current = OUTPUT.read_text(encoding="utf-8")
        except FileNotFoundError:
            current = None
        if current != text:
            print("%s is stale: run python3 tools/gen_unicode_tables.py" % OUTPUT_NAME, file=sys.stderr)
            return 1
        print("%s is up to date (%s)" % (OUTPUT_NAME, summary))
        return 0
    OUTPUT.write_text(text, encoding="utf-8", newline="\n")
    print("wrote %s: %s" % (OUTPUT_NAME, summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
