/**
 * A small streaming WARC/WET reader (ISO 28500): records one at a time, gzip or plain, without holding
 * the archive in memory. Hand-written because the npm port (warcio) pulls in a CLI's worth of
 * dependencies for what is a header block and a Content-Length.
 * Truncated or malformed records are reported and the records before them kept.
 */
import { createReadStream } from "node:fs";
import { createGunzip, gunzipSync } from "node:zlib";
import type { Readable } from "node:stream";

export interface WarcRecord {
  type: string;
  /** Byte offset of the record in the (decompressed) stream. */
  offset: number;
  headers: Map<string, string>;
  targetUri?: string;
  date?: string;
  block: Buffer;
}

export type WarcItem = { record: WarcRecord; problem?: undefined } | { problem: string; offset: number; record?: undefined };

/** Record types that carry a document; requests, metadata, warcinfo and revisits do not. */
export const DOCUMENT_RECORD_TYPES = new Set(["response", "resource", "conversion"]);
/** Payload types worth extracting: pages and text. */
export const DOCUMENT_CONTENT = /^(?:text\/html|application\/xhtml\+xml|text\/plain)\b/i;

export function isWarcPath(path: string): boolean {
  return /\.(?:warc|wet)(?:\.gz)?$/i.test(path);
}

export async function* readWarcFile(path: string, maxRecordBytes: number): AsyncGenerator<WarcItem> {
  let stream: Readable = createReadStream(path);
  if (/\.gz$/i.test(path)) stream = stream.pipe(createGunzip());
  yield* readWarcStream(stream, maxRecordBytes);
}

/** Chunks in, whole records out; `need(n)` waits for n bytes without concatenating on every chunk. */
export async function* readWarcStream(stream: AsyncIterable<Buffer>, maxRecordBytes: number): AsyncGenerator<WarcItem> {
  const iterator = stream[Symbol.asyncIterator]();
  let buffer = Buffer.alloc(0);
  let consumed = 0;
  let ended = false;
  let streamError: string | undefined;
  const more = async (): Promise<boolean> => {
    if (ended) return false;
    try {
      const chunks: Buffer[] = [buffer];
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        return false;
      }
      chunks.push(next.value);
      buffer = Buffer.concat(chunks);
      return true;
    } catch (error) {
      ended = true;
      streamError = (error as Error).message;
      return false;
    }
  };
  const take = (n: number): Buffer => {
    const out = buffer.subarray(0, n);
    buffer = buffer.subarray(n);
    consumed += n;
    return out;
  };
  for (;;) {
    // Skip the blank lines between records.
    while (buffer.length < 2 && (await more()));
    let lead = 0;
    while (lead < buffer.length && (buffer[lead] === 0x0d || buffer[lead] === 0x0a)) lead++;
    take(lead);
    if (buffer.length === 0 && !(await more())) break;
    const offset = consumed;
    let headerEnd = headerBoundary(buffer);
    while (headerEnd < 0 && buffer.length < 1024 * 1024 && (await more())) headerEnd = headerBoundary(buffer);
    if (headerEnd < 0) {
      if (buffer.length > 0) yield { problem: `truncated WARC record at byte ${offset}: header never ends`, offset };
      break;
    }
    const head = take(headerEnd).toString("utf8");
    const lines = head.split(/\r?\n/).filter((l) => l.length > 0);
    if (!/^WARC\/\d/.test(lines[0] ?? "")) {
      yield { problem: `not a WARC record at byte ${offset} (starts "${(lines[0] ?? "").slice(0, 40)}")`, offset };
      break;
    }
    const headers = new Map<string, string>();
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(":");
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const length = Number(headers.get("content-length"));
    const targetUri = headers.get("warc-target-uri")?.replace(/^<|>$/g, "");
    const where = `WARC record at byte ${offset}${targetUri ? ` (${targetUri})` : ""}`;
    if (!Number.isFinite(length) || length < 0) {
      yield { problem: `${where} has no valid Content-Length`, offset };
      break;
    }
    while (buffer.length < length && (await more()));
    if (buffer.length < length) {
      yield { problem: `truncated ${where}: ${buffer.length} of ${length} bytes${streamError ? ` (${streamError})` : ""}`, offset };
      break;
    }
    const block = Buffer.from(take(length));
    if (length > maxRecordBytes) {
      yield { problem: `${where} is ${length} bytes, over the limit`, offset };
      continue;
    }
    yield {
      record: { type: headers.get("warc-type") ?? "", offset, headers, targetUri, date: headers.get("warc-date"), block },
    };
  }
  if (streamError) yield { problem: `archive is corrupt after byte ${consumed}: ${streamError}`, offset: consumed };
}

/** Index just past the blank line ending a header block, or -1. */
function headerBoundary(buffer: Buffer): number {
  const crlf = buffer.indexOf("\r\n\r\n");
  if (crlf >= 0) return crlf + 4;
  const lf = buffer.indexOf("\n\n");
  return lf >= 0 ? lf + 2 : -1;
}

export interface WarcPayload {
  bytes: Buffer;
  contentType?: string;
  status?: number;
}

/** A response record's HTTP message -> its body (de-chunked, decompressed) and Content-Type; other records as they are. */
export function warcPayload(record: WarcRecord): WarcPayload {
  const warcType = record.headers.get("content-type");
  if (record.type !== "response" || !/application\/http/i.test(warcType ?? "")) return { bytes: record.block, contentType: warcType };
  const end = headerBoundary(record.block);
  if (end < 0) return { bytes: Buffer.alloc(0) };
  const lines = record.block.subarray(0, end).toString("latin1").split(/\r?\n/);
  const status = Number(/^HTTP\/[\d.]+\s+(\d{3})/.exec(lines[0] ?? "")?.[1]);
  const http = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(":");
    if (colon > 0) http.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  let bytes = record.block.subarray(end);
  if (/chunked/i.test(http.get("transfer-encoding") ?? "")) bytes = dechunk(bytes);
  const encoding = http.get("content-encoding") ?? "";
  if (/gzip/i.test(encoding)) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      // Crawlers often store the decoded body but keep the header: use the bytes as they are.
    }
  }
  return { bytes, contentType: http.get("content-type"), status: Number.isFinite(status) ? status : undefined };
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf("\r\n", at);
    if (lineEnd < 0) break;
    const size = parseInt(body.subarray(at, lineEnd).toString("latin1"), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return parts.length > 0 ? Buffer.concat(parts) : body;
}
