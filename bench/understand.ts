/**
 * Throughput of the understand step (language, entities, places, quotes, figures) on the 774 CC BY
 * news articles of ../shared/samples/news (en/es/it/nl). Models load before the clock starts;
 * the figure is articles per second of CPU time on one core (the machine may be shared).
 */
import { readJsonl, requireShared } from "../eval/shared.ts";
import { understand } from "../src/understand/index.ts";
import type { Article } from "../src/schema.ts";

interface NewsRecord {
  id: string;
  lang: string;
  title: string;
  published: string;
  text: string;
}

const records = readJsonl<NewsRecord>(requireShared("samples", "news", "news.jsonl"));
const articles: Article[] = records.map((r) => ({
  source: r.id,
  title: r.title,
  authors: [],
  published: r.published,
  text: r.text,
  encoding: "utf-8",
  kind: "text",
  warnings: [],
}));

// Warm-up: loads every model the articles' languages need (langid, NER, gazetteer).
for (const lang of new Set(records.map((r) => r.lang))) understand(articles[records.findIndex((r) => r.lang === lang)]!);

const cpuBefore = process.cpuUsage();
const wallBefore = process.hrtime.bigint();
let entities = 0;
for (const article of articles) entities += understand(article).entities.length;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const wallSeconds = Number(process.hrtime.bigint() - wallBefore) / 1e9;
const chars = articles.reduce((sum, a) => sum + a.text.length, 0);
console.log(`understand: ${articles.length} articles, ${(chars / 1e6).toFixed(1)} M chars, ${entities} entities`);
console.log(`wall ${wallSeconds.toFixed(1)} s, CPU ${cpuSeconds.toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(`understand articles/s per core (CPU time): ${(articles.length / cpuSeconds).toFixed(0)}`);
