#!/usr/bin/env python3
"""Moderate a CSV of posts: write the flagged rows with their matches and verdicts.

    python examples/python/moderate_csv.py posts.csv flagged.csv [--text-column text] [--lists en,hi]
        [--list-files platform.kavach] [--max-matches N] [--max-input-bytes N] [--all]

Reads the input in batches of 2,000 rows and scans each batch with `Matcher.report_many` (all
cores, GIL released); any size of input works, the file is read as a stream. A progress bar
over the input's bytes is shown if tqdm is installed (`pip install -r
examples/python/requirements.txt`); without it the script runs the same, silently.

Every output row keeps the input's columns and adds: `status` (scanned or error), `verdict`
(allow, review, block), `report`, `truncated` (more matches than --max-matches: the first are
kept, the verdict is at least review), `error` (`code: message`) and `matches` as JSON
(code-point spans, term, category, severity, decision, list, version, transforms).

The flagged rows are written, and every row that was not fully scanned (over a limit, no text,
not UTF-8, a malformed CSV record): those are also reported on stderr with their line number,
and never written as `allow`. `--all` writes every row. A cell that a spreadsheet would read as
a formula (starting with = + - @, a tab or a carriage return) is written with a leading `'`
(match offsets stay those of the input's text).
The exit status is 0 when the whole input was read, even if some rows could not be scanned.
"""

import argparse
import csv
import json
import os
import sys

try:  # optional: a progress bar
    from tqdm import tqdm
except ImportError:  # pragma: no cover - exercised by the tests with tqdm hidden
    tqdm = None

import kavach

BATCH = 2000
ADDED = ["status", "verdict", "report", "truncated", "error", "matches"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A CSV cell a spreadsheet will not run as a formula (OWASP's CSV injection advice)."""
    if value is None:
        return ""
    value = str(value)
    return "'" + value if value.startswith(FORMULA_START) else value


class _Lines:
    """The input's lines as text for `csv`, counting the bytes read (for the progress bar; a
    text file's `tell()` is disabled while it is iterated) and noting the lines that are not
    UTF-8 (decoded with U+FFFD so that reading goes on; their rows are reported, not scanned)."""

    def __init__(self, raw):
        self.raw = raw
        self.bytes = 0
        self.lines = 0
        self.bad = set()

    def __iter__(self):
        for chunk in self.raw:
            self.lines += 1
            self.bytes += len(chunk)
            try:
                line = chunk.decode("utf-8")
            except UnicodeDecodeError:
                line = chunk.decode("utf-8", "replace")
                self.bad.add(self.lines)
            if self.lines == 1 and line.startswith("\ufeff"):
                line = line[1:]  # a byte-order mark
            yield line


class _NoBar:
    def update(self, n):
        pass

    def close(self):
        pass


def build_matcher(args):
    options = {}
    if args.max_matches is not None:
        options["max_matches"] = args.max_matches
    if args.max_input_bytes is not None:
        options["max_input_bytes"] = args.max_input_bytes
    return kavach.Matcher(
        lists=args.lists.split(",") if args.lists else None,
        list_files=args.list_files.split(",") if args.list_files else None,
        **options,
    )


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="CSV file (UTF-8) with a header row")
    ap.add_argument("output", help="CSV file to write the flagged rows (and the rows not scanned) to")
    ap.add_argument("--text-column", default="text", help="column holding the post (default: text)")
    ap.add_argument("--lists", help="only these bundled list ids, comma-separated (default: all)")
    ap.add_argument("--list-files", help="platform list files to add to the bundled lists, comma-separated")
    ap.add_argument("--max-matches", type=int, default=None,
                    help="matches kept per row; past it the row is truncated and at least review (default 1000, 0: no limit)")
    ap.add_argument("--max-input-bytes", type=int, default=None,
                    help="longest text scanned; a longer one is an error row, verdict review (default 1 MiB, 0: no limit)")
    ap.add_argument("--all", action="store_true", help="write every row, not only the flagged ones and those not scanned")
    ap.add_argument("--batch", type=int, default=BATCH, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    matcher = build_matcher(args)
    # A field as long as a text may be: past the scan limit it is reported, not a CSV error.
    csv.field_size_limit(2**31 - 1)
    counts = {"rows": 0, "written": 0, "flagged": 0, "scanned": 0, "error": 0}
    size = os.path.getsize(args.input)
    bar = (tqdm(total=size, unit="B", unit_scale=True, disable=None) if tqdm is not None else _NoBar())
    try:
        with open(args.input, "rb") as raw, open(args.output, "w", newline="", encoding="utf-8") as fout:
            lines = _Lines(raw)
            reader = csv.reader(lines)
            try:
                header = next(reader)
            except StopIteration:
                sys.exit(f"{args.input}: empty file, no header row")
            if args.text_column not in header:
                sys.exit(f"{args.input}: no column {args.text_column!r} (columns: {header})")
            text_at = header.index(args.text_column)
            clash = [c for c in ADDED if c in header]
            if clash:
                sys.exit(f"{args.input}: has columns {clash}, which the output adds; rename them first")
            writer = csv.writer(fout)
            writer.writerow([neutralise(c) for c in header + ADDED])
            batch = []  # (line number, cells, text or None)
            done_bytes = 0

            def write(cells, added):
                writer.writerow([neutralise(c) for c in cells] + [neutralise(v) for v in added])
                counts["written"] += 1

            def not_scanned(line, cells, code, message):
                print(f"{args.input}:{line}: not scanned: {code}: {message}", file=sys.stderr)
                counts["error"] += 1
                # Written whatever --all says: a row that was not scanned is never allowed.
                write(cells, ["error", "review", "false", "false", f"{code}: {message}", "[]"])

            def flush():
                nonlocal done_bytes
                reports = matcher.report_many([text for _, _, text in batch])
                for (line, cells, _), r in zip(batch, reports):
                    d = r.to_dict()
                    if d["status"] != "scanned":
                        e = d["error"] or {"code": "error", "message": "not scanned"}
                        print(f"{args.input}:{line}: not scanned: {e['code']}: {e['message']}", file=sys.stderr)
                        counts["error"] += 1
                    else:
                        counts["scanned"] += 1
                        if d["truncated"]:
                            print(f"{args.input}:{line}: more than {len(d['matches'])} matches: the first "
                                  f"are kept, verdict {d['verdict']}", file=sys.stderr)
                    counts["flagged"] += bool(d["flagged"])
                    if not (args.all or d["flagged"] or d["status"] != "scanned" or d["truncated"]):
                        continue
                    error = d["error"]
                    write(cells, [
                        d["status"], d["verdict"], str(d["report"]).lower(), str(d["truncated"]).lower(),
                        f"{error['code']}: {error['message']}" if error else "",
                        json.dumps(d["matches"], ensure_ascii=False),
                    ])
                batch.clear()
                bar.update(lines.bytes - done_bytes)
                done_bytes = lines.bytes

            last_line = reader.line_num
            while True:
                try:
                    cells = next(reader)
                except StopIteration:
                    break
                except csv.Error as e:
                    # The record is lost to the CSV parser: say where, write a row saying so.
                    counts["rows"] += 1
                    line = last_line + 1
                    last_line = reader.line_num
                    not_scanned(line, [""] * len(header), "csv", f"line {line}: {e}")
                    continue
                line, last_line = last_line + 1, reader.line_num
                if not cells:
                    continue  # a blank line is no record
                counts["rows"] += 1
                if any(n in lines.bad for n in range(line, last_line + 1)):
                    not_scanned(line, cells + [""] * (len(header) - len(cells)), "invalid-utf8",
                                f"line {line}: not UTF-8 (shown here with U+FFFD)")
                    continue
                if len(cells) > len(header):
                    not_scanned(line, cells[: len(header)], "bad-columns",
                                f"line {line}: {len(cells)} fields, the header has {len(header)}")
                    continue
                text = cells[text_at] if text_at < len(cells) else None  # None: not-text, reported
                batch.append((line, cells + [""] * (len(header) - len(cells)), text))
                if len(batch) >= args.batch:
                    flush()
            flush()
    finally:
        bar.close()
    print(f"{counts['rows']} rows: {counts['scanned']} scanned, {counts['error']} not scanned, "
          f"{counts['flagged']} flagged; {counts['written']} written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
