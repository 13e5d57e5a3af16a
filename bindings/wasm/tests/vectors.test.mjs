// The shared test vectors (tests/vectors/), which every binding runs: spans here are UTF-16.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { checkEvasionCase, evasionMatcher } from "./shared.mjs";

const require = createRequire(import.meta.url);
const { Matcher } = require("../pkg");
const vectors = new URL("../../../tests/vectors/", import.meta.url);
const evasion = JSON.parse(readFileSync(new URL("evasion.json", vectors), "utf8"));
const badLists = JSON.parse(readFileSync(new URL("bad-lists.json", vectors), "utf8"));

const listText = (p) => readFileSync(new URL(p, vectors), "utf8");
const fixture = evasionMatcher(Matcher, evasion, listText);

for (const c of evasion.cases) {
  test(`vector: ${c.name}`, () => {
    assert.deepEqual(checkEvasionCase(fixture, c), []);
  });
}

for (const c of badLists.cases) {
  test(`bad list: ${c.name}`, () => {
    const name = `bad.${c.format}`;
    const text = c.content_hex !== undefined ? Uint8Array.from(Buffer.from(c.content_hex, "hex")) : c.content;
    const build = () => new Matcher({ bundled: false, extraLists: [{ text, format: c.format, name }] });
    if (c.code === null) {
      assert.equal(build().lists[0].entries, c.entries);
      return;
    }
    assert.throws(build, (e) => {
      assert.ok(e instanceof Error);
      assert.equal(e.code, c.code);
      assert.equal(e.line ?? null, c.line);
      assert.equal(e.file, name);
      if (c.message) assert.equal(e.message, c.message);
      return true;
    });
  });
}
