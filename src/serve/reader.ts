/**
 * Read queries the API needs and the Store interface does not offer (articles by cursor, events, places,
 * timeline, stored stories). Opens the store's SQLite file READ-ONLY and reads the tables that
 * src/store/sqlite.ts creates (see its MIGRATIONS); every value is a bound parameter.
 */
import Database from "better-sqlite3";
import type { Event } from "../schema.ts";
import type { Story } from "../consolidate/stories.ts";
import { nameKey } from "../store/fts.ts";

export interface ArticleSummary {
  id: string;
  title?: string;
  url?: string;
  publisher?: string;
  published?: string;
  language?: string;
  source: string;
  entities: number;
  events: number;
}

export interface ArticlePage {
  articles: ArticleSummary[];
  /** Pass back as ?cursor= for the next page; absent on the last page. */
  next?: string;
}

export interface EventFilters {
  from?: string;
  to?: string;
  type?: string;
  article?: string;
  limit: number;
  offset: number;
}

/** A coded event with the article that reported it and, when its location was geocoded, the point. */
export interface EventRow {
  articleId: string;
  articleTitle?: string;
  event: Event;
  place?: { name: string; lat: number; lon: number; countryCode?: string };
}

export interface PlaceRow {
  name: string;
  geonameId?: number;
  lat: number;
  lon: number;
  countryCode?: string;
  featureClass: string;
  articles: number;
  mentions: number;
}

export interface TimelineRow {
  day: string;
  type: string;
  count: number;
}

export interface EntityRow {
  name: string;
  type: string;
  linkedId?: string;
  articles: number;
  mentions: number;
}

export interface SharedEntity {
  name: string;
  type: string;
  articles: number;
}

type Row = Record<string, unknown>;

const opt = <T>(value: unknown): T | undefined => (value === null || value === undefined ? undefined : (value as T));

/** Keyset cursor: the last row's sort key (published date, rowid), opaque to clients. */
function encodeCursor(published: string, rowid: number): string {
  return Buffer.from(JSON.stringify([published, rowid])).toString("base64url");
}

export function decodeCursor(cursor: string): [string, number] | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && Number.isInteger(value[1])) {
      return [value[0], value[1] as number];
    }
  } catch {
    // fall through: a malformed cursor is the caller's 400
  }
  return undefined;
}

export class StoreReader {
  private readonly db: Database.Database;

  private readonly statements: ReturnType<StoreReader["prepare"]>;

  constructor(path: string) {
    this.db = new Database(path, { readonly: true, fileMustExist: true });
    this.db.pragma("busy_timeout = 5000");
    this.statements = this.prepare();
  }

  /** Changes whenever another connection (an ingest, the store itself) commits: what response caches key on. */
  dataVersion(): number {
    return this.statements.dataVersion.get() as number;
  }

  private prepare() {
    const summary = `SELECT a.rowid, a.id, a.title, a.url, a.publisher, a.published, a.language, a.source,
      (SELECT COUNT(*) FROM entities e WHERE e.article = a.rowid) AS entities,
      (SELECT COUNT(*) FROM events v WHERE v.article = a.rowid) AS events
      FROM articles a`;
    return {
      dataVersion: this.db.prepare("PRAGMA data_version").pluck(),
      firstPage: this.db.prepare(`${summary} WHERE a.published IS NOT NULL ORDER BY a.published DESC, a.rowid DESC LIMIT ?`),
      datedPage: this.db.prepare(`${summary} WHERE (a.published, a.rowid) < (?, ?) ORDER BY a.published DESC, a.rowid DESC LIMIT ?`),
      undatedPage: this.db.prepare(`${summary}
        WHERE a.published IS NULL AND a.rowid < COALESCE(?, 9223372036854775807)
        ORDER BY a.rowid DESC LIMIT ?`),
    };
  }

  /**
   * Newest published first (undated last), then newest ingested. Two index range scans (dated rows by
   * (published, rowid), then undated by rowid) rather than ORDER BY an expression, which sorted the
   * whole table on every page.
   */
  listArticles(limit: number, cursor?: [string, number]): ArticlePage {
    const [key, rowid] = cursor ?? [undefined, undefined];
    const rows: Row[] = [];
    if (key !== "") {
      const dated = key === undefined ? this.statements.firstPage.all(limit + 1) : this.statements.datedPage.all(key, rowid, limit + 1);
      rows.push(...(dated as Row[]));
    }
    if (rows.length <= limit) {
      rows.push(...(this.statements.undatedPage.all(key === "" ? rowid : null, limit + 1 - rows.length) as Row[]));
    }
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      articles: page.map(toSummary),
      ...(rows.length > limit && last ? { next: encodeCursor((last.published as string | null) ?? "", last.rowid as number) } : {}),
    };
  }

  summaries(ids: readonly string[]): ArticleSummary[] {
    const rows = this.db
      .prepare(
        `SELECT a.id, a.title, a.url, a.publisher, a.published, a.language, a.source,
           (SELECT COUNT(*) FROM entities e WHERE e.article = a.rowid) AS entities,
           (SELECT COUNT(*) FROM events v WHERE v.article = a.rowid) AS events
         FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))
         ORDER BY a.published, a.rowid`,
      )
      .all(JSON.stringify(ids)) as Row[];
    return rows.map(toSummary);
  }

  events(filters: EventFilters): { events: EventRow[]; total: number } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filters.from) {
      where.push("v.date >= ?");
      params.push(filters.from);
    }
    if (filters.to) {
      where.push("v.date <= ?");
      params.push(`${filters.to}\uffff`);
    }
    if (filters.type) {
      where.push("v.type = ?");
      params.push(filters.type);
    }
    if (filters.article) {
      where.push("v.article = (SELECT rowid FROM articles WHERE id = ?)");
      params.push(filters.article);
    }
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const total = this.db.prepare(`SELECT COUNT(*) FROM events v ${clause}`).pluck().get(...params) as number;
    // The page is chosen from events alone; articles and places are joined for its rows only.
    const rows = this.db
      .prepare(
        `SELECT a.id AS article_id, a.title, v.record, p.name AS place, p.lat, p.lon, p.country_code
         FROM (SELECT v.article, v.event_id, v.date, v.record FROM events v ${clause}
               ORDER BY v.date DESC, v.article, v.event_id LIMIT ? OFFSET ?) v
         JOIN articles a ON a.rowid = v.article
         LEFT JOIN places p ON p.article = v.article AND p.entity = json_extract(v.record, '$.location.entity')
         ORDER BY v.date DESC, v.article, v.event_id`,
      )
      .all(...params, filters.limit, filters.offset) as Row[];
    return {
      total,
      events: rows.map((r) => ({
        articleId: r.article_id as string,
        ...(r.title ? { articleTitle: r.title as string } : {}),
        event: JSON.parse(r.record as string) as Event,
        ...(r.place !== null && r.place !== undefined
          ? { place: { name: r.place as string, lat: r.lat as number, lon: r.lon as number, ...(r.country_code ? { countryCode: r.country_code as string } : {}) } }
          : {}),
      })),
    };
  }

  /** Events per day and PLOVER type. */
  timeline(from?: string, to?: string): TimelineRow[] {
    return this.db
      .prepare(
        `SELECT substr(date, 1, 10) AS day, type, COUNT(*) AS count FROM events
         WHERE date IS NOT NULL AND (? IS NULL OR date >= ?) AND (? IS NULL OR date <= ?)
         GROUP BY day, type ORDER BY day, type`,
      )
      .all(from ?? null, from ?? null, to ? `${to}\uffff` : null, to ? `${to}\uffff` : null) as TimelineRow[];
  }

  /** Geocoded places, one row per place (GeoNames id, else name), with how many articles name it. */
  places(limit: number): PlaceRow[] {
    const rows = this.db
      .prepare(
        `SELECT MIN(p.name) AS name, p.geoname_id, AVG(p.lat) AS lat, AVG(p.lon) AS lon, MIN(p.country_code) AS country_code,
           MIN(p.feature_class) AS feature_class, COUNT(DISTINCT p.article) AS articles, SUM(e.mentions) AS mentions
         FROM places p JOIN entities e ON e.article = p.article AND e.idx = p.entity
         GROUP BY COALESCE(CAST(p.geoname_id AS TEXT), p.key)
         ORDER BY articles DESC, mentions DESC, name LIMIT ?`,
      )
      .all(limit) as Row[];
    return rows.map((r) => ({
      name: r.name as string,
      ...(opt<number>(r.geoname_id) !== undefined ? { geonameId: r.geoname_id as number } : {}),
      lat: r.lat as number,
      lon: r.lon as number,
      ...(opt<string>(r.country_code) ? { countryCode: r.country_code as string } : {}),
      featureClass: r.feature_class as string,
      articles: r.articles as number,
      mentions: r.mentions as number,
    }));
  }

  /** The most reported entities (by linked id, else folded name), optionally of one type or name prefix. */
  topEntities(limit: number, type?: string, prefix?: string): EntityRow[] {
    const rows = this.db
      .prepare(
        `SELECT MIN(name) AS name, type, MIN(link_id) AS link_id, COUNT(DISTINCT article) AS articles, SUM(mentions) AS mentions
         FROM entities WHERE (? IS NULL OR type = ?) AND (? IS NULL OR key >= ? AND key < ?)
         GROUP BY COALESCE(link_id, key), type ORDER BY articles DESC, mentions DESC, name LIMIT ?`,
      )
      .all(type ?? null, type ?? null, prefix ?? null, prefix ? nameKey(prefix) : null, prefix ? `${nameKey(prefix)}\uffff` : null, limit) as Row[];
    return rows.map((r) => ({
      name: r.name as string,
      type: r.type as string,
      ...(r.link_id ? { linkedId: r.link_id as string } : {}),
      articles: r.articles as number,
      mentions: r.mentions as number,
    }));
  }

  /** Entities named by at least two of the given articles (a story's common ground). */
  sharedEntities(ids: readonly string[], limit: number): SharedEntity[] {
    return this.db
      .prepare(
        `SELECT MIN(e.name) AS name, e.type, COUNT(DISTINCT e.article) AS articles
         FROM entities e JOIN articles a ON a.rowid = e.article
         WHERE a.id IN (SELECT value FROM json_each(?))
         GROUP BY COALESCE(e.link_id, e.key), e.type HAVING articles >= 2
         ORDER BY articles DESC, name LIMIT ?`,
      )
      .all(JSON.stringify(ids), limit) as SharedEntity[];
  }

  /** Stories the consolidate stage saved in the store, largest first (empty when it has not run). */
  storedStories(): Story[] {
    const rows = this.db
      .prepare(
        `SELECT s.id, s.label, json_group_array(a.id) AS members, MIN(substr(a.published, 1, 10)) AS start,
           MAX(substr(a.published, 1, 10)) AS end, json_group_array(a.language) AS languages,
           json_group_array(COALESCE(a.publisher, a.source)) AS sources
         FROM stories s JOIN article_story x ON x.story_id = s.id JOIN articles a ON a.id = x.article_id
         GROUP BY s.id ORDER BY COUNT(*) DESC, s.id`,
      )
      .all() as Row[];
    const distinct = (json: string) => [...new Set((JSON.parse(json) as (string | null)[]).filter((v): v is string => !!v))].sort();
    return rows.map((r) => ({
      id: r.id as string,
      ...(r.label ? { title: r.label as string } : {}),
      ...(r.start ? { start: r.start as string, end: r.end as string } : {}),
      languages: distinct(r.languages as string),
      sources: distinct(r.sources as string),
      members: JSON.parse(r.members as string) as string[],
    }));
  }

  close(): void {
    this.db.close();
  }
}

function toSummary(r: Row): ArticleSummary {
  return {
    id: r.id as string,
    ...(opt<string>(r.title) ? { title: r.title as string } : {}),
    ...(opt<string>(r.url) ? { url: r.url as string } : {}),
    ...(opt<string>(r.publisher) ? { publisher: r.publisher as string } : {}),
    ...(opt<string>(r.published) ? { published: r.published as string } : {}),
    ...(opt<string>(r.language) ? { language: r.language as string } : {}),
    source: r.source as string,
    entities: r.entities as number,
    events: r.events as number,
  };
}
