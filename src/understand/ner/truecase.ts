/**
 * NER step: restore case in all-caps lines (news headlines, "LONDON 1996-08-30" datelines) before
 * tagging, because the tagger's strongest cue, capitalisation, says nothing there. Words the
 * training text mostly writes in lowercase become lowercase; the rest become Titlecase.
 */
import { hasLetter, hasLowercase, isAllCaps } from "../../letters.ts";

/** A sentence is shouting when at least this share of its words (>= 2 letters) are all-caps. */
export const SHOUTING_SHARE = 0.6;
/** ...and it has at least this many such words. */
export const SHOUTING_MIN_WORDS = 2;
/** A word joins the lowercase vocabulary when seen this often and mostly in lowercase. */
export const LOWERCASE_MIN_COUNT = 2;


const TWO_LETTERS = /\p{L}.*\p{L}/u;

/** Whether uppercasing leaves `word` as it is; ASCII words are read without building their uppercase copy. */
function unchangedByUppercase(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 0x80) return word === word.toUpperCase();
    if (code >= 0x61 && code <= 0x7a) return false;
  }
  return true;
}

export function isShouting(words: readonly string[]): boolean {
  // Cheap pre-check: too few words without lowercase letters means no shouting (most sentences).
  let upperish = 0;
  for (const w of words) if (w.length >= 2 && unchangedByUppercase(w)) upperish++;
  if (upperish < SHOUTING_MIN_WORDS) return false;
  let letters = 0;
  let caps = 0;
  for (const w of words) {
    if (w.length < 2 || w === w.toLowerCase()) {
      if (w.length >= 2 && hasLowercase(w)) letters++; // a lowercase word; caseless ones do not count
      continue;
    }
    if (!TWO_LETTERS.test(w)) continue;
    letters++;
    if (isAllCaps(w)) caps++;
  }
  return caps >= SHOUTING_MIN_WORDS && caps >= SHOUTING_SHARE * letters;
}

/** What truecasing asks of a vocabulary: is this lowercase word a common word? */
export interface CommonWordLookup {
  has(lowercaseWord: string): boolean;
}

export function truecase(words: readonly string[], lowercaseWords: CommonWordLookup): string[] {
  if (!isShouting(words)) return words.slice();
  return words.map((w) => {
    if (!isAllCaps(w)) return w;
    const lower = w.toLowerCase();
    if (lowercaseWords.has(lower)) return lower;
    return w[0] + lower.slice(1);
  });
}

/** Words written in lowercase in most of their sentence-internal occurrences. */
export function lowercaseVocabulary(sentences: ReadonlyArray<readonly string[]>): string[] {
  const lowerCount = new Map<string, number>();
  const total = new Map<string, number>();
  for (const words of sentences) {
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!;
      if (!hasLetter(w)) continue;
      const lower = w.toLowerCase();
      total.set(lower, (total.get(lower) ?? 0) + 1);
      if (w === lower) lowerCount.set(lower, (lowerCount.get(lower) ?? 0) + 1);
    }
  }
  return [...lowerCount]
    .filter(([w, n]) => n >= LOWERCASE_MIN_COUNT && n * 2 > total.get(w)!)
    .map(([w]) => w)
    .sort();
}
