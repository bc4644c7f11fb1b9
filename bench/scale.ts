/**
 * Scale-out throughput: N synthetic documents (default 2,000; `-- 20000` for the figure) enqueued
 * extract-only, drained by 1 worker and then by 2 worker processes into fresh PostgreSQL databases; then
 * the kill-restart check (2 workers, one SIGKILLed mid-run and restarted: the count must still be N).
 * Needs the local PostgreSQL and NATS; prints figures, last line the 2-worker/1-worker throughput ratio.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { REPO_DIR } from "../eval/shared.ts";
import { createScratchDatabase, scratchName, TEST_NATS_URL, type ScratchDatabase } from "../src/scale/scratch.ts";
import { deleteQueue, openQueue } from "../src/scale/queue.ts";
import { enqueueSources } from "../src/scale/enqueue.ts";

const N = Number(process.argv[2] ?? 2000);
const CLI = join(REPO_DIR, "bin", "sitrep.js");
const WORDS = "government talks minister city report police army election market water energy court border storm".split(" ");

function corpus(): string {
  const file = join(mkdtempSync(join(tmpdir(), "sitrep-bench-")), "docs.jsonl");
  const lines: string[] = [];
  for (let i = 0; i < N; i++) {
    const text = Array.from({ length: 300 }, (_, k) => WORDS[(i * 7 + k * 13) % WORDS.length]).join(" ") + ` Document ${i}.`;
    lines.push(JSON.stringify({ title: `Report ${i}`, text, published: "2024-05-01", url: `https://example.org/${i}` }));
  }
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

const spawnWorker = (db: ScratchDatabase, queue: string, extra: string[] = []): ChildProcess =>
  spawn(process.execPath, [CLI, "worker", "--db", db.url, "--nats", TEST_NATS_URL, "--queue", queue, "--exit-when-empty", ...extra], { stdio: "ignore" });
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

async function run(file: string, workers: number, killOne: boolean): Promise<{ seconds: number; articles: number }> {
  const db = await createScratchDatabase("sitrep_bench");
  const name = scratchName("SITREP_BENCH");
  const queue = await openQueue({ nats: TEST_NATS_URL, queue: name, ackWaitSeconds: 5 });
  try {
    await enqueueSources([file], { nats: TEST_NATS_URL, queue: name, understand: false });
    const started = performance.now();
    const children = Array.from({ length: workers }, () => spawnWorker(db, name));
    if (killOne) {
      while ((await count(db)) < N / 4) await new Promise((r) => setTimeout(r, 100));
      children[0]!.kill("SIGKILL");
      children[0] = spawnWorker(db, name);
    }
    await Promise.all(children.map(exited));
    return { seconds: (performance.now() - started) / 1000, articles: await count(db) };
  } finally {
    await deleteQueue(queue);
    await queue.close();
    await db.drop();
  }
}

const file = corpus();
const one = await run(file, 1, false);
console.log(`1 worker:  ${one.articles} articles in ${one.seconds.toFixed(1)} s = ${(one.articles / one.seconds).toFixed(0)} docs/s`);
const two = await run(file, 2, false);
console.log(`2 workers: ${two.articles} articles in ${two.seconds.toFixed(1)} s = ${(two.articles / two.seconds).toFixed(0)} docs/s`);
const killed = await run(file, 2, true);
console.log(`kill-restart (2 workers, one SIGKILLed at 25%): ${killed.articles} of ${N} articles ${killed.articles === N ? "OK" : "MISMATCH"} in ${killed.seconds.toFixed(1)} s`);
console.log(`throughput ratio 2/1 workers: ${(one.seconds / two.seconds).toFixed(2)}`);
