/**
 * Letter-class tests shared across the pipeline (capitalised, lowercase, has a letter...), one
 * regex per idea. They live at module level on purpose: tsx transpiles with esbuild, which lowers
 * every regex literal using a Unicode property escape (`\p{…}`) into `new RegExp(…)` at the same
 * place, so a literal inside a function would build a fresh RegExp on every call. None has the g
 * or y flag except COMBINING_MARKS, which only `replace` uses (it resets lastIndex), so sharing
 * them carries no state between calls.
 */

const CAPITALISED = /^\p{Lu}/u;
const LOWERCASE_INITIAL = /^\p{Ll}/u;
const LETTER_INITIAL = /^\p{L}/u;
const DIGIT_INITIAL = /^\p{N}/u;
const LATIN_INITIAL = /^\p{Script=Latin}/u;
const CYRILLIC_INITIAL = /^\p{Script=Cyrillic}/u;
const LETTER = /\p{L}/u;
const UPPERCASE_LETTER = /\p{Lu}/u;
const LOWERCASE_LETTER = /\p{Ll}/u;
const DIGIT = /\p{N}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CAPITAL_THEN_LOWERCASE = /^\p{Lu}\p{Ll}/u;
const LOWERCASE_PAST_SPACES = /^\s*\p{Ll}/u;
const ELIDED_INITIAL = /^\p{L}['’]/u;
const HAN_OR_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const ALL_DIGITS = /^\p{N}+$/u;
const ACRONYM = /^\p{Lu}{2,6}$/u;
const LOWERCASE_ONLY = /^\p{Ll}+$/u;
const ALL_CAPS = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
const COMBINING_MARKS = /\p{M}+/gu;

/** Whether `word` starts with an uppercase letter ("Paris", "NATO"); titlecase letters (ǅ) do not count. */
export const isCapitalised = (word: string): boolean => CAPITALISED.test(word);
/** Whether `word` starts with an uppercase letter then a lowercase one ("Paris", not "NATO" or "X"). */
export const startsCapitalThenLowercase = (word: string): boolean => CAPITAL_THEN_LOWERCASE.test(word);
/** Whether `word` starts with a lowercase letter. */
export const startsLowercase = (word: string): boolean => LOWERCASE_INITIAL.test(word);
/** Whether `word` starts with a letter of any case or script. */
export const startsWithLetter = (word: string): boolean => LETTER_INITIAL.test(word);
/** Whether `word` starts with a digit of any script. */
export const startsWithDigit = (word: string): boolean => DIGIT_INITIAL.test(word);
/** Whether `word` starts with a Latin-script character. */
export const startsLatin = (word: string): boolean => LATIN_INITIAL.test(word);
/** Whether `word` starts with a Cyrillic-script character. */
export const startsCyrillic = (word: string): boolean => CYRILLIC_INITIAL.test(word);
/** Whether `word` starts with a lowercase Latin letter (a common word in Latin-script text). */
export const isLowerLatin = (word: string): boolean => startsLowercase(word) && startsLatin(word);
/** Whether `text`, past leading white space, starts with a lowercase letter (a sentence going on). */
export const continuesLowercase = (text: string): boolean => LOWERCASE_PAST_SPACES.test(text);
/** Whether `text` starts with one letter and an apostrophe, an elided article or pronoun ("l'", "d’"). */
export const startsWithElision = (text: string): boolean => ELIDED_INITIAL.test(text);
/** Whether `text` holds a Han, Hiragana or Katakana character (Chinese or Japanese). */
export const hasHanOrKana = (text: string): boolean => HAN_OR_KANA.test(text);
/** Whether `text` holds a letter anywhere. */
export const hasLetter = (text: string): boolean => LETTER.test(text);
/** Whether `text` holds an uppercase letter anywhere. */
export const hasUppercase = (text: string): boolean => UPPERCASE_LETTER.test(text);
/** Whether `text` holds a lowercase letter anywhere. */
export const hasLowercase = (text: string): boolean => LOWERCASE_LETTER.test(text);
/** Whether `text` holds a digit anywhere. */
export const hasDigit = (text: string): boolean => DIGIT.test(text);
/** Whether `text` holds a letter or a digit anywhere (not punctuation alone). */
export const hasLetterOrDigit = (text: string): boolean => LETTER_OR_DIGIT.test(text);
/** Whether `word` is all digits ("1996", "٢٠"). */
export const isNumber = (word: string): boolean => ALL_DIGITS.test(word);
/** Whether `word` is lowercase letters only ("nacional", not "co-op" or "2nd"). */
export const isLowercaseWord = (word: string): boolean => LOWERCASE_ONLY.test(word);
/** Whether `word` holds two capitals and no lowercase letter ("NATO", "U.S.", "DRAME"). */
export const isAllCaps = (word: string): boolean => ALL_CAPS.test(word);
/** Whether `word` is 2 to 6 uppercase letters ("NATO", "ООН"). */
export const isAcronym = (word: string): boolean => ACRONYM.test(word);
/** `text` without combining marks; decompose it first (NFD/NFKD) to strip accents. */
export const stripCombiningMarks = (text: string): string => text.replace(COMBINING_MARKS, "");
