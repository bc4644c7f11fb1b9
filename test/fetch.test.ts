/**
 * Fetching URLs for ingest, against a local HTTP server on 127.0.0.1 that this test starts (no other
 * address is ever contacted): pages, redirects, timeouts, size cap, 404, robots.txt, private-address
 * refusal, per-host rate, and `sitrep ingest` of a fetched URL list.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Fetcher, USER_AGENT, nonPublicRange } from "../src/ingest/fetch.ts";
import { REPO_DIR } from "../eval/shared.ts";
import { feedUnitsFetching } from "../src/ingest/feeds.ts";

const ARTICLE = (title: string) => `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>
  <p>Emergency crews worked through the night to reinforce levees along the river after two days of heavy rain, officials said on Sunday.</p>
  <p>More than four hundred residents were moved to schools and sports halls on higher ground while engineers inspected the dykes.</p>
  <p>The regional weather service expects the water to peak on Tuesday before falling slowly through the rest of the week.</p></article></body></html>`;

let server: Server;
let base: string;
const userAgents: string[] = [];
let robotsHits = 0;

before(async () => {
  server = createServer((req, res) => {
    userAgents.push(req.headers["user-agent"] ?? "");
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname;
    const hop = path.match(/^\/hop\/(\d+)$/);
    if (path === "/robots.txt") {
      robotsHits++;
      res.writeHead(200, { "content-type": "text/plain" }).end("User-agent: *\nDisallow: /private\n");
    } else if (path.startsWith("/article/")) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(ARTICLE(`Levees hold on day ${path.slice(9)}`));
    } else if (hop) {
      const n = Number(hop[1]);
      if (n === 0) res.writeHead(200, { "content-type": "text/html" }).end(ARTICLE("Arrived after redirects"));
      else res.writeHead(302, { location: `/hop/${n - 1}` }).end();
    } else if (path === "/slow") {
      setTimeout(() => res.writeHead(200, { "content-type": "text/html" }).end(ARTICLE("Too late")), 3000).unref();
    } else if (path === "/huge") {
      // Streamed without a Content-Length, so the cap must act on the body itself.
      res.writeHead(200, { "content-type": "text/html" });
      const chunk = "x".repeat(64 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 64 && res.write(chunk)) sent++;
        if (sent < 64) res.once("drain", pump);
        else res.end();
      };
      res.on("error", () => {});
      pump();
    } else if (path === "/private/page") {
      res.writeHead(200, { "content-type": "text/html" }).end(ARTICLE("Should not be fetched"));
    } else if (path === "/list.txt") {
      const list = ["# pages to ingest", "/article/1", "/article/2", "/missing", "/private/page"].map((l) => (l.startsWith("/") ? base + l : l));
      res.writeHead(200, { "content-type": "text/plain" }).end(list.join("\n") + "\n");
    } else {
      res.writeHead(404, { "content-type": "text/html" }).end("<p>not found</p>");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

const local = (options: ConstructorParameters<typeof Fetcher>[0] = {}) => new Fetcher({ allowPrivate: true, ratePerSecond: 100, ...options });

test("an article page is fetched with its final URL, content type and a User-Agent naming the tool", async () => {
  const result = await local().fetchPage(`${base}/article/7`);
  assert.ok(result.ok, !result.ok ? result.problem : "");
  assert.match(Buffer.from(result.raw.bytes).toString("utf8"), /Levees hold on day 7/);
  assert.equal(result.raw.url, `${base}/article/7`);
  assert.match(result.raw.contentType ?? "", /charset=utf-8/);
  assert.ok(userAgents.at(-1)?.startsWith("sitrep/"), userAgents.at(-1));
  assert.equal(userAgents.at(-1), USER_AGENT);
});

test("redirects: 3 hops are followed (final URL kept), 7 hops are refused", async () => {
  const ok = await local().fetchPage(`${base}/hop/3`);
  assert.ok(ok.ok, !ok.ok ? ok.problem : "");
  assert.equal(ok.raw.url, `${base}/hop/0`);
  assert.equal(ok.raw.source, `${base}/hop/3`);
  const tooMany = await local().fetchPage(`${base}/hop/7`);
  assert.deepEqual(tooMany, { ok: false, problem: "too many redirects (more than 5)" });
});

test("timeout, size cap, 404 and robots.txt each fail with a clear problem", async () => {
  const fetcher = local({ timeoutMs: 500, maxBytes: 1024 * 1024 });
  const started = performance.now();
  assert.deepEqual(await fetcher.fetchPage(`${base}/slow`), { ok: false, problem: "timed out after 0.5 s" });
  assert.ok(performance.now() - started < 2500, "the timeout cut the wait short");
  assert.deepEqual(await fetcher.fetchPage(`${base}/huge`), { ok: false, problem: "over 1 MB" });
  assert.deepEqual(await fetcher.fetchPage(`${base}/nothing-here`), { ok: false, problem: "HTTP 404 Not Found" });
  assert.deepEqual(await fetcher.fetchPage(`${base}/private/page`), { ok: false, problem: "disallowed by robots.txt" });
  const hits = robotsHits;
  assert.ok((await fetcher.fetchPage(`${base}/article/1`)).ok);
  assert.equal(robotsHits, hits, "robots.txt is fetched once per host");
});

test("without allowPrivate, loopback is refused before any connection, with a clear message", async () => {
  const fetcher = new Fetcher();
  const seen = userAgents.length;
  for (const url of [`${base}/article/1`, `http://[::1]:${new URL(base).port}/article/1`, `http://localhost:${new URL(base).port}/`]) {
    const result = await fetcher.fetchPage(url);
    assert.equal(result.ok, false, url);
    assert.match(!result.ok ? result.problem : "", /^refused: .* resolves to .* \(loopback\); use --allow-private|reserved name/, url);
  }
  assert.equal(userAgents.length, seen, "the local server was never contacted");
  const reserved = await fetcher.fetchPage("https://example.org/a");
  assert.match(!reserved.ok ? reserved.problem : "", /example\.org is a reserved name/);
});

test("address ranges off the public internet are named; public ones pass", () => {
  // Checked as addresses only: nothing is sent to them.
  const ranges = ["127.0.0.1", "::1", "10.1.2.3", "172.16.5.4", "192.168.0.1", "169.254.169.254", "100.64.0.1", "fd00::1", "fe80::1", "0.0.0.0", "::", "224.0.0.1", "::ffff:192.168.1.1"].map(nonPublicRange);
  assert.deepEqual(ranges, ["loopback", "loopback", "private", "private", "private", "linkLocal", "carrierGradeNat", "uniqueLocal", "linkLocal", "unspecified", "unspecified", "multicast", "private"]);
  assert.equal(nonPublicRange("93.184.215.14"), undefined);
  assert.equal(nonPublicRange("2606:2800:21f:cb07:6820:80da:af6b:8b2c"), undefined);
});

test("per-host rate: N requests take at least (N-1)/rate seconds", async () => {
  const rate = 5;
  const fetcher = local({ ratePerSecond: rate });
  await fetcher.fetchPage(`${base}/article/0`); // robots.txt and the first page: the clock starts after them
  const started = performance.now();
  const n = 4;
  const results = await Promise.all(Array.from({ length: n }, (_, i) => fetcher.fetchPage(`${base}/article/${i + 1}`)));
  const seconds = (performance.now() - started) / 1000;
  assert.ok(results.every((r) => r.ok));
  assert.ok(seconds >= n / rate - 0.05, `${n} requests after one took ${seconds.toFixed(2)} s at ${rate}/s`);
  assert.ok(seconds < 3, "and not much longer");
});

test("sitrep ingest of a fetched URL list: pages stored, failures listed in ingest_errors", async () => {
  const db = join(mkdtempSync(join(tmpdir(), "sitrep-fetch-")), "s.db");
  const args = [join(REPO_DIR, "bin", "sitrep.js"), "ingest", `${base}/list.txt`, "--allow-private", "--no-understand", "--workers", "0", "--rate", "50", "--db", db];
  // Asynchronous: the server runs in this process, so a synchronous spawn would deadlock.
  const child = spawn(process.execPath, args, { env: { ...process.env, CI: "true" } });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  assert.equal(status, 0, stderr);
  assert.match(stderr, /2 ingested, 0 skipped as duplicates, 2 failed/);
  const d = new Database(db, { readonly: true });
  const urls = d.prepare("SELECT url FROM articles ORDER BY 1").pluck().all();
  const errors = d.prepare("SELECT source, problem FROM ingest_errors ORDER BY source").all() as { source: string; problem: string }[];
  d.close();
  assert.deepEqual(urls, [`${base}/article/1`, `${base}/article/2`]);
  assert.deepEqual(errors, [
    { source: `${base}/missing`, problem: "HTTP 404 Not Found" },
    { source: `${base}/private/page`, problem: "disallowed by robots.txt" },
  ]);
});

test("a feed item holding only a summary gets its page fetched; a full item, or a page that fails, keeps the feed text", async () => {
  const feed = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
    <item><title>Levees</title><link>${base}/article/9</link><description>Crews reinforce levees.</description></item>
    <item><title>Full</title><link>${base}/article/10</link><description>Short.</description><content:encoded><![CDATA[<p>The whole story is here, in the feed itself.</p>]]></content:encoded></item>
    <item><title>Gone</title><link>${base}/gone</link><description>A summary whose page is missing.</description></item>
    </channel></rss>`;
  const units = [];
  for await (const unit of feedUnitsFetching("feed.rss", Buffer.from(feed), local())) {
    assert.equal(unit.problem, undefined);
    if (unit.problem === undefined) units.push(unit);
  }
  assert.equal(units.length, 3);
  const [summary, full, gone] = units;
  assert.match(Buffer.from(summary?.raw?.bytes ?? []).toString("utf8"), /Levees hold on day 9/, "the page replaced the summary");
  assert.equal(summary?.fields?.title, "Levees");
  assert.equal(summary?.fields?.url, `${base}/article/9`);
  assert.equal(full?.raw, undefined);
  assert.match(full?.fields?.text ?? "", /whole story is here/);
  assert.equal(gone?.raw, undefined);
  assert.equal(gone?.fields?.text, "A summary whose page is missing.");
});
