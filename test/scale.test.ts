/**
 * Scale-out end to end on the real servers: the demo sources enqueued on NATS JetStream (extract-only), two
 * worker processes writing to a PostgreSQL database of this run's own, one SIGKILLed mid-run and restarted;
 * the final counts must equal an uninterrupted single-process ingest (nothing lost, nothing doubled).
 * Skips, naming what is missing, when PostgreSQL or NATS does not answer.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { REPO_DIR } from "../eval/shared.ts";
import { ingestSources } from "../src/pipeline.ts";
import { SqliteStore } from "../src/store/sqlite.ts";
import { PostgresStore } from "../src/store/postgres.ts";
import { createScratchDatabase, scratchName, TEST_NATS_URL, type ScratchDatabase } from "../src/scale/scratch.ts";
import { deleteQueue, openQueue, queueStatus, type Queue } from "../src/scale/queue.ts";
import { enqueueSources } from "../src/scale/enqueue.ts";

const SOURCES = [join(REPO_DIR, "demo", "pages"), join(REPO_DIR, "demo", "news.jsonl")];
const CLI = join(REPO_DIR, "bin", "sitrep.js");

let db: ScratchDatabase | undefined;
let queue: Queue | undefined;
const missing: string[] = [];

before(async () => {
  try {
    db = await createScratchDatabase();
  } catch (error) {
    missing.push(`PostgreSQL (${(error as Error).message})`);
  }
  try {
    // A short ack wait, so the killed worker's unacknowledged jobs come back within the test.
    queue = await openQueue({ nats: TEST_NATS_URL, queue: scratchName("SITREP_TEST"), ackWaitSeconds: 2 });
  } catch (error) {
    missing.push(`NATS JetStream at ${TEST_NATS_URL} (${(error as Error).message})`);
  }
});

after(async () => {
  if (queue) {
    await deleteQueue(queue);
    await queue.close();
  }
  await db?.drop();
});

function worker(): ChildProcess {
  const child = spawn(process.execPath, [CLI, "worker", "--db", db!.url, "--nats", TEST_NATS_URL, "--queue", queue!.names.stream.replace(/_JOBS$/, ""),
    "--batch", "5", "--exit-when-empty"], { stdio: ["ignore", "ignore", "pipe"] });
  exitCodes.set(child, new Promise((resolve) => child.on("exit", (code) => resolve(code))));
  return child;
}

/** Exit codes, listened for from the spawn on: a fast worker may be gone before the test waits for it. */
const exitCodes = new WeakMap<ChildProcess, Promise<number | null>>();
const exited = (child: ChildProcess): Promise<number | null> => exitCodes.get(child)!;

async function articleCount(): Promise<number> {
  const client = new pg.Client({ connectionString: db!.url });
  await client.connect();
  try {
    return Number((await client.query("SELECT COUNT(*) AS n FROM articles").catch(() => ({ rows: [{ n: 0 }] }))).rows[0].n);
  } finally {
    await client.end();
  }
}

test("two workers, one killed mid-run and restarted: the same counts as an uninterrupted run", { timeout: 60_000 }, async (t) => {
  if (missing.length) return t.skip(`missing: ${missing.join("; ")}`);
  const reference = new SqliteStore(join(mkdtempSync(join(tmpdir(), "sitrep-scale-")), "ref.db"));
  await ingestSources(SOURCES, reference, { understand: false, workers: 0 });
  const expected = reference.counts();
  reference.close();

  const queued = await enqueueSources(SOURCES, { nats: TEST_NATS_URL, queue: queue!.names.stream.replace(/_JOBS$/, ""), understand: false });
  assert.equal(queued.published, expected.articles + expected.ingestErrors);
  // A job that is not a job: the poison case, which must land in the dead letters, not loop.
  await queue!.nc.jetstream().publish(queue!.names.subject, new TextEncoder().encode("{not json"));

  const first = worker();
  const second = worker();
  // Kill the first worker as soon as rows arrive, while jobs are still waiting.
  let seen = 0;
  for (let i = 0; i < 400 && seen === 0; i++) {
    await new Promise((r) => setTimeout(r, 50));
    seen = await articleCount();
  }
  first.kill("SIGKILL");
  const atKill = await articleCount();
  t.diagnostic(`killed a worker with ${atKill} of ${expected.articles} articles stored`);
  assert.ok(atKill < expected.articles, "the kill happened mid-run");
  const restarted = worker();
  assert.equal(await exited(second), 0);
  assert.equal(await exited(restarted), 0);

  const store = await PostgresStore.open(db!.url);
  const counts = await store.counts();
  await store.close();
  assert.equal(counts.articles, expected.articles, "no article lost, none doubled");
  assert.equal(counts.sources, expected.sources);
  assert.equal(counts.ingestErrors, expected.ingestErrors);
  const status = await queueStatus(queue!);
  assert.equal(status.waiting + status.inFlight, 0);
  assert.equal(status.deadLetters, 1);
  assert.match(status.recentDead[0]!.error, /not a job/);
});
