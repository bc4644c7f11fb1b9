/**
 * Ingest from the file system: CLI inputs (<file|dir|glob|->) -> ordered sources -> one RawDocument or
 * one DocumentError per source, in order, so a bad file is reported and the batch goes on.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { glob, isDynamicPattern } from "tinyglobby";
import { DocumentError } from "../errors.ts";
import type { RawDocument } from "../schema.ts";

export const MB = 1024 * 1024;
/** Far above any real page; stops a stray video or disk image from filling memory. */
export const DEFAULT_MAX_FILE_BYTES = 64 * MB;
export const STDIN = "-";

/** Directory walks skip these (a file or glob named explicitly is always read). */
export const WALK_SKIPS = {
  /** Hidden entries (.git, .DS_Store, .cache...): never documents. */
  hidden: /^\./,
  /** Tooling and OS folders. */
  directories: new Set(["node_modules", "__MACOSX", "__pycache__"]),
  /** Extensions of formats that are never text documents; decode would reject them anyway. */
  extensions: /\.(?:png|jpe?g|gif|webp|bmp|ico|tiff?|svgz|pdf|zip|tar|tgz|bz2|xz|zst|7z|rar|jar|exe|dll|so|dylib|o|a|class|pyc|wasm|woff2?|ttf|otf|eot|mp3|mp4|m4a|ogg|wav|flac|avi|mov|mkv|webm|sqlite3?|db)$/i,
} as const;

export type SourceResult =
  | { source: string; raw: RawDocument; error?: undefined }
  | { source: string; error: DocumentError; raw?: undefined };

export interface ReadOptions {
  /** Larger files are a DocumentError. Applies to the decompressed size of *.gz too. Default 64 MB. */
  maxFileBytes?: number;
  /** Where "-" reads from (tests pass their own stream). */
  stdin?: AsyncIterable<Uint8Array | string>;
}

/** "50 MB", "1.5 MB", "3 KB": sizes in messages. */
export function formatSize(bytes: number): string {
  if (bytes >= 10 * MB) return `${Math.round(bytes / MB)} MB`;
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * CLI inputs -> sources, in input order: a directory becomes its files (recursively, sorted by path,
 * skipping WALK_SKIPS), a glob its matches (sorted), "-" stays "-". A path that does not exist is kept:
 * reading it reports the error in its place. A source listed twice is read once, at its first place.
 */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const sources: string[] = [];
  const seen = new Set<string>();
  const add = (source: string) => {
    const key = source === STDIN ? source : resolve(source);
    if (source === STDIN || !seen.has(key)) sources.push(source);
    seen.add(key);
  };
  for (const input of inputs) {
    if (input === STDIN) {
      add(STDIN);
      continue;
    }
    const info = await stat(input).catch(() => undefined);
    if (info?.isDirectory()) {
      for (const file of await walkDirectory(input)) add(file);
    } else if (!info && isDynamicPattern(input)) {
      // Matches in the form the user wrote: absolute for an absolute pattern, else relative to the working directory.
      const matches = await glob(input, { dot: false, onlyFiles: true, expandDirectories: false, absolute: isAbsolute(input) });
      if (matches.length === 0) add(input);
      for (const match of matches.sort(byPath)) add(match);
    } else {
      add(input);
    }
  }
  return sources;
}

/** Each source's bytes or the reason it cannot be read, in the order given. */
export async function* readSources(sources: readonly string[], options: ReadOptions = {}): AsyncGenerator<SourceResult> {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  for (const source of sources) {
    try {
      const bytes = source === STDIN ? await readStdin(options.stdin ?? process.stdin, maxBytes) : await readSourceFile(source, maxBytes);
      // Node Buffers here never sit on a SharedArrayBuffer: the narrower type the schema infers holds.
      yield { source, raw: { source, bytes: bytes as RawDocument["bytes"] } };
    } catch (error) {
      if (!(error instanceof DocumentError)) throw error;
      yield { source, error };
    }
  }
}

/** expandInputs then readSources: what the CLI calls. */
export async function* readInputs(inputs: readonly string[], options: ReadOptions = {}): AsyncGenerator<SourceResult> {
  yield* readSources(await expandInputs(inputs), options);
}

async function readSourceFile(path: string, maxBytes: number): Promise<Uint8Array> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" && isDynamicPattern(path)) throw new DocumentError(path, "no file matches this pattern");
    throw fileError(path, error);
  });
  if (info.isDirectory()) {
    const listable = await readdir(path).then(() => true, () => false);
    throw new DocumentError(path, listable ? "is a directory" : "is a directory that cannot be listed (permission denied?)");
  }
  if (!info.isFile()) throw new DocumentError(path, "not a regular file");
  if (info.size > maxBytes) throw tooLarge(path, info.size, maxBytes);
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw fileError(path, error);
  });
  return /\.gz$/i.test(path) ? gunzipCapped(path, bytes, maxBytes) : bytes;
}

const gunzipAsync = promisify(gunzip);

async function gunzipCapped(path: string, bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  try {
    return await gunzipAsync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) {
      throw new DocumentError(path, `decompresses to more than the ${formatSize(maxBytes)} limit`);
    }
    throw new DocumentError(path, `gzip-compressed but corrupt: ${(error as Error).message}`);
  }
}

async function readStdin(stream: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    total += buffer.length;
    if (total > maxBytes) throw new DocumentError(STDIN, `standard input is over the ${formatSize(maxBytes)} limit`);
    chunks.push(buffer);
  }
  const bytes = Buffer.concat(chunks);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipCapped(STDIN, bytes, maxBytes) : bytes;
}

/** Files under a directory, depth first, entries in code-point order of their names (stable on every OS and locale). */
async function walkDirectory(dir: string): Promise<string[]> {
  // An unlistable folder stays a source: reading it reports the problem in its place.
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return [dir];
  entries.sort((a, b) => compareNames(a.name, b.name));
  const files: string[] = [];
  for (const entry of entries) {
    if (WALK_SKIPS.hidden.test(entry.name)) continue;
    const path = join(dir, entry.name);
    // Symlinked folders are not followed (cycles); symlinked files are read.
    if (entry.isDirectory()) {
      if (!WALK_SKIPS.directories.has(entry.name)) files.push(...(await walkDirectory(path)));
    } else if (entry.isFile() || (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isFile())) {
      if (!WALK_SKIPS.extensions.test(entry.name)) files.push(path);
    }
  }
  return files;
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Path order segment by segment, so "a/b.txt" sorts with "a/" not between "a.txt" and "a0". */
function byPath(a: string, b: string): number {
  const sa = a.split("/");
  const sb = b.split("/");
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const order = compareNames(sa[i]!, sb[i]!);
    if (order !== 0) return order;
  }
  return sa.length - sb.length;
}

function tooLarge(path: string, size: number, maxBytes: number): DocumentError {
  return new DocumentError(path, `file is ${formatSize(size)}, over the ${formatSize(maxBytes)} limit`);
}

function fileError(path: string, error: NodeJS.ErrnoException): DocumentError {
  switch (error.code) {
    case "ENOENT":
      return new DocumentError(path, "no such file");
    case "EACCES":
    case "EPERM":
      return new DocumentError(path, "permission denied");
    case "ENOTDIR":
      return new DocumentError(path, "no such file (a parent is not a directory)");
    case "EISDIR":
      return new DocumentError(path, "is a directory");
    default:
      return new DocumentError(path, `cannot read (${error.code ?? error.message})`);
  }
}
