/**
 * Where the server's searches run. better-sqlite3 is synchronous, so a search on the request thread holds
 * every other request until it ends and uses one core; the pool runs searches in worker threads, each with
 * its own read-only connection to the store, so they use every core and the request thread keeps serving.
 * With 0 threads, searches run on the request thread over one read-only connection (tests, tiny stores).
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import type { SearchFilters } from "../store/index.ts";
import { SqliteSearch, type SearchResult } from "../store/sqlite-search.ts";

export interface Searcher {
  search(query: string, filters: SearchFilters): Promise<SearchResult>;
  close(): Promise<void>;
}

export interface SearcherOptions {
  /** Worker threads (0: search on the calling thread). Default: one per core. */
  threads?: number;
  /** See SqliteSearch. */
  rankedMatches?: number;
}

/** A read-only connection for searching: it cannot change the store, and WAL lets it read while ingest writes. */
export function openSearchConnection(path: string): Database.Database {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  return db;
}

export function openSearcher(path: string, options: SearcherOptions = {}): Searcher {
  const threads = options.threads ?? availableParallelism();
  if (threads > 0) return new SearchPool(path, threads, options.rankedMatches);
  const db = openSearchConnection(path);
  const searcher = new SqliteSearch(db, options.rankedMatches);
  return {
    search: async (query, filters) => searcher.search(query, filters),
    close: async () => void db.close(),
  };
}

interface Pending {
  resolve: (result: SearchResult) => void;
  reject: (error: Error) => void;
}

type Reply = { id: number; result: SearchResult } | { id: number; error: string };

/** Each search goes to the thread with the fewest in flight; a thread that dies fails its searches and is replaced. */
class SearchPool implements Searcher {
  private readonly inFlight = new Map<Worker, Map<number, Pending>>();
  private readonly unfinished = new Set<Promise<SearchResult>>();
  private nextId = 0;
  private closing = false;

  constructor(
    private readonly path: string,
    size: number,
    private readonly rankedMatches: number | undefined,
  ) {
    for (let i = 0; i < size; i++) this.start();
  }

  private start(): void {
    const entry = new URL("./search-worker.ts", import.meta.url).href;
    // Workers do not inherit the parent's loader hooks: register tsx first, then load the TypeScript entry.
    const boot = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: { path: this.path, rankedMatches: this.rankedMatches } });
    const pending = new Map<number, Pending>();
    let answered = false;
    this.inFlight.set(worker, pending);
    worker.on("message", (reply: Reply) => {
      answered = true;
      const request = pending.get(reply.id);
      if (!request) return;
      pending.delete(reply.id);
      if ("error" in reply) request.reject(new Error(reply.error));
      else request.resolve(reply.result);
    });
    const fail = (error: Error) => {
      for (const request of pending.values()) request.reject(error);
      pending.clear();
    };
    worker.on("error", (error) => {
      console.error(`search thread: ${error.message}`);
      fail(error);
    });
    worker.on("exit", (code) => {
      fail(new Error(`search thread exited (${code})`));
      this.inFlight.delete(worker);
      // Replaced only if it had worked: a thread that cannot even start would fail again at once.
      if (!this.closing && answered) this.start();
    });
  }

  search(query: string, filters: SearchFilters): Promise<SearchResult> {
    let best: Worker | undefined;
    for (const [worker, pending] of this.inFlight) if (!best || pending.size < this.inFlight.get(best)!.size) best = worker;
    if (!best) return Promise.reject(new Error("no search thread"));
    const id = this.nextId++;
    const search = new Promise<SearchResult>((resolve, reject) => {
      this.inFlight.get(best)!.set(id, { resolve, reject });
      best.postMessage({ id, query, filters });
    });
    this.unfinished.add(search);
    const settled = () => void this.unfinished.delete(search);
    search.then(settled, settled);
    return search;
  }

  /** After the searches in flight end (their clients may have gone, but their handlers still wait). */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.unfinished]);
    await Promise.all([...this.inFlight.keys()].map((w) => w.terminate()));
  }
}
