/**
 * NER evaluation: `npm run eval:ner [-- --files en-conll2003.dev.jsonl,... --errors]`.
 * Per file: precision, recall, F1 under the CoNLL exact-span rule (type and both boundaries must
 * match), overall and per type, over the gold tokens, each document tagged as a whole (its `doc` field). Sets annotated without MISC are scored on
 * PER/ORG/LOC only (MISC predictions are dropped there). Then speed: tokens/s of
 * recognizeEntities on raw text (tokenising included) and articles/s on ../shared/samples/news.
 * WikiANN files add the scores on their running sentences only (most of WikiANN is titles and list items).
 * Last line: the English CoNLL-2003 test F1. `--errors` adds, per file, P/R/F1 per type, the F1 of
 * the two halves (even and odd documents: tune on one, check on the other), an error breakdown
 * (wrong type, wrong boundary, missed, spurious) and the most frequent strings of each error class.
 */
import { existsSync, readdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { readJsonl, requireShared, sharedPath } from "./shared.ts";
import { countSentence, prf, sentenceErrors, type Counts, type ErrorClass } from "../src/understand/ner/conll.ts";
import { recognizeEntities, tagDocument } from "../src/understand/ner/index.ts";

interface Sentence {
  tokens: string[];
  tags: string[];
  /** document number, where the set keeps documents (tagged a document at a time, as in use) */
  doc?: number;
}

/** Sentences grouped into their documents, in order; sets without `doc` are one sentence a document. */
function documentsOf(sentences: Sentence[]): Sentence[][] {
  const groups: Sentence[][] = [];
  let previous: number | undefined;
  for (const s of sentences) {
    if (s.doc === undefined || s.doc !== previous || groups.length === 0) groups.push([]);
    groups[groups.length - 1]!.push(s);
    previous = s.doc;
  }
  return groups;
}

/** Eval file name -> language of its text. */
function languageOf(file: string): string {
  const wiki = /^wikiann-(\w+)\./.exec(file);
  return wiki ? wiki[1]! : file.slice(0, 2);
}

const PROSE_MIN_TOKENS = 10;

/** A running sentence rather than a title or list item: long enough and closed by sentence punctuation. */
function isProse(tokens: readonly string[]): boolean {
  return tokens.length >= PROSE_MIN_TOKENS && /^[.!?。！？؟]$/.test(tokens[tokens.length - 1] ?? "");
}

const { values: args } = parseArgs({ options: { files: { type: "string" }, errors: { type: "boolean", default: false }, examples: { type: "string", default: "12" }, "even-errors": { type: "boolean", default: false } } });
const dir = requireShared("eval/ner");
const files = args.files ? args.files.split(",") : readdirSync(dir).filter((f) => f.endsWith(".jsonl") && !f.includes(".test.") === false || f.endsWith(".dev.jsonl")).sort();

const fmt = (x: number): string => x.toFixed(4);
let englishTestF1: number | undefined;

console.log("file                              lang  sents   P       R       F1      | F1 per type");
for (const file of files) {
  const path = sharedPath("eval/ner", file);
  if (!existsSync(path)) {
    console.log(`${file}: missing, skipped`);
    continue;
  }
  const sentences = readJsonl<Sentence>(path);
  const language = languageOf(file);
  const hasMisc = sentences.some((s) => s.tags.some((t) => t.endsWith("-MISC")));
  const types = new Set(hasMisc ? ["PER", "ORG", "LOC", "MISC"] : ["PER", "ORG", "LOC"]);
  const counts = new Map<string, Counts>();
  const halves = [new Map<string, Counts>(), new Map<string, Counts>()];
  const errors = new Map<ErrorClass, Map<string, number>>();
  const prose = new Map<string, Counts>();
  let proseSentences = 0;
  for (const [d, doc] of documentsOf(sentences).entries()) {
    const predicted = tagDocument(doc.map((s) => s.tokens), language);
    doc.forEach((s, i) => {
      countSentence(s.tags, predicted[i]!, types, counts);
      countSentence(s.tags, predicted[i]!, types, halves[d % 2]!);
      if (isProse(s.tokens)) {
        countSentence(s.tags, predicted[i]!, types, prose);
        proseSentences++;
      }
      if (args.errors && !(args["even-errors"] && d % 2 === 1)) for (const e of sentenceErrors(s.tags, predicted[i]!, types)) tallyError(errors, e.kind, s.tokens, e.gold, e.predicted);
    });
  }
  const all = prf(counts.get("ALL") ?? { tp: 0, fp: 0, fn: 0 });
  const perType = [...types].map((t) => `${t} ${fmt(prf(counts.get(t) ?? { tp: 0, fp: 0, fn: 0 }).f1)}`).join("  ");
  console.log(`${file.padEnd(34)}${language.padEnd(6)}${String(sentences.length).padEnd(8)}${fmt(all.precision)}  ${fmt(all.recall)}  ${fmt(all.f1)}  | ${perType}`);
  // WikiANN is mostly article titles and list items; its running sentences show how the tagger reads prose.
  if (file.startsWith("wikiann-")) {
    const p = prf(prose.get("ALL") ?? { tp: 0, fp: 0, fn: 0 });
    console.log(`  prose sentences only (${proseSentences}: >= ${PROSE_MIN_TOKENS} tokens ending in . ! ?): P ${fmt(p.precision)}  R ${fmt(p.recall)}  F1 ${fmt(p.f1)}`);
  }
  if (file === "en-conll2003.test.jsonl") englishTestF1 = all.f1;
  if (args.errors) printErrors(types, counts, halves, errors);
}

// Speed on raw text: the CoNLL English test sentences joined back into text, then real news articles.
const speedFile = sharedPath("eval/ner/en-conll2003.test.jsonl");
if (existsSync(speedFile)) {
  const texts = readJsonl<Sentence>(speedFile).map((s) => s.tokens.join(" "));
  const tokenCount = texts.reduce((n, t) => n + t.split(" ").length, 0);
  recognizeEntities(texts[0]!, "en"); // load the model outside the timing
  const cpu0 = process.cpuUsage().user;
  for (const text of texts) recognizeEntities(text, "en");
  const seconds = (process.cpuUsage().user - cpu0) / 1e6;
  console.log(`speed: ${Math.round(tokenCount / seconds)} tokens/s of CPU time (recognizeEntities on ${texts.length} English sentences, tokenising included)`);
}
const newsFile = sharedPath("samples/news/news.jsonl");
if (existsSync(newsFile)) {
  const articles = readJsonl<{ lang: string; text: string }>(newsFile);
  for (const lang of new Set(articles.map((a) => a.lang))) recognizeEntities("Warm up.", lang);
  const cpu0 = process.cpuUsage().user;
  for (const a of articles) recognizeEntities(a.text, a.lang);
  const seconds = (process.cpuUsage().user - cpu0) / 1e6;
  console.log(`speed: ${(articles.length / seconds).toFixed(0)} articles/s of CPU time (${articles.length} news articles, ${articles.map((a) => a.text.length).reduce((x, y) => x + y, 0)} chars)`);
}
console.log(`English CoNLL-2003 test F1: ${englishTestF1 === undefined ? "n/a" : fmt(englishTestF1)}`);

type Span = { start: number; end: number; type: string };

function tallyError(errors: Map<ErrorClass, Map<string, number>>, kind: ErrorClass, tokens: string[], gold?: Span, predicted?: Span): void {
  const show = (s: Span): string => `${tokens.slice(s.start, s.end).join(" ")}/${s.type}`;
  const key = [gold && show(gold), predicted && show(predicted)].filter(Boolean).join(" -> ");
  const byKey = errors.get(kind) ?? new Map<string, number>();
  byKey.set(key, (byKey.get(key) ?? 0) + 1);
  errors.set(kind, byKey);
}

function printErrors(types: Set<string>, counts: Map<string, Counts>, halves: Map<string, Counts>[], errors: Map<ErrorClass, Map<string, number>>): void {
  for (const type of [...types, "ALL"]) {
    const c = counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    const { precision, recall, f1 } = prf(c);
    console.log(`  ${type.padEnd(5)} P ${fmt(precision)}  R ${fmt(recall)}  F1 ${fmt(f1)}  (gold ${c.tp + c.fn}, predicted ${c.tp + c.fp})`);
  }
  console.log(`  halves (even / odd documents): F1 ${halves.map((h) => fmt(prf(h.get("ALL") ?? { tp: 0, fp: 0, fn: 0 }).f1)).join(" / ")}`);
  for (const [kind, byKey] of [...errors].sort((a, b) => total(b[1]) - total(a[1]))) {
    const top = [...byKey].sort((a, b) => b[1] - a[1]).slice(0, Number(args.examples));
    console.log(`  ${kind}: ${total(byKey)}\n    ${top.map(([k, n]) => `${n}x ${k}`).join("\n    ")}`);
  }
}

function total(byKey: Map<string, number>): number {
  let n = 0;
  for (const v of byKey.values()) n += v;
  return n;
}
