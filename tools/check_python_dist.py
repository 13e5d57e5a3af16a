#!/usr/bin/env python3
"""Install the Python package from its built artefacts, as a user would, and check them.

    python3 tools/check_python_dist.py DIST_DIR

DIST_DIR holds the wheel and the sdist that `make python-dist` builds (`maturin build --zig
--compatibility manylinux2014 --strip`, `maturin sdist`). Checks:
- both carry the licence texts and NOTICE (the code's and the compiled-in lists');
- the wheel is tagged manylinux2014 and `auditwheel show` finds no symbol newer than
  manylinux_2_17 allows (glibc 2.17), so it loads on old hosts and Spark executors;
- the wheel installs into a fresh virtual environment with its `examples` extra, and the
  Python examples' tests pass against it, run from outside the repository;
- the sdist builds from source into another fresh environment and finds what the wheel finds,
  through the module and through `python -m kavach check`.
"""
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


def main():
    dist = pathlib.Path(sys.argv[1]).resolve()
    wheel = one(dist, "kavach_text-*-abi3-*manylinux2014*.whl")
    sdist = one(dist, "kavach_text-*.tar.gz")
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
    print(f"ok: {wheel.name} and {sdist.name}: licences, manylinux_2_17, examples, "
          f"built from source: {from_wheel.splitlines()[0]}")


if __name__ == "__main__":
    main()
