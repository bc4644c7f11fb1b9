/**
 * Throughput of the understand step (language, entities, places, quotes, figures) on the 774 CC BY
 * news articles of ../shared/samples/news (en/es/it/nl; their language left to the detector), two passes:
 * the first, over the even-numbered articles, loads the models; the second, over the odd-numbered ones, is
 * timed. The timed articles are unseen, so the stage's caches (names, places) help only as much as
 * names recurring across articles let them. The figure is articles per second of CPU time on one core
 * (the machine may be shared).
 */
import { newsArticle, readNews } from "../eval/news.ts";
import { understand } from "../src/understand/index.ts";
import type { Article } from "../src/schema.ts";

const all: Article[] = readNews().map(newsArticle).map(({ language: _declared, ...article }) => article);
const warmUp = all.filter((_, i) => i % 2 === 0);
const timed = all.filter((_, i) => i % 2 === 1);

/** One pass over some articles: CPU seconds (one core's worth), wall seconds, entities found. */
function pass(articles: Article[]): { cpuSeconds: number; wallSeconds: number; entities: number } {
  const cpuBefore = process.cpuUsage();
  const wallBefore = process.hrtime.bigint();
  let entities = 0;
  for (const article of articles) entities += understand(article).entities.length;
  const cpu = process.cpuUsage(cpuBefore);
  return { cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds: Number(process.hrtime.bigint() - wallBefore) / 1e9, entities };
}

// The first pass loads models lazily (Lingua loads each language's n-grams when a text first needs them);
// the second is the steady state of a long ingest. Both are reported.
const first = pass(warmUp);
const steady = pass(timed);
const chars = timed.reduce((sum, a) => sum + a.text.length, 0);
const rate = (p: { cpuSeconds: number }, articles: Article[]) => (articles.length / p.cpuSeconds).toFixed(0);
console.log(`understand: ${timed.length} timed articles, ${(chars / 1e6).toFixed(1)} M chars, ${steady.entities} entities`);
console.log(`first pass (models loading, ${warmUp.length} articles): ${rate(first, warmUp)} articles/s of CPU, wall ${first.wallSeconds.toFixed(1)} s`);
console.log(`steady state: wall ${steady.wallSeconds.toFixed(1)} s, CPU ${steady.cpuSeconds.toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(`understand articles/s per core (CPU time, steady state): ${rate(steady, timed)}`);
