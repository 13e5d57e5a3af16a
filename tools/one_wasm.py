#!/usr/bin/env python3
"""Make the WebAssembly package ship its module once, with types that compile under common `lib`
settings.

    python3 tools/one_wasm.py bindings/wasm/pkg

wasm-bindgen writes the same `kavach_wasm_bg.wasm` for its `web` and `nodejs` targets (checked
here, byte for byte); the Node glue (CommonJS) is pointed at the web one and its copy removed.
Node's ESM entry (`node.mjs`, written by hand) gives `import init, { Matcher } from "kavach"`
the same shape in Node as in the browser. The `[Symbol.dispose]()` line of the declarations is
removed: it needs TypeScript's `esnext.disposable` lib, and a project on `lib: ["es2022",
"dom"]` would fail to compile them (the method is still there at run time; `free()` is typed).
"""
import pathlib
import sys

GLUE_LINE = "const wasmPath = `${__dirname}/kavach_wasm_bg.wasm`;"
SHARED = "const wasmPath = `${__dirname}/../web/kavach_wasm_bg.wasm`;"


def main():
    pkg = pathlib.Path(sys.argv[1])
    web, node = pkg / "web" / "kavach_wasm_bg.wasm", pkg / "node" / "kavach_wasm_bg.wasm"
    if web.read_bytes() != node.read_bytes():
        sys.exit("one_wasm: the web and nodejs modules differ: cannot ship one")
    glue = pkg / "node" / "kavach_wasm.js"
    text = glue.read_text(encoding="utf-8")
    if text.count(GLUE_LINE) != 1:
        sys.exit(f"one_wasm: {glue} does not load its module as expected ({GLUE_LINE!r})")
    glue.write_text(text.replace(GLUE_LINE, SHARED), encoding="utf-8")
    dispose = "    [Symbol.dispose](): void;\n"
    for d in (pkg / "web" / "kavach_wasm.d.ts", pkg / "node" / "kavach_wasm.d.ts"):
        types = d.read_text(encoding="utf-8")
        if types.count(dispose) != 1:
            sys.exit(f"one_wasm: {d} does not declare [Symbol.dispose] once as expected")
        d.write_text(types.replace(dispose, ""), encoding="utf-8")
    node.unlink()
    (pkg / "node" / "kavach_wasm_bg.wasm.d.ts").unlink(missing_ok=True)
    print(f"one_wasm: {web} shared by the web and Node glue")


if __name__ == "__main__":
    main()
