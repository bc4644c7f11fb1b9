/**
 * One article: its clean text with entities, quotes, figures and event triggers highlighted. Spans are cut
 * into segments at every boundary and each segment is a text node inside elements built here, so scraped
 * text is never parsed as HTML.
 */
import { api } from "../api.ts";
import { h, route } from "../dom.ts";
import type { UnderstoodArticle } from "../../src/schema.ts";

interface Mark {
  start: number;
  end: number;
  kind: "entity" | "quote" | "figure" | "event";
  /** Entity type, figure kind or event type. */
  label: string;
  /** For entities: the entity page. */
  href?: string;
  title: string;
}

function marksOf(article: UnderstoodArticle): Mark[] {
  const marks: Mark[] = [];
  for (const m of article.mentions ?? []) {
    const entity = article.entities[m.entity];
    const name = entity?.name ?? m.text;
    marks.push({ start: m.start, end: m.end, kind: "entity", label: m.type, href: route.entity(name), title: `${m.type}: ${name}${entity?.place ? ` (${entity.place.name}, ${entity.place.countryCode ?? ""})` : ""}` });
  }
  for (const q of article.quotes ?? []) marks.push({ start: q.start, end: q.end, kind: "quote", label: q.style, title: `Quote${q.speaker ? ` by ${q.speaker.text}` : ""}` });
  for (const f of article.figures ?? []) marks.push({ start: f.start, end: f.end, kind: "figure", label: f.kind, title: `${f.kind}: ${f.value}${f.unit ? ` ${f.unit}` : ""}${f.counted ? ` (${f.counted.text})` : ""}` });
  for (const e of article.events ?? []) marks.push({ start: e.trigger.start, end: e.trigger.end, kind: "event", label: e.eventType, title: `${e.eventType}${e.mode ? `/${e.mode}` : ""}${e.date ? ` on ${e.date}` : ""}` });
  return marks.filter((m) => m.end > m.start);
}

/** The text from start to end as nodes: each stretch wrapped by the marks covering it (outermost first). */
function highlighted(text: string, offset: number, marks: Mark[]): Node[] {
  const end = offset + text.length;
  const inside = marks.filter((m) => m.start < end && m.end > offset);
  const cuts = new Set([offset, end]);
  for (const m of inside) {
    cuts.add(Math.max(offset, m.start));
    cuts.add(Math.min(end, m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const nodes: Node[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    let node: Node = document.createTextNode(text.slice(a - offset, b - offset));
    const covering = inside.filter((m) => m.start <= a && m.end >= b).sort((x, y) => (y.end - y.start) - (x.end - x.start));
    for (const m of covering.reverse()) {
      const attrs = { class: `hl ${m.kind} ${m.label}`, title: m.title };
      node = m.href ? h("a", { ...attrs, href: m.href }, node) : h("span", attrs, node) /* not <q>: the text keeps its own quote marks */;
    }
    nodes.push(node);
  }
  return nodes;
}

export async function articleView(id: string): Promise<Array<Node | null>> {
  const stored = await api.article(id);
  const article = stored.article as UnderstoodArticle;
  const marks = "entities" in article ? marksOf(article) : [];
  const paragraphs: Node[] = [];
  let offset = 0;
  for (const paragraph of article.text.split("\n\n")) {
    paragraphs.push(h("p", {}, ...highlighted(paragraph, offset, marks)));
    offset += paragraph.length + 2;
  }
  const entities = (article.entities ?? []).slice().sort((a, b) => b.mentions - a.mentions);
  return [
    h("h1", { lang: article.language }, article.title ?? article.source),
    h("p", { class: "meta" }, [article.publisher, article.authors.join(", "), article.published, article.language].filter(Boolean).join(" · "),
      article.url ? h("span", {}, " · ", h("a", { href: article.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original")) : null),
    stored.stories.length ? h("p", {}, "Story: ", ...stored.stories.map((s) => h("a", { href: route.story(s) }, "all reports of this story"))) : null,
    h("p", { class: "legend" }, h("span", { class: "hl entity PER" }, "person"), " ", h("span", { class: "hl entity ORG" }, "organisation"), " ",
      h("span", { class: "hl entity LOC" }, "place"), " ", h("span", { class: "hl quote" }, "“quote”"), " ", h("span", { class: "hl figure" }, "figure"), " ", h("span", { class: "hl event" }, "event")),
    h("article", { class: "text", lang: article.language }, ...paragraphs),
    entities.length ? h("h2", {}, "Entities") : null,
    entities.length ? h("ul", { class: "chips" }, ...entities.map((e) => h("li", {}, h("a", { href: route.entity(e.name), class: `entity ${e.type}` }, e.name), h("span", { class: "meta" }, ` ${e.type} ×${e.mentions}${e.place ? ` · ${e.place.lat.toFixed(2)}, ${e.place.lon.toFixed(2)}` : ""}`)))) : null,
    article.quotes?.length ? h("h2", {}, "Quotes") : null,
    article.quotes?.length ? h("ul", {}, ...article.quotes.map((q) => h("li", {}, h("q", {}, q.text), q.speaker ? ` — ${q.speaker.text}` : ""))) : null,
    article.figures?.length ? h("h2", {}, "Figures") : null,
    article.figures?.length ? h("ul", { class: "chips" }, ...article.figures.map((f) => h("li", {}, h("span", { class: "hl figure" }, f.text), f.counted ? ` (${f.counted.text})` : ""))) : null,
    article.events?.length ? h("h2", {}, "Events") : null,
    article.events?.length ? h("ul", { class: "events" }, ...article.events.map((e) => h("li", {}, h("span", { class: "badge", "data-type": e.eventType }, e.eventType), " ", e.sentence.text))) : null,
  ];
}
