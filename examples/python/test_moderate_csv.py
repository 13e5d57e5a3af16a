"""Tests of examples/python/moderate_csv.py: `python -m pytest examples/python`."""

import csv
import importlib.util
import json
import pathlib
import subprocess
import sys

import pytest

HERE = pathlib.Path(__file__).resolve().parent
SCRIPT = HERE / "moderate_csv.py"


def load_script():
    spec = importlib.util.spec_from_file_location("moderate_csv", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_posts(path, n=2500):
    """`n` rows; among them, past the first batch of 2,000, special rows. Returns the special
    rows' ids."""
    special = {
        2100: ("over-matches", "fuck " * 40, "x"),
        2150: ("empty", "", "x"),
        2200: ("formula", "=HYPERLINK(\"http://evil\",\"shit\")", "@SUM(A1)"),
        2250: ("dash", "-2+3 what the f.u.c.k", "+cmd|' /C calc'!A0"),
        2300: ("tab", "\tshit", "\rx"),
        2350: ("too-long", "word " * 400, "x"),
        2400: ("multi-line", "first line\nsecond line with sh1t", "x"),
    }
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "text", "note"])
        for i in range(n):
            if i in special:
                w.writerow(special[i])
            elif i % 10 == 0:
                w.writerow([f"p{i}", f"post {i} is bullshit", "x"])
            else:
                w.writerow([f"p{i}", f"post {i} about the weather", "x"])
        w.writerow(["short-row"])  # no text column: reported as not-text
    return {v[0] for v in special.values()} | {"short-row"}


def read_output(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


ARGS = ["--max-matches", "5", "--max-input-bytes", "1000"]


@pytest.mark.parametrize("with_tqdm", [True, False])
def test_every_row_and_limits(tmp_path, capsys, with_tqdm):
    mod = load_script()
    if not with_tqdm:
        mod.tqdm = None  # the script must run without tqdm
    src, out = tmp_path / "posts.csv", tmp_path / "out.csv"
    write_posts(src)
    assert mod.main([str(src), str(out), "--all", *ARGS]) == 0
    rows = read_output(out)
    assert len(rows) == 2501, "no row lost"
    assert list(rows[0]) == ["id", "text", "note", "status", "verdict", "report", "truncated", "error", "matches"]
    by_id = {r["id"]: r for r in rows}
    assert len(by_id) == 2501

    over = by_id["over-matches"]
    assert (over["status"], over["truncated"], over["verdict"]) == ("scanned", "true", "block")
    assert len(json.loads(over["matches"])) == 5

    empty = by_id["empty"]
    assert (empty["status"], empty["verdict"], empty["error"], json.loads(empty["matches"])) == ("scanned", "allow", "", [])

    long = by_id["too-long"]
    assert (long["status"], long["verdict"]) == ("error", "review")
    assert long["error"].startswith("input-too-long:")

    short = by_id["short-row"]
    assert (short["status"], short["verdict"]) == ("error", "review")
    assert short["error"].startswith("not-text:")

    multi = by_id["multi-line"]
    assert multi["text"] == "first line\nsecond line with sh1t" and multi["verdict"] != "allow"

    for r in rows:
        if r["status"] != "scanned":
            assert r["verdict"] != "allow", r
        elif r["verdict"] != "allow":
            assert json.loads(r["matches"]), r
    assert sum(r["status"] == "error" for r in rows) == 2

    err = capsys.readouterr().err
    # Line numbers: the header is line 1, the row of post i line i + 2; the multi-line row
    # takes two lines, so the short row is on line 2503.
    assert f"{src}:2352: not scanned: input-too-long" in err, err
    assert f"{src}:2503: not scanned: not-text" in err, err
    assert f"{src}:2102: more than 5 matches" in err, err


def test_csv_injection_neutralised(tmp_path):
    mod = load_script()
    src, out = tmp_path / "posts.csv", tmp_path / "out.csv"
    write_posts(src)
    mod.main([str(src), str(out), *ARGS])
    with open(out, newline="", encoding="utf-8") as f:
        cells = [c for row in csv.reader(f) for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], "a cell a spreadsheet would run"
    by_id = {r["id"]: r for r in read_output(out)}
    assert by_id["formula"]["text"] == "'=HYPERLINK(\"http://evil\",\"shit\")"
    assert by_id["formula"]["note"] == "'@SUM(A1)"
    assert by_id["dash"]["text"] == "'-2+3 what the f.u.c.k"
    assert by_id["dash"]["note"] == "'+cmd|' /C calc'!A0"
    assert by_id["tab"]["text"] == "'\tshit" and by_id["tab"]["note"] == "'\rx"
    # Without --all: the flagged rows and those not scanned, never a clean one.
    assert "empty" not in by_id and "p1" not in by_id
    assert {"too-long", "short-row", "over-matches", "p10"} <= set(by_id)
    # Offsets are into the input's text (before the quote was added).
    m = json.loads(by_id["dash"]["matches"])[0]
    assert "-2+3 what the f.u.c.k"[m["start"]:m["end"]] == m["text"] == "f.u.c.k"


def test_unreadable_rows_reported_not_fatal(tmp_path):
    src, out = tmp_path / "posts.csv", tmp_path / "out.csv"
    src.write_bytes(b"id,text\r\n"
                    b"a,hello\r\n"
                    b"b,caf\xe9 shit\r\n"            # Latin-1, not UTF-8
                    b"c,one,two,three\r\n"          # more fields than the header
                    + b"".join(b"n%d,fine text\r\n" % i for i in range(2100))
                    + b"z,last is shit\r\n")
    proc = subprocess.run([sys.executable, str(SCRIPT), str(src), str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert f"{src}:3: not scanned: invalid-utf8" in proc.stderr
    assert f"{src}:4: not scanned: bad-columns" in proc.stderr
    rows = read_output(out)
    got = {r["id"]: (r["status"], r["verdict"]) for r in rows}
    assert got == {"b": ("error", "review"), "c": ("error", "review"), "z": ("scanned", "review")}, got
    assert "2104 rows: 2102 scanned, 2 not scanned" in proc.stderr
