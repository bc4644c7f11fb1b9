/**
 * What every reader (files, WARC, feeds, tables) hands the pipeline: one unit a document, keyed by the
 * sha256 of its raw bytes, or one problem. A unit carries either bytes to extract, or fields already
 * separated by the source (a feed item, a table row), or both (a row with an html column).
 */
import { createHash } from "node:crypto";
import type { RawDocument } from "../schema.ts";

/** Article fields a structured source gives directly. */
export interface ArticleFields {
  url?: string;
  title?: string;
  publisher?: string;
  authors?: string[];
  published?: string;
  language?: string;
  text?: string;
}

export type IngestUnit =
  | { source: string; origin: string; key: string; raw?: RawDocument; fields?: ArticleFields; problem?: undefined }
  | { source: string; origin: string; problem: string; key?: undefined };

export function contentKey(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}
