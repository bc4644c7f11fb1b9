/**
 * JSON-LD blocks of a page, flattened: every object of every <script type="application/ld+json">,
 * including the members of @graph and nested arrays. Broken JSON is skipped (pages often hold
 * templates or trailing commas); one bad block never hides the others.
 */
import { getElementsByTagName, textContent } from "domutils";
import type { Document } from "./dom.ts";

export type JsonLdNode = Record<string, unknown>;

export function readJsonLd(doc: Document): JsonLdNode[] {
  return getElementsByTagName("script", doc, true)
    .filter((script) => /ld\+json/i.test(script.attribs.type ?? ""))
    .flatMap((script) => parseJsonLd(textContent(script)));
}

/** The nodes of one JSON-LD block's text; [] when it cannot be read. */
export function parseJsonLd(raw: string): JsonLdNode[] {
  // Pages wrap blocks in HTML comments and leave raw control characters inside strings.
  const text = raw.trim().replace(/^<!--|-->$/g, "").replace(/[\u0000-\u001f]+/g, " ");
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    try {
      parsed = JSON.parse(text.replace(/,\s*([}\]])/g, "$1")); // the other common breakage: trailing commas
    } catch {
      return [];
    }
  }
  const nodes: JsonLdNode[] = [];
  collect(parsed, nodes, 0);
  return nodes;
}

/** Keys whose values are further nodes describing the same page. */
const NESTED_KEYS = ["@graph", "mainEntity", "mainEntityOfPage", "itemListElement"];
const MAX_DEPTH = 6;

function collect(value: unknown, out: JsonLdNode[], depth: number): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, out, depth + 1);
    return;
  }
  const node = value as JsonLdNode;
  out.push(node);
  for (const key of NESTED_KEYS) if (key in node) collect(node[key], out, depth + 1);
}

/** The @type of a node as a list of lower-case names. */
export function jsonLdTypes(node: JsonLdNode): string[] {
  const type = node["@type"];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === "string").map((t) => t.toLowerCase());
}

/** Types that describe an article rather than a page, site or breadcrumb. */
const ARTICLE_TYPE = /article|posting|report|blog|newsarticle|liveblog|creativework|webpage/;

/** The node that most likely describes the article itself. */
export function articleNode(nodes: JsonLdNode[]): JsonLdNode | undefined {
  const ranked = nodes
    .filter((n) => jsonLdTypes(n).some((t) => ARTICLE_TYPE.test(t)))
    .sort((a, b) => articleRank(b) - articleRank(a));
  return ranked[0];
}

function articleRank(node: JsonLdNode): number {
  const types = jsonLdTypes(node);
  let rank = 0;
  if (types.some((t) => /article|posting|report|blog/.test(t))) rank += 4;
  if (node.headline) rank += 2;
  if (node.datePublished) rank += 1;
  return rank;
}

/** A string value, or the `name` of an object value, or the first of a list of either. */
export function jsonLdText(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (Array.isArray(value)) return jsonLdText(value[0]);
  if (value && typeof value === "object") return jsonLdText((value as JsonLdNode).name);
  return undefined;
}

/** All names of a value that may be a string, an object with `name`, or a list of them. */
export function jsonLdNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(jsonLdNames);
  const text = jsonLdText(value);
  return text ? [text] : [];
}
