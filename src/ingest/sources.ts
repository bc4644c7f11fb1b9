/**
 * Every kind of input -> ingest units, streaming: plain documents (HTML, text dumps, .gz), WARC/WET
 * archives, RSS/Atom feeds, JSONL/CSV tables, URLs and lists of URLs (fetched). Dispatch is by file name,
 * plus a sniff for feeds saved under another name.
 */
import { readFile } from "node:fs/promises";
import { DEFAULT_MAX_FILE_BYTES, STDIN, expandInputs, readSources } from "./files.ts";
import { DOCUMENT_CONTENT, DOCUMENT_RECORD_TYPES, isWarcPath, readWarcFile, warcPayload } from "./warc.ts";
import { feedUnitsFetching, isFeedPath, looksLikeFeed } from "./feeds.ts";
import { csvUnits, isTablePath, jsonlUnits, type FieldMap } from "./tables.ts";
import { isUrl, isUrlListPath, parseUrlList, urlListIn, urlListUnits, urlUnits } from "./urls.ts";
import { Fetcher, type FetchOptions } from "./fetch.ts";
import { contentKey, type IngestUnit } from "./units.ts";
import type { RawDocument } from "../schema.ts";

export interface UnitOptions {
  map?: FieldMap;
  maxFileBytes?: number;
  stdin?: AsyncIterable<Uint8Array | string>;
  /** How URLs (inputs, lists, summary-only feed items) are fetched. */
  fetch?: FetchOptions;
}

/** Inputs as the user typed them -> the sources they name (URLs kept as they are). */
export async function expandIngestInputs(inputs: readonly string[]): Promise<string[]> {
  const urls = inputs.filter(isUrl);
  return [...urls, ...(await expandInputs(inputs.filter((i) => !isUrl(i))))];
}

export async function* readUnits(sources: readonly string[], options: UnitOptions = {}): AsyncGenerator<IngestUnit> {
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  // One fetcher for the run: robots.txt and rate limits are per host across all inputs.
  const fetcher = new Fetcher(options.fetch);
  for (const source of sources) {
    if (isUrl(source)) {
      yield* urlUnits(source, fetcher);
    } else if (source !== STDIN && isWarcPath(source)) {
      yield* warcUnits(source, max);
    } else if (source !== STDIN && isTablePath(source)) {
      const kind = isTablePath(source);
      yield* kind === "jsonl" ? jsonlUnits(source, options.map ?? {}) : csvUnits(source, options.map ?? {}, kind === "tsv" ? "\t" : ",");
    } else if (source !== STDIN && isUrlListPath(source)) {
      const text = await readFile(source, "utf8").catch((error: Error) => error);
      if (text instanceof Error) {
        yield { source, origin: source, problem: `cannot read URL list: ${text.message}` };
        continue;
      }
      const { urls, invalid } = parseUrlList(text);
      for (const line of invalid) yield { source: `${source}: ${line.slice(0, 80)}`, origin: source, problem: "not an http(s) URL" };
      yield* urlListUnits(urls, source, fetcher);
    } else {
      for await (const read of readSources([source], { maxFileBytes: max, stdin: options.stdin })) {
        if (read.error) {
          yield { source, origin: source, problem: read.error.problem };
        } else if (isFeedPath(source) || looksLikeFeed(read.raw.bytes)) {
          yield* feedUnitsFetching(source, read.raw.bytes, fetcher);
        } else if (urlListIn(read.raw.bytes)) {
          yield* urlListUnits(urlListIn(read.raw.bytes)!, source, fetcher);
        } else {
          yield { source, origin: source, key: contentKey(read.raw.bytes), raw: read.raw };
        }
      }
    }
  }
}

async function* warcUnits(path: string, max: number): AsyncGenerator<IngestUnit> {
  try {
    for await (const item of readWarcFile(path, max)) {
      if (item.problem !== undefined) {
        yield { source: `${path}@${item.offset}`, origin: path, problem: item.problem };
        continue;
      }
      const record = item.record;
      if (!DOCUMENT_RECORD_TYPES.has(record.type)) continue;
      const payload = warcPayload(record);
      // Redirects, errors, images, scripts: not documents, and not problems either.
      if (payload.status !== undefined && (payload.status < 200 || payload.status >= 300)) continue;
      if (payload.contentType && !DOCUMENT_CONTENT.test(payload.contentType)) continue;
      const source = `${path}@${record.offset}`;
      const raw: RawDocument = {
        source,
        bytes: new Uint8Array(payload.bytes) as RawDocument["bytes"],
        url: record.targetUri,
        contentType: payload.contentType,
      };
      yield { source, origin: path, key: contentKey(payload.bytes), raw };
    }
  } catch (error) {
    yield { source: path, origin: path, problem: `cannot read archive: ${(error as Error).message}` };
  }
}
