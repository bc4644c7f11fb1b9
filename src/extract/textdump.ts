// STUB — owned by the text-dump helper. Interface is fixed.
export interface TextDumpResult {
  title?: string;
  publisher?: string;
  /** ISO 8601 from a date line found in the dump's head. */
  published?: string;
  /** Clean body: paragraphs separated by a blank line. */
  text: string;
  warnings: string[];
}

/** A scraped plain-text dump (boilerplate, ad markers, labels, dates, body) -> its article. */
export function cleanTextDump(text: string): TextDumpResult {
  return { text: text.trim(), warnings: [] };
}
