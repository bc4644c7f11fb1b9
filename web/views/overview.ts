/** The overview beside every view: a world map of places and events (offline, from world-atlas) and a timeline. */
import { geoNaturalEarth1, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import countriesUrl from "world-atlas/countries-110m.json?url";
import { api, PLOVER_TYPES } from "../api.ts";
import { h, replace, route, svg } from "../dom.ts";

const MAP_SIZE = { width: 640, height: 330 };
const TIMELINE = { width: 640, height: 150, barGap: 2, axis: 18 };
/** One colour per PLOVER type, from cooperative (blue/green) to conflictual (orange/red). */
const TYPE_COLOURS: Record<string, string> = {
  AGREE: "#1f77b4", CONSULT: "#4e9bd1", SUPPORT: "#17becf", CONCEDE: "#7fc7c0", COOPERATE: "#2ca02c", AID: "#98df8a",
  RETREAT: "#bcbd22", REQUEST: "#dbdb8d", ACCUSE: "#ff9896", REJECT: "#e377c2", THREATEN: "#ff7f0e", PROTEST: "#ffbb78",
  SANCTION: "#9467bd", MOBILIZE: "#8c564b", COERCE: "#d62728", ASSAULT: "#7f0000",
};

export const colourOf = (type: string) => TYPE_COLOURS[type] ?? "#777";

export async function drawMap(container: HTMLElement): Promise<void> {
  const [atlas, { places }, events] = await Promise.all([
    fetch(countriesUrl).then((r) => r.json() as Promise<Topology<{ countries: GeometryCollection }>>),
    api.places(500),
    api.events({ format: "json", limit: 1000 }),
  ]);
  const countries = feature(atlas, atlas.objects.countries);
  const projection = geoNaturalEarth1().fitSize([MAP_SIZE.width, MAP_SIZE.height], countries);
  const path = geoPath(projection);
  const map = svg("svg", { viewBox: `0 0 ${MAP_SIZE.width} ${MAP_SIZE.height}`, role: "img", "aria-label": "World map of places and events" });
  map.append(svg("path", { d: path(countries) ?? "", class: "land" }));
  const maxArticles = Math.max(1, ...places.map((p) => p.articles));
  for (const place of places) {
    const xy = projection([place.lon, place.lat]);
    if (!xy) continue;
    const r = 2 + 6 * Math.sqrt(place.articles / maxArticles);
    map.append(
      svg("a", { href: route.entity(place.name), class: "place-marker", "aria-label": `${place.name}: ${place.articles} articles` },
        svg("circle", { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: r.toFixed(1) }),
        svg("title", {}, `${place.name} — ${place.articles} article(s), ${place.mentions} mention(s)`)),
    );
  }
  for (const row of events.events) {
    if (!row.place) continue;
    const xy = projection([row.place.lon, row.place.lat]);
    if (!xy) continue;
    map.append(
      svg("a", { href: route.article(row.articleId), class: "event-marker", "aria-label": `${row.event.eventType} in ${row.place.name}` },
        svg("rect", { x: (xy[0] - 3).toFixed(1), y: (xy[1] - 3).toFixed(1), width: 6, height: 6, fill: colourOf(row.event.eventType), transform: `rotate(45 ${xy[0].toFixed(1)} ${xy[1].toFixed(1)})` }),
        svg("title", {}, `${row.event.eventType} · ${row.place.name} · ${row.event.date ?? "undated"}: ${row.event.sentence.text}`)),
    );
  }
  replace(container, map, h("p", { class: "legend" }, h("span", { class: "dot place" }), " place (size: articles) ", h("span", { class: "dot event" }), " event (colour: type)"));
}

export async function drawTimeline(container: HTMLElement): Promise<void> {
  const { days } = await api.timeline();
  if (days.length === 0) return replace(container, h("p", { class: "empty" }, "No dated events."));
  const byDay = new Map<string, Map<string, number>>();
  for (const { day, type, count } of days) {
    if (!byDay.has(day)) byDay.set(day, new Map());
    byDay.get(day)!.set(type, count);
  }
  const dayList = [...byDay.keys()].sort();
  const maxTotal = Math.max(...[...byDay.values()].map((types) => [...types.values()].reduce((a, b) => a + b, 0)));
  const plotHeight = TIMELINE.height - TIMELINE.axis;
  const barWidth = Math.max(2, Math.min(40, TIMELINE.width / dayList.length - TIMELINE.barGap));
  const chart = svg("svg", { viewBox: `0 0 ${TIMELINE.width} ${TIMELINE.height}`, role: "img", "aria-label": "Events per day, stacked by type" });
  dayList.forEach((day, i) => {
    const x = i * (barWidth + TIMELINE.barGap);
    const group = svg("a", { href: route.events({ from: day, to: day }), class: "day", "aria-label": `${day}: events` });
    let y = plotHeight;
    for (const type of PLOVER_TYPES) {
      const count = byDay.get(day)!.get(type);
      if (!count) continue;
      const height = (count / maxTotal) * (plotHeight - 4);
      y -= height;
      group.append(svg("rect", { class: "bar", x: x.toFixed(1), y: y.toFixed(1), width: barWidth.toFixed(1), height: height.toFixed(1), fill: colourOf(type) }, svg("title", {}, `${day} · ${type}: ${count}`)));
    }
    chart.append(group);
    if (dayList.length <= 12 || i % Math.ceil(dayList.length / 12) === 0) {
      chart.append(svg("text", { x: x.toFixed(1), y: TIMELINE.height - 4, class: "tick" }, day));
    }
  });
  const present = PLOVER_TYPES.filter((type) => days.some((d) => d.type === type));
  replace(container, chart, h("p", { class: "legend" }, ...present.flatMap((type) => [h("span", { class: "swatch", "data-type": type, style: undefined }, type), " "])));
  container.querySelectorAll<HTMLElement>(".swatch").forEach((el) => (el.style.borderLeftColor = colourOf(el.dataset.type ?? "")));
}
