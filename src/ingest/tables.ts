/**
 * JSONL and CSV exports: one unit per row. Columns map to article fields by common names, or by the
 * user's --map (field=column). A row that cannot be read is a problem; the rows after it go on.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import { contentKey, type ArticleFields, type IngestUnit } from "./units.ts";

/** Column names tried for each field, in order, when --map does not name one. */
export const FIELD_COLUMNS = {
  title: ["title", "headline", "name"],
  text: ["text", "body", "content", "article", "maintext", "description"],
  html: ["html", "raw_html", "page", "source_html"],
  url: ["url", "link", "uri", "canonical_url"],
  published: ["published", "date", "pubDate", "published_at", "publishedAt", "date_publish", "datetime", "timestamp"],
  language: ["language", "lang", "locale"],
  publisher: ["publisher", "site", "site_name", "outlet", "source"],
  authors: ["authors", "author", "byline", "creator"],
} as const;

export type TableField = keyof typeof FIELD_COLUMNS;
export type FieldMap = Partial<Record<TableField, string>>;

export function isTablePath(path: string): "jsonl" | "csv" | "tsv" | undefined {
  const m = /\.(jsonl|ndjson|csv|tsv)(?:\.gz)?$/i.exec(path);
  if (!m) return undefined;
  const ext = m[1]!.toLowerCase();
  return ext === "ndjson" ? "jsonl" : (ext as "jsonl" | "csv" | "tsv");
}

/** "title=headline,text=body" -> { title: "headline", text: "body" }; unknown fields are an error. */
export function parseFieldMap(spec: string | undefined): FieldMap {
  const map: FieldMap = {};
  for (const pair of (spec ?? "").split(",").map((p) => p.trim()).filter(Boolean)) {
    const [field, column] = pair.split("=").map((s) => s.trim());
    if (!field || !column || !(field in FIELD_COLUMNS)) {
      throw new Error(`--map: "${pair}" is not field=column with field one of ${Object.keys(FIELD_COLUMNS).join(", ")}`);
    }
    map[field as TableField] = column;
  }
  return map;
}

function openText(path: string): Readable {
  const stream = createReadStream(path);
  return /\.gz$/i.test(path) ? stream.pipe(createGunzip()) : stream;
}

export async function* jsonlUnits(path: string, map: FieldMap): AsyncGenerator<IngestUnit> {
  const lines = createInterface({ input: openText(path), crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (!line.trim()) continue;
      const source = `${path}:${n}`;
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch (error) {
        yield { source, origin: path, problem: `line ${n} is not valid JSON (${(error as Error).message})` };
        continue;
      }
      if (!row || typeof row !== "object" || Array.isArray(row)) {
        yield { source, origin: path, problem: `line ${n} is not a JSON object` };
        continue;
      }
      yield rowUnit(source, path, row as Record<string, unknown>, map, line);
    }
  } catch (error) {
    yield { source: `${path}:${n + 1}`, origin: path, problem: `cannot read on (${(error as Error).message})` };
  }
}

export async function* csvUnits(path: string, map: FieldMap, delimiter = ","): AsyncGenerator<IngestUnit> {
  const skipped: IngestUnit[] = [];
  const parser = openText(path).pipe(
    parse({ columns: true, bom: true, delimiter, raw: true, info: true, skip_records_with_error: true, relax_column_count: false }),
  );
  parser.on("skip", (error: Error & { lines?: number }) => {
    skipped.push({ source: `${path}:${error.lines ?? "?"}`, origin: path, problem: `broken CSV row: ${error.message}` });
  });
  try {
    for await (const rec of parser as AsyncIterable<{ record: Record<string, string>; raw: string; info: { lines: number } }>) {
      yield* skipped.splice(0);
      yield rowUnit(`${path}:${rec.info.lines}`, path, rec.record, map, rec.raw);
    }
  } catch (error) {
    yield* skipped.splice(0);
    yield { source: path, origin: path, problem: `CSV stops being readable: ${(error as Error).message}` };
  }
  yield* skipped.splice(0);
}

function rowUnit(source: string, origin: string, row: Record<string, unknown>, map: FieldMap, rawText: string): IngestUnit {
  const get = (field: TableField): unknown => {
    const named = map[field];
    if (named) return row[named];
    for (const column of FIELD_COLUMNS[field]) if (row[column] !== undefined && row[column] !== "") return row[column];
    return undefined;
  };
  const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : undefined);
  const authors = get("authors");
  const fields: ArticleFields = {
    title: str(get("title")),
    text: str(get("text")),
    url: str(get("url")),
    published: str(get("published")),
    language: str(get("language"))?.slice(0, 2).toLowerCase(),
    publisher: str(get("publisher")),
    authors: Array.isArray(authors) ? authors.filter((a): a is string => typeof a === "string") : str(authors) ? [str(authors)!] : [],
  };
  const html = str(get("html"));
  if (!fields.text && !html) {
    const columns = Object.keys(row).slice(0, 8).join(", ");
    return { source, origin, problem: `row has no text or html (columns: ${columns}; use --map text=COLUMN)` };
  }
  const key = contentKey(rawText);
  return html
    ? { source, origin, key, fields, raw: { source, bytes: new Uint8Array(Buffer.from(html)) as Uint8Array<ArrayBuffer>, url: fields.url } }
    : { source, origin, key, fields };
}
