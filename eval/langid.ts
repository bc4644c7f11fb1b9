/**
 * Language identification on Lingua's test set (Leipzig sentences, word pairs, single words; 75 languages,
 * ISO 639-1 labels): accuracy by length bucket, by kind, the 10 worst languages on texts >= 50 chars, speed.
 * Usage: node --import tsx eval/langid.ts [--per N] [--half even|odd] [--paragraphs N]
 *   --per N: first N lines per language and kind (default all);
 *   --half: only the even or odd lines of each file (0-based), so rules can be developed on the even half and
 *   checked on the odd one. Every run also prints each bucket per half;
 *   --paragraphs N: instead, N mixed-language documents built from the sentences (paragraphs of three
 *   sentences of one language, one or two paragraphs of another set among four to six of the main one),
 *   scored per paragraph as detectParagraphLanguages labels it, beside each paragraph detected alone.
 * Last line: accuracy on texts >= 50 chars.
 */
import { requireShared, readJsonl } from "./shared.ts";
import { detectLanguage, detectParagraphLanguages } from "../src/understand/langid.ts";
import { seededRandom } from "../src/understand/ner/perceptron.ts";

interface Item {
  text: string;
  lang: string;
  kind: string;
  /** "even" or "odd": the line's parity in its file */
  half: Half;
}
type Half = "even" | "odd";

const FILES = ["sentences.jsonl", "word-pairs.jsonl", "single-words.jsonl"];
const BUCKETS = ["<20", "20-49", ">=50"] as const;
const WORST_SHOWN = 10;
/** Sentences of this many per paragraph: a news paragraph's length. */
const SENTENCES_PER_PARAGRAPH = 3;

function bucketOf(text: string): (typeof BUCKETS)[number] {
  const n = [...text].length;
  return n < 20 ? "<20" : n < 50 ? "20-49" : ">=50";
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const per = Number(argValue("--per") ?? Infinity);
const onlyHalf = argValue("--half") as Half | undefined;
if (onlyHalf !== undefined && onlyHalf !== "even" && onlyHalf !== "odd") throw new Error("--half takes even or odd");
const items: Item[] = [];
for (const file of FILES) {
  const taken = new Map<string, number>();
  readJsonl<Omit<Item, "half">>(requireShared("eval/langid", file)).forEach((line, index) => {
    const half: Half = index % 2 === 0 ? "even" : "odd";
    if (onlyHalf && half !== onlyHalf) return;
    const n = taken.get(line.lang) ?? 0;
    if (n >= per) return;
    taken.set(line.lang, n + 1);
    items.push({ ...line, half });
  });
}

class Tally {
  readonly counts = new Map<string, [number, number]>();
  add(key: string, ok: boolean): void {
    const c = this.counts.get(key) ?? [0, 0];
    c[0] += ok ? 1 : 0;
    c[1] += 1;
    this.counts.set(key, c);
  }
  pct(key: string): string {
    const c = this.counts.get(key);
    return c ? ((100 * c[0]) / c[1]).toFixed(2) : "-";
  }
  n(key: string): number {
    return this.counts.get(key)?.[1] ?? 0;
  }
}

const paragraphDocuments = argValue("--paragraphs");
if (paragraphDocuments !== undefined) {
  evaluateParagraphs(Number(paragraphDocuments));
  process.exit(0);
}

const rss0 = process.memoryUsage().rss;
let t0 = performance.now();
detectLanguage("warm-up: the model loads its Latin-script n-grams on first use");
const loadMs = performance.now() - t0;

const tally = new Tally();
const confusions = new Map<string, number>();
const longGot: Array<string | undefined> = [];
t0 = performance.now();
for (const item of items) {
  const got = detectLanguage(item.text)?.language;
  const ok = got === item.lang;
  const bucket = bucketOf(item.text);
  tally.add(bucket, ok);
  tally.add(`${bucket}:${item.half}`, ok);
  tally.add(`kind:${item.kind}`, ok);
  tally.add(`all`, ok);
  if (bucket === ">=50") {
    longGot.push(got);
    tally.add(`long:${item.lang}`, ok);
    if (!ok) confusions.set(`${item.lang}->${got ?? "none"}`, (confusions.get(`${item.lang}->${got ?? "none"}`) ?? 0) + 1);
  }
}
const runS = (performance.now() - t0) / 1000;
const rssMB = Math.round((process.memoryUsage().rss - rss0) / 1e6);

const languages = [...new Set(items.map((i) => i.lang))];
console.log(`texts: ${items.length} in ${languages.length} languages (per language and kind: ${per === Infinity ? "all" : per})`);
console.log(`load (first call): ${Math.round(loadMs)} ms, throughput: ${Math.round(items.length / runS)} texts/s, RSS growth: ${rssMB} MB`);
for (const kind of ["sentence", "word-pair", "word"]) console.log(`kind ${kind.padEnd(10)} ${tally.pct(`kind:${kind}`)}%  (n=${tally.n(`kind:${kind}`)})`);
for (const b of BUCKETS) {
  const halves = (["even", "odd"] as const).filter((h) => tally.n(`${b}:${h}`) > 0).map((h) => `${h} ${tally.pct(`${b}:${h}`)}%`);
  console.log(`chars ${b.padEnd(6)} ${tally.pct(b)}%  (n=${tally.n(b)}; ${halves.join(", ")})`);
}
const worst = languages
  .filter((l) => tally.n(`long:${l}`) > 0)
  .map((l) => ({ l, acc: Number(tally.pct(`long:${l}`)) }))
  .sort((a, b) => a.acc - b.acc)
  .slice(0, WORST_SHOWN);
console.log(`worst ${WORST_SHOWN} languages on >=50 chars: ${worst.map((w) => `${w.l} ${w.acc.toFixed(1)}%`).join(", ")}`);
const topConfusions = [...confusions].sort((a, b) => b[1] - a[1]).slice(0, WORST_SHOWN);
console.log(`top confusions on >=50 chars: ${topConfusions.map(([k, v]) => `${k} ${v}`).join(", ")}`);
// ISO 639-1 "ms" is the Malay macrolanguage, which includes Indonesian: shown for reference, not the headline.
const MACROLANGUAGE_OF: Record<string, string> = { id: "ms" };
const macro = (code: string | undefined) => (code ? (MACROLANGUAGE_OF[code] ?? code) : code);
const longItems = items.filter((i) => bucketOf(i.text) === ">=50");
const macroOk = longItems.filter((i, k) => macro(longGot[k]) === macro(i.lang)).length;
console.log(`all texts: ${tally.pct("all")}%`);
console.log(`reference, >= 50 chars with ms/id scored as one macrolanguage: ${((100 * macroOk) / longItems.length).toFixed(2)}%`);
console.log(`accuracy on texts >= 50 chars: ${tally.pct(">=50")}%`);

/**
 * Per-paragraph language on documents that mix languages, as a page quoting a foreign statement or
 * carrying a translated paragraph does. The language detectParagraphLanguages gives a paragraph is the
 * one of the span holding its middle character.
 */
function evaluateParagraphs(documents: number): void {
  const random = seededRandom(1);
  const sentencesByLanguage = new Map<string, string[]>();
  for (const line of readJsonl<{ text: string; lang: string }>(requireShared("eval/langid", "sentences.jsonl"))) {
    const list = sentencesByLanguage.get(line.lang) ?? [];
    list.push(line.text);
    sentencesByLanguage.set(line.lang, list);
  }
  const languages = [...sentencesByLanguage.keys()];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const paragraphOf = (language: string): string =>
    Array.from({ length: SENTENCES_PER_PARAGRAPH }, () => pick(sentencesByLanguage.get(language)!)).join(" ");
  const tally = new Tally();
  const lostInContext = new Map<string, number>();
  for (let d = 0; d < documents; d++) {
    const main = pick(languages);
    let other = pick(languages);
    while (other === main) other = pick(languages);
    const labels = Array.from({ length: 4 + Math.floor(random() * 3) }, () => main);
    const inserted = 1 + Math.floor(random() * 2);
    for (let k = 0; k < inserted; k++) labels.splice(1 + Math.floor(random() * labels.length), 0, other);
    const paragraphs = labels.map(paragraphOf);
    const text = paragraphs.join("\n\n");
    const spans = detectParagraphLanguages(text);
    let offset = 0;
    paragraphs.forEach((paragraph, i) => {
      const middle = offset + paragraph.length / 2;
      const got = spans.find((s) => s.start <= middle && middle < s.end)?.language;
      const role = labels[i] === main ? "main" : "inserted";
      const alone = detectLanguage(paragraph)?.language;
      tally.add(role, got === labels[i]);
      tally.add(`alone:${role}`, alone === labels[i]);
      // Errors the context made: the paragraph alone is read right.
      if (alone === labels[i] && got !== labels[i]) lostInContext.set(`${labels[i]}->${got ?? "none"}`, (lostInContext.get(`${labels[i]}->${got ?? "none"}`) ?? 0) + 1);
      offset += paragraph.length + 2;
    });
  }
  console.log(`mixed documents: ${documents}, paragraphs of ${SENTENCES_PER_PARAGRAPH} sentences from eval/langid sentences.jsonl`);
  for (const role of ["main", "inserted"]) {
    console.log(`${role} paragraphs: ${tally.pct(role)}% in context, ${tally.pct(`alone:${role}`)}% each detected alone (n=${tally.n(role)})`);
  }
  const lost = [...lostInContext].sort((a, b) => b[1] - a[1]).slice(0, WORST_SHOWN);
  console.log(`read right alone, wrong in context: ${lost.map(([k, v]) => `${k} ${v}`).join(", ")}`);
}
