/**
 * Render an HTML page to its full visible text the way a plain scraper does: every block
 * element on its own line, menus, footers and all; scripts, styles and hidden parts dropped.
 * This produces the "scraped text dump" that extract/textdump.ts cleans.
 */
import { parseDocument } from "htmlparser2";
import { getChildren, isTag, isText } from "domutils";
import type { AnyNode, Element } from "domhandler";

/** Elements whose content a browser never shows as text. */
const INVISIBLE_TAGS = new Set([
  "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
  "canvas", "video", "audio", "select", "option", "datalist", "button", "input", "textarea",
]);

/** Elements a browser lays out as blocks: each starts a new line in the dump. */
const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
  "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
  "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol",
  "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
]);

function isHidden(el: Element): boolean {
  const a = el.attribs;
  if ("hidden" in a || a["aria-hidden"] === "true") return true;
  const style = (a.style ?? "").replace(/\s+/g, "").toLowerCase();
  return style.includes("display:none") || style.includes("visibility:hidden");
}

/** The visible text of an HTML page, one line per block element, no blank lines. */
export function renderPageText(html: string): string {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const lines: string[] = [];
  let current = "";
  const flush = (): void => {
    const line = current.replace(/\s+/g, " ").trim();
    if (line) lines.push(line);
    current = "";
  };
  // Explicit stack: deep pages overflow recursion on some sites.
  const stack: Array<AnyNode | "end-block"> = [...getChildren(doc)].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === "end-block") {
      flush();
      continue;
    }
    if (isText(node)) {
      current += node.data;
    } else if (isTag(node)) {
      if (INVISIBLE_TAGS.has(node.name) || isHidden(node)) continue;
      if (node.name === "br") {
        flush();
        continue;
      }
      const block = BLOCK_TAGS.has(node.name);
      if (block) {
        flush();
        stack.push("end-block");
      }
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  flush();
  return lines.join("\n");
}
