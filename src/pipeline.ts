/**
 * The pipeline as the CLI and later stages drive it: sources -> raw documents -> articles,
 * streaming and in input order. A bad document becomes an outcome with its error; the batch goes on.
 */
import { DocumentError } from "./errors.ts";
import { extractArticle, type ExtractOptions } from "./extract/index.ts";
import { readSources, type ReadOptions } from "./ingest/files.ts";
import type { Article, RawDocument } from "./schema.ts";

export type Outcome =
  | { source: string; article: Article; error?: undefined }
  | { source: string; error: DocumentError; article?: undefined };

/** One raw document through extract; any failure is turned into a DocumentError naming the source. */
export function processDocument(raw: RawDocument, options: ExtractOptions = {}): Outcome {
  try {
    return { source: raw.source, article: extractArticle(raw, options) };
  } catch (error) {
    return { source: raw.source, error: asDocumentError(raw.source, error) };
  }
}

export async function* extractSources(
  sources: readonly string[],
  options: ExtractOptions & ReadOptions = {},
): AsyncGenerator<Outcome> {
  for await (const read of readSources(sources, options)) {
    yield read.error ? { source: read.source, error: read.error } : processDocument(read.raw, options);
  }
}

export function asDocumentError(source: string, error: unknown): DocumentError {
  if (error instanceof DocumentError) return error;
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return new DocumentError(source, `extraction failed: ${message}`);
}
