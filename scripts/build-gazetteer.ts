/**
 * Build the geocoding gazetteer: `npm run build:gazetteer` -> data/gazetteer/gazetteer.json.gz.
 *
 * Inputs (all read-only, see data/gazetteer/README.md for licences):
 * - ../shared/kb/geonames-cities15000-2012.jsonl: cities (GeoNames, CC BY), with their alternate names.
 * - ../shared/kb/mledoze-countries.json: countries (ODbL): names, 24 translations, demonyms, coordinates.
 * - node_modules/cldr-localenames-full: country names in the news languages below (Unicode licence).
 * - node_modules/cldr-subdivisions-full: English names of ISO 3166-2 subdivisions (Unicode licence),
 *   tied to GeoNames admin1 codes (see `regionAdmin1`) and placed at the middle of their cities' extent.
 * - data/gazetteer/extra-names.json: a few hand-written names (documented in the README).
 * Deterministic: same inputs, same bytes.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { readJsonl, sharedPath, REPO_DIR } from "../eval/shared.ts";
import { GAZETTEER_DIR, GAZETTEER_PATH, type GazetteerFile, type GazetteerPlace } from "../src/understand/geocode/gazetteer.ts";
import { DESIGNATOR_WORDS, nameKey } from "../src/understand/geocode/names.ts";

/** CLDR locales whose country names are taken (news languages); regional variants of these are included. */
const NEWS_LANGUAGES = new Set([
  "en", "fr", "es", "de", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "cs", "sk", "ro", "hu", "el", "tr",
  "ru", "uk", "be", "bg", "sr", "hr", "ar", "fa", "he", "ur", "hi", "zh", "ja", "ko", "id", "ka", "hy", "az", "kk",
]);

/** A country's GeoNames admin1 codes are ISO 3166-2 suffixes when at least this share of them is one. */
const ISO_ALIGNED_SHARE = 0.8;

/** Feature codes of administrative seats: a region named like its seat is tied to the seat's admin1 code. */
const SEAT_CODES = new Set(["PPLA", "PPLC"]);

/** GeoNames alternates that are airport or station codes (all capitals, 3-4 letters) say nothing as names. */
const CODE_LIKE = /^[A-Z]{3,4}$/;

/** Coordinates are kept to ~10 m. */
const round = (x: number) => Math.round(x * 1e4) / 1e4;

interface GeoNamesRow {
  geonameid: number;
  name: string;
  asciiname: string;
  alternatenames: string[];
  lat: number;
  lon: number;
  feature_code: string;
  country_code: string;
  admin1_code: string | null;
  population: number;
}

interface MledozeCountry {
  cca2: string;
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  translations: Record<string, { common: string; official: string }>;
  altSpellings: string[];
  demonyms?: Record<string, { f: string; m: string }>;
  latlng: [number, number];
}

interface ExtraNames {
  currentEnglishNames: Record<string, string>;
  countryExonyms: Record<string, string[]>;
  regionAbbreviations: Record<string, string[]>;
  cityAlternates: Record<string, string[]>;
}

const require = createRequire(resolve(REPO_DIR, "package.json"));

function unique(names: Iterable<string | undefined>): string[] {
  const out: string[] = [];
  for (const n of names) if (n && n.trim() !== "" && !out.includes(n.trim())) out.push(n.trim());
  return out;
}

function withoutDocs<T extends Record<string, unknown>>(table: T): T {
  return Object.fromEntries(Object.entries(table).filter(([k]) => !k.startsWith("_"))) as T;
}

function buildCities(rows: GeoNamesRow[], extra: ExtraNames): GazetteerPlace[] {
  const overrides = withoutDocs(extra.currentEnglishNames);
  const additions = withoutDocs(extra.cityAlternates);
  return rows.map((row) => {
    const alternates = row.alternatenames.filter((n) => !CODE_LIKE.test(n) || n === row.name);
    const names = unique([row.name, row.asciiname, ...alternates, ...additions[String(row.geonameid)] ?? []]);
    const override = overrides[String(row.geonameid)];
    // Canonical English name: the override when GeoNames lists it, else the GeoNames name.
    const en = override && names.includes(override) ? override : row.name;
    return {
      kind: "city",
      id: row.geonameid,
      name: row.name,
      en,
      lat: round(row.lat),
      lon: round(row.lon),
      cc: row.country_code,
      code: row.feature_code,
      pop: row.population,
      admin1: row.admin1_code ? `${row.country_code}.${row.admin1_code}` : undefined,
      names,
    };
  });
}

/** Country names per ISO2 from every CLDR locale of a news language (including alt-short / alt-variant forms). */
function cldrCountryNames(): Map<string, string[]> {
  const mainDir = resolve(dirname(require.resolve("cldr-localenames-full/package.json")), "main");
  const locales = readdirSync(mainDir);
  const names = new Map<string, string[]>();
  for (const locale of [...locales].sort()) {
    const path = resolve(mainDir, locale, "territories.json");
    if (!NEWS_LANGUAGES.has(locale.split("-")[0]!) || !existsSync(path)) continue;
    const file = JSON.parse(readFileSync(path, "utf8"));
    const territories: Record<string, string> = file.main[locale].localeDisplayNames.territories;
    for (const [code, name] of Object.entries(territories)) {
      const cc = code.split("-")[0]!;
      if (!/^[A-Z]{2}$/.test(cc)) continue;
      const list = names.get(cc) ?? [];
      if (!list.includes(name)) list.push(name);
      names.set(cc, list);
    }
  }
  return names;
}

function buildCountries(countries: MledozeCountry[], cities: GazetteerPlace[], extra: ExtraNames): GazetteerPlace[] {
  const cldr = cldrCountryNames();
  const exonyms = withoutDocs(extra.countryExonyms);
  const population = new Map<string, number>();
  for (const c of cities) population.set(c.cc, (population.get(c.cc) ?? 0) + c.pop);
  return countries.map((c) => {
    const names = unique([
      c.name.common,
      c.name.official,
      ...Object.values(c.name.native ?? {}).flatMap((n) => [n.common, n.official]),
      ...Object.values(c.translations).flatMap((n) => [n.common, n.official]),
      ...cldr.get(c.cca2) ?? [],
      // Two-letter alt spellings are the ISO code itself ("BY"): a common word when lower-cased.
      ...c.altSpellings.filter((s) => s.replace(/\./g, "").length > 2),
      ...exonyms[c.cca2] ?? [],
    ]);
    const demonyms = unique(Object.values(c.demonyms ?? {}).flatMap((d) => [d.m, d.f]));
    return {
      kind: "country",
      name: c.name.common,
      en: c.name.common,
      lat: round(c.latlng[0]),
      lon: round(c.latlng[1]),
      cc: c.cca2,
      code: "PCLI",
      pop: population.get(c.cca2) ?? 0,
      names,
      demonyms,
    };
  });
}

/** The name of a subdivision without a trailing designator ("Kharkiv Oblast" -> "Kharkiv"). */
function bareName(name: string): string {
  const words = name.split(/\s+/);
  while (words.length > 1 && DESIGNATOR_WORDS[words[words.length - 1]!.toLowerCase()]) words.pop();
  return words.join(" ");
}

/**
 * First-level regions: CLDR English subdivision names tied to a GeoNames admin1 code, either because the
 * country's GeoNames admin1 codes are its ISO 3166-2 letter suffixes (US states, Swiss cantons, UK nations)
 * or because the region bears the name of a seat city (PPLA/PPLC) of that country ("Belgorod" -> Belgorod's admin1).
 * Placed at the middle of the extent of its cities (closer to a region's centroid than the cities' mean).
 */
function buildRegions(cities: GazetteerPlace[], extra: ExtraNames): GazetteerPlace[] {
  const abbreviations = withoutDocs(extra.regionAbbreviations);
  const subdivisionsFile = require.resolve("cldr-subdivisions-full/subdivisions/en/en.json");
  const subdivisions: Record<string, string> = JSON.parse(readFileSync(subdivisionsFile, "utf8")).subdivisions
    .localeDisplayNames.subdivisions;
  const citiesByAdmin1 = new Map<string, GazetteerPlace[]>();
  const admin1ByCountry = new Map<string, Set<string>>();
  const seatAdmin1 = new Map<string, string>(); // "CC|name key" -> admin1
  for (const city of cities) {
    if (!city.admin1 || city.admin1.endsWith(".00")) continue;
    citiesByAdmin1.set(city.admin1, [...(citiesByAdmin1.get(city.admin1) ?? []), city]);
    const codes = admin1ByCountry.get(city.cc) ?? new Set<string>();
    codes.add(city.admin1.slice(3));
    admin1ByCountry.set(city.cc, codes);
    if (SEAT_CODES.has(city.code)) {
      for (const name of [city.name, city.en, ...city.names.slice(0, 2)]) {
        const key = `${city.cc}|${nameKey(name)}`;
        if (!seatAdmin1.has(key)) seatAdmin1.set(key, city.admin1);
      }
    }
  }
  const bySuffix = new Map<string, Map<string, string>>(); // CC -> upper-case ISO suffix -> name
  for (const [code, name] of Object.entries(subdivisions)) {
    const cc = code.slice(0, 2).toUpperCase();
    const suffixes = bySuffix.get(cc) ?? new Map<string, string>();
    suffixes.set(code.slice(2).toUpperCase(), name);
    bySuffix.set(cc, suffixes);
  }
  const isoAligned = new Set<string>();
  for (const [cc, codes] of admin1ByCountry) {
    const suffixes = bySuffix.get(cc);
    if (!suffixes) continue;
    const hits = [...codes].filter((c) => /^[A-Z]+$/.test(c) && suffixes.has(c)).length;
    if (hits / codes.size >= ISO_ALIGNED_SHARE) isoAligned.add(cc);
  }

  const regions: GazetteerPlace[] = [];
  const taken = new Set<string>(); // "admin1|name" to keep one region per name and code
  for (const [code, name] of Object.entries(subdivisions).sort(([a], [b]) => a.localeCompare(b))) {
    const cc = code.slice(0, 2).toUpperCase();
    const suffix = code.slice(2).toUpperCase();
    const bare = bareName(name);
    const admin1 = isoAligned.has(cc) && admin1ByCountry.get(cc)?.has(suffix)
      ? `${cc}.${suffix}`
      : seatAdmin1.get(`${cc}|${nameKey(bare)}`) ?? seatAdmin1.get(`${cc}|${nameKey(name)}`);
    if (!admin1 || taken.has(`${admin1}|${name}`)) continue;
    const members = citiesByAdmin1.get(admin1);
    if (!members) continue;
    taken.add(`${admin1}|${name}`);
    const lats = members.map((m) => m.lat);
    const lons = members.map((m) => m.lon);
    regions.push({
      kind: "region",
      name,
      en: name,
      lat: round((Math.min(...lats) + Math.max(...lats)) / 2),
      lon: round((Math.min(...lons) + Math.max(...lons)) / 2),
      cc,
      code: "ADM1",
      pop: members.reduce((s, m) => s + m.pop, 0),
      admin1,
      names: unique([name, bare, ...abbreviations[admin1] ?? []]),
    });
  }
  return regions;
}

function main(): void {
  const extra = JSON.parse(readFileSync(resolve(GAZETTEER_DIR, "extra-names.json"), "utf8")) as ExtraNames;
  const rows = readJsonl<GeoNamesRow>(sharedPath("kb", "geonames-cities15000-2012.jsonl"));
  const countries = JSON.parse(readFileSync(sharedPath("kb", "mledoze-countries.json"), "utf8")) as MledozeCountry[];
  const cities = buildCities(rows, extra);
  const regions = buildRegions(cities, extra);
  const countryPlaces = buildCountries(countries, cities, extra);
  const file: GazetteerFile = {
    about:
      "Sitrep geocoding gazetteer built by scripts/build-gazetteer.ts. Contains data from GeoNames (https://www.geonames.org/), CC BY; " +
      "country names from mledoze/countries (ODbL 1.0) and Unicode CLDR (Unicode licence). See data/gazetteer/README.md.",
    places: [...countryPlaces, ...regions, ...cities],
  };
  const bytes = gzipSync(JSON.stringify(file), { level: 9 });
  writeFileSync(GAZETTEER_PATH, bytes);
  console.log(
    `countries ${countryPlaces.length}, regions ${regions.length}, cities ${cities.length}; ` +
      `${(bytes.length / 1e6).toFixed(2)} MB -> ${GAZETTEER_PATH}`,
  );
}

main();
