#!/usr/bin/env python3
"""Check the WebAssembly package as npm would publish it, and install it as a user would.

    python3 tools/check_npm_pack.py bindings/wasm/pkg

`npm pack` must carry the licence texts and NOTICE (the code's and the compiled-in lists'), the
glue for the browser and Node, and the module once. The tarball is then installed into a fresh
project, where `import init, { Matcher } from "kavach"` (ES modules) and `require("kavach")`
(CommonJS) must both find a term, and so must a matcher read from the precompiled bundled matcher
the package ships (`kavach/kavach_bundled.bin`, given to `installPrecompiled`).
"""
import json
import pathlib
import subprocess
import sys
import tempfile

NEEDED = ["LICENSE-MIT", "LICENSE-APACHE", "NOTICE", "LICENSES/CC-BY-4.0.txt",
          "LICENSES/CC0-1.0.txt", "LICENSES/MIT.txt", "package.json", "README.md",
          "web/kavach_wasm.js", "web/kavach_wasm_bg.wasm", "node/kavach_wasm.js", "node.mjs",
          "node.d.mts", "inline.mjs", "inline.d.mts", "kavach_bundled.bin"]
ESM = ("import init, { Matcher } from 'kavach'; await init();"
       "console.log(new Matcher().find('what the f.u.c.k')[0].term)")
CJS = ("const { Matcher } = require('kavach'); const m = new Matcher();"
       "console.log(m.precompiled && m.find('tu chootiya hai')[0].term)")
# The precompiled matcher, found by its export as a user would.
PRECOMPILED = ("const k = require('kavach'); const fs = require('fs');"
               "k.installPrecompiled(fs.readFileSync(require.resolve('kavach/kavach_bundled.bin')));"
               "const m = new k.Matcher(); console.log(m.precompiled && m.find('what the f.u.c.k')[0].term)")


def run(cmd, cwd):
    return subprocess.run(cmd, cwd=cwd, check=True, capture_output=True, text=True).stdout


def main():
    pkg = pathlib.Path(sys.argv[1]).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        pack = json.loads(run(["npm", "pack", "--json", "--pack-destination", tmp], pkg))[0]
        files = {f["path"] for f in pack["files"]}
        missing = [f for f in NEEDED if f not in files]
        if missing:
            sys.exit(f"check_npm_pack: the npm package lacks {missing}")
        modules = sorted(f for f in files if f.endswith(".wasm"))
        if len(modules) != 1:
            sys.exit(f"check_npm_pack: the module should ship once (and inline), not as {modules}")
        run(["npm", "init", "-y"], tmp)
        run(["npm", "install", "--silent", "--no-audit", "--no-fund", pack["filename"]], tmp)
        found = (run(["node", "--input-type=module", "-e", ESM], tmp).strip(),
                 run(["node", "-e", CJS], tmp).strip(),
                 run(["node", "-e", PRECOMPILED], tmp).strip())
    if found != ("fuck", "chootiya", "fuck"):
        sys.exit(f"check_npm_pack: the installed package found {found}")
    print(f"ok: {pack['filename']}: {len(files)} files, {pack['size']} bytes packed, one module, "
          f"licences and NOTICE in; installed, ES module and CommonJS imports and the precompiled "
          f"matcher find {found}")


if __name__ == "__main__":
    main()
