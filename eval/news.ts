/** The CC BY news sample (../shared/samples/news/news.jsonl): its record shape and the Article each record is. */
import { readJsonl, requireShared } from "./shared.ts";
import type { Article } from "../src/schema.ts";

export interface NewsRecord {
  id: string;
  lang: string;
  title: string;
  published: string;
  url: string;
  source: string;
  license: string;
  text: string;
  /** MEANTIME records only: the translations of one report share it. */
  story?: string;
}

export function readNews(): NewsRecord[] {
  return readJsonl<NewsRecord>(requireShared("samples", "news", "news.jsonl"));
}

/** A record as the extract stage would have made it from a clean page. */
export function newsArticle(record: NewsRecord): Article {
  return {
    source: record.id,
    url: record.url,
    title: record.title,
    publisher: record.source,
    authors: [],
    published: record.published,
    language: record.lang,
    text: record.text,
    encoding: "utf-8",
    kind: "text",
    warnings: [],
  };
}
