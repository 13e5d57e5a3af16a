// The browser pre-submit check (examples/browser/) in Debian's Chromium, driven by
// playwright-core: the states of the form asserted in the DOM (blocked, review, over a limit,
// clean, the checker failing to load) and its accessibility attributes; screenshots for people.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serveStatic } from "./serve.mjs";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

let stop, browser, base;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} not found: apt-get install -y chromium (or set CHROMIUM)`);
  // The repository, served as it is: the page works offline from any static server.
  ({ base, close: stop } = await serveStatic(ROOT));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--headless"] });
});

after(async () => {
  await browser?.close();
  stop?.();
});

async function open(route) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  if (route) await route(page);
  await page.goto(`${base}/examples/browser/`);
  return { page, errors };
}

/** The form's state as the DOM shows it. */
async function state(page) {
  return page.evaluate(() => {
    const post = document.getElementById("post");
    const limit = document.getElementById("limit");
    const reasons = document.getElementById("reasons");
    return {
      state: document.body.dataset.state,
      postDisabled: document.getElementById("submit").disabled,
      invalid: post.getAttribute("aria-invalid"),
      describedby: post.getAttribute("aria-describedby"),
      why: document.getElementById("why").textContent,
      whyClass: document.getElementById("why").className,
      limit: limit.hidden ? null : limit.textContent,
      reasons: reasons.hidden ? [] : [...reasons.children].map((li) => li.textContent),
      marks: [...document.querySelectorAll("#preview mark")].map((m) => [m.textContent, m.className]),
    };
  });
}

test("the live region and the preview", async () => {
  const { page, errors } = await open();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.locator("#why").getAttribute("role"), "status");
  assert.equal(await page.locator("#preview").getAttribute("aria-live"), null);
  assert.equal(await page.locator("#preview [aria-live]").count(), 0);
  assert.equal(await page.locator("#post").getAttribute("aria-describedby"), "why");
  assert.equal(await page.locator("#post").getAttribute("aria-invalid"), "false");
  assert.equal(await page.locator("#submit").isDisabled(), true, "nothing to post yet");
  assert.deepEqual(errors, []);
  await page.close();
});

test("an evasive phrase is highlighted and blocks Post; a clean one enables it", async () => {
  const { page, errors } = await open();
  await page.waitForSelector("body[data-ready=true]");

  // "f.u.с.k" with a Cyrillic с, typed key by key.
  await page.locator("#post").pressSequentially("what the f.u.\u0441.k is this");
  await assert.doesNotReject(page.waitForSelector("#preview mark"));
  let s = await state(page);
  assert.deepEqual(s.marks, [["f.u.\u0441.k", "decision-block severity-high"]]);
  assert.equal(s.state, "block");
  assert.equal(s.postDisabled, true);
  assert.equal(s.invalid, "true");
  assert.equal(s.describedby, "why");
  assert.equal(s.whyClass, "block");
  assert.match(s.why, /^✕ Blocked — This post can't be published: it contains “fuck” \(profanity, high\)\.$/);
  assert.deepEqual(s.reasons, ["“fuck” (profanity, high)"]);
  assert.equal(s.limit, null);
  await mkdir(join(ROOT, "target"), { recursive: true });
  await page.screenshot({ path: join(ROOT, "target", "browser-check-blocked.png") });

  await page.locator("#post").fill("");
  await page.locator("#post").pressSequentially("Great match last night, see you in Scunthorpe 😀");
  s = await state(page);
  assert.deepEqual(s.marks, []);
  assert.equal(s.state, "allow");
  assert.equal(s.postDisabled, false);
  assert.equal(s.invalid, "false");
  assert.equal(s.whyClass, "allow");
  assert.match(s.why, /Ready to post/);
  assert.deepEqual(s.reasons, []);
  await page.screenshot({ path: join(ROOT, "target", "browser-check.png") });
  await page.locator("#submit").click();
  assert.equal(await page.locator("#posted").isVisible(), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test("review: Post stays disabled, the reasons are the matches that drove the verdict", async () => {
  const { page, errors } = await open();
  await page.waitForSelector("body[data-ready=true]");
  await page.locator("#post").fill("damn, this is shit");
  let s = await state(page);
  assert.equal(s.state, "review");
  assert.deepEqual(s.marks, [["damn", "decision-allow severity-low"], ["shit", "decision-review severity-medium"]]);
  assert.equal(s.postDisabled, true);
  assert.equal(s.invalid, "true");
  assert.equal(s.whyClass, "review");
  assert.match(s.why, /^⚠ Needs review — .*“shit” \(profanity, medium\)/);
  assert.doesNotMatch(s.why, /damn/);
  assert.deepEqual(s.reasons, ["“shit” (profanity, medium)"]);
  await page.screenshot({ path: join(ROOT, "target", "browser-check-review.png") });

  // A mild match alone is allowed, marked as such.
  await page.locator("#post").fill("damn, that was close");
  s = await state(page);
  assert.deepEqual([s.state, s.postDisabled, s.invalid, s.reasons], ["allow", false, "false", []]);
  assert.deepEqual(s.marks, [["damn", "decision-allow severity-low"]]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("over the limits: the first matches and a visible limit message, Post disabled", async () => {
  const { page, errors } = await open();
  await page.waitForSelector("body[data-ready=true]");
  await page.locator("#post").fill("fuck ".repeat(1001));
  let s = await state(page);
  assert.equal(s.state, "limit");
  assert.equal(s.marks.length, 1000);
  assert.equal(s.postDisabled, true);
  assert.equal(s.invalid, "true");
  assert.equal(s.describedby, "why limit");
  assert.match(s.why, /Blocked/);
  assert.match(s.limit, /only the first 1000 are marked/);
  assert.equal(await page.locator("#limit").isVisible(), true);
  assert.deepEqual(s.reasons, ["“fuck” (profanity, high)"]);
  await page.screenshot({ path: join(ROOT, "target", "browser-check-limit.png") });

  // Many mild matches: cut at the limit, so review rather than allow.
  await page.locator("#post").fill("damn ".repeat(1001));
  s = await state(page);
  assert.deepEqual([s.state, s.postDisabled, s.invalid, s.whyClass], ["limit", true, "true", "review"]);
  assert.match(s.why, /Needs review/);
  assert.match(s.limit, /only the first 1000/);

  // Over the length limit: not checked at all.
  await page.locator("#post").fill("a".repeat((1 << 20) + 1));
  s = await state(page);
  assert.deepEqual([s.state, s.postDisabled, s.invalid, s.describedby], ["error", true, "true", "why limit"]);
  assert.match(s.why, /Not checked/);
  assert.match(s.limit, /text of 1048577 bytes is over the limit of 1048576 bytes/);

  // Back under the limits, the form recovers.
  await page.locator("#post").fill("hello");
  s = await state(page);
  assert.deepEqual([s.state, s.postDisabled, s.invalid, s.limit, s.describedby], ["allow", false, "false", null, "why"]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the checker failing to load leaves Post disabled with a visible message", async () => {
  const { page, errors } = await open((p) => p.route("**/*.wasm", (r) => r.fulfill({ status: 404, body: "not found" })));
  await page.waitForSelector("body[data-state=error]");
  const s = await state(page);
  assert.equal(s.postDisabled, true);
  assert.equal(s.invalid, "true");
  assert.match(s.why, /Posting is turned off — the checker could not be loaded/);
  assert.equal(await page.locator("#why").isVisible(), true);
  assert.equal(await page.locator("#post").isDisabled(), true);
  assert.equal(await page.locator("body[data-ready]").count(), 0);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: join(ROOT, "target", "browser-check-failed.png") });
  await page.close();

  // The JavaScript glue missing too.
  const other = await open((p) => p.route("**/kavach_wasm.js", (r) => r.fulfill({ status: 404, body: "" })));
  await other.page.waitForSelector("body[data-state=error]");
  assert.equal(await other.page.locator("#submit").isDisabled(), true);
  assert.match(await other.page.locator("#why").textContent(), /could not be loaded/);
  await other.page.close();
});

test("an exception while checking leaves Post disabled with a visible message", async () => {
  // The real glue, with a report() that throws on one text.
  const { page } = await open((p) => p.route("**/kavach_wasm.js", async (r) => {
    const res = await r.fetch();
    const body = (await res.text()).replace("    report(text) {", '    report(text) { if (text.includes("boom")) throw new Error("boom");');
    assert.match(body, /throw new Error\("boom"\)/);
    await r.fulfill({ response: res, body });
  }));
  await page.waitForSelector("body[data-ready=true]");
  await page.locator("#post").fill("hello");
  assert.equal(await page.locator("#submit").isDisabled(), false);
  await page.locator("#post").fill("hello boom");
  let s = await state(page);
  assert.deepEqual([s.state, s.postDisabled, s.invalid], ["error", true, "true"]);
  assert.match(s.why, /Posting is turned off — the text could not be checked/);
  await page.locator("#post").fill("hello again");
  s = await state(page);
  assert.deepEqual([s.state, s.postDisabled, s.invalid], ["allow", false, "false"]);
  await page.close();
});

test("the shared vectors give the same results in Chromium (web build, UTF-16 spans)", async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${base}/bindings/wasm/tests/tsconfig.json`); // any page of the server: same origin
  const failures = await page.evaluate(async () => {
    const { default: init, Matcher } = await import("/bindings/wasm/pkg/web/kavach_wasm.js");
    const shared = await import("/bindings/wasm/tests/shared.mjs");
    await init();
    const get = async (p) => (await fetch(`/tests/vectors/${p}`)).text();
    const docs = {
      reports: JSON.parse(await get("reports.json")),
      evasion: JSON.parse(await get("evasion.json")),
    };
    const lists = {};
    for (const p of new Set([...docs.reports.cases.flatMap((c) => c.list_files), ...docs.evasion.lists])) {
      lists[p] = await get(p);
    }
    const listText = (p) => lists[p];
    const out = [];
    for (const c of docs.reports.cases) {
      for (const p of shared.checkReportCase(Matcher, c, listText)) out.push(`report ${c.name}: ${p}`);
    }
    const m = shared.evasionMatcher(Matcher, docs.evasion, listText);
    for (const c of docs.evasion.cases) {
      for (const p of shared.checkEvasionCase(m, c)) out.push(`evasion ${c.name}: ${p}`);
    }
    out.push(`ran ${docs.reports.cases.length + docs.evasion.cases.length} cases`);
    return out;
  });
  const ran = failures.pop();
  assert.deepEqual(failures, []);
  assert.match(ran, /^ran \d{3,} cases$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the precompiled matcher installs in Chromium and finds what the built one finds", async (t) => {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${base}/bindings/wasm/tests/tsconfig.json`); // any page of the server: same origin
  const out = await page.evaluate(async () => {
    const { default: init, Matcher, installPrecompiled } = await import("/bindings/wasm/pkg/web/kavach_wasm.js");
    await init();
    const t0 = performance.now();
    const built = new Matcher(); // before the install: built
    const t1 = performance.now();
    const bytes = new Uint8Array(await (await fetch("/bindings/wasm/pkg/kavach_bundled.bin")).arrayBuffer());
    const t2 = performance.now();
    installPrecompiled(bytes);
    const t3 = performance.now();
    const read = new Matcher();
    const t4 = performance.now();
    const texts = ["what the f.u.\u0441.k 😀", "तू चूतिया है", "tu chootiya hai @friend", "Scunthorpe classic", "pthc"];
    return {
      precompiled: [read.precompiled, built.precompiled],
      same: texts.map((x) => JSON.stringify(read.report(x)) === JSON.stringify(built.report(x))),
      terms: read.find(texts.join(" | ")).map((m) => m.term),
      ms: { built: t1 - t0, fetch: t2 - t1, install: t3 - t2, readMatcher: t4 - t3 },
    };
  });
  assert.deepEqual(out.precompiled, [true, false]);
  assert.deepEqual(out.same, [true, true, true, true, true]);
  assert.deepEqual(out.terms, ["fuck", "चूतिया", "chootiya", "pthc"]);
  assert.deepEqual(errors, []);
  // Figures for people (a benchmark, not an assertion): one cold run on this machine.
  t.diagnostic(`Chromium, ms: ${JSON.stringify(Object.fromEntries(Object.entries(out.ms).map(([k, v]) => [k, Math.round(v * 10) / 10])))}`);
  await page.close();
});
