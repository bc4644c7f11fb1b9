/**
 * Full-text search helpers shared by the stores: the user's query turned into a safe FTS5 expression,
 * and text in scripts written without spaces (Chinese, Japanese) turned into overlapping bigrams.
 *
 * Why bigrams for CJK: unicode61 keeps a whole run of Han/kana as one token, so a word inside a sentence
 * never matches. FTS5's trigram tokenizer cannot match queries shorter than 3 characters, yet most Chinese
 * words are 2; overlapping bigrams (what Lucene's CJKAnalyzer does) match any word of 2+ characters as a
 * phrase of its bigrams, and a single character as a bigram prefix.
 */
import { foldText } from "../consolidate/text.ts";

/** Scripts written without spaces between words. */
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu;
const HAS_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** A user's word, as unicode61 would cut it: letters, digits and combining marks. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
/** A "quoted phrase" in the user's query (straight or typographic quotes). */
const PHRASE = /["“”„«»]([^"“”„«»]*)["“”„«»]?/gu;

export function hasCjk(text: string): boolean {
  return HAS_CJK.test(text);
}

/** "北京市长说" -> "北京 京市 市长 长说": each CJK run as overlapping bigrams; other text unchanged. */
export function cjkBigrams(text: string): string {
  return text.replace(CJK_RUN, (run) => {
    const chars = [...run];
    if (chars.length < 2) return ` ${run} `;
    const grams: string[] = [];
    for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
    return ` ${grams.join(" ")} `;
  });
}

export interface FtsQuery {
  /** The FTS5 MATCH expression: every term a quoted string, so no user input is ever an operator. */
  match: string;
  /** The words searched for, for highlighting outside FTS5. */
  terms: string[];
  /** Query the CJK bigram index rather than the word index. */
  cjk: boolean;
}

/**
 * The user's query -> an FTS5 expression. Words are ANDed; "quoted words" stay a phrase. Everything but
 * letters and digits is dropped, and each term is emitted as an FTS5 string, so quotes, operators
 * (AND, OR, NOT, NEAR, *, ^, :, parentheses) and SQL never reach the parser as syntax.
 * Undefined when nothing searchable is left.
 */
export function toFtsQuery(query: string): FtsQuery | undefined {
  const groups: string[][] = [];
  const rest = query.normalize("NFC").replace(PHRASE, (_, inner: string) => {
    groups.push(inner.match(WORD) ?? []);
    return " ";
  });
  for (const word of rest.match(WORD) ?? []) groups.push([word]);
  const kept = groups.filter((g) => g.length > 0);
  if (kept.length === 0) return undefined;
  const terms = kept.flat();
  const cjk = terms.some(hasCjk);
  const parts = kept.map((words) => (cjk ? cjkTerm(words.join(" ")) : quote(words.join(" "))));
  return { match: parts.join(" AND "), terms, cjk };
}

function cjkTerm(words: string): string {
  const chars = [...words.trim()];
  // One CJK character: any bigram that starts with it.
  if (chars.length === 1 && hasCjk(words)) return `${quote(words)}*`;
  return quote(cjkBigrams(words).replace(/\s+/g, " ").trim());
}

/** An FTS5 string literal: double quotes inside are doubled. */
function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Case- and diacritic-insensitive form of a name, for entity lookups ("Kyïv" -> "kyiv"): the consolidate stage's folding. */
export const nameKey = foldText;

/** A snippet made outside FTS5 (for the CJK index, which holds bigrams, not the text): the first match and its surroundings. */
export function makeSnippet(text: string, terms: readonly string[], marks: { open: string; close: string; ellipsis: string }, width = 80): string {
  let at = -1;
  let hit = "";
  for (const term of terms) {
    const i = text.indexOf(term);
    if (i >= 0 && (at < 0 || i < at)) [at, hit] = [i, term];
  }
  if (at < 0) return text.slice(0, width) + (text.length > width ? marks.ellipsis : "");
  const start = Math.max(0, at - width / 2);
  const end = Math.min(text.length, at + hit.length + width / 2);
  return (
    (start > 0 ? marks.ellipsis : "") +
    text.slice(start, at) + marks.open + hit + marks.close + text.slice(at + hit.length, end) +
    (end < text.length ? marks.ellipsis : "")
  ).replace(/\s+/g, " ");
}
