/**
 * A scraped plain-text dump (menus, ad slots, labels, a date line, the body, footers) -> its
 * article. Steps, each in src/extract/textdump/: line statistics (lines.ts), a role per line
 * (classify.ts), the body zone, title and kept lines (zones.ts); optional corpus statistics
 * (corpus.ts) mark lines many documents share as boilerplate.
 */
import { analyseLines } from "./textdump/lines.ts";
import { classifyLines, type ClassifiedLine } from "./textdump/classify.ts";
import { bodyLines, bodyZone, findTitle, type Zone } from "./textdump/zones.ts";
import { COPYRIGHT_LINE, RIGHTS_RESERVED } from "./textdump/lexicon.ts";
import type { LineStats } from "./textdump/corpus.ts";
import { hasLetter } from "../letters.ts";

export { LineCorpus, type LineStats } from "./textdump/corpus.ts";

export interface TextDumpResult {
  title?: string;
  publisher?: string;
  /** ISO 8601 from a date line found in the dump's head. */
  published?: string;
  /** Clean body: paragraphs separated by a blank line. */
  text: string;
  warnings: string[];
}

export interface TextDumpOptions {
  /** Line document frequencies over a corpus of dumps from the same crawl (see LineCorpus). */
  corpus?: LineStats;
  /** ISO 639-1 hint for the date parser. */
  language?: string;
}

/** A scraped plain-text dump (boilerplate, ad markers, labels, dates, body) -> its article. */
export function cleanTextDump(text: string, opts: TextDumpOptions = {}): TextDumpResult {
  const { lines: raw, dominantScript } = analyseLines(text);
  const lines = classifyLines(raw, { dominantScript, corpus: opts.corpus, language: opts.language });
  const warnings: string[] = [];
  const zone = bodyZone(lines);
  if (!zone) {
    warnings.push("No sentence-like lines in the text dump: kept every line that is not boilerplate.");
    const text = lines.filter((l) => l.role === "prose" || l.role === "short").map((l) => l.text).join("\n\n");
    return { publisher: findPublisher(lines), text, warnings };
  }
  const titleIndex = findTitle(lines, zone);
  const start = titleIndex !== undefined && titleIndex >= zone.start ? titleIndex + 1 : zone.start;
  const body = bodyLines(lines, { start, end: zone.end }).map((i) => lines[i]!.text);
  if (titleIndex === undefined) warnings.push("No title line found before the body of the text dump.");
  const published = findPublished(lines, zone, titleIndex, warnings);
  return {
    title: titleIndex === undefined ? undefined : lines[titleIndex]!.text,
    publisher: findPublisher(lines),
    published,
    text: body.join("\n\n"),
    warnings,
  };
}

/** The date line nearest after the title (else nearest before the body) among lines before the body's first prose. */
function findPublished(lines: ClassifiedLine[], zone: Zone, titleIndex: number | undefined, warnings: string[]): string | undefined {
  const head = lines.slice(0, zone.start + 1).filter((l) => l.role === "date");
  if (head.length === 0) return undefined;
  const afterTitle = titleIndex === undefined ? [] : head.filter((l) => l.index > titleIndex);
  const ordered = afterTitle.length > 0 ? afterTitle : [...head].reverse();
  const parsed = ordered.find((l) => l.date);
  if (!parsed) warnings.push(`Date line not understood: "${ordered[0]!.text}".`);
  return parsed?.date;
}

/** A "published by" line, else the name in a copyright footer. */
function findPublisher(lines: ClassifiedLine[]): string | undefined {
  const lead = lines.find((l) => l.role === "publisher");
  if (lead?.publisher) return lead.publisher;
  for (const line of [...lines].reverse()) {
    if (!COPYRIGHT_LINE.test(line.text)) continue;
    const name = line.text
      .replace(COPYRIGHT_LINE, "")
      .replace(RIGHTS_RESERVED, "")
      .replace(/^[\s©]*(?:\d{4}\s*[-–]\s*)?\d{4}\s*/u, "")
      .replace(/[\s.,;]+$/u, "")
      .trim();
    if (hasLetter(name) && name.length <= 60) return name;
  }
  return undefined;
}
