// STUB — owned by the dates helper. Interface is fixed.
import type { Document } from "./dom.ts";

export interface DateFinding {
  /** ISO 8601: a date, or a date-time with an offset only when the source gave one. */
  published?: string;
  modified?: string;
  warnings: string[];
}

/** Publication and modification dates of a page: JSON-LD, meta, <time>, URL, visible text. */
export function findHtmlDates(_doc: Document, _opts: { url?: string } = {}): DateFinding {
  return { warnings: [] };
}

/**
 * One date written in running text ("lundi 19/décembre/2022 - 07:31", "3 марта 2022",
 * "il y a 3 heures") -> ISO 8601, or undefined. Relative forms resolve against `reference`.
 */
export function parseDateText(_text: string, _opts: { language?: string; reference?: Date } = {}): string | undefined {
  return undefined;
}
