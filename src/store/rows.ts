/**
 * What the understand step found in one article, flattened into the rows of the store's finding tables
 * (entities, their alias keys, mentions, places, quotes, figures, events). Both stores write these rows;
 * only how a value is bound differs (PostgreSQL refuses NUL characters, SQLite binds no booleans).
 */
import type { UnderstoodArticle } from "../schema.ts";
import { makeSnippet, nameKey } from "./fts.ts";
import { SNIPPET_MARKS, type SearchHit } from "./index.ts";

export type Value = string | number | boolean | null;

export interface FindingRows {
  entities: Value[][];
  aliases: Value[][];
  mentions: Value[][];
  places: Value[][];
  quotes: Value[][];
  figures: Value[][];
  events: Value[][];
}

export interface Binding {
  /** Text as the database takes it. */
  text(value: string): string;
  /** A value as a JSON column takes it. */
  json(value: unknown): string;
  /** A flag as the database takes it. */
  flag(value: boolean): Value;
}

const PLAIN: Binding = { text: (value) => value, json: (value) => JSON.stringify(value), flag: (value) => value };

/** Rows in the column order of the stores' tables; `row` is the article's row id. */
export function findingRows(row: number, a: UnderstoodArticle, bind: Binding = PLAIN): FindingRows {
  const text = (value: string | undefined): Value => (value === undefined ? null : bind.text(value));
  const json = bind.json;
  const rows: FindingRows = { entities: [], aliases: [], mentions: [], places: [], quotes: [], figures: [], events: [] };
  a.entities.forEach((e, i) => {
    rows.entities.push([row, i, bind.text(e.name), nameKey(e.name), e.type, json(e.aliases), e.mentions, text(e.id), text(e.country), text(e.sector), text(e.wikidata)]);
    for (const alias of new Set([e.name, ...e.aliases].map(nameKey))) rows.aliases.push([bind.text(alias), row, i]);
    const p = e.place;
    if (p) rows.places.push([row, i, p.geonameId ?? null, bind.text(p.name), nameKey(p.name), p.lat, p.lon, text(p.countryCode), p.featureClass, p.population ?? null, p.score]);
  });
  for (const m of a.mentions) rows.mentions.push([row, m.entity, m.start, m.end, bind.text(m.text), m.type]);
  for (const q of a.quotes) rows.quotes.push([row, q.start, q.end, bind.text(q.text), text(q.speaker?.text), text(q.verb), q.style]);
  for (const f of a.figures) rows.figures.push([row, f.start, f.end, bind.text(f.text), f.value, text(f.unit), f.kind, text(f.counted?.text)]);
  for (const e of a.events ?? []) {
    rows.events.push([row, e.id, text(e.date), e.eventType, text(e.mode), text(e.actor?.text), text(e.recipient?.text),
      text(e.location?.text), bind.flag(e.hypothetical ?? false), e.confidence, bind.text(e.sentence.text), json(e)]);
  }
  return rows;
}

/**
 * A search result row of either store -> a SearchHit. CJK queries match a bigram index the stores cannot
 * cut snippets from, so their rows carry the text and the snippet is made here from the query's terms.
 */
export function searchHit(row: Record<string, unknown>, query: { cjk: boolean; terms: string[] }): SearchHit {
  return {
    id: row.id as string,
    title: (row.title as string | null) ?? undefined,
    url: (row.url as string | null) ?? undefined,
    published: (row.published as string | null) ?? undefined,
    language: (row.language as string | null) ?? undefined,
    snippet: query.cjk ? makeSnippet(row.text as string, query.terms, SNIPPET_MARKS) : (row.snippet as string),
    score: row.score as number,
  };
}
