import { stripCombiningMarks } from "../letters.ts";
/** A run of characters that are neither letter nor digit (global: used by replace only). */
const NON_ALPHANUMERIC_RUN = /[^\p{L}\p{N}]+/gu;

/**
 * Text folding shared by the consolidate steps: the one form in which two copies of a story, or two
 * spellings of a name, are compared (case, diacritics, punctuation and spacing do not count).
 */

/** Lower case, diacritics stripped, every run of non-letters/digits a single space. */
export function foldText(text: string): string {
  return stripCombiningMarks(text.normalize("NFKD"))
    .toLowerCase()
    .replace(NON_ALPHANUMERIC_RUN, " ")
    .trim();
}

/** The folded words of a text. */
export function foldedWords(text: string): string[] {
  const folded = foldText(text);
  return folded === "" ? [] : folded.split(" ");
}
