#!/usr/bin/env python3
"""Install the Python package from its built artefacts, as a user would, and check them.

    python3 tools/check_python_dist.py DIST_DIR

DIST_DIR holds the wheels and the sdist that `make python-dist` builds (`maturin build --zig
--strip`, `--compatibility manylinux2014` and `--target x86_64-unknown-linux-musl
--compatibility musllinux_1_2`; `maturin sdist`). Checks:
- both carry the licence texts and NOTICE (the code's and the compiled-in lists');
- the wheel is tagged manylinux2014 and `auditwheel show` finds no symbol newer than
  manylinux_2_17 allows (glibc 2.17), so it loads on old hosts and Spark executors;
- the musllinux wheel (Alpine and other musl hosts) links only musl's libc.so, and every symbol
  it needs from there is one musl 1.2 exports (Debian's `musl` package, unpacked into target/,
  not installed: this host cannot run a musl Python, so the loader's resolution is checked
  instead; CPython's own symbols, `Py*`, come from the interpreter);
- the wheel installs into a fresh virtual environment with its `examples` extra, and the
  Python examples' tests pass against it, run from outside the repository;
- the sdist builds from source into another fresh environment and finds what the wheel finds,
  through the module and through `python -m kavach check`.
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
import venv
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
LICENCES = ["LICENSE-MIT", "LICENSE-APACHE", "NOTICE", "LICENSES/CC-BY-4.0.txt",
            "LICENSES/CC0-1.0.txt", "LICENSES/MIT.txt"]
CHECKED = "tu chootiya hai"
SMOKE = (
    "import kavach; ms = kavach.find('what the f.u.c.k, tu chootiya hai');"
    "print(kavach.__version__, [(m.text, m.term, m.list) for m in ms])"
)


def fail(message):
    sys.exit(f"check_python_dist: {message}")


def one(dist, pattern):
    found = sorted(dist.glob(pattern))
    if len(found) != 1:
        fail(f"expected one {pattern} in {dist}, found {[p.name for p in found]}")
    return found[0]


def has_licences(names, where):
    missing = [l for l in LICENCES if not any(n.endswith("/" + l) for n in names)]
    if missing:
        fail(f"{where} lacks {missing}")


def fresh_venv(path):
    venv.EnvBuilder(with_pip=True, clear=True).create(path)
    return path / "bin" / "python"


def run(cmd, **kw):
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run(cmd, check=True, text=True, **kw)


# musl's libc.so (`make musl-libc` unpacks Debian's package into target/ without installing it).
MUSL_LIBC = pathlib.Path(os.environ.get("MUSL_LIBC", ROOT / "target/musl/lib/x86_64-linux-musl/libc.so"))


def dynamic_symbols(lib, *flags):
    out = run(["nm", "-D", *flags, str(lib)], capture_output=True).stdout
    return [line.split()[-2:] for line in out.splitlines() if line.strip()]


def check_musl(wheel):
    """The musllinux wheel: licences, and a module musl's loader can resolve."""
    has_licences(zipfile.ZipFile(wheel).namelist(), wheel.name)
    if not MUSL_LIBC.exists():
        fail(f"{MUSL_LIBC} not found: make musl-libc")
    with tempfile.TemporaryDirectory() as tmp:
        zipfile.ZipFile(wheel).extractall(tmp)
        [module] = pathlib.Path(tmp).glob("kavach/*.so")
        dynamic = run(["readelf", "-d", str(module)], capture_output=True).stdout
        needed = [line.split("[")[1].rstrip("]") for line in dynamic.splitlines() if "(NEEDED)" in line]
        if needed != ["libc.so"]:
            fail(f"{wheel.name}: the module needs {needed}, not only musl's libc.so")
        libc = {name for _, name in dynamic_symbols(MUSL_LIBC, "--defined-only")}
        unresolved = sorted(name for kind, name in dynamic_symbols(module, "--undefined-only")
                            if kind == "U" and not name.startswith(("Py", "_Py")) and name not in libc)
        if unresolved:
            fail(f"{wheel.name}: musl's libc.so does not export {unresolved}")


def main():
    dist = pathlib.Path(sys.argv[1]).resolve()
    wheel = one(dist, "kavach_text-*-abi3-*manylinux2014*.whl")
    musl = one(dist, "kavach_text-*-abi3-musllinux_1_2_*.whl")
    sdist = one(dist, "kavach_text-*.tar.gz")
    check_musl(musl)
    has_licences(zipfile.ZipFile(wheel).namelist(), wheel.name)
    has_licences([n for n in tarfile.open(sdist).getnames() if n.count("/") <= 2], sdist.name)
    shown = run([sys.executable, "-m", "auditwheel", "show", str(wheel)],
                capture_output=True).stdout
    if '"manylinux_2_17_x86_64"' not in " ".join(shown.split()):
        fail(f"auditwheel does not find the wheel consistent with manylinux_2_17:\n{shown}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        py = fresh_venv(tmp / "wheel-venv")
        run([py, "-m", "pip", "install", "--quiet", f"{wheel}[examples]", "pytest==8.4.2"])
        # The examples and their tests, copied out of the repository: only the installed
        # package can be imported.
        shutil.copytree(ROOT / "examples" / "python", tmp / "examples")
        run([py, "-m", "pytest", "-q", "-p", "no:cacheprovider", "examples"], cwd=tmp)
        from_wheel = run([py, "-c", SMOKE], cwd=tmp, capture_output=True).stdout
        from_wheel += run([py, "-m", "kavach", "check", CHECKED], cwd=tmp,
                          capture_output=True).stdout
        py = fresh_venv(tmp / "sdist-venv")
        run([py, "-m", "pip", "install", "--quiet", str(sdist)])
        from_sdist = run([py, "-c", SMOKE], cwd=tmp, capture_output=True).stdout
        from_sdist += run([py, "-m", "kavach", "check", CHECKED], cwd=tmp,
                          capture_output=True).stdout
    if from_wheel != from_sdist or "chootiya" not in from_wheel:
        fail(f"wheel and sdist differ: {from_wheel!r} vs {from_sdist!r}")
    print(f"ok: {wheel.name}, {musl.name} and {sdist.name}: licences, manylinux_2_17, musl, examples, "
          f"built from source: {from_wheel.splitlines()[0]}")


if __name__ == "__main__":
    main()
