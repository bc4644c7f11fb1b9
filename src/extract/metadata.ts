/**
 * Page metadata other than dates: canonical URL, title, publisher, authors, declared language.
 * Sources in order of trust: JSON-LD, OpenGraph/Twitter/Dublin Core meta, then the DOM.
 */
import { getElementsByTagName, textContent, findAll } from "domutils";
import type { Document, Element } from "./dom.ts";
import { articleNode, jsonLdNames, jsonLdText, readJsonLd } from "./jsonld.ts";

export interface PageMetadata {
  title?: string;
  publisher?: string;
  authors: string[];
  url?: string;
  /** Declared language (html lang, meta, og:locale, JSON-LD), as ISO 639-1. */
  language?: string;
}

/** Meta keys per field, most trusted first (name= and property= share one namespace here). */
const META_KEYS = {
  title: ["og:title", "twitter:title", "dc.title", "sailthru.title", "parsely-title", "title"],
  publisher: ["og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site", "al:android:app_name"],
  authors: ["author", "article:author", "dc.creator", "sailthru.author", "parsely-author", "byl", "citation_author"],
  url: ["og:url", "twitter:url", "parsely-link"],
  language: ["content-language", "dc.language", "language", "og:locale"],
} as const;

/** Separators between a headline and the site name in <title>: "Headline | Site", "Headline - Site". */
const TITLE_SITE_SEPARATOR_ALL = /\s+[|\-–—·•:»]\s+/g;

export function extractMetadata(doc: Document, opts: { url?: string } = {}): PageMetadata {
  const meta = readMetaTags(doc);
  const ld = articleNode(readJsonLd(doc));
  const pick = (keys: readonly string[]) => keys.map((k) => meta.get(k)).find((v) => v);

  const url = absoluteUrl(canonicalLink(doc) ?? pick(META_KEYS.url) ?? jsonLdText(ld?.url), opts.url) ?? opts.url;
  const publisher = cleanPublisher(jsonLdText(ld?.publisher) ?? pick(META_KEYS.publisher)) ?? hostName(url);
  const title = chooseTitle(doc, jsonLdText(ld?.headline) ?? pick(META_KEYS.title), publisher);
  const authors = uniqueAuthors([
    ...jsonLdNames(ld?.author),
    ...META_KEYS.authors.flatMap((k) => meta.getAll(k)),
    ...relAuthorLinks(doc),
  ]);
  const language = normaliseLanguage(htmlLang(doc) ?? pick(META_KEYS.language) ?? jsonLdText(ld?.inLanguage));
  return { title, publisher, authors, url, language };
}

class MetaTags {
  private readonly values = new Map<string, string[]>();
  add(key: string, value: string): void {
    const list = this.values.get(key) ?? [];
    list.push(value);
    this.values.set(key, list);
  }
  get(key: string): string | undefined {
    return this.values.get(key)?.[0];
  }
  getAll(key: string): string[] {
    return this.values.get(key) ?? [];
  }
}

function readMetaTags(doc: Document): MetaTags {
  const tags = new MetaTags();
  for (const el of getElementsByTagName("meta", doc, true)) {
    const key = (el.attribs.property ?? el.attribs.name ?? el.attribs.itemprop ?? el.attribs["http-equiv"] ?? "")
      .trim()
      .toLowerCase();
    const value = collapse(el.attribs.content ?? "");
    if (key && value) tags.add(key, value);
  }
  return tags;
}

function canonicalLink(doc: Document): string | undefined {
  const link = findAll(
    (el) => el.name === "link" && /(^|\s)canonical(\s|$)/i.test(el.attribs.rel ?? ""),
    doc.children,
  )[0];
  return link?.attribs.href?.trim() || undefined;
}

function relAuthorLinks(doc: Document): string[] {
  return findAll((el) => el.name === "a" && /(^|\s)author(\s|$)/i.test(el.attribs.rel ?? ""), doc.children)
    .map((el) => collapse(textContent(el)))
    .filter((name) => name.length > 1 && name.length < 80);
}

function htmlLang(doc: Document): string | undefined {
  const html = getElementsByTagName("html", doc, true, 1)[0] as Element | undefined;
  return html?.attribs.lang ?? html?.attribs["xml:lang"];
}

/**
 * The headline: the meta/JSON-LD title when present, else <title> with the site name cut off,
 * else the first <h1>. A meta title that repeats the site name is trimmed the same way.
 */
function chooseTitle(doc: Document, declared: string | undefined, publisher: string | undefined): string | undefined {
  const titleTag = getElementsByTagName("title", doc, true, 1)[0];
  const h1 = getElementsByTagName("h1", doc, true, 1)[0];
  const candidates = [declared, titleTag && textContent(titleTag), h1 && textContent(h1)];
  for (const candidate of candidates) {
    const title = candidate && stripSiteName(collapse(candidate), publisher);
    if (title) return title;
  }
  return undefined;
}

/** A run of characters that are neither letter nor digit (global: used by replace only). */
const NON_ALPHANUMERIC_RUN = /[^\p{L}\p{N}]+/gu;

function stripSiteName(title: string, publisher: string | undefined): string {
  const separators = [...title.matchAll(TITLE_SITE_SEPARATOR_ALL)];
  if (separators.length === 0 || !publisher) return title;
  const norm = (s: string) => s.toLowerCase().replace(NON_ALPHANUMERIC_RUN, "");
  const site = norm(publisher);
  const isSite = (part: string) => site !== "" && norm(part) !== "" && (norm(part).includes(site) || site.includes(norm(part)));
  // Cut a trailing or leading segment only when it is the site's own name.
  const last = separators[separators.length - 1]!;
  if (isSite(title.slice(last.index + last[0].length))) return title.slice(0, last.index).trim();
  const first = separators[0]!;
  if (isSite(title.slice(0, first.index))) return title.slice(first.index + first[0].length).trim();
  return title;
}

function cleanPublisher(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const name = collapse(value).replace(/^@/, "");
  return name.length > 0 && name.length < 120 ? name : undefined;
}

function hostName(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, "") || undefined;
  } catch {
    return undefined;
  }
}

function absoluteUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base).toString();
  } catch {
    return undefined;
  }
}

/** Bylines carry roles beside names ("Tom Krisher, AP Auto Writer"): a part naming a role is not an author. */
const AUTHOR_ROLE =
  /\b(?:writer|correspondent|reporter|editor|staff|contributor|columnist|journalist|redakteur|redaktion|korrespondent|rédact(?:eur|rice)|rédaction|envoyée? spécial|correspons?al|redactor|redacción|redazione|corrispondente|корреспондент|редакция)\b/iu;

const TWO_CAPITALS = /\p{Lu}{2}/u;
/** A word's first letter and what precedes it (global: used by replace only). */
const WORD_INITIAL_LETTER = /(^|[\s'’-])(\p{L})/gu;

/** An all-capitals name ("TOM KRISHER") in the case people write it. */
function readableName(name: string): string {
  if (name !== name.toUpperCase() || !TWO_CAPITALS.test(name)) return name;
  return name.toLowerCase().replace(WORD_INITIAL_LETTER, (_, lead: string, letter: string) => lead + letter.toUpperCase());
}

/** Author values that are profile URLs, or the publisher's own name repeated, are not authors. */
function uniqueAuthors(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    for (const part of value.split(/\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|&)\s*/)) {
      const name = readableName(collapse(part).replace(/^(by|von|par|por|di|door)\s+/i, ""));
      if (name.length < 2 || name.length > 80 || /^https?:|\/\/|@|\.(com|org|net)\b/i.test(name)) continue;
      if (AUTHOR_ROLE.test(name)) continue;
      const key = name.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        out.push(name);
      }
    }
  }
  return out;
}

/** "en-GB", "en_US", "fr" -> "en", "fr"; anything else -> undefined. */
export function normaliseLanguage(value: string | undefined): string | undefined {
  const code = value?.trim().toLowerCase().split(/[-_,;\s]/)[0];
  return code && /^[a-z]{2,3}$/.test(code) ? code : undefined;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
