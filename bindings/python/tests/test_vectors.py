"""The shared test vectors (tests/vectors/), which every binding runs: spans here are code points."""

import json
import pathlib

import pytest

import kavach

VECTORS = pathlib.Path(__file__).resolve().parents[3] / "tests" / "vectors"
EVASION = json.loads((VECTORS / "evasion.json").read_text(encoding="utf-8"))
BAD_LISTS = json.loads((VECTORS / "bad-lists.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def fixture_matcher():
    return kavach.Matcher(list_files=[str(VECTORS / p) for p in EVASION["lists"]], bundled=False)


@pytest.mark.parametrize("case", EVASION["cases"], ids=lambda c: c["name"])
def test_evasion_vector(fixture_matcher, case):
    text = case["text"]
    found = fixture_matcher.find(text)
    got = [
        {
            "text": m.text,
            "term": m.term,
            "category": m.category,
            "severity": m.severity,
            "list": m.list,
            "version": m.version,
            "transforms": m.transforms,
            "cp": [m.start, m.end],
            "byte": [m.byte_start, m.byte_end],
        }
        for m in found
    ]
    keys = ("text", "term", "category", "severity", "list", "version", "transforms", "cp", "byte")
    want = [{k: m[k] for k in keys} for m in case["matches"]]
    assert got == want
    for m in found:
        assert text[m.start:m.end] == m.text
    assert fixture_matcher.is_match(text) == bool(case["matches"])
    if "verdict" in case:
        assert fixture_matcher.verdict(text).decision == case["verdict"]
    if "censored" in case:
        opts = case.get("censor", {})
        assert fixture_matcher.censor(text, mask=opts.get("mask", "*"),
                                      keep_first=opts.get("keep_first", False)) == case["censored"]


@pytest.mark.parametrize("case", BAD_LISTS["cases"], ids=lambda c: c["name"])
def test_bad_list_vector(tmp_path, case):
    path = tmp_path / f"bad.{case['format']}"
    if "content_hex" in case:
        path.write_bytes(bytes.fromhex(case["content_hex"]))
    else:
        path.write_bytes(case["content"].encode("utf-8"))
    if case["code"] is None:
        m = kavach.Matcher(list_files=[path], bundled=False)
        assert m.lists[0]["entries"] == case["entries"]
        return
    with pytest.raises(kavach.WordlistError) as info:
        kavach.Matcher(list_files=[path], bundled=False)
    e = info.value
    assert isinstance(e, ValueError) and isinstance(e, kavach.KavachError)
    assert e.code == case["code"]
    assert e.line == case["line"]
    assert e.file == str(path)
    if "message" in case:
        # The core names the source `bad.<format>`; here it is the full path.
        assert str(e) == str(path) + case["message"][len(path.name):]
