/**
 * A large store for the API load benchmark, built in a minute or two without running the NLP pipeline
 * on every article: the demo corpus is extracted and understood ONCE (cached as a seed store), then its
 * records are replicated with new ids, dates spread over two years, varied numbers and paragraphs
 * borrowed from other articles of the same language, so FTS term statistics are not those of 187 copies.
 * Each copy keeps its seed's entities, mentions and events (offsets stay valid: numbers are varied digit
 * for digit and borrowed paragraphs are appended after the original text); seed stories are replicated
 * per round of copies, with the copies' dates kept close together as a real story's are.
 *
 *   node --import tsx bench/synthetic-store.ts [--articles 100000] [--out /tmp/sitrep-bench/api-100000.db]
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { REPO_DIR } from "../eval/shared.ts";
import { ingestSources } from "../src/pipeline.ts";
import type { UnderstoodArticle } from "../src/schema.ts";
import type { Story } from "../src/consolidate/stories.ts";
import { consolidateStore } from "../src/consolidate/index.ts";
import type { StoredInput, StoryAssignment } from "../src/store/index.ts";
import { SqliteStore } from "../src/store/sqlite.ts";

export const SYNTHETIC = {
  cacheDir: join(tmpdir(), "sitrep-bench"),
  seedSources: [join(REPO_DIR, "demo", "news.jsonl"), join(REPO_DIR, "demo", "pages")],
  /** Copies get dates in [start, start + spanDays). */
  start: Date.UTC(2023, 0, 1),
  spanDays: 730,
  /** Members of one replicated story are published within this many days of each other. */
  storyJitterDays: 3,
  /** Paragraphs appended to each copy from other seed articles of its language. */
  borrowedParagraphs: [1, 3],
  /** Articles per saveArticles transaction. */
  batch: 5000,
  prngSeed: 20240601,
} as const;

/** mulberry32: a seeded PRNG so the same flags build the same store (hand-written: 6 lines, no package needed). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The demo corpus extracted and understood once, then reused: the slow part, ~1 min. */
export async function seedStore(path = join(SYNTHETIC.cacheDir, "seed.db")): Promise<string> {
  if (existsSync(path)) return path;
  mkdirSync(dirname(path), { recursive: true });
  const store = new SqliteStore(path);
  try {
    const summary = await ingestSources(SYNTHETIC.seedSources, store, { workers: 0 });
    consolidateStore(store);
    console.error(`synthetic: seed store of ${summary.ingested} understood articles in ${summary.seconds.toFixed(1)} s -> ${path}`);
  } finally {
    store.close();
  }
  return path;
}

interface Seed {
  id: string;
  origin: string;
  article: UnderstoodArticle;
  paragraphs: string[];
}

function loadSeeds(path: string): { seeds: Seed[]; stories: Story[] } {
  const store = new SqliteStore(path);
  try {
    const seeds: Seed[] = [];
    for (const s of store.articles()) {
      if (!("entities" in s.article)) continue;
      const article = s.article as UnderstoodArticle;
      seeds.push({ id: s.id, origin: s.origin, article, paragraphs: article.text.split(/\n{2,}/).filter((p) => p.trim().length > 40) });
    }
    const stories = store.stories().map((s) => s.record as Story).filter((r): r is Story => !!r && Array.isArray(r.members));
    return { seeds, stories };
  } finally {
    store.close();
  }
}

export interface SyntheticOptions {
  articles: number;
  out: string;
  seed?: string;
}

export interface SyntheticSummary {
  path: string;
  articles: number;
  stories: number;
  seconds: number;
  bytes: number;
}

export async function buildSyntheticStore(options: SyntheticOptions): Promise<SyntheticSummary> {
  const started = performance.now();
  const { seeds, stories: seedStories } = loadSeeds(await seedStore(options.seed));
  if (seeds.length === 0) throw new Error("synthetic: the seed store holds no understood article");
  const random = prng(SYNTHETIC.prngSeed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const digitsVaried = (text: string) => text.replace(/\d/g, () => String(Math.floor(random() * 10)));
  const byLanguage = new Map<string, string[]>();
  for (const s of seeds) {
    const list = byLanguage.get(s.article.language ?? "") ?? [];
    list.push(...s.paragraphs);
    byLanguage.set(s.article.language ?? "", list);
  }
  const storyOf = new Map<string, number>();
  seedStories.forEach((story, i) => story.members.forEach((id) => storyOf.set(id, i)));
  /** One publication day per (seed story, round): the copies of a story stay a story in time. */
  const storyDay = new Map<string, number>();
  const dayMs = 86_400_000;

  rmSync(options.out, { force: true });
  rmSync(`${options.out}-wal`, { force: true });
  rmSync(`${options.out}-shm`, { force: true });
  mkdirSync(dirname(options.out), { recursive: true });
  const store = new SqliteStore(options.out);
  // A throwaway file rebuilt from scratch on failure: no fsync needed.
  store.db.pragma("synchronous = OFF");
  const replicated = new Map<string, StoryAssignment>();
  let batch: StoredInput[] = [];
  for (let i = 0; i < options.articles; i++) {
    const seed = seeds[i % seeds.length]!;
    const round = Math.floor(i / seeds.length);
    const storyIndex = storyOf.get(seed.id);
    const storyKey = `${storyIndex ?? `solo:${seed.id}`}:${round}`;
    let day = storyDay.get(storyKey);
    if (day === undefined) storyDay.set(storyKey, (day = Math.floor(random() * SYNTHETIC.spanDays)));
    const when = new Date(SYNTHETIC.start + (day + Math.floor(random() * SYNTHETIC.storyJitterDays)) * dayMs + Math.floor(random() * dayMs));
    const published = seed.article.published && seed.article.published.length <= 10 ? when.toISOString().slice(0, 10) : when.toISOString().replace(/\.\d{3}Z$/, "Z");
    const pool = byLanguage.get(seed.article.language ?? "") ?? [];
    const [fewest, most] = SYNTHETIC.borrowedParagraphs;
    const borrowed = Array.from({ length: fewest + Math.floor(random() * (most - fewest + 1)) }, () => digitsVaried(pick(pool)));
    const text = [digitsVaried(seed.article.text), ...borrowed].join("\n\n");
    const id = createHash("sha256").update(`synthetic ${i}`).digest("hex");
    const article: UnderstoodArticle = {
      ...seed.article,
      source: `${seed.article.source}#copy-${round}`,
      ...(seed.article.url ? { url: `${seed.article.url}${seed.article.url.includes("?") ? "&" : "?"}copy=${round}` } : {}),
      ...(seed.article.title ? { title: digitsVaried(seed.article.title) } : {}),
      published,
      text,
      events: (seed.article.events ?? []).map((e) => (e.date ? { ...e, date: published.slice(0, 10) } : e)),
    };
    batch.push({ id, origin: `synthetic:${seed.origin}`, article });
    if (storyIndex !== undefined) {
      const story = seedStories[storyIndex]!;
      const storyId = `${story.id}~${round}`;
      let assignment = replicated.get(storyId);
      if (!assignment) {
        assignment = { id: storyId, ...(story.title ? { label: story.title } : {}), articles: [], record: { ...story, id: storyId, members: [] } };
        replicated.set(storyId, assignment);
      }
      assignment.articles.push({ id, score: 1 });
      const record = assignment.record as Story;
      record.members.push(id);
      record.start = !record.start || published.slice(0, 10) < record.start ? published.slice(0, 10) : record.start;
      record.end = !record.end || published.slice(0, 10) > record.end ? published.slice(0, 10) : record.end;
    }
    if (batch.length >= SYNTHETIC.batch) {
      store.saveArticles(batch);
      batch = [];
      process.stderr.write(`\rsynthetic: ${i + 1} / ${options.articles}`);
    }
  }
  store.saveArticles(batch);
  store.saveStories([...replicated.values()], { replaceAll: true });
  const articles = store.counts().articles;
  store.db.pragma("wal_checkpoint(TRUNCATE)");
  store.db.exec("ANALYZE");
  store.close();
  process.stderr.write("\n");
  return { path: options.out, articles, stories: replicated.size, seconds: (performance.now() - started) / 1000, bytes: statSync(options.out).size };
}

/** The store for `articles`, built once and reused while the file exists. */
export async function cachedSyntheticStore(articles: number): Promise<SyntheticSummary & { cached: boolean }> {
  const path = join(SYNTHETIC.cacheDir, `api-${articles}.db`);
  if (existsSync(path)) {
    const store = new SqliteStore(path);
    const count = store.counts().articles;
    store.close();
    if (count >= articles) return { path, articles: count, stories: 0, seconds: 0, bytes: statSync(path).size, cached: true };
  }
  return { ...(await buildSyntheticStore({ articles, out: path })), cached: false };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1]! : fallback;
  };
  const articles = Number(option("articles", "100000"));
  const out = option("out", join(SYNTHETIC.cacheDir, `api-${articles}.db`));
  const summary = await buildSyntheticStore({ articles, out });
  console.log(`synthetic store: ${summary.articles} articles, ${summary.stories} stories, ${(summary.bytes / 2 ** 20).toFixed(0)} MiB in ${summary.seconds.toFixed(1)} s -> ${summary.path}`);
}
