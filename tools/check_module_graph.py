#!/usr/bin/env python3
"""Check that the core's module graph has no cycle.

    python3 tools/check_module_graph.py [--print]

A node is a module file under core/src (`matcher/verify.rs` is `matcher::verify`, a `mod.rs` is
its folder's module). An edge a -> b means a's code names b: `use crate::b::...`, a path
`crate::b::...`, `super::...`, `self::child::...` or `child::...`; `crate::Name` for a name the crate root
re-exports names the module it comes from. Declaring a child (`mod b;`) is not an
edge; re-exporting it (`pub use self::b::X`) is. Unit tests (a trailing `#[cfg(test)] mod`)
are not counted: they test their own module from inside. Exits 1 printing each cycle found.
"""
import pathlib
import re
import sys

SRC = pathlib.Path(__file__).resolve().parent.parent / "core" / "src"


def module_name(path):
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] in ("mod", "lib"):
        parts.pop()
    return "::".join(parts)


def without_tests(text):
    cut = re.search(r"^#\[cfg\(test\)\]\s*\n\s*mod \w+\s*\{", text, re.M)
    return text[: cut.start()] if cut else text


def without_comments(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def expand(tree):
    """`a::{b, c::{d, e}}` -> [a::b, a::c::d, a::c::e]."""
    tree = tree.strip()
    brace = tree.find("{")
    if brace < 0:
        return [tree.split(" as ")[0].strip()]
    head, body = tree[:brace], tree[brace + 1: tree.rfind("}")]
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(body):
        depth += ch == "{"
        depth -= ch == "}"
        if ch == "," and depth == 0:
            parts.append(body[start:i])
            start = i + 1
    parts.append(body[start:])
    return [p for part in parts if part.strip() for p in expand(head + part.strip())]


def root_exports():
    """The crate root's re-exports (`pub use module::{Name, ..}` in lib.rs and exports.rs):
    `crate::Name` names that module."""
    names = {}
    for f in ("lib.rs", "exports.rs"):
        code = without_comments((SRC / f).read_text())
        for tree in re.findall(r"\bpub use\s+([^;]+);", code):
            for p in expand(tree):
                module, _, name = p.rpartition("::")
                names[name] = module.removeprefix("crate::").removeprefix("self::")
    return names


def resolve(path, here, modules, exports):
    """The module a path names (the longest known module prefix), or None."""
    segs = path.split("::")
    if segs[0] == "crate" and len(segs) > 1 and segs[1] in exports:
        segs = ["crate"] + exports[segs[1]].split("::") + segs[2:]
    base = here.split("::") if here else []
    if segs[0] == "crate":
        segs, base = segs[1:], []
    elif segs[0] == "self":
        segs = segs[1:]
    elif segs[0] == "super":
        while segs and segs[0] == "super":
            segs, base = segs[1:], base[:-1]
    else:
        return None
    full = base + segs
    for n in range(len(full), -1, -1):
        name = "::".join(full[:n])
        if name in modules:
            return name
    return None


def graph():
    files = {module_name(p): p for p in SRC.rglob("*.rs") if p.name != "build.rs"}
    modules = set(files)
    exports = root_exports()
    edges = {m: set() for m in modules}
    for here, path in files.items():
        code = without_comments(without_tests(path.read_text()))
        paths = [p for tree in re.findall(r"\buse\s+([^;]+);", code) for p in expand(tree)]
        paths += re.findall(r"\b(?:crate|super)(?:::\w+)+", code)
        # A child named directly (`plain::run(..)`, `use plain::X`) is `self::plain`.
        children = {m.rsplit("::", 1)[-1] for m in modules if m.rpartition("::")[0] == here and m != here}
        paths = ["self::" + p if p.split("::")[0] in children else p for p in paths]
        paths += ["self::" + c for c in children if re.search(rf"(?<![\w:]){c}::", code)]
        for p in paths:
            target = resolve(p, here, modules, exports)
            if target is not None and target != here and target != "":
                edges[here].add(target)
    return edges


def cycles(edges):
    """The strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def main():
    edges = graph()
    if "--print" in sys.argv:
        for m in sorted(edges):
            print(f"{m or '(root)'} -> {', '.join(sorted(edges[m])) or '-'}")
    found = cycles(edges)
    for comp in found:
        inner = {m: sorted(edges[m] & set(comp)) for m in comp}
        print("cycle: " + "; ".join(f"{m} -> {', '.join(t)}" for m, t in inner.items()), file=sys.stderr)
    print(f"module graph: {len(edges)} modules, {sum(map(len, edges.values()))} edges, {len(found)} cycles")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    sys.setrecursionlimit(10000)
    main()
