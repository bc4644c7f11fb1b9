/**
 * Near-duplicate detection, scored on synthetic copies of real pages: each original (a gold body of the
 * article-extraction benchmark, a text of the news sample) gets perturbed copies (word substitutions and
 * deletions at several rates, truncation, boilerplate lines added or removed, paragraphs reordered, a mix),
 * all shuffled together with the other originals (the unrelated documents) and added one by one to the
 * index. A predicted pair is a match the index reports; a gold pair is two members of one family.
 * Prints pairwise precision/recall/F1, recall per kind of copy, false pairs, and time per document.
 * `--sweep` also scores other parameter settings (how the defaults were chosen). Fixed seed.
 */
import { readFileSync } from "node:fs";
import { requireShared, readJsonl } from "./shared.ts";
import { seededRandom } from "../src/understand/ner/perceptron.ts";
import { DuplicateIndex, DEDUP_DEFAULTS, type DedupOptions } from "../src/consolidate/dedup.ts";

const SEED = 20240611;
const MIN_WORDS = 40;

/** Generic site furniture, the kind a republisher wraps around a wire story. */
const BOILERPLATE_LINES = [
  "Share this article on Facebook, Twitter and WhatsApp",
  "Sign up for our daily newsletter to get the top stories in your inbox",
  "Advertisement",
  "Read more: the latest news from our correspondents",
  "Copyright 2024 All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
  "Follow us on social media for breaking news updates",
  "Related articles",
  "Comments are closed for this story",
  "Click here to subscribe and support independent journalism",
  "Reporting by our staff; editing by the news desk",
];

interface Family {
  original: string;
  copies: Array<{ kind: string; text: string }>;
}

type Random = () => number;

function paragraphs(text: string): string[] {
  return text.split(/\n+/).filter((p) => p.trim() !== "");
}

function pick<T>(random: Random, items: T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Edits word by word, keeping the paragraph breaks. */
function editWords(text: string, rate: number, random: Random, vocabulary: string[], mode: "substitute" | "delete"): string {
  return paragraphs(text)
    .map((p) =>
      p
        .split(/\s+/)
        .flatMap((word) => (random() >= rate ? [word] : mode === "delete" ? [] : [pick(random, vocabulary)]))
        .join(" "),
    )
    .join("\n\n");
}

function truncate(text: string, keep: number): string {
  const words = text.split(/(\s+)/);
  return words.slice(0, Math.max(1, Math.round(words.length * keep))).join("");
}

function withBoilerplate(text: string, random: Random): string {
  const prefix = [pick(random, BOILERPLATE_LINES), pick(random, BOILERPLATE_LINES)];
  const suffix = [pick(random, BOILERPLATE_LINES), pick(random, BOILERPLATE_LINES), pick(random, BOILERPLATE_LINES)];
  return [...prefix, ...paragraphs(text), ...suffix].join("\n\n");
}

/** The copy a site makes by dropping the lead and the closing line (its own boilerplate removed). */
function withoutEnds(text: string): string {
  const ps = paragraphs(text);
  return ps.length > 3 ? ps.slice(1, -1).join("\n\n") : ps.join("\n\n");
}

function shuffle<T>(items: T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function reorder(text: string, random: Random): string {
  return shuffle(paragraphs(text), random).join("\n\n");
}

function makeFamilies(originals: string[], random: Random): Family[] {
  const vocabulary = originals.flatMap((t) => t.split(/\s+/).slice(0, 200));
  return originals.map((original) => ({
    original,
    copies: [
      { kind: "substitute 5%", text: editWords(original, 0.05, random, vocabulary, "substitute") },
      { kind: "substitute 15%", text: editWords(original, 0.15, random, vocabulary, "substitute") },
      { kind: "substitute 30%", text: editWords(original, 0.3, random, vocabulary, "substitute") },
      { kind: "delete 5%", text: editWords(original, 0.05, random, vocabulary, "delete") },
      { kind: "delete 15%", text: editWords(original, 0.15, random, vocabulary, "delete") },
      { kind: "delete 30%", text: editWords(original, 0.3, random, vocabulary, "delete") },
      { kind: "truncate to 70%", text: truncate(original, 0.7) },
      { kind: "truncate to 40%", text: truncate(original, 0.4) },
      { kind: "boilerplate added", text: withBoilerplate(original, random) },
      { kind: "ends removed", text: withoutEnds(original) },
      { kind: "paragraphs reordered", text: reorder(original, random) },
      {
        kind: "mix (5% edits, boilerplate, reordered)",
        text: withBoilerplate(reorder(editWords(original, 0.05, random, vocabulary, "substitute"), random), random),
      },
    ],
  }));
}

interface Doc {
  id: string;
  family: number;
  kind: string;
  text: string;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function score(docs: Doc[], options: Partial<DedupOptions>) {
  const index = new DuplicateIndex(options);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const predicted = new Set<string>();
  const started = process.hrtime.bigint();
  for (const doc of docs) {
    const result = index.add(doc.id, doc.text);
    for (const match of result.matches) predicted.add(pairKey(doc.id, match.id));
    if (result.exactOf) predicted.add(pairKey(doc.id, result.exactOf));
  }
  const msPerDoc = Number(process.hrtime.bigint() - started) / 1e6 / docs.length;
  const familySizes = new Map<number, number>();
  for (const d of docs) familySizes.set(d.family, (familySizes.get(d.family) ?? 0) + 1);
  let gold = 0;
  for (const n of familySizes.values()) gold += (n * (n - 1)) / 2;
  let tp = 0;
  const falsePairs: Array<[Doc, Doc]> = [];
  for (const key of predicted) {
    const [a, b] = key.split("|").map((id) => byId.get(id)!) as [Doc, Doc];
    if (a.family === b.family) tp++;
    else falsePairs.push([a, b]);
  }
  // Recall per kind of copy: was the copy paired with its own original?
  const perKind = new Map<string, { found: number; total: number }>();
  for (const doc of docs) {
    if (doc.kind === "original") continue;
    const entry = perKind.get(doc.kind) ?? { found: 0, total: 0 };
    entry.total++;
    if (predicted.has(pairKey(doc.id, `f${doc.family}:original`))) entry.found++;
    perKind.set(doc.kind, entry);
  }
  const precision = predicted.size === 0 ? 0 : tp / predicted.size;
  const recall = gold === 0 ? 0 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, msPerDoc, predicted: predicted.size, gold, perKind, falsePairs };
}

interface NewsRecord {
  text: string;
}

const truth = JSON.parse(readFileSync(requireShared("eval/article-extraction-benchmark/ground-truth.json"), "utf8")) as Record<
  string,
  { articleBody?: string }
>;
const news = readJsonl<NewsRecord>(requireShared("samples/news/news.jsonl"));
const originals = [...Object.values(truth).map((t) => t.articleBody ?? ""), ...news.map((r) => r.text)].filter(
  (text) => text.split(/\s+/).length >= MIN_WORDS,
);
const random = seededRandom(SEED);
const families = makeFamilies(originals, random);
const docs = shuffle(
  families.flatMap((family, f) => [
    { id: `f${f}:original`, family: f, kind: "original", text: family.original },
    ...family.copies.map((copy, c) => ({ id: `f${f}:copy${c}`, family: f, kind: copy.kind, text: copy.text })),
  ]),
  random,
);
console.log(`${families.length} originals (>= ${MIN_WORDS} words), ${docs.length} documents, seed ${SEED}`);

if (process.argv.includes("--sweep")) {
  const settings: Array<Partial<DedupOptions>> = [];
  for (const shingleSize of [2, 3])
    for (const jaccard of [0.25, 0.35])
      settings.push({ shingleSize, hashes: 120, bands: 40, jaccard, containmentMinJaccard: Math.min(jaccard, 0.25) });
  for (const setting of settings) {
    const s = score(docs, setting);
    console.log(
      `sweep ${JSON.stringify(setting)}  P ${s.precision.toFixed(4)} R ${s.recall.toFixed(4)} F1 ${s.f1.toFixed(4)}  ${s.msPerDoc.toFixed(3)} ms/doc`,
    );
  }
}

const result = score(docs, {});
console.log(`parameters: ${JSON.stringify(DEDUP_DEFAULTS)}`);
console.log("recall per kind of copy (copy paired with its original):");
for (const [kind, { found, total }] of result.perKind) console.log(`  ${kind.padEnd(42)} ${(found / total).toFixed(3)} (${found}/${total})`);
console.log(`false pairs: ${result.falsePairs.length}`);
for (const [a, b] of result.falsePairs.slice(0, 5)) console.log(`  ${a.id} (${a.kind}) ~ ${b.id} (${b.kind}): ${a.text.slice(0, 60).replace(/\s+/g, " ")}…`);
console.log(`time: ${result.msPerDoc.toFixed(3)} ms per document (add = hash, signature, lookup, insert)`);
console.log(`pairs: predicted ${result.predicted}, gold ${result.gold}`);
console.log(`precision ${result.precision.toFixed(4)}  recall ${result.recall.toFixed(4)}`);
console.log(`near-duplicate pairs F1 ${result.f1.toFixed(4)}`);
