/**
 * Per-element statistics for main-content extraction, each computed once per node in a few
 * linear passes (never a textContent call per candidate): visible characters, link characters,
 * characters in body-like blocks versus other blocks, and whether the element is page furniture.
 */
import { isTag, isText, type AnyNode, type Element, type ParentNode } from "domhandler";
import {
  BLOCK_TAGS, BODY_HINT, EMBED_HINT, BODY_ITEMPROPS, FURNITURE_ROLES, FURNITURE_TAGS, HARD_NOISE, HIDDEN_CLASSES, HIDDEN_STYLE,
  LIST_TAGS, PROTECTED_TAGS, SENTENCE_END, SKIPPED_TAGS, SOFT_FURNITURE_TAGS, SOFT_NOISE, THRESHOLDS,
} from "./patterns.ts";

export interface NodeStats {
  /** Visible characters (whitespace runs counted as one) in the subtree. */
  chars: number;
  /** Of those, characters inside links. */
  linkChars: number;
  /** Characters of body-like blocks (long or sentence-like, few links), furniture excluded. */
  body: number;
  /** Characters of all other blocks, furniture excluded. */
  other: number;
  /** Body characters of blocks near this element (its own, children's, decaying with depth): how much it is their container. */
  local: number;
}

export type NoiseLevel = "strict" | "lenient";

export interface TreeAnalysis {
  stats: Map<Element, NodeStats>;
  /** Elements whose subtree is never text: hidden, scripts, widgets. */
  removed: Set<Element>;
  /** Page furniture: navigation, banners, share bars, comments, link farms. */
  noise: Set<Element>;
  /** Elements that declare themselves the body (itemprop, body class), and their ancestors: never furniture by class. */
  guarded: Set<Element>;
}

/** Collapsed length of a text node: whitespace runs count as one character, edges included. */
export function collapsedLength(data: string): number {
  let n = 0;
  let inSpace = false;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
    if (space) {
      if (!inSpace) n++;
      inSpace = true;
    } else {
      n++;
      inSpace = false;
    }
  }
  return n;
}

/**
 * Depth-first walk without recursion (malformed pages can nest thousands of levels deep).
 * `enter` returns false to skip an element's subtree; `exit` runs after its children.
 */
export function walk(
  root: ParentNode,
  visit: { enter?: (el: Element) => boolean; exit?: (el: Element) => void; text?: (data: string) => void },
): void {
  const stack: Array<{ node: ParentNode; index: number }> = [{ node: root, index: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.index >= frame.node.children.length) {
      stack.pop();
      if (frame.node !== root && isTag(frame.node as AnyNode)) visit.exit?.(frame.node as Element);
      continue;
    }
    const child = frame.node.children[frame.index++]!;
    if (isTag(child)) {
      if (visit.enter && !visit.enter(child)) continue;
      stack.push({ node: child, index: 0 });
    } else if (isText(child)) {
      visit.text?.(child.data);
    }
  }
}

export function classAndId(el: Element): string {
  const { class: cls, id } = el.attribs;
  if (!cls && !id) return "";
  return `${cls ?? ""} ${id ?? ""}`.toLowerCase();
}

function isHidden(el: Element): boolean {
  const a = el.attribs;
  if ("hidden" in a || a["aria-hidden"] === "true") return true;
  if (a.type === "hidden") return true;
  if (a.class && a.class.split(/\s+/).some((c) => HIDDEN_CLASSES.has(c))) return true;
  return a.style !== undefined && HIDDEN_STYLE.test(a.style);
}

export function declaresBodyByItemprop(el: Element): boolean {
  const prop = el.attribs.itemprop?.toLowerCase();
  return prop !== undefined && prop.split(/\s+/).some((p) => BODY_ITEMPROPS.has(p));
}

export function declaresBody(el: Element): boolean {
  if (declaresBodyByItemprop(el)) return true;
  const names = classAndId(el);
  return names !== "" && BODY_HINT.test(names);
}

function linkDensity(s: NodeStats): number {
  return s.chars === 0 ? 0 : s.linkChars / s.chars;
}

/** Furniture whatever its content: by tag, ARIA role, or a class/id word such as comments or share. */
function isHardNoise(el: Element, level: NoiseLevel, guarded: Set<Element>): boolean {
  if (guarded.has(el)) return false;
  if (FURNITURE_TAGS.has(el.name)) return true;
  const role = el.attribs.role?.toLowerCase();
  if (role && FURNITURE_ROLES.has(role) && !PROTECTED_TAGS.has(el.name)) return true;
  if (level === "lenient" || PROTECTED_TAGS.has(el.name)) return false;
  const names = classAndId(el);
  return names !== "" && HARD_NOISE.test(names) && !EMBED_HINT.test(names);
}

/** Elements that are furniture only when their content says so (few body characters, many links). */
function isSoftNoiseCandidate(el: Element, level: NoiseLevel, guarded: Set<Element>): boolean {
  if (guarded.has(el)) return false;
  if (SOFT_FURNITURE_TAGS.has(el.name) || LIST_TAGS.has(el.name)) return true;
  if (level === "lenient" || PROTECTED_TAGS.has(el.name)) return false;
  const names = classAndId(el);
  return names !== "" && SOFT_NOISE.test(names);
}

/** Pass 1: visible and link characters per element, bottom-up; hidden and non-text elements removed. */
function countCharacters(root: ParentNode, { stats, removed, guarded }: TreeAnalysis): void {
  const declared: Element[] = [];
  const open: NodeStats[] = [];
  let linkDepth = 0;
  walk(root, {
    enter(el) {
      if (SKIPPED_TAGS.has(el.name) || el.type !== "tag" || isHidden(el)) {
        removed.add(el);
        return false;
      }
      open.push({ chars: 0, linkChars: 0, body: 0, other: 0, local: 0 });
      if (el.name === "a") linkDepth++;
      if (declaresBody(el)) declared.push(el);
      return true;
    },
    exit(el) {
      const s = open.pop()!;
      stats.set(el, s);
      if (s.chars < THRESHOLDS.minDeclaredBodyChars && declared[declared.length - 1] === el) declared.pop();
      if (el.name === "a") linkDepth--;
      const parent = open[open.length - 1];
      if (parent) {
        parent.chars += s.chars;
        parent.linkChars += s.linkChars;
      }
    },
    text(data) {
      const s = open[open.length - 1];
      if (!s) return;
      const n = collapsedLength(data);
      s.chars += n;
      if (linkDepth > 0) s.linkChars += n;
    },
  });
  for (const el of declared) {
    for (let p: ParentNode | null = el; p && isTag(p as AnyNode) && !guarded.has(p as Element); p = p.parent) {
      guarded.add(p as Element);
    }
  }
}

/** A body block's weight for the element holding it, its parent, grandparent...: containers are near their text. */
const CONTAINER_CREDIT = [1, 1, 0.5, 1 / 3, 1 / 4];

function creditContainers(owner: Element, chars: number, stats: Map<Element, NodeStats>): void {
  let el: ParentNode | null = owner;
  for (const weight of CONTAINER_CREDIT) {
    if (!el || !isTag(el as AnyNode)) return;
    const s = stats.get(el as Element);
    if (s) s.local += chars * weight;
    el = el.parent;
  }
}

/**
 * Pass 2: cut the page into blocks (inline runs between block tags), class each block as
 * body-like or not, and sum both per element bottom-up, skipping hard furniture.
 */
function countBlocks(root: ParentNode, a: TreeAnalysis, level: NoiseLevel): void {
  const owners: Element[] = [];
  const fresh = new Map<Element, NodeStats>();
  let run = { chars: 0, linkChars: 0, last: "" };
  let linkDepth = 0;
  const flush = (): void => {
    const owner = owners[owners.length - 1];
    if (owner && run.chars > 0) {
      const t = THRESHOLDS;
      const density = run.linkChars / run.chars;
      const bodyLike =
        (density <= t.maxBodyLinkDensity && run.chars - run.linkChars >= t.bodyBlockChars) ||
        (density <= t.maxProseLinkDensity && run.chars >= t.proseBlockChars && SENTENCE_END.test(run.last));
      const stats = fresh.get(owner)!;
      if (bodyLike) {
        stats.body += run.chars;
        creditContainers(owner, run.chars, fresh);
      } else stats.other += run.chars;
    }
    run = { chars: 0, linkChars: 0, last: "" };
  };
  walk(root, {
    enter(el) {
      if (a.removed.has(el)) return false;
      if (isHardNoise(el, level, a.guarded)) {
        a.noise.add(el);
        return false;
      }
      if (BLOCK_TAGS.has(el.name)) flush();
      const s: NodeStats = { chars: 0, linkChars: 0, body: 0, other: 0, local: 0 };
      fresh.set(el, s);
      if (BLOCK_TAGS.has(el.name)) owners.push(el);
      if (el.name === "a") linkDepth++;
      return true;
    },
    exit(el) {
      if (BLOCK_TAGS.has(el.name)) {
        flush();
        owners.pop();
      }
      if (el.name === "a") linkDepth--;
      const s = fresh.get(el)!;
      const parent = el.parent && isTag(el.parent) ? fresh.get(el.parent) : undefined;
      if (parent) {
        parent.body += s.body;
        parent.other += s.other;
      }
    },
    text(data) {
      const n = collapsedLength(data);
      run.chars += n;
      if (linkDepth > 0) run.linkChars += n;
      const trimmed = data.trimEnd();
      if (trimmed) run.last = trimmed.slice(-2);
    },
  });
  flush();
  for (const [el, s] of fresh) {
    const counted = a.stats.get(el);
    if (counted) {
      counted.body = s.body;
      counted.other = s.other;
      counted.local = s.local;
    }
  }
}

/**
 * Pass 3: soft furniture (header/footer/sidebar words, link lists) becomes noise when it holds
 * little of the page's body text or is mostly links; its counts leave its ancestors.
 */
function markSoftNoise(root: ParentNode, a: TreeAnalysis, level: NoiseLevel, pageBody: number): void {
  const t = THRESHOLDS;
  walk(root, {
    enter(el) {
      if (a.removed.has(el) || a.noise.has(el)) return false;
      if (!isSoftNoiseCandidate(el, level, a.guarded)) return true;
      const s = a.stats.get(el)!;
      const linkFarm = linkDensity(s) > t.linkFarmDensity;
      const minorBody = s.body < pageBody * t.softFurnitureBodyShare;
      const furniture = LIST_TAGS.has(el.name) ? linkFarm && s.body < s.chars * 0.5 : linkFarm || minorBody;
      if (!furniture) return true;
      a.noise.add(el);
      for (let p = el.parent; p && isTag(p); p = p.parent) {
        const ps = a.stats.get(p);
        if (!ps) continue;
        ps.body -= s.body;
        ps.other -= s.other;
        ps.chars -= s.chars;
        ps.linkChars -= s.linkChars;
      }
      return false;
    },
  });
}

export function analyseTree(root: ParentNode, level: NoiseLevel): TreeAnalysis {
  const a: TreeAnalysis = { stats: new Map(), removed: new Set(), noise: new Set(), guarded: new Set() };
  countCharacters(root, a);
  countBlocks(root, a, level);
  let pageBody = 0;
  for (const child of root.children) if (isTag(child)) pageBody += a.stats.get(child)?.body ?? 0;
  markSoftNoise(root, a, level, pageBody);
  return a;
}
