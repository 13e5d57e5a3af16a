// The precompiled bundled matcher (kavach_bundled.bin, installPrecompiled, setPrecompiledSource):
// refused when it is not this package's, and once installed it reads a matcher of every bundled
// list that finds exactly what the built one finds. Its own file: node --test runs each file in
// a fresh process, so nothing else has it installed. (In Node the package reads the file when
// first needed; js.test.mjs checks that. Here that source is turned off first.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { Matcher, installPrecompiled, setPrecompiledSource } = require("../pkg");
setPrecompiledSource(() => undefined);
const file = new URL("../pkg/kavach_bundled.bin", import.meta.url);
const root = new URL("../../../", import.meta.url);

// Texts of every kind the repository has: clean and abusive posts, evasions, every script.
const texts = [
  ...readFileSync(new URL("tests/corpus/clean-posts.txt", root), "utf8").split("\n"),
  ...readFileSync(new URL("examples/posts.jsonl", root), "utf8").split("\n").filter(Boolean)
    .map((l) => JSON.parse(l).text),
  ...JSON.parse(readFileSync(new URL("tests/vectors/evasion.json", root), "utf8")).cases.map((c) => c.text),
].filter((t) => typeof t === "string");

const refused = (bytes, reason) => {
  assert.throws(() => installPrecompiled(bytes), (e) => {
    assert.equal(e.name, "KavachError");
    assert.equal(e.code, "bad-precompiled");
    assert.match(e.message, reason);
    return true;
  });
};

test("bytes that are not this package's matcher are refused and nothing is kept", () => {
  const bytes = new Uint8Array(readFileSync(file));
  refused(new TextEncoder().encode('{"text": "hello"}'), /^not the compiled bundled matcher of this build: not a compiled kavach matcher$/);
  refused(bytes.subarray(0, bytes.length - 1), new RegExp(`: ${bytes.length - 1} bytes, where ${bytes.length} were written$`));
  const other = bytes.slice();
  other.fill(48, 16, 48); // another build's id
  refused(other, /written by another build \(id 0{32}, this build is [0-9a-f]{32}\)/);
  assert.equal(new Matcher({ lists: ["en", "hi", "hi-Latn", "child-safety"] }).precompiled, false);
});

test("a source that gives bytes of no use is tried once, and the matcher is built", () => {
  let calls = 0;
  setPrecompiledSource(() => {
    calls += 1;
    return new Uint8Array(64);
  });
  assert.equal(new Matcher({ lists: ["en"] }).precompiled, false);
  assert.equal(calls, 0, "not asked for a subset of the lists");
  assert.equal(new Matcher().precompiled, false);
  assert.equal(new Matcher().precompiled, false);
  assert.equal(calls, 1);
  setPrecompiledSource(() => {
    throw new Error("no such file");
  });
  assert.equal(new Matcher().find("what the f.u.c.k")[0].term, "fuck");
  // The shape the Node entry gives, `{ size, readInto(view) }`: the view is the module's memory
  // where the bytes are kept; what it fills is checked like any bytes.
  let viewed = 0;
  setPrecompiledSource(() => ({ size: 4096, readInto(view) { viewed = view.length; view.fill(7); } }));
  assert.equal(new Matcher().precompiled, false);
  assert.equal(viewed, 4096);
  for (const size of [-1, 1.5, 2 ** 40, "22"]) {
    setPrecompiledSource(() => ({ size, readInto() { throw new Error("not called"); } }));
    assert.equal(new Matcher().precompiled, false, `size ${size}`);
  }
  setPrecompiledSource(() => ({ size: 8, readInto() { throw new Error("cut short"); } }));
  assert.equal(new Matcher().precompiled, false);
  setPrecompiledSource(undefined);
});

test("installed, a matcher of every bundled list is read and finds what the built one finds", () => {
  const built = new Matcher();
  assert.equal(built.precompiled, false);
  installPrecompiled(readFileSync(file)); // a Node Buffer is a Uint8Array
  const read = new Matcher();
  assert.equal(read.precompiled, true);
  assert.deepEqual(read.lists, built.lists);
  assert.ok(texts.length > 1000, `${texts.length} texts`);
  let flagged = 0;
  for (const t of texts) {
    const [a, b] = [read.report(t), built.report(t)];
    assert.deepEqual(a, b, t);
    flagged += a.flagged;
  }
  assert.ok(flagged > 100, `${flagged} texts flagged`);
  // The same options pass through; a subset or a platform's list is still built.
  const strict = new Matcher({ reviewAt: "low", blockAt: "low" });
  assert.equal(strict.precompiled, true);
  assert.equal(strict.verdict("you idiot").decision, "block");
  const en = new Matcher({ lists: ["en"] });
  assert.equal(en.precompiled, false);
  assert.equal(en.find("what the f.u.c.k")[0].term, "fuck");
  // A second install changes nothing.
  installPrecompiled(readFileSync(file));
  assert.equal(new Matcher().precompiled, true);
});
