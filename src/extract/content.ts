// STUB — owned by the content-extraction helper. Interface is fixed.
import type { Document } from "./dom.ts";
import { textContent } from "domutils";

export interface ContentResult {
  /** The article body: paragraphs (and list items, table rows, sub-headings) separated by a blank line. */
  text: string;
  /** The headline as the body's own markup gives it (h1), when found. */
  title?: string;
  warnings: string[];
}

export function extractContent(doc: Document, _opts: { url?: string } = {}): ContentResult {
  return { text: textContent(doc).replace(/\s+/g, " ").trim(), warnings: [] };
}
