/**
 * Per-line statistics of a text dump: length, letters, punctuation, script, repetition.
 * Everything later (zones, title, body) decides on these numbers only.
 */
import { DENSE_SCRIPTS, SCRIPTS, TERMINAL_PUNCTUATION, THRESHOLDS } from "./lexicon.ts";
import { hasLowercase } from "../../letters.ts";

export interface Line {
  index: number;
  text: string;
  /** Lower case, digits folded, punctuation dropped: the key for repetition counts. */
  key: string;
  /** Length where dense-script characters weigh more than one letter (see THRESHOLDS). */
  effectiveLength: number;
  /** Words; for scripts without spaces, effective characters / chars-per-word. */
  words: number;
  meanWordLength: number;
  letterShare: number;
  letters: number;
  terminal: boolean;
  /** The script most of the line's letters are in; undefined when it has none. */
  script?: string;
  /** The first letter is not lower case (capitalised, or a caseless script). */
  capitalised: boolean;
  /** How many times the key occurs in this dump. */
  repeats: number;
}

const LETTER = /\p{L}/gu;
const WORD = /[\p{L}\p{N}\p{M}'’-]+/gu;

/** Global: used by replace only. */
const DIGIT_RUN = /\p{N}+/gu;
/** Global: used by replace only. */
const NON_WORD_RUN = /[^\p{L}\p{N}\p{M}]+/gu;

export function lineKey(text: string): string {
  return text
    .toLowerCase()
    .replace(DIGIT_RUN, "0")
    .replace(NON_WORD_RUN, " ")
    .trim();
}

function scriptCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [name, pattern] of SCRIPTS) {
    const n = text.match(pattern)?.length ?? 0;
    if (n > 0) counts.set(name, n);
  }
  return counts;
}

function majority(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [name, n] of counts) if (n > bestCount) [best, bestCount] = [name, n];
  return best;
}

const FIRST_LETTER = /\p{L}/u;

/** One entry per non-empty line of the dump, whitespace collapsed. */
export function analyseLines(dump: string): { lines: Line[]; dominantScript?: string } {
  const texts = dump
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map((t) => t.replace(/[\s\u00a0\u200b]+/gu, " ").trim())
    .filter((t) => t !== "");
  const keyCounts = new Map<string, number>();
  const documentScripts = new Map<string, number>();
  const lines: Line[] = texts.map((text, index) => {
    const scripts = scriptCounts(text);
    let dense = 0;
    for (const [name, n] of scripts) {
      documentScripts.set(name, (documentScripts.get(name) ?? 0) + n);
      if (DENSE_SCRIPTS.has(name)) dense += n;
    }
    const letters = text.match(LETTER)?.length ?? 0;
    const nonSpace = text.replace(/\s/gu, "").length;
    const effectiveLength = text.length - dense + dense * THRESHOLDS.cjkCharWeight;
    const wordList = text.match(WORD) ?? [];
    const spaced = wordList.length;
    const denseWords = dense / THRESHOLDS.cjkCharsPerWord;
    // A CJK run is one regex "word": count it by characters instead.
    const words = dense > text.length / 2 ? Math.max(spaced, denseWords) : spaced;
    const firstLetter = text.match(FIRST_LETTER)?.[0];
    const key = lineKey(text);
    keyCounts.set(key, (keyCounts.get(key) ?? 0) + 1);
    return {
      index,
      text,
      key,
      effectiveLength,
      words,
      meanWordLength: spaced === 0 ? 0 : wordList.reduce((s, w) => s + w.length, 0) / spaced,
      letterShare: nonSpace === 0 ? 0 : letters / nonSpace,
      letters,
      terminal: TERMINAL_PUNCTUATION.test(text),
      script: majority(scripts),
      capitalised: firstLetter !== undefined && !hasLowercase(firstLetter),
      repeats: 0,
    };
  });
  for (const line of lines) line.repeats = keyCounts.get(line.key) ?? 1;
  return { lines, dominantScript: majority(documentScripts) };
}
