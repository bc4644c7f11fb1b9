/**
 * The consolidate stage over a whole store: every understood article, in date order, through the
 * online story clusterer; the resulting stories replace the stored ones. Re-running gives the same
 * stories (the clusterer is deterministic for one order), so the step is idempotent.
 */
import type { Store, StoryAssignment } from "../store/index.ts";
import type { UnderstoodArticle } from "../schema.ts";
import { StoryClusterer } from "./stories.ts";

export interface ConsolidateSummary {
  articles: number;
  stories: number;
  /** Stories with articles from more than one language. */
  crossLanguage: number;
}

function isUnderstood(article: unknown): article is UnderstoodArticle {
  return typeof article === "object" && article !== null && Array.isArray((article as UnderstoodArticle).entities);
}

export function consolidateStore(store: Store): ConsolidateSummary {
  const understood: Array<{ id: string; article: UnderstoodArticle }> = [];
  for (const stored of store.articles()) {
    if (isUnderstood(stored.article)) understood.push({ id: stored.id, article: stored.article });
  }
  // Online clustering follows the order of events in the world, not of ingestion.
  understood.sort((a, b) => (a.article.published ?? "").localeCompare(b.article.published ?? "") || a.id.localeCompare(b.id));
  const clusterer = new StoryClusterer();
  const scores = new Map<string, number>();
  for (const { id, article } of understood) scores.set(id, clusterer.add(id, article).score);
  const stories = clusterer.list();
  const assignments: StoryAssignment[] = stories.map((story) => ({
    id: story.id,
    ...(story.title ? { label: story.title } : {}),
    articles: story.members.map((id) => ({ id, score: scores.get(id) ?? 0 })),
    record: story,
  }));
  store.saveStories(assignments, { replaceAll: true });
  return {
    articles: understood.length,
    stories: stories.length,
    crossLanguage: stories.filter((s) => s.languages.length > 1).length,
  };
}
