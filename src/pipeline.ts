/**
 * The pipeline as the CLI and later stages drive it: sources -> raw documents -> articles,
 * streaming and in input order. A bad document becomes an outcome with its error; the batch goes on.
 */
import { DocumentError } from "./errors.ts";
import { extractArticle, type ExtractOptions } from "./extract/index.ts";
import { readSources, type ReadOptions } from "./ingest/files.ts";
import type { understand as Understand } from "./understand/index.ts";
import { quickLanguage } from "./extract/language.ts";
import { Article, IsoDate, type RawDocument, type UnderstoodArticle } from "./schema.ts";
import type { ArticleFields, IngestUnit } from "./ingest/units.ts";
import { readUnits, type UnitOptions } from "./ingest/sources.ts";
import type { IngestProblem, Store, StoredInput } from "./store/index.ts";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

export interface PipelineOptions extends ExtractOptions {
  /** Run the understand stage too: languages, entities, places, quotes, figures. */
  understand?: boolean;
  /** Code PLOVER events too (implies understand). */
  events?: boolean;
}

let understandFn: typeof Understand | undefined;

/**
 * Loads the understand stage. It is imported on demand because its modules read seconds' worth of tables
 * at import (n-gram, name and place tables), which a plain `sitrep extract` or `search` should not pay.
 * Runs that understand call this once before processing; it is a no-op when the options do not ask for it.
 */
export async function loadUnderstanding(options: PipelineOptions = { understand: true }): Promise<void> {
  if (options.understand || options.events) understandFn ??= (await import("./understand/index.ts")).understand;
}

function understandStage(): typeof Understand {
  if (!understandFn) throw new Error("the understand stage is not loaded: await loadUnderstanding(options) before processing");
  return understandFn;
}

export type Outcome =
  | { source: string; article: Article | UnderstoodArticle; error?: undefined }
  | { source: string; error: DocumentError; article?: undefined };

/** One raw document through extract; any failure is turned into a DocumentError naming the source. */
export function processDocument(raw: RawDocument, options: PipelineOptions = {}): Outcome {
  try {
    const article = extractArticle(raw, options);
    const deeper = options.understand || options.events;
    return { source: raw.source, article: deeper ? understandStage()(article, { events: options.events }) : article };
  } catch (error) {
    return { source: raw.source, error: asDocumentError(raw.source, error) };
  }
}

export async function* extractSources(
  sources: readonly string[],
  options: PipelineOptions & ReadOptions = {},
): AsyncGenerator<Outcome> {
  await loadUnderstanding(options);
  for await (const read of readSources(sources, options)) {
    yield read.error ? { source: read.source, error: read.error } : processDocument(read.raw, options);
  }
}

export function asDocumentError(source: string, error: unknown): DocumentError {
  if (error instanceof DocumentError) return error;
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return new DocumentError(source, `extraction failed: ${message}`);
}

/**
 * One ingest unit through the pipeline: bytes are extracted, fields a structured source gave (feed item,
 * table row) fill or override what extraction found, then understand runs when asked.
 */
export function processUnit(unit: IngestUnit, options: PipelineOptions = {}): Outcome {
  if (unit.problem !== undefined) return { source: unit.source, error: new DocumentError(unit.source, unit.problem) };
  try {
    let article = unit.raw ? extractArticle(unit.raw, options) : articleFromFields(unit.source, unit.fields ?? {});
    if (unit.raw && unit.fields) article = overlayFields(article, unit.fields);
    const deeper = options.understand || options.events;
    return { source: unit.source, article: deeper ? understandStage()(article, { events: options.events }) : article };
  } catch (error) {
    return { source: unit.source, error: asDocumentError(unit.source, error) };
  }
}

function articleFromFields(source: string, fields: ArticleFields): Article {
  const text = (fields.text ?? "").replace(/\r\n?/g, "\n").trim();
  if (!text) throw new DocumentError(source, "no text");
  const warnings: string[] = [];
  const guess = fields.language ? undefined : quickLanguage(text);
  return Article.parse({
    source,
    url: fields.url,
    title: fields.title,
    publisher: fields.publisher,
    authors: fields.authors ?? [],
    published: isoDate(fields.published, warnings),
    language: fields.language ?? guess?.language,
    text,
    encoding: "utf-8",
    kind: "text",
    warnings,
  });
}

function overlayFields(article: Article, fields: ArticleFields): Article {
  const warnings = [...article.warnings];
  const published = isoDate(fields.published, warnings);
  return Article.parse({
    ...article,
    url: fields.url ?? article.url,
    title: fields.title ?? article.title,
    publisher: fields.publisher ?? article.publisher,
    authors: fields.authors?.length ? fields.authors : article.authors,
    published: published ?? article.published,
    language: fields.language ?? article.language,
    warnings,
  });
}

/** A source's date string -> ISO 8601 ("2022-12-19 07:31" and RFC 822 feed dates included), else a warning. */
function isoDate(value: string | undefined, warnings: string[]): string | undefined {
  if (!value) return undefined;
  const spaced = value.trim().replace(/^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(:\d{2})?)/, "$1T$2");
  if (IsoDate.safeParse(spaced).success) return spaced;
  const time = Date.parse(value);
  if (Number.isFinite(time) && /[+-]\d{2}:?\d{2}\b|\b(?:GMT|UTC|Z)\b/i.test(value)) return new Date(time).toISOString().replace(/\.000Z$/, "Z");
  warnings.push(`date "${value.slice(0, 40)}" from the source could not be read`);
  return undefined;
}

export interface IngestOptions extends PipelineOptions, UnitOptions {
  /** Most worker threads; 0 runs the pipeline on the main thread. Default: one per core. Small jobs use fewer (WORKER_RULE). */
  workers?: number;
  /** Articles per transaction: what an interrupted run can lose (and redo). */
  batchSize?: number;
  /** Called for every document: "ingested", "duplicate" or "failed". */
  onDocument?: (result: "ingested" | "duplicate" | "failed", source: string) => void;
  onProblem?: (problem: IngestProblem) => void;
}

export interface IngestSummary {
  ingested: number;
  duplicates: number;
  failed: number;
  seconds: number;
}

const DEFAULT_BATCH = 50;

/**
 * How many worker threads a job gets. Each thread pays its own start-up before its first document: tsx, and with
 * understand the language model (Lingua, ~800 MB, 9-35 s) and the NER, gazetteer and name tables. So a thread is
 * only worth starting for `docsPerThread` new documents or more: a job below that runs in the main thread (which
 * loads everything once), a larger one gets one thread per `docsPerThread` documents, up to `workers`.
 * The job's size is learnt by reading ahead up to `docsPerThread * workers` new units before starting any thread.
 */
export const WORKER_RULE = {
  docsPerThread: { extract: 200, understand: 500 },
  /** Units per message to a thread: one round trip (and structured clone) per message, not per document. */
  unitsPerMessage: 8,
  /** Messages outstanding per thread, so a thread never waits for the main thread between messages. */
  messagesPerThread: 2,
} as const;

/** Threads for a job of `known` new units (`complete`: the whole job was read ahead). */
export function threadsFor(known: number, complete: boolean, maxWorkers: number, understanding: boolean): number {
  const perThread = understanding ? WORKER_RULE.docsPerThread.understand : WORKER_RULE.docsPerThread.extract;
  if (maxWorkers <= 0) return 0;
  if (!complete) return maxWorkers;
  return Math.min(maxWorkers, Math.floor(known / perThread));
}

type NewUnit = IngestUnit & { key: string };

/**
 * Sources -> store. Units whose content hash is already stored are skipped before any work; the rest run
 * through the pipeline (on a worker pool for large jobs, see WORKER_RULE) and are committed a batch at a time.
 */
export async function ingestSources(sources: readonly string[], store: Store, options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const summary: IngestSummary = { ingested: 0, duplicates: 0, failed: 0, seconds: 0 };
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const pipelineOptions: PipelineOptions = { understand: options.understand, events: options.events };
  await loadUnderstanding(pipelineOptions);
  const maxWorkers = options.workers ?? availableParallelism();
  const understanding = Boolean(options.understand || options.events);
  const perThread = understanding ? WORKER_RULE.docsPerThread.understand : WORKER_RULE.docsPerThread.extract;
  const readAhead = maxWorkers > 0 ? perThread * maxWorkers : 0;
  // Decided once the read-ahead is full or the input ends; a re-run of known inputs starts no thread.
  let threads: number | undefined;
  let pool: PipelinePool | undefined;
  const ahead: NewUnit[] = [];
  const seen = new Set<string>();
  let batch: StoredInput[] = [];
  let problems: IngestProblem[] = [];
  const flush = () => {
    const saved = store.saveArticles(batch);
    summary.ingested += saved.inserted;
    summary.duplicates += saved.duplicates;
    store.saveProblems(problems);
    batch = [];
    problems = [];
  };
  const fail = (source: string, problem: string) => {
    summary.failed++;
    problems.push({ source, problem });
    options.onProblem?.({ source, problem });
    options.onDocument?.("failed", source);
  };
  const settle = (unit: IngestUnit, outcome: Outcome) => {
    if (outcome.error) return fail(unit.source, outcome.error.problem);
    batch.push({ id: unit.key!, origin: unit.origin, article: outcome.article });
    options.onDocument?.("ingested", unit.source);
    if (batch.length >= batchSize) flush();
  };
  const inFlight = new Set<Promise<void>>();
  let chunk: NewUnit[] = [];
  const send = async () => {
    const units = chunk;
    chunk = [];
    if (units.length === 0) return;
    const job: Promise<void> = pool!.run(units).then((outcomes) => outcomes.forEach((o, i) => settle(units[i]!, o))).finally(() => inFlight.delete(job));
    inFlight.add(job);
    if (inFlight.size >= pool!.size * WORKER_RULE.messagesPerThread) await Promise.race(inFlight);
  };
  const handle = async (unit: NewUnit) => {
    if (!pool) return settle(unit, processUnit(unit, pipelineOptions));
    chunk.push(unit);
    if (chunk.length >= WORKER_RULE.unitsPerMessage) await send();
  };
  const decide = async (complete: boolean) => {
    threads = threadsFor(ahead.length, complete, maxWorkers, understanding);
    if (threads > 0) pool = new PipelinePool(threads, pipelineOptions);
    for (const unit of ahead.splice(0)) await handle(unit);
  };
  try {
    for await (const unit of readUnits(sources, options)) {
      if (unit.problem !== undefined) {
        fail(unit.source, unit.problem);
        continue;
      }
      if (seen.has(unit.key) || store.knownIds([unit.key]).size > 0) {
        seen.add(unit.key);
        summary.duplicates++;
        options.onDocument?.("duplicate", unit.source);
        continue;
      }
      seen.add(unit.key);
      if (threads !== undefined) await handle(unit);
      else {
        ahead.push(unit);
        if (ahead.length >= readAhead) await decide(false);
      }
    }
    if (threads === undefined) await decide(true);
    if (pool) await send();
    await Promise.all(inFlight);
    flush();
  } finally {
    await pool?.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

interface Assignment {
  units: readonly IngestUnit[];
  worker: Worker;
  resolve: (outcomes: Outcome[]) => void;
}

/**
 * Worker threads running processUnit on messages of several units; TypeScript is loaded in each through tsx's
 * register API. A message goes to the thread with the fewest outstanding, up to WORKER_RULE.messagesPerThread.
 */
class PipelinePool {
  private readonly workers: Worker[] = [];
  private readonly outstanding = new Map<Worker, number>();
  private readonly waiting: (() => void)[] = [];
  private readonly assignments = new Map<number, Assignment>();
  private nextId = 0;

  constructor(readonly size: number, options: PipelineOptions) {
    const entry = new URL("./pipeline-worker.ts", import.meta.url).href;
    // Workers do not inherit the parent's loader hooks: register tsx first, then load the TypeScript entry.
    const boot = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(boot, { eval: true, workerData: options });
      worker.on("message", (m: { id: number; results: { article?: Article | UnderstoodArticle; problem?: string }[] }) => {
        const assignment = this.assignments.get(m.id)!;
        this.assignments.delete(m.id);
        this.release(worker);
        assignment.resolve(assignment.units.map((unit, i) => {
          const r = m.results[i];
          return r?.article ? { source: unit.source, article: r.article } : { source: unit.source, error: new DocumentError(unit.source, r?.problem ?? "failed") };
        }));
      });
      worker.on("error", (error) => {
        // A crashed worker fails its documents; the rest of the job goes on in the other workers.
        this.outstanding.set(worker, Infinity);
        for (const [id, a] of this.assignments) {
          if (a.worker !== worker) continue;
          this.assignments.delete(id);
          a.resolve(a.units.map((unit) => ({ source: unit.source, error: asDocumentError(unit.source, error) })));
        }
        this.waiting.shift()?.();
      });
      this.workers.push(worker);
      this.outstanding.set(worker, 0);
    }
  }

  private release(worker: Worker): void {
    this.outstanding.set(worker, this.outstanding.get(worker)! - 1);
    this.waiting.shift()?.();
  }

  private leastBusy(): Worker | undefined {
    let best: Worker | undefined;
    for (const w of this.workers) if (this.outstanding.get(w)! < WORKER_RULE.messagesPerThread && (!best || this.outstanding.get(w)! < this.outstanding.get(best)!)) best = w;
    return best;
  }

  async run(units: readonly IngestUnit[]): Promise<Outcome[]> {
    let worker = this.leastBusy();
    while (!worker) {
      if (this.workers.every((w) => this.outstanding.get(w) === Infinity)) {
        return units.map((unit) => ({ source: unit.source, error: new DocumentError(unit.source, "every worker thread crashed") }));
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      worker = this.leastBusy();
    }
    const id = this.nextId++;
    this.outstanding.set(worker, this.outstanding.get(worker)! + 1);
    return new Promise<Outcome[]>((resolve) => {
      this.assignments.set(id, { units, worker: worker!, resolve });
      worker!.postMessage({ id, units });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
