// The browser pre-submit check (examples/browser/) in Debian's Chromium, driven by
// playwright-core: an evasive phrase is highlighted and blocks submit; a clean one does not.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };

let server, browser, base;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} not found: apt-get install -y chromium (or set CHROMIUM)`);
  // A plain static file server over the repository: the page works offline from any such server.
  server = createServer(async (req, res) => {
    const path = normalize(join(ROOT, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    if (!path.startsWith(ROOT)) return res.writeHead(403).end();
    try {
      const body = await readFile(path.endsWith("/") ? join(path, "index.html") : path);
      res.writeHead(200, { "content-type": TYPES[extname(path) || ".html"] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--headless"] });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test("an evasive phrase is highlighted and blocks submit; a clean one enables it", async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${base}/examples/browser/`);
  await page.waitForSelector("body[data-ready=true]");

  // "f.u.с.k" with a Cyrillic с, typed key by key.
  await page.locator("#post").pressSequentially("what the f.u.\u0441.k is this");
  await assert.doesNotReject(page.waitForSelector("#preview mark"));
  assert.deepEqual(await page.locator("#preview mark").allTextContents(), ["f.u.\u0441.k"]);
  assert.equal(await page.locator("#submit").isDisabled(), true);
  assert.match(await page.locator("#why").textContent(), /can't be published: it contains “fuck” \(profanity, high\)/);
  await mkdir(join(ROOT, "target"), { recursive: true });
  await page.screenshot({ path: join(ROOT, "target", "browser-check-blocked.png") });

  await page.locator("#post").fill("");
  await page.locator("#post").pressSequentially("Great match last night, see you in Scunthorpe 😀");
  assert.equal(await page.locator("#preview mark").count(), 0);
  assert.equal(await page.locator("#submit").isDisabled(), false);
  assert.equal(await page.locator("#why").textContent(), "");
  await page.screenshot({ path: join(ROOT, "target", "browser-check.png") });
  await page.locator("#submit").click();
  assert.equal(await page.locator("#posted").isVisible(), true);
  assert.deepEqual(errors, []);
});
