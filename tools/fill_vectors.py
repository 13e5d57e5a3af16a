#!/usr/bin/env python3
"""Fill in the byte, code-point and UTF-16 spans of the shared test vectors.

Each expected match in tests/vectors/*.json names the matched substring (`text`); its spans are
found here with Python's own str.find (from the end of the previous match), independently of
kavach, so every binding's offset conversion is checked against a host language.

    python3 tools/fill_vectors.py          # rewrite the span fields
    python3 tools/fill_vectors.py --check  # fail if any span field is missing or stale
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
VECTORS = ROOT / "tests" / "vectors"


def spans(text, sub, after):
    cp = text.find(sub, after)
    if cp < 0:
        raise SystemExit(f"match text {sub!r} not found in {text!r} after code point {after}")
    end = cp + len(sub)
    b = len(text[:cp].encode("utf-8"))
    u = len(text[:cp].encode("utf-16-le")) // 2
    return {
        "byte": [b, b + len(sub.encode("utf-8"))],
        "cp": [cp, end],
        "utf16": [u, u + len(sub.encode("utf-16-le")) // 2],
    }, end


def fill(doc):
    for case in doc["cases"]:
        after = 0
        for m in case.get("matches", []):
            s, after = spans(case["text"], m["text"], after)
            m.update(s)
    return doc


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for path in sorted(VECTORS.glob("*.json")):
        old = path.read_text(encoding="utf-8")
        doc = json.loads(old)
        if not isinstance(doc, dict) or "cases" not in doc:
            continue  # third-party data (blns.json), not vectors
        new = json.dumps(fill(doc), ensure_ascii=False, indent=1) + "\n"
        if old != new:
            if check:
                stale.append(path.relative_to(ROOT))
            else:
                path.write_text(new, encoding="utf-8")
    if stale:
        raise SystemExit(f"stale vector spans in {', '.join(map(str, stale))}: run python3 tools/fill_vectors.py")


if __name__ == "__main__":
    main()
