/**
 * The HTTP API and the built web page, over one store.
 *
 * Why Hono (@hono/node-server): small, typed routes over the standard Request/Response, and the middleware
 * a public-facing server needs ships with it (compress, etag, secure-headers with CSP, body-limit), so
 * none of it is hand-written. Reads go through the Store interface (article, entity), through StoreReader
 * (a read-only connection) for lists the interface lacks, and searches through a pool of search threads
 * (search-pool.ts). Nothing else is read from disk but
 * the built web assets, listed once at startup.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { serve, type ServerType } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { etag } from "hono/etag";
import { secureHeaders } from "hono/secure-headers";
import { z } from "zod";
import { StoryClusterer, type Story } from "../consolidate/stories.ts";
import type { UnderstoodArticle } from "../schema.ts";
import { openStore, type Store } from "../store/index.ts";
import { buildOpenApi } from "./openapi.ts";
import { decodeCursor, StoreReader } from "./reader.ts";
import { openSearcher, type Searcher } from "./search-pool.ts";
import { ArticlesQuery, EntitiesQuery, EventsQuery, LIMITS, PlacesQuery, SearchQuery, StoriesQuery, TimelineQuery } from "./queries.ts";

export const SERVE_DEFAULTS = {
  host: "127.0.0.1",
  port: 8787,
  /** Requests per client address per window, then 429 until the window ends. */
  rateLimit: { requests: 300, windowMs: 60_000 },
  /** Search and event responses kept per distinct query until the store changes: popular queries repeat. */
  responseCacheEntries: 1000,
  /** The API takes no bodies; anything larger than this is refused (413). */
  maxBodyBytes: 16 * 1024,
  /** Where `npm run build:web` puts the page. */
  webDir: fileURLToPath(new URL("../../dist/web", import.meta.url)),
};

/** The page's scripts and styles come from its own files only: no inline script, no other origin. */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

export interface ServeOptions {
  /** Path of the SQLite store. */
  db: string;
  port?: number;
  host?: string;
  rateLimit?: { requests: number; windowMs: number };
  webDir?: string;
  /** Distinct search/event queries whose responses are kept (0: none). */
  responseCacheEntries?: number;
  /** Threads that run searches (see search-pool.ts; 0: the request thread). Default: one per core. */
  searchThreads?: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 404 | 413 | 429 | 500,
    message: string,
  ) {
    super(message);
  }
}

/** JSON with <, > and & escaped: a scraped "<script>" can never be read as markup, whatever sniffs the body. */
function jsonBody(c: Context, data: unknown, status: 200 | 400 | 404 | 413 | 429 | 500 = 200, type = "application/json") {
  const body = JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return c.body(body, status, { "content-type": `${type}; charset=utf-8`, "cache-control": "no-cache" });
}

function parseQuery<T extends z.ZodType>(schema: T, c: Context): z.infer<T> {
  const result = schema.safeParse(c.req.query());
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? `parameter '${issue.path.join(".")}'` : "query";
  throw new ApiError(400, `invalid ${where}: ${issue.message}`);
}

/** Fixed-window counter per client address (hand-written: Hono ships no rate limiter; a Map is all it takes on one process). */
function rateLimiter(limit: { requests: number; windowMs: number }) {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c: Context, next: () => Promise<void>) => {
    const now = Date.now();
    const client = getConnInfo(c).remote.address ?? "unknown";
    let window = windows.get(client);
    if (!window || now - window.start >= limit.windowMs) {
      if (windows.size > 10_000) windows.clear(); // bounded memory under address churn
      window = { start: now, count: 0 };
      windows.set(client, window);
    }
    window.count++;
    if (window.count > limit.requests) {
      c.header("retry-after", String(Math.ceil((window.start + limit.windowMs - now) / 1000)));
      return jsonBody(c, { error: `rate limit exceeded: at most ${limit.requests} requests per ${limit.windowMs / 1000} s` }, 429);
    }
    await next();
  };
}

/** Hits and misses of the response cache per kind of request (the key's first word), since the start. */
export type CacheStats = Record<string, { hits: number; misses: number }>;

/**
 * An LRU of computed responses, emptied whenever the store's data_version moves (a commit by any connection).
 * A pending search is kept as its promise, so identical requests arriving together share one search; a
 * failed one is dropped.
 */
function responseCache(reader: StoreReader, maxEntries: number, stats: CacheStats) {
  const entries = new Map<string, unknown>();
  let version = reader.dataVersion();
  return <T>(key: string, compute: () => T): T => {
    const current = reader.dataVersion();
    if (current !== version) {
      entries.clear();
      version = current;
    }
    const kind = (stats[key.slice(0, key.indexOf(" "))] ??= { hits: 0, misses: 0 });
    if (entries.has(key)) {
      kind.hits++;
      const value = entries.get(key) as T;
      entries.delete(key); // re-inserted below: Map order is recency
      entries.set(key, value);
      return value;
    }
    kind.misses++;
    const value = compute();
    if (maxEntries <= 0) return value;
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    entries.set(key, value);
    if (value instanceof Promise) value.catch(() => entries.get(key) === value && entries.delete(key));
    return value;
  };
}

/** Every file under the built page, read once: requests can name only these, so no path reaches elsewhere. */
function loadWebAssets(dir: string): Map<string, { body: Uint8Array; type: string }> {
  const assets = new Map<string, { body: Uint8Array; type: string }>();
  if (!existsSync(dir)) return assets;
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else assets.set(`/${relative(dir, path).split(sep).join("/")}`, { body: readFileSync(path), type: CONTENT_TYPES[extname(name)] ?? "application/octet-stream" });
    }
  };
  walk(dir);
  return assets;
}

/** Stories: those the consolidate stage stored, else clustered here once over the stored articles and kept. */
function storySource(store: Store, reader: StoreReader): () => Story[] {
  let cached: Story[] | undefined;
  return () => {
    if (cached) return cached;
    const stored = reader.storedStories();
    if (stored.length > 0) return (cached = stored);
    const clusterer = new StoryClusterer();
    for (const { id, article } of store.articles()) if ("entities" in article) clusterer.add(id, article as UnderstoodArticle);
    return (cached = clusterer.list());
  };
}

export function createApp(
  store: Store,
  reader: StoreReader,
  searcher: Searcher,
  options: { rateLimit?: ServeOptions["rateLimit"]; webDir?: string; responseCacheEntries?: number; cacheStats?: CacheStats } = {},
) {
  const stories = storySource(store, reader);
  const cached = responseCache(reader, options.responseCacheEntries ?? SERVE_DEFAULTS.responseCacheEntries, options.cacheStats ?? {});
  const assets = loadWebAssets(options.webDir ?? SERVE_DEFAULTS.webDir);
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof ApiError) return jsonBody(c, { error: error.message }, error.status);
    console.error(error);
    return jsonBody(c, { error: "internal error" }, 500);
  });
  app.notFound((c) => jsonBody(c, { error: `not found: ${c.req.method} ${c.req.path}` }, 404));

  app.use(secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, referrerPolicy: "no-referrer" }));
  app.use(rateLimiter(options.rateLimit ?? SERVE_DEFAULTS.rateLimit));
  app.use(bodyLimit({ maxSize: SERVE_DEFAULTS.maxBodyBytes, onError: (c) => jsonBody(c, { error: `request body larger than ${SERVE_DEFAULTS.maxBodyBytes} bytes` }, 413) }));
  app.use(compress());
  app.use(etag());

  app.get("/openapi.json", (c) => jsonBody(c, buildOpenApi()));

  app.get("/api/health", (c) => jsonBody(c, { status: "ok", counts: store.counts() }));

  app.get("/api/articles", (c) => {
    const q = parseQuery(ArticlesQuery, c);
    const cursor = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
    if (q.cursor !== undefined && !cursor) throw new ApiError(400, "invalid parameter 'cursor': not a cursor this API returned");
    return jsonBody(c, reader.listArticles(q.limit, cursor));
  });

  app.get("/api/articles/:id", (c) => {
    const id = c.req.param("id");
    if (!/^[0-9a-f]{6,64}$/i.test(id)) throw new ApiError(400, "invalid article id: 6 to 64 hexadecimal characters");
    const stored = store.getArticle(id);
    if (!stored) throw new ApiError(404, `no article with id ${id} (or the prefix is ambiguous)`);
    const storyIds = stored.stories.length > 0 ? stored.stories : stories().filter((s) => s.members.includes(stored.id)).map((s) => s.id);
    return jsonBody(c, { ...stored, stories: storyIds });
  });

  app.get("/api/search", async (c) => {
    const q = parseQuery(SearchQuery, c);
    const { hits, bounded } = await cached(`search ${JSON.stringify(q)}`, () => searcher.search(q.q, {
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      ...(q.lang ? { language: q.lang } : {}),
      ...(q.entity ? { entity: q.entity } : {}),
      ...(q.place ? { place: q.place } : {}),
      ...(q.type ? { eventType: q.type } : {}),
      limit: q.limit,
      offset: q.offset,
    }));
    return jsonBody(c, { query: q.q, hits, bounded });
  });

  app.get("/api/entities", (c) => {
    const q = parseQuery(EntitiesQuery, c);
    if (q.name !== undefined) {
      const entity = store.entity(q.name);
      if (!entity) throw new ApiError(404, `no entity named ${JSON.stringify(q.name)}`);
      return jsonBody(c, { entity });
    }
    return jsonBody(c, { entities: reader.topEntities(q.limit, q.type, q.prefix) });
  });

  app.get("/api/events", (c) => {
    const q = parseQuery(EventsQuery, c);
    const { events, total } = cached(`events ${JSON.stringify({ ...q, format: undefined })}`, () => reader.events({
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      ...(q.type ? { type: q.type } : {}),
      ...(q.article ? { article: q.article } : {}),
      limit: q.limit,
      offset: q.offset,
    }));
    if (q.format === "geojson") {
      const features = events
        .filter((e) => e.place)
        .map((e) => ({
          type: "Feature" as const,
          geometry: { type: "Point" as const, coordinates: [e.place!.lon, e.place!.lat] },
          properties: { articleId: e.articleId, eventId: e.event.id, eventType: e.event.eventType, date: e.event.date, place: e.place!.name, sentence: e.event.sentence.text },
        }));
      return jsonBody(c, { type: "FeatureCollection", features }, 200, "application/geo+json");
    }
    return jsonBody(c, { total, events });
  });

  app.get("/api/timeline", (c) => {
    const q = parseQuery(TimelineQuery, c);
    return jsonBody(c, { days: reader.timeline(q.from, q.to) });
  });

  app.get("/api/places", (c) => {
    const q = parseQuery(PlacesQuery, c);
    return jsonBody(c, { places: reader.places(q.limit) });
  });

  app.get("/api/stories", (c) => {
    const q = parseQuery(StoriesQuery, c);
    const all = stories().filter((s) => s.members.length >= q.minArticles);
    return jsonBody(c, { total: all.length, stories: all.slice(q.offset, q.offset + q.limit) });
  });

  app.get("/api/stories/:id", (c) => {
    const id = c.req.param("id");
    if (id.length > 200) throw new ApiError(400, "invalid story id: too long");
    const story = stories().find((s) => s.id === id);
    if (!story) throw new ApiError(404, `no story with id ${id}`);
    return jsonBody(c, { story, articles: reader.summaries(story.members), sharedEntities: reader.sharedEntities(story.members, LIMITS.sharedEntities) });
  });

  app.all("/api/*", (c) => jsonBody(c, { error: `not found: ${c.req.method} ${c.req.path}` }, 404));

  app.get("*", (c) => {
    const path = c.req.path === "/" ? "/index.html" : c.req.path;
    const asset = assets.get(path);
    if (!asset) {
      if (path === "/index.html") throw new ApiError(404, "the web page is not built: run `npm run build:web`");
      throw new ApiError(404, `not found: ${c.req.path}`);
    }
    // Vite names assets by content hash, so they never change; the page itself is revalidated.
    const cache = path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
    return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, { "content-type": asset.type, "cache-control": cache });
  });

  return app;
}

export interface RunningServer {
  url: string;
  /** The response cache's hits and misses so far (the API load bench reports the hit rate). */
  cacheStats(): CacheStats;
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  if (!existsSync(options.db)) throw new Error(`no store at ${options.db}: run \`sitrep ingest\` first`);
  const store = await openStore(options.db);
  const reader = new StoreReader(options.db);
  const searcher = openSearcher(options.db, options.searchThreads === undefined ? {} : { threads: options.searchThreads });
  const cacheStats: CacheStats = {};
  const app = createApp(store, reader, searcher, {
    cacheStats,
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(options.webDir ? { webDir: options.webDir } : {}),
    ...(options.responseCacheEntries !== undefined ? { responseCacheEntries: options.responseCacheEntries } : {}),
  });
  const host = options.host ?? SERVE_DEFAULTS.host;
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? SERVE_DEFAULTS.port, hostname: host }, () => resolve(s));
    s.once("error", reject);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    cacheStats: () => structuredClone(cacheStats),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(async () => {
          await searcher.close();
          reader.close();
          store.close();
          resolve();
        });
        // Keep-alive connections would hold close() open: end idle ones now.
        if ("closeIdleConnections" in server) (server as { closeIdleConnections(): void }).closeIdleConnections();
      }),
  };
}
