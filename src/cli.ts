/** The `sitrep` command: a thin shell over the library. */
import { Command, Option } from "commander";
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { expandInputs } from "./ingest/files.ts";
import { extractSources, ingestSources } from "./pipeline.ts";
import { expandIngestInputs } from "./ingest/sources.ts";
import { parseFieldMap } from "./ingest/tables.ts";
import { DEFAULT_DB, SEARCH_DEFAULTS, openAsyncStore, openStore, type SearchFilters } from "./store/index.ts";
import { DEFAULT_NATS, DEFAULT_QUEUE, openQueue, queueStatus } from "./scale/queue.ts";
import { startProgress } from "./progress.ts";
import { consolidateStore } from "./consolidate/index.ts";
import { EXPORT_FORMATS, exportStore, type ExportFormat } from "./serve/export.ts";
import type { Story } from "./consolidate/stories.ts";
import { formatArticle, type OutputFormat } from "./serve/format.ts";

interface ExtractCommandOptions {
  json?: boolean;
  jsonl?: boolean;
  format?: OutputFormat;
  url?: string;
  understand?: boolean;
  events?: boolean;
}

// A reader that stops early (`| head`) closes the pipe: that ends the output, it is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const program = new Command()
  .name("sitrep")
  .description("Turn raw, noisy, multilingual news into clean, dated articles and the facts in them.")
  .showHelpAfterError();

program
  .command("extract")
  .description("Extract one clean Article per document (HTML page or scraped text dump).")
  .argument("<inputs...>", "files, directories, globs, or - for standard input")
  .option("--json", "pretty JSON (an array when there are several documents)")
  .option("--jsonl", "one JSON record per line (the default for several documents)")
  .addOption(new Option("--format <format>", "output format").choices(["json", "jsonl", "text", "markdown"]))
  .option("--url <url>", "the page's URL, when the file does not say it")
  .option("--understand", "add languages, entities, places, quotes and figures to each record")
  .option("--events", "also code PLOVER events (implies --understand)")
  .action(async (inputs: string[], opts: ExtractCommandOptions) => {
    const sources = await expandInputs(inputs);
    if (sources.length === 0) {
      console.error(`sitrep: no input matched ${inputs.join(" ")}`);
      process.exitCode = 2;
      return;
    }
    const many = sources.length > 1;
    const format: OutputFormat = opts.format ?? (opts.json ? "json" : opts.jsonl || many ? "jsonl" : "json");
    const asArray = format === "json" && many;
    const progress = startProgress(sources.length, "extract");
    let extracted = 0;
    const failed: string[] = [];
    if (asArray) process.stdout.write("[\n");
    for await (const outcome of extractSources(sources, { url: opts.url, understand: opts.understand, events: opts.events })) {
      progress.tick(!outcome.error);
      if (outcome.error) {
        failed.push(outcome.error.message);
        process.stderr.write(`sitrep: ${outcome.error.message}\n`);
        continue;
      }
      const rendered = formatArticle(outcome.article, format);
      process.stdout.write(asArray && extracted > 0 ? `,\n${rendered}` : rendered);
      if (!asArray && (format === "text" || format === "markdown") && many) process.stdout.write("\n---\n\n");
      extracted++;
    }
    if (asArray) process.stdout.write("]\n");
    progress.stop();
    if (many || failed.length > 0) {
      process.stderr.write(`sitrep: ${extracted} extracted, ${failed.length} failed of ${sources.length} documents\n`);
    }
    // Non-zero only when nothing could be extracted: a batch with some bad files still succeeded.
    if (extracted === 0) process.exitCode = 1;
  });

interface IngestCommandOptions {
  db: string;
  understand: boolean;
  events: boolean;
  map?: string;
  workers?: string;
  batch?: string;
  allowPrivate?: boolean;
  rate?: string;
  timeout?: string;
  maxBytes?: string;
}

program
  .command("ingest")
  .description("Ingest documents into the store: HTML, text dumps, WARC/WET, RSS/Atom, JSONL/CSV; each runs the pipeline.")
  .argument("<inputs...>", "files, directories, globs, URLs or lists of URLs, or - for standard input")
  .option("--db <path>", "the SQLite store", DEFAULT_DB)
  .option("--no-understand", "extract only: skip languages, entities, quotes, figures and events (much faster)")
  .option("--no-events", "understand, but do not code PLOVER events")
  .option("--map <field=column,...>", "table columns for article fields, e.g. title=headline,text=body")
  .option("--workers <n>", "worker threads (default: one per core; 0 = main thread only)")
  .option("--batch <n>", "articles per transaction", "50")
  .option("--allow-private", "fetch loopback and private-network addresses too (refused by default)")
  .option("--rate <n>", "requests per second to one host (robots.txt Crawl-delay can lower it)", "1")
  .option("--timeout <seconds>", "give up on a page after this long", "20")
  .option("--max-bytes <n>", "largest page fetched, in bytes", String(10 * 1024 * 1024))
  .action(async (inputs: string[], opts: IngestCommandOptions) => {
    const map = parseFieldMap(opts.map);
    const sources = await expandIngestInputs(inputs);
    if (sources.length === 0) {
      console.error(`sitrep: no input matched ${inputs.join(" ")}`);
      process.exitCode = 2;
      return;
    }
    const store = await openStore(opts.db);
    const progress = startProgress(sources.length, "ingest");
    const bySource = new Set<string>();
    try {
      const summary = await ingestSources(sources, store, {
        understand: opts.understand,
        events: opts.understand && opts.events,
        map,
        workers: opts.workers === undefined ? undefined : Number(opts.workers),
        batchSize: Math.max(1, Number(opts.batch) || 50),
        fetch: {
          allowPrivate: opts.allowPrivate ?? false,
          ratePerSecond: Number(opts.rate) > 0 ? Number(opts.rate) : undefined,
          timeoutMs: Number(opts.timeout) > 0 ? Number(opts.timeout) * 1000 : undefined,
          maxBytes: Number(opts.maxBytes) > 0 ? Number(opts.maxBytes) : undefined,
        },
        onProblem: (p) => process.stderr.write(`sitrep: ${p.source}: ${p.problem}\n`),
        onDocument: (result, source) => {
          // The bar counts input files; an archive or table ticks once, at its first document.
          const file = source.replace(/(?:@\d+|#\d+|:\d+)$/, "");
          if (sources.includes(file) && !bySource.has(file)) {
            bySource.add(file);
            progress.tick(result !== "failed");
          }
        },
      });
      progress.stop();
      process.stderr.write(
        `sitrep: ${summary.ingested} ingested, ${summary.duplicates} skipped as duplicates, ${summary.failed} failed ` +
          `in ${summary.seconds.toFixed(1)} s -> ${opts.db}\n`,
      );
      if (summary.ingested + summary.duplicates === 0) process.exitCode = 1;
      if (opts.understand && summary.ingested > 0) {
        const stories = consolidateStore(store);
        process.stderr.write(
          `sitrep: ${stories.stories} stories over ${stories.articles} articles (${stories.crossLanguage} across languages)\n`,
        );
      }
    } finally {
      store.close();
    }
  });

interface SearchCommandOptions {
  db: string;
  from?: string;
  to?: string;
  lang?: string;
  entity?: string;
  place?: string;
  type?: string;
  limit: string;
  json?: boolean;
}

program
  .command("search")
  .description(
    'Full-text search, best first: words are ANDed, "quoted words" are a phrase; accents and case do not matter. ' +
      `A search matching more than ${SEARCH_DEFAULTS.rankedMatches} articles ranks the ${SEARCH_DEFAULTS.rankedMatches} most recently stored of them.`,
  )
  .argument("<query>", "what to look for")
  .option("--db <path>", "the SQLite store", DEFAULT_DB)
  .option("--from <date>", "published on or after (2022, 2022-03, 2022-03-01)")
  .option("--to <date>", "published on or before (the whole year/month/day given)")
  .option("--lang <code>", "ISO 639-1 language")
  .option("--entity <name>", "mentions this entity (name, alias or linked id)")
  .option("--place <name>", "mentions this place")
  .option("--type <plover>", "has a PLOVER event of this type (ASSAULT, PROTEST...)")
  .option("--limit <n>", "results", "20")
  .option("--json", "JSON lines")
  .action(async (query: string, opts: SearchCommandOptions) => {
    const store = await openStore(opts.db);
    try {
      const filters: SearchFilters = {
        from: opts.from, to: opts.to, language: opts.lang, entity: opts.entity, place: opts.place, eventType: opts.type,
        limit: Math.max(1, Number(opts.limit) || 20),
      };
      const hits = store.search(query, filters);
      for (const hit of hits) {
        if (opts.json) {
          process.stdout.write(JSON.stringify(hit) + "\n");
        } else {
          const meta = [hit.published?.slice(0, 10), hit.language, hit.url].filter(Boolean).join("  ");
          process.stdout.write(`${hit.id.slice(0, 12)}  ${hit.title ?? "(untitled)"}\n    ${meta}\n    ${hit.snippet.replace(/\s+/g, " ")}\n\n`);
        }
      }
      if (!opts.json) process.stderr.write(`sitrep: ${hits.length} result${hits.length === 1 ? "" : "s"}\n`);
      if (hits.length === 0) process.exitCode = 1;
    } finally {
      store.close();
    }
  });

program
  .command("show")
  .description("One stored article, as JSON (an id prefix is enough).")
  .argument("<id>", "article id (sha256 of its bytes) or a unique prefix")
  .option("--db <path>", "the SQLite store", DEFAULT_DB)
  .action(async (id: string, opts: { db: string }) => {
    const store = await openStore(opts.db);
    try {
      const stored = store.getArticle(id);
      if (!stored) {
        console.error(`sitrep: no article ${id} (or the prefix is not unique)`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(JSON.stringify({ id: stored.id, origin: stored.origin, ingestedAt: stored.ingestedAt, stories: stored.stories, ...stored.article }, null, 2) + "\n");
    } finally {
      store.close();
    }
  });

program
  .command("entity")
  .description("An entity across the store: mentions, aliases, co-occurring entities, recent articles.")
  .argument("<name>", "name, alias or linked id (accents and case do not matter)")
  .option("--db <path>", "the SQLite store", DEFAULT_DB)
  .option("--json", "JSON")
  .action(async (name: string, opts: { db: string; json?: boolean }) => {
    const store = await openStore(opts.db);
    try {
      const found = store.entity(name);
      if (!found) {
        console.error(`sitrep: no entity "${name}" in ${opts.db}`);
        process.exitCode = 1;
        return;
      }
      if (opts.json) {
        process.stdout.write(JSON.stringify(found, null, 2) + "\n");
        return;
      }
      const lines = [
        `${found.name} (${found.types.join("/")})${found.linkedIds.length ? `  ${found.linkedIds.join(", ")}` : ""}`,
        `  ${found.mentions} mentions in ${found.articles} articles`,
        found.aliases.length ? `  also: ${found.aliases.join("; ")}` : "",
        found.cooccurring.length ? `  with: ${found.cooccurring.map((c) => `${c.name} (${c.articles})`).join(", ")}` : "",
        ...found.recent.map((r) => `  ${r.id.slice(0, 12)}  ${r.published?.slice(0, 10) ?? "          "}  ${r.title ?? ""}`),
      ];
      process.stdout.write(lines.filter(Boolean).join("\n") + "\n");
    } finally {
      store.close();
    }
  });

program
  .command("stories")
  .description("List the stories: articles about one happening, across outlets and languages.")
  .option("--db <path>", "the SQLite store", DEFAULT_DB)
  .option("--min <n>", "only stories with at least this many articles", "1")
  .option("--json", "one JSON record per story (JSONL)")
  .action(async (opts: { db: string; min: string; json?: boolean }) => {
    const store = await openStore(opts.db);
    try {
      const min = Math.max(1, Number(opts.min) || 1);
      for (const stored of store.stories()) {
        if (stored.articles.length < min) continue;
        const story = stored.record as Story | undefined;
        if (opts.json) {
          process.stdout.write(JSON.stringify({ id: stored.id, ...story, articles: stored.articles }) + "\n");
          continue;
        }
        const span = [story?.start, story?.end].filter(Boolean).join(" .. ");
        process.stdout.write(
          `${stored.id}  ${stored.articles.length} articles  ${span}  [${story?.languages.join(", ") ?? ""}]  ${stored.label ?? ""}\n`,
        );
      }
    } finally {
      store.close();
    }
  });

program
  .command("export")
  .description("Export the store, streaming: JSONL records, CSV rows, GeoJSON of located events, or PLOVER events.")
  .addOption(new Option("--format <format>", "output format").choices([...EXPORT_FORMATS]).default("jsonl"))
  .option("--query <query>", "only the articles this search finds")
  .option("--db <path>", "the SQLite store", DEFAULT_DB)
  .option("--out <file>", "write to a file instead of standard output")
  .action(async (opts: { format: ExportFormat; query?: string; db: string; out?: string }) => {
    const store = await openStore(opts.db);
    const out = opts.out ? createWriteStream(opts.out) : process.stdout;
    try {
      for (const chunk of exportStore(store, { format: opts.format, query: opts.query })) {
        // Respect back-pressure so a large export streams instead of buffering in memory.
        if (!out.write(chunk)) await once(out, "drain");
      }
    } finally {
      store.close();
      if (opts.out) await new Promise<void>((resolve) => (out as ReturnType<typeof createWriteStream>).end(resolve));
    }
  });

program
  .command("serve")
  .description("HTTP API and web page over a store (127.0.0.1 by default).")
  .option("--db <file>", "the SQLite store", DEFAULT_DB)
  .option("--port <n>", "port (or SITREP_PORT; 0 picks a free one)", process.env.SITREP_PORT ?? "8787")
  .option("--host <addr>", "address to bind", "127.0.0.1")
  .action(async (opts: { db: string; port: string; host: string }) => (await import("./serve/command.ts")).serveCommand(opts));

// Scale-out: a queue of jobs (NATS JetStream) and workers writing to PostgreSQL (docs/scale-out.md).
program
  .command("enqueue")
  .description("Split sources into jobs (one per document, feed item, archive record or table row) on the work queue.")
  .argument("<inputs...>", "files, directories or globs, as for ingest")
  .option("--nats <url>", "NATS server", DEFAULT_NATS)
  .option("--queue <name>", "queue name", DEFAULT_QUEUE)
  .option("--no-understand", "extract only (much faster)")
  .option("--no-events", "understand, but do not code PLOVER events")
  .option("--map <field=column,...>", "table columns for article fields")
  .action(async (inputs: string[], opts: { nats: string; queue: string; understand: boolean; events: boolean; map?: string }) => {
    const sources = await expandIngestInputs(inputs);
    if (sources.length === 0) {
      console.error(`sitrep: no input matched ${inputs.join(" ")}`);
      process.exitCode = 2;
      return;
    }
    // Loaded on use: the scale-out modules pull in the whole pipeline, seconds of start-up for every other command.
    const { enqueueSources } = await import("./scale/enqueue.ts");
    const r = await enqueueSources(sources, {
      nats: opts.nats, queue: opts.queue, understand: opts.understand, events: opts.understand && opts.events, map: parseFieldMap(opts.map),
    });
    process.stderr.write(`sitrep: ${r.published} jobs queued, ${r.duplicates} already queued, in ${r.seconds.toFixed(1)} s -> ${opts.queue}\n`);
  });

program
  .command("worker")
  .description("Run queued jobs through the pipeline into a store (PostgreSQL for several workers) until SIGTERM.")
  .option("--db <url>", "the store: postgres://... (default $SITREP_DB)")
  .option("--nats <url>", "NATS server", DEFAULT_NATS)
  .option("--queue <name>", "queue name", DEFAULT_QUEUE)
  .option("--concurrency <n>", "worker processes (each run with node --single-threaded-gc, see docs/scale-out.md)", "1")
  .option("--batch <n>", "jobs per fetch and transaction", "100")
  .option("--exit-when-empty", "stop when nothing is waiting or in flight")
  .action(async (opts: { db?: string; nats: string; queue: string; concurrency: string; batch: string; exitWhenEmpty?: boolean }) => {
    const concurrency = Math.max(1, Number(opts.concurrency) || 1);
    if (concurrency > 1) {
      const args = process.argv.slice(2).filter((a, i, all) => a !== "--concurrency" && all[i - 1] !== "--concurrency" && !a.startsWith("--concurrency="));
      const { runWorkerProcesses } = await import("./scale/worker.ts");
      process.exitCode = await runWorkerProcesses(concurrency, args);
      return;
    }
    const { runWorker } = await import("./scale/worker.ts");
    const store = await openAsyncStore(opts.db);
    try {
      const s = await runWorker(store, {
        nats: opts.nats, queue: opts.queue, batchSize: Math.max(1, Number(opts.batch) || 25), exitWhenEmpty: opts.exitWhenEmpty,
        log: (line) => process.stderr.write(`sitrep worker ${process.pid}: ${line}\n`),
      });
      process.stderr.write(`sitrep worker ${process.pid}: ${s.ingested} ingested, ${s.duplicates} duplicates, ${s.failed} failed, ${s.retried} retried, ${s.dead} dead-lettered\n`);
    } finally {
      await store.close();
    }
  });

program
  .command("queue")
  .description("The work queue.")
  .command("status")
  .description("Depth, in flight, rate, retries and dead letters.")
  .option("--nats <url>", "NATS server", DEFAULT_NATS)
  .option("--queue <name>", "queue name", DEFAULT_QUEUE)
  .option("--sample <seconds>", "measure the rate over this many seconds (0: no rate)", "1")
  .option("--json", "JSON")
  .action(async (opts: { nats: string; queue: string; sample: string; json?: boolean }) => {
    const queue = await openQueue({ nats: opts.nats, queue: opts.queue });
    try {
      const s = await queueStatus(queue, { sampleSeconds: Number(opts.sample) || 0 });
      if (opts.json) {
        process.stdout.write(JSON.stringify(s) + "\n");
        return;
      }
      const lines = [
        `${opts.queue}: ${s.waiting} waiting, ${s.inFlight} in flight, ${s.done} done${s.rate === undefined ? "" : ` (${s.rate.toFixed(1)}/s)`}`,
        `  ${s.redelivered} redelivered, ${s.deadLetters} dead letters`,
        ...s.recentDead.map((d) => `  dead: ${d.source}  ${d.error}  (${d.deliveries} deliveries, ${d.time})`),
      ];
      process.stdout.write(lines.join("\n") + "\n");
    } finally {
      await queue.close();
    }
  });

await program.parseAsync(process.argv);
