/**
 * Exports of a store, streamed one record at a time so memory stays flat on any corpus size:
 * JSONL (full records), CSV (one row an article), GeoJSON (located events, for QGIS or geojson.io)
 * and PLOVER (one PLOVER JSON object an event, JSONL).
 */
import { stringify } from "csv-stringify/sync";
import type { Store, StoredArticle } from "../store/index.ts";
import type { UnderstoodArticle } from "../schema.ts";
import { eventsToGeoJson, toPloverJson } from "../understand/events/export.ts";

export const EXPORT_FORMATS = ["jsonl", "csv", "geojson", "plover"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  format: ExportFormat;
  /** Only the articles this search finds (same syntax as `sitrep search`). */
  query?: string;
}

/** Most articles a query-limited export reads: a search is for finding, a full export has no limit. */
const QUERY_EXPORT_LIMIT = 100_000;

const CSV_COLUMNS = [
  "id", "published", "language", "title", "publisher", "url", "origin", "entities", "places", "quotes", "figures", "events", "stories",
] as const;

function* selected(store: Store, query: string | undefined): Iterable<StoredArticle> {
  if (query === undefined) {
    yield* store.articles();
    return;
  }
  for (const hit of store.search(query, { limit: QUERY_EXPORT_LIMIT })) {
    const stored = store.getArticle(hit.id);
    if (stored) yield stored;
  }
}

function understoodParts(article: StoredArticle["article"]): Partial<UnderstoodArticle> {
  return article as Partial<UnderstoodArticle>;
}

function csvRow(stored: StoredArticle): string {
  const a = understoodParts(stored.article);
  const row = [
    stored.id, a.published ?? "", a.language ?? "", a.title ?? "", a.publisher ?? "", a.url ?? "", stored.origin,
    a.entities?.length ?? "", a.entities?.filter((e) => e.place).length ?? "", a.quotes?.length ?? "",
    a.figures?.length ?? "", a.events?.length ?? "", stored.stories.join(" "),
  ];
  return stringify([row]);
}

/** The export as chunks of text, in order; write each as it comes. */
export function* exportStore(store: Store, options: ExportOptions): Iterable<string> {
  const articles = selected(store, options.query);
  switch (options.format) {
    case "jsonl":
      for (const stored of articles) yield JSON.stringify({ id: stored.id, origin: stored.origin, stories: stored.stories, ...stored.article }) + "\n";
      return;
    case "csv":
      yield stringify([[...CSV_COLUMNS]]);
      for (const stored of articles) yield csvRow(stored);
      return;
    case "plover":
      for (const stored of articles) {
        const article = understoodParts(stored.article);
        for (const event of article.events ?? []) {
          yield JSON.stringify({ ...toPloverJson(event, stored.article), article: stored.id }) + "\n";
        }
      }
      return;
    case "geojson": {
      yield '{"type":"FeatureCollection","features":[\n';
      let first = true;
      for (const stored of articles) {
        const events = understoodParts(stored.article).events ?? [];
        for (const feature of eventsToGeoJson(events, stored.article).features) {
          feature.properties = { ...feature.properties, article: stored.id } as typeof feature.properties;
          yield (first ? "" : ",\n") + JSON.stringify(feature);
          first = false;
        }
      }
      yield "\n]}\n";
      return;
    }
  }
}
