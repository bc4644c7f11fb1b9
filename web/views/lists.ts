/** List views: home (stories and recent articles), search results, events of a day, one entity. */
import { api } from "../api.ts";
import { h, route, snippet } from "../dom.ts";
import type { ArticleSummary } from "../../src/serve/reader.ts";
import { colourOf } from "./overview.ts";

const when = (date?: string) => (date ? date.slice(0, 10) : "undated");

export function articleItem(a: Pick<ArticleSummary, "id" | "title" | "published" | "language" | "publisher" | "source">): HTMLElement {
  return h("li", {},
    h("a", { href: route.article(a.id) }, a.title ?? a.source),
    h("span", { class: "meta" }, ` ${[a.publisher, when(a.published), a.language].filter(Boolean).join(" · ")}`));
}

export async function homeView(): Promise<Array<Node | null>> {
  const [{ stories, total }, page] = await Promise.all([api.stories(15), api.articles(20)]);
  return [
    h("h1", {}, "Stories"),
    h("p", { class: "meta" }, `${total} stories; largest first.`),
    h("ol", { class: "stories" }, ...stories.map((s) =>
      h("li", {},
        h("a", { href: route.story(s.id) }, s.title ?? s.id),
        h("span", { class: "meta" }, ` ${s.members.length} article(s) · ${s.languages.join(", ")} · ${s.start ?? "undated"}${s.end && s.end !== s.start ? ` – ${s.end}` : ""}`)))),
    h("h2", {}, "Latest articles"),
    h("ul", { class: "articles" }, ...page.articles.map(articleItem)),
  ];
}

export async function searchView(params: URLSearchParams): Promise<Array<Node | null>> {
  const query = Object.fromEntries([...params].filter(([, v]) => v !== ""));
  const { hits } = await api.search(query);
  return [
    h("h1", {}, `Search: ${query.q ?? ""}`),
    h("p", { class: "meta" }, `${hits.length} result(s)` + (Object.keys(query).length > 1 ? ` with filters ${Object.entries(query).filter(([k]) => k !== "q").map(([k, v]) => `${k}=${v}`).join(", ")}` : "")),
    h("ol", { class: "hits" }, ...hits.map((hit) =>
      h("li", {},
        h("a", { href: route.article(hit.id) }, hit.title ?? hit.id.slice(0, 12)),
        h("span", { class: "meta" }, ` ${[when(hit.published), hit.language].filter(Boolean).join(" · ")}`),
        h("div", {}, snippet(hit.snippet))))),
  ];
}

export async function eventsView(params: URLSearchParams): Promise<Array<Node | null>> {
  const filters = Object.fromEntries([...params].filter(([, v]) => v !== ""));
  const { events, total } = await api.events({ ...filters, limit: 200 });
  return [
    h("h1", {}, `Events ${filters.from ?? ""}${filters.to && filters.to !== filters.from ? ` – ${filters.to}` : ""}`),
    h("p", { class: "meta" }, `${total} event(s)`),
    h("ul", { class: "events" }, ...events.map((row) =>
      h("li", {},
        h("span", { class: "badge", "data-type": row.event.eventType }, row.event.eventType),
        " ",
        h("a", { href: route.article(row.articleId) }, row.event.sentence.text),
        h("span", { class: "meta" }, ` ${when(row.event.date)}${row.place ? ` · ${row.place.name}` : ""}`)))),
  ];
}

export async function entityView(name: string): Promise<Array<Node | null>> {
  const { entity } = await api.entity(name);
  return [
    h("h1", {}, entity.name),
    h("p", { class: "meta" }, `${entity.types.join(", ")} · ${entity.articles} article(s) · ${entity.mentions} mention(s)${entity.linkedIds.length ? ` · ${entity.linkedIds.join(", ")}` : ""}`),
    entity.aliases.length ? h("p", {}, "Also written: ", entity.aliases.join(", ")) : null,
    h("h2", {}, "Articles"),
    h("ul", { class: "articles" }, ...entity.recent.map((a) => h("li", {}, h("a", { href: route.article(a.id) }, a.title ?? a.id.slice(0, 12)), h("span", { class: "meta" }, ` ${when(a.published)}`)))),
    h("h2", {}, "Named with"),
    h("ul", { class: "chips" }, ...entity.cooccurring.map((c) => h("li", {}, h("a", { href: route.entity(c.name), class: `entity ${c.type}` }, c.name), h("span", { class: "meta" }, ` ${c.articles}`)))),
  ];
}

/** Badges get their type colour through the CSSOM (the CSP allows no inline style attributes). */
export function paintBadges(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>(".badge[data-type]").forEach((el) => (el.style.backgroundColor = colourOf(el.dataset.type ?? "")));
}
