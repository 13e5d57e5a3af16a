#!/usr/bin/env python3
"""Merge the accepted rows of a review sheet into a bundled list, through `kavach list import`.

    python3 tools/merge_review.py target/release/kavach wordlists/en/en.kavach \
        wordlists/reviews/en-1.0.0.tsv [--allow wordlists/reviews/en-1.0.0-allow.txt] \
        [--heading "reviewed from public lists (1.0.0)"]

`list import` reads the sheet (rows whose `accept` is yes, y, x, true or 1; any other value but
no/empty is an error naming its line) and writes them as list entries; those whose term the list
does not already hold are inserted at the end of the `[terms]` section under the heading, and the
allow file's entries (`term | mode` lines, `#` comment lines kept) at the end of `[allow]`. The
list's header (version, date, source) is left to the person releasing it.
"""
import argparse
import pathlib
import subprocess
import sys


def section_end(lines, name):
    """Index of the first line after section `name` (the next section line, or the end)."""
    start = lines.index(f"[{name}]")
    for i in range(start + 1, len(lines)):
        if lines[i].startswith("[") and lines[i].endswith("]"):
            while i > start and not lines[i - 1].strip():
                i -= 1
            return i
    return len(lines)


def terms_of(lines, section):
    out, current = set(), None
    for line in lines:
        s = line.strip()
        if s.startswith("[") and s.endswith("]"):
            current = s
        elif current == section and s and not s.startswith("#"):
            out.add(s.split("|")[0].strip().lower())
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kavach")
    ap.add_argument("list", type=pathlib.Path)
    ap.add_argument("sheet", type=pathlib.Path)
    ap.add_argument("--allow", type=pathlib.Path)
    ap.add_argument("--heading", default="reviewed from public lists")
    args = ap.parse_args()
    lines = args.list.read_text(encoding="utf-8").splitlines()
    lang = next(l.split("=", 1)[1].split(",")[0].strip() for l in lines if l.startswith("languages"))
    imported = subprocess.run(
        [args.kavach, "list", "import", str(args.sheet), "--format", "tsv", "--lang", lang,
         "--id", "review", "--license", "CC0-1.0"],
        capture_output=True, text=True, check=False)
    if imported.returncode != 0:
        sys.exit(imported.stderr)
    new = imported.stdout.splitlines()
    have = terms_of(lines, "[terms]")
    entries = []
    for line in new[new.index("[terms]") + 1:]:
        s = line.strip()
        if s and not s.startswith("#") and s.split("|")[0].strip().lower() not in have:
            entries.append(" | ".join(f.strip() for f in s.split("|")))
            have.add(s.split("|")[0].strip().lower())
    rel = args.sheet.as_posix().split("wordlists/", 1)[-1]
    block = ["", f"# --- {args.heading}: decisions in {rel} " + "-" * 8] + entries
    at = section_end(lines, "terms")
    lines[at:at] = block
    added_allow = 0
    if args.allow:
        allowed = terms_of(lines, "[allow]")
        extra = []
        for line in args.allow.read_text(encoding="utf-8").splitlines():
            s = line.strip()
            if s.startswith("#") or (s and s.split("|")[0].strip().lower() not in allowed):
                extra.append(s)
                added_allow += bool(s) and not s.startswith("#")
        # Drop comment lines left without an entry after them.
        kept = [l for i, l in enumerate(extra)
                if not l.startswith("#") or any(not e.startswith("#") for e in extra[i + 1:i + 2])]
        at = section_end(lines, "allow")
        lines[at:at] = ["", f"# {args.heading}"] + kept
    args.list.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.list}: {len(entries)} terms and {added_allow} allow entries added", file=sys.stderr)


if __name__ == "__main__":
    main()
