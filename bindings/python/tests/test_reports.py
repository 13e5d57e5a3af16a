"""Reports, options and batches: the shared report vectors (tests/vectors/reports.json) and the
fail-closed behaviour every surface shares (limits, non-str items, pickling, processes)."""

import json
import pathlib
import pickle
from multiprocessing import get_context

import pytest

import kavach

VECTORS = pathlib.Path(__file__).resolve().parents[3] / "tests" / "vectors"
REPORTS = json.loads((VECTORS / "reports.json").read_text(encoding="utf-8"))


def _matcher(case):
    # The vectors spell options in kebab case; Python takes them as snake_case keywords.
    options = {k.replace("-", "_"): v for k, v in case["options"].items()}
    lists = options.pop("lists", None)
    return kavach.Matcher(lists=lists, list_files=[VECTORS / p for p in case["list_files"]], **options)


@pytest.mark.parametrize("case", REPORTS["cases"], ids=lambda c: c["name"])
def test_report_vector(case):
    if "build_error" in case:
        with pytest.raises(kavach.MatcherError) as info:
            _matcher(case)
        want = case["build_error"]
        assert info.value.code == want["code"]
        if "file" in want:
            assert info.value.file.endswith(want["file"]) and want["file"] in str(info.value)
        if "line" in want:
            assert info.value.line == want["line"]
        return
    m = _matcher(case)
    assert [l["id"] for l in m.lists] == case["lists"]
    text = case["text"]
    r = m.report(text)
    want = case["report"]
    assert r.status == want["status"]
    assert r.flagged is want["flagged"]
    assert r.truncated is want["truncated"]
    assert r.error_code == want["error"]
    assert (r.verdict.decision, r.verdict.report, r.verdict.max_severity) == (
        want["verdict"], want["report"], want["max_severity"])
    d = r.to_dict()
    for key in ("status", "flagged", "verdict", "report", "max_severity", "truncated"):
        assert d[key] == want[key], key
    assert (d["error"] or {}).get("code") == want["error"]
    got = [{"text": x.text, "term": x.term, "list": x.list, "cp": [x.start, x.end],
            "decision": dx["decision"]} for x, dx in zip(r.matches, d["matches"])]
    assert got == [{k: w[k] for k in ("text", "term", "list", "cp", "decision")} for w in case["matches"]]
    assert [[x["start"], x["end"]] for x in d["matches"]] == [w["cp"] for w in case["matches"]]
    for x in r.matches:
        assert text[x.start:x.end] == x.text
    # One report, however it is asked for.
    assert m.verdict(text) == r.verdict
    assert m.report_many([text]) == [r] and m.verdict_many([text]) == [r.verdict]
    if r.truncated or r.status == "error":
        assert r.verdict.decision != "allow"


def test_report_fields_reasons_and_repr():
    m = kavach.Matcher(lists=["en"])
    r = m.report("shit, what the f.u.c.k 😀")
    assert (r.status, r.flagged, r.truncated, r.error_code, r.error_message) == (
        "scanned", True, False, None, None)
    assert [x.term for x in r.matches] == ["shit", "fuck"]
    assert r.verdict == kavach.Verdict("block", False, "high", None)
    # The reasons are the matches that drove the verdict: the one that blocks, not the other.
    assert [x.term for x in r.reasons] == ["fuck"]
    assert [x["decision"] for x in r.to_dict()["matches"]] == ["review", "block"]
    assert r.matches == m.find("shit, what the f.u.c.k 😀")
    assert repr(r) == ("<Report status='scanned' verdict='block' flagged=True truncated=False "
                       "error_code=None matches=2>")
    clean = m.report("hello")
    assert (clean.flagged, clean.verdict.decision, clean.reasons, clean.verdict.reason) == (
        False, "allow", [], None)
    with pytest.raises(AttributeError):
        r.status = "error"


def test_report_never_raises_and_fails_closed():
    m = kavach.Matcher(lists=["en"], max_input_bytes=16, max_matches=2)
    long = m.report("this text is longer than sixteen bytes")
    assert (long.status, long.error_code, long.verdict.decision, long.matches) == (
        "error", "input-too-long", "review", [])
    assert long.error_message == "text of 38 bytes is over the limit of 16 bytes"
    many = m.report("shit shit fuck")
    assert (many.status, many.truncated, len(many.matches)) == ("scanned", True, 2)
    assert many.verdict.decision == "block"  # counts the match left out
    assert many.verdict.reason == "too-many-matches"
    for bad in (None, 3, b"fuck", ["fuck"]):
        r = m.report(bad)
        assert (r.status, r.error_code, r.verdict.decision, r.verdict.reason) == (
            "error", "not-text", "review", "not-text")
    assert m.report(None).error_message == "expected a string, found None"
    assert m.report(3).to_dict() == {
        "status": "error", "flagged": False, "verdict": "review", "report": False,
        "max_severity": None, "truncated": False,
        "error": {"code": "not-text", "message": "expected a string, found int"}, "matches": []}


def test_verdict_on_an_over_limit_text_is_review_not_an_error():
    m = kavach.Matcher(lists=["en"], max_input_bytes=100, max_matches=2)
    v = m.verdict("x" * 101)
    assert (v.decision, v.reason) == ("review", "input-too-long")
    v = m.verdict("shit shit shit")
    assert (v.decision, v.reason, v.max_severity) == ("review", "too-many-matches", "medium")
    assert m.verdict("shit").reason is None
    assert m.verdict(None).reason == "not-text"
    assert kavach.Matcher().verdict("a" * (2 << 20)).decision == "review"
    assert v.to_dict() == {"decision": "review", "report": False, "max_severity": "medium",
                           "reason": "too-many-matches"}
    assert repr(v) == ("Verdict(decision='review', report=False, max_severity='medium', "
                       "reason='too-many-matches')")


def test_find_many_returns_errors_in_place():
    m = kavach.Matcher(lists=["en"], max_input_bytes=100)
    texts = ["fuck", None, "x" * 101, "ok", 7, "shit"]
    got = m.find_many(texts, threads=2)
    assert len(got) == len(texts)
    assert [x.term for x in got[0]] == ["fuck"] and got[3] == [] and [x.term for x in got[5]] == ["shit"]
    none, long, seven = got[1], got[2], got[4]
    assert isinstance(none, kavach.TextError) and isinstance(none, TypeError)
    assert (none.code, none.file) == ("not-text", "texts[1]")
    assert str(none) == "texts[1]: expected a string, found None"
    assert isinstance(long, kavach.LimitError) and (long.code, long.file) == ("input-too-long", "texts[2]")
    assert (seven.code, seven.file) == ("not-text", "texts[4]")
    assert all(isinstance(e, kavach.KavachError) for e in (none, long, seven))
    # The same with one thread, from a generator.
    again = m.find_many((t for t in texts), threads=1)
    assert [type(x) for x in again] == [type(x) for x in got]
    many = kavach.Matcher(lists=["en"], max_matches=1).find_many(["shit shit", "shit"])
    assert many[0].code == "too-many-matches" and len(many[1]) == 1


def test_find_many_errors_raise_raises_the_first():
    m = kavach.Matcher(lists=["en"], max_input_bytes=100)
    with pytest.raises(kavach.LimitError) as e:
        m.find_many(["ok", "x" * 101, None], errors="raise")
    assert e.value.file == "texts[1]"
    with pytest.raises(kavach.TextError) as e:
        m.find_many(["ok", None, "x" * 101], errors="raise")
    assert (e.value.code, e.value.file) == ("not-text", "texts[1]")
    assert m.find_many(["fuck", "ok"], errors="raise") == [m.find("fuck"), []]
    with pytest.raises(ValueError, match="errors must be"):
        m.find_many(["ok"], errors="ignore")


def test_report_many_and_verdict_many_keep_every_item_in_order():
    m = kavach.Matcher(lists=["en"], max_input_bytes=100)
    texts = [f"post {i}: " + ("fuck" if i % 3 == 0 else "fine") for i in range(500)]
    texts[7] = None
    texts[8] = "x" * 101
    texts[9] = 42
    reports = m.report_many(texts, threads=2)
    verdicts = m.verdict_many(iter(texts))
    assert len(reports) == len(verdicts) == len(texts)
    for t, r, v in zip(texts, reports, verdicts):
        assert r == m.report(t) and v == r.verdict == m.verdict(t)
    assert [reports[k].error_code for k in (7, 8, 9)] == ["not-text", "input-too-long", "not-text"]
    assert all(reports[k].verdict.decision == "review" for k in (7, 8, 9))
    assert m.report_many([]) == [] and m.verdict_many([]) == []
    with pytest.raises(TypeError, match="not a str"):
        m.report_many("fuck")
    with pytest.raises(TypeError, match="not a str"):
        m.verdict_many("fuck")


def test_options_are_the_cores():
    with pytest.raises(kavach.MatcherError) as e:
        kavach.Matcher(max_matchez=3)
    assert e.value.code == "bad-option" and "unknown option `max_matchez`" in str(e.value)
    with pytest.raises(kavach.MatcherError) as e:
        kavach.Matcher(max_matches=-1)
    assert e.value.code == "bad-option"
    with pytest.raises(kavach.MatcherError) as e:
        kavach.Matcher(bundled="maybe")
    assert e.value.code == "bad-option"
    with pytest.raises(kavach.MatcherError) as e:
        kavach.Matcher(review_at="critical", block_at="medium")
    assert e.value.code == "bad-option"
    with pytest.raises(TypeError, match="max_matches must be a str, int, bool or None, not float"):
        kavach.Matcher(max_matches=1.5)
    # 0 and None lift a limit; strings and ints are the same option.
    for off in (0, None, "0", "none"):
        m = kavach.Matcher(lists=["en"], max_matches=off, max_input_bytes=off)
        assert len(m.find("shit " * 2000)) == 2000
    assert kavach.Matcher(lists=["en"], max_matches="1").report("shit shit").truncated
    assert kavach.Matcher(lists=["en"], reviewAt="low", block_at="medium").verdict("shit").decision == "block"


def test_list_files_add_to_the_bundled_lists(tmp_path):
    p = tmp_path / "platform.txt"
    p.write_text("gobbledygook\n", encoding="utf-8")
    added = kavach.Matcher(list_files=[p])
    assert [l["id"] for l in added.lists] == kavach.bundled_lists() + ["platform"]
    assert [l["id"] for l in kavach.Matcher(list_files=[p], bundled=False).lists] == ["platform"]
    text = "id = x\nversion = 1.0.0\ntitle = x\nlanguages = en\nsource = x\nlicense = CC0-1.0\ndate = 2026-01-01\n[terms]\nzork | insult | low\n"
    m = kavach.Matcher(list_texts=[text])
    assert m.lists[-1]["id"] == "x" and len(m.lists) == len(kavach.bundled_lists()) + 1
    clash = text.replace("id = x", "id = en")
    with pytest.raises(kavach.MatcherError) as e:
        kavach.Matcher(list_texts=["id = y" + text[6:], clash])
    assert (e.value.code, e.value.file) == ("duplicate-list", "list_texts[1]")
    assert [l["id"] for l in kavach.Matcher(list_texts=[clash], bundled=False).lists] == ["en"]
    with pytest.raises(kavach.MatcherError) as e:
        kavach.Matcher(lists=["en"], bundled=False)
    assert e.value.code == "bad-option"


def test_match_verdict_report_pickle_and_compare():
    m = kavach.Matcher(lists=["en"], max_matches=1)
    for r in (m.report("shit, f.u.c.k 😀"), m.report(None), m.report("hello")):
        again = pickle.loads(pickle.dumps(r))
        assert again == r and again.to_dict() == r.to_dict() and again.reasons == r.reasons
        assert pickle.loads(pickle.dumps(r.verdict)) == r.verdict
    x = kavach.Matcher().find("what the f.u.c.k 😀")[0]
    again = pickle.loads(pickle.dumps(x))
    assert again == x and hash(again) == hash(x) and again.to_dict() == x.to_dict()
    assert again.transforms == ["separator"]
    v = kavach.Verdict("review", True)
    assert pickle.loads(pickle.dumps(v)) == v and v.reason is None and v.max_severity is None
    assert kavach.Verdict("review", True, None, "too-many-matches") != v
    with pytest.raises(ValueError):
        kavach.Match(0, 1, 0, 1, "x", "x", "rude", "high", "l", "1", [])


def test_matcher_pickle_keeps_limits_and_thresholds():
    m = kavach.Matcher(lists=["en"], max_matches=1, max_input_bytes=50, review_at="low")
    again = pickle.loads(pickle.dumps(m))
    assert again.lists == m.lists
    for t in ("shit shit", "x" * 51, "damn", "hello", None):
        assert again.report(t) == m.report(t)
    unlimited = pickle.loads(pickle.dumps(kavach.Matcher(lists=["en"], max_matches=None)))
    assert not unlimited.report("shit " * 5000).truncated


def test_pool_map_over_a_matchers_find():
    m = kavach.Matcher(lists=["en", "hi-Latn"])
    posts = ["shit", "hello", "f.u.c.k", "tu chootiya hai 😀"] * 5
    with get_context("spawn").Pool(2) as pool:
        got = pool.map(m.find, posts)
        reports = pool.map(m.report, posts)
    assert got == [m.find(p) for p in posts]
    assert reports == [m.report(p) for p in posts]


def test_version():
    assert isinstance(kavach.__version__, str) and kavach.__version__.count(".") == 2
    assert kavach.__version__ == kavach._kavach.__version__


def test_a_list_past_a_build_limit_is_refused_and_the_interpreter_goes_on():
    head = ("id = big\nversion = 1.0.0\ntitle = t\nlanguages = en\nsource = generated\n"
            "license = CC0-1.0\ndate = 2026-12-06\n[terms]\n")
    words = head + "".join(f"zq{i:06d}x | profanity | medium\n" for i in range(100_000))
    with pytest.raises(kavach.MatcherError) as info:
        kavach.Matcher(list_texts=[words], bundled=False, max_build_bytes=50_000_000)
    assert info.value.code == "list-too-large"
    assert str(info.value).endswith("over the limit of 50000000 bytes (max-build-bytes)")
    with pytest.raises(kavach.MatcherError) as info:
        kavach.Matcher(list_texts=[head + "a" * 101 + " | profanity | medium\n"], bundled=False)
    assert (info.value.code, info.value.line) == ("term-too-long", 9)
    assert kavach.Matcher().find("what the fuck")[0].term == "fuck"
