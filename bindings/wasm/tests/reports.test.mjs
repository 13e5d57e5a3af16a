// The shared report vectors (tests/vectors/reports.json): how a matcher is composed from options
// and the platform's lists, and how limits fail closed. Spans here are UTF-16.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { Matcher } = require("../pkg");
const vectors = new URL("../../../tests/vectors/", import.meta.url);
const doc = JSON.parse(readFileSync(new URL("reports.json", vectors), "utf8"));

/** The vector's options in JavaScript's spelling: `max-input-bytes` → `maxInputBytes`. */
function options(c) {
  const o = {};
  for (const [name, value] of Object.entries(c.options)) {
    o[name.replace(/-([a-z])/g, (_, x) => x.toUpperCase())] = value;
  }
  o.extraLists = c.list_files.map((p) => ({ text: readFileSync(new URL(p, vectors), "utf8"), name: p }));
  return o;
}

assert.ok(doc.cases.length > 0);
for (const c of doc.cases) {
  test(`report vector: ${c.name}`, () => {
    const build = () => new Matcher(options(c));
    if (c.build_error) {
      assert.throws(build, (e) => {
        assert.ok(e instanceof Error);
        assert.equal(e.name, "KavachError");
        assert.equal(e.code, c.build_error.code, e.message);
        if (c.build_error.file) {
          assert.ok(e.file.endsWith(c.build_error.file), `error names ${e.file}`);
          assert.ok(e.message.includes(c.build_error.file), e.message);
        }
        return true;
      });
      return;
    }
    const m = build();
    assert.deepEqual(m.lists.map((l) => l.id), c.lists);
    const r = m.report(c.text);
    for (const key of ["status", "flagged", "verdict", "report", "max_severity", "truncated"]) {
      assert.equal(r[key], c.report[key], key);
    }
    assert.equal(r.error?.code ?? null, c.report.error);
    if (r.error) assert.equal(typeof r.error.message, "string");
    assert.deepEqual(
      r.matches.map((x) => [x.text, x.term, x.list, x.decision, [x.start, x.end]]),
      c.matches.map((x) => [x.text, x.term, x.list, x.decision, x.utf16]),
    );
    for (const x of r.matches) assert.equal(c.text.slice(x.start, x.end), x.text);
    // The reasons are the kept matches whose own decision is the verdict (none for allow).
    assert.deepEqual(r.reasons, r.verdict === "allow" ? [] : r.matches.filter((x) => x.decision === r.verdict));
    for (const x of r.reasons) assert.ok(r.matches.includes(x));
    // A text is never allowed when it was cut or not scanned.
    if (r.truncated || r.error) assert.notEqual(r.verdict, "allow");
    // verdict() is the report's, with the reason it is not the matches' own.
    const v = m.verdict(c.text);
    assert.deepEqual(v, {
      decision: r.verdict, report: r.report, maxSeverity: r.max_severity,
      reason: r.error?.code ?? (r.truncated ? "too-many-matches" : null),
    });
    m.free();
  });
}
