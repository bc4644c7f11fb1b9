/**
 * The name table of people and organisations (link step): its file format and loading. Built by
 * `npm run build:names` (scripts/build-names.ts) from the open event-coding actor dictionaries; see
 * data/names/README.md.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const NAMES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../data/names");
export const NAMES_PATH = resolve(NAMES_DIR, "names.json.gz");

export type NameType = "PER" | "ORG";

export interface NameEntry {
  /** Stable id within the table: "name:" + slug of the canonical name. */
  id: string;
  /** Canonical English name (most attested spelling). */
  name: string;
  type: NameType;
  /** Name forms, readable ("Vladimir Vladimirovich Putin", "Putín"); the canonical name not repeated. */
  aliases: string[];
  /** Actor code's first part: ISO 3166-1 alpha-3 country, or IGO/NGO/MNC/INT... (CAMEO). */
  country?: string;
  /** Actor code's role: GOV, MIL, REB, OPP, ELI, BUS... (CAMEO sector of the current role). */
  sector?: string;
  wikidata?: string;
  /** How many name forms the sources list: a prior for ambiguous surnames. */
  weight: number;
}

export interface NamesFile {
  sources: string[];
  entries: NameEntry[];
}

let cached: NamesFile | undefined;

export function loadNames(): NamesFile {
  cached ??= JSON.parse(gunzipSync(readFileSync(NAMES_PATH)).toString("utf8")) as NamesFile;
  return cached;
}
