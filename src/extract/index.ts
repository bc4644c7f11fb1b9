/**
 * The extract stage: a raw document (bytes + what the source said) -> one Article.
 * Orchestration only; each concern lives in its own module.
 */
import { Article, type RawDocument } from "../schema.ts";
import { decodeDocument } from "./decode.ts";
import { parseHtml } from "./dom.ts";
import { extractContent } from "./content.ts";
import { extractMetadata } from "./metadata.ts";
import { findHtmlDates, noOffsetWarning } from "./dates.ts";
import { cleanTextDump } from "./textdump.ts";
import { quickLanguage } from "./language.ts";

const HAS_TIME_WITHOUT_OFFSET = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

export interface ExtractOptions {
  /** The page's URL when the caller knows it better than the document (--url). */
  url?: string;
}

/** The body's language when the page does not declare one: a quick guess, flagged when unsure. */
function guessLanguage(text: string, warnings: string[]): string | undefined {
  const guess = quickLanguage(text);
  if (!guess) return undefined;
  if (!guess.reliable) warnings.push(`language guessed as "${guess.language}" from little or ambiguous text`);
  return guess.language;
}

export function extractArticle(raw: RawDocument, options: ExtractOptions = {}): Article {
  const decoded = decodeDocument(raw.bytes, { source: raw.source, contentType: raw.contentType });
  const url = options.url ?? raw.url;
  const warnings = [...decoded.warnings];
  let article: Article;
  if (decoded.kind === "html") {
    const doc = parseHtml(decoded.text);
    const meta = extractMetadata(doc, { url });
    const content = extractContent(doc, { url: meta.url ?? url });
    const dates = findHtmlDates(doc, { url: meta.url ?? url });
    warnings.push(...content.warnings, ...dates.warnings);
    article = {
      source: raw.source,
      url: meta.url ?? url,
      title: meta.title ?? content.title,
      publisher: meta.publisher,
      authors: meta.authors,
      published: dates.published,
      modified: dates.modified,
      language: meta.language ?? guessLanguage(content.text, warnings),
      text: content.text,
      encoding: decoded.encoding,
      kind: "html",
      warnings,
    };
  } else {
    const dump = cleanTextDump(decoded.text);
    warnings.push(...dump.warnings);
    if (dump.published && HAS_TIME_WITHOUT_OFFSET.test(dump.published)) {
      warnings.push(noOffsetWarning("publication"));
    }
    article = {
      source: raw.source,
      url,
      title: dump.title,
      publisher: dump.publisher,
      authors: [],
      published: dump.published,
      language: guessLanguage(dump.text, warnings),
      text: dump.text,
      encoding: decoded.encoding,
      kind: "text",
      warnings,
    };
  }
  return Article.parse(article);
}
