/** The page: hash routes to views; the overview (map, timeline) is drawn once beside them. */
import { PLOVER_TYPES } from "./api.ts";
import { h, replace, route } from "./dom.ts";
import { articleView } from "./views/article.ts";
import { entityView, eventsView, homeView, paintBadges, searchView } from "./views/lists.ts";
import { drawMap, drawTimeline } from "./views/overview.ts";
import { storyView } from "./views/story.ts";

const main = document.getElementById("main")!;
const form = document.getElementById("search") as HTMLFormElement;

function viewFor(hash: string): Promise<Array<Node | null>> {
  const [path = "", query = ""] = hash.replace(/^#\/?/, "").split("?");
  const [kind, ...rest] = path.split("/");
  const arg = decodeURIComponent(rest.join("/"));
  switch (kind) {
    case "search": return searchView(new URLSearchParams(query));
    case "events": return eventsView(new URLSearchParams(query));
    case "story": return storyView(arg);
    case "article": return articleView(arg);
    case "entity": return entityView(arg);
    default: return homeView();
  }
}

async function render(): Promise<void> {
  main.setAttribute("aria-busy", "true");
  try {
    replace(main, ...(await viewFor(location.hash)));
    paintBadges(main);
  } catch (error) {
    replace(main, h("h1", {}, "Not available"), h("p", { class: "error" }, error instanceof Error ? error.message : String(error)));
  }
  main.removeAttribute("aria-busy");
  if (location.hash && location.hash !== "#/") main.focus({ preventScroll: false });
}

const typeSelect = form.elements.namedItem("type") as HTMLSelectElement;
for (const type of PLOVER_TYPES) typeSelect.append(h("option", { value: type }, type));

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const params: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) if (typeof value === "string" && value.trim()) params[key] = value.trim();
  location.hash = route.search(params);
});

window.addEventListener("hashchange", () => void render());
void render();
void drawMap(document.getElementById("map")!).catch((e) => replace(document.getElementById("map")!, h("p", { class: "error" }, String(e))));
void drawTimeline(document.getElementById("timeline")!).catch((e) => replace(document.getElementById("timeline")!, h("p", { class: "error" }, String(e))));
