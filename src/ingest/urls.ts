/**
 * URLs as inputs: one URL, or a list of URLs (a file, or a fetched text/plain page, one URL a line,
 * # comments). Each is fetched politely (fetch.ts); a fetched feed becomes its items, a fetched list
 * its URLs; every failure becomes a problem naming the URL, and the batch goes on.
 */
import type { Fetcher, FetchResult } from "./fetch.ts";
import { feedUnitsFetching, looksLikeFeed } from "./feeds.ts";
import { contentKey, type IngestUnit } from "./units.ts";

/** URLs fetched ahead of the one being handed on: hosts differ, so their waits overlap. */
const FETCH_AHEAD = 8;

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** A file listing URLs, one a line: by its name (*.urls, urls.txt). */
export function isUrlListPath(path: string): boolean {
  return /(?:\.urls|(?:^|[\\/])urls\.txt)$/i.test(path);
}

/** A URL list's text -> its URLs; lines that are neither URLs, comments nor blank are returned apart. */
export function parseUrlList(text: string): { urls: string[]; invalid: string[] } {
  const urls: string[] = [];
  const invalid: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const entry = line.replace(/#.*$/, "").trim();
    if (!entry) continue;
    (isUrl(entry) ? urls : invalid).push(entry);
  }
  return { urls, invalid };
}

/** A text whose every line is a URL or a comment is a list to follow, not a document: its URLs. */
export function urlListIn(bytes: Uint8Array): string[] | undefined {
  if (bytes.length > 1_000_000 || bytes.includes(0x3c /* "<": markup */)) return undefined;
  const { urls, invalid } = parseUrlList(Buffer.from(bytes).toString("utf8"));
  return urls.length > 0 && invalid.length === 0 ? urls : undefined;
}

function fetchedUrlList(result: FetchResult & { ok: true }): string[] | undefined {
  return /^text\/plain\b/i.test(result.raw.contentType ?? "") ? urlListIn(result.raw.bytes) : undefined;
}

/** One URL -> its units: a page, a feed's items, or (at the top level only) a list's pages. */
export async function* urlUnits(url: string, fetcher: Fetcher, origin = url, fetched?: Promise<FetchResult>, nested = false): AsyncGenerator<IngestUnit> {
  const result = await (fetched ?? fetcher.fetchPage(url));
  if (!result.ok) {
    yield { source: url, origin, problem: result.problem };
    return;
  }
  const list = nested ? undefined : fetchedUrlList(result);
  if (list) {
    yield* urlListUnits(list, url, fetcher);
    return;
  }
  if (looksLikeFeed(result.raw.bytes)) {
    yield* feedUnitsFetching(url, result.raw.bytes, fetcher);
    return;
  }
  yield { source: url, origin, key: contentKey(result.raw.bytes), raw: result.raw };
}

/** Listed URLs, fetched a few ahead, handed on in list order. */
export async function* urlListUnits(urls: readonly string[], origin: string, fetcher: Fetcher): AsyncGenerator<IngestUnit> {
  const pending: Promise<FetchResult>[] = [];
  for (let i = 0; i < urls.length; i++) {
    while (pending.length < FETCH_AHEAD && i + pending.length < urls.length) pending.push(fetcher.fetchPage(urls[i + pending.length]!));
    yield* urlUnits(urls[i]!, fetcher, origin, pending.shift(), true);
  }
}
