/**
 * The pipeline as the CLI and later stages drive it: sources -> raw documents -> articles,
 * streaming and in input order. A bad document becomes an outcome with its error; the batch goes on.
 */
import { DocumentError } from "./errors.ts";
import { extractArticle, type ExtractOptions } from "./extract/index.ts";
import { readSources, type ReadOptions } from "./ingest/files.ts";
import { understand } from "./understand/index.ts";
import type { Article, RawDocument, UnderstoodArticle } from "./schema.ts";

export interface PipelineOptions extends ExtractOptions {
  /** Run the understand stage too: languages, entities, places, quotes, figures. */
  understand?: boolean;
  /** Code PLOVER events too (implies understand). */
  events?: boolean;
}

export type Outcome =
  | { source: string; article: Article | UnderstoodArticle; error?: undefined }
  | { source: string; error: DocumentError; article?: undefined };

/** One raw document through extract; any failure is turned into a DocumentError naming the source. */
export function processDocument(raw: RawDocument, options: PipelineOptions = {}): Outcome {
  try {
    const article = extractArticle(raw, options);
    const deeper = options.understand || options.events;
    return { source: raw.source, article: deeper ? understand(article, { events: options.events }) : article };
  } catch (error) {
    return { source: raw.source, error: asDocumentError(raw.source, error) };
  }
}

export async function* extractSources(
  sources: readonly string[],
  options: PipelineOptions & ReadOptions = {},
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
