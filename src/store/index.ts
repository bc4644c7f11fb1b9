/**
 * The store: where ingested articles and what was found in them live, searchable. One small interface
 * so that SQLite (the default, one file) and PostgreSQL (scale-out, postgres.ts; asynchronous: AsyncStore) are interchangeable.
 */
import type { Article, UnderstoodArticle } from "../schema.ts";

/** An article as the pipeline hands it to the store, keyed by the sha256 of the raw bytes it came from. */
export interface StoredInput {
  /** sha256 (hex) of the raw bytes: re-ingesting the same bytes is a no-op. */
  id: string;
  /** The file (or feed, archive, table) the document came from, e.g. "crawl.warc.gz". */
  origin: string;
  article: Article | UnderstoodArticle;
}

export interface IngestProblem {
  source: string;
  problem: string;
}

/** Both stores: hits per page, and the bound on ranked matches (see sqlite-search.ts for why). */
export const SEARCH_DEFAULTS = {
  limit: 20,
  /**
   * Matches ranked at most (~2 ms of bm25), or as many as the requested page reaches (offset + limit) when
   * that is more: 1,000 rather than 2,000 took the mean search over 100,000 articles from 4.6 to 3.6 ms.
   */
  rankedMatches: 1000,
} as const;

/** How many matches a search ranks: the store's bound, or the end of the page asked for when deeper. */
export function rankedMatchesFor(filters: SearchFilters, bound: number = SEARCH_DEFAULTS.rankedMatches): number {
  return Math.max(bound, (filters.offset ?? 0) + (filters.limit ?? SEARCH_DEFAULTS.limit));
}

export interface SearchFilters {
  /** Published on or after this ISO date (prefix compare: "2022", "2022-03"). */
  from?: string;
  /** Published on or before this ISO date (inclusive of the whole day/month/year given). */
  to?: string;
  language?: string;
  /** Mentions an entity with this name, alias or linked id. */
  entity?: string;
  /** Mentions a place with this name. */
  place?: string;
  /** Has a PLOVER event of this type. */
  eventType?: string;
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  id: string;
  title?: string;
  url?: string;
  published?: string;
  language?: string;
  /** The best passage, matches wrapped in SNIPPET_MARKS. */
  snippet: string;
  /** bm25: lower is better. */
  score: number;
}

export interface StoredArticle {
  id: string;
  origin: string;
  ingestedAt: string;
  article: Article | UnderstoodArticle;
  stories: string[];
}

export interface EntitySummary {
  name: string;
  types: string[];
  aliases: string[];
  linkedIds: string[];
  articles: number;
  mentions: number;
  /** Entities found in the same articles, most shared articles first. */
  cooccurring: { name: string; type: string; articles: number }[];
  recent: { id: string; title?: string; published?: string }[];
}

/** One story as the consolidate stage decides it: its articles (by id) and, optionally, a label and the full record. */
export interface StoryAssignment {
  id: string;
  label?: string;
  articles: { id: string; score?: number }[];
  record?: unknown;
}

export interface StoredStory {
  id: string;
  label?: string;
  record?: unknown;
  articles: string[];
}

export interface StoreCounts {
  sources: number;
  articles: number;
  entities: number;
  mentions: number;
  places: number;
  quotes: number;
  figures: number;
  events: number;
  stories: number;
  ingestErrors: number;
}

export interface Store {
  /** Ids (content hashes) already stored, of those given: checked before the pipeline runs, so known bytes cost nothing. */
  knownIds(ids: readonly string[]): Set<string>;
  /** Stores a batch in one transaction; ids already present are skipped. Returns how many were new. */
  saveArticles(batch: readonly StoredInput[]): { inserted: number; duplicates: number };
  /** Records problems (one row per source and problem; a re-run updates the time instead of doubling). */
  saveProblems(problems: readonly IngestProblem[]): void;
  /**
   * The consolidate stage's hook: replaces the given stories' article lists (other stories are kept),
   * or, with replaceAll, every story (a re-clustering of the whole store).
   */
  saveStories(stories: readonly StoryAssignment[], options?: { replaceAll?: boolean }): void;
  /** Every story, largest first, with its member article ids. */
  stories(): StoredStory[];
  /** Every stored article, oldest ingest first: what the consolidate stage reads. */
  articles(): Iterable<StoredArticle>;
  getArticle(id: string): StoredArticle | undefined;
  search(query: string, filters?: SearchFilters): SearchHit[];
  entity(name: string): EntitySummary | undefined;
  problems(limit?: number): (IngestProblem & { time: string })[];
  counts(): StoreCounts;
  close(): void;
}

/** How search snippets mark the matched words. */
export const SNIPPET_MARKS = { open: "**", close: "**", ellipsis: "…" } as const;

export const DEFAULT_DB = "sitrep.db";

/** A PostgreSQL connection string rather than a file path. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location);
}

export async function openStore(path: string = DEFAULT_DB): Promise<Store> {
  if (isPostgresUrl(path)) {
    // PostgreSQL is reached asynchronously (pg); this synchronous interface is SQLite's. See openAsyncStore.
    throw new Error(`${path.replace(/\/\/[^@/]*@/, "//")}: a PostgreSQL store is used through the scale-out commands (enqueue, worker, queue); this command reads SQLite files`);
  }
  const { SqliteStore } = await import("./sqlite.ts");
  return new SqliteStore(path);
}

/**
 * The Store, asynchronous: what the scale-out path (queue workers, PostgreSQL) is written against.
 * PostgreSQL implements it natively; SQLite through asyncStore(), which wraps the synchronous calls.
 */
export interface AsyncStore {
  knownIds(ids: readonly string[]): Promise<Set<string>>;
  saveArticles(batch: readonly StoredInput[]): Promise<{ inserted: number; duplicates: number }>;
  saveProblems(problems: readonly IngestProblem[]): Promise<void>;
  saveStories(stories: readonly StoryAssignment[], options?: { replaceAll?: boolean }): Promise<void>;
  stories(): Promise<StoredStory[]>;
  articles(): AsyncIterable<StoredArticle>;
  getArticle(id: string): Promise<StoredArticle | undefined>;
  search(query: string, filters?: SearchFilters): Promise<SearchHit[]>;
  entity(name: string): Promise<EntitySummary | undefined>;
  problems(limit?: number): Promise<(IngestProblem & { time: string })[]>;
  counts(): Promise<StoreCounts>;
  close(): Promise<void>;
}

/** A synchronous store behind the asynchronous interface (each call runs to completion before its promise). */
export function asyncStore(store: Store): AsyncStore {
  return {
    knownIds: async (ids) => store.knownIds(ids),
    saveArticles: async (batch) => store.saveArticles(batch),
    saveProblems: async (problems) => store.saveProblems(problems),
    saveStories: async (stories, options) => store.saveStories(stories, options),
    stories: async () => store.stories(),
    articles: async function* () {
      yield* store.articles();
    },
    getArticle: async (id) => store.getArticle(id),
    search: async (query, filters) => store.search(query, filters),
    entity: async (name) => store.entity(name),
    problems: async (limit) => store.problems(limit),
    counts: async () => store.counts(),
    close: async () => store.close(),
  };
}

/** A PostgreSQL URL (postgres://...) or a SQLite file; default: $SITREP_DB, else sitrep.db. */
export async function openAsyncStore(location: string = process.env.SITREP_DB || DEFAULT_DB): Promise<AsyncStore> {
  if (isPostgresUrl(location)) {
    const { PostgresStore } = await import("./postgres.ts");
    return PostgresStore.open(location);
  }
  return asyncStore(await openStore(location));
}
