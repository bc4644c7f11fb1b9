/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds from files: one unit per item with its title, link, date,
 * author and content (or description). An item holding only a summary gets its linked page fetched
 * (politely, fetch.ts) when a fetcher is given; if that fails, the summary stands.
 */
import { parseDocument } from "htmlparser2";
import { findAll, findOne, getAttributeValue, textContent } from "domutils";
import type { Element } from "domhandler";
import { renderPageText } from "./pagetext.ts";
import { contentKey, type ArticleFields, type IngestUnit } from "./units.ts";
import type { Fetcher } from "./fetch.ts";

/** The first KB of a feed names its root element. */
const FEED_ROOT = /<(?:rss|feed|rdf:RDF)[\s>]/i;
/** Item fields in order of preference (namespaced names as written). */
const ITEM_FIELDS = {
  title: ["title"],
  date: ["pubDate", "published", "dc:date", "updated", "a10:updated"],
  content: ["content:encoded", "content", "description", "summary"],
  author: ["dc:creator", "author"],
} as const;
/** Elements that carry a full article (the rest of ITEM_FIELDS.content are summaries). */
const FULL_CONTENT = ["content:encoded", "content"] as const;
/** A summary longer than this is taken as the article itself. */
const SUMMARY_MAX_CHARS = 1000;

export function isFeedPath(path: string): boolean {
  return /\.(?:rss|atom|rdf)$/i.test(path);
}

export function looksLikeFeed(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("utf8");
  return FEED_ROOT.test(head) && !/<html[\s>]/i.test(head);
}

export function* feedUnits(source: string, bytes: Uint8Array): Generator<IngestUnit> {
  for (const { unit } of feedItems(source, bytes)) yield unit;
}

/** Feed items, with the pages of summary-only items fetched; a page that cannot be had leaves the summary. */
export async function* feedUnitsFetching(source: string, bytes: Uint8Array, fetcher: Fetcher): AsyncGenerator<IngestUnit> {
  for (const { unit, summaryOnly } of feedItems(source, bytes)) {
    const link = unit.problem === undefined ? unit.fields?.url : undefined;
    if (!summaryOnly || !link || unit.problem !== undefined) {
      yield unit;
      continue;
    }
    const page = await fetcher.fetchPage(link);
    if (!page.ok) {
      yield unit;
      continue;
    }
    const fields: ArticleFields = { ...unit.fields, url: page.raw.url ?? link, text: undefined };
    yield { source: unit.source, origin: source, key: contentKey(page.raw.bytes), raw: { ...page.raw, source: unit.source }, fields };
  }
}

function* feedItems(source: string, bytes: Uint8Array): Generator<{ unit: IngestUnit; summaryOnly: boolean }> {
  const doc = parseDocument(Buffer.from(bytes).toString("utf8"), { xmlMode: true, recognizeCDATA: true, decodeEntities: true });
  const items = findAll((el) => el.name === "item" || el.name === "entry", doc.children);
  if (items.length === 0) {
    yield { unit: { source, origin: source, problem: "feed has no items" }, summaryOnly: false };
    return;
  }
  const channel = findOne((el) => el.name === "channel" || el.name === "feed", doc.children);
  const publisher = channel ? childText(channel, ["title"]) : undefined;
  const language = channel ? childText(channel, ["language"]) ?? getAttributeValue(channel, "xml:lang") : undefined;
  for (const [i, item] of items.entries()) {
    const fields: ArticleFields = {
      title: childText(item, ITEM_FIELDS.title),
      url: itemLink(item),
      published: childText(item, ITEM_FIELDS.date),
      authors: authorOf(item),
      publisher,
      language: language?.slice(0, 2).toLowerCase(),
      text: htmlToText(childText(item, ITEM_FIELDS.content) ?? ""),
    };
    const itemSource = `${source}#${i + 1}`;
    if (!fields.text && !fields.title) {
      yield { unit: { source: itemSource, origin: source, problem: "feed item has neither title nor content" }, summaryOnly: false };
      continue;
    }
    const summaryOnly = !childText(item, FULL_CONTENT) && (fields.text ?? "").length < SUMMARY_MAX_CHARS;
    yield { unit: { source: itemSource, origin: source, key: contentKey(JSON.stringify(fields)), fields }, summaryOnly };
  }
}

function directChildren(el: Element, name: string): Element[] {
  return el.children.filter((c): c is Element => c.type === "tag" && (c as Element).name === name);
}

function childText(el: Element, names: readonly string[]): string | undefined {
  for (const name of names) {
    for (const child of directChildren(el, name)) {
      const text = textContent(child).trim();
      if (text) return text;
    }
  }
  return undefined;
}

function itemLink(item: Element): string | undefined {
  const links = directChildren(item, "link");
  // Atom: <link rel="alternate" href="…"/> (rel defaults to alternate); RSS: <link>…</link>.
  const atom = links.find((l) => l.attribs.href && (l.attribs.rel ?? "alternate") === "alternate");
  if (atom) return atom.attribs.href;
  const rss = links.map((l) => textContent(l).trim()).find(Boolean);
  return rss ?? childText(item, ["guid"])?.match(/^https?:\/\/\S+$/)?.[0];
}

function authorOf(item: Element): string[] {
  const author = directChildren(item, "author")[0];
  const name = author && directChildren(author, "name")[0];
  const value = name ? textContent(name).trim() : childText(item, ITEM_FIELDS.author);
  return value ? [value] : [];
}

/** Feed content is HTML (escaped or CDATA): its visible text, one paragraph a block. */
function htmlToText(content: string): string {
  if (!/<[a-z][^>]*>/i.test(content)) return content.trim();
  return renderPageText(content).split("\n").join("\n\n");
}
