/**
 * The record types of Sitrep, defined once. Every other type derives from these schemas
 * (z.infer); records are validated where they cross a boundary (CLI output, store, API).
 */
import { z } from "zod";

/** ISO 8601 date or date-time; a date-time carries a UTC offset only when the source gave one. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/, "not an ISO 8601 date");

/** Which kind of document the bytes held, as detected by the decode step. */
export const DocumentKind = z.enum(["html", "text"]);

/** A raw document as ingest hands it to extract: bytes plus what the source said about them. */
export const RawDocument = z.object({
  /** Path, URL or "-" for stdin: what the user named. */
  source: z.string(),
  bytes: z.instanceof(Uint8Array),
  /** The page's URL when known (from --url, a WARC header or a feed). */
  url: z.string().optional(),
  /** An HTTP-style Content-Type, e.g. from a WARC record, giving a charset hint. */
  contentType: z.string().optional(),
});

/** A clean, dated article: the record every later stage stands on. */
export const Article = z.object({
  source: z.string(),
  url: z.string().optional(),
  title: z.string().optional(),
  publisher: z.string().optional(),
  authors: z.array(z.string()),
  published: IsoDate.optional(),
  modified: IsoDate.optional(),
  /** ISO 639-1 code. */
  language: z.string().optional(),
  /** Body as paragraphs separated by one blank line. */
  text: z.string(),
  /** The byte encoding the document was decoded from (WHATWG label, lower case). */
  encoding: z.string(),
  kind: DocumentKind,
  /** What was uncertain: each a short sentence a person can act on. */
  warnings: z.array(z.string()),
});

export type IsoDate = z.infer<typeof IsoDate>;
export type DocumentKind = z.infer<typeof DocumentKind>;
export type RawDocument = z.infer<typeof RawDocument>;
export type Article = z.infer<typeof Article>;
