/** A search thread of the server's pool (search-pool.ts): searches the store over its own read-only connection. */
import { parentPort, workerData } from "node:worker_threads";
import type { SearchFilters } from "../store/index.ts";
import { SqliteSearch } from "../store/sqlite-search.ts";
import { openSearchConnection } from "./search-pool.ts";

const { path, rankedMatches } = workerData as { path: string; rankedMatches?: number };
const searcher = new SqliteSearch(openSearchConnection(path), rankedMatches);

parentPort!.on("message", ({ id, query, filters }: { id: number; query: string; filters: SearchFilters }) => {
  try {
    parentPort!.postMessage({ id, result: searcher.search(query, filters) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
