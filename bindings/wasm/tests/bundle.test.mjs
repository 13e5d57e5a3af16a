// The npm package as a web app gets it: packed, installed into a fresh project, bundled and run in
// Debian's Chromium. esbuild through the inline entry (no bundler setting at all) and through the
// default entry with the module's URL from its file loader; webpack and Vite unmodified, through the
// default entry, which finds the .wasm with `new URL("kavach_wasm_bg.wasm", import.meta.url)`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import webpack from "webpack";
import { build as viteBuild } from "vite";
import { chromium } from "playwright-core";
import { serveStatic } from "./serve.mjs";

const PKG = fileURLToPath(new URL("../pkg/", import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const TEXT = "what the f.u.c.k 😀 तू चूतिया है";

const REPORT = `document.body.dataset.found = JSON.stringify(m.find(${JSON.stringify(TEXT)}).map((x) => [x.start, x.end, x.term]));`;
// What a user's app would write: the default entry, init() with no argument.
const DEFAULT_ENTRY = `import init, { Matcher } from "kavach";
await init();
const m = new Matcher();
${REPORT}`;
const ESBUILD = { bundle: true, format: "esm", platform: "browser", logLevel: "silent" };

// Every app is a folder with index.html loading ./main.mjs: name -> [files, bundle(app, outdir)].
const simple = (main) => ({ "main.mjs": main, "index.html": page("./main.mjs") });
const WORKER = fileURLToPath(new URL("../../../examples/web-worker/", import.meta.url));
const worker = async () => Object.fromEntries(await Promise.all(
  (await readdir(WORKER)).map(async (f) => [f, await readFile(join(WORKER, f), "utf8")])));
const APPS = {
  "esbuild-inline": [simple(`import init, { Matcher } from "kavach/inline";
await init();
const m = new Matcher();
${REPORT}`), (app, outdir) => esbuildPage(app, outdir, {})],
  "esbuild-file-loader": [simple(`import init, { Matcher } from "kavach";
import wasm from "kavach/kavach_wasm_bg.wasm";
await init({ module_or_path: wasm });
const m = new Matcher();
${REPORT}`), (app, outdir) => esbuildPage(app, outdir, { ".wasm": "file" })],
  webpack: [simple(DEFAULT_ENTRY), webpackPage],
  vite: [simple(DEFAULT_ENTRY), vitePage],
  // examples/web-worker as it is.
  "webpack-worker": [worker, webpackPage],
  "vite-worker": [worker, vitePage],
};

/** The app's index.html, loading the bundle instead of main.mjs. */
async function pageFor(app, outdir, bundle) {
  const html = await readFile(join(app, "index.html"), "utf8");
  await writeFile(join(outdir, "index.html"), html.replace("./main.mjs", bundle));
}

async function esbuildPage(app, outdir, loader) {
  await esbuild.build({ ...ESBUILD, entryPoints: [join(app, "main.mjs")], outdir, loader });
  await pageFor(app, outdir, "./main.js");
}

async function webpackPage(app, outdir) {
  const config = { mode: "production", context: app, entry: "./main.mjs", target: "web", output: { path: outdir, filename: "main.js" } };
  const stats = await new Promise((ok, fail) => webpack(config, (err, s) => (err ? fail(err) : ok(s))));
  assert.ok(!stats.hasErrors(), stats.toString("errors-only"));
  await pageFor(app, outdir, "./main.js");
}

async function vitePage(app, outdir) {
  // Vite's entry is the page itself.
  await viteBuild({ root: app, base: "./", logLevel: "silent", configFile: false, build: { outDir: outdir, target: "es2022" } });
}

function page(src) {
  return `<!doctype html><meta charset="utf-8"><script type="module" src="${src}"></script>`;
}

let project, stop, browser, base;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} not found: apt-get install -y chromium (or set CHROMIUM)`);
  project = await mkdtemp(join(tmpdir(), "kavach-bundle-"));
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", project], { cwd: PKG }));
  await writeFile(join(project, "package.json"), JSON.stringify({ name: "app", private: true }));
  execFileSync("npm", ["install", "--silent", "--no-audit", "--no-fund", packed.filename], { cwd: project });
  for (const [name, [files, bundle]] of Object.entries(APPS)) {
    const app = join(project, name);
    const outdir = join(project, "dist", name);
    await mkdir(app);
    await mkdir(outdir, { recursive: true });
    for (const [file, text] of Object.entries(typeof files === "function" ? await files() : files)) {
      await writeFile(join(app, file), text);
    }
    await bundle(app, outdir);
  }
  ({ base, close: stop } = await serveStatic(join(project, "dist")));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--headless"] });
});

after(async () => {
  await browser?.close();
  stop?.();
  if (project) await rm(project, { recursive: true, force: true });
});

for (const name of Object.keys(APPS).filter((n) => !n.endsWith("-worker"))) {
  test(`${name} bundle: finds terms in Chromium with UTF-16 spans`, async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base}/${name}/`);
    await page.waitForSelector("body[data-found]", { state: "attached", timeout: 30_000 });
    const found = JSON.parse(await page.evaluate(() => document.body.dataset.found));
    assert.deepEqual(errors, []);
    assert.deepEqual(found.map((f) => f[2]), ["fuck", "चूतिया"]);
    for (const [start, end, term] of found) {
      assert.ok(term === "fuck" ? TEXT.slice(start, end) === "f.u.c.k" : TEXT.slice(start, end) === "चूतिया");
    }
    await page.close();
  });
}

// examples/web-worker: a long text (about 0.6 MB of post-shaped lines, emoji before the term)
// checked in a worker; the reply's UTF-16 span is the term in the page's own string.
const LINE = "नमस्ते @friend https://example.com/p?id=42 😀 good morning, kal milte hain!\n";
const LONG = `${LINE.repeat(7_000)}tu chootiya hai`;

for (const name of ["webpack-worker", "vite-worker"]) {
  test(`${name} bundle (examples/web-worker): a long text checked in the worker`, async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${base}/${name}/`);
    // Set as a paste would (typing 0.5 M characters through the test driver is slow).
    await page.$eval("#text", (area, text) => { area.value = text; }, LONG);
    await page.click("#check");
    await page.waitForSelector("#result[data-verdict]", { timeout: 30_000 });
    const start = LONG.indexOf("chootiya");
    assert.equal(await page.textContent("#result"), `block: chootiya at ${start}–${start + 8}`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test(`${name} bundle (examples/web-worker): fails closed when the module cannot load`, async () => {
    const page = await browser.newPage();
    const failed = [];
    await page.route("**/*.wasm", (route) => { failed.push(route.request().url()); return route.fulfill({ status: 404 }); });
    await page.goto(`${base}/${name}/`);
    await page.fill("#text", "have a nice day");
    await page.click("#check");
    await page.waitForSelector("#result[data-verdict]", { timeout: 30_000 });
    assert.equal(await page.getAttribute("#result", "data-verdict"), "error");
    assert.match(await page.textContent("#result"), /^Not checked \(.+\), so it cannot be posted\.$/);
    assert.equal(failed.length, 1);
    await page.close();
  });
}
