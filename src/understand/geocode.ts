/**
 * Understand stage, geocode step: place names -> coordinates. `geocode` resolves one name;
 * `geocodeMentions` resolves a document's place mentions together, so that countries and regions
 * named in the same document (and "Paris, Texas" pairs) steer ambiguous names. Data: the gazetteer
 * built by `npm run build:gazetteer` (countries, first-level regions, GeoNames cities >= 15k people,
 * and a lower tier of towns >= 1k people, ranked by the same population prior).
 */
import { abbreviationKey, loadGazetteer, type FeatureClass, type GazetteerPlace, type IndexEntry, type MatchKind } from "./geocode/gazetteer.ts";
import { nameKey, readingsOf, type NameReading } from "./geocode/names.ts";
import { hasLowercase, hasUppercase } from "../letters.ts";

export type { FeatureClass } from "./geocode/gazetteer.ts";

export interface GeocodeContext {
  /** ISO 639-1 language of the text the name comes from. */
  language?: string;
  /** ISO2 codes of countries named nearby (in the same document). */
  countries?: string[];
  /** ISO2 code of the publisher's country. */
  publisherCountry?: string;
}

export interface GeocodeResult {
  geonameId?: number;
  /** The source's primary name (GeoNames' for cities, even when outdated, e.g. "Kiev"). */
  name: string;
  /** Canonical English name (e.g. "Kyiv"); see data/gazetteer/README.md. */
  englishName: string;
  /** Every name the gazetteer knows for the place. */
  alternates: string[];
  lat: number;
  lon: number;
  countryCode?: string;
  featureClass: FeatureClass;
  featureCode: string;
  population?: number;
  /** Share of the ranking weight the answer holds among the readings of the name, 0..1. */
  score: number;
}

export interface PlaceMention {
  text: string;
  start: number;
  end: number;
}

export interface ResolvedMention extends PlaceMention {
  /** Undefined when the name is not a known place: the mention is kept, without coordinates. */
  place?: GeocodeResult;
}

/** Ranking weights, in log10-of-population units. */
export const SCORE_WEIGHTS = {
  /** A country named like a city is almost always the country. */
  countryKind: 2.5,
  region: 0.3,
  /** Capitals and admin seats are what a bare name usually means. */
  featureCode: { PPLC: 1, PPLA: 0.5, PPLA2: 0.2, PPLX: -1 } as Record<string, number>,
  match: { primary: 0.3, alternate: 0, demonym: -1 } as Record<MatchKind, number>,
  /** Each rewriting rule applied to the written name (inflection, stripped article). */
  perRule: -0.3,
  /** The designator ("region", "oblast", "city of") agrees with the kind of place. */
  designatorAgrees: 1.5,
  /** A region named like a city of its own (its seat) yields to the city unless a designator says region. */
  regionNamedLikeSeat: -1.5,
  contextCountry: 3,
  /** The place lies in a region named in the same document. */
  contextRegion: 2,
  /** "Paris, Texas": the place lies in the region or country written right after it. */
  qualifiedBy: 5,
  publisherCountry: 1.5,
  /** Population below this is treated as this (small and unknown populations rank alike). */
  populationFloor: 1000,
} as const;

/** Minimum confidence for a resolved mention to vouch for its country when the document's other names are read. */
const DOCUMENT_EVIDENCE_MIN_SCORE = 0.8;

/** Longest gap between two mentions read as "Name, Qualifier" (a comma and a space). */
const QUALIFIER_MAX_GAP = 2;

interface Candidate {
  place: GazetteerPlace;
  match: MatchKind;
  reading: NameReading;
  /** The same key also names a city in this region (the region is named after its seat). */
  namedLikeSeat: boolean;
}

interface Evidence {
  countries: Set<string>;
  admin1: Set<string>;
  /** Restrict-to qualifier: a region's admin1 code or a country code. */
  qualifier?: GazetteerPlace;
}

/** Candidates of the first reading of the name that names any place (most literal reading first). */
/** Candidates kept per name across documents (place names recur) before the cache is cleared wholesale. */
const CANDIDATE_CACHE_LIMIT = 50_000;
const candidateCache = new Map<string, Candidate[]>();

/** The gazetteer's candidates for a name, read once per process (the gazetteer does not change while it runs). */
function candidatesOf(text: string): Candidate[] {
  let list = candidateCache.get(text);
  if (!list) {
    if (candidateCache.size >= CANDIDATE_CACHE_LIMIT) candidateCache.clear();
    candidateCache.set(text, (list = lookupCandidates(text)));
  }
  return list;
}

function lookupCandidates(text: string): Candidate[] {
  const gazetteer = loadGazetteer();
  const abbreviation = abbreviationKey(text.trim());
  const readings: NameReading[] = abbreviation ? [{ key: abbreviation, rules: [] }, ...readingsOf(text)] : readingsOf(text);
  // Towns of the lower tier are many, and some are named like words ("Us", "Y"): a name written in lower case is
  // not one of them.
  const lowerCase = hasLowercase(text) && !hasUppercase(text);
  for (const reading of readings) {
    // "Henry County", "région de X": a designated region is not a town of the lower tier that bears its name
    // (the gazetteer has no counties; the town is most often in another county or state).
    const townsExcluded = lowerCase || reading.designator === "region";
    const entries = townsExcluded ? gazetteer.lookup(reading.key).filter((e) => !e.place.town) : gazetteer.lookup(reading.key);
    if (entries.length === 0) continue;
    return withDesignatedRegions(entries, reading).map((e: IndexEntry) => ({
      place: e.place,
      match: e.match,
      reading,
      namedLikeSeat:
        e.place.kind === "region" &&
        entries.some((o) => o.place.kind === "city" && o.place.admin1 === e.place.admin1 && /^PPL[AC]$/.test(o.place.code)),
    }));
  }
  return [];
}

/**
 * "Белгородская область", "Belgorod region": the name matched the region's seat city (region names are
 * English only); the designator says the region is meant, so the seat's region joins the candidates.
 */
function withDesignatedRegions(entries: readonly IndexEntry[], reading: NameReading): IndexEntry[] {
  if (reading.designator !== "region") return [...entries];
  const gazetteer = loadGazetteer();
  const out = [...entries];
  for (const e of entries) {
    if (e.place.kind !== "city" || !/^PPL[AC]$/.test(e.place.code) || !e.place.admin1) continue;
    const region = gazetteer.regionOf(e.place.admin1);
    if (region && !out.some((o) => o.place === region)) out.push({ place: region, match: "alternate" });
  }
  return out;
}

function rawScore(c: Candidate, context: GeocodeContext, evidence: Evidence): number {
  const w = SCORE_WEIGHTS;
  const p = c.place;
  let s = Math.log10(Math.max(p.pop, w.populationFloor));
  if (p.kind === "country") s += w.countryKind;
  if (p.kind === "region") s += w.region + (c.namedLikeSeat && c.reading.designator !== "region" ? w.regionNamedLikeSeat : 0);
  s += w.featureCode[p.code] ?? 0;
  s += w.match[c.match];
  s += w.perRule * c.reading.rules.length;
  if (c.reading.designator === "region" && p.kind === "region") s += w.designatorAgrees;
  if (c.reading.designator === "city" && p.kind === "city") s += w.designatorAgrees;
  const named = new Set([...(context.countries ?? []), ...evidence.countries]);
  if (p.kind !== "country" && named.has(p.cc)) s += w.contextCountry;
  if (p.kind === "country" && named.has(p.cc)) s += w.contextCountry / 3;
  if (p.kind === "city" && p.admin1 && evidence.admin1.has(p.admin1)) s += w.contextRegion;
  if (context.publisherCountry && p.cc === context.publisherCountry.toUpperCase()) s += w.publisherCountry;
  const q = evidence.qualifier;
  if (q && q !== p && (q.kind === "country" ? p.cc === q.cc : p.admin1 !== undefined && p.admin1 === q.admin1)) s += w.qualifiedBy;
  return s;
}

function best(candidates: Candidate[], context: GeocodeContext, evidence: Evidence): GeocodeResult | undefined {
  return ranked(candidates, context, evidence)?.result;
}

/** The best candidate, and the share of the ranking weight held by the candidates in its country. */
function ranked(candidates: Candidate[], context: GeocodeContext, evidence: Evidence): { result: GeocodeResult; countryShare: number } | undefined {
  if (candidates.length === 0) return undefined;
  const scored = candidates.map((c) => ({ c, s: rawScore(c, context, evidence) }));
  scored.sort((a, b) => b.s - a.s || (a.c.place.id ?? 0) - (b.c.place.id ?? 0));
  const top = scored[0]!;
  let total = 0;
  let sameCountry = 0;
  for (const x of scored) {
    const w = Math.exp(x.s - top.s);
    total += w;
    if (x.c.place.cc === top.c.place.cc) sameCountry += w;
  }
  return { result: toResult(top.c.place, 1 / total), countryShare: sameCountry / total };
}

function toResult(p: GazetteerPlace, score: number): GeocodeResult {
  return {
    geonameId: p.id,
    name: p.name,
    englishName: p.en,
    alternates: p.names,
    lat: p.lat,
    lon: p.lon,
    countryCode: p.cc || undefined,
    featureClass: p.kind,
    featureCode: p.code,
    population: p.kind === "city" ? p.pop : undefined,
    score: Math.round(score * 1000) / 1000,
  };
}

const NO_EVIDENCE: Evidence = { countries: new Set(), admin1: new Set() };

/**
 * One place name -> the most likely place, or undefined for an unknown name. "Paris, Texas" style
 * names are read as a name qualified by a region or country.
 */
export function geocode(name: string, context: GeocodeContext = {}): GeocodeResult | undefined {
  return geocodeAmong(name, context, () => true);
}

/** `geocode` among the candidates that `keep` accepts. */
function geocodeAmong(name: string, context: GeocodeContext, keep: (c: Candidate) => boolean): GeocodeResult | undefined {
  if (name.trim() === "") return undefined;
  const direct = candidatesOf(name).filter(keep);
  const comma = name.lastIndexOf(",");
  if (direct.length === 0 && comma > 0) {
    const qualifier = best(candidatesOf(name.slice(comma + 1)).filter(keep), context, NO_EVIDENCE);
    const head = candidatesOf(name.slice(0, comma)).filter(keep);
    if (qualifier && qualifier.featureClass !== "city" && head.length > 0) {
      const gazetteer = loadGazetteer();
      const place = gazetteer.places.find((p) => p.kind === qualifier.featureClass && p.name === qualifier.name && p.cc === qualifier.countryCode);
      return best(head, context, { ...NO_EVIDENCE, qualifier: place });
    }
  }
  return best(direct, context, NO_EVIDENCE);
}

/**
 * A document's place mentions, resolved together: first each alone, then again with the countries
 * and regions that the document's other confidently resolved mentions name, and with "Name, Qualifier"
 * pairs. Every mention is returned, in order; unknown ones without a place.
 */
/** A city at least this large, named alone, is taken for the place rather than a namesake person or body. */
const PROMINENT_CITY_MIN_POPULATION = 100_000;

/** The place a bare name most likely means when it is a country, a region or a large city; else undefined. */
export function prominentPlace(name: string, context: GeocodeContext = {}): GeocodeResult | undefined {
  // Towns of the lower tier are never prominent, nor do they compete: a bare "Milton" or "Pilar" stays a person.
  const place = geocodeAmong(name, context, (c) => !c.place.town);
  if (!place) return undefined;
  return place.featureClass !== "city" || (place.population ?? 0) >= PROMINENT_CITY_MIN_POPULATION ? place : undefined;
}

export function geocodeMentions(mentions: readonly PlaceMention[], context: GeocodeContext = {}): ResolvedMention[] {
  const candidates = mentions.map((m) => candidatesOf(m.text));
  const rankedAlone = candidates.map((c) => ranked(c, context, NO_EVIDENCE));
  const alone = rankedAlone.map((r) => r?.result);

  // What each distinct name vouches for: a country or region it names, or the country of a city when that country
  // is confident (namesakes in the same country, such as the towns named Dallas across the US, do not blur it).
  const vouched = new Map<string, { countries: Set<string>; admin1: Set<string> }>();
  alone.forEach((r, i) => {
    if (!r || !r.countryCode) return;
    const key = nameKey(mentions[i]!.text);
    const entry = vouched.get(key) ?? { countries: new Set<string>(), admin1: new Set<string>() };
    if (r.featureClass !== "city" || rankedAlone[i]!.countryShare >= DOCUMENT_EVIDENCE_MIN_SCORE) entry.countries.add(r.countryCode);
    if (r.featureClass === "region") {
      const place = candidates[i]!.find((c) => c.place.kind === "region" && c.place.name === r.name && c.place.cc === r.countryCode);
      if (place?.place.admin1) entry.admin1.add(place.place.admin1);
    }
    vouched.set(key, entry);
  });

  return mentions.map((m, i) => {
    const own = nameKey(m.text);
    const evidence: Evidence = { countries: new Set(), admin1: new Set() };
    for (const [key, v] of vouched) {
      if (key === own) continue; // a name is no evidence for itself
      v.countries.forEach((c) => evidence.countries.add(c));
      v.admin1.forEach((a) => evidence.admin1.add(a));
    }
    const next = mentions[i + 1];
    const nextResult = next && next.start - m.end <= QUALIFIER_MAX_GAP && next.start >= m.end ? alone[i + 1] : undefined;
    if (nextResult && nextResult.featureClass !== "city") {
      evidence.qualifier = candidates[i + 1]!.find(
        (c) => c.place.kind === nextResult.featureClass && c.place.name === nextResult.name && c.place.cc === nextResult.countryCode,
      )?.place;
    }
    const place = best(candidates[i]!, context, evidence);
    return place ? { ...m, place } : { ...m };
  });
}
