/**
 * A queue worker: pulls jobs in batches, runs each through the same pipeline as `sitrep ingest`
 * (processUnit), writes the batch to the store in one transaction, then acknowledges. Delivery is
 * at-least-once (a crash before the ack redelivers the batch); the content-hash key makes the re-write a
 * no-op, so results are effectively-once. A job that keeps failing goes to the dead letters with its error.
 */
import type { JsMsg } from "nats";
import { loadUnderstanding, processUnit } from "../pipeline.ts";
import type { AsyncStore, IngestProblem, StoredInput } from "../store/index.ts";
import { PostgresStore } from "../store/postgres.ts";
import { consolidateIfStale } from "./consolidate.ts";
import { QUEUE_POLICY, deadCodec, fromJob, jobCodec, openQueue, type Job, type Queue, type QueueOptions } from "./queue.ts";

export interface WorkerOptions extends QueueOptions {
  /** Jobs fetched (and committed) together. */
  batchSize?: number;
  /** Stop once the queue has nothing waiting or in flight (benchmarks, tests); default: run until SIGTERM. */
  exitWhenEmpty?: boolean;
  log?: (line: string) => void;
}

export interface WorkerSummary {
  ingested: number;
  duplicates: number;
  failed: number;
  retried: number;
  dead: number;
  /** Epoch ms: connected and ready to fetch; first job received; last batch acknowledged (benchmarks time the work between). */
  readyAt?: number;
  firstJobAt?: number;
  lastAckAt?: number;
}

const DEFAULT_BATCH = 25;
/** How long a fetch waits for a full batch before taking what there is. */
const FETCH_WAIT_MS = 1000; // the client accepts no less
/** --exit-when-empty, queue drained but others' jobs in flight: poll this often rather than wait FETCH_WAIT_MS per fetch. */
const IDLE_POLL_MS = 100;
const IDLE_POLLS_PER_FETCH = 10;

export async function runWorker(store: AsyncStore, options: WorkerOptions = {}): Promise<WorkerSummary> {
  const log = options.log ?? (() => {});
  const queue = await openQueue(options);
  const summary: WorkerSummary = { ingested: 0, duplicates: 0, failed: 0, retried: 0, dead: 0 };
  let stopping = false;
  // SIGTERM: the batch in hand is finished and acknowledged, then the worker leaves; nothing is dropped.
  const stop = () => {
    stopping = true;
    log("stopping after the current batch");
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  const consumer = await queue.nc.jetstream().consumers.get(queue.names.stream, queue.names.consumer);
  // A batch can take longer than the ack wait (100 long articles through the whole pipeline on a busy core):
  // tell the server the jobs are in progress a few times per ack wait, so they are not redelivered to another
  // worker while this one is still on them (double work, not double results, but wasted cores).
  const ackWaitMs = Number((await consumer.info(true)).config.ack_wait) / 1e6;
  const progressEveryMs = Math.max(100, ackWaitMs / 3);
  let understoodSinceStories = false;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  let idlePolls = 0;
  summary.readyAt = Date.now();
  try {
    while (!stopping) {
      let want = batchSize;
      if (options.exitWhenEmpty) {
        // A fetch waits FETCH_WAIT_MS for a full batch: near the end of a drained queue ask only for what is
        // waiting, and leave at once when nothing is waiting or in flight, instead of one empty wait per worker.
        const info = await queue.jsm.consumers.info(queue.names.stream, queue.names.consumer);
        if (info.num_pending + info.num_ack_pending === 0 && !understoodSinceStories) break;
        if (info.num_pending > 0) want = Math.min(batchSize, info.num_pending);
        else if (info.num_ack_pending > 0 && !understoodSinceStories && ++idlePolls % IDLE_POLLS_PER_FETCH !== 0) {
          // Only other workers' jobs in flight: look again shortly; every IDLE_POLLS_PER_FETCH-th time fetch, for redeliveries.
          await new Promise((r) => setTimeout(r, IDLE_POLL_MS));
          continue;
        }
      }
      const messages: JsMsg[] = [];
      for await (const m of await consumer.fetch({ max_messages: want, expires: FETCH_WAIT_MS })) messages.push(m);
      if (messages.length > 0) summary.firstJobAt ??= Date.now();
      if (messages.length === 0) {
        // Idle: bring the stories up to date (once, across workers: see consolidate.ts), then maybe leave.
        if (understoodSinceStories && store instanceof PostgresStore) {
          const done = await consolidateIfStale(store);
          if (done) log(`stories: ${done.stories} over ${done.articles} articles`);
          understoodSinceStories = false;
        }
        if (options.exitWhenEmpty) {
          const info = await queue.jsm.consumers.info(queue.names.stream, queue.names.consumer);
          if (info.num_pending + info.num_ack_pending === 0) break;
        }
        continue;
      }
      const understood = await handleBatch(queue, store, messages, summary, log, progressEveryMs);
      summary.lastAckAt = Date.now();
      understoodSinceStories ||= understood;
    }
  } finally {
    process.off("SIGTERM", stop);
    process.off("SIGINT", stop);
    await queue.close();
  }
  // Epoch ms, for benchmarks that time the work apart from process start-up (bench/scale.ts reads this line).
  log(`timing: ready ${summary.readyAt} first-job ${summary.firstJobAt ?? "-"} last-ack ${summary.lastAckAt ?? "-"}`);
  return summary;
}

interface Done {
  message: JsMsg;
  job: Job;
  input?: StoredInput;
  problem?: IngestProblem;
}

/** Runs the pipeline on each job, writes the batch, acknowledges. Returns whether any article was understood. */
async function handleBatch(queue: Queue, store: AsyncStore, messages: JsMsg[], summary: WorkerSummary, log: (l: string) => void, progressEveryMs: number): Promise<boolean> {
  const done: Done[] = [];
  let signalledAt = performance.now();
  for (const message of messages) {
    if (performance.now() - signalledAt > progressEveryMs) {
      for (const m of messages) m.working();
      signalledAt = performance.now();
    }
    let job: Job;
    try {
      job = jobCodec.decode(message.data);
    } catch (error) {
      await deadLetter(queue, message, undefined, `not a job: ${(error as Error).message}`, summary);
      continue;
    }
    if (message.info.deliveryCount > QUEUE_POLICY.attempts) {
      // Delivered past its attempts without an ack: it killed or stalled its worker each time.
      await deadLetter(queue, message, job, `no result after ${QUEUE_POLICY.attempts} attempts (worker died or timed out)`, summary);
      continue;
    }
    const unit = fromJob(job);
    await loadUnderstanding(job.options);
    const outcome = processUnit(unit, job.options);
    // A document the pipeline rejects (no text, bad bytes) is a result, recorded like `sitrep ingest` does, not a retry.
    if (outcome.error) done.push({ message, job, problem: { source: unit.source, problem: outcome.error.problem } });
    else done.push({ message, job, input: { id: unit.key!, origin: unit.origin, article: outcome.article } });
  }
  if (done.length === 0) return false;
  try {
    await write(store, done, summary);
    for (const d of done) d.message.ack();
  } catch (error) {
    // One bad row must not sink the batch: write the jobs alone, so only the poison one is retried.
    log(`batch write failed (${(error as Error).message}); writing its ${done.length} jobs one by one`);
    for (const d of done) {
      try {
        await write(store, [d], summary);
        d.message.ack();
      } catch (single) {
        await retryOrDeadLetter(queue, d, (single as Error).message, summary);
      }
    }
  }
  return done.some((d) => d.input && "entities" in d.input.article);
}

async function write(store: AsyncStore, done: readonly Done[], summary: WorkerSummary): Promise<void> {
  const inputs = done.flatMap((d) => (d.input ? [d.input] : []));
  const problems = done.flatMap((d) => (d.problem ? [d.problem] : []));
  const saved = await store.saveArticles(inputs);
  await store.saveProblems(problems);
  summary.ingested += saved.inserted;
  summary.duplicates += saved.duplicates;
  summary.failed += problems.length;
}

async function retryOrDeadLetter(queue: Queue, d: Done, error: string, summary: WorkerSummary): Promise<void> {
  const attempt = d.message.info.deliveryCount;
  if (attempt >= QUEUE_POLICY.attempts) return deadLetter(queue, d.message, d.job, error, summary);
  summary.retried++;
  d.message.nak(QUEUE_POLICY.retryDelaySeconds * 1000 * attempt);
}

async function deadLetter(queue: Queue, message: JsMsg, job: Job | undefined, error: string, summary: WorkerSummary): Promise<void> {
  const letter = {
    source: job?.unit.source ?? `message ${message.seq}`,
    ...(job?.unit.key ? { key: job.unit.key } : {}),
    error,
    deliveries: message.info.deliveryCount,
    time: new Date().toISOString(),
    job: new TextDecoder().decode(message.data),
  };
  // Published before the term: a crash in between leaves the job to be redelivered, never lost.
  await queue.nc.jetstream().publish(queue.names.deadSubject, deadCodec.encode(letter));
  message.term();
  summary.dead++;
}

/**
 * Node flags of a worker process. One process a core is the deployment, and V8's parallel GC helper threads
 * then only contend with the other workers' main threads: with them, one worker used ~1.36 cores; without
 * them, 3,000 news articles through the whole pipeline took 44 s of work instead of 51, on a third less CPU.
 * (A GC flag must be given at start: set at run time it crashed V8.)
 */
export const WORKER_NODE_FLAGS = ["--single-threaded-gc"] as const;

/**
 * `--concurrency N`: N worker processes (the pipeline is CPU-bound and synchronous, so one process uses one
 * core). Each is this same command with one process; SIGTERM is passed on, and the parent waits for all.
 */
export async function runWorkerProcesses(count: number, args: readonly string[]): Promise<number> {
  const { spawn } = await import("node:child_process");
  const flags = [...new Set([...WORKER_NODE_FLAGS, ...process.execArgv])];
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, [...flags, process.argv[1]!, ...args], { stdio: "inherit" }));
  const forward = (signal: NodeJS.Signals) => () => children.forEach((c) => c.kill(signal));
  const onTerm = forward("SIGTERM");
  const onInt = forward("SIGINT");
  process.on("SIGTERM", onTerm);
  process.on("SIGINT", onInt);
  const codes = await Promise.all(children.map((c) => new Promise<number>((resolve) => c.on("exit", (code) => resolve(code ?? 1)))));
  process.off("SIGTERM", onTerm);
  process.off("SIGINT", onInt);
  return Math.max(...codes);
}
