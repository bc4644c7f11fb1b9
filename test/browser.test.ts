/**
 * The web page in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core): search, a story,
 * map markers, timeline bars, an article with highlighted entities, and hostile markup shown as text.
 * Screenshots go to test-artifacts/.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_DIR } from "../eval/shared.ts";
import { startServer, type RunningServer } from "../src/serve/api.ts";
import { buildTestStore, HOSTILE } from "./serve-fixture.ts";

const CHROMIUM = "/usr/bin/chromium";
const SKIP = existsSync(CHROMIUM) ? false : `no ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) to run the browser test`;
const ARTIFACTS = join(REPO_DIR, "test-artifacts");
/** Without the background-networking flags Chromium keeps dialling Google's hosts, which this network refuses. */
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

let server: RunningServer;
let ids: Awaited<ReturnType<typeof buildTestStore>>["ids"];
let browser: import("playwright-core").Browser;

before(async () => {
  if (SKIP) return;
  // The page is built here into a temporary folder, so the test never depends on a stale dist/web.
  const { build } = await import("vite");
  const webDir = mkdtempSync(join(tmpdir(), "sitrep-web-"));
  await build({ configFile: join(REPO_DIR, "web", "vite.config.ts"), logLevel: "error", build: { outDir: webDir, emptyOutDir: true } });
  const built = await buildTestStore();
  ids = built.ids;
  server = await startServer({ db: built.db, port: 0, webDir, rateLimit: { requests: 10_000, windowMs: 60_000 } });
  const { chromium } = await import("playwright-core");
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  mkdirSync(ARTIFACTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("the page: search, story, map markers, timeline bars, highlighted article, hostile text inert", { skip: SKIP }, async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(`console: ${m.text()}`); });
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${new URL(r.url()).pathname}`); });
  page.on("dialog", (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });

  await page.goto(server.url + "/");
  await page.waitForSelector("ol.stories li a");
  await page.waitForSelector(".place-marker circle");
  await page.waitForSelector("#timeline rect.bar");
  assert.ok((await page.locator(".place-marker").count()) > 3, "places drawn on the map");
  assert.ok((await page.locator(".event-marker").count()) > 0, "events drawn on the map");
  assert.ok((await page.locator("#timeline rect.bar").count()) > 3, "timeline bars drawn");
  assert.ok((await page.locator("path.land").count()) === 1, "countries drawn from world-atlas");
  await page.screenshot({ path: join(ARTIFACTS, "home.png") });

  // Search with the keyboard only: focus the box, type, press Enter.
  await page.focus('input[name="q"]');
  await page.keyboard.type("Boeing");
  await page.keyboard.press("Enter");
  await page.waitForSelector("ol.hits li");
  assert.match(await page.locator("ol.hits li a").first().innerText(), /Boeing/);
  assert.ok((await page.locator("ol.hits mark").count()) > 0, "matched words marked in snippets");
  await page.screenshot({ path: join(ARTIFACTS, "search.png") });

  // A story: the largest one lists its reports with outlets and dates.
  await page.goto(server.url + "/#/");
  await page.locator("ol.stories li a").first().click();
  await page.waitForSelector("table.reports tbody tr");
  assert.ok((await page.locator("table.reports tbody tr").count()) >= 1);
  await page.screenshot({ path: join(ARTIFACTS, "story.png") });

  // An article: entities highlighted as links to their entity pages.
  await page.locator("table.reports tbody tr a").first().click();
  await page.waitForSelector("article.text a.hl.entity");
  const entityLinks = page.locator("article.text a.hl.entity");
  assert.ok((await entityLinks.count()) > 3);
  assert.match((await entityLinks.first().getAttribute("href"))!, /^#\/entity\//);
  await page.screenshot({ path: join(ARTIFACTS, "article.png") });
  await entityLinks.first().click();
  await page.waitForSelector("main h1");
  await page.waitForSelector("main ul.articles li");
  await page.screenshot({ path: join(ARTIFACTS, "entity.png") });

  // Hostile markup in title and body: shown as text, never run.
  await page.goto(`${server.url}/#/article/${ids.hostile}`);
  await page.waitForSelector("article.text p");
  assert.equal(await page.locator("main h1").innerText(), HOSTILE.title);
  assert.ok((await page.locator("article.text").innerText()).includes("<img src=x onerror="));
  assert.equal(await page.locator("main img, main script, main b").count(), 0);
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  await page.screenshot({ path: join(ARTIFACTS, "hostile.png") });

  assert.deepEqual(problems, []);
  await page.close();
});

test("`npm run demo` end to end: builds, ingests the bundled corpus, serves, and the page shows the stories", { skip: SKIP }, async () => {
  const { spawn } = await import("node:child_process");
  // A free port (SITREP_PORT=0) and a process group of its own, so the whole demo stops with the test.
  const demo = spawn("npm", ["run", "demo"], { cwd: REPO_DIR, env: { ...process.env, SITREP_PORT: "0" }, detached: true });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let log = "";
      const timer = setTimeout(() => reject(new Error(`demo did not start serving in time:\n${log}`)), 240_000);
      const read = (chunk: Buffer) => {
        log += chunk.toString();
        const found = /serving \S+ at (http:\/\/\S+)/.exec(log);
        if (found) {
          clearTimeout(timer);
          resolve(found[1]!);
        }
      };
      demo.stdout.on("data", read);
      demo.stderr.on("data", read);
      demo.on("exit", (code) => reject(new Error(`demo exited with ${code}:\n${log}`)));
    });
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.goto(url + "/");
    await page.waitForSelector("ol.stories li a");
    await page.waitForSelector(".place-marker circle");
    const first = await page.locator("ol.stories li").first().innerText();
    assert.match(first, /en, es, it, nl/, "the largest story gathers the four translations");
    await page.screenshot({ path: join(ARTIFACTS, "demo.png") });
    await page.close();
  } finally {
    process.kill(-demo.pid!, "SIGTERM");
  }
});
