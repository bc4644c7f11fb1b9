/**
 * A large store for the API load benchmark, built in a few minutes without running the NLP pipeline
 * on every article: a seed corpus is extracted and understood ONCE (cached as a seed store), then its
 * records are replicated with new ids, dates spread over two years, varied numbers and at most one
 * paragraph borrowed from another article of the same language, so copies are not all identical.
 * Each copy keeps its seed's entities, mentions and events (offsets stay valid: numbers are varied digit
 * for digit and a borrowed paragraph is appended after the original text); seed stories are replicated
 * per round of copies, with the copies' dates kept close together as a real story's are.
 *
 * Seeds: ../shared/samples/news (774 CC BY articles: 414 en, 120 each es/it/nl; general Wikinews news
 * 2019-2021 plus MEANTIME's four topics) when present, else the demo corpus (180 of those articles, chosen
 * around aviation). Word spread, measured as the share of articles containing a word: in the sample
 * "government" is in 16% of articles (30% of the English ones), "Airbus" in 13%; the demo corpus alone
 * with 1-3 borrowed paragraphs a copy gave 24% and 66% (every borrowed paragraph adds common words), so
 * every search was unrealistically broad. With the sample and 0-1 borrowed paragraphs: 18% and 17%, within
 * a few points of the real sample. What stays unrealistic, on the slow side: each seed is copied ~130
 * times, so even its rarest word is in >= ~130 articles (a real store has a long tail of rare names), and
 * MEANTIME's aviation topic is far more common than in general news.
 *
 *   node --import tsx bench/synthetic-store.ts [--articles 100000] [--out /tmp/sitrep-bench/api-100000.db]
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { REPO_DIR, SHARED_DIR } from "../eval/shared.ts";
import { ingestSources } from "../src/pipeline.ts";
import type { UnderstoodArticle } from "../src/schema.ts";
import type { Story } from "../src/consolidate/stories.ts";
import { consolidateStore } from "../src/consolidate/index.ts";
import type { StoredInput, StoryAssignment } from "../src/store/index.ts";
import { SqliteStore } from "../src/store/sqlite.ts";

const SHARED_SAMPLE = join(SHARED_DIR, "samples", "news", "news.jsonl");

export const SYNTHETIC = {
  cacheDir: join(tmpdir(), "sitrep-bench"),
  seedSources: existsSync(SHARED_SAMPLE) ? [SHARED_SAMPLE] : [join(REPO_DIR, "demo", "news.jsonl"), join(REPO_DIR, "demo", "pages")],
  /** Copies get dates in [start, start + spanDays). */
  start: Date.UTC(2023, 0, 1),
  spanDays: 730,
  /** Members of one replicated story are published within this many days of each other. */
  storyJitterDays: 3,
  /** Paragraphs appended to each copy from other seed articles of its language (more inflates common words' spread, see above). */
  borrowedParagraphs: [0, 1],
  /** Articles per saveArticles transaction. */
  batch: 5000,
  prngSeed: 20240601,
} as const;

/** mulberry32: a seeded PRNG so the same flags build the same store (hand-written: 6 lines, no package needed). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cache files are named by the settings that made them, so a change of seeds or recipe builds anew. */
const SETTINGS_KEY = createHash("sha256").update(JSON.stringify(SYNTHETIC)).digest("hex").slice(0, 8);

/** The seed corpus extracted and understood once, then reused: the slow part, 1-5 min. */
export async function seedStore(path = join(SYNTHETIC.cacheDir, `seed-${createHash("sha256").update(JSON.stringify(SYNTHETIC.seedSources)).digest("hex").slice(0, 8)}.db`)): Promise<string> {
  if (existsSync(path)) return path;
  mkdirSync(dirname(path), { recursive: true });
  const store = new SqliteStore(path);
  try {
    const summary = await ingestSources(SYNTHETIC.seedSources, store, { workers: 0, understand: true, events: true });
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
  const path = join(SYNTHETIC.cacheDir, `api-${articles}-${SETTINGS_KEY}.db`);
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
  const out = option("out", join(SYNTHETIC.cacheDir, `api-${articles}-${SETTINGS_KEY}.db`));
  const summary = await buildSyntheticStore({ articles, out });
  console.log(`synthetic store: ${summary.articles} articles, ${summary.stories} stories, ${(summary.bytes / 2 ** 20).toFixed(0)} MiB in ${summary.seconds.toFixed(1)} s -> ${summary.path}`);
}
