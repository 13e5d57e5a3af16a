#!/usr/bin/env python3
"""Check what `npm pack` would publish of the WebAssembly package: its licence texts and NOTICE
(the code's and the compiled-in lists'), the module and its glue.

    python3 tools/check_npm_pack.py bindings/wasm/pkg
"""
import json
import subprocess
import sys

NEEDED = ["LICENSE-MIT", "LICENSE-APACHE", "NOTICE", "LICENSES/CC-BY-4.0.txt",
          "LICENSES/CC0-1.0.txt", "LICENSES/MIT.txt", "package.json", "README.md",
          "web/kavach_wasm.js", "web/kavach_wasm_bg.wasm", "node/kavach_wasm.js"]


def main():
    out = subprocess.run(["npm", "pack", "--dry-run", "--json"], cwd=sys.argv[1], check=True,
                         capture_output=True, text=True).stdout
    pack = json.loads(out)[0]
    files = {f["path"] for f in pack["files"]}
    missing = [f for f in NEEDED if f not in files]
    if missing:
        sys.exit(f"check_npm_pack: the npm package lacks {missing}")
    print(f"ok: {pack['filename']}: {len(files)} files, {pack['size']} bytes packed, "
          f"licences and NOTICE in")


if __name__ == "__main__":
    main()
