/**
 * Full-text search over the SQLite store's FTS5 tables, on any connection to the file: the store's own
 * (SqliteStore.search) or a read-only one in a server's search thread (serve/search-pool.ts).
 *
 * Bounded ranking. FTS5 computes bm25 for every match before the first row comes out (~2 µs a match), so
 * a common word over 100,000 articles cost 40-130 ms whatever the LIMIT. When a query (words and filters)
 * matches more than `rankedMatches` articles, only the `rankedMatches` most recently stored of them
 * (highest rowid: the order articles arrived in) are ranked; their scores are the same bm25, with document
 * frequencies over the whole store. Finding them walks the matches newest first without ranking (~0.05 µs
 * a match, plus a row lookup per match when filters apply). Queries matching fewer are ranked exactly as
 * without the bound.
 */
import type Database from "better-sqlite3";
import { rankedMatchesFor, SEARCH_DEFAULTS, SNIPPET_MARKS, type SearchFilters, type SearchHit } from "./index.ts";
import { nameKey, toFtsQuery } from "./fts.ts";
import { searchHit } from "./rows.ts";


/** Title matches weigh more than body matches in the ranking. */
const BM25_WEIGHTS = { title: 5, text: 1 } as const;
/** The same weights as FTS5's rank function, so search can ORDER BY rank (see search). */
const BM25_RANK = `bm25(${BM25_WEIGHTS.title}.0, ${BM25_WEIGHTS.text}.0)`;
const SNIPPET_TOKENS = 16;
/** A filter keeping more articles than this is checked per match rather than read as a set (see search). */
const FILTER_SET_MAX = 5000;
/** Distinct search statements are few (one per combination of filters and bound): kept prepared. */
const STATEMENT_CACHE_SIZE = 64;

export interface SearchResult {
  hits: SearchHit[];
  /** True when more than `rankedMatches` articles matched and only the newest of them were ranked. */
  bounded: boolean;
}

type Row = Record<string, unknown>;

export class SqliteSearch {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    readonly rankedMatches: number = SEARCH_DEFAULTS.rankedMatches,
    /** Tests lower it to see both ways of applying a filter on a small store. */
    private readonly filterSetMax: number = FILTER_SET_MAX,
  ) {}

  /** A prepared statement for this SQL, prepared once (bounded, oldest evicted first). */
  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.delete(this.statements.keys().next().value!);
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  search(query: string, filters: SearchFilters = {}): SearchResult {
    const fts = toFtsQuery(query);
    if (!fts) return { hits: [], bounded: false };
    const table = fts.cjk ? "articles_cjk" : "articles_fts";
    // A filter that keeps few articles is read from its index once per search, as the set of articles it
    // keeps (the unary + keeps FTS5 from looking up each rowid of the set, ~0.5 ms each); one that keeps many
    // is checked per match instead, as the walk below stops at rankedMatches candidates: building a set of
    // 75,000 dated articles for every search cost 50-100 ms, checking the matches walked costs a few.
    const where: string[] = [];
    const params: unknown[] = [];
    // `check` is the same filter on one match ($match), with the same values as `articles`, in order.
    const keep = (articles: string, check: string, ...values: unknown[]) => {
      const large = (this.statement(`SELECT count(*) FROM (${articles} LIMIT ${this.filterSetMax + 1})`).pluck().get(...values) as number) > this.filterSetMax;
      where.push(large ? `EXISTS (${check.replaceAll("$match", `${table}.rowid`)})` : `+${table}.rowid IN (${articles})`);
      params.push(...values);
    };
    if (filters.from || filters.to) {
      // "2022-03" as `to` includes every date in March: compare against the prefix's last possible value.
      keep("SELECT rowid FROM articles WHERE published >= ? AND published <= ?", "SELECT 1 FROM articles WHERE rowid = $match AND published >= ? AND published <= ?", filters.from ?? "", `${filters.to ?? "\uffff"}\uffff`);
    }
    if (filters.language) keep("SELECT rowid FROM articles WHERE language = ?", "SELECT 1 FROM articles WHERE rowid = $match AND language = ?", filters.language.toLowerCase());
    if (filters.entity) {
      keep(
        "SELECT article FROM entity_aliases WHERE key = ? UNION SELECT article FROM entities WHERE link_id = ?",
        "SELECT 1 FROM entity_aliases WHERE key = ? AND article = $match UNION ALL SELECT 1 FROM entities WHERE link_id = ? AND article = $match",
        nameKey(filters.entity), filters.entity,
      );
    }
    if (filters.place) keep("SELECT article FROM places WHERE key = ?", "SELECT 1 FROM places WHERE article = $match AND key = ?", nameKey(filters.place));
    if (filters.eventType) keep("SELECT article FROM events WHERE type = ?", "SELECT 1 FROM events WHERE article = $match AND type = ?", filters.eventType.toUpperCase());
    const ranked = rankedMatchesFor(filters, this.rankedMatches);
    const filtered = where.map((w) => `AND ${w}`).join(" ");

    // The newest rankedMatches matches that pass the filters, newest first: FTS5 walks its doclists in rowid
    // order without ranking (~0.05 µs a match). Kept BigInts: bound as a
    // JS number (a REAL), FTS5 ranks every match before applying a rowid bound (70 vs 5 ms).
    const candidates = this.statement(
      `SELECT rowid FROM ${table} WHERE ${table} MATCH ? ${filtered} ORDER BY rowid DESC LIMIT ?`,
    ).pluck().safeIntegers().all(fts.match, ...params, ranked) as bigint[];
    if (candidates.length === 0) return { hits: [], bounded: false };
    const bounded = candidates.length === ranked;

    const { open, close, ellipsis } = SNIPPET_MARKS;
    const snippet = fts.cjk ? "NULL" : `snippet(articles_fts, -1, '${open}', '${close}', '${ellipsis}', ${SNIPPET_TOKENS})`;
    // ORDER BY the FTS5 rank column (bm25 with our weights) rather than a bm25() expression: FTS5 then
    // sorts rowids by rank itself and the outer query streams in that order, so the article join and
    // snippet() run only until LIMIT + OFFSET rows pass, not for every match (no temp B-tree). FTS5 ranks
    // only rowids from the oldest candidate on; with filters, the candidates found above stand for them
    // (at most rankedMatches rowids, rather than the filters' sets again).
    const sql = `SELECT a.id, a.title, a.url, a.published, a.language, ${fts.cjk ? "a.text" : "NULL"} AS text, ${snippet} AS snippet,
        ${table}.rank AS score
      FROM ${table} JOIN articles a ON a.rowid = ${table}.rowid
      WHERE ${table} MATCH ? AND ${table}.rank MATCH '${BM25_RANK}' AND ${table}.rowid >= ?
        ${where.length ? `AND +${table}.rowid IN (SELECT value FROM json_each(?))` : ""}
      ORDER BY ${table}.rank LIMIT ? OFFSET ?`;
    const oldest = candidates[candidates.length - 1]!;
    const members = where.length ? [JSON.stringify(candidates.map(String)).replace(/"/g, "")] : [];
    const rows = this.statement(sql).all(fts.match, oldest, ...members, filters.limit ?? SEARCH_DEFAULTS.limit, filters.offset ?? 0) as Row[];
    const hits = rows.map((r) => searchHit(r, fts));
    return { hits, bounded };
  }
}
