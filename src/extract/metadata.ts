// STUB — to be written by the lead.
import type { Document } from "./dom.ts";
export interface PageMetadata {
  title?: string;
  publisher?: string;
  authors: string[];
  url?: string;
  language?: string;
}
export function extractMetadata(_doc: Document, _opts: { url?: string } = {}): PageMetadata {
  return { authors: [] };
}
