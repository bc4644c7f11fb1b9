/**
 * Main-content extraction: from a parsed page, the article body as text blocks (paragraphs, list
 * items, table rows, sub-headings) separated by a blank line, without navigation, banners, share
 * bars, comments, related lists, footers or ads.
 *
 * Steps: (1) per-element statistics in linear passes (content/tree.ts); (2) the container that
 * maximises body-like text minus a penalty for other text, with a vote for elements that declare
 * themselves the body; (3) its blocks, furniture skipped (content/blocks.ts); (4) a fallback
 * with class-word rules relaxed when the strict path yields too little.
 */
import type { Document, Element } from "./dom.ts";
import { isTag } from "domhandler";
import { containerBlocks, firstHeading, textOf } from "./content/blocks.ts";
import { PARAGRAPH_TAGS, THRESHOLDS } from "./content/patterns.ts";
import { analyseTree, walk, declaresBody, declaresBodyByItemprop, type NodeStats, type NoiseLevel, type TreeAnalysis } from "./content/tree.ts";

export interface ContentResult {
  /** The article body: paragraphs (and list items, table rows, sub-headings) separated by a blank line. */
  text: string;
  /** The headline as the body's own markup gives it (h1), when found. */
  title?: string;
  warnings: string[];
}

/** Votes in container choice: a declared body (itemprop, body class) counts this many times. */
const DECLARED_BODY_BONUS = 1.5;

function linkDensity(s: NodeStats): number {
  return s.chars === 0 ? 0 : s.linkChars / s.chars;
}

function containerScore(el: Element, analysis: TreeAnalysis): number {
  const s = analysis.stats.get(el);
  if (!s || s.local === 0) return 0;
  const score = s.local * (1 - linkDensity(s));
  return declaresBody(el) ? score * DECLARED_BODY_BONUS : score;
}

/** The element holding the most body text close to it (readability's insight: a body is a parent of paragraphs). */
export function chooseContainer(analysis: TreeAnalysis): { el: Element; score: number } | undefined {
  let best: Element | undefined;
  let bestScore = 0;
  for (const el of analysis.stats.keys()) {
    if (analysis.noise.has(el) || PARAGRAPH_TAGS.has(el.name)) continue;
    const score = containerScore(el, analysis);
    // >= so that, among equal scores, the deeper element (visited later) wins: less furniture around it.
    if (score >= bestScore && score > 0) {
      best = el;
      bestScore = score;
    }
  }
  return best && { el: best, score: bestScore };
}

/**
 * The declared body (itemprop articleBody, else a body class) around the chosen container: it
 * also holds the tables, lists and later parts the container misses. Microdata wins over class
 * words, which CMSs also put on inner fragments of the body.
 */
function declaredAround(el: Element, analysis: TreeAnalysis): Element | undefined {
  let byClass: Element | undefined;
  for (let p: Element | null = el; p && isTag(p); p = p.parent as Element | null) {
    if (!analysis.guarded.has(p) || analysis.noise.has(p)) continue;
    if (declaresBodyByItemprop(p)) return p;
    if (!byClass && declaresBody(p)) byClass = p;
  }
  return byClass;
}

/**
 * The container and the siblings that continue it: bodies split into several wrappers (between
 * ads) keep every part, and the tables, lists and headings sandwiched between parts.
 */
function expandToSiblings(chosen: Element, bestScore: number, analysis: TreeAnalysis): Element[] {
  const t = THRESHOLDS;
  const best = outermostWrapper(chosen, analysis);
  const parent = best.parent;
  if (!parent || !isTag(parent)) return [best];
  const siblings = parent.children.filter((c): c is Element => isTag(c) && !analysis.removed.has(c) && !analysis.noise.has(c));
  const keep = siblings.map((s) => {
    if (s === best) return true;
    const st = analysis.stats.get(s);
    if (!st) return false;
    const density = linkDensity(st);
    if (density > t.maxProseLinkDensity) return false;
    // A container-like sibling must compare with the best; a lone paragraph only needs to read as prose.
    return containerScore(s, analysis) >= bestScore * t.siblingScoreShare || (s.name === "p" && st.body >= t.siblingBodyChars);
  });
  const first = keep.indexOf(true);
  const last = keep.lastIndexOf(true);
  return siblings.filter((s, i) => {
    if (keep[i]) return true;
    if (i < first || i > last) return false;
    const st = analysis.stats.get(s);
    return st !== undefined && linkDensity(st) <= t.linkFarmDensity;
  });
}

/** Climb through wrappers that add (almost) no text of their own, so siblings of the wrapper are considered. */
function outermostWrapper(el: Element, analysis: TreeAnalysis): Element {
  const visible = (e: Element): number => {
    const s = analysis.stats.get(e);
    return s ? s.body + s.other : 0;
  };
  let unit = el;
  const own = visible(el);
  for (let p = el.parent; p && isTag(p) && p.name !== "body" && !analysis.noise.has(p); p = p.parent) {
    if (visible(p) > own * (1 + THRESHOLDS.wrapperExtraShare) + THRESHOLDS.wrapperExtraChars) break;
    unit = p;
  }
  return unit;
}

function isInside(el: Element, set: Set<Element>): boolean {
  for (let p: Element | null = el; p && isTag(p); p = p.parent as Element | null) if (set.has(p)) return true;
  return false;
}

/** The page's own titles (<title>, og:title), lowercased, to recognise the headline inside the body. */
function pageTitles(doc: Document): string {
  const titles: string[] = [];
  walk(doc, {
    enter(el) {
      if (el.name === "title") titles.push(textOf(el));
      else if (el.name === "meta" && /^(?:og|twitter):title$/i.test(el.attribs.property ?? el.attribs.name ?? "")) {
        titles.push(el.attribs.content ?? "");
      }
      return el.name !== "body";
    },
  });
  return titles.join(" \n ").replace(/\s+/g, " ").toLowerCase();
}

function extractAt(doc: Document, level: NoiseLevel): { blocks: string[]; analysis: TreeAnalysis } {
  const analysis = analyseTree(doc, level);
  const best = chooseContainer(analysis);
  if (!best || isInside(best.el, analysis.noise)) return { blocks: [], analysis };
  const declared = declaredAround(best.el, analysis);
  const parts = declared ? [declared] : expandToSiblings(best.el, best.score, analysis);
  const titles = pageTitles(doc);
  return { blocks: parts.flatMap((el) => containerBlocks(el, analysis, titles)), analysis };
}

const totalLength = (blocks: string[]): number => blocks.reduce((n, b) => n + b.length, 0);

/**
 * The robust last resort (trafilatura keeps one too): every prose-like block of the page outside
 * navigation-type furniture, in order, when no container held enough text.
 */
function baselineBlocks(doc: Document, analysis: TreeAnalysis): string[] {
  const body = findBody(doc);
  if (!body) return [];
  return containerBlocks(body, analysis, pageTitles(doc)).filter((b) => b.length >= THRESHOLDS.proseBlockChars);
}

function findBody(doc: Document): Element | undefined {
  let body: Element | undefined;
  walk(doc, {
    enter(el) {
      if (el.name === "body") body = el;
      return body === undefined;
    },
  });
  return body;
}

export function extractContent(doc: Document, _opts: { url?: string } = {}): ContentResult {
  const warnings: string[] = [];
  let result = extractAt(doc, "strict");
  if (totalLength(result.blocks) < THRESHOLDS.minBodyChars) {
    const relaxed = extractAt(doc, "lenient");
    if (totalLength(relaxed.blocks) > totalLength(result.blocks)) {
      result = relaxed;
      warnings.push("content: body found only with furniture rules relaxed");
    }
  }
  if (totalLength(result.blocks) < THRESHOLDS.minBodyChars) {
    const baseline = baselineBlocks(doc, result.analysis);
    if (totalLength(baseline) > THRESHOLDS.baselineGain * totalLength(result.blocks)) {
      result = { blocks: baseline, analysis: result.analysis };
      warnings.push("content: no body container found, kept every prose block of the page");
    }
  }
  if (result.blocks.length === 0) warnings.push("content: no article body found");
  const title = firstHeading(doc, result.analysis);
  return { text: result.blocks.join("\n\n"), title, warnings };
}
