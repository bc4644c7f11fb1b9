/**
 * Scale-out throughput: N documents of the benchmark corpus (bench/corpus.ts: the real news records,
 * repeated with a changed byte; default 2,000, `-- 20000` for the issue's figure) enqueued for the whole
 * pipeline (extract, understand, events), drained by 1 worker and then by 2 worker processes into fresh
 * PostgreSQL databases; then
 * the kill-restart check (2 workers, one SIGKILLed mid-run and restarted: the count must still be N).
 * Needs the local PostgreSQL and NATS; prints figures, last line the 2-worker/1-worker throughput ratio.
 * Throughput is timed over the work (first job received by any worker -> last batch acknowledged, from the
 * workers' "timing:" lines): process start-up (tsx, model loading) is reported apart, as it is paid once per
 * worker, not per document. The wall time from spawn to exit is printed too.
 *
 * The pages of the corpus are left out: the queue carries a document's bytes and some pages exceed NATS's
 * 1 MB message limit (docs/scale-out.md, limits).
 *
 *   npm run bench:scale -- 2000 [--batch 50] [--extract-only] [--no-kill]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { REPO_DIR } from "../eval/shared.ts";
import { createScratchDatabase, scratchName, TEST_NATS_URL, type ScratchDatabase } from "../src/scale/scratch.ts";
import { deleteQueue, openQueue } from "../src/scale/queue.ts";
import { writeBenchCorpus } from "./corpus.ts";
import { enqueueSources } from "../src/scale/enqueue.ts";
import { WORKER_NODE_FLAGS } from "../src/scale/worker.ts";

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const N = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith("--")) ?? 2000);
/** `--extract-only`: jobs skip understand and events (`sitrep enqueue --no-understand`). */
const FULL_PIPELINE = !args.includes("--extract-only");
/** `--no-kill`: throughput only, without the kill-restart run. */
const KILL_CHECK = !args.includes("--no-kill");
/** `--batch N`: jobs per fetch and transaction (the worker's --batch). */
const BATCH = option("batch");
const CLI = join(REPO_DIR, "bin", "sitrep.js");

const spawnWorker = (db: ScratchDatabase, queue: string, extra: string[] = []): ChildProcess =>
  spawn(process.execPath, [...WORKER_NODE_FLAGS, CLI, "worker", "--db", db.url, "--nats", TEST_NATS_URL, "--queue", queue, "--exit-when-empty", ...(BATCH ? ["--batch", BATCH] : []), ...extra], { stdio: ["ignore", "ignore", "pipe"] });
const exited = (c: ChildProcess) => new Promise<void>((r) => c.on("exit", () => r()));

async function count(db: ScratchDatabase): Promise<number> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    return Number((await c.query("SELECT COUNT(*) AS n FROM articles").catch(() => ({ rows: [{ n: 0 }] }))).rows[0].n);
  } finally {
    await c.end();
  }
}

interface Timing {
  ready: number;
  firstJob: number;
  lastAck: number;
}

/** The worker's stderr "timing:" line (see runWorker), once it has exited. */
function timingOf(child: ChildProcess): Promise<Timing | undefined> {
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) =>
    child.on("exit", () => {
      const m = /timing: ready (\d+) first-job (\d+) last-ack (\d+)/.exec(err);
      resolve(m ? { ready: Number(m[1]), firstJob: Number(m[2]), lastAck: Number(m[3]) } : undefined);
    }));
}

interface RunResult {
  /** Spawn to the last exit. */
  seconds: number;
  /** First job received by any worker to the last acknowledgement. */
  workSeconds: number;
  /** Spawn to the first job (the slowest worker's start-up, in brackets). */
  startupSeconds: number;
  slowestStartupSeconds: number;
  articles: number;
}

async function run(sources: string[], workers: number, killOne: boolean): Promise<RunResult> {
  const db = await createScratchDatabase("sitrep_bench");
  const name = scratchName("SITREP_BENCH");
  const queue = await openQueue({ nats: TEST_NATS_URL, queue: name, ackWaitSeconds: 5 });
  try {
    await enqueueSources(sources, { nats: TEST_NATS_URL, queue: name, understand: FULL_PIPELINE, events: FULL_PIPELINE });
    const started = performance.now();
    const spawnedAt = Date.now();
    const children = Array.from({ length: workers }, () => spawnWorker(db, name));
    const timings = children.map(timingOf);
    if (killOne) {
      while ((await count(db)) < N / 4) await new Promise((r) => setTimeout(r, 100));
      children[0]!.kill("SIGKILL");
      children[0] = spawnWorker(db, name);
      timings.push(timingOf(children[0]));
    }
    await Promise.all(children.map(exited));
    const seconds = (performance.now() - started) / 1000;
    const done = (await Promise.all(timings)).filter((t): t is Timing => t !== undefined);
    const firstJob = Math.min(...done.map((t) => t.firstJob));
    const lastAck = Math.max(...done.map((t) => t.lastAck));
    return {
      seconds,
      workSeconds: (lastAck - firstJob) / 1000,
      startupSeconds: (firstJob - spawnedAt) / 1000,
      slowestStartupSeconds: (Math.max(...done.map((t) => t.firstJob)) - spawnedAt) / 1000,
      articles: await count(db),
    };
  } finally {
    await deleteQueue(queue);
    await queue.close();
    await db.drop();
  }
}

const describe = (label: string, r: RunResult) =>
  `${label} ${r.articles} articles in ${r.workSeconds.toFixed(1)} s of work = ${(r.articles / r.workSeconds).toFixed(0)} docs/s` +
  ` (start-up ${r.startupSeconds.toFixed(1)} s, slowest worker ${r.slowestStartupSeconds.toFixed(1)} s; spawn to exit ${r.seconds.toFixed(1)} s = ${(r.articles / r.seconds).toFixed(0)} docs/s)`;

const corpus = writeBenchCorpus(mkdtempSync(join(tmpdir(), "sitrep-bench-")), N, { pages: false, records: true });
console.log(`${corpus.description}, ${FULL_PIPELINE ? "extract + understand + events" : "extract only"}, batch ${BATCH ?? "default"}`);
const one = await run(corpus.sources, 1, false);
console.log(describe("1 worker: ", one));
const two = await run(corpus.sources, 2, false);
console.log(describe("2 workers:", two));
if (KILL_CHECK) {
  const killed = await run(corpus.sources, 2, true);
  console.log(`kill-restart (2 workers, one SIGKILLed at 25%): ${killed.articles} of ${N} articles ${killed.articles === N ? "OK" : "MISMATCH"} in ${killed.seconds.toFixed(1)} s`);
}
console.log(`spawn-to-exit ratio 2/1 workers: ${(one.seconds / two.seconds).toFixed(2)}`);
console.log(`throughput ratio 2/1 workers: ${(one.workSeconds / two.workSeconds).toFixed(2)}`);
