/**
 * The PostgreSQL store (pg): the scale-out sibling of sqlite.ts, behind the AsyncStore interface. Numbered
 * migrations (schema_migrations, run under an advisory lock so workers starting together do not race),
 * full-text search over a tsvector in a 'simple' configuration with unaccent, batches written as multi-row
 * inserts (unnest of arrays) in one transaction, and the content hash as the key: INSERT ... ON CONFLICT
 * DO NOTHING, so a redelivered job or a second worker on the same bytes stores nothing twice.
 */
import pg from "pg";
import type { UnderstoodArticle } from "../schema.ts";
import { cjkBigrams, hasCjk, nameKey, toFtsQuery } from "./fts.ts";
import { findingRows, searchHit } from "./rows.ts";
import {
  rankedMatchesFor,
  SEARCH_DEFAULTS,
  SNIPPET_MARKS,
  type AsyncStore,
  type EntitySummary,
  type IngestProblem,
  type SearchFilters,
  type SearchHit,
  type StoreCounts,
  type StoredArticle,
  type StoredInput,
  type StoredStory,
  type StoryAssignment,
} from "./index.ts";
import { stripCombiningMarks } from "../letters.ts";

/** Text search configuration: 'simple' (no stemming, no stop words: many languages) plus unaccent when installed. */
const FTS_CONFIG = "sitrep_fts";

/** Schema changes, in order; schema_migrations holds how many have run. Append, never edit. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sources (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    first_seen TEXT NOT NULL
  );
  CREATE TABLE articles (
    rowid BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT COLLATE "C" NOT NULL UNIQUE,   -- sha256 of the raw bytes
    source_id BIGINT NOT NULL REFERENCES sources(id),
    source TEXT NOT NULL,
    url TEXT,
    title TEXT,
    publisher TEXT,
    published TEXT COLLATE "C",            -- ISO 8601: byte order is date order
    language TEXT,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    record JSONB NOT NULL,
    tsv TSVECTOR NOT NULL,                 -- title (weight A) and text (weight B); CJK runs as bigrams
    ingested_at TEXT NOT NULL
  );
  CREATE INDEX articles_published ON articles(published);
  CREATE INDEX articles_language ON articles(language);
  CREATE INDEX articles_url ON articles(url);
  CREATE INDEX articles_tsv ON articles USING GIN (tsv);
  CREATE TABLE entities (
    article BIGINT NOT NULL REFERENCES articles(rowid),
    idx INTEGER NOT NULL,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases JSONB NOT NULL,
    mentions INTEGER NOT NULL,
    link_id TEXT,
    country TEXT,
    sector TEXT,
    wikidata TEXT,
    PRIMARY KEY (article, idx)
  );
  CREATE INDEX entities_key ON entities(key);
  CREATE INDEX entities_link ON entities(link_id);
  CREATE TABLE entity_aliases (
    key TEXT NOT NULL,
    article BIGINT NOT NULL,
    idx INTEGER NOT NULL,
    PRIMARY KEY (key, article, idx)
  );
  CREATE TABLE mentions (
    article BIGINT NOT NULL REFERENCES articles(rowid),
    entity INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL
  );
  CREATE INDEX mentions_article ON mentions(article, entity);
  CREATE TABLE places (
    article BIGINT NOT NULL REFERENCES articles(rowid),
    entity INTEGER NOT NULL,
    geoname_id BIGINT,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    lat DOUBLE PRECISION NOT NULL,
    lon DOUBLE PRECISION NOT NULL,
    country_code TEXT,
    feature_class TEXT NOT NULL,
    population BIGINT,
    score DOUBLE PRECISION NOT NULL
  );
  CREATE INDEX places_key ON places(key);
  CREATE INDEX places_article ON places(article);
  CREATE TABLE quotes (
    article BIGINT NOT NULL REFERENCES articles(rowid),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    verb TEXT,
    style TEXT NOT NULL
  );
  CREATE INDEX quotes_article ON quotes(article);
  CREATE TABLE figures (
    article BIGINT NOT NULL REFERENCES articles(rowid),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    unit TEXT,
    kind TEXT NOT NULL,
    counted TEXT
  );
  CREATE INDEX figures_article ON figures(article);
  CREATE TABLE events (
    article BIGINT NOT NULL REFERENCES articles(rowid),
    event_id TEXT NOT NULL,
    date TEXT,
    type TEXT NOT NULL,
    mode TEXT,
    actor TEXT,
    recipient TEXT,
    location TEXT,
    hypothetical BOOLEAN NOT NULL,
    confidence DOUBLE PRECISION NOT NULL,
    sentence TEXT NOT NULL,
    record JSONB NOT NULL,
    PRIMARY KEY (article, event_id)
  );
  CREATE INDEX events_type ON events(type, date);
  CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    label TEXT,
    record JSONB,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE article_story (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    score DOUBLE PRECISION,
    PRIMARY KEY (article_id, story_id)
  );
  CREATE INDEX article_story_story ON article_story(story_id);
  CREATE TABLE ingest_errors (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source TEXT NOT NULL,
    problem TEXT NOT NULL,
    time TEXT NOT NULL,
    UNIQUE (source, problem)
  );
  -- Small facts about the store itself (e.g. up to which article the stories were computed).
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  -- 'simple' keeps every language's words as they are; unaccent (when the extension can be created) folds
  -- diacritics inside the configuration, so indexing, querying and ts_headline all agree.
  DO $$
  BEGIN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS unaccent;
    EXCEPTION WHEN OTHERS THEN
      RAISE NOTICE 'unaccent unavailable (%): diacritics are folded by sitrep before indexing', SQLERRM;
    END;
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '${FTS_CONFIG}') THEN
      CREATE TEXT SEARCH CONFIGURATION ${FTS_CONFIG} (COPY = simple);
      IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
        ALTER TEXT SEARCH CONFIGURATION ${FTS_CONFIG}
          ALTER MAPPING FOR word, hword, hword_part, numword, numhword WITH unaccent, simple;
      END IF;
    END IF;
  END $$;
  `,
];

/** One advisory-lock key for migrations (any constant; it only has to differ from the other lock keys). */
const MIGRATION_LOCK = 0x5172_0001;
/** ts_rank weights (each 0..1), in {D, C, B, A} order: a title (A) match weighs 5 times a body (B) match, as in SQLite. */
const RANK_WEIGHTS = "{0, 0, 0.2, 1}";
const HEADLINE_OPTIONS = `StartSel="${SNIPPET_MARKS.open}", StopSel="${SNIPPET_MARKS.close}", MaxWords=24, MinWords=10, MaxFragments=1`;
const ENTITY_COOCCURRING = 15;
const ENTITY_RECENT = 10;
const ARTICLES_PAGE = 500;
const POOL_SIZE = 4;
/** Deadlock / serialization failure: the transaction is safe to run again. */
const RETRYABLE = new Set(["40P01", "40001"]);
const WRITE_ATTEMPTS = 3;

type Row = Record<string, unknown>;
type Client = pg.PoolClient;

/** int8 (ids, COUNT(*)) as a JS number: exact below 2^53, far beyond any row count here. */
const TYPES = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/** PostgreSQL text cannot hold NUL; such a byte carries no meaning in an article. */
const clean = (s: string): string => (s.includes("\u0000") ? s.replace(/\u0000/g, "") : s);
const json = (value: unknown): string => clean(JSON.stringify(value)).replace(/\\u0000/g, "");
const foldDiacritics = (s: string): string => stripCombiningMarks(s.normalize("NFKD"));

interface Column {
  name: string;
  /** The PostgreSQL type; jsonb is sent as text and cast. */
  type: string;
}

/** One INSERT for many rows: each column sent as one array parameter and unnested (no SQL text grows with the batch). */
async function insertRows(client: Client, table: string, columns: readonly Column[], rows: readonly unknown[][], tail = ""): Promise<Row[]> {
  if (rows.length === 0) return [];
  const arrays = columns.map((c, i) => `$${i + 1}::${c.type === "jsonb" ? "text" : c.type}[]`);
  const select = columns.map((c, i) => (c.type === "jsonb" ? `u.c${i}::jsonb` : `u.c${i}`));
  const sql = `INSERT INTO ${table}(${columns.map((c) => c.name).join(", ")})
    SELECT ${select.join(", ")} FROM unnest(${arrays.join(", ")}) AS u(${columns.map((_, i) => `c${i}`).join(", ")}) ${tail}`;
  const result = await client.query(sql, columns.map((_, i) => rows.map((r) => r[i] ?? null)));
  return result.rows as Row[];
}

const cols = (spec: string): Column[] =>
  spec.split(",").map((pair) => {
    const [name, type] = pair.trim().split(/\s+/);
    return { name: name!, type: type! };
  });

const ENTITY_COLUMNS = cols("article bigint, idx int, name text, key text, type text, aliases jsonb, mentions int, link_id text, country text, sector text, wikidata text");
const ALIAS_COLUMNS = cols("key text, article bigint, idx int");
const MENTION_COLUMNS = cols(`article bigint, entity int, start int, "end" int, text text, type text`);
const PLACE_COLUMNS = cols("article bigint, entity int, geoname_id bigint, name text, key text, lat float8, lon float8, country_code text, feature_class text, population bigint, score float8");
const QUOTE_COLUMNS = cols(`article bigint, start int, "end" int, text text, speaker text, verb text, style text`);
const FIGURE_COLUMNS = cols(`article bigint, start int, "end" int, text text, value float8, unit text, kind text, counted text`);
const EVENT_COLUMNS = cols("article bigint, event_id text, date text, type text, mode text, actor text, recipient text, location text, hypothetical bool, confidence float8, sentence text, record jsonb");

/** A query's terms as tsquery pieces: every piece a bound parameter through phraseto_tsquery, so no input is syntax. */
interface TsQuery {
  sql: string;
  params: string[];
  terms: string[];
  cjk: boolean;
}

export class PostgresStore implements AsyncStore {
  /** False when the unaccent extension could not be installed: diacritics are then folded here, in JS. */
  private unaccent = true;

  private constructor(readonly pool: pg.Pool) {}

  static async open(url: string, options: { poolSize?: number } = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? POOL_SIZE, types: TYPES });
    // An idle client's error (server restart) must not crash the process; the next query reports it.
    pool.on("error", () => {});
    const store = new PostgresStore(pool);
    try {
      await store.migrate();
      store.unaccent = await store.hasUnaccent();
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  /** Whether search folds diacritics inside PostgreSQL (unaccent) rather than in sitrep. */
  get foldsInDatabase(): boolean {
    return this.unaccent;
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
      const { rows } = await client.query("SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations");
      const version = Number(rows[0].v);
      if (version > MIGRATIONS.length) {
        throw new Error(`database schema version ${version} is newer than this sitrep (${MIGRATIONS.length}); upgrade sitrep`);
      }
      for (let v = version; v < MIGRATIONS.length; v++) {
        await client.query(MIGRATIONS[v]!);
        await client.query("INSERT INTO schema_migrations(version, applied_at) VALUES ($1, $2)", [v + 1, new Date().toISOString()]);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  private async hasUnaccent(): Promise<boolean> {
    const { rows } = await this.pool.query(
      `SELECT EXISTS (SELECT 1 FROM pg_ts_config_map m JOIN pg_ts_config c ON c.oid = m.mapcfg JOIN pg_ts_dict d ON d.oid = m.mapdict
        WHERE c.cfgname = $1 AND d.dictname = 'unaccent') AS yes`,
      [FTS_CONFIG],
    );
    return rows[0].yes === true;
  }

  /** Text as it is indexed: CJK runs as bigrams (see fts.ts), diacritics folded here when PostgreSQL cannot. */
  private indexable(text: string): string {
    const spaced = hasCjk(text) ? cjkBigrams(text) : text;
    return clean(this.unaccent ? spaced : foldDiacritics(spaced));
  }

  /** Runs fn in a transaction; a deadlock or serialization failure is retried (the work is idempotent). */
  async transaction<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(client);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        const code = (error as { code?: string }).code;
        if (attempt >= WRITE_ATTEMPTS || !code || !RETRYABLE.has(code)) throw error;
      } finally {
        client.release();
      }
    }
  }

  async knownIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const { rows } = await this.pool.query("SELECT id FROM articles WHERE id = ANY($1::text[])", [ids]);
    return new Set(rows.map((r) => r.id as string));
  }

  async saveArticles(batch: readonly StoredInput[]): Promise<{ inserted: number; duplicates: number }> {
    if (batch.length === 0) return { inserted: 0, duplicates: 0 };
    // One order for every writer, so two workers inserting overlapping batches take row locks alike (no deadlock).
    const unique = [...new Map(batch.map((b) => [b.id, b])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const origins = [...new Set(unique.map((b) => b.origin))].sort();
    const now = new Date().toISOString();
    const inserted = await this.transaction(async (client) => {
      // DO NOTHING, then read: no row lock is held on a source that every worker shares.
      await client.query("INSERT INTO sources(name, first_seen) SELECT unnest($1::text[]), $2 ON CONFLICT (name) DO NOTHING", [origins, now]);
      const { rows: sourceRows } = await client.query("SELECT id, name FROM sources WHERE name = ANY($1::text[])", [origins]);
      const sourceIds = new Map(sourceRows.map((r) => [r.name as string, r.id as number]));
      const rows = unique.map(({ id, origin, article }) => [
        id, sourceIds.get(origin), clean(article.source), article.url ? clean(article.url) : null, article.title ? clean(article.title) : null,
        article.publisher ? clean(article.publisher) : null, article.published ?? null, article.language ?? null, article.kind,
        clean(article.text), json(article), this.indexable(article.title ?? ""), this.indexable(article.text), now,
      ]);
      const created = await client.query(
        `INSERT INTO articles(id, source_id, source, url, title, publisher, published, language, kind, text, record, tsv, ingested_at)
         SELECT u.id, u.source_id, u.source, u.url, u.title, u.publisher, u.published, u.language, u.kind, u.text, u.record::jsonb,
           setweight(to_tsvector('${FTS_CONFIG}', u.ftitle), 'A') || setweight(to_tsvector('${FTS_CONFIG}', u.ftext), 'B'), u.ingested_at
         FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
           $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
           AS u(id, source_id, source, url, title, publisher, published, language, kind, text, record, ftitle, ftext, ingested_at)
         ON CONFLICT (id) DO NOTHING RETURNING rowid, id`,
        rows[0]!.map((_, i) => rows.map((r) => r[i])),
      );
      const rowOf = new Map(created.rows.map((r) => [r.id as string, r.rowid as number]));
      const understood = unique.filter((b) => rowOf.has(b.id) && "entities" in b.article);
      await this.saveFindings(client, understood.map((b) => [rowOf.get(b.id)!, b.article as UnderstoodArticle]));
      return created.rowCount ?? 0;
    });
    return { inserted, duplicates: batch.length - inserted };
  }

  private async saveFindings(client: Client, articles: readonly [number, UnderstoodArticle][]): Promise<void> {
    const entities: unknown[][] = [];
    const aliases: unknown[][] = [];
    const mentions: unknown[][] = [];
    const places: unknown[][] = [];
    const quotes: unknown[][] = [];
    const figures: unknown[][] = [];
    const events: unknown[][] = [];
    for (const [row, a] of articles) {
      const rows = findingRows(row, a, { text: clean, json, flag: (value) => value });
      entities.push(...rows.entities);
      aliases.push(...rows.aliases);
      mentions.push(...rows.mentions);
      places.push(...rows.places);
      quotes.push(...rows.quotes);
      figures.push(...rows.figures);
      events.push(...rows.events);
    }
    await insertRows(client, "entities", ENTITY_COLUMNS, entities);
    await insertRows(client, "entity_aliases", ALIAS_COLUMNS, aliases, "ON CONFLICT DO NOTHING");
    await insertRows(client, "mentions", MENTION_COLUMNS, mentions);
    await insertRows(client, "places", PLACE_COLUMNS, places);
    await insertRows(client, "quotes", QUOTE_COLUMNS, quotes);
    await insertRows(client, "figures", FIGURE_COLUMNS, figures);
    await insertRows(client, "events", EVENT_COLUMNS, events, "ON CONFLICT DO NOTHING");
  }

  async saveProblems(problems: readonly IngestProblem[]): Promise<void> {
    if (problems.length === 0) return;
    // One row per (source, problem) pair, in one order (DO UPDATE locks rows; duplicates in one statement would error).
    const unique = [...new Map(problems.map((p) => [`${p.source}\u0001${p.problem}`, p])).values()]
      .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.problem < b.problem ? -1 : 1));
    const now = new Date().toISOString();
    await this.transaction((client) =>
      insertRows(client, "ingest_errors", cols("source text, problem text, time text"),
        unique.map((p) => [clean(p.source), clean(p.problem), now]), "ON CONFLICT (source, problem) DO UPDATE SET time = excluded.time"),
    );
  }

  async saveStories(stories: readonly StoryAssignment[], options: { replaceAll?: boolean } = {}): Promise<void> {
    await this.transaction((client) => this.writeStories(client, stories, options));
  }

  /** saveStories inside a caller's transaction (the consolidation step writes its watermark in the same one). */
  async writeStories(client: Client, stories: readonly StoryAssignment[], options: { replaceAll?: boolean } = {}): Promise<void> {
    const now = new Date().toISOString();
    if (options.replaceAll) {
      await client.query("DELETE FROM article_story");
      await client.query("DELETE FROM stories");
    }
    await insertRows(client, "stories", cols("id text, label text, record jsonb, updated_at text"),
      stories.map((s) => [s.id, s.label, s.record === undefined ? null : json(s.record), now]),
      "ON CONFLICT (id) DO UPDATE SET label = excluded.label, record = excluded.record, updated_at = excluded.updated_at");
    if (!options.replaceAll) await client.query("DELETE FROM article_story WHERE story_id = ANY($1::text[])", [stories.map((s) => s.id)]);
    const members = new Map<string, unknown[]>();
    for (const s of stories) for (const a of s.articles) members.set(`${a.id}\u0001${s.id}`, [a.id, s.id, a.score]);
    await insertRows(client, "article_story", cols("article_id text, story_id text, score float8"), [...members.values()],
      "ON CONFLICT (article_id, story_id) DO UPDATE SET score = excluded.score");
  }

  async stories(): Promise<StoredStory[]> {
    const { rows } = await this.pool.query(
      `SELECT s.id, s.label, s.record,
         COALESCE(ARRAY(SELECT m.article_id FROM article_story m WHERE m.story_id = s.id ORDER BY m.score DESC NULLS LAST, m.article_id), '{}') AS articles
       FROM stories s ORDER BY (SELECT COUNT(*) FROM article_story m WHERE m.story_id = s.id) DESC, s.id`,
    );
    return rows.map((r) => ({
      id: r.id as string,
      ...(r.label ? { label: r.label as string } : {}),
      record: r.record ?? undefined,
      articles: r.articles as string[],
    }));
  }

  /** Every article, oldest ingest first, a page at a time (keyset on rowid: no cursor held open). */
  async *articles(): AsyncIterable<StoredArticle> {
    let after = 0;
    for (;;) {
      const { rows } = await this.pool.query(
        `${this.storedSelect()} WHERE a.rowid > $1 ORDER BY a.rowid LIMIT $2`,
        [after, ARTICLES_PAGE],
      );
      for (const r of rows) yield this.toStored(r);
      if (rows.length < ARTICLES_PAGE) return;
      after = rows[rows.length - 1]!.rowid as number;
    }
  }

  private storedSelect(): string {
    return `SELECT a.rowid, a.id, s.name AS origin, a.ingested_at, a.record,
        COALESCE(ARRAY(SELECT m.story_id FROM article_story m WHERE m.article_id = a.id ORDER BY m.story_id), '{}') AS stories
      FROM articles a JOIN sources s ON s.id = a.source_id`;
  }

  private toStored(r: Row): StoredArticle {
    return { id: r.id as string, origin: r.origin as string, ingestedAt: r.ingested_at as string, article: r.record as StoredArticle["article"], stories: r.stories as string[] };
  }

  async getArticle(id: string): Promise<StoredArticle | undefined> {
    // A unique prefix of the hash is enough (as with git); id is COLLATE "C", so the range uses the index.
    const prefix = id.toLowerCase();
    const { rows } = await this.pool.query(`${this.storedSelect()} WHERE a.id >= $1 AND a.id < $2 LIMIT 2`, [prefix, prefix + "g"]);
    return rows.length === 1 ? this.toStored(rows[0]) : undefined;
  }

  /** The user's query as tsquery SQL: the same parse as SQLite's (fts.ts), each group a bound phraseto_tsquery. */
  private tsQuery(query: string, first: number): TsQuery | undefined {
    const fts = toFtsQuery(query);
    if (!fts) return undefined;
    const parts: string[] = [];
    const params: string[] = [];
    // fts.match is a list of FTS5 strings ("..." or "..."*): quotes never occur inside a term (fts.ts keeps letters and digits only).
    for (const [, inner, star] of fts.match.matchAll(/"((?:[^"]|"")*)"(\*)?/g)) {
      const text = inner!.replace(/""/g, '"');
      params.push(this.unaccent ? text : foldDiacritics(text));
      const n = first + params.length - 1;
      // A lone CJK character matches any bigram it starts (prefix); it is one letter, so it is safe as tsquery syntax.
      parts.push(star && [...text].length === 1 && hasCjk(text) ? `to_tsquery('${FTS_CONFIG}', $${n} || ':*')` : `phraseto_tsquery('${FTS_CONFIG}', $${n})`);
    }
    return { sql: parts.map((p) => `(${p})`).join(" && "), params, terms: fts.terms, cjk: fts.cjk };
  }

  async search(query: string, filters: SearchFilters = {}): Promise<SearchHit[]> {
    const q = this.tsQuery(query, 1);
    if (!q) return [];
    const params: unknown[] = [...q.params];
    const where: string[] = [];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filters.from) where.push(`a.published >= ${bind(filters.from)}`);
    // "2022-03" includes every date in March: compare the date's prefix of the same length.
    if (filters.to) where.push(`left(a.published, ${bind(filters.to.length)}) <= ${bind(filters.to)}`);
    if (filters.language) where.push(`a.language = ${bind(filters.language.toLowerCase())}`);
    if (filters.entity) {
      where.push(`(EXISTS (SELECT 1 FROM entity_aliases x WHERE x.key = ${bind(nameKey(filters.entity))} AND x.article = a.rowid)
        OR EXISTS (SELECT 1 FROM entities e WHERE e.article = a.rowid AND e.link_id = ${bind(filters.entity)}))`);
    }
    if (filters.place) where.push(`EXISTS (SELECT 1 FROM places p WHERE p.article = a.rowid AND p.key = ${bind(nameKey(filters.place))})`);
    if (filters.eventType) where.push(`EXISTS (SELECT 1 FROM events v WHERE v.article = a.rowid AND v.type = ${bind(filters.eventType.toUpperCase())})`);
    const limit = bind(filters.limit ?? SEARCH_DEFAULTS.limit);
    const offset = bind(filters.offset ?? 0);
    // The headline is computed for the page of hits only (it re-parses the text).
    const headline = q.cjk ? "NULL" : `ts_headline('${FTS_CONFIG}', hit.text, hit.query, '${HEADLINE_OPTIONS}')`;
    // As in SQLite: beyond SEARCH_DEFAULTS.rankedMatches matches, only the most recently stored are ranked.
    const sql = `WITH q AS (SELECT ${q.sql} AS query),
      matched AS (
        SELECT a.rowid FROM articles a, q WHERE a.tsv @@ q.query ${where.map((w) => `AND ${w}`).join(" ")}
        ORDER BY a.rowid DESC LIMIT ${bind(rankedMatchesFor(filters))}),
      hit AS (
        SELECT a.id, a.title, a.url, a.published, a.language, a.text, q.query, -ts_rank('${RANK_WEIGHTS}', a.tsv, q.query) AS score
        FROM matched m JOIN articles a ON a.rowid = m.rowid, q
        ORDER BY score, a.rowid LIMIT ${limit} OFFSET ${offset})
      SELECT hit.id, hit.title, hit.url, hit.published, hit.language, ${q.cjk ? "hit.text" : "NULL"} AS text, ${headline} AS snippet, hit.score
      FROM hit ORDER BY hit.score, hit.id`;
    const { rows } = await this.pool.query(sql, params);
    return rows.map((r) => searchHit(r, q));
  }

  async entity(name: string): Promise<EntitySummary | undefined> {
    const key = nameKey(name);
    const { rows: matches } = await this.pool.query(
      `SELECT e.article, e.idx, e.name, e.type, e.aliases, e.mentions, e.link_id FROM entities e
       WHERE e.link_id = $1 OR EXISTS (SELECT 1 FROM entity_aliases x WHERE x.key = $2 AND x.article = e.article AND x.idx = e.idx)`,
      [name, key],
    );
    if (matches.length === 0) return undefined;
    const names = new Map<string, number>();
    const aliases = new Set<string>();
    const types = new Set<string>();
    const linked = new Set<string>();
    const articles = new Set<number>();
    let mentions = 0;
    for (const m of matches) {
      names.set(m.name, (names.get(m.name) ?? 0) + 1);
      for (const a of m.aliases as string[]) aliases.add(a);
      aliases.add(m.name);
      types.add(m.type);
      if (m.link_id) linked.add(m.link_id);
      articles.add(m.article);
      mentions += m.mentions;
    }
    const top = [...names].sort((a, b) => b[1] - a[1])[0]![0];
    const { rows: cooccurring } = await this.pool.query(
      `WITH hit AS (SELECT * FROM unnest($1::bigint[], $2::int[]) AS h(article, idx))
       SELECT MIN(e.name) AS name, e.type, COUNT(DISTINCT e.article)::int AS articles FROM entities e
       WHERE e.article IN (SELECT article FROM hit) AND NOT EXISTS (SELECT 1 FROM hit WHERE hit.article = e.article AND hit.idx = e.idx)
         AND e.key <> $3
       GROUP BY COALESCE(e.link_id, e.key), e.type ORDER BY articles DESC, name LIMIT $4`,
      [matches.map((m) => m.article), matches.map((m) => m.idx), key, ENTITY_COOCCURRING],
    );
    const { rows: recent } = await this.pool.query(
      "SELECT id, title, published FROM articles WHERE rowid = ANY($1::bigint[]) ORDER BY published DESC NULLS LAST LIMIT $2",
      [[...articles], ENTITY_RECENT],
    );
    return {
      name: top,
      types: [...types],
      aliases: [...aliases].filter((a) => a !== top).sort(),
      linkedIds: [...linked],
      articles: articles.size,
      mentions,
      cooccurring: cooccurring as EntitySummary["cooccurring"],
      recent: recent.map((r) => ({ id: r.id as string, title: r.title ?? undefined, published: r.published ?? undefined })),
    };
  }

  async problems(limit = 100): Promise<(IngestProblem & { time: string })[]> {
    const { rows } = await this.pool.query("SELECT source, problem, time FROM ingest_errors ORDER BY id LIMIT $1", [limit]);
    return rows as (IngestProblem & { time: string })[];
  }

  async counts(): Promise<StoreCounts> {
    const tables = ["sources", "articles", "entities", "mentions", "places", "quotes", "figures", "events", "stories", "ingest_errors"] as const;
    const { rows } = await this.pool.query(`SELECT ${tables.map((t) => `(SELECT COUNT(*) FROM ${t}) AS ${t}`).join(", ")}`);
    const r = rows[0] as Record<(typeof tables)[number], number>;
    return {
      sources: r.sources, articles: r.articles, entities: r.entities, mentions: r.mentions, places: r.places, quotes: r.quotes,
      figures: r.figures, events: r.events, stories: r.stories, ingestErrors: r.ingest_errors,
    };
  }

  /** The newest article's rowid (0 when empty): a watermark for "has anything arrived since". */
  async lastArticleRow(client: pg.ClientBase = this.pool as unknown as pg.ClientBase): Promise<number> {
    const { rows } = await client.query("SELECT COALESCE(MAX(rowid), 0) AS n FROM articles");
    return rows[0].n as number;
  }

  async getMeta(key: string, client: pg.ClientBase = this.pool as unknown as pg.ClientBase): Promise<string | undefined> {
    const { rows } = await client.query("SELECT value FROM meta WHERE key = $1", [key]);
    return rows[0]?.value as string | undefined;
  }

  async setMeta(client: pg.ClientBase, key: string, value: string): Promise<void> {
    await client.query("INSERT INTO meta(key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value]);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
