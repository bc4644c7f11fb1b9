/** URLs as inputs: recognised, but this build works offline, so each is reported rather than fetched. */

export const OFFLINE_PROBLEM = "fetching is not available offline; save the pages (or a WARC) and ingest the files";

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** A file listing URLs, one a line: by its name (*.urls, urls.txt). */
export function isUrlListPath(path: string): boolean {
  return /(?:\.urls|(?:^|[\\/])urls\.txt)$/i.test(path);
}
