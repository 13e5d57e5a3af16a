"""Python-specific behaviour: offsets, errors, threads, pickling, batches, huge inputs."""

import gc
import pickle
import threading
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import get_context

import pytest

import kavach


@pytest.fixture(scope="module")
def m():
    return kavach.Matcher()


def test_code_point_offsets_after_emoji_and_devanagari(m):
    text = "👩‍👩‍👧 ok 😀 तू चूतिया है, f.u.c.k 🇮🇳"
    found = m.find(text)
    assert [x.text for x in found] == ["चूतिया", "f.u.c.k"]
    for x in found:
        assert text[x.start:x.end] == x.text
        assert text.encode()[x.byte_start:x.byte_end].decode() == x.text
    assert found[0].list == "hi" and found[1].transforms == ["separator"]


def test_match_is_frozen_comparable_and_printable(m):
    a, b = m.find("fuck"), m.find("fuck")
    assert a == b and hash(a[0]) == hash(b[0])
    with pytest.raises(AttributeError):
        a[0].start = 3
    assert repr(a[0]) == ("Match(start=0, end=4, text='fuck', term='fuck', category='profanity', "
                          "severity='high', list='en@1.3.0', transforms=[])")
    d = a[0].to_dict()
    assert d["term"] == "fuck" and d["list"] == "en" and d["version"] == "1.3.0"
    assert "Matcher" in (kavach.Matcher.__doc__ or "") or kavach.Matcher.find.__doc__


def test_docstrings_show_in_help():
    assert "code-point offsets" in kavach.__doc__
    assert "in order" in kavach.Matcher.find.__doc__
    assert "GIL" in kavach.Matcher.find_many.__doc__


def test_verdict_censor_is_match(m):
    v = m.verdict("you are a chutiya")
    assert (v.decision, v.report, v.max_severity) == ("block", False, "high")
    assert m.verdict("hello").decision == "allow"
    assert m.verdict("pthc").report is True
    assert m.censor("what the fuck", mask="#", keep_first=True) == "what the f###"
    assert m.is_match("f u c k") and not m.is_match("Scunthorpe")


def test_module_level_functions_share_one_default_matcher():
    assert kavach.default_matcher() is kavach.default_matcher()
    assert [x.term for x in kavach.find("shit")] == ["shit"]
    assert kavach.is_match("sh1t") and kavach.censor("shit") == "****"


def test_lists_and_policy_options(tmp_path):
    p = tmp_path / "platform.txt"
    p.write_text("gobbledygook\n", encoding="utf-8")
    m = kavach.Matcher(lists=["en"], list_files=[p])
    assert [l["id"] for l in m.lists] == ["en", "platform"]
    assert [x.list for x in m.find("gobbledygook and shit")] == ["platform", "shit" and "en"]
    strict = kavach.Matcher(lists=["en"], review_at="low", block_at="medium")
    assert strict.verdict("shit").decision == "block"
    assert kavach.Matcher(lists=["en"]).verdict("shit").decision == "review"
    assert "hi-Latn" in kavach.bundled_lists()


def test_errors_are_typed():
    with pytest.raises(kavach.MatcherError) as e:
        kavach.Matcher(lists=["nope"])
    assert e.value.code == "unknown-list" and isinstance(e.value, ValueError)
    with pytest.raises(kavach.MatcherError):
        kavach.Matcher(lists=["en", "en"])
    with pytest.raises(kavach.MatcherError) as e:
        kavach.Matcher(review_at="awful")
    assert e.value.code == "bad-option" and "unknown severity `awful`" in str(e.value)
    with pytest.raises(kavach.WordlistError) as e:
        kavach.Matcher(list_files=["/does/not/exist.txt"])
    assert e.value.code == "io" and e.value.file == "/does/not/exist.txt"
    bad = "id = t\nversion = 1.0.0\ntitle = t\nlanguages = en\nsource = t\nlicense = CC0-1.0\ndate = 2026-11-29\n[terms]\nfoo | rude | high\n"
    with pytest.raises(kavach.WordlistError) as e:
        kavach.Matcher(list_texts=[bad])
    assert (e.value.code, e.value.line, e.value.file) == ("unknown-category", 9, "list_texts[0]")
    assert str(e.value).startswith("list_texts[0]:9: unknown category `rude`")


def test_wrong_types_and_lone_surrogates(m):
    with pytest.raises(TypeError):
        m.find(b"fuck")
    with pytest.raises(TypeError):
        m.find(None)
    with pytest.raises(ValueError):
        m.find("a\udc80b")
    with pytest.raises(ValueError):
        m.censor("fuck", mask="##")
    with pytest.raises(TypeError, match=r"texts\[1\]: expected a string, found int"):
        m.find_many(["ok", 3], errors="raise")
    with pytest.raises(TypeError, match="not a str"):
        m.find_many("fuck")


def test_find_many_accepts_any_iterable_and_keeps_order(m):
    texts = [f"post {i}: " + ("tu chootiya hai" if i % 3 == 0 else "all good") for i in range(1000)]
    one = [m.find(t) for t in texts]
    assert m.find_many(texts) == one
    assert m.find_many((t for t in texts), threads=2) == one
    assert m.find_many(iter(texts), threads=1) == one
    assert m.find_many([]) == []


def test_find_many_leaves_the_garbage_collector_as_it_was(m):
    # find_many pauses the cycle collector while it allocates its result lists.
    assert gc.isenabled()
    assert [x.term for x in m.find_many(["ok", "fuck"])[1]] == ["fuck"]
    assert gc.isenabled()
    with pytest.raises(TypeError):
        m.find_many(["ok", 3], errors="raise")
    assert gc.isenabled()
    assert isinstance(m.find_many(["ok", 3])[1], kavach.TextError)
    assert gc.isenabled()
    gc.disable()
    try:
        m.find_many(["ok", "fuck"])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_find_many_reads_str_subclasses_and_non_ascii_in_place(m):
    class Post(str):
        pass

    texts = [Post("you asshole"), "तू चूतिया है 😀", "ok"]
    assert m.find_many(texts) == [m.find(t) for t in texts]
    # A str with lone surrogates has no UTF-8 form: find raises, a batch keeps its place.
    with pytest.raises(UnicodeEncodeError):
        m.find("bad \ud800 surrogate")
    ok, bad = m.find_many(["ok", "bad \ud800 surrogate"])
    assert ok == [] and isinstance(bad, kavach.TextError) and isinstance(bad, ValueError)
    assert (bad.code, bad.file) == ("invalid-utf8", "texts[1]")
    assert str(bad) == "texts[1]: invalid UTF-8 at byte 4 of the line"
    r = m.report("bad \ud800 surrogate")
    assert (r.status, r.error_code, r.verdict.decision) == ("error", "invalid-utf8", "review")


def test_threads_share_one_matcher(m):
    texts = ["what the f.u.c.k", "तू चूतिया है", "clean text"] * 200
    want = [m.find(t) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(m.find, texts))
    assert got == want


def test_pickle_round_trip_keeps_lists_and_policy(tmp_path):
    p = tmp_path / "platform.csv"
    p.write_text("term,category,severity\nzork,insult,low\n", encoding="utf-8")
    m = kavach.Matcher(lists=["en", "hi-Latn"], list_files=[p], review_at="low")
    again = pickle.loads(pickle.dumps(m))
    assert again.lists == m.lists
    for text in ["zork", "bc kya bakwas hai", "f*ck", "bc I was late"]:
        assert again.find(text) == m.find(text)
        assert again.verdict(text) == m.verdict(text)


def test_the_bundled_matcher_is_read_precompiled_and_survives_pickling(m):
    # Read as compiled with the module (about a millisecond), not built; so is its copy.
    assert m.precompiled
    assert pickle.loads(pickle.dumps(m)).precompiled
    assert not kavach.Matcher(lists=["en"]).precompiled


def _scan(args):
    matcher, text = args
    return [x.term for x in matcher.find(text)]


def test_multiprocessing_with_a_pickled_matcher():
    m = kavach.Matcher(lists=["en"])
    with get_context("spawn").Pool(2) as pool:
        got = pool.map_async(_scan, [(m, "shit"), (m, "hello"), (m, "f.u.c.k")]).get(timeout=120)
    assert got == [["shit"], [], ["fuck"]]


def test_limits_are_errors_not_truncation(m):
    with pytest.raises(kavach.LimitError) as e:
        m.find("a" * (1 << 20) + "b")
    assert e.value.code == "input-too-long" and isinstance(e.value, ValueError)
    assert str(e.value) == "text of 1048577 bytes is over the limit of 1048576 bytes"
    with pytest.raises(kavach.LimitError):
        m.is_match("a" * (2 << 20))
    with pytest.raises(kavach.LimitError):
        m.censor("a" * (2 << 20))
    small = kavach.Matcher(lists=["en"], max_input_bytes=100, max_matches=2)
    with pytest.raises(kavach.LimitError) as e:
        small.find("shit shit shit")
    assert e.value.code == "too-many-matches"
    with pytest.raises(kavach.LimitError) as e:
        small.find_many(["fuck", "x" * 101, "shit"], errors="raise")
    assert str(e.value).startswith("texts[1]: text of 101 bytes") and e.value.file == "texts[1]"
    again = pickle.loads(pickle.dumps(small))
    with pytest.raises(kavach.LimitError):
        again.find("shit shit shit")


def test_huge_inputs():
    m = kavach.Matcher(max_input_bytes=None, max_matches=None)
    text = ("clean words here " * 400_000) + "and then f.u.c.k at the end 😀"  # ~6.8 MB
    found = m.find(text)
    assert [x.text for x in found] == ["f.u.c.k"]
    assert text[found[0].start:found[0].end] == "f.u.c.k"
    assert m.is_match(text)
    assert m.find("a" * 5_000_000) == []
    assert m.find("\u0301" * 100_000) == []


def test_gil_is_released_during_long_scans():
    m = kavach.Matcher(max_input_bytes=None)
    text = "clean words here " * 300_000
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(1)
            stop.wait(0.001)

    t = threading.Thread(target=ticker)
    t.start()
    try:
        for _ in range(3):
            m.find(text)
    finally:
        stop.set()
        t.join()
    assert len(ticks) > 3


def test_moderate_csv_example(tmp_path):
    import csv
    import pathlib
    import subprocess
    import sys

    root = pathlib.Path(__file__).resolve().parents[3]
    out = tmp_path / "flagged.csv"
    bad = tmp_path / "posts.csv"
    bad.write_text('id,text\n1,what the f.u.c.k\n2,a clean post\n3,"tu chootiya hai"\n', encoding="utf-8")
    subprocess.run([sys.executable, str(root / "examples/python/moderate_csv.py"), str(bad), str(out)],
                   check=True, capture_output=True)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["id"], r["verdict"]) for r in rows] == [("1", "block"), ("3", "block")]
    first = __import__("json").loads(rows[0]["matches"])[0]
    assert (first["start"], first["end"], first["term"]) == (9, 16, "fuck")


def test_naughty_strings(m):
    import json
    import pathlib

    path = pathlib.Path(__file__).resolve().parents[3] / "tests" / "vectors" / "blns.json"
    strings = json.loads(path.read_text(encoding="utf-8"))
    assert len(strings) > 400
    for s in strings + ["\n".join(strings)]:
        for x in m.find(s):
            assert s[x.start:x.end] == x.text
        m.censor(s)
        m.verdict(s)
        m.is_match(s)
    assert len(m.find_many(strings)) == len(strings)


def test_diff_lists(tmp_path):
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("zork\nblarg\n", encoding="utf-8")
    new.write_text("zork\nfrob\n", encoding="utf-8")
    d = kavach.diff_lists(str(old), str(new))
    assert [e["term"] for e in d["added"]] == ["frob"]
    assert [e["term"] for e in d["removed"]] == ["blarg"]
    assert d["old"]["fingerprint"] != d["new"]["fingerprint"]
    assert kavach.diff_lists("en", "en")["added"] == []


def test_mine_ranks_unlisted_words_of_abusive_posts_and_writes_a_review_sheet():
    clean = ["what a match today", "see you at the game", "तुम कैसे हो दोस्त"] * 20
    abusive = ["you zorkface, see you", "तू झोरकू है", "what the fuck zorkface"] * 7
    m = kavach.Matcher()
    found = m.mine(clean + abusive, [0] * len(clean) + [True] * len(abusive), top=5)
    assert len(found) <= 5
    zork = next(c for c in found if c["term"] == "zorkface")
    assert (zork["abusive_posts"], zork["clean_posts"], zork["words"]) == (14, 0, 1)
    assert zork["already_matches"] is None and len(zork["examples"]) == 3
    assert all(c["term"] != "fuck" for c in found)
    assert found == sorted(found, key=lambda c: -c["score"])
    sheet = kavach.review_sheet(found).splitlines()
    assert sheet[0].split("\t")[:3] == ["accept", "term", "category"]
    assert any(line.startswith("\tzorkface\tinsult\tlow\tword\t") for line in sheet[1:])
    with pytest.raises(ValueError, match="labels has fewer items than texts"):
        m.mine(["a", "b"], [1])
    with pytest.raises(TypeError, match=r"labels\[0\] must be an int or a bool, not str"):
        m.mine(["a"], ["HOF"])
    with pytest.raises(TypeError, match=r"texts\[1\] is not a str"):
        m.mine(["a", None], [1, 0])
