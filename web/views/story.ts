/** One story: its reports across languages (outlet, date, language) and the entities they share. */
import { api } from "../api.ts";
import { h, route } from "../dom.ts";

export async function storyView(id: string): Promise<Array<Node | null>> {
  const { story, articles, sharedEntities } = await api.story(id);
  return [
    h("h1", {}, story.title ?? story.id),
    h("p", { class: "meta" }, `${articles.length} report(s) in ${story.languages.join(", ") || "unknown languages"} · ${story.start ?? "undated"}${story.end && story.end !== story.start ? ` – ${story.end}` : ""}`),
    h("table", { class: "reports" },
      h("thead", {}, h("tr", {}, h("th", {}, "Date"), h("th", {}, "Lang"), h("th", {}, "Outlet"), h("th", {}, "Report"))),
      h("tbody", {}, ...articles.map((a) =>
        h("tr", {},
          h("td", {}, a.published?.slice(0, 10) ?? "—"),
          h("td", {}, a.language ?? "—"),
          h("td", {}, a.publisher ?? (a.url ? new URL(a.url).hostname : a.source)),
          h("td", {}, h("a", { href: route.article(a.id), lang: a.language }, a.title ?? a.source)))))),
    h("h2", {}, "Shared entities"),
    sharedEntities.length
      ? h("ul", { class: "chips" }, ...sharedEntities.map((e) => h("li", {}, h("a", { href: route.entity(e.name), class: `entity ${e.type}` }, e.name), h("span", { class: "meta" }, ` ${e.articles}/${articles.length}`))))
      : h("p", { class: "empty" }, "No entity is named by two of these reports."),
  ];
}
