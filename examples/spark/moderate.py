#!/usr/bin/env python3
"""Moderate a corpus of posts on Apache Spark with kavach, writing an audit trail.

    # scan: every post, with status, verdict and matches
    python examples/spark/moderate.py scan --input posts.jsonl --output out/scan-v1
    # rescan with a new list version: only the posts whose verdict changed, and why
    python examples/spark/moderate.py rescan --input posts.jsonl --previous out/scan-v1 \\
        --old-list platform-v1.kavach --new-list platform-v2.kavach --output out/rescan

Input: Parquet or JSON Lines (by extension, or a directory of Parquet) with `id` and `text`
(other columns are ignored). JSON is read in PERMISSIVE mode: a line that is not JSON is kept,
as a row with status `error`. Output: Parquet with one row per input record:

- `id`; `key`: SHA-256 of the record's id and text (of the raw line for an unreadable one), the
  row key a rescan joins on, so that duplicate ids are neither merged nor multiplied;
- `status`: `scanned`, or `error` when the text was not scanned (null or missing text, over
  `--max-input-bytes`, a corrupt JSON line), with `error` = `code: message`; a row that was not
  scanned has the verdict `review`, never `allow`;
- `flagged`, `verdict` (allow, review, block), `report`, `max_severity`, `truncated` (more
  matches than `--max-matches`: the first are kept, the verdict is at least review);
- `matches`: code-point and byte spans, text, term, category, severity, decision, list id,
  version and fingerprint;
- `lists` (id, version, fingerprint of every list the matcher had) and `policy`: every decision
  names the exact list content and thresholds that made it.

Next to the output, `<output>.manifest.json` records the run: kavach version, lists with
fingerprints, policy, options, input, row counts by status and verdict, duplicate ids, times.
A rescan writes the posts whose verdict (or status) changed, old and new, with
`<output>.list-diff.json`: what changed between the two list versions. `--new-list` is a path if
that file exists, else a bundled id (`en`, `en@0.1.0`); a list with the id of a list in use
(bundled or from --list-files) replaces it.

The matcher is built once per executor, not per row: it is pickled (lists included) into a
broadcast variable, and each Python worker unpickles it once and keeps it for every partition
(`mapInArrow`, batches of Arrow records, `report_many` on each batch).
"""

import argparse
import datetime
import hashlib
import json
import os
import sys
import time

import pyarrow as pa

import kavach

MATCH = pa.struct([
    ("start", pa.int64()), ("end", pa.int64()), ("byte_start", pa.int64()), ("byte_end", pa.int64()),
    ("text", pa.string()), ("term", pa.string()), ("category", pa.string()), ("severity", pa.string()),
    ("decision", pa.string()), ("list", pa.string()), ("version", pa.string()), ("fingerprint", pa.string()),
    ("transforms", pa.list_(pa.string())),
])
LIST = pa.struct([("id", pa.string()), ("version", pa.string()), ("fingerprint", pa.string())])
SCHEMA = pa.schema([
    ("id", pa.string()), ("key", pa.string()), ("status", pa.string()), ("flagged", pa.bool_()),
    ("verdict", pa.string()), ("report", pa.bool_()), ("max_severity", pa.string()),
    ("truncated", pa.bool_()), ("error", pa.string()), ("matches", pa.list_(MATCH)),
    ("lists", pa.list_(LIST)), ("policy", pa.string()),
])
SPARK_SCHEMA = (
    "id string, key string, status string, flagged boolean, verdict string, report boolean, "
    "max_severity string, truncated boolean, error string, "
    "matches array<struct<start:bigint,end:bigint,byte_start:bigint,byte_end:bigint,text:string,"
    "term:string,category:string,severity:string,decision:string,list:string,version:string,"
    "fingerprint:string,transforms:array<string>>>, "
    "lists array<struct<id:string,version:string,fingerprint:string>>, policy string"
)
# The default policy's thresholds (kavach's Policy::default); per category, slurs and violence
# block from medium and child-safety always blocks and is reported, whatever the thresholds.
DEFAULT_REVIEW_AT, DEFAULT_BLOCK_AT = "medium", "high"
CORRUPT = "_corrupt_record"

_WORKER = {}


def row_key(id_, text, raw):
    """The row key: the same record (id and text) gives the same key in every run."""
    return hashlib.sha256(json.dumps([id_, text, raw], ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()


def policy_string(args):
    return (f"review_at={args.review_at or DEFAULT_REVIEW_AT},block_at={args.block_at or DEFAULT_BLOCK_AT}"
            f"{'' if args.review_at or args.block_at else ' (default)'}")


def list_id(spec):
    """The id of a list given as a path or a bundled `id[@version]`."""
    return kavach.diff_lists(spec, spec)["new"]["id"]


def matcher_config(args, new_list=None):
    """Matcher keyword arguments for these options. `new_list` (rescan) replaces the list in use
    with its id, bundled or from --list-files, rather than being added next to it."""
    lists = args.lists.split(",") if args.lists else None
    files = args.list_files.split(",") if args.list_files else []
    replaced = None
    if new_list:
        new_id = list_id(new_list)
        bundled = lists if lists is not None else list(kavach.bundled_lists())
        for spec in bundled:
            if spec.split("@")[0] == new_id:
                replaced = spec
        for path in files:
            if list_id(path) == new_id:
                replaced = path
        files = [p for p in files if list_id(p) != new_id]
        kept = [s for s in bundled if s.split("@")[0] != new_id]
        if os.path.exists(new_list):
            files.append(new_list)
        else:
            kept.append(new_list)  # a bundled id[@version]
        if replaced is not None or lists is not None:
            lists = kept
    kwargs = {}
    if lists is not None:
        if lists:
            kwargs["lists"] = lists
        else:
            kwargs["bundled"] = False
    if files:
        kwargs["list_files"] = files
    for name in ("review_at", "block_at", "max_input_bytes", "max_matches"):
        if getattr(args, name) is not None:
            kwargs[name] = getattr(args, name)
    return kwargs, replaced


def moderate_batches(broadcast, policy):
    """The `mapInArrow` function: the matcher is taken from the broadcast once per worker."""

    def run(batches):
        if "matcher" not in _WORKER:
            t0 = time.perf_counter()
            _WORKER["matcher"] = broadcast.value
            _WORKER["startup_s"] = time.perf_counter() - t0
        m = _WORKER["matcher"]
        lists = [{"id": l["id"], "version": l["version"], "fingerprint": l["fingerprint"]} for l in m.lists]
        fingerprints = {l["id"]: l["fingerprint"] for l in lists}
        for batch in batches:
            ids = batch.column("id").to_pylist()
            texts = batch.column("text").to_pylist()
            raws = batch.column(CORRUPT).to_pylist()
            # A corrupt line or a null (or missing) text is not scanned: an error row, like the CLI's.
            todo = [k for k, (text, raw) in enumerate(zip(texts, raws)) if raw is None and text is not None]
            reports = dict(zip(todo, m.report_many([texts[k] for k in todo])))
            rows = {name: [] for name in SCHEMA.names}
            for k, (id_, text, raw) in enumerate(zip(ids, texts, raws)):
                rows["id"].append(id_)
                rows["key"].append(row_key(id_, text, raw))
                rows["lists"].append(lists)
                rows["policy"].append(policy)
                r = reports.get(k)
                if r is None:
                    # Reported, not lost: the row says why it was not scanned, and it is not allowed.
                    rows["status"].append("error")
                    rows["flagged"].append(False)
                    rows["verdict"].append("review")
                    rows["report"].append(False)
                    rows["max_severity"].append(None)
                    rows["truncated"].append(False)
                    rows["error"].append(f"invalid-json: not a JSON record: {raw[:200]!r}" if raw is not None
                                         else "no-text: the record has no text, or it is null")
                    rows["matches"].append([])
                    continue
                d = r.to_dict()
                rows["status"].append(d["status"])
                rows["flagged"].append(d["flagged"])
                rows["verdict"].append(d["verdict"])
                rows["report"].append(d["report"])
                rows["max_severity"].append(d["max_severity"])
                rows["truncated"].append(d["truncated"])
                rows["error"].append(f"{d['error']['code']}: {d['error']['message']}" if d["error"] else None)
                rows["matches"].append([
                    dict(x, byte_start=o.byte_start, byte_end=o.byte_end, fingerprint=fingerprints[x["list"]])
                    for x, o in zip(d["matches"], r.matches)
                ])
            yield pa.RecordBatch.from_pydict(rows, schema=SCHEMA)

    return run


def read_posts(spark, path):
    """`id`, `text` and `_corrupt_record` (the raw line of a JSON record that could not be read)."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType

    if path.endswith(".jsonl") or path.endswith(".json"):
        # An explicit schema: the corrupt-record column is always there, ids of any JSON type
        # are read as their JSON text, and a null or missing text is null.
        return (spark.read.schema(f"id string, text string, {CORRUPT} string")
                .option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT)
                .json(path))
    df = spark.read.parquet(path)
    if "text" not in df.columns:
        sys.exit(f"{path}: no column 'text' (columns: {df.columns})")
    if not isinstance(df.schema["text"].dataType, StringType):
        sys.exit(f"{path}: column 'text' is {df.schema['text'].dataType.simpleString()}, not a string")
    ident = F.col("id").cast("string") if "id" in df.columns else F.lit(None).cast("string")
    return df.select(ident.alias("id"), "text", F.lit(None).cast("string").alias(CORRUPT))


def scan(spark, args, new_list=None):
    kwargs, replaced = matcher_config(args, new_list)
    matcher = kavach.Matcher(**kwargs)
    bc = spark.sparkContext.broadcast(matcher)
    posts = read_posts(spark, args.input)
    if args.partitions:
        posts = posts.repartition(args.partitions)
    result = posts.mapInArrow(moderate_batches(bc, policy_string(args)), SPARK_SCHEMA)
    return result, matcher, kwargs, replaced


def counts(df):
    """Rows by status, verdict and error code, and the duplicate ids."""
    from pyspark.sql import functions as F

    out = {"rows": df.count(), "by_status": {}, "by_verdict": {}, "truncated": 0, "errors_by_code": {}}
    for r in df.groupBy("status", "verdict", "truncated",
                        F.substring_index("error", ":", 1).alias("code")).count().collect():
        out["by_status"][r["status"]] = out["by_status"].get(r["status"], 0) + r["count"]
        out["by_verdict"][r["verdict"]] = out["by_verdict"].get(r["verdict"], 0) + r["count"]
        out["truncated"] += r["count"] if r["truncated"] else 0
        if r["code"]:
            out["errors_by_code"][r["code"]] = out["errors_by_code"].get(r["code"], 0) + r["count"]
    dups = (df.where(F.col("id").isNotNull()).groupBy("id")
            .agg(F.count("*").alias("n"), F.countDistinct("key").alias("texts"))
            .where("n > 1"))
    agg = dups.agg(F.count("*").alias("ids"), F.sum(F.col("n") - 1).alias("extra"),
                   F.sum(F.col("n") - F.col("texts")).alias("exact")).first()
    out["duplicate_ids"] = {
        "ids": agg["ids"], "extra_rows": agg["extra"] or 0, "exact_duplicate_rows": agg["exact"] or 0,
        "examples": [{"id": r["id"], "rows": r["n"], "distinct_texts": r["texts"]}
                     for r in dups.orderBy(F.desc("n"), "id").limit(5).collect()],
    }
    return out


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=["scan", "rescan"])
    ap.add_argument("--input", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--lists", help="only these bundled lists, id[@version], comma-separated (default: all bundled)")
    ap.add_argument("--list-files", help="platform list files added to the bundled lists, comma-separated")
    ap.add_argument("--review-at", help="lowest severity that sends a post to review (default medium)")
    ap.add_argument("--block-at", help="lowest severity that blocks a post (default high)")
    ap.add_argument("--max-input-bytes", type=int, help="longest text scanned (default 1 MiB; 0: no limit)")
    ap.add_argument("--max-matches", type=int, help="matches kept per post (default 1000; 0: no limit)")
    ap.add_argument("--previous", help="rescan: the previous run's output")
    ap.add_argument("--old-list", help="rescan: the list version the previous run used (path or id), for the list diff")
    ap.add_argument("--new-list", help="rescan: the new list version (path if it exists, else a bundled id[@version]); "
                    "replaces the list in use with the same id, or is added")
    ap.add_argument("--partitions", type=int, default=0)
    ap.add_argument("--master", default=os.environ.get("SPARK_MASTER"),
                    help="Spark master (default: spark-submit's, or local[*] when run directly)")
    args = ap.parse_args(argv)
    if args.mode == "rescan" and not (args.previous and args.new_list):
        ap.error("rescan needs --previous and --new-list")

    from pyspark import StorageLevel
    from pyspark.sql import SparkSession, functions as F

    started = datetime.datetime.now(datetime.timezone.utc)
    builder = (SparkSession.builder.appName("kavach-moderate")
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", "5000")
               .config("spark.ui.showConsoleProgress", "false"))
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    t0 = time.perf_counter()
    output = args.output.rstrip("/")
    manifest = {"mode": args.mode, "kavach_version": kavach.__version__,
                "unicode_version": kavach.UNICODE_VERSION, "spark_version": spark.version}

    result, matcher, kwargs, replaced = scan(spark, args, args.new_list if args.mode == "rescan" else None)
    manifest["lists"] = [{k: l.get(k) for k in ("id", "version", "title", "fingerprint", "entries", "allow")}
                         for l in matcher.lists]
    manifest["policy"] = policy_string(args)
    manifest["options"] = {"matcher": {k: v for k, v in kwargs.items()}, "partitions": args.partitions}
    manifest["input"] = args.input
    manifest["output"] = args.output
    if args.mode == "scan":
        result.write.mode("overwrite").parquet(args.output)
        written = spark.read.parquet(args.output)
        manifest.update(counts(written))
        n = manifest["rows"]
    else:
        new = result.persist(StorageLevel.MEMORY_AND_DISK)
        old = spark.read.parquet(args.previous)
        prev_manifest = None
        try:
            with open(args.previous.rstrip("/") + ".manifest.json", encoding="utf-8") as f:
                prev_manifest = json.load(f)
        except OSError:
            pass
        # One row per record on each side (an exact duplicate, same id and text, once), joined on
        # the row key: a duplicate id is neither merged with nor multiplied by its namesakes.
        cols = ["key", "id", "status", "verdict", "error", "matches"]
        o = old.select(*cols).dropDuplicates(["key"]).alias("old")
        nw = new.select(*cols).dropDuplicates(["key"]).alias("new")
        joined = nw.join(o, F.col("new.key") == F.col("old.key"), "left")
        changed = (joined
                   .where(F.col("old.key").isNull()
                          | ~F.col("old.verdict").eqNullSafe(F.col("new.verdict"))
                          | ~F.col("old.status").eqNullSafe(F.col("new.status")))
                   .select(F.col("new.id").alias("id"), F.col("new.key").alias("key"),
                           F.col("old.key").isNull().alias("not_in_previous"),
                           F.col("old.status").alias("old_status"), F.col("new.status").alias("new_status"),
                           F.col("old.verdict").alias("old_verdict"), F.col("new.verdict").alias("new_verdict"),
                           F.col("new.error").alias("new_error"),
                           F.col("old.matches").alias("old_matches"), F.col("new.matches").alias("new_matches")))
        changed.write.mode("overwrite").parquet(args.output)
        written = spark.read.parquet(args.output)
        n = written.count()
        manifest["scan"] = counts(new)
        manifest["rescan"] = {
            "previous": args.previous, "new_list": args.new_list, "replaced": replaced,
            "old_list": args.old_list, "changed": n,
            "not_in_previous": written.where("not_in_previous").count(),
            "transitions": {f"{r['old_verdict']}->{r['new_verdict']}": r["count"]
                            for r in written.groupBy("old_verdict", "new_verdict").count().collect()},
        }
        new.unpersist()
        old_list = args.old_list
        new_id = list_id(args.new_list)
        if prev_manifest:
            prev = {l["id"]: l for l in prev_manifest.get("lists", [])}
            now = {l["id"]: l for l in manifest["lists"]}
            others = sorted(i for i in set(prev) | set(now) if i != new_id
                            and (prev.get(i) or {}).get("fingerprint") != (now.get(i) or {}).get("fingerprint"))
            if others or prev_manifest.get("policy") != manifest["policy"]:
                warn = (f"the previous run differs in more than {new_id}: lists {others}, policy "
                        f"{prev_manifest.get('policy')} -> {manifest['policy']}; changes are not all the new list's")
                manifest["rescan"]["warning"] = warn
                print(f"rescan: warning: {warn}", file=sys.stderr)
            if old_list is None and new_id in prev:
                old_list = f"{new_id}@{prev[new_id]['version']}"  # a bundled version, if it is one
        if old_list:
            try:
                diff = kavach.diff_lists(old_list, args.new_list)
            except kavach.KavachError as e:
                if args.old_list:
                    raise
                print(f"rescan: no list diff ({old_list}: {e})", file=sys.stderr)
            else:
                write_json(output + ".list-diff.json", diff)
                manifest["rescan"]["list_diff"] = output + ".list-diff.json"
                manifest["rescan"]["old_list"] = old_list
    secs = time.perf_counter() - t0
    manifest["started"] = started.isoformat(timespec="seconds")
    manifest["finished"] = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    manifest["seconds"] = round(secs, 1)
    write_json(output + ".manifest.json", manifest)
    summary = manifest["scan"] if args.mode == "rescan" else manifest
    dup = summary["duplicate_ids"]
    if dup["ids"]:
        print(f"{args.mode}: {dup['ids']} ids occur more than once ({dup['extra_rows']} extra rows, "
              f"{dup['exact_duplicate_rows']} exact duplicates), e.g. "
              f"{[e['id'] for e in dup['examples']]}", file=sys.stderr)
    print(f"{args.mode}: {n} rows written to {args.output} in {secs:.1f} s; scanned {summary['rows']} rows: "
          f"{summary['by_status']}, {summary['by_verdict']}; manifest {output}.manifest.json", file=sys.stderr)
    spark.stop()


if __name__ == "__main__":
    main()
