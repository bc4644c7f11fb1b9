/**
 * The SQLite store (better-sqlite3): one file, WAL mode, numbered migrations (PRAGMA user_version),
 * FTS5 over title and body. Every statement uses bound parameters; a batch is one transaction, so an
 * interrupted ingest loses at most the batch in flight and the content-hash key makes re-runs no-ops.
 */
import Database from "better-sqlite3";
import type { UnderstoodArticle } from "../schema.ts";
import { cjkBigrams, hasCjk, nameKey } from "./fts.ts";
import { SqliteSearch } from "./sqlite-search.ts";
import { findingRows } from "./rows.ts";
import {
  type EntitySummary,
  type IngestProblem,
  type SearchFilters,
  type SearchHit,
  type Store,
  type StoreCounts,
  type StoredArticle,
  type StoredInput,
  type StoredStory,
  type StoryAssignment,
} from "./index.ts";

/** Schema changes, in order; the database's user_version is how many have run. Append, never edit. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    first_seen TEXT NOT NULL
  );
  CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,              -- sha256 of the raw bytes
    source_id INTEGER NOT NULL REFERENCES sources(id),
    source TEXT NOT NULL,                 -- the document's own source (file, archive#record, table:line)
    url TEXT,
    title TEXT,
    publisher TEXT,
    published TEXT,
    language TEXT,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    record TEXT NOT NULL,                 -- the full record, JSON
    ingested_at TEXT NOT NULL
  );
  CREATE INDEX articles_published ON articles(published);
  CREATE INDEX articles_language ON articles(language);
  CREATE INDEX articles_url ON articles(url);
  CREATE TABLE entities (
    article INTEGER NOT NULL REFERENCES articles(rowid),
    idx INTEGER NOT NULL,
    name TEXT NOT NULL,
    key TEXT NOT NULL,                    -- case- and diacritic-free name (fts.nameKey)
    type TEXT NOT NULL,
    aliases TEXT NOT NULL,                -- JSON array
    mentions INTEGER NOT NULL,
    link_id TEXT,
    country TEXT,
    sector TEXT,
    wikidata TEXT,
    PRIMARY KEY (article, idx)
  ) WITHOUT ROWID;
  CREATE INDEX entities_key ON entities(key);
  CREATE INDEX entities_link ON entities(link_id);
  CREATE TABLE entity_aliases (
    key TEXT NOT NULL,
    article INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    PRIMARY KEY (key, article, idx)
  ) WITHOUT ROWID;
  CREATE TABLE mentions (
    article INTEGER NOT NULL REFERENCES articles(rowid),
    entity INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL
  );
  CREATE INDEX mentions_article ON mentions(article, entity);
  CREATE TABLE places (
    article INTEGER NOT NULL REFERENCES articles(rowid),
    entity INTEGER NOT NULL,
    geoname_id INTEGER,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country_code TEXT,
    feature_class TEXT NOT NULL,
    population INTEGER,
    score REAL NOT NULL
  );
  CREATE INDEX places_key ON places(key);
  CREATE INDEX places_article ON places(article);
  CREATE TABLE quotes (
    article INTEGER NOT NULL REFERENCES articles(rowid),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    verb TEXT,
    style TEXT NOT NULL
  );
  CREATE INDEX quotes_article ON quotes(article);
  CREATE TABLE figures (
    article INTEGER NOT NULL REFERENCES articles(rowid),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT,
    kind TEXT NOT NULL,
    counted TEXT
  );
  CREATE INDEX figures_article ON figures(article);
  CREATE TABLE events (
    article INTEGER NOT NULL REFERENCES articles(rowid),
    event_id TEXT NOT NULL,
    date TEXT,
    type TEXT NOT NULL,
    mode TEXT,
    actor TEXT,
    recipient TEXT,
    location TEXT,
    hypothetical INTEGER NOT NULL,
    confidence REAL NOT NULL,
    sentence TEXT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (article, event_id)
  ) WITHOUT ROWID;
  CREATE INDEX events_type ON events(type, date);
  CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    label TEXT,
    record TEXT,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE article_story (
    article_id TEXT NOT NULL REFERENCES articles(id),
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    score REAL,
    PRIMARY KEY (article_id, story_id)
  ) WITHOUT ROWID;
  CREATE INDEX article_story_story ON article_story(story_id);
  CREATE TABLE ingest_errors (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    problem TEXT NOT NULL,
    time TEXT NOT NULL,
    UNIQUE (source, problem)
  );
  -- Title and body, diacritic- and case-insensitive; the text lives in articles (external content).
  CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid',
    tokenize="unicode61 remove_diacritics 2"
  );
  -- Articles with Chinese/Japanese text, CJK runs as overlapping bigrams (see fts.ts); match only, no content.
  CREATE VIRTUAL TABLE articles_cjk USING fts5(
    title, text, content='', tokenize="unicode61 remove_diacritics 2"
  );
  `,
  // 2: the API lists events by date across types (the timeline, /api/events without a type).
  `CREATE INDEX events_date ON events(date);`,
  // 3: search checks "has an event of this type" per match (sqlite-search.ts): the event rows are wide.
  `CREATE INDEX events_article_type ON events(article, type);`,
];

const ENTITY_COOCCURRING = 15;
const ENTITY_RECENT = 10;

type Row = Record<string, unknown>;

export class SqliteStore implements Store {
  readonly db: Database.Database;
  private readonly statements: ReturnType<SqliteStore["prepareWrites"]>;
  private readonly searcher: SqliteSearch;

  /** rankedMatches: see SqliteSearch (tests lower it to see the bound on a small store). */
  constructor(path: string, options: { rankedMatches?: number } = {}) {
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    // WAL + NORMAL: a committed batch survives a killed process (not a power cut), at a fraction of FULL's fsyncs.
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 5000");
    this.migrate();
    this.statements = this.prepareWrites();
    this.searcher = new SqliteSearch(this.db, options.rankedMatches);
  }

  private migrate(): void {
    const version = this.db.pragma("user_version", { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new Error(`database schema version ${version} is newer than this sitrep (${MIGRATIONS.length}); upgrade sitrep`);
    }
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  private prepareWrites() {
    const db = this.db;
    return {
      source: db.prepare("INSERT INTO sources(name, first_seen) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET name = excluded.name RETURNING id"),
      article: db.prepare(`INSERT INTO articles(id, source_id, source, url, title, publisher, published, language, kind, text, record, ingested_at)
        VALUES (@id, @sourceId, @source, @url, @title, @publisher, @published, @language, @kind, @text, @record, @ingestedAt)
        ON CONFLICT(id) DO NOTHING`),
      fts: db.prepare("INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)"),
      cjk: db.prepare("INSERT INTO articles_cjk(rowid, title, text) VALUES (?, ?, ?)"),
      entity: db.prepare(`INSERT INTO entities(article, idx, name, key, type, aliases, mentions, link_id, country, sector, wikidata)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      alias: db.prepare("INSERT OR IGNORE INTO entity_aliases(key, article, idx) VALUES (?, ?, ?)"),
      mention: db.prepare("INSERT INTO mentions(article, entity, start, end, text, type) VALUES (?, ?, ?, ?, ?, ?)"),
      place: db.prepare(`INSERT INTO places(article, entity, geoname_id, name, key, lat, lon, country_code, feature_class, population, score)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      quote: db.prepare("INSERT INTO quotes(article, start, end, text, speaker, verb, style) VALUES (?, ?, ?, ?, ?, ?, ?)"),
      figure: db.prepare("INSERT INTO figures(article, start, end, text, value, unit, kind, counted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
      event: db.prepare(`INSERT OR IGNORE INTO events(article, event_id, date, type, mode, actor, recipient, location, hypothetical, confidence, sentence, record)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      problem: db.prepare(`INSERT INTO ingest_errors(source, problem, time) VALUES (?, ?, ?)
        ON CONFLICT(source, problem) DO UPDATE SET time = excluded.time`),
      known: db.prepare("SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))"),
      story: db.prepare(`INSERT INTO stories(id, label, record, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET label = excluded.label, record = excluded.record, updated_at = excluded.updated_at`),
      clearStory: db.prepare("DELETE FROM article_story WHERE story_id = ?"),
      assign: db.prepare("INSERT OR REPLACE INTO article_story(article_id, story_id, score) VALUES (?, ?, ?)"),
    };
  }

  knownIds(ids: readonly string[]): Set<string> {
    if (ids.length === 0) return new Set();
    const rows = this.statements.known.all(JSON.stringify(ids)) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }

  saveArticles(batch: readonly StoredInput[]): { inserted: number; duplicates: number } {
    const s = this.statements;
    const now = new Date().toISOString();
    const sourceIds = new Map<string, number>();
    return this.db.transaction(() => {
      let inserted = 0;
      for (const { id, origin, article } of batch) {
        let sourceId = sourceIds.get(origin);
        if (sourceId === undefined) {
          sourceId = (s.source.get(origin, now) as { id: number }).id;
          sourceIds.set(origin, sourceId);
        }
        const result = s.article.run({
          id,
          sourceId,
          source: article.source,
          url: article.url ?? null,
          title: article.title ?? null,
          publisher: article.publisher ?? null,
          published: article.published ?? null,
          language: article.language ?? null,
          kind: article.kind,
          text: article.text,
          record: JSON.stringify(article),
          ingestedAt: now,
        });
        if (result.changes === 0) continue;
        inserted++;
        const row = Number(result.lastInsertRowid);
        s.fts.run(row, article.title ?? "", article.text);
        if (hasCjk(article.title ?? "") || hasCjk(article.text)) s.cjk.run(row, cjkBigrams(article.title ?? ""), cjkBigrams(article.text));
        if ("entities" in article) this.saveFindings(row, article);
      }
      return { inserted, duplicates: batch.length - inserted };
    })();
  }

  private saveFindings(row: number, a: UnderstoodArticle): void {
    const s = this.statements;
    // better-sqlite3 binds no booleans: flags are stored as 0/1.
    const rows = findingRows(row, a, { text: (value) => value, json: (value) => JSON.stringify(value), flag: (value) => (value ? 1 : 0) });
    for (const values of rows.entities) s.entity.run(...values);
    for (const values of rows.aliases) s.alias.run(...values);
    for (const values of rows.places) s.place.run(...values);
    for (const values of rows.mentions) s.mention.run(...values);
    for (const values of rows.quotes) s.quote.run(...values);
    for (const values of rows.figures) s.figure.run(...values);
    for (const values of rows.events) s.event.run(...values);
  }

  saveProblems(problems: readonly IngestProblem[]): void {
    if (problems.length === 0) return;
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const p of problems) this.statements.problem.run(p.source, p.problem, now);
    })();
  }

  saveStories(stories: readonly StoryAssignment[], options: { replaceAll?: boolean } = {}): void {
    const s = this.statements;
    const now = new Date().toISOString();
    this.db.transaction(() => {
      if (options.replaceAll) {
        this.db.prepare("DELETE FROM article_story").run();
        this.db.prepare("DELETE FROM stories").run();
      }
      for (const story of stories) {
        s.story.run(story.id, story.label ?? null, story.record === undefined ? null : JSON.stringify(story.record), now);
        s.clearStory.run(story.id);
        for (const a of story.articles) s.assign.run(a.id, story.id, a.score ?? null);
      }
    })();
  }

  stories(): StoredStory[] {
    const rows = this.db.prepare(`SELECT id, label, record FROM stories
       ORDER BY (SELECT COUNT(*) FROM article_story m WHERE m.story_id = stories.id) DESC, id`).all() as Row[];
    const members = this.db.prepare("SELECT article_id FROM article_story WHERE story_id = ? ORDER BY score DESC, article_id").pluck();
    return rows.map((r) => ({
      id: r.id as string,
      ...(r.label ? { label: r.label as string } : {}),
      record: r.record ? JSON.parse(r.record as string) : undefined,
      articles: members.all(r.id) as string[],
    }));
  }

  *articles(): Iterable<StoredArticle> {
    const rows = this.db.prepare(
      `SELECT a.id, s.name AS origin, a.ingested_at, a.record FROM articles a JOIN sources s ON s.id = a.source_id ORDER BY a.rowid`,
    );
    for (const r of rows.iterate() as Iterable<Row>) yield this.toStored(r);
  }

  getArticle(id: string): StoredArticle | undefined {
    // A unique prefix of the hash is enough (as with git), so ids can be typed.
    const rows = this.db
      .prepare(`SELECT a.id, s.name AS origin, a.ingested_at, a.record FROM articles a JOIN sources s ON s.id = a.source_id
        WHERE a.id >= ? AND a.id < ? LIMIT 2`)
      .all(id.toLowerCase(), id.toLowerCase() + "g") as Row[];
    return rows.length === 1 ? this.toStored(rows[0]!) : undefined;
  }

  private toStored(r: Row): StoredArticle {
    const stories = this.db.prepare("SELECT story_id FROM article_story WHERE article_id = ? ORDER BY story_id").pluck().all(r.id) as string[];
    return { id: r.id as string, origin: r.origin as string, ingestedAt: r.ingested_at as string, article: JSON.parse(r.record as string), stories };
  }

  /** Search, best first; a query matching very many articles ranks only the newest (see sqlite-search.ts). */
  search(query: string, filters: SearchFilters = {}): SearchHit[] {
    return this.searcher.search(query, filters).hits;
  }

  entity(name: string): EntitySummary | undefined {
    const key = nameKey(name);
    const matches = this.db
      .prepare(`SELECT e.article, e.idx, e.name, e.type, e.aliases, e.mentions, e.link_id FROM entities e
        WHERE e.link_id = ? OR EXISTS (SELECT 1 FROM entity_aliases x WHERE x.key = ? AND x.article = e.article AND x.idx = e.idx)`)
      .all(name, key) as Row[];
    if (matches.length === 0) return undefined;
    const names = new Map<string, number>();
    const aliases = new Set<string>();
    const types = new Set<string>();
    const linked = new Set<string>();
    const articles = new Set<number>();
    let mentions = 0;
    for (const m of matches) {
      names.set(m.name as string, (names.get(m.name as string) ?? 0) + 1);
      for (const a of JSON.parse(m.aliases as string) as string[]) aliases.add(a);
      aliases.add(m.name as string);
      types.add(m.type as string);
      if (m.link_id) linked.add(m.link_id as string);
      articles.add(m.article as number);
      mentions += m.mentions as number;
    }
    const top = [...names].sort((a, b) => b[1] - a[1])[0]![0];
    const pairs = JSON.stringify(matches.map((m) => [m.article, m.idx]));
    const cooccurring = this.db
      .prepare(`WITH hit(article, idx) AS (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))
        SELECT MIN(e.name) AS name, e.type, COUNT(DISTINCT e.article) AS articles FROM entities e
        WHERE e.article IN (SELECT article FROM hit) AND NOT EXISTS (SELECT 1 FROM hit WHERE hit.article = e.article AND hit.idx = e.idx)
          AND e.key <> ?
        GROUP BY COALESCE(e.link_id, e.key), e.type ORDER BY articles DESC, name LIMIT ?`)
      .all(pairs, key, ENTITY_COOCCURRING) as { name: string; type: string; articles: number }[];
    const recent = this.db
      .prepare(`SELECT id, title, published FROM articles WHERE rowid IN (SELECT value FROM json_each(?))
        ORDER BY published DESC NULLS LAST LIMIT ?`)
      .all(JSON.stringify([...articles]), ENTITY_RECENT) as Row[];
    return {
      name: top,
      types: [...types],
      aliases: [...aliases].filter((a) => a !== top).sort(),
      linkedIds: [...linked],
      articles: articles.size,
      mentions,
      cooccurring,
      recent: recent.map((r) => ({ id: r.id as string, title: (r.title as string | null) ?? undefined, published: (r.published as string | null) ?? undefined })),
    };
  }

  problems(limit = 100): (IngestProblem & { time: string })[] {
    return this.db.prepare("SELECT source, problem, time FROM ingest_errors ORDER BY id LIMIT ?").all(limit) as (IngestProblem & { time: string })[];
  }

  counts(): StoreCounts {
    const n = (table: string) => (this.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number);
    return {
      sources: n("sources"),
      articles: n("articles"),
      entities: n("entities"),
      mentions: n("mentions"),
      places: n("places"),
      quotes: n("quotes"),
      figures: n("figures"),
      events: n("events"),
      stories: n("stories"),
      ingestErrors: n("ingest_errors"),
    };
  }

  close(): void {
    this.db.close();
  }
}
