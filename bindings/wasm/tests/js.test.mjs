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

test("in Node the bundled matcher is read from the file the package ships, not built", () => {
  assert.equal(m.precompiled, true);
  assert.equal(new Matcher({ lists: ["en"] }).precompiled, false);
});

test("matches are plain objects", () => {
  const [x] = m.find("fuck");
  assert.deepEqual(x, {
    start: 0, end: 4, text: "fuck", term: "fuck", category: "profanity", severity: "high",
    decision: "block", list: "en", version: "1.3.0", transforms: [],
  });
  assert.deepEqual(JSON.parse(JSON.stringify(x)), x);
});

test("verdict, censor, isMatch", () => {
  assert.deepEqual(m.verdict("tu chootiya hai"), { decision: "block", report: false, maxSeverity: "high", reason: null });
  assert.deepEqual(m.verdict("hello"), { decision: "allow", report: false, maxSeverity: null, reason: null });
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

test("extraLists are added to the bundled lists; bundled: false replaces them", () => {
  const extra = [{ text: "gobbledygook\n", format: "txt", name: "platform.txt" }];
  const added = new Matcher({ extraLists: extra });
  assert.deepEqual(added.lists.map((l) => l.id), [...bundledLists(), "platform"]);
  assert.deepEqual(added.find("gobbledygook, fuck and pthc").map((x) => x.list), ["platform", "en", "child-safety"]);
  const only = new Matcher({ extraLists: extra, bundled: false });
  assert.deepEqual(only.lists.map((l) => l.id), ["platform"]);
  assert.deepEqual(only.find("gobbledygook, fuck").map((x) => x.list), ["platform"]);
  // A platform list with the id of a bundled list in use is an error naming it.
  assert.throws(() => new Matcher({ extraLists: [{ text: "zork\n", format: "txt", name: "en.txt" }] }),
    (e) => e.code === "duplicate-list" && e.file === "en.txt");
  assert.deepEqual(new Matcher({ lists: ["hi"], extraLists: [{ text: "zork\n", format: "txt", name: "en.txt" }] })
    .lists.map((l) => l.id), ["hi", "en"]);
});

test("options are passed to the core by name: unknown names and bad values are bad-option", () => {
  const codeOf = (o) => {
    try {
      new Matcher(o).free();
    } catch (e) {
      assert.equal(e.name, "KavachError");
      return [e.code, e.message];
    }
    return null;
  };
  const [code, message] = codeOf({ maxMatchez: 5 });
  assert.equal(code, "bad-option");
  assert.match(message, /unknown option `maxMatchez`/);
  assert.equal(codeOf({ lists: ["en"], reviewAt: "critical", blockAt: "medium" })[0], "bad-option");
  assert.equal(codeOf({ reviewAt: null })[0], "bad-option");
  assert.equal(codeOf({ maxMatches: 1.5 })[0], "bad-option");
  assert.equal(codeOf({ maxMatches: "many" })[0], "bad-option");
  assert.equal(codeOf({ maxMatches: [1] })[0], "bad-option");
  assert.equal(codeOf({ bundled: "yes" })[0], "bad-option");
  assert.equal(codeOf({ bundled: false, lists: ["en"] })[0], "bad-option");
  assert.equal(codeOf({ bundled: false })[0], "no-lists");
  // Accepted spellings: camelCase names, numbers and numeric strings, null or 0 for no limit.
  assert.equal(codeOf({ maxMatches: "10", maxInputBytes: null, review_at: "low", blockAt: "medium", bundled: true }), null);
  assert.equal(codeOf({ maxMatches: 0, maxInputBytes: undefined }), null);
  assert.equal(new Matcher({ maxInputBytes: 0 }).find("a".repeat((1 << 20) + 1)).length, 0);
});

test("a text that is not a string is a TypeError", () => {
  for (const bad of [42, null, undefined, {}, ["fuck"], Symbol("x"), 1n]) {
    for (const call of [(t) => m.find(t), (t) => m.isMatch(t), (t) => m.censor(t), (t) => m.verdict(t), (t) => m.report(t)]) {
      assert.throws(() => call(bad), (e) => e instanceof TypeError && e.code === "not-text" && /expected a string/.test(e.message));
    }
  }
  assert.throws(() => m.find(42), { message: "text: expected a string, found number" });
  assert.throws(() => m.find(null), { message: "text: expected a string, found null or undefined" });
  assert.throws(() => m.find({}), { message: "text: expected a string, found object" });
  // Nothing broke: the matcher still works.
  assert.equal(m.find("fuck").length, 1);
});

test("a freed matcher throws a KavachError with code freed", () => {
  const x = new Matcher({ lists: ["en"] });
  assert.equal(x.isMatch("fuck"), true);
  x.free();
  for (const call of [() => x.find("fuck"), () => x.isMatch("fuck"), () => x.censor("fuck"), () => x.verdict("fuck"),
    () => x.report("fuck"), () => x.lists]) {
    assert.throws(call, (e) => e instanceof Error && e.name === "KavachError" && e.code === "freed");
  }
  x.free(); // twice is harmless
  const y = new Matcher({ lists: ["en"] });
  y[Symbol.dispose]?.();
  assert.throws(() => y.find("fuck"), { code: "freed" });
  assert.equal(m.isMatch("fuck"), true);
});

test("report: the canonical form, with the reasons that drove the verdict", () => {
  const text = "😀 damn, what the f.u.c.k";
  const r = m.report(text);
  assert.deepEqual(Object.keys(r), ["status", "flagged", "verdict", "report", "max_severity", "truncated", "error", "matches", "reasons"]);
  assert.equal(r.status, "scanned");
  assert.equal(r.verdict, "block");
  assert.equal(r.max_severity, "high");
  assert.equal(r.error, null);
  assert.deepEqual(r.matches.map((x) => [text.slice(x.start, x.end), x.decision]), [["damn", "allow"], ["f.u.c.k", "block"]]);
  assert.deepEqual(r.reasons, [r.matches[1]]);
  assert.equal(r.reasons[0], r.matches[1]);
  assert.deepEqual(r.matches, m.find(text));
  const clean = m.report("hello");
  assert.deepEqual([clean.verdict, clean.flagged, clean.matches, clean.reasons], ["allow", false, [], []]);
  // Strings that need escaping come back whole.
  const odd = "\"fuck\"\n\\ \u0000 \u2028";
  assert.equal(m.report(odd).matches[0].text, "fuck");
});

test("over a limit, verdict and report fail closed rather than throw", () => {
  const text = "fuck ".repeat(1001);
  assert.deepEqual(m.verdict(text), { decision: "block", report: false, maxSeverity: "high", reason: "too-many-matches" });
  const r = m.report(text);
  assert.equal(r.truncated, true);
  assert.equal(r.matches.length, 1000);
  assert.equal(r.reasons.length, 1000);
  assert.throws(() => m.find(text), { code: "too-many-matches", message: "text has 1001 matches, over the limit of 1000" });
  // Cut matches that are all mild still send the text to review.
  const small = new Matcher({ lists: ["en"], maxMatches: 2, maxInputBytes: 100 });
  assert.deepEqual(small.verdict("damn damn damn"), { decision: "review", report: false, maxSeverity: "low", reason: "too-many-matches" });
  assert.deepEqual(small.report("damn damn damn").reasons, []);
  // Over the length limit: not scanned, review, and the reason.
  assert.deepEqual(small.verdict("fuck ".repeat(30)), { decision: "review", report: false, maxSeverity: null, reason: "input-too-long" });
  const long = small.report("x".repeat(101));
  assert.deepEqual([long.status, long.verdict, long.error.code, long.matches], ["error", "review", "input-too-long", []]);
  assert.equal(long.error.message, "text of 101 bytes is over the limit of 100 bytes");
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
  assert.equal(codeOf(() => new Matcher({ reviewAt: "awful" }))[0], "bad-option");
  assert.equal(codeOf(() => new Matcher({ extraLists: [{ text: "x", format: "txt", severity: "awful" }] }))[0], "unknown-severity");
  assert.equal(codeOf(() => new Matcher({ extraLists: [{ text: "x", format: "xml" }] }))[0], "bad-option");
  assert.equal(codeOf(() => new Matcher({ extraLists: [{}] }))[0], "bad-option");
  assert.equal(codeOf(() => m.censor("x", { mask: "##" }))[0], "bad-option");
  assert.equal(codeOf(() => new Matcher(42))[0], "bad-option");
  // The matcher still works after errors: nothing aborted the module.
  assert.equal(m.find("shit").length, 1);
});

test("find, isMatch and censor throw for limits", () => {
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
  assert.deepEqual(codeOf(() => small.find("shit shit shit")), ["too-many-matches", "text has 3 matches, over the limit of 2"]);
  assert.equal(codeOf(() => small.verdict("shit shit shit")), null);
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

test("a list too large to build is refused before it is built, and the instance builds the next", () => {
  // 100,000 generated words: about 750 MB estimated natively, over the 256 MiB default of wasm.
  let x = 0x9e3779b9;
  const next = () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), x >>> 0);
  const words = [];
  for (let i = 0; i < 100_000; i++) {
    let w = "";
    for (let k = 5 + (next() % 6); k > 0; k--) w += String.fromCharCode(97 + (next() % 26));
    words.push(w);
  }
  const big = { text: words.join("\n") + "\n", format: "txt", id: "big" };
  assert.throws(
    () => new Matcher({ bundled: false, extraLists: [big] }),
    (e) =>
      e.name === "KavachError" &&
      e.code === "list-too-large" &&
      /over the limit of 268435456 bytes \(max-build-bytes\)$/.test(e.message),
  );
  assert.throws(
    () => new Matcher({ bundled: false, extraLists: [{ text: "a".repeat(101) + "\n", format: "txt" }] }),
    (e) => e.code === "term-too-long" && e.line === 1,
  );
  const fresh = new Matcher();
  assert.equal(fresh.find("what the fuck")[0].term, "fuck");
  fresh.free();
});
