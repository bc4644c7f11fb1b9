/**
 * The job queue: NATS JetStream. One work-queue stream of jobs (one ingest unit each: a document, a feed
 * item, an archive record or table row), one durable pull consumer shared by every worker (explicit acks,
 * ack wait with backoff, bounded deliveries), and a dead-letter stream where poison jobs land with their error.
 */
import {
  AckPolicy,
  DeliverPolicy,
  JSONCodec,
  RetentionPolicy,
  StorageType,
  connect,
  nanos,
  type ConsumerInfo,
  type JetStreamManager,
  type NatsConnection,
  type StreamInfo,
} from "nats";
import type { IngestUnit } from "../ingest/units.ts";
import type { PipelineOptions } from "../pipeline.ts";

export const DEFAULT_NATS = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
export const DEFAULT_QUEUE = "SITREP";

/** Delivery policy: what "retries with backoff" means here. */
export const QUEUE_POLICY = {
  /** Attempts that run the pipeline; one more delivery only moves the job to the dead letters (see worker.ts). */
  attempts: 4,
  /** How long a worker holds a job before it is redelivered to another (a killed worker's jobs come back after this). */
  ackWaitSeconds: 30,
  /** Redelivery delay after a failed attempt (nak), multiplied by the attempt number. */
  retryDelaySeconds: 2,
  /** Jobs handed to one worker at a time, unacknowledged: bounds the work a crash can repeat. */
  maxAckPending: 1000,
  /** JetStream drops a re-published job with the same id (content hash) within this window. */
  duplicateWindowSeconds: 600,
} as const;

export interface QueueNames {
  stream: string;
  subject: string;
  consumer: string;
  dead: string;
  deadSubject: string;
}

/** Every name derives from one queue name, so tests and benchmarks can run side by side on one server. */
export function queueNames(queue: string = DEFAULT_QUEUE): QueueNames {
  if (!/^[A-Za-z0-9_-]+$/.test(queue)) throw new Error(`queue name "${queue}": letters, digits, _ and - only`);
  const lower = queue.toLowerCase();
  return { stream: `${queue}_JOBS`, subject: `${lower}.jobs`, consumer: "workers", dead: `${queue}_DEAD`, deadSubject: `${lower}.dead` };
}

/** What travels in a job: the unit (bytes as base64) and how deep to run the pipeline. */
export interface Job {
  unit: Omit<IngestUnit, "raw"> & { raw?: { source: string; bytes64: string; url?: string; contentType?: string } };
  options: PipelineOptions;
}

export interface DeadLetter {
  source: string;
  key?: string;
  error: string;
  deliveries: number;
  time: string;
  /** The job as it was, to re-enqueue after a fix. */
  job: string;
}

export const jobCodec = JSONCodec<Job>();
export const deadCodec = JSONCodec<DeadLetter>();

export function toJob(unit: IngestUnit, options: PipelineOptions): Job {
  if (unit.problem !== undefined || !unit.raw) return { unit: { ...unit, raw: undefined }, options };
  const { bytes, ...rest } = unit.raw;
  return { unit: { ...unit, raw: { ...rest, bytes64: Buffer.from(bytes).toString("base64") } }, options };
}

export function fromJob(job: Job): IngestUnit {
  const raw = job.unit.raw;
  if (!raw) return { ...job.unit, raw: undefined } as IngestUnit;
  const { bytes64, ...rest } = raw;
  return { ...job.unit, raw: { ...rest, bytes: new Uint8Array(Buffer.from(bytes64, "base64")) } } as IngestUnit;
}

export interface QueueOptions {
  nats?: string;
  queue?: string;
  /** Overrides QUEUE_POLICY.ackWaitSeconds when the consumer is first created (tests use a short one). */
  ackWaitSeconds?: number;
}

export interface Queue {
  nc: NatsConnection;
  jsm: JetStreamManager;
  names: QueueNames;
  close(): Promise<void>;
}

/** Connects and makes sure the stream, the dead-letter stream and the consumer exist (idempotent). */
export async function openQueue(options: QueueOptions = {}): Promise<Queue> {
  const nc = await connect({ servers: options.nats ?? DEFAULT_NATS, timeout: 3000 });
  const names = queueNames(options.queue);
  const jsm = await nc.jetstreamManager();
  await ensureStream(jsm, {
    name: names.stream,
    subjects: [names.subject],
    retention: RetentionPolicy.Workqueue,
    storage: StorageType.File,
    duplicate_window: nanos(QUEUE_POLICY.duplicateWindowSeconds * 1000),
  });
  await ensureStream(jsm, { name: names.dead, subjects: [names.deadSubject], retention: RetentionPolicy.Limits, storage: StorageType.File });
  const ackWait = options.ackWaitSeconds ?? QUEUE_POLICY.ackWaitSeconds;
  const consumer = {
    durable_name: names.consumer,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    // One delivery beyond the attempts, so a job that killed its worker every time still reaches the dead letters.
    max_deliver: QUEUE_POLICY.attempts + 1,
    ack_wait: nanos(ackWait * 1000),
    // Redeliveries after an ack timeout (a dead or stuck worker) back off; the first value is the ack wait.
    backoff: [1, 2, 4, 8].map((k) => nanos(ackWait * k * 1000)),
    max_ack_pending: QUEUE_POLICY.maxAckPending,
  };
  try {
    await jsm.consumers.info(names.stream, names.consumer);
  } catch {
    await jsm.consumers.add(names.stream, consumer);
  }
  return { nc, jsm, names, close: () => nc.drain() };
}

async function ensureStream(jsm: JetStreamManager, config: Parameters<JetStreamManager["streams"]["add"]>[0]): Promise<void> {
  try {
    await jsm.streams.info(config.name!);
  } catch {
    await jsm.streams.add(config);
  }
}

/** Publishes jobs, a window at a time (each publish waits for the stream's ack); the content hash is the message id. */
export async function publishJobs(queue: Queue, jobs: AsyncIterable<Job>, onPublished?: (job: Job, duplicate: boolean) => void): Promise<{ published: number; duplicates: number }> {
  const js = queue.nc.jetstream();
  const WINDOW = 256;
  const pending = new Set<Promise<void>>();
  let published = 0;
  let duplicates = 0;
  for await (const job of jobs) {
    const msgID = job.unit.key ?? `problem:${job.unit.source}`;
    const p: Promise<void> = js.publish(queue.names.subject, jobCodec.encode(job), { msgID }).then((ack) => {
      if (ack.duplicate) duplicates++;
      else published++;
      onPublished?.(job, ack.duplicate);
    }).finally(() => pending.delete(p));
    pending.add(p);
    if (pending.size >= WINDOW) await Promise.race(pending);
  }
  await Promise.all(pending);
  return { published, duplicates };
}

export interface QueueStatus {
  /** Jobs not yet handed to a worker. */
  waiting: number;
  /** Handed out, not yet acknowledged. */
  inFlight: number;
  /** Deliveries beyond the first (retries and redeliveries after a crash). */
  redelivered: number;
  /** Jobs acknowledged since the consumer was made. */
  done: number;
  deadLetters: number;
  /** Jobs acknowledged per second over the sampling interval (undefined without one). */
  rate?: number;
  recentDead: DeadLetter[];
}

function summarize(info: ConsumerInfo): Pick<QueueStatus, "waiting" | "inFlight" | "redelivered" | "done"> {
  return { waiting: info.num_pending, inFlight: info.num_ack_pending, redelivered: info.num_redelivered, done: info.ack_floor.consumer_seq };
}

export async function queueStatus(queue: Queue, options: { sampleSeconds?: number; recentDead?: number } = {}): Promise<QueueStatus> {
  const { stream, consumer, dead } = queue.names;
  const first = summarize(await queue.jsm.consumers.info(stream, consumer));
  let rate: number | undefined;
  let now = first;
  if (options.sampleSeconds && options.sampleSeconds > 0) {
    await new Promise((r) => setTimeout(r, options.sampleSeconds! * 1000));
    now = summarize(await queue.jsm.consumers.info(stream, consumer));
    rate = (now.done - first.done) / options.sampleSeconds;
  }
  const deadInfo: StreamInfo = await queue.jsm.streams.info(dead);
  const recentDead: DeadLetter[] = [];
  const last = deadInfo.state.last_seq;
  for (let seq = last; seq >= deadInfo.state.first_seq && seq > 0 && recentDead.length < (options.recentDead ?? 5); seq--) {
    const m = await queue.jsm.streams.getMessage(dead, { seq }).catch(() => undefined);
    if (m) recentDead.push(deadCodec.decode(m.data));
  }
  return { ...now, deadLetters: deadInfo.state.messages, ...(rate === undefined ? {} : { rate }), recentDead };
}

/** Removes a queue's streams (tests, benchmarks). */
export async function deleteQueue(queue: Queue): Promise<void> {
  for (const name of [queue.names.stream, queue.names.dead]) await queue.jsm.streams.delete(name).catch(() => false);
}
