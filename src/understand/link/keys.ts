/**
 * Matching keys for names across scripts and spellings (link step): a plain key (lower case, no
 * accents), a phonetic key (transliterated, spelling variants folded: Poutine = Putin, Peskow = Peskov)
 * and a consonant skeleton (for Arabic, which writes no short vowels). Tables: ./alphabets.ts.
 */
import {
  ARABIC_SKELETON,
  CYRILLIC_CASE_ENDINGS,
  GENERIC_SPELLING,
  GREEK_CASE_ENDINGS,
  GREEK_DIGRAPHS,
  GREEK_LATIN,
  J_AS_Y_LANGUAGES,
  LANGUAGE_SPELLING,
  LATIN_SLAVIC_CASE_ENDINGS,
  LATIN_SLAVIC_LANGUAGES,
  LATIN_SPECIAL,
  RUSSIAN_LATIN,
  SKELETON_CLASSES,
  UKRAINIAN_LATIN,
} from "./alphabets.ts";
import { stripCombiningMarks } from "../../letters.ts";

export type Script = "latin" | "cyrillic" | "greek" | "arabic" | "other";

const CYRILLIC = /[\u0400-\u04ff]/;
const GREEK = /[\u0370-\u03ff\u1f00-\u1fff]/;
const ARABIC = /[\u0600-\u06ff]/;
const LATIN = /[a-zA-Z\u00c0-\u024f]/;

export function scriptOf(text: string): Script {
  if (CYRILLIC.test(text)) return "cyrillic";
  if (ARABIC.test(text)) return "arabic";
  if (GREEK.test(text)) return "greek";
  if (LATIN.test(text)) return "latin";
  return "other";
}

const NON_LETTER_RUN = /[^\p{L}\p{M}]+/u;

/** Words of a name, lower case; hyphens and apostrophes split words ("Ban Ki-moon" -> ban ki moon). */
export function nameWords(text: string): string[] {
  return text
    .toLocaleLowerCase()
    .replace(/[\u064b-\u065f\u0670]/g, "") // Arabic short-vowel marks
    .split(NON_LETTER_RUN)
    .filter(Boolean);
}

/** Distinct words kept per memo; a memo starts over past this (names recur across articles, the long tail does not). */
const MAX_CACHED_WORDS = 50_000;

/** A word-level key function, memoised: names' words come back in article after article. */
function memoisedPerWord(spell: (word: string, language?: string) => string): (word: string, language?: string) => string {
  const cache = new Map<string, string>();
  return (word, language) => {
    const key = language ? `${language}\u0000${word}` : word;
    let spelled = cache.get(key);
    if (spelled === undefined) {
      if (cache.size >= MAX_CACHED_WORDS) cache.clear();
      cache.set(key, (spelled = spell(word, language)));
    }
    return spelled;
  };
}

/** Lower case, accents gone, letters with a digraph reading spelled out (š -> sh). */
const cachedPlainLatin = memoisedPerWord(spellPlainLatin);
export function plainLatin(word: string): string {
  return cachedPlainLatin(word);
}

function spellPlainLatin(word: string): string {
  let out = "";
  for (const ch of word.toLocaleLowerCase()) out += LATIN_SPECIAL[ch] ?? ch;
  return stripCombiningMarks(out.normalize("NFD"));
}

/** The plain key of a whole name: words joined by one space. */
export function plainKey(text: string): string {
  return nameWords(text).map(plainLatin).join(" ");
}

function mapLetters(word: string, table: Record<string, string>): string {
  let out = "";
  for (const ch of word) out += table[ch] ?? ch;
  return out;
}

/** A Cyrillic or Greek word in Latin letters (English-style). */
export function romanize(word: string, language: string): string {
  if (CYRILLIC.test(word)) return mapLetters(word, language === "uk" ? UKRAINIAN_LATIN : RUSSIAN_LATIN);
  if (GREEK.test(word)) {
    let w = stripCombiningMarks(word.normalize("NFD"));
    for (const [from, to] of GREEK_DIGRAPHS) w = w.split(from).join(to);
    return mapLetters(w, GREEK_LATIN);
  }
  return word;
}

/** One Latin word -> phonetic key; with a language, that language's spelling rules apply first. */
const cachedPhoneticWord = memoisedPerWord(spellPhonetic);
export function phoneticWord(word: string, language?: string): string {
  return cachedPhoneticWord(word, language);
}

function spellPhonetic(word: string, language?: string): string {
  let w = plainLatin(word);
  if (language) {
    for (const [pattern, replacement] of LANGUAGE_SPELLING[language] ?? []) w = w.replace(pattern, replacement);
    if (J_AS_Y_LANGUAGES.has(language)) w = w.replace(/j/g, "y");
  }
  for (const [pattern, replacement] of GENERIC_SPELLING) w = w.replace(pattern, replacement);
  return w;
}

/** Consonant skeleton of one phonetic word. */
export function skeletonOfPhonetic(phonetic: string): string {
  return mapLetters(phonetic, SKELETON_CLASSES).replace(/(.)\1+/g, "$1");
}

/** Consonant skeleton of one Arabic word (the article al- stays: it is part of many names). */
export function arabicSkeleton(word: string): string {
  return mapLetters(word, ARABIC_SKELETON).replace(/[^a-z]/g, "").replace(/(.)\1+/g, "$1");
}

/** Phonetic key of a name written in Latin letters (as the name table stores them). */
export function phoneticKey(text: string, language?: string): string {
  return nameWords(text).map((w) => phoneticWord(w, language)).join(" ");
}

export function skeletonKey(text: string): string {
  return phoneticKey(text).split(" ").map(skeletonOfPhonetic).join(" ");
}

/**
 * The readings of one word of a mention: the word itself and, for inflecting languages, the word with a
 * case ending turned back into the nominative. Each reading is in Latin letters; callers keep only
 * readings the name table knows.
 */
export function wordReadings(word: string, language: string): string[] {
  const forms = [word, ...uninflected(word, language)];
  return [...new Set(forms.map((f) => romanize(f, language)))];
}

function uninflected(word: string, language: string): string[] {
  const table = CYRILLIC.test(word)
    ? CYRILLIC_CASE_ENDINGS
    : GREEK.test(word)
      ? GREEK_CASE_ENDINGS
      : LATIN_SLAVIC_LANGUAGES.has(language)
        ? LATIN_SLAVIC_CASE_ENDINGS
        : [];
  const out: string[] = [];
  for (const [ending, nominative] of table) {
    // A stem shorter than 3 letters is not a name.
    if (word.length - ending.length >= 3 && word.endsWith(ending)) out.push(word.slice(0, -ending.length) + nominative);
  }
  return out;
}

/** Up to `limit` combinations, one reading per word, in order (first readings first). */
export function combinations(readings: string[][], limit: number): string[][] {
  let acc: string[][] = [[]];
  for (const options of readings) {
    const next: string[][] = [];
    for (const prefix of acc) for (const option of options) if (next.length < limit) next.push([...prefix, option]);
    acc = next;
  }
  return acc;
}
