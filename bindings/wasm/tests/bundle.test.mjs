// The npm package as a web app gets it: packed, installed into a fresh project, bundled with
// esbuild and run in Debian's Chromium, through the inline entry (no bundler setting at all) and
// through the default entry with the module's URL from esbuild's file loader.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { chromium } from "playwright-core";
import { serveStatic } from "./serve.mjs";

const PKG = fileURLToPath(new URL("../pkg/", import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const TEXT = "what the f.u.c.k 😀 तू चूतिया है";

const APPS = {
  inline: `import init, { Matcher } from "kavach/inline";
await init();
const m = new Matcher();
document.body.dataset.found = JSON.stringify(m.find(${JSON.stringify(TEXT)}).map((x) => [x.start, x.end, x.term]));`,
  "file-loader": `import init, { Matcher } from "kavach";
import wasm from "kavach/kavach_wasm_bg.wasm";
await init({ module_or_path: wasm });
const m = new Matcher();
document.body.dataset.found = JSON.stringify(m.find(${JSON.stringify(TEXT)}).map((x) => [x.start, x.end, x.term]));`,
};

let project, stop, browser, base;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} not found: apt-get install -y chromium (or set CHROMIUM)`);
  project = await mkdtemp(join(tmpdir(), "kavach-bundle-"));
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", project], { cwd: PKG }));
  await writeFile(join(project, "package.json"), JSON.stringify({ name: "app", private: true }));
  execFileSync("npm", ["install", "--silent", "--no-audit", "--no-fund", packed.filename], { cwd: project });
  for (const [name, source] of Object.entries(APPS)) {
    await writeFile(join(project, `${name}.mjs`), source);
    await esbuild.build({
      entryPoints: [join(project, `${name}.mjs`)],
      bundle: true,
      format: "esm",
      platform: "browser",
      outdir: join(project, "dist", name),
      loader: { ".wasm": "file" },
      logLevel: "silent",
    });
    await writeFile(join(project, "dist", name, "index.html"),
      `<!doctype html><meta charset="utf-8"><script type="module" src="./${name}.js"></script>`);
  }
  ({ base, close: stop } = await serveStatic(join(project, "dist")));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--headless"] });
});

after(async () => {
  await browser?.close();
  stop?.();
  if (project) await rm(project, { recursive: true, force: true });
});

for (const name of Object.keys(APPS)) {
  test(`esbuild bundle, ${name}: finds terms in Chromium with UTF-16 spans`, async () => {
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
