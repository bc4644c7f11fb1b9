/** Typed calls to the server's JSON API (types come from the server's own modules). */
import type { ArticlePage, ArticleSummary, EntityRow, EventRow, PlaceRow, SharedEntity, TimelineRow } from "../src/serve/reader.ts";
import type { EntitySummary, SearchHit, StoredArticle } from "../src/store/index.ts";
import type { Story } from "../src/consolidate/stories.ts";
import { PloverType } from "../src/schema.ts";

async function get<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") query.set(key, String(value));
  const response = await fetch(`${path}${query.size ? `?${query}` : ""}`, { headers: { accept: "application/json" } });
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}

export const api = {
  articles: (limit = 20, cursor?: string) => get<ArticlePage>("/api/articles", { limit, cursor }),
  article: (id: string) => get<StoredArticle>(`/api/articles/${encodeURIComponent(id)}`),
  search: (params: Record<string, string>) => get<{ query: string; hits: SearchHit[] }>("/api/search", params),
  entity: (name: string) => get<{ entity: EntitySummary }>("/api/entities", { name }),
  topEntities: (limit = 20) => get<{ entities: EntityRow[] }>("/api/entities", { limit }),
  events: (params: Record<string, string | number>) => get<{ total: number; events: EventRow[] }>("/api/events", params),
  timeline: () => get<{ days: TimelineRow[] }>("/api/timeline"),
  places: (limit = 500) => get<{ places: PlaceRow[] }>("/api/places", { limit }),
  stories: (limit = 20, minArticles = 1) => get<{ total: number; stories: Story[] }>("/api/stories", { limit, minArticles }),
  story: (id: string) => get<{ story: Story; articles: ArticleSummary[]; sharedEntities: SharedEntity[] }>(`/api/stories/${encodeURIComponent(id)}`),
};

/** The 16 PLOVER event types, from the record schema. */
export const PLOVER_TYPES = PloverType.options;
