/**
 * Give each line of a dump a role from its statistics: prose (sentence-like), short (titles,
 * sub-headings, menu items), boilerplate (furniture), date or publisher (metadata lines).
 */
import { parseDateText } from "../dates.ts";
import type { LineStats } from "./corpus.ts";
import type { Line } from "./lines.ts";
import {
  COPYRIGHT_LINE,
  DATE_SHAPE,
  FULL_STOP_END,
  FURNITURE_LEADS,
  PUBLISHER_LEADS,
  THRESHOLDS as T,
  UI_WORDS,
} from "./lexicon.ts";
import { hasLetter } from "../../letters.ts";

export type Role = "prose" | "short" | "boilerplate" | "date" | "publisher";

export interface ClassifiedLine extends Line {
  role: Role;
  /** Why a line is boilerplate, for debugging and warnings. */
  reason?: string;
  /** ISO date when the line is a date line the parser understood. */
  date?: string;
  /** The outlet's name when the line is a publisher line. */
  publisher?: string;
}

export interface ClassifyOptions {
  dominantScript?: string;
  corpus?: LineStats;
  language?: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** "Published by: X", "Publié par X - Ville": the lead, optional punctuation, then the name. */
const PUBLISHER_LINE = new RegExp(`^(?:${PUBLISHER_LEADS.map(escape).join("|")})(?![\\p{L}])\\s*[:：\\-–—]?\\s*(.+)$`, "iu");
const CLAUSE_PUNCTUATION = /[.,;:!?…。，、；：！？؟،]/gu;
const WORD = /[\p{L}\p{N}\p{M}'’-]+/gu;

export function classifyLines(lines: Line[], opts: ClassifyOptions = {}): ClassifiedLine[] {
  return lines.map((line) => ({ ...line, ...roleOf(line, opts) }));
}

function roleOf(line: Line, opts: ClassifyOptions): Omit<ClassifiedLine, keyof Line> {
  const publisher = publisherOf(line);
  if (publisher) return { role: "publisher", publisher };
  const date = dateOf(line, opts.language);
  if (date !== undefined) return date === "" ? { role: "date" } : { role: "date", date };
  const reason = boilerplateReason(line, opts);
  if (reason) return { role: "boilerplate", reason };
  return { role: isProse(line) ? "prose" : "short" };
}

export function isProse(line: Line): boolean {
  if (line.words < T.sentenceMinWords) return false;
  if (line.terminal && line.effectiveLength >= T.sentenceMinLength) return true;
  // A long line without a full stop is prose only if punctuated like prose (tag clouds and inline menus are not).
  const marks = line.text.match(CLAUSE_PUNCTUATION)?.length ?? 0;
  return line.effectiveLength >= T.proseMinLength && marks * T.wordsPerClauseMark >= line.words;
}

function publisherOf(line: Line): string | undefined {
  if (line.text.length > T.publisherMaxLength) return undefined;
  const name = line.text.match(PUBLISHER_LINE)?.[1]?.trim();
  return name && hasLetter(name) ? name : undefined;
}

/** Global: used by match only. */
const DIGIT_RUN = /\p{N}+/gu;

/**
 * "" for a date-shaped line the parser did not resolve; the ISO date when it did; undefined if not
 * a date line. A date line is mostly numbers ("19/12/2022 - 07:31", "March 3, 2021 at 9:15 am")
 * or only a few words ("Monday, Dec 19"); a headline or a question with a year in it is not one.
 */
function dateOf(line: Line, language?: string): string | undefined {
  if (line.effectiveLength > T.dateLineMaxLength || line.words > T.dateLineMaxWords) return undefined;
  if (FULL_STOP_END.test(line.text) || /[?!？！؟]$/u.test(line.text) || COPYRIGHT_LINE.test(line.text)) return undefined;
  const numbers = line.text.match(DIGIT_RUN)?.length ?? 0;
  if (numbers === 0) return undefined;
  if (line.words > T.dateLineMaxWordsAnyShape && numbers / line.words < T.dateLineMinNumberShare) return undefined;
  const shaped = DATE_SHAPE.test(line.text);
  const parsed = parseDateText(line.text, { language });
  if (parsed) return parsed;
  return shaped ? "" : undefined;
}

function boilerplateReason(line: Line, opts: ClassifyOptions): string | undefined {
  const short = line.effectiveLength < T.shortLineLength;
  if (line.letters === 0 || line.letterShare < T.minLetterShare) return "not text";
  if (
    opts.dominantScript &&
    line.script &&
    line.script !== opts.dominantScript &&
    line.effectiveLength <= T.foreignMaxLength
  )
    return "foreign script";
  if (COPYRIGHT_LINE.test(line.text)) return "copyright";
  if (line.effectiveLength < 2 * T.shortLineLength && FURNITURE_LEADS.test(line.text)) return "furniture lead";
  const words = line.text.toLowerCase().match(WORD) ?? [];
  if (words.length > 0 && words.every((w) => UI_WORDS.has(w))) return "interface words";
  if (line.repeats >= T.repeatsInDocument && line.words <= T.repeatedMaxWords) return "repeated in document";
  if (opts.corpus) {
    const df = opts.corpus.documentFrequency(line.text);
    const needed = short
      ? T.corpusMinDocsShort
      : Math.max(T.corpusMinDocsLong, T.corpusMinShareLong * opts.corpus.documents);
    if (df >= needed) return "repeated across corpus";
  }
  return undefined;
}
