/**
 * Publication-date evaluation on the htmldate gold (eval_default 800 + mediacloud 2020 200 pages).
 * Scored at day level as htmldate's tests/evaluation.py does: right date TP, wrong date FP,
 * no date FN (TN when the gold has none). Misses go to /tmp/dates-misses.tsv for inspection.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import chardet from "chardet";
import { requireShared, readMaybeGzip } from "./shared.ts";
import { decodeDocument } from "../src/extract/decode.ts";
import { parseHtml } from "../src/extract/dom.ts";
import { findHtmlDates } from "../src/extract/dates.ts";
import { gatherDateEvidence } from "../src/extract/dates/html.ts";

const DIR = requireShared("eval", "htmldate");
const SUBSETS = ["eval_default.json", "eval_mediacloud_2020.json"];
const PAGE_DIRS = ["test_set", "cache", "eval"];
const MISSES = "/tmp/dates-misses.tsv";

interface GoldItem {
  file: string;
  date: string | null;
}

function loadGold(name: string): [string, GoldItem][] {
  // The mediacloud file holds bare NaN tokens (Python's json.dump), which JSON.parse rejects.
  const raw = readFileSync(join(DIR, name), "utf8").replace(/:\s*NaN\b/g, ": null");
  const data = JSON.parse(raw) as Record<string, { file: string; date: string | number | null }>;
  return Object.entries(data).map(([url, v]) => [url, { file: v.file, date: typeof v.date === "string" ? v.date : null }]);
}

function pagePath(file: string): string | undefined {
  for (const dir of PAGE_DIRS) {
    const path = join(DIR, dir, `${file}.gz`);
    if (existsSync(path)) return path;
  }
  return undefined;
}

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i;

/** decodeDocument, and when it yields replacement characters, the page's declared charset or a guess. */
function decode(bytes: Buffer, source: string): string {
  let text: string;
  try {
    text = decodeDocument(bytes, { source }).text;
  } catch {
    text = "";
  }
  const broken = (text.match(/\uFFFD/g)?.length ?? 0) > 5 || text === "";
  if (!broken) return text;
  const declared = META_CHARSET.exec(bytes.subarray(0, 4096).toString("latin1"))?.[1];
  const label = declared && iconv.encodingExists(declared) ? declared : (chardet.detect(bytes) ?? "windows-1252");
  return iconv.decode(bytes, iconv.encodingExists(label) ? label : "windows-1252");
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

function report(name: string, c: Counts): number {
  const all = c.tp + c.fp + c.fn + c.tn;
  const precision = c.tp / (c.tp + c.fp || 1);
  const recall = c.tp / (c.tp + c.fn || 1);
  const accuracy = (c.tp + c.tn) / (all || 1);
  const f1 = (2 * c.tp) / (2 * c.tp + c.fp + c.fn || 1);
  console.log(
    `${name.padEnd(28)} n=${all} TP=${c.tp} FP=${c.fp} FN=${c.fn} TN=${c.tn} ` +
      `precision=${precision.toFixed(3)} recall=${recall.toFixed(3)} accuracy=${accuracy.toFixed(3)} F1=${f1.toFixed(3)}`,
  );
  return f1;
}

const total: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
const misses: string[] = ["subset\turl\tgold\tpredicted\tevidence"];
let elapsed = 0;
for (const subset of SUBSETS) {
  const counts: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const [url, item] of loadGold(subset)) {
    const path = pagePath(item.file);
    if (!path) {
      console.error(`missing page ${item.file}`);
      continue;
    }
    const html = decode(readMaybeGzip(path), path);
    const started = performance.now();
    const doc = parseHtml(html);
    const found = findHtmlDates(doc, { url });
    elapsed += performance.now() - started;
    const predicted = found.published?.slice(0, 10);
    if (predicted === undefined) {
      if (item.date === null) counts.tn++;
      else counts.fn++;
    } else if (predicted === item.date) counts.tp++;
    else counts.fp++;
    if (predicted !== (item.date ?? undefined)) {
      const evidence = gatherDateEvidence(doc, url)
        .filter((e) => e.source !== "text")
        .slice(0, 12)
        .map((e) => `${e.source}/${e.role[0]}${e.rank}:${e.year}-${e.month}-${e.day}`)
        .join(" ");
      misses.push([subset, url, item.date, predicted ?? "-", evidence].join("\t") + `\t${item.file}`);
    }
  }
  report(subset.replace(".json", ""), counts);
  for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += counts[k];
}
writeFileSync(MISSES, misses.join("\n") + "\n");
console.log(`misses: ${MISSES} (${misses.length - 1}); parse+find time ${(elapsed / 1000).toFixed(1)} s`);
const f1 = report("overall", total);
console.log(`F1 ${f1.toFixed(3)}`);
