/**
 * The pipeline as the CLI and later stages drive it: sources -> raw documents -> articles,
 * streaming and in input order. A bad document becomes an outcome with its error; the batch goes on.
 */
import { DocumentError } from "./errors.ts";
import { extractArticle, type ExtractOptions } from "./extract/index.ts";
import { readSources, type ReadOptions } from "./ingest/files.ts";
import { understand } from "./understand/index.ts";
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

export type Outcome =
  | { source: string; article: Article | UnderstoodArticle; error?: undefined }
  | { source: string; error: DocumentError; article?: undefined };

/** One raw document through extract; any failure is turned into a DocumentError naming the source. */
export function processDocument(raw: RawDocument, options: PipelineOptions = {}): Outcome {
  try {
    const article = extractArticle(raw, options);
    const deeper = options.understand || options.events;
    return { source: raw.source, article: deeper ? understand(article, { events: options.events }) : article };
  } catch (error) {
    return { source: raw.source, error: asDocumentError(raw.source, error) };
  }
}

export async function* extractSources(
  sources: readonly string[],
  options: PipelineOptions & ReadOptions = {},
): AsyncGenerator<Outcome> {
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
    return { source: unit.source, article: deeper ? understand(article, { events: options.events }) : article };
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
  /** Worker threads; 0 runs the pipeline on the main thread. Default: one per core. */
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
/** Units queued per worker, so no worker waits for the reader. */
const QUEUE_PER_WORKER = 4;

/**
 * Sources -> store. Units whose content hash is already stored are skipped before any work; the rest run
 * through the pipeline on a worker pool and are committed a batch at a time.
 */
export async function ingestSources(sources: readonly string[], store: Store, options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const summary: IngestSummary = { ingested: 0, duplicates: 0, failed: 0, seconds: 0 };
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const pipelineOptions: PipelineOptions = { understand: options.understand, events: options.events };
  const workers = options.workers ?? availableParallelism();
  // Started at the first new document, so a re-run of known inputs costs no thread start-up.
  let pool: PipelinePool | undefined;
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
  const settle = (unit: IngestUnit & { key: string }, outcome: Outcome) => {
    if (outcome.error) return fail(unit.source, outcome.error.problem);
    batch.push({ id: unit.key, origin: unit.origin, article: outcome.article });
    options.onDocument?.("ingested", unit.source);
    if (batch.length >= batchSize) flush();
  };
  const inFlight = new Set<Promise<void>>();
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
      if (workers === 0) {
        settle(unit, processUnit(unit, pipelineOptions));
        continue;
      }
      pool ??= new PipelinePool(workers, pipelineOptions);
      const job: Promise<void> = pool.run(unit).then((outcome) => settle(unit, outcome)).finally(() => inFlight.delete(job));
      inFlight.add(job);
      if (inFlight.size >= workers * QUEUE_PER_WORKER) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    flush();
  } finally {
    await pool?.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** Worker threads running processUnit; TypeScript is loaded in each through tsx's register API. */
class PipelinePool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: (() => void)[] = [];
  private readonly pending = new Map<number, (outcome: Outcome) => void>();
  private readonly units = new Map<number, IngestUnit>();
  private nextId = 0;

  constructor(size: number, options: PipelineOptions) {
    const entry = new URL("./pipeline-worker.ts", import.meta.url).href;
    // Workers do not inherit the parent's loader hooks: register tsx first, then load the TypeScript entry.
    const boot = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(boot, { eval: true, workerData: options });
      worker.on("message", (m: { id: number; article?: Article | UnderstoodArticle; problem?: string }) => {
        const resolve = this.pending.get(m.id)!;
        const unit = this.units.get(m.id)!;
        this.pending.delete(m.id);
        this.units.delete(m.id);
        this.release(worker);
        resolve(m.article ? { source: unit.source, article: m.article } : { source: unit.source, error: new DocumentError(unit.source, m.problem ?? "failed") });
      });
      worker.on("error", (error) => {
        // A crashed worker fails its document; the rest of the batch goes on in the other workers.
        for (const [id, unit] of this.units) {
          if (this.assigned.get(id) !== worker) continue;
          this.pending.get(id)?.({ source: unit.source, error: asDocumentError(unit.source, error) });
          this.pending.delete(id);
          this.units.delete(id);
        }
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  private readonly assigned = new Map<number, Worker>();

  private release(worker: Worker): void {
    this.idle.push(worker);
    this.waiting.shift()?.();
  }

  async run(unit: IngestUnit): Promise<Outcome> {
    while (this.idle.length === 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    const worker = this.idle.shift()!;
    const id = this.nextId++;
    this.units.set(id, unit);
    this.assigned.set(id, worker);
    return new Promise<Outcome>((resolve) => {
      this.pending.set(id, (outcome) => {
        this.assigned.delete(id);
        resolve(outcome);
      });
      worker.postMessage({ id, unit });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
