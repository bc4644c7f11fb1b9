/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds from files: one unit per item with its title, link, date,
 * author and content (or description). Fetching the linked pages is out of scope (offline).
 */
import { parseDocument } from "htmlparser2";
import { findAll, findOne, getAttributeValue, textContent } from "domutils";
import type { Element } from "domhandler";
import { renderPageText } from "./pagetext.ts";
import { contentKey, type ArticleFields, type IngestUnit } from "./units.ts";

/** The first KB of a feed names its root element. */
const FEED_ROOT = /<(?:rss|feed|rdf:RDF)[\s>]/i;
/** Item fields in order of preference (namespaced names as written). */
const ITEM_FIELDS = {
  title: ["title"],
  date: ["pubDate", "published", "dc:date", "updated", "a10:updated"],
  content: ["content:encoded", "content", "description", "summary"],
  author: ["dc:creator", "author"],
} as const;

export function isFeedPath(path: string): boolean {
  return /\.(?:rss|atom|rdf)$/i.test(path);
}

export function looksLikeFeed(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("utf8");
  return FEED_ROOT.test(head) && !/<html[\s>]/i.test(head);
}

export function* feedUnits(source: string, bytes: Uint8Array): Generator<IngestUnit> {
  const doc = parseDocument(Buffer.from(bytes).toString("utf8"), { xmlMode: true, recognizeCDATA: true, decodeEntities: true });
  const items = findAll((el) => el.name === "item" || el.name === "entry", doc.children);
  if (items.length === 0) {
    yield { source, origin: source, problem: "feed has no items" };
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
      yield { source: itemSource, origin: source, problem: "feed item has neither title nor content" };
      continue;
    }
    yield { source: itemSource, origin: source, key: contentKey(JSON.stringify(fields)), fields };
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
