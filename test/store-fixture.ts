/** Records the store tests save into SQLite and PostgreSQL alike (written here, not taken from any eval set). */
import type { Article, UnderstoodArticle } from "../src/schema.ts";

export function textArticle(source: string, title: string, text: string, extra: Partial<Article> = {}): Article {
  return { source, title, text, authors: [], encoding: "utf-8", kind: "text", warnings: [], ...extra };
}

/** An understood article: a person named in full then by surname, and a geocoded place. */
export function peskovArticle(extra: Partial<Article> = {}): UnderstoodArticle {
  const base = textArticle("u", "Peskov on Minsk", "Dmitri Peskov said Minsk talks went well. Peskov added more.", { published: "2022-12-19", ...extra });
  return {
    ...base,
    languages: [],
    mentions: [
      { start: 0, end: 13, text: "Dmitri Peskov", type: "PER", entity: 0 },
      { start: 19, end: 24, text: "Minsk", type: "LOC", entity: 1 },
      { start: 41, end: 47, text: "Peskov", type: "PER", entity: 0 },
    ],
    entities: [
      { name: "Dmitri Peskov", type: "PER", aliases: ["Peskov", "Dmitri Peskov"], mentions: 2, id: "name:dmitry-peskov" },
      { name: "Minsk", type: "LOC", aliases: ["Minsk"], mentions: 1, place: { name: "Minsk", lat: 53.9, lon: 27.57, countryCode: "BY", featureClass: "city", score: 0.9 } },
    ],
    quotes: [],
    figures: [],
    events: [],
  };
}
