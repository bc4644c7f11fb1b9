/**
 * `sitrep ingest` end to end on real text: every input kind, idempotent re-runs, a kill -9 mid-ingest
 * resumed to the same store, bad documents recorded while the batch goes on.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { REPO_DIR, sharedPath } from "../eval/shared.ts";

const DEMO = join(REPO_DIR, "demo", "pages");
const NEWS = sharedPath("samples", "news", "news.jsonl");
const noNews = existsSync(NEWS) ? false : `no ${NEWS}: the shared samples are absent`;
const CLI = join(REPO_DIR, "bin", "sitrep.js");

function sitrep(args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...process.env, CI: "true" } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "sitrep-ingest-"));
}

function counts(db: string): { articles: number; fts: number; errors: number; ids: string[] } {
  const d = new Database(db, { readonly: true });
  const n = (sql: string) => d.prepare(sql).pluck().get() as number;
  const out = {
    articles: n("SELECT COUNT(*) FROM articles"),
    fts: n("SELECT COUNT(*) FROM articles_fts"),
    errors: n("SELECT COUNT(*) FROM ingest_errors"),
    ids: d.prepare("SELECT id FROM articles ORDER BY id").pluck().all() as string[],
  };
  d.close();
  return out;
}

/** A WARC record as crawlers write it (response with an HTTP message). */
function warcRecord(uri: string, html: Buffer): Buffer {
  const http = Buffer.concat([Buffer.from("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"), html]);
  const head = `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ${uri}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${http.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), http, Buffer.from("\r\n\r\n")]);
}

test("every kind of input is ingested; bad documents are listed and the batch goes on; a re-run is a no-op", () => {
  const dir = tmp();
  const pages = readdirSync(DEMO).sort().map((name) => readFileSync(join(DEMO, name)));
  // WARC.gz: one gzip member per record, the last record cut short.
  const records = pages.slice(0, 3).map((html, i) => gzipSync(warcRecord(`https://example.org/${i}`, html)));
  const cut = warcRecord("https://example.org/cut", pages[3]!);
  writeFileSync(join(dir, "crawl.warc.gz"), Buffer.concat([...records, gzipSync(cut.subarray(0, cut.length - 500))]));
  // CSV: a row with a missing column in the middle.
  const csvRow = (t: string, b: string) => `"${t}","2020-01-0${1}","${b.replace(/"/g, '""')}"`;
  const body = (i: number) => `Paragraph ${i} of a test article about flood warnings issued for several river towns.\n\nResidents were told to move to higher ground.`;
  writeFileSync(join(dir, "export.csv"), ["headline,date,body", csvRow("First", body(1)), `"Broken","2020-01-02"`, csvRow("Third", body(3))].join("\n"));
  // RSS with HTML content.
  writeFileSync(join(dir, "feed.rss"), `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><language>en</language>
    <item><title>Storm closes ports</title><link>https://example.org/storm</link><pubDate>Mon, 19 Dec 2022 07:31:00 +0100</pubDate>
    <description><![CDATA[<p>A storm closed three ports on Monday.</p><p>Ferries were cancelled until Wednesday.</p>]]></description></item>
    <item><title>Second item</title><link>https://example.org/two</link><description>Plain text description of a second story about harvests.</description></item>
    </channel></rss>`);
  writeFileSync(join(dir, "empty.html"), "");
  writeFileSync(join(dir, "binary.html"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0, 0xff, 0xfe, 0, 0]));
  const db = join(dir, "s.db");
  const args = ["ingest", dir, DEMO, "--db", db, "--no-understand", "--map", "title=headline,published=date,text=body"];
  const first = sitrep(args);
  assert.equal(first.status, 0, first.stderr);
  // 3 WARC + 2 CSV + 2 feed items; the demo pages duplicate the WARC payloads (same bytes) for 3 of them.
  const c = counts(db);
  assert.equal(c.articles, 3 + 2 + 2 + pages.length - 3, first.stderr);
  assert.equal(c.fts, c.articles);
  assert.match(first.stderr, /truncated WARC record .*example\.org\/cut/);
  assert.match(first.stderr, /export\.csv:\d+: broken CSV row/);
  assert.match(first.stderr, /empty\.html/);
  assert.match(first.stderr, /binary\.html/);
  assert.match(first.stderr, /skipped as duplicates/);
  assert.match(first.stderr, /4 failed/);
  assert.equal(c.errors, 4);
  const storm = sitrep(["search", "storm ports", "--db", db, "--json"]);
  const hit = JSON.parse(storm.stdout.split("\n")[0]!);
  assert.equal(hit.title, "Storm closes ports");
  assert.equal(hit.published, "2022-12-19T06:31:00Z");
  assert.equal(JSON.parse(sitrep(["show", hit.id.slice(0, 12), "--db", db]).stdout).url, "https://example.org/storm");

  const again = sitrep(args);
  assert.match(again.stderr, new RegExp(`0 ingested, ${c.articles + 3} skipped as duplicates, 4 failed`));
  const c2 = counts(db);
  assert.deepEqual(c2, c, "a re-run changes nothing (errors are updated, not doubled)");
});

test("a URL that cannot be fetched is an ingest error naming it, and the batch goes on", () => {
  const dir = tmp();
  const run = sitrep(["ingest", "https://example.org/a", join(DEMO, readdirSync(DEMO)[0]!), "--db", join(dir, "s.db"), "--no-understand", "--workers", "0"]);
  assert.equal(run.status, 0);
  // Names reserved for documentation are refused before any DNS lookup: no traffic leaves the machine.
  assert.match(run.stderr, /https:\/\/example\.org\/a: example\.org is a reserved name/);
  assert.match(run.stderr, /1 ingested, 0 skipped as duplicates, 1 failed/);
});

test("kill -9 mid-ingest, then a re-run: the same store as an uninterrupted run", { skip: noNews }, async () => {
  const dir = tmp();
  const rows = readFileSync(NEWS, "utf8").split("\n").filter(Boolean).slice(0, 200);
  const input = join(dir, "news.jsonl");
  writeFileSync(input, rows.join("\n") + "\n");
  const whole = join(dir, "whole.db");
  assert.equal(sitrep(["ingest", input, "--db", whole, "--no-understand", "--workers", "0"]).status, 0);

  const killed = join(dir, "killed.db");
  const child = spawn(process.execPath, [CLI, "ingest", input, "--db", killed, "--no-understand", "--workers", "0", "--batch", "10"], { stdio: "ignore" });
  // Kill as soon as the first batch is committed.
  // Polls for up to a minute: on a loaded machine the child may take long to start.
  for (let i = 0; i < 2400; i++) {
    await new Promise((r) => setTimeout(r, 25));
    // The file may exist before its schema does (or be locked mid-migration): not committed yet.
    const committed = existsSync(killed) ? (() => { try { return counts(killed).articles; } catch { return 0; } })() : 0;
    if (committed > 0) break;
  }
  child.kill("SIGKILL");
  await new Promise((r) => child.once("exit", r));
  const partial = counts(killed).articles;
  assert.ok(partial > 0 && partial < rows.length, `killed after ${partial} of ${rows.length}`);
  const resumed = sitrep(["ingest", input, "--db", killed, "--no-understand", "--workers", "0"]);
  assert.match(resumed.stderr, new RegExp(`${rows.length - partial} ingested, ${partial} skipped as duplicates`));
  assert.deepEqual(counts(killed), counts(whole));
});

test("worker threads by job size: small jobs stay in the main thread, larger ones get a thread per share", async () => {
  const { threadsFor, WORKER_RULE } = await import("../src/pipeline.ts");
  const { understand, extract } = WORKER_RULE.docsPerThread;
  assert.equal(threadsFor(understand - 1, true, 2, true), 0, "too few to amortise the model loading");
  assert.equal(threadsFor(understand, true, 2, true), 1);
  assert.equal(threadsFor(understand * 5, true, 2, true), 2, "never more than asked for");
  assert.equal(threadsFor(extract, true, 2, false), 1, "extract-only threads start cheaper");
  assert.equal(threadsFor(10, false, 2, true), 2, "input not read to the end: the job is large");
  assert.equal(threadsFor(100_000, true, 0, false), 0, "--workers 0 means the main thread");
});
