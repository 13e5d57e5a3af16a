// The shared report vectors (tests/vectors/reports.json): how a matcher is composed from options
// and the platform's lists, and how limits fail closed. Spans here are UTF-16.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { checkReportCase } from "./shared.mjs";

const require = createRequire(import.meta.url);
const { Matcher } = require("../pkg");
const vectors = new URL("../../../tests/vectors/", import.meta.url);
const doc = JSON.parse(readFileSync(new URL("reports.json", vectors), "utf8"));
const listText = (p) => readFileSync(new URL(p, vectors), "utf8");

assert.ok(doc.cases.length > 0);
for (const c of doc.cases) {
  test(`report vector: ${c.name}`, () => {
    assert.deepEqual(checkReportCase(Matcher, c, listText), []);
  });
}
