/**
 * Serialise a chosen container into text blocks (paragraph, list item, table row, sub-heading),
 * skipping the furniture found by the tree analysis and link teasers or labels left inside.
 */
import type { Element, ParentNode } from "domhandler";
import { textContent } from "domutils";
import {
  BLOCK_TAGS, DATELINE_MARK, DATELINE_MAX_CHARS, DATELINE_MAX_WORDS, HEADING_TAGS, LABEL_BLOCK, THRESHOLDS,
} from "./patterns.ts";
import { walk, type TreeAnalysis } from "./tree.ts";

/** Tags whose text is not part of the body even inside it: the headline and media captions. */
const EXCLUDED_IN_BODY = new Set(["h1", "figcaption"]);
/** Cells holding these are layout, so their row is not one data row. */
const LAYOUT_IN_CELL = new Set(["p", "div", "table", "ul", "ol", "blockquote", "section", "article", "h2", "h3"]);

interface Run {
  parts: string[];
  linkChars: number;
  chars: number;
  heading: boolean;
}

/** A run of letters (global: used by match only). */
const LETTER_RUN = /\p{L}+/gu;

/** A short block that is a date (and maybe a name): a dateline or byline, not body. */
function isDateline(text: string): boolean {
  if (text.length > DATELINE_MAX_CHARS || !DATELINE_MARK.test(text)) return false;
  const words = text.match(LETTER_RUN) ?? [];
  return words.length <= DATELINE_MAX_WORDS;
}

/** Headings repeating the page title are the headline, whatever their level. */
function isHeadline(text: string, pageTitle: string): boolean {
  return text.length >= 15 && pageTitle.includes(text.toLowerCase());
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** A row of a data table (cells of inline content), not a layout row. */
function isDataRow(tr: Element, analysis: TreeAnalysis): boolean {
  let layout = false;
  walk(tr, {
    enter(el) {
      if (layout || analysis.removed.has(el)) return false;
      if (LAYOUT_IN_CELL.has(el.name)) layout = true;
      return !layout;
    },
  });
  return !layout;
}

/** The container's blocks; `pageTitle` (lowercased <title>/og:title) identifies the headline. */
export function containerBlocks(container: Element, analysis: TreeAnalysis, pageTitle = ""): string[] {
  const blocks: string[] = [];
  let run: Run = { parts: [], linkChars: 0, chars: 0, heading: false };
  let linkDepth = 0;
  let headingDepth = 0;
  let rowCells: string[] | null = null;
  let cell: string[] | null = null;

  const flush = (): void => {
    const text = collapse(run.parts.join(""));
    const { linkChars, heading } = run;
    run = { parts: [], linkChars: 0, chars: 0, heading: headingDepth > 0 };
    if (!text) return;
    if (LABEL_BLOCK.test(text) || isDateline(text)) return;
    if (heading && isHeadline(text, pageTitle)) return;
    const t = THRESHOLDS;
    const linky = linkChars >= text.length * t.linkBlockDensity && text.length < t.linkBlockMaxChars;
    if (linky && !heading) return;
    blocks.push(text);
  };

  walk(container, {
    enter(el) {
      if (analysis.removed.has(el) || analysis.noise.has(el) || EXCLUDED_IN_BODY.has(el.name)) {
        if (el.name === "br" && rowCells === null) flush();
        return false;
      }
      if (el.name === "tr" && rowCells === null && isDataRow(el, analysis)) {
        flush();
        rowCells = [];
        return true;
      }
      if (rowCells !== null) {
        if (el.name === "td" || el.name === "th") cell = [];
        else if (el.name === "br" && cell) cell.push(" ");
        return true;
      }
      if (BLOCK_TAGS.has(el.name)) flush();
      if (HEADING_TAGS.has(el.name)) {
        headingDepth++;
        run.heading = true;
      }
      if (el.name === "a") linkDepth++;
      return true;
    },
    exit(el) {
      if (rowCells !== null) {
        if ((el.name === "td" || el.name === "th") && cell) {
          const text = collapse(cell.join(""));
          if (text) rowCells.push(text);
          cell = null;
        } else if (el.name === "tr") {
          if (rowCells.length > 0) blocks.push(rowCells.join(" | "));
          rowCells = null;
        }
        return;
      }
      if (el.name === "a") linkDepth--;
      if (HEADING_TAGS.has(el.name)) headingDepth--;
      if (BLOCK_TAGS.has(el.name)) flush();
    },
    text(data) {
      if (rowCells !== null) {
        cell?.push(data);
        return;
      }
      run.parts.push(data);
      if (linkDepth > 0) run.linkChars += collapse(data).length + 1;
    },
  });
  flush();
  return blocks;
}

/** Collapsed text of a small element (a title, a heading). */
export function textOf(el: Element): string {
  return collapse(textContent(el));
}

/** The first h1's text in the page, for the headline. */
export function firstHeading(root: ParentNode, analysis: TreeAnalysis): string | undefined {
  let found: Element | undefined;
  walk(root, {
    enter(el) {
      if (found || analysis.removed.has(el)) return false;
      if (el.name === "h1") found = el;
      return !found;
    },
  });
  return found ? textOf(found) || undefined : undefined;
}
