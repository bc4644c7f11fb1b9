/**
 * Geocode step: the gazetteer (countries, first-level regions, cities, and a lower tier of towns)
 * built by scripts/build-gazetteer.ts into data/gazetteer/gazetteer.json.gz, loaded lazily once and
 * indexed by normalised name in a Map.
 */
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { nameKey } from "./names.ts";

export const GAZETTEER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../data/gazetteer");
export const GAZETTEER_PATH = resolve(GAZETTEER_DIR, "gazetteer.json.gz");

export type FeatureClass = "city" | "region" | "country";

/** One place as stored. */
export interface GazetteerPlace {
  kind: FeatureClass;
  /** GeoNames id (cities only: countries and regions are not from GeoNames here). */
  id?: number;
  /** Primary name in the source (GeoNames name for cities, even when outdated, e.g. "Kiev"). */
  name: string;
  /** Canonical English name (see data/gazetteer/README.md for the rule). */
  en: string;
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-2; "" for areas spanning several countries (continents, "Middle East"). */
  cc: string;
  /** GeoNames feature code: cities PPL, PPLA, PPLC...; regions ADM1, or CONT / RGN for multi-country areas; countries PCLI. */
  code: string;
  /** People (for regions and countries: summed over the gazetteer's cities, a ranking proxy only). */
  pop: number;
  /** "CC.ADMIN1" (GeoNames admin1 code) for cities and regions. */
  admin1?: string;
  /** Every name the sources give, the primary one first. */
  names: string[];
  /** Nationality adjectives / demonyms (countries and continents). */
  demonyms?: string[];
  /** Set on places of the lower tier (towns of 1,000+ people, see `TownRow`); absent on the main places. */
  town?: true;
}

/**
 * A town of the lower tier as stored (compact: ~90,000 of them, one or two names each):
 * [GeoNames id, name, lat, lon, country, feature code, population, admin1 code ("" when unknown), other name?].
 */
export type TownRow = [number, string, number, number, string, string, number, string, string?];

export interface GazetteerFile {
  about: string;
  /** Countries, regions, multi-country areas and cities of 15,000+ people. */
  places: GazetteerPlace[];
  /** The lower tier: GeoNames towns of 1,000+ people not among `places`. Kept apart so that readers of the main places see them unchanged. */
  towns?: TownRow[];
}

/** A stored town as a place of kind city. */
export function townPlace([id, name, lat, lon, cc, code, pop, admin1, other]: TownRow): GazetteerPlace {
  return {
    kind: "city", id, name, en: name, lat, lon, cc, code, pop,
    admin1: admin1 ? `${cc}.${admin1}` : undefined,
    names: other ? [name, other] : [name],
    town: true,
  };
}

/** How a key matched a place: its own name, another of its names, or a demonym. */
export type MatchKind = "primary" | "alternate" | "demonym";

export interface IndexEntry {
  place: GazetteerPlace;
  match: MatchKind;
}

export class Gazetteer {
  readonly places: readonly GazetteerPlace[];
  private readonly byKey = new Map<string, IndexEntry[]>();
  private readonly regionByAdmin1 = new Map<string, GazetteerPlace>();

  constructor(file: GazetteerFile) {
    this.places = [...file.places, ...(file.towns ?? []).map(townPlace)];
    for (const place of this.places) {
      // Each name is keyed once (the primary name is usually also the English one and the first of `names`):
      // the index is built at load time, over ~110,000 places.
      const nameKeyOfName = nameKey(place.name);
      const primary = new Set([nameKeyOfName, place.en === place.name ? nameKeyOfName : nameKey(place.en)]);
      if (place.kind === "region" && place.admin1 && !this.regionByAdmin1.has(place.admin1)) this.regionByAdmin1.set(place.admin1, place);
      for (const name of place.names) {
        const key = abbreviationKey(name) ?? (name === place.name ? nameKeyOfName : nameKey(name));
        this.add(key, place, primary.has(key) ? "primary" : "alternate");
      }
      for (const demonym of place.demonyms ?? []) this.add(nameKey(demonym), place, "demonym");
    }
  }

  private add(key: string, place: GazetteerPlace, match: MatchKind): void {
    if (key === "") return;
    const list = this.byKey.get(key);
    if (!list) {
      this.byKey.set(key, [{ place, match }]);
      return;
    }
    const existing = list.find((e) => e.place === place);
    if (!existing) list.push({ place, match });
    else if (rank(match) < rank(existing.match)) existing.match = match;
  }

  lookup(key: string): readonly IndexEntry[] {
    return this.byKey.get(key) ?? [];
  }

  /** The first-level region with this "CC.ADMIN1" code, when the gazetteer has one. */
  regionOf(admin1: string): GazetteerPlace | undefined {
    return this.regionByAdmin1.get(admin1);
  }
}

/**
 * Abbreviations get a case-sensitive key, since lower-cased they are words: all-capital ones with or
 * without dots ("US", "U.K.", "USA" -> "=US") and dotted ones ("Calif.", "W.Va." kept as written, dot included).
 * Undefined for anything else.
 */
export function abbreviationKey(text: string): string | undefined {
  const compact = text.trim().replace(/\s/g, "");
  const letters = compact.replace(/\./g, "");
  if (/^[A-Z]{2,4}$/.test(letters)) return `=${letters}`;
  if (/^([A-Z][a-z]{0,4}\.)+$/.test(compact)) return `=${compact}`;
  return undefined;
}

function rank(match: MatchKind): number {
  return match === "primary" ? 0 : match === "alternate" ? 1 : 2;
}

let loaded: Gazetteer | undefined;

/** The built gazetteer, read on first use. Throws with the command to run when it was never built. */
export function loadGazetteer(path = GAZETTEER_PATH): Gazetteer {
  if (loaded && path === GAZETTEER_PATH) return loaded;
  if (!existsSync(path)) throw new Error(`gazetteer missing: ${path} (run \`npm run build:gazetteer\`)`);
  const file = JSON.parse(gunzipSync(readFileSync(path)).toString("utf8")) as GazetteerFile;
  const gazetteer = new Gazetteer(file);
  if (path === GAZETTEER_PATH) loaded = gazetteer;
  return gazetteer;
}
