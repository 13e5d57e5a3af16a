#!/usr/bin/env python3
"""Check that every public item of the `kavach` crate has an example in its rustdoc.

    python3 tools/check_doc_examples.py [--list]

Public means reachable from the crate root: the re-exported types, functions and constants, and
the public inherent methods and associated constants of those types. An example is a code block
(```), which `cargo test --doc` compiles and runs. The item list comes from rustdoc's JSON output
(unstable, so it is enabled with RUSTC_BOOTSTRAP=1 on the stable toolchain, in its own target
directory so the main build is not invalidated). Exits 1 naming every item without one.
"""
import json
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TARGET = ROOT / "target" / "doc-json"
KINDS = ("struct", "enum", "trait", "function", "constant", "static", "type_alias")


def rustdoc_json():
    env = dict(os.environ, RUSTC_BOOTSTRAP="1", CARGO_TARGET_DIR=str(TARGET))
    subprocess.run(["cargo", "rustdoc", "--quiet", "-p", "kavach-text", "--lib", "--",
                    "-Zunstable-options", "--output-format", "json"], check=True, cwd=ROOT, env=env)
    return json.loads((TARGET / "doc" / "kavach.json").read_text())


def public_items(doc):
    """(kind, path, file, line, has_example) for every public item, each once."""
    index, seen, out = doc["index"], set(), []

    def record(item, kind, path):
        span = item.get("span") or {"filename": "?", "begin": [0]}
        out.append((kind, path, span["filename"], span["begin"][0], "```" in (item.get("docs") or "")))

    def visit(item_id, prefix):
        key = str(item_id)
        if key in seen or key not in index:
            return  # seen, or defined in another crate
        seen.add(key)
        item = index[key]
        kind, inner = next(iter(item["inner"].items()))
        if kind == "module":
            for child in inner["items"]:
                visit(child, prefix)
        elif kind == "use":
            if inner.get("id") is not None:
                visit(inner["id"], prefix)
        elif kind in KINDS:
            path = prefix + item["name"]
            record(item, kind, path)
            for impl_id in inner.get("impls", []) if kind in ("struct", "enum") else []:
                impl = index[str(impl_id)]["inner"]["impl"]
                if impl.get("trait") is not None:
                    continue  # trait impls are documented by the trait
                for member_id in impl["items"]:
                    member = index[str(member_id)]
                    if member.get("visibility") == "public":
                        record(member, next(iter(member["inner"])), f"{path}::{member['name']}")

    visit(doc["root"], "")
    return out


def main():
    items = public_items(rustdoc_json())
    missing = [i for i in items if not i[4]]
    if "--list" in sys.argv:
        for kind, path, file, line, has in sorted(items, key=lambda i: (i[2], i[3])):
            print(f"{'ok     ' if has else 'MISSING'} {kind:10} {path}  ({file}:{line})")
    print(f"{len(items) - len(missing)} of {len(items)} public items have an example")
    for kind, path, file, line, _ in missing:
        print(f"  no example: {kind} {path} ({file}:{line})", file=sys.stderr)
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
