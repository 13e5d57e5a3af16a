// JavaScript-specific behaviour: options, errors, offsets after emoji and in Devanagari, large inputs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const { Matcher, bundledLists } = require("../pkg");
const m = new Matcher();

test("UTF-16 offsets after emoji, ZWJ sequences and in Devanagari", () => {
  const text = "👩‍👩‍👧 ok 😀 तू चूतिया है, f.u.c.k 🇮🇳";
  const found = m.find(text);
  assert.deepEqual(found.map((x) => x.text), ["चूतिया", "f.u.c.k"]);
  for (const x of found) assert.equal(text.slice(x.start, x.end), x.text);
  assert.equal(found[0].list, "hi");
  assert.deepEqual(found[1].transforms, ["separator"]);
});

test("matches are plain objects", () => {
  const [x] = m.find("fuck");
  assert.deepEqual(x, {
    start: 0, end: 4, text: "fuck", term: "fuck", category: "profanity", severity: "high",
    list: "en", version: "0.2.0", transforms: [],
  });
  assert.deepEqual(JSON.parse(JSON.stringify(x)), x);
});

test("verdict, censor, isMatch", () => {
  assert.deepEqual(m.verdict("tu chootiya hai"), { decision: "block", report: false, maxSeverity: "high" });
  assert.deepEqual(m.verdict("hello"), { decision: "allow", report: false, maxSeverity: null });
  assert.equal(m.verdict("pthc").report, true);
  assert.equal(m.censor("what the fuck"), "what the ****");
  assert.equal(m.censor("what the fuck", { mask: "#", keepFirst: true }), "what the f###");
  assert.equal(m.isMatch("f u c k"), true);
  assert.equal(m.isMatch("Scunthorpe"), false);
});

test("lists and policy options", () => {
  assert.deepEqual(bundledLists(), ["en", "hi", "hi-Latn", "child-safety"]);
  const mine = new Matcher({ lists: ["en"], extraLists: [{ text: "gobbledygook\n", format: "txt", name: "platform" }] });
  assert.deepEqual(mine.lists.map((l) => l.id), ["en", "platform"]);
  assert.deepEqual(mine.find("gobbledygook and shit").map((x) => x.list), ["platform", "en"]);
  assert.equal(new Matcher({ lists: ["en"], reviewAt: "low", blockAt: "medium" }).verdict("shit").decision, "block");
  assert.equal(new Matcher({ lists: ["en"] }).verdict("shit").decision, "review");
  mine.free();
});

test("errors are Errors with the core's code and message", () => {
  const codeOf = (f) => {
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof Error);
      return [e.code, e.message];
    }
    assert.fail("did not throw");
  };
  assert.deepEqual(codeOf(() => new Matcher({ lists: ["nope"] })),
    ["unknown-list", "no bundled list `nope` (bundled: en, hi, hi-Latn, child-safety)"]);
  assert.equal(codeOf(() => new Matcher({ lists: ["en", "en"] }))[0], "duplicate-list");
  assert.equal(codeOf(() => new Matcher({ lists: "en" }))[0], "bad-option");
  assert.equal(codeOf(() => new Matcher({ reviewAt: "awful" }))[0], "unknown-severity");
  assert.equal(codeOf(() => new Matcher({ extraLists: [{ text: "x", format: "xml" }] }))[0], "bad-option");
  assert.equal(codeOf(() => new Matcher({ extraLists: [{}] }))[0], "bad-option");
  assert.equal(codeOf(() => m.censor("x", { mask: "##" }))[0], "bad-option");
  assert.equal(codeOf(() => new Matcher(42))[0], "bad-option");
  // The matcher still works after errors: nothing aborted the module.
  assert.equal(m.find("shit").length, 1);
});

test("non-string text is a TypeError-like Error, and a freed matcher throws", () => {
  const x = new Matcher({ lists: ["en"] });
  x.free();
  assert.throws(() => x.find("fuck"));
  assert.equal(m.isMatch("fuck"), true);
});

test("limits throw, they do not truncate", () => {
  const codeOf = (f) => {
    try {
      f();
    } catch (e) {
      return [e.code, e.message];
    }
    return null;
  };
  assert.deepEqual(codeOf(() => m.find("a".repeat((1 << 20) + 1))),
    ["input-too-long", "text of 1048577 bytes is over the limit of 1048576 bytes"]);
  assert.equal(codeOf(() => m.isMatch("a".repeat(2 << 20)))[0], "input-too-long");
  const small = new Matcher({ lists: ["en"], maxInputBytes: 100, maxMatches: 2 });
  assert.equal(codeOf(() => small.verdict("shit shit shit"))[0], "too-many-matches");
  assert.equal(codeOf(() => small.censor("x".repeat(101)))[0], "input-too-long");
  assert.equal(codeOf(() => new Matcher({ maxMatches: -1 }))[0], "bad-option");
  assert.equal(small.find("shit shit").length, 2);
});

test("large inputs", () => {
  const m = new Matcher({ maxInputBytes: null, maxMatches: null });
  const text = "clean words here ".repeat(300_000) + "and then f.u.c.k at the end 😀";
  const found = m.find(text);
  assert.deepEqual(found.map((x) => x.text), ["f.u.c.k"]);
  assert.equal(text.slice(found[0].start, found[0].end), "f.u.c.k");
  assert.deepEqual(m.find("a".repeat(5_000_000)), []);
  assert.deepEqual(m.find("\u0301".repeat(100_000)), []);
});

test("lone surrogates do not break offsets", () => {
  const text = "\ud800 fuck \udc00";
  const [x] = m.find(text);
  assert.equal(text.slice(x.start, x.end), "fuck");
});

test("the Big List of Naughty Strings", () => {
  const strings = JSON.parse(readFileSync(new URL("../../../tests/vectors/blns.json", import.meta.url), "utf8"));
  assert.ok(strings.length > 400);
  for (const s of [...strings, strings.join("\n")]) {
    for (const x of m.find(s)) assert.equal(s.slice(x.start, x.end), x.text);
    m.censor(s);
    m.verdict(s);
    m.isMatch(s);
  }
});
