#!/usr/bin/env python3
"""Checks the Spark job against the CLI on a generated corpus, and measures it.

    python examples/spark/check.py [--posts 100000] [--workdir target/spark-check]

1. Writes `--posts` seeded posts as JSON Lines (tools/gen_posts.py).
2. Runs `moderate.py scan` on Spark (`local[*]`) and `kavach scan` (the CLI) on the same file.
3. Compares every post: flagged, verdict and the matches (byte spans, term, list, version), and
   exits 1 on any difference. Then rescans with a new version of a platform list and checks that
   exactly the posts whose CLI verdict changes are reported, with the list diff.
4. Prints the Spark job's throughput against single-process `find_many` on the same posts, and
   the per-executor start-up cost (unpickling the broadcast matcher).
"""

import argparse
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--posts", type=int, default=100_000)
    ap.add_argument("--workdir", default=str(ROOT / "target" / "spark-check"))
    args = ap.parse_args()
    work = pathlib.Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    posts = work / "posts.jsonl"
    # About 110 bytes per post: ask for enough megabytes, then keep exactly --posts lines.
    data = subprocess.run([sys.executable, str(ROOT / "tools/gen_posts.py"), str(args.posts * 130 / 1e6)],
                          check=True, capture_output=True).stdout.splitlines()[: args.posts]
    assert len(data) == args.posts, len(data)
    posts.write_bytes(b"\n".join(data) + b"\n")
    texts = [json.loads(l)["text"] for l in data]
    mb = posts.stat().st_size / 1e6

    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    out = work / "scan"
    t0 = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "examples/spark/moderate.py"), "scan",
                    "--input", str(posts), "--output", str(out), "--partitions", "4"], check=True, env=env)
    spark_s = time.perf_counter() - t0

    kavach_bin = ROOT / "target" / "release" / "kavach"
    subprocess.run(["cargo", "build", "--quiet", "--release", "-p", "kavach-cli"], check=True, cwd=ROOT)
    cli = subprocess.run([str(kavach_bin), "scan", str(posts)], check=True, capture_output=True).stdout
    by_line = {}
    for n, line in enumerate(cli.decode().splitlines()):
        r = json.loads(line)
        by_line[str(r["id"])] = r

    table = pq.read_table(out).to_pylist()
    assert len(table) == args.posts, (len(table), args.posts)
    diffs = 0
    for row in table:
        c = by_line[row["id"]]
        want = (c["flagged"], c["verdict"], [(m["start"], m["end"], m["term"], m["list"], m["version"]) for m in c["matches"]])
        got = (row["flagged"], row["verdict"],
               [(m["byte_start"], m["byte_end"], m["term"], m["list"], m["version"]) for m in row["matches"]])
        if want != got:
            diffs += 1
            if diffs <= 5:
                print(f"id {row['id']}: CLI {want} != Spark {got}", file=sys.stderr)
    flagged = sum(1 for r in table if r["flagged"])
    fingerprints = {m["fingerprint"] for r in table for m in r["matches"]}

    # Rescan: a platform list gains a term; only posts whose verdict changes are reported.
    v1 = work / "platform-v1.kavach"
    v2 = work / "platform-v2.kavach"
    head = "id = platform\nversion = {v}\ntitle = Platform list\nlanguages = en\nsource = check.py\nlicense = CC0-1.0\ndate = 2026-11-29\n[terms]\nzork | insult | high\n"
    v1.write_text(head.format(v="1.0.0"), encoding="utf-8")
    v2.write_text(head.format(v="1.1.0") + "traffic | insult | high\n", encoding="utf-8")
    prev = work / "scan-v1"
    subprocess.run([sys.executable, str(ROOT / "examples/spark/moderate.py"), "scan", "--input", str(posts),
                    "--output", str(prev), "--list-files", str(v1)], check=True, env=env)
    rescan = work / "rescan"
    subprocess.run([sys.executable, str(ROOT / "examples/spark/moderate.py"), "rescan", "--input", str(posts),
                    "--previous", str(prev), "--old-list", str(v1), "--new-list", str(v2),
                    "--output", str(rescan)], check=True, env=env)
    changed = {r["id"]: (r["old_verdict"], r["new_verdict"]) for r in pq.read_table(rescan).to_pylist()}
    verdicts = {}
    for v in (v1, v2):
        out_v = subprocess.run([str(kavach_bin), "scan", "--list-file", str(v), str(posts)],
                               check=True, capture_output=True).stdout.decode().splitlines()
        verdicts[v] = {str(json.loads(l)["id"]): json.loads(l)["verdict"] for l in out_v}
    want = {i: (verdicts[v1][i], verdicts[v2][i]) for i in verdicts[v1] if verdicts[v1][i] != verdicts[v2][i]}
    diff = json.loads(pathlib.Path(str(rescan) + ".list-diff.json").read_text(encoding="utf-8"))
    rescan_ok = changed == want and [e["term"] for e in diff["added"]] == ["traffic"]
    print(f"rescan: {len(changed)} posts changed verdict (CLI: {len(want)}), "
          f"list diff {diff['old']['version']} -> {diff['new']['version']}: added {[e['term'] for e in diff['added']]}; "
          f"{'identical' if rescan_ok else 'DIFFERENT'}")
    diffs += 0 if rescan_ok else 1

    m = kavach.Matcher()
    t0 = time.perf_counter()
    m.find_many(texts)
    local_s = time.perf_counter() - t0
    blob = pickle.dumps(m)
    t0 = time.perf_counter()
    pickle.loads(blob)
    startup_ms = (time.perf_counter() - t0) * 1e3

    print(f"{args.posts} posts ({mb:.1f} MB), {flagged} flagged; Spark vs CLI: {diffs} differences; "
          f"list fingerprints in the output: {sorted(fingerprints)}")
    print(f"Spark local[*] job, whole run (JVM start, read, scan, write Parquet): {spark_s:.1f} s, {mb / spark_s:.2f} MB/s")
    print(f"single-process find_many on the same posts: {local_s:.2f} s, {mb / local_s:.1f} MB/s")
    print(f"per-executor start-up: unpickling the broadcast matcher ({len(blob)} bytes) takes {startup_ms:.1f} ms")
    sys.exit(1 if diffs else 0)


if __name__ == "__main__":
    main()
