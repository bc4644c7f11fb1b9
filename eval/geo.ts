/**
 * Geocoding (toponym resolution) on LGL, GeoVirus and GeoWebNews: `npm run eval:geo`.
 * Input is the GOLD toponym spans of each document, resolved together by geocodeMentions (the metric
 * is resolution, not recognition). Figures per dataset: accuracy@161km (share of gold toponyms
 * answered within 161 km = 100 miles of the gold point; unanswered ones count as misses), mean error
 * in km over the answered ones, coverage (share answered). Last line: overall accuracy@161km.
 */
import { readJsonl, requireShared } from "./shared.ts";
import { geocodeMentions } from "../src/understand/geocode.ts";

/** The field's usual tolerance (Leidner; Gritta et al.): 100 miles. */
const ACCURACY_RADIUS_KM = 161;
const EARTH_RADIUS_KM = 6371;
const DATASETS = ["lgl", "geovirus", "geowebnews"] as const;

interface GoldPlace {
  start: number;
  end: number;
  name: string;
  lat: number;
  lon: number;
}

interface GoldDocument {
  id: string;
  text: string;
  places: GoldPlace[];
}

/** Great-circle distance (haversine). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

interface Tally {
  total: number;
  answered: number;
  within: number;
  errorKm: number;
}

function evaluate(docs: GoldDocument[], misses?: Map<string, number>): Tally {
  const tally: Tally = { total: 0, answered: 0, within: 0, errorKm: 0 };
  for (const doc of docs) {
    const places = doc.places.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
    const resolved = geocodeMentions(
      places.map((p) => ({ text: p.name, start: p.start, end: p.end })),
      { language: "en" },
    );
    places.forEach((gold, i) => {
      tally.total++;
      const place = resolved[i]?.place;
      if (!place) {
        misses?.set(`unknown: ${gold.name}`, (misses.get(`unknown: ${gold.name}`) ?? 0) + 1);
        return;
      }
      tally.answered++;
      const km = distanceKm(gold.lat, gold.lon, place.lat, place.lon);
      tally.errorKm += km;
      if (km <= ACCURACY_RADIUS_KM) tally.within++;
      else misses?.set(`wrong: ${gold.name} -> ${place.englishName}, ${place.countryCode}`, (misses.get(`wrong: ${gold.name} -> ${place.englishName}, ${place.countryCode}`) ?? 0) + 1);
    });
  }
  return tally;
}

const pct = (x: number) => (100 * x).toFixed(1) + "%";

function report(label: string, t: Tally): string {
  const mean = t.answered ? (t.errorKm / t.answered).toFixed(0) : "n/a";
  return `${label}: toponyms ${t.total}, accuracy@161km ${pct(t.within / t.total)}, mean error ${mean} km, coverage ${pct(t.answered / t.total)}`;
}

function main(): void {
  const showMisses = process.argv.includes("--misses");
  const overall: Tally = { total: 0, answered: 0, within: 0, errorKm: 0 };
  const misses = showMisses ? new Map<string, number>() : undefined;
  const started = performance.now();
  for (const name of DATASETS) {
    const docs = readJsonl<GoldDocument>(requireShared("eval", "geo", `${name}.jsonl`));
    const t = evaluate(docs, misses);
    console.log(report(name, t));
    overall.total += t.total;
    overall.answered += t.answered;
    overall.within += t.within;
    overall.errorKm += t.errorKm;
  }
  if (misses) {
    const top = [...misses].sort((a, b) => b[1] - a[1]).slice(0, 60);
    for (const [what, n] of top) console.log(`  ${n}\t${what}`);
  }
  console.log(`time ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(report("overall", overall));
}

main();
