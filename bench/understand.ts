/**
 * Throughput of the understand step (language, entities, places, quotes, figures) on the 774 CC BY
 * news articles of ../shared/samples/news (en/es/it/nl; their language left to the detector), two passes
 * (the first loads models);
 * the figure is articles per second of CPU time on one core (the machine may be shared).
 */
import { newsArticle, readNews } from "../eval/news.ts";
import { understand } from "../src/understand/index.ts";
import type { Article } from "../src/schema.ts";

const articles: Article[] = readNews().map(newsArticle).map(({ language: _declared, ...article }) => article);

/** One pass over every article: CPU seconds (one core's worth), wall seconds, entities found. */
function pass(): { cpuSeconds: number; wallSeconds: number; entities: number } {
  const cpuBefore = process.cpuUsage();
  const wallBefore = process.hrtime.bigint();
  let entities = 0;
  for (const article of articles) entities += understand(article).entities.length;
  const cpu = process.cpuUsage(cpuBefore);
  return { cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds: Number(process.hrtime.bigint() - wallBefore) / 1e9, entities };
}

// The first pass loads models lazily (Lingua loads each language's n-grams when a text first needs them);
// the second is the steady state of a long ingest. Both are reported.
const first = pass();
const steady = pass();
const chars = articles.reduce((sum, a) => sum + a.text.length, 0);
const rate = (p: { cpuSeconds: number }) => (articles.length / p.cpuSeconds).toFixed(0);
console.log(`understand: ${articles.length} articles, ${(chars / 1e6).toFixed(1)} M chars, ${steady.entities} entities`);
console.log(`first pass (models loading): ${rate(first)} articles/s of CPU, wall ${first.wallSeconds.toFixed(1)} s`);
console.log(`steady state: wall ${steady.wallSeconds.toFixed(1)} s, CPU ${steady.cpuSeconds.toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(`understand articles/s per core (CPU time, steady state): ${rate(steady)}`);
