"""``python -m kavach``: the ``kavach`` command's contract (the Rust CLI's), from the wheel."""
import json
import subprocess
import sys


def kavach(*args, stdin=""):
    return subprocess.run([sys.executable, "-m", "kavach", *args], input=stdin.encode(),
                          capture_output=True)


def test_scan_writes_one_result_per_line_with_byte_offsets():
    lines = [{"id": "a", "text": "😀 what the f.u.c.k"}, {"id": "b", "text": "good morning"}]
    out = kavach("scan", stdin="".join(json.dumps(x) + "\n" for x in lines))
    assert out.returncode == 0, out.stderr
    first, second = [json.loads(l) for l in out.stdout.decode().splitlines()]
    m = first["matches"][0]
    assert (first["id"], m["term"], m["list"], first["verdict"]) == ("a", "fuck", "en", "block")
    # Byte offsets, as the CLI's: the emoji is four bytes.
    assert lines[0]["text"].encode()[m["start"]:m["end"]].decode() == "f.u.c.k"
    assert (second["id"], second["flagged"], second["verdict"]) == ("b", False, "allow")


def test_bad_input_lines_are_errors_that_fail_closed():
    out = kavach("scan", stdin='{"text": "fine"}\nnot json\n')
    assert out.returncode == 2
    results = [json.loads(l) for l in out.stdout.decode().splitlines()]
    assert [r["status"] for r in results] == ["scanned", "error"]
    assert results[1]["verdict"] == "review" and results[1]["error"]["code"] == "invalid-json"


def test_usage_errors_version_and_lists():
    bad = kavach("scan", "--list", "nope")
    assert bad.returncode == 2 and b"nope" in bad.stderr
    assert kavach("--bogus").returncode == 2
    version = kavach("--version")
    assert version.returncode == 0 and version.stdout.decode().startswith("kavach ")
    lists = kavach("lists")
    assert lists.returncode == 0 and b"hi-Latn" in lists.stdout
