#!/usr/bin/env python3
"""Moderate a CSV of posts: write the flagged rows with their matches and verdicts.

    python examples/python/moderate_csv.py posts.csv flagged.csv [--text-column text] [--lists en,hi]

Reads the input in batches and scans each batch with `Matcher.find_many` (all cores, GIL
released), showing a progress bar (tqdm) over the input's bytes. Every output row keeps the
input's columns and adds: verdict, report, and the matches as JSON (code-point spans, term,
category, severity, list@version, transforms). Rows that cannot be read are reported with
their line number on stderr and skipped; nothing else is lost.
"""

import argparse
import csv
import json
import os
import sys

from tqdm import tqdm

import kavach

BATCH = 2000


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="CSV file with a header row")
    ap.add_argument("output", help="CSV file to write the flagged rows to")
    ap.add_argument("--text-column", default="text", help="column holding the post (default: text)")
    ap.add_argument("--lists", help="comma-separated bundled list ids (default: all)")
    ap.add_argument("--all", action="store_true", help="write every row, not only flagged ones")
    args = ap.parse_args(argv)

    matcher = kavach.Matcher(lists=args.lists.split(",") if args.lists else None)
    flagged = total = 0
    with open(args.input, newline="", encoding="utf-8") as fin, \
            open(args.output, "w", newline="", encoding="utf-8") as fout, \
            tqdm(total=os.path.getsize(args.input), unit="B", unit_scale=True, disable=None) as bar:
        reader = csv.DictReader(fin)
        if args.text_column not in (reader.fieldnames or []):
            sys.exit(f"{args.input}: no column {args.text_column!r} (columns: {reader.fieldnames})")
        writer = csv.DictWriter(fout, fieldnames=list(reader.fieldnames) + ["verdict", "report", "matches"])
        writer.writeheader()
        batch = []

        def flush():
            nonlocal flagged
            results = matcher.find_many([row[args.text_column] for row in batch])
            for row, found in zip(batch, results):
                if not found and not args.all:
                    continue
                verdict = matcher.verdict(row[args.text_column]) if found else None
                flagged += bool(found)
                row["verdict"] = verdict.decision if verdict else "allow"
                row["report"] = bool(verdict and verdict.report)
                row["matches"] = json.dumps([m.to_dict() for m in found], ensure_ascii=False)
                writer.writerow(row)
            batch.clear()

        last = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as e:
                print(f"{args.input}:{reader.line_num}: skipped: {e}", file=sys.stderr)
                continue
            total += 1
            if row.get(args.text_column) is None:
                print(f"{args.input}:{reader.line_num}: skipped: no {args.text_column!r} value", file=sys.stderr)
                continue
            batch.append(row)
            if len(batch) >= BATCH:
                flush()
                pos = fin.tell()
                bar.update(pos - last)
                last = pos
        flush()
        bar.update(os.path.getsize(args.input) - last)
    print(f"{total} rows, {flagged} flagged -> {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
