/**
 * NER step: split raw text into tokens with character offsets, and tokens into sentences.
 * Hand-written because the tagger needs CoNLL/WikiANN-like tokens (punctuation apart, "U.S." and
 * "Mr." whole, English "'s" split, French/Italian elisions split, Han/Kana one character a token
 * as in WikiANN zh) with exact offsets, which general-purpose word splitters do not promise.
 */
import { hasUppercase, startsLowercase, startsWithDigit } from "../../letters.ts";

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Words that keep their final period ("Mr.", "St.", "Inc."), lowercase, several languages. */
export const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "st", "mt", "ft", "jr", "sr", "sra", "srta", "prof", "gen", "col", "lt", "sgt", "capt",
  "cpt", "maj", "gov", "sen", "rep", "rev", "hon", "pres", "inc", "corp", "ltd", "co", "bros", "no", "vs", "etc",
  "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "mme", "mlle", "mm", "m", "hr", "fr",
  "frau", "nr", "dipl", "ing", "sta", "sto", "sig", "dott", "av", "avda", "ste", "gmbh", "ag", "g", "ул", "им",
  "пр", "гг", "тов", "проф", "св",
]);

/** Elided articles/prepositions that stand apart from the next word (French, Italian, Catalan). */
export const ELISIONS = new Set([
  "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "dell", "all", "nell",
  "sull", "dall", "un", "quest", "sant",
]);

/** English clitics split off the word before them, as CoNLL-2003 does ("Clinton" + "'s"). */
export const ENGLISH_CLITICS = new Set(["s", "t", "re", "ve", "ll", "d", "m"]);

const APOSTROPHES = "'’";

// One alternative per token kind; order matters (URLs before words, dotted acronyms before words).
const TOKEN_ALTERNATIVES = {
  url: String.raw`https?:\/\/[^\s<>"]+|www\.[^\s<>"]+`, // URL
  email: String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}`, // e-mail
  acronym: String.raw`\p{Lu}(?:\.\p{Lu})+\.?`, // U.S., U.S.A.
  number: String.raw`\p{N}+(?:[.,:/]\p{N}+)*`, // 1,200.5  12:30  1996-12-06 is split on "-" below
  cjk: String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]`, // one CJK character
  word: String.raw`[\p{L}\p{M}\p{N}_]+(?:[-'’.·][\p{L}\p{M}\p{N}_]+)*`, // words, Jean-Pierre, O'Neill
  other: String.raw`\S`, // any other character, punctuation
};
/** Alternatives that match only where the text holds something rare, with a test for it over the whole text. */
const OPTIONAL_ALTERNATIVES: Array<[keyof typeof TOKEN_ALTERNATIVES, (text: string) => boolean]> = [
  ["url", (text) => /https?:\/\/|www\./.test(text)],
  ["email", (text) => text.includes("@")],
  ["cjk", (text) => HAN_OR_KANA.test(text)],
];
const tokenPatterns = new Map<number, RegExp>();
/**
 * The token pattern without the alternatives that cannot match anywhere in `text` (no "http://", "https://"
 * or "www.", no "@", no Han or kana): an alternative that matches nowhere changes no match, and these are
 * otherwise tried, and fail, at every token of every text.
 */
function tokenPatternFor(text: string): RegExp {
  let key = 0;
  OPTIONAL_ALTERNATIVES.forEach(([, present], i) => {
    if (present(text)) key |= 1 << i;
  });
  let pattern = tokenPatterns.get(key);
  if (!pattern) {
    const dropped = new Set(OPTIONAL_ALTERNATIVES.filter((_, i) => !(key & (1 << i))).map(([name]) => name));
    const kept = Object.entries(TOKEN_ALTERNATIVES).filter(([name]) => !dropped.has(name as keyof typeof TOKEN_ALTERNATIVES));
    pattern = new RegExp(kept.map(([, source]) => source).join("|"), "gu");
    tokenPatterns.set(key, pattern);
  }
  return pattern;
}

const HAN_OR_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Tokenise `text`; `language` (ISO 639-1) selects the apostrophe rule. */
export function tokenize(text: string, language = ""): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(tokenPatternFor(text))) {
    const start = match.index;
    const word = match[0];
    splitWord(word, start, language, text, tokens);
  }
  return tokens;
}

function push(tokens: Token[], text: string, start: number): void {
  if (text.length > 0) tokens.push({ text, start, end: start + text.length });
}

const PLAIN_WORD = /^[\p{L}\p{M}\p{N}_]+$/u;

/** PLAIN_WORD's test, with ASCII words (most tokens) read char by char instead of by the Unicode regex. */
function isPlainWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 0x80) return PLAIN_WORD.test(word);
    const lower = code | 0x20;
    if (!(lower >= 0x61 && lower <= 0x7a) && !(code >= 0x30 && code <= 0x39) && code !== 0x5f) return false;
  }
  return word.length > 0;
}

const DOTTED_ACRONYM = /^\p{Lu}(\.\p{Lu})+\.?$/u;
const LETTERS_ONLY = /^\p{L}+$/u;

function splitWord(word: string, start: number, language: string, text: string, out: Token[]): void {
  // Fast path: most tokens are plain words or punctuation not followed by a period.
  if (text.charCodeAt(start + word.length) !== 46 /* . */ && (word.length === 1 || isPlainWord(word))) {
    out.push({ text: word, start, end: start + word.length });
    return;
  }
  // Inner periods only join dotted abbreviations ("e.g", "z.B"); otherwise they end a word ("Paris.Then").
  if (word.includes(".") && !DOTTED_ACRONYM.test(word) && !startsWithDigit(word) && !/^(https?:|www\.)/.test(word) && !word.includes("@")) {
    const parts = word.split(".");
    if (!parts.every((p) => p.length <= 2)) {
      let offset = start;
      parts.forEach((part, i) => {
        splitWord(part, offset, language, text, out);
        offset += part.length;
        if (i < parts.length - 1) {
          push(out, ".", offset);
          offset += 1;
        }
      });
      return;
    }
  }
  const apostrophe = [...APOSTROPHES].map((a) => word.indexOf(a)).find((i) => i > 0);
  if (apostrophe !== undefined && apostrophe < word.length - 1) {
    const before = word.slice(0, apostrophe);
    const after = word.slice(apostrophe + 1);
    if (ELISIONS.has(before.toLowerCase()) && language !== "en" && language !== "tr") {
      push(out, word.slice(0, apostrophe + 1), start);
      splitWord(after, start + apostrophe + 1, language, text, out);
      return;
    }
    if (language === "en" && ENGLISH_CLITICS.has(after.toLowerCase())) {
      if (after.toLowerCase() === "t" && before.toLowerCase().endsWith("n")) {
        push(out, before.slice(0, -1), start); // do + n't
        push(out, word.slice(apostrophe - 1), start + apostrophe - 1);
      } else {
        push(out, before, start);
        push(out, word.slice(apostrophe), start + apostrophe);
      }
      return;
    }
  }
  const end = start + word.length;
  // A known abbreviation or a single-letter initial keeps the period that follows it.
  if (text[end] === "." && LETTERS_ONLY.test(word) && (ABBREVIATIONS.has(word.toLowerCase()) || (word.length === 1 && hasUppercase(word)))) {
    // The period is consumed by the caller's next match; widen this token and mark the period as taken.
    out.push({ text: word + ".", start, end: end + 1 });
    return;
  }
  push(out, word, start);
}

/**
 * Drop period tokens already absorbed into an abbreviation token (the regex sees them twice).
 * Kept apart from splitWord so the regex loop stays simple.
 */
function dropAbsorbed(tokens: Token[]): Token[] {
  const out: Token[] = [];
  let covered = -1;
  for (const token of tokens) {
    if (token.start < covered) continue;
    out.push(token);
    covered = token.end;
  }
  return out;
}

/** Tokens with no overlap (public entry point used by the tagger). */
export function tokenizeText(text: string, language = ""): Token[] {
  return dropAbsorbed(tokenize(text, language));
}

const SENTENCE_END = new Set([".", "!", "?", "。", "！", "？", "؟", "…"]);
const CLOSING = new Set(['"', "'", "”", "’", "»", ")", "]", "」", "』"]);

/**
 * Group tokens into sentences: after . ! ? (plus closing quotes) or at a blank line.
 * Han/Kana text ends sentences at 。！？ regardless of what follows.
 */
export function splitSentences(tokens: Token[], text: string): Token[][] {
  const sentences: Token[][] = [];
  let current: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    current.push(token);
    const next = tokens[i + 1];
    if (!next) break;
    const gap = next.start - token.end === 1 && text.charCodeAt(token.end) === 32 ? " " : text.slice(token.end, next.start);
    const newline = gap.includes("\n");
    let boundary = newline && (/\n\s*\n/.test(gap) || !continuesLine(next));
    if (!boundary && SENTENCE_END.has(token.text) && !CLOSING.has(next.text)) boundary = gap.length > 0 || HAN_OR_KANA.test(next.text);
    if (!boundary && CLOSING.has(token.text) && current.length > 1 && SENTENCE_END.has(current[current.length - 2]!.text)) boundary = gap.length > 0;
    if (boundary || current.length >= 200) {
      sentences.push(current);
      current = [];
    }
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}

/** A single newline ends a sentence unless the next line plainly continues it (a lowercase-led wrap). */
function continuesLine(next: Token): boolean {
  return startsLowercase(next.text);
}
