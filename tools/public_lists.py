#!/usr/bin/env python3
"""Coverage of the bundled lists against public word lists, and review sheets of what they miss.

Each public list is read from a local snapshot (see SOURCES for where each file comes from;
fetch them outside the repository, e.g. with `npm pack`, `pip download` or `git clone`, into one
folder). Every entry is scanned as a plain text through `kavach scan` with every bundled list, and
counts as covered when kavach flags it (any match, any severity). The uncovered entries are written
as review sheets, one per language, in the columns of `kavach list mine` (`term`, `source`, ...),
for a person to decide entry by entry; the decisions are kept in wordlists/reviews/.

    python3 tools/public_lists.py target/release/kavach SNAPSHOT_DIR [--sheets OUT_DIR] [-v]

Languages: entries of the Hindi lists in Devanagari count as `hi`, in Latin letters as `hi-Latn`.
"""
import ast
import csv
import pathlib
import re
import sys

from kavach_scan import scan  # the same `kavach scan` call

# name -> (language of the list, file inside SNAPSHOT_DIR, licence, where the snapshot comes from)
SOURCES = {
    "ldnoobw-en": ("en", "ldnoobw/en", "CC-BY-4.0", "github LDNOOBW/List-of-Dirty-Naughty-Obscene-and-Otherwise-Bad-Words @5faf2ba"),
    "ldnoobw-hi": ("hi", "ldnoobw/hi", "CC-BY-4.0", "github LDNOOBW/List-of-Dirty-Naughty-Obscene-and-Otherwise-Bad-Words @5faf2ba"),
    "cuss": ("en", "cuss-2.2.0/package/index.js", "MIT", "npm cuss 2.2.0"),
    "surge": ("en", "surge/profanity_en.csv", "MIT", "github surge-ai/profanity @77dabf3"),
    "rustrict": ("en", "rustrict/profanity.csv", "MIT", "github finnbear/rustrict @8c8644b"),
    "obscenity": ("en", "obscenity/english.ts", "MIT", "github jo3-l/obscenity @3af914a"),
    "2toad-en": ("en", "2toad-profanity-3.3.0/package/dist/data/profane-words.js", "MIT", "npm @2toad/profanity 3.3.0"),
    "2toad-hi": ("hi", "2toad-profanity-3.3.0/package/dist/data/profane-words.js", "MIT", "npm @2toad/profanity 3.3.0"),
    "allprofanity-en": ("en", "allprofanity-2.4.0/package/dist/languages/english-words.js", "MIT", "npm allprofanity 2.4.0"),
    "allprofanity-hi": ("hi", "allprofanity-2.4.0/package/dist/languages/hindi-words.js", "MIT", "npm allprofanity 2.4.0"),
    "profanity-hindi": ("hi", "profanity-hindi-1.1.0/package/data/hindi-bad-words.js", "MIT", "npm profanity-hindi 1.1.0"),
    "anti-profanity-hi": ("hi", "anti/anti_profanity/data/hindi_en.py", "MIT", "PyPI anti-profanity 0.2.6"),
    "anti-profanity-en": ("en", "anti/anti_profanity/data/english_en.py", "MIT", "PyPI anti-profanity 0.2.6"),
}

JS_STRING = re.compile(r"""^\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*[,:\]]""")
JS_KEY = re.compile(r"""^\s*(?:"([^"]+)"|'([^']+)'|([\w$-]+))\s*:\s*\d""")


def js_strings(text):
    """String literals that start a line of a JS array or object (one entry a line)."""
    for line in text.splitlines():
        m = JS_STRING.match(line) or JS_KEY.match(line)
        if m:
            yield next(g for g in m.groups() if g is not None)


def two_toad(text, lang):
    """The array of one language in @2toad/profanity's Map literal."""
    block = re.search(r'\[\s*"%s",\s*\[(.*?)\],?\s*\]' % lang, text, re.S)
    return re.findall(r'"((?:[^"\\]|\\.)*)"', block.group(1)) if block else []


def python_lists(text):
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.List):
            for elt in node.elts:
                if isinstance(elt, ast.Constant) and isinstance(elt.value, str):
                    yield elt.value


def entries(name, path):
    """(term, note) pairs of one source; the note keeps the source's own rating."""
    text = path.read_text(encoding="utf-8")
    if name.startswith("ldnoobw"):
        return [(l, "") for l in text.splitlines()]
    if name == "cuss":
        body = text[text.index("{"):]
        return [(m.group(1) or m.group(2) or m.group(3), "rating " + m.group(4))
                for m in re.finditer(r"""^\s*(?:'([^']+)'|"([^"]+)"|([\w-]+)):\s*(\d)""", body, re.M)]
    if name == "surge":
        return [(r["text"], f"{r['category_1']}; {r['severity_description']}")
                for r in csv.DictReader(text.splitlines())]
    if name == "rustrict":
        out = []
        for r in csv.DictReader(text.splitlines()):
            levels = {k: int(v) for k, v in r.items() if k != "word"}
            if max(levels[k] for k in ("profane", "offensive", "sexual", "mean")) >= 2:
                out.append((r["word"], " ".join(f"{k}={v}" for k, v in levels.items() if v)))
        return out
    if name == "obscenity":
        return [(m.group(1), "") for m in re.finditer(r"originalWord: '([^']+)'", text)]
    if name.startswith("2toad"):
        return [(t, "") for t in two_toad(text, name.split("-")[1])]
    if name.endswith(".py") or name.startswith("anti-profanity"):
        return [(t, "") for t in python_lists(text)]
    return [(t, "") for t in js_strings(text)]


def language(source_lang, term):
    if source_lang != "hi":
        return source_lang
    return "hi" if any("\u0900" <= ch <= "\u097f" for ch in term) else "hi-Latn"


def main():
    kavach, snapshots = sys.argv[1], pathlib.Path(sys.argv[2])
    sheets = pathlib.Path(sys.argv[sys.argv.index("--sheets") + 1]) if "--sheets" in sys.argv else None
    verbose = "-v" in sys.argv
    rows = {}  # (lang, term) -> {sources, notes}
    per_source = {}
    for name, (lang, rel, _licence, _origin) in SOURCES.items():
        path = snapshots / rel
        if not path.exists():
            print(f"{name}: {path} not found, skipped", file=sys.stderr)
            continue
        seen = set()
        for term, note in entries(name, path):
            term = " ".join(term.split())
            if not term or term.lower() in seen:
                continue
            seen.add(term.lower())
            key = (language(lang, term), term.lower())
            row = rows.setdefault(key, {"term": term, "sources": [], "notes": []})
            row["sources"].append(name)
            if note:
                row["notes"].append(f"{name}: {note}")
            per_source.setdefault(name, []).append(key)
    keys = sorted(rows)
    results = scan(kavach, [rows[k]["term"] for k in keys])
    flagged = {k: r for k, r in zip(keys, results) if r["matches"] or r.get("status") == "error"}
    print(f"{'source':20} {'lang':8} {'entries':>7} {'flagged':>7}  share")
    for name, ks in per_source.items():
        for lang in sorted({k[0] for k in ks}):
            sub = [k for k in ks if k[0] == lang]
            hit = sum(k in flagged for k in sub)
            print(f"{name:20} {lang:8} {len(sub):7} {hit:7}  {hit / len(sub):.3f}")
    for lang in sorted({k[0] for k in keys}):
        sub = [k for k in keys if k[0] == lang]
        multi = [k for k in sub if len(rows[k]["sources"]) >= 2]
        print(f"union {lang:14} {len(sub):7} {sum(k in flagged for k in sub):7}  "
              f"{sum(k in flagged for k in sub) / len(sub):.3f}   in >= 2 lists: {len(multi)}, "
              f"flagged {sum(k in flagged for k in multi) / max(1, len(multi)):.3f}")
    if sheets:
        sheets.mkdir(parents=True, exist_ok=True)
        for lang in sorted({k[0] for k in keys}):
            with open(sheets / f"{lang}.tsv", "w", encoding="utf-8") as out:
                out.write("term\tlists\tsources\tnotes\n")
                missed = [k for k in keys if k[0] == lang and k not in flagged]
                missed.sort(key=lambda k: (-len(rows[k]["sources"]), k[1]))
                for k in missed:
                    r = rows[k]
                    out.write(f"{r['term']}\t{len(r['sources'])}\t{','.join(r['sources'])}\t"
                              f"{' | '.join(r['notes'])}\n")
    if verbose:
        for k in keys:
            if k not in flagged:
                print(f"  missed [{k[0]}] {rows[k]['term']!r} ({', '.join(rows[k]['sources'])})")


if __name__ == "__main__":
    main()
