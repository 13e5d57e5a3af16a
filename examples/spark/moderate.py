#!/usr/bin/env python3
"""Moderate a corpus of posts on Apache Spark with kavach, writing an audit trail.

    # scan: every post, with verdict and matches
    python examples/spark/moderate.py scan --input posts.jsonl --output out/scan-v1
    # rescan with a new list version: only the posts whose verdict changed, and why
    python examples/spark/moderate.py rescan --input posts.jsonl --previous out/scan-v1 \\
        --old-list en@0.1.0.kavach --new-list platform-v2.kavach --output out/rescan

Input: Parquet or JSON Lines (by extension, or a directory of Parquet) with `id` and `text`
(other columns are ignored). Output: Parquet with `id`, `flagged`, `verdict`, `report` and
`matches` (code-point and byte spans, text, term, category, severity, list id, version and
fingerprint): every decision names the exact list content that made it. A rescan writes the
posts whose verdict changed (old and new verdict and matches) and, next to them,
`<output>.list-diff.json`: what changed between the two list versions.

The matcher is built once per executor, not per row: it is pickled (lists included) into a
broadcast variable, and each Python worker unpickles it once and keeps it for every partition
(`mapInArrow`, batches of Arrow records, `find_many` on each batch).
"""

import argparse
import json
import os
import sys
import time

import pyarrow as pa

import kavach

MATCH = pa.struct([
    ("start", pa.int64()), ("end", pa.int64()), ("byte_start", pa.int64()), ("byte_end", pa.int64()),
    ("text", pa.string()), ("term", pa.string()), ("category", pa.string()), ("severity", pa.string()),
    ("list", pa.string()), ("version", pa.string()), ("fingerprint", pa.string()),
    ("transforms", pa.list_(pa.string())),
])
SCHEMA = pa.schema([
    ("id", pa.string()), ("flagged", pa.bool_()), ("verdict", pa.string()), ("report", pa.bool_()),
    ("error", pa.string()), ("matches", pa.list_(MATCH)),
])
SPARK_SCHEMA = (
    "id string, flagged boolean, verdict string, report boolean, error string, "
    "matches array<struct<start:bigint,end:bigint,byte_start:bigint,byte_end:bigint,text:string,"
    "term:string,category:string,severity:string,list:string,version:string,fingerprint:string,"
    "transforms:array<string>>>"
)

_WORKER = {}


def build_matcher(lists, list_files):
    return kavach.Matcher(
        lists=lists.split(",") if lists else None,
        list_files=list_files.split(",") if list_files else None,
    )


def moderate_batches(broadcast):
    """The `mapInArrow` function: the matcher is taken from the broadcast once per worker."""

    def run(batches):
        if "matcher" not in _WORKER:
            t0 = time.perf_counter()
            _WORKER["matcher"] = broadcast.value
            _WORKER["startup_s"] = time.perf_counter() - t0
        m = _WORKER["matcher"]
        fingerprints = {l["id"]: l["fingerprint"] for l in m.lists}
        for batch in batches:
            ids = [None if i is None else str(i) for i in batch.column("id").to_pylist()]
            texts = [t or "" for t in batch.column("text").to_pylist()]
            rows = {"id": ids, "flagged": [], "verdict": [], "report": [], "error": [], "matches": []}
            try:
                batch_found = m.find_many(texts)
            except kavach.LimitError:
                batch_found = [None] * len(texts)  # one text is over a limit: go one by one
            for text, found in zip(texts, batch_found):
                try:
                    if found is None:
                        found = m.find(text)
                    # No match is always "allow"; the policy is asked only about flagged texts.
                    verdict = m.verdict(text) if found else None
                    rows["flagged"].append(bool(found))
                    rows["verdict"].append(verdict.decision if verdict else "allow")
                    rows["report"].append(bool(verdict and verdict.report))
                    rows["error"].append(None)
                    rows["matches"].append([dict(x.to_dict(), fingerprint=fingerprints[x.list]) for x in found])
                except kavach.KavachError as e:
                    # Reported, not lost: the row says why it was not scanned.
                    rows["flagged"].append(None)
                    rows["verdict"].append(None)
                    rows["report"].append(None)
                    rows["error"].append(f"{e.code}: {e}")
                    rows["matches"].append(None)
            yield pa.RecordBatch.from_pydict(rows, schema=SCHEMA)

    return run


def read_posts(spark, path):
    if path.endswith(".jsonl") or path.endswith(".json"):
        df = spark.read.json(path)
    else:
        df = spark.read.parquet(path)
    return df.selectExpr("CAST(id AS STRING) AS id", "text")


def scan(spark, args):
    matcher = build_matcher(args.lists, args.list_files)
    bc = spark.sparkContext.broadcast(matcher)
    posts = read_posts(spark, args.input)
    if args.partitions:
        posts = posts.repartition(args.partitions)
    return posts.mapInArrow(moderate_batches(bc), SPARK_SCHEMA)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=["scan", "rescan"])
    ap.add_argument("--input", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--lists", help="bundled list ids, comma-separated (default: all bundled)")
    ap.add_argument("--list-files", help="extra list files, comma-separated")
    ap.add_argument("--previous", help="rescan: the previous run's output")
    ap.add_argument("--old-list", help="rescan: the list version the previous run used (path or id)")
    ap.add_argument("--new-list", help="rescan: the new list version (path or id); added to --list-files")
    ap.add_argument("--partitions", type=int, default=0)
    ap.add_argument("--master", default=os.environ.get("SPARK_MASTER"),
                    help="Spark master (default: spark-submit's, or local[*] when run directly)")
    args = ap.parse_args(argv)

    from pyspark.sql import SparkSession, functions as F

    builder = (SparkSession.builder.appName("kavach-moderate")
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", "5000"))
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    t0 = time.perf_counter()
    if args.mode == "scan":
        result = scan(spark, args)
        result.write.mode("overwrite").parquet(args.output)
        n = spark.read.parquet(args.output).count()
    else:
        if not (args.previous and args.new_list):
            sys.exit("rescan needs --previous and --new-list")
        args.list_files = ",".join(filter(None, [args.list_files, args.new_list]))
        new = scan(spark, args).alias("new")
        old = spark.read.parquet(args.previous).alias("old")
        changed = (new.join(old, "id")
                   .where(~F.col("old.verdict").eqNullSafe(F.col("new.verdict")))
                   .select("id", F.col("old.verdict").alias("old_verdict"),
                           F.col("new.verdict").alias("new_verdict"),
                           F.col("old.matches").alias("old_matches"),
                           F.col("new.matches").alias("new_matches")))
        changed.write.mode("overwrite").parquet(args.output)
        n = spark.read.parquet(args.output).count()
        if args.old_list:
            diff = kavach.diff_lists(args.old_list, args.new_list)
            with open(args.output.rstrip("/") + ".list-diff.json", "w", encoding="utf-8") as f:
                json.dump(diff, f, ensure_ascii=False, indent=1)
    secs = time.perf_counter() - t0
    print(f"{args.mode}: {n} rows written to {args.output} in {secs:.1f} s", file=sys.stderr)
    spark.stop()


if __name__ == "__main__":
    main()
