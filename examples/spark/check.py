#!/usr/bin/env python3
"""Checks the Spark job against the CLI on a generated corpus, and measures it.

    python examples/spark/check.py [--posts 100000] [--workdir target/spark-check]

The CLI is $KAVACH_BIN if set, else built with cargo into $CARGO_TARGET_DIR (default target/).

1. Writes `--posts` seeded posts as JSON Lines (tools/gen_posts.py), with, spread among them,
   records that cannot be scanned (null text, no text, two corrupt JSON lines, a text over the
   1 MiB limit), one with more matches than the limit, and duplicate ids (two exact duplicate
   records, one id with two different texts).
2. Runs `moderate.py scan` on Spark (`local[*]`) and `kavach scan` (the CLI) on the same file.
3. Compares every record: status, flagged, verdict, truncated, error code and the matches (byte
   spans, term, list, version); checks that every record not scanned is an `error` row whose
   verdict is not `allow`, that the rows carry the lists and policy of the manifest, and that
   the manifest counts the rows and the duplicate ids.
4. Rescans three times: with an unrelated platform list added (no post has its term): zero
   verdicts may change; with a new version of a platform list: exactly the records whose CLI
   verdict changes, each once (duplicate ids not multiplied), with the list diff; with a new
   version of the bundled `en` (a file with id `en`) in place of the bundled one: again exactly
   the CLI's changes, and one `en` list in the matcher.
5. Prints the Spark job's throughput against single-process `report_many` on the same posts,
   and the per-executor start-up cost (unpickling the broadcast matcher). Exits 1 on any
   difference.
"""

import argparse
import collections
import json
import os
import pathlib
import pickle
import subprocess
import sys
import time

import pyarrow.parquet as pq

import kavach

ROOT = pathlib.Path(__file__).resolve().parents[2]
MODERATE = ROOT / "examples/spark/moderate.py"
PLATFORM = ("id = platform\nversion = {v}\ntitle = Platform list\nlanguages = en\nsource = check.py\n"
            "license = CC0-1.0\ndate = 2026-11-29\n[terms]\nzork | insult | high\n")
FAILURES = []


def check(ok, what):
    print(f"{'ok  ' if ok else 'FAIL'} {what}")
    if not ok:
        FAILURES.append(what)


def kavach_cli():
    if os.environ.get("KAVACH_BIN"):
        return pathlib.Path(os.environ["KAVACH_BIN"])
    subprocess.run(["cargo", "build", "--quiet", "--release", "-p", "kavach-cli"], check=True, cwd=ROOT)
    return ROOT / os.environ.get("CARGO_TARGET_DIR", "target") / "release" / "kavach"


def cli_scan(kavach_bin, posts, *flags):
    """The CLI's result lines, in input order (exit 2: some lines were not scanned)."""
    p = subprocess.run([str(kavach_bin), "scan", *flags, str(posts)], capture_output=True)
    if p.returncode not in (0, 2):
        sys.exit(f"kavach scan failed ({p.returncode}): {p.stderr.decode()[-2000:]}")
    return [json.loads(l) for l in p.stdout.decode().splitlines()]


def code(error):
    """The error code; `no-text` (the CLI: null or missing) and `not-text` (the binding given a
    null) are one case here, as Spark reads a missing field as null."""
    if not error:
        return None
    c = error["code"] if isinstance(error, dict) else error.split(":", 1)[0]
    return "no-text" if c in ("no-text", "not-text") else c


def cli_key(r):
    # A line the CLI could not parse as JSON is `id` = its line number there, no id in Spark.
    ident = None if code(r["error"]) == "invalid-json" else str(r["id"])
    return (ident, r["status"], r["flagged"], r["verdict"], r["truncated"], code(r["error"]),
            tuple((m["start"], m["end"], m["term"], m["list"], m["version"]) for m in r["matches"]))


def spark_key(r):
    return (r["id"], r["status"], r["flagged"], r["verdict"], r["truncated"], code(r["error"]),
            tuple((m["byte_start"], m["byte_end"], m["term"], m["list"], m["version"]) for m in r["matches"]))


def generate(n, posts):
    """`n` generated posts plus the special records, spread over the file. Returns the lines."""
    # About 110 bytes per post: ask for enough megabytes, then keep exactly n lines.
    data = subprocess.run([sys.executable, str(ROOT / "tools/gen_posts.py"), str(n * 130 / 1e6)],
                          check=True, capture_output=True).stdout.decode().splitlines()[:n]
    assert len(data) == n, len(data)
    traffic = next(l for l in data if " traffic " in json.loads(l)["text"] and json.loads(l)["id"] not in (5, 7))
    special = [
        json.dumps({"id": "null-text", "text": None}),
        json.dumps({"id": "no-text", "lang": "en"}),
        '{"id": "corrupt", "text": "unterminated',
        "this line is not JSON",
        json.dumps({"id": "too-long", "text": "traffic fuck " * 81_000}),  # 1.05 MB > 1 MiB
        json.dumps({"id": "many-matches", "text": "fuck " * 1200}),         # > 1000 matches
        data[5],                                                            # exact duplicates
        traffic,
        json.dumps({"id": 7, "text": "traffic jam again, bhai"}),          # id 7, another text
    ]
    lines = list(data)
    for k, line in enumerate(special):
        lines.insert((k + 1) * len(lines) // (len(special) + 1), line)
    posts.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines, json.loads(traffic)["id"]


def run_moderate(env, *args):
    t0 = time.perf_counter()
    subprocess.run([sys.executable, str(MODERATE), *map(str, args)], check=True, env=env)
    return time.perf_counter() - t0


def manifest_of(path):
    return json.loads(pathlib.Path(str(path) + ".manifest.json").read_text(encoding="utf-8"))


def expected_changes(lines, before, after):
    """(id, old verdict, new verdict) of the records whose CLI verdict changes, an exact
    duplicate record once."""
    seen, want = set(), collections.Counter()
    for line, a, b in zip(lines, before, after):
        if line in seen:
            continue
        seen.add(line)
        if (a["verdict"], a["status"]) != (b["verdict"], b["status"]):
            want[(cli_key(a)[0], a["verdict"], b["verdict"])] += 1
    return want


def rescan_rows(path):
    rows = pq.read_table(path).to_pylist()
    return rows, collections.Counter((r["id"], r["old_verdict"], r["new_verdict"]) for r in rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--posts", type=int, default=100_000)
    ap.add_argument("--workdir", default=str(ROOT / "target" / "spark-check"))
    args = ap.parse_args()
    work = pathlib.Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    posts = work / "posts.jsonl"
    lines, traffic_id = generate(args.posts, posts)
    texts = []
    for line in lines:
        try:
            texts.append(json.loads(line)["text"])
        except (ValueError, KeyError):
            pass
    mb = posts.stat().st_size / 1e6
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    kavach_bin = kavach_cli()

    # 1. The default scan, against the CLI.
    out = work / "scan"
    spark_s = run_moderate(env, "scan", "--input", posts, "--output", out, "--partitions", 4)
    default = cli_scan(kavach_bin, posts)
    check(len(default) == len(lines), f"the CLI wrote a line per input line ({len(default)})")
    table = pq.read_table(out).to_pylist()
    check(len(table) == len(lines), f"Spark wrote a row per input record ({len(table)} of {len(lines)})")
    want, got = collections.Counter(map(cli_key, default)), collections.Counter(map(spark_key, table))
    diffs = sum((want - got).values()) + sum((got - want).values())
    for k in list((want - got).keys())[:3]:
        print(f"  CLI has {k}", file=sys.stderr)
    for k in list((got - want).keys())[:3]:
        print(f"  Spark has {k}", file=sys.stderr)
    check(diffs == 0, f"Spark vs CLI, status, verdict, truncated, error code and matches: {diffs} differences")

    by_id = collections.defaultdict(list)
    for r in table:
        by_id[r["id"]].append(r)
    for ident, err in (("null-text", "no-text"), ("no-text", "no-text"), ("too-long", "input-too-long")):
        r = by_id[ident][0]
        check(r["status"] == "error" and r["verdict"] == "review" and code(r["error"]) == err and not r["matches"],
              f"{ident}: status {r['status']}, verdict {r['verdict']}, error {r['error']!r}")
    corrupt = by_id[None]
    check(len(corrupt) == 2 and all(r["status"] == "error" and r["verdict"] == "review"
                                    and code(r["error"]) == "invalid-json" for r in corrupt),
          f"corrupt JSON lines: {[(r['status'], r['verdict'], r['error'][:40]) for r in corrupt]}")
    many = by_id["many-matches"][0]
    check(many["status"] == "scanned" and many["truncated"] and len(many["matches"]) == 1000
          and many["verdict"] == "block", f"many-matches: truncated {many['truncated']}, "
          f"{len(many['matches'])} matches kept, verdict {many['verdict']}")
    not_scanned = [r for r in table if r["status"] != "scanned"]
    check(len(not_scanned) == 5 and all(r["verdict"] != "allow" for r in not_scanned),
          f"{len(not_scanned)} rows not scanned, none allowed")

    man = manifest_of(out)
    lists = [{k: l[k] for k in ("id", "version", "fingerprint")} for l in man["lists"]]
    check(all(r["lists"] == lists and r["policy"] == man["policy"] for r in table),
          f"every row names the lists and policy of the manifest: {man['policy']}, "
          f"{[(l['id'], l['version'], l['fingerprint']) for l in lists]}")
    check(man["rows"] == len(lines) and man["by_status"] == {"scanned": len(lines) - 5, "error": 5}
          and man["kavach_version"] == kavach.__version__,
          f"manifest: {man['rows']} rows, {man['by_status']}, {man['by_verdict']}, errors {man['errors_by_code']}")
    dup = man["duplicate_ids"]
    dup_ids = sorted(e["id"] for e in dup["examples"])
    check((dup["ids"], dup["extra_rows"], dup["exact_duplicate_rows"]) == (3, 3, 2)
          and dup_ids == sorted(["5", "7", str(traffic_id)]),
          f"duplicate ids reported: {dup['ids']} ids, {dup['extra_rows']} extra rows, "
          f"{dup['exact_duplicate_rows']} exact duplicates, e.g. {dup_ids}")
    flagged = sum(1 for r in table if r["flagged"])
    fingerprints = {m["fingerprint"] for r in table for m in r["matches"]}

    # 2. An unrelated platform list added (no post has "zork"): nothing may change.
    v1, v2 = work / "platform-v1.kavach", work / "platform-v2.kavach"
    v1.write_text(PLATFORM.format(v="1.0.0"), encoding="utf-8")
    v2.write_text(PLATFORM.format(v="1.1.0") + "traffic | insult | high\n", encoding="utf-8")
    zork = work / "rescan-zork"
    run_moderate(env, "rescan", "--input", posts, "--previous", out, "--new-list", v1, "--output", zork)
    rows, _ = rescan_rows(zork)
    zman = manifest_of(zork)
    check(len(rows) == 0 and zman["rescan"]["changed"] == 0
          and [l["id"] for l in zman["lists"]] == [l["id"] for l in lists] + ["platform"],
          f"an unrelated list added (zork): {len(rows)} verdicts changed, lists "
          f"{[l['id'] + '@' + l['version'] for l in zman['lists']]}")
    with_v1 = cli_scan(kavach_bin, posts, "--list-file", v1)
    check(expected_changes(lines, default, with_v1) == collections.Counter(),
          "the CLI agrees: zork changes no verdict")

    # 3. A new version of the platform list: exactly the CLI's changes, each record once.
    prev = work / "scan-v1"
    run_moderate(env, "scan", "--input", posts, "--output", prev, "--list-files", v1)
    rescan = work / "rescan"
    run_moderate(env, "rescan", "--input", posts, "--previous", prev, "--old-list", v1, "--new-list", v2,
                 "--output", rescan)
    rows, changed = rescan_rows(rescan)
    want = expected_changes(lines, with_v1, cli_scan(kavach_bin, posts, "--list-file", v2))
    diff = json.loads(pathlib.Path(str(rescan) + ".list-diff.json").read_text(encoding="utf-8"))
    check(changed == want and [e["term"] for e in diff["added"]] == ["traffic"],
          f"rescan platform 1.0.0 -> 1.1.0: {sum(changed.values())} posts changed verdict "
          f"(CLI: {sum(want.values())}), list diff {diff['old']['version']} -> {diff['new']['version']}: "
          f"added {[e['term'] for e in diff['added']]}")
    per_id = collections.Counter(r["id"] for r in rows)
    check(per_id["5"] <= 1 and per_id[str(traffic_id)] == 1 and per_id["7"] <= 2
          and all(n == 1 for i, n in per_id.items() if i not in ("7",)),
          f"duplicate ids not multiplied: id {traffic_id} (twice in the input, same text) "
          f"{per_id[str(traffic_id)]} row, id 7 (two texts) {per_id['7']} rows")

    # 4. A new version of a bundled list, as a file with its id: it replaces the bundled `en`.
    en = next(l for l in lists if l["id"] == "en")
    src = (ROOT / "wordlists/en/en.kavach").read_text(encoding="utf-8")
    en_next = work / "en-next.kavach"
    en_next.write_text(src.replace(f"\nversion = {en['version']}\n", "\nversion = 99.0.0\n", 1)
                       .replace("\n[terms]\n", "\n[terms]\ntraffic | insult | high\n", 1), encoding="utf-8")
    bundled = work / "rescan-en"
    run_moderate(env, "rescan", "--input", posts, "--previous", out, "--new-list", en_next, "--output", bundled)
    rows, changed = rescan_rows(bundled)
    others = [f"--list={l['id']}" for l in lists if l["id"] != "en"]
    want = expected_changes(lines, default, cli_scan(kavach_bin, posts, *others, "--list-file", en_next))
    bman = manifest_of(bundled)
    ens = [l["version"] for l in bman["lists"] if l["id"] == "en"]
    diff = json.loads(pathlib.Path(str(bundled) + ".list-diff.json").read_text(encoding="utf-8"))
    check(changed == want and ens == ["99.0.0"] and bman["rescan"]["replaced"] == "en"
          and [e["term"] for e in diff["added"]] == ["traffic"],
          f"rescan en@{en['version']} -> en-next.kavach (en@99.0.0): {sum(changed.values())} posts changed "
          f"verdict (CLI: {sum(want.values())}); en in the matcher: {ens}; list diff "
          f"{bman['rescan'].get('old_list')} -> 99.0.0: added {[e['term'] for e in diff['added']]}")
    # A bundled id as --new-list (`en`, `en@<version>`) replaces the bundled list too.
    sys.path.insert(0, str(MODERATE.parent))
    import moderate
    for spec in ("en", f"en@{en['version']}"):
        a = argparse.Namespace(lists=None, list_files=str(v1), review_at=None, block_at=None,
                               max_input_bytes=None, max_matches=None)
        kwargs, replaced = moderate.matcher_config(a, spec)
        got = sorted(f"{l['id']}@{l['version']}" for l in kavach.Matcher(**kwargs).lists)
        check(replaced == "en" and got == sorted([f"{l['id']}@{l['version']}" for l in lists] + ["platform@1.0.0"]),
              f"--new-list {spec}: replaces bundled en, lists {got}")

    m = kavach.Matcher()
    t0 = time.perf_counter()
    m.report_many(texts)
    local_s = time.perf_counter() - t0
    blob = pickle.dumps(m)
    t0 = time.perf_counter()
    pickle.loads(blob)
    startup_ms = (time.perf_counter() - t0) * 1e3

    print(f"{len(lines)} records ({mb:.1f} MB), {flagged} flagged; list fingerprints in the output: "
          f"{sorted(fingerprints)}")
    print(f"Spark local[*] scan, whole run (JVM start, read, scan, write Parquet, manifest): "
          f"{spark_s:.1f} s, {mb / spark_s:.2f} MB/s")
    print(f"single-process report_many on the same {len(texts)} posts: {local_s:.2f} s")
    print(f"per-executor start-up: unpickling the broadcast matcher ({len(blob)} bytes) takes {startup_ms:.1f} ms")
    if FAILURES:
        print(f"{len(FAILURES)} checks failed", file=sys.stderr)
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
