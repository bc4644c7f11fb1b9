/**
 * Date evidence of an HTML page, gathered in one walk over the tree: meta tags, JSON-LD,
 * <time>/<abbr>/itemprop elements, the URL, date-labelled elements and the visible text.
 * Each piece of evidence keeps its source so the chooser (dates.ts) can rank them.
 */
import type { AnyNode, Document, Element } from "domhandler";
import { getAttributeValue, textContent } from "domutils";
import {
  DATE_ELEMENT_HINT, FOREIGN_CONTAINER, HEADLINE_WINDOW_CHARS, INVISIBLE_TAGS, JSONLD_ARTICLE_TYPE,
  JSONLD_MODIFIED, JSONLD_PUBLISHED, MAX_DATE_ELEMENTS, META_MODIFIED, META_PUBLISHED, META_PUBLISHED_WEAK, MODIFIED_HINT, PAGE_WRAPPERS, FOREIGN_TAGS, WRAPPER_SHARE, PUBLISHED_CUE,
} from "./patterns.ts";
import { parseJsonLd } from "../jsonld.ts";
import { normalizeDigits, parseMachineDate, scanDates, isValidDay, type DateMatch, type DateParts } from "./parse.ts";

export type DateSource =
  | "jsonld" | "meta" | "meta-weak" | "itemprop" | "time-pubdate" | "url" | "time" | "element" | "byline" | "text" | "text-foreign";

export interface DateEvidence extends DateParts {
  source: DateSource;
  role: "published" | "modified";
  /** For meta: index in the trust list (lower = better). */
  rank: number;
  /** The meta name or JSON-LD key the date came from (for diagnostics). */
  key?: string;
}

const BLOCK_TAGS = new Set([
  "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "section",
  "article", "header", "footer", "aside", "nav", "main", "blockquote", "figure", "figcaption", "dd", "dt", "time", "span",
]);

interface Range {
  start: number;
  end: number;
  modified: boolean;
}

interface Walk {
  chunks: string[];
  length: number;
  metas: Element[];
  jsonld: string[];
  times: { el: Element; start: number }[];
  itemprops: Element[];
  abbrs: Element[];
  hinted: Range[];
  foreign: Range[];
  headline?: number;
  lang?: string;
}

function classAndId(el: Element): string {
  const a = el.attribs;
  return `${a.class ?? ""} ${a.id ?? ""} ${a.itemprop ?? ""}`;
}

function walk(doc: Document): Walk {
  const w: Walk = { chunks: [], length: 0, metas: [], jsonld: [], times: [], itemprops: [], abbrs: [], hinted: [], foreign: [] };
  const visit = (node: AnyNode): void => {
    if (node.type === "text") {
      const data = (node as unknown as { data: string }).data;
      w.chunks.push(data);
      w.length += data.length;
      return;
    }
    if (node.type !== "tag" && node.type !== "script" && node.type !== "style" && node.type !== "root") return;
    const el = node as Element;
    const name = el.name;
    if (node.type === "root") {
      for (const child of (node as unknown as Document).children) visit(child);
      return;
    }
    if (name === "meta") {
      w.metas.push(el);
      return;
    }
    // RDFa and microdata put meta-like content="" on any element (<span property="dc:date" content=...>).
    if (el.attribs.content !== undefined && (el.attribs.property || el.attribs.itemprop)) w.metas.push(el);
    if (name === "html" && el.attribs.lang) w.lang = el.attribs.lang;
    if (name === "script") {
      if ((el.attribs.type ?? "").toLowerCase().includes("ld+json")) {
        w.jsonld.push(el.children.map((c) => (c as unknown as { data?: string }).data ?? "").join(""));
      }
      return;
    }
    if (INVISIBLE_TAGS.has(name) && name !== "head") return;
    const start = w.length;
    const marks = classAndId(el);
    const isForeign = FOREIGN_TAGS.has(name) || (marks.length > 2 && !PAGE_WRAPPERS.has(name) && FOREIGN_CONTAINER.test(marks));
    if (name === "time") w.times.push({ el, start });
    else if (name === "abbr") w.abbrs.push(el);
    if (el.attribs.content === undefined && el.attribs.itemprop && /date(published|created|modified)/i.test(el.attribs.itemprop)) {
      w.itemprops.push(el);
    }
    if (name === "h1" && w.headline === undefined) w.headline = start;
    for (const child of el.children) visit(child);
    if (BLOCK_TAGS.has(name)) {
      w.chunks.push("\n");
      w.length += 1;
    }
    const end = w.length;
    if (isForeign) w.foreign.push({ start, end, modified: false });
    else if (marks.length > 2 && end > start && DATE_ELEMENT_HINT.test(marks) && w.hinted.length < MAX_DATE_ELEMENTS * 4) {
      w.hinted.push({ start, end, modified: MODIFIED_HINT.test(marks) });
    }
  };
  visit(doc);
  // A "sidebar" or "teaser" class on a wrapper of the whole article is layout, not a foreign block.
  w.foreign = w.foreign.filter(
    (r) => !(w.headline !== undefined && r.start <= w.headline && w.headline < r.end) && r.end - r.start < WRAPPER_SHARE * w.length,
  );
  return w;
}

/** The first of the element's names (RDFa allows several: property="dc:date dc:created") that we know. */
function metaKey(el: Element): string | undefined {
  const a = el.attribs;
  const names = (a.property ?? a.name ?? a.itemprop ?? a["http-equiv"])?.toLowerCase().trim().split(/\s+/) ?? [];
  return names.find((n) => META_PUBLISHED.includes(n) || META_PUBLISHED_WEAK.includes(n) || META_MODIFIED.includes(n));
}

function fromMeta(metas: Element[], dayFirst: boolean, out: DateEvidence[]): void {
  for (const el of metas) {
    const key = metaKey(el);
    const value = el.attribs.content ?? el.attribs.datetime;
    if (!key || !value) continue;
    let source: DateSource = el.attribs.itemprop && !el.attribs.name && !el.attribs.property ? "itemprop" : "meta";
    let role: DateEvidence["role"] = "published";
    let rank = META_PUBLISHED.indexOf(key);
    if (rank < 0 && (rank = META_PUBLISHED_WEAK.indexOf(key)) >= 0) source = "meta-weak";
    if (rank < 0) {
      rank = META_MODIFIED.indexOf(key);
      role = "modified";
    }
    if (rank < 0) continue;
    const parts = parseMachineDate(value, dayFirst);
    if (parts) out.push({ ...parts, source, role, rank, key });
  }
}

function fromJsonLd(scripts: string[], dayFirst: boolean, out: DateEvidence[]): void {
  for (const raw of scripts) {
    for (const node of parseJsonLd(raw)) {
      const type = [node["@type"]].flat().join(" ");
      if (type && !JSONLD_ARTICLE_TYPE.test(type)) continue;
      for (const [keys, role] of [[JSONLD_PUBLISHED, "published"], [JSONLD_MODIFIED, "modified"]] as const) {
        keys.forEach((key, rank) => {
          const value = node[key];
          if (typeof value !== "string") return;
          const parts = parseMachineDate(value, dayFirst);
          if (parts) out.push({ ...parts, source: "jsonld", role, rank });
        });
      }
    }
  }
}

/** /2021/03/15/, /2021-03-15-, /20210315/ in the URL's path. */
const URL_DATE = [
  /(?<![\d])((?:19|20)\d{2})[/_-]([01]?\d)[/_-]([0-3]?\d)(?![\d])/,
  /(?<![\d])((?:19|20)\d{2})([01]\d)([0-3]\d)(?![\d])/,
];

export function urlDate(url: string): DateParts | undefined {
  let path = url;
  try {
    const u = new URL(url);
    path = u.pathname + u.search;
  } catch {
    /* keep the raw string */
  }
  for (const re of URL_DATE) {
    const m = re.exec(path);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (isValidDay(y, mo, d)) return { year: y, month: mo, day: d };
  }
  return undefined;
}

function firstMatchIn(matches: DateMatch[], start: number, end: number): DateMatch | undefined {
  // matches are sorted by index; a binary search keeps this cheap with many ranges.
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid]!.index < start) lo = mid + 1;
    else hi = mid;
  }
  const m = matches[lo];
  return m && m.index < end ? m : undefined;
}

function strip({ index: _i, end: _e, ...parts }: DateMatch): DateParts {
  return parts;
}

/** US English writes m/d/y; everyone else d/m/y. */
export function dayFirstFor(lang: string | undefined, url: string | undefined): boolean {
  const l = (lang ?? "").toLowerCase();
  if (l === "en-us" || l === "en") return !/\.(uk|au|nz|ie|za|in)(?:[/:]|$)/.test(hostOf(url));
  return true;
}

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).hostname + "/" : "";
  } catch {
    return "";
  }
}

export interface PageEvidence {
  evidence: DateEvidence[];
}

/** All date evidence of the page, unranked. */
export function gatherDateEvidence(doc: Document, url: string | undefined): DateEvidence[] {
  const w = walk(doc);
  const dayFirst = dayFirstFor(w.lang, url);
  const out: DateEvidence[] = [];
  fromJsonLd(w.jsonld, dayFirst, out);
  fromMeta(w.metas, dayFirst, out);

  for (const el of w.itemprops) {
    const value = getAttributeValue(el, "datetime") ?? getAttributeValue(el, "title") ?? textContent(el).slice(0, 100);
    if (!value) continue;
    const parts = parseMachineDate(value, dayFirst);
    const role = /modified/i.test(el.attribs.itemprop!) ? "modified" : "published";
    if (parts) out.push({ ...parts, source: "itemprop", role, rank: 0 });
  }
  for (const el of w.abbrs) {
    const title = el.attribs.title;
    if (!title || !/publish|date|time/i.test(el.attribs.class ?? "")) continue;
    const parts = parseMachineDate(title, dayFirst);
    if (parts) out.push({ ...parts, source: "time-pubdate", role: "published", rank: 0 });
  }
  const inForeign = (at: number) => w.foreign.some((r) => at >= r.start && at < r.end);
  for (const { el, start } of w.times) {
    if (inForeign(start)) continue;
    const value = el.attribs.datetime;
    if (!value) continue;
    const parts = parseMachineDate(value, dayFirst);
    if (!parts) continue;
    const marks = `${classAndId(el)} ${(el.parent as Element | null)?.attribs?.class ?? ""}`;
    const pubdate = "pubdate" in el.attribs || /publish|entry-date|post-date|created/i.test(marks);
    const role = MODIFIED_HINT.test(marks) || /updated|modified/i.test(marks) ? "modified" : "published";
    out.push({ ...parts, source: pubdate ? "time-pubdate" : "time", role, rank: 0 });
  }
  const fromUrl = url ? urlDate(url) : undefined;
  if (fromUrl) out.push({ ...fromUrl, source: "url", role: "published", rank: 0 });

  // One scan of the visible text serves every text-based source.
  const text = normalizeDigits(w.chunks.join(""));
  const matches = scanDates(text, { dayFirst, withTime: true, limit: 400 });
  for (const range of w.hinted.slice(0, MAX_DATE_ELEMENTS)) {
    const m = firstMatchIn(matches, range.start, Math.min(range.end, range.start + 160));
    if (!m || inForeign(m.index)) continue;
    const before = text.slice(Math.max(range.start, m.index - 40), m.index);
    const modified = range.modified || MODIFIED_HINT.test(before);
    out.push({ ...strip(m), source: "element", role: modified ? "modified" : "published", rank: 0 });
  }
  const start = w.headline ?? 0;
  for (let i = firstIndexFrom(matches, Math.max(0, start - 300)); i < matches.length; i++) {
    const m = matches[i]!;
    if (m.index > start + HEADLINE_WINDOW_CHARS) break;
    if (inForeign(m.index)) continue;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const role = MODIFIED_HINT.test(before) ? "modified" : "published";
    out.push({ ...strip(m), source: "byline", role, rank: PUBLISHED_CUE.test(before) ? 0 : 1 });
  }
  for (const m of matches) out.push({ ...strip(m), source: inForeign(m.index) ? "text-foreign" : "text", role: "published", rank: 0 });
  return out;
}

function firstIndexFrom(matches: DateMatch[], at: number): number {
  let i = 0;
  while (i < matches.length && matches[i]!.index < at) i++;
  return i;
}
