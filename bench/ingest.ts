/**
 * End-to-end ingest throughput: documents/s (and per core), peak RSS, then search p95 latency over the
 * resulting store. Input: the benchmark pages, the htmldate pages and the samples, repeated with a
 * changed byte (a comment with the copy number) until N documents, so every copy is a new document.
 *
 *   npm run bench:ingest                          2,000 documents, extract only
 *   npm run bench:ingest -- --docs 20000          the figure
 *   npm run bench:ingest -- --understand          with understand + events (much slower)
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_DIR, readMaybeGzip, sharedPath } from "../eval/shared.ts";
import { SqliteStore } from "../src/store/sqlite.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const DOCS = Number(option("docs", "2000"));
const WORKERS = Number(option("workers", String(availableParallelism())));
const UNDERSTAND = args.includes("--understand");
/** Queries for the latency figure: common news words, a phrase, a rare word, a miss. */
const QUERIES = ["government", "police said", '"prime minister"', "election results", "market", "president", "Berlin", "water", "qwxzzy", "2019"];
const SEARCH_RUNS = 20;

function loadPages(): { name: string; bytes: Buffer }[] {
  const pages: { name: string; bytes: Buffer }[] = [];
  const dirs = [sharedPath("eval", "article-extraction-benchmark", "html"), sharedPath("eval", "htmldate", "cache"), join(REPO_DIR, "demo", "pages")];
  for (const dir of dirs) {
    let names: string[] = [];
    try {
      names = readdirSync(dir).sort();
    } catch {
      console.error(`bench: ${dir} absent, skipped`);
    }
    for (const name of names) pages.push({ name: name.replace(/\.gz$/, ""), bytes: readMaybeGzip(join(dir, name)) });
  }
  try {
    pages.push({ name: "cemo-fr.txt", bytes: readFileSync(sharedPath("samples", "cemo-fr.txt")) });
  } catch {
    /* optional */
  }
  return pages;
}

const pages = loadPages();
const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-"));
const docs = join(dir, "docs");
mkdirSync(docs);
for (let i = 0; i < DOCS; i++) {
  const page = pages[i % pages.length]!;
  const copy = Math.floor(i / pages.length);
  // The changed bytes: a trailing comment (HTML) or line (text) with the copy number.
  const marker = page.name.endsWith(".txt") ? `\n\n[copy ${copy}]\n` : `\n<!-- copy ${copy} -->\n`;
  writeFileSync(join(docs, `${String(i).padStart(6, "0")}-${page.name}`), Buffer.concat([page.bytes, Buffer.from(marker)]));
}
const db = join(dir, "bench.db");
console.log(`${DOCS} documents from ${pages.length} distinct pages; ${WORKERS} workers; ${UNDERSTAND ? "extract + understand + events" : "extract only"}`);

// /usr/bin/time reports the peak RSS of the whole process tree's largest process; worker threads share the process.
const cli = ["bin/sitrep.js", "ingest", docs, "--db", db, "--workers", String(WORKERS), ...(UNDERSTAND ? [] : ["--no-understand"])];
const started = performance.now();
const run = spawnSync("/usr/bin/time", ["-f", "peak-rss-kb %M", process.execPath, ...cli], { cwd: REPO_DIR, encoding: "utf8", env: { ...process.env, CI: "true" } });
const seconds = (performance.now() - started) / 1000;
if (run.status !== 0) {
  console.error(run.stderr);
  process.exit(1);
}
const summaryLine = run.stderr.split("\n").find((l) => /ingested,/.test(l)) ?? "";
const rssKb = Number(/peak-rss-kb (\d+)/.exec(run.stderr)?.[1]);
const ingested = Number(/(\d+) ingested/.exec(summaryLine)?.[1]);
console.log(summaryLine);
console.log(`wall ${seconds.toFixed(1)} s (process start included)`);
console.log(`peak RSS ${(rssKb / 1024).toFixed(0)} MB`);

const store = new SqliteStore(db);
const latencies: number[] = [];
for (let r = 0; r < SEARCH_RUNS; r++) {
  for (const q of QUERIES) {
    const t = performance.now();
    store.search(q, { limit: 20 });
    latencies.push(performance.now() - t);
  }
}
store.close();
rmSync(dir, { recursive: true, force: true });
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
console.log(`search over ${ingested} articles: p50 ${pct(0.5).toFixed(2)} ms, p95 ${pct(0.95).toFixed(2)} ms (${latencies.length} queries)`);
console.log(`per core ${(ingested / seconds / Math.max(1, WORKERS)).toFixed(1)} documents/s`);
console.log(`ingest ${(ingested / seconds).toFixed(1)} documents/s end to end`);
