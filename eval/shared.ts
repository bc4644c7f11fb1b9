/** Where the shared evaluation data lives, and small readers every eval script needs. */
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** ../shared beside the repository, or SITREP_SHARED. */
export const SHARED_DIR = process.env.SITREP_SHARED ?? resolve(REPO_DIR, "../shared");

export function sharedPath(...parts: string[]): string {
  return resolve(SHARED_DIR, ...parts);
}

/** Exit with a clear message when an eval set is missing (a user's laptop has no ../shared). */
export function requireShared(...parts: string[]): string {
  const path = sharedPath(...parts);
  if (!existsSync(path)) {
    console.error(`missing evaluation data: ${path} (set SITREP_SHARED to the shared/ folder)`);
    process.exit(2);
  }
  return path;
}

export function readMaybeGzip(path: string): Buffer {
  const bytes = readFileSync(path);
  return path.endsWith(".gz") ? gunzipSync(bytes) : bytes;
}

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}
