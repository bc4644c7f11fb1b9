/**
 * End-to-end ingest throughput: documents/s (and per core), peak RSS, then search p95 latency over the
 * resulting store. Input: the fixed benchmark corpus (bench/corpus.ts: real pages and news records,
 * repeated with a changed byte until N documents).
 *
 *   npm run bench:ingest                          2,000 documents, the whole pipeline (extract, understand, events)
 *   npm run bench:ingest -- --docs 20000          the figure
 *   npm run bench:ingest -- --extract-only        extract only (much faster)
 *   npm run bench:ingest -- --docs 100000 --extract-only --keep /tmp/b.db   keep the store...
 *   npm run bench:ingest -- --search-only /tmp/b.db                          ...to time search on it again
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_DIR } from "../eval/shared.ts";
import { writeBenchCorpus } from "./corpus.ts";
import { SqliteStore } from "../src/store/sqlite.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const DOCS = Number(option("docs", "2000"));
const WORKERS = Number(option("workers", String(availableParallelism())));
const FULL_PIPELINE = !args.includes("--extract-only");
/** Queries for the latency figure: common news words, a phrase, a rare word, a miss. */
const QUERIES = ["government", "police said", '"prime minister"', "election results", "market", "president", "Berlin", "water", "qwxzzy", "2019"];
const SEARCH_RUNS = 20;

function ingest(dir: string, db: string): void {
  const corpus = writeBenchCorpus(dir, DOCS, { pages: true, records: true });
  console.log(`${corpus.description}; ${WORKERS} workers; ${FULL_PIPELINE ? "extract + understand + events" : "extract only"}`);

  // /usr/bin/time reports the peak RSS of the whole process tree's largest process; worker threads share the process.
  const cli = ["bin/sitrep.js", "ingest", ...corpus.sources, "--db", db, "--workers", String(WORKERS), ...(FULL_PIPELINE ? [] : ["--no-understand"])];
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
  console.log(`per core ${(ingested / seconds / Math.max(1, WORKERS)).toFixed(1)} documents/s`);
  console.log(`ingest ${(ingested / seconds).toFixed(1)} documents/s end to end`);
}

/** Search latency over the store: each query of QUERIES run SEARCH_RUNS times. */
function timeSearch(db: string): void {
  const store = new SqliteStore(db);
  const articles = store.counts().articles;
  const latencies: number[] = [];
  for (let r = 0; r < SEARCH_RUNS; r++) {
    for (const q of QUERIES) {
      const t = performance.now();
      store.search(q, { limit: 20 });
      latencies.push(performance.now() - t);
    }
  }
  store.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  console.log(`search over ${articles} articles: p50 ${pct(0.5).toFixed(2)} ms, p95 ${pct(0.95).toFixed(2)} ms (${latencies.length} queries)`);
}

const searchOnly = option("search-only", "");
const keep = option("keep", "");
if (searchOnly) {
  timeSearch(searchOnly);
} else {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-"));
  const db = keep || join(dir, "bench.db");
  try {
    ingest(dir, db);
    timeSearch(db);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (keep) console.log(`store kept: ${keep}`);
}
