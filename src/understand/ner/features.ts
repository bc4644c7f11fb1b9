/**
 * NER step: hand-designed, hashed features for the linear tagger.
 *
 * Each distinct token string gets a small vector of "unit" hashes once (lowercase form, shape,
 * affixes, flags), cached; each position then combines its neighbours' units with a template id by
 * integer mixing, so per-token cost is a few dozen integer operations and no string work.
 * Every position yields exactly FEATURES_PER_TOKEN bucket indices, stored flat.
 */
import { fnv1a, mix32 } from "../../hash.ts";
import type { Gazetteer } from "./gazetteer.ts";
import { wordClass, type WordClasses } from "./lexicon.ts";
import { hasDigit, hasHanOrKana, hasLetter, hasLowercase, hasUppercase, isCapitalised } from "../../letters.ts";

/** Unit slots computed once per token string. */
const enum Slot {
  Lower, // lowercase, digits folded to 0
  Raw,
  ShortShape, // Xx, X, x.x, d
  LongShape, // Xxxxx capped
  P1, P2, P3, P4,
  S1, S2, S3, S4,
  Flags,
  LengthScript,
  Count,
}

/** [offset, slot] pairs read at each position; the template id is the pair's index. */
const WINDOW_TEMPLATES: ReadonlyArray<readonly [number, Slot]> = [
  ...Array.from({ length: Slot.Count }, (_, slot) => [0, slot as Slot] as const),
  [-1, Slot.Lower], [-1, Slot.ShortShape], [-1, Slot.Flags], [-1, Slot.S3],
  [1, Slot.Lower], [1, Slot.ShortShape], [1, Slot.Flags], [1, Slot.S3],
  [-2, Slot.Lower], [-2, Slot.ShortShape],
  [2, Slot.Lower], [2, Slot.ShortShape],
];

export const WINDOW_OFFSETS = Int32Array.from(WINDOW_TEMPLATES, ([offset]) => offset);
/** Positions padded either side of a sentence: the widest window offset. */
export const PAD = 2;
const WINDOW_SLOTS = Int32Array.from(WINDOW_TEMPLATES, ([, slot]) => slot);

/** Conjunctions of two or three window units: [offset, slot] lists. */
const CONJUNCTION_TEMPLATES: ReadonlyArray<ReadonlyArray<readonly [number, Slot]>> = [
  [[-1, Slot.Lower], [0, Slot.Lower]],
  [[0, Slot.Lower], [1, Slot.Lower]],
  [[-1, Slot.Lower], [0, Slot.ShortShape]],
  [[0, Slot.ShortShape], [1, Slot.Lower]],
  [[-1, Slot.ShortShape], [0, Slot.ShortShape], [1, Slot.ShortShape]],
  [[-2, Slot.Lower], [-1, Slot.Lower]],
];

/** The conjunction templates flat: parts of template c are CONJ_OFFSETS/CONJ_SLOTS[CONJ_START[c] .. CONJ_START[c + 1]). */
const CONJ_START = Int32Array.from([0, ...CONJUNCTION_TEMPLATES.map((_, c) => CONJUNCTION_TEMPLATES.slice(0, c + 1).reduce((n, parts) => n + parts.length, 0))]);
const CONJ_OFFSETS = Int32Array.from(CONJUNCTION_TEMPLATES.flat(), ([offset]) => offset);
const CONJ_SLOTS = Int32Array.from(CONJUNCTION_TEMPLATES.flat(), ([, slot]) => slot);

/** Features that are not window units: sentence position, gazetteer, bias, word classes. */
const EXTRA_FEATURES = 9;

export const CONTEXT_FEATURES_PER_TOKEN = CONJUNCTION_TEMPLATES.length + EXTRA_FEATURES;
export const FEATURES_PER_TOKEN = WINDOW_TEMPLATES.length + CONTEXT_FEATURES_PER_TOKEN;

/** Units of the pads outside a sentence, for callers that cache per word (scorer.ts). */
export function boundaryUnits(): { before: Int32Array; after: Int32Array } {
  return { before: BEFORE_START, after: AFTER_END };
}

/** 32-bit FNV-1a of a string (the feature keys' hash; trained weights depend on it). */
export const hashString = fnv1a;

/** Murmur3 finaliser over a pair: cheap, well-spread combination of two hashes. */
export function mix(a: number, b: number): number {
  return mix32(a ^ Math.imul(b + 0x9e3779b9, 0x85ebca6b));
}

const MARK = /\p{M}/u;

function charClass(ch: string): string {
  if (hasUppercase(ch)) return "X";
  if (hasLowercase(ch)) return "x";
  if (hasDigit(ch)) return "d";
  if (hasLetter(ch)) return "L"; // caseless letters: Arabic, Han, Hebrew...
  if (MARK.test(ch)) return "m";
  return ch;
}

/** charClass of each ASCII character, so plain words need no Unicode test. */
const ASCII_CLASS = Array.from({ length: 128 }, (_, code) => charClass(String.fromCharCode(code)));

function classesOf(word: string): string[] {
  const classes: string[] = [];
  for (const ch of word) {
    const code = ch.charCodeAt(0);
    classes.push(code < 0x80 ? ASCII_CLASS[code]! : charClass(ch));
  }
  return classes;
}

export function wordShape(word: string): { long: string; short: string } {
  const classes = classesOf(word);
  const long = classes.length > 8 ? classes.slice(0, 4).join("") + "~" + classes.slice(-3).join("") : classes.join("");
  let short = "";
  for (const c of classes) if (short[short.length - 1] !== c) short += c;
  return { long, short };
}

const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const ARABIC = /\p{Script=Arabic}/u;

function scriptOf(word: string): string {
  if (LATIN.test(word)) return "lat";
  if (CYRILLIC.test(word)) return "cyr";
  if (ARABIC.test(word)) return "ara";
  if (hasHanOrKana(word)) return "cjk";
  if (hasLetter(word)) return "oth";
  if (hasDigit(word)) return "num";
  return "pun";
}

/** Global: used by replace only. */
const DECIMAL_DIGIT = /\p{Nd}/gu;
const LETTERS_ONLY = /^[\p{L}\p{M}]+$/u;

const SURROGATE = /[\uD800-\uDFFF]/;

/** chars.slice(start, end) as a string, for a string (code units = code points) or an array of code points. */
function affix(chars: string | string[], start: number, end?: number): string {
  return typeof chars === "string" ? chars.slice(start, end) : chars.slice(start, end).join("");
}

function computeUnits(word: string): Int32Array {
  const units = new Int32Array(Slot.Count);
  const lower = word.toLowerCase().replace(DECIMAL_DIGIT, "0");
  // Affixes count code points: a word with no surrogate pair (almost all) can be cut by index.
  const chars = SURROGATE.test(lower) ? Array.from(lower) : lower;
  const { long, short } = wordShape(word);
  const firstUpper = isCapitalised(word);
  const allUpper = firstUpper && !hasLowercase(word) && word.length > 1;
  const flags = [
    firstUpper ? "C" : "c",
    allUpper ? "A" : "a",
    hasDigit(word) ? "D" : "d",
    word.includes("-") ? "H" : "h",
    word.includes(".") ? "P" : "p",
    LETTERS_ONLY.test(word) ? "W" : "w",
  ].join("");
  const strings = [
    "w" + lower, "W" + word, "s" + short, "S" + long,
    "p" + affix(chars, 0, 1), "pp" + affix(chars, 0, 2), "ppp" + affix(chars, 0, 3), "pppp" + affix(chars, 0, 4),
    "q" + affix(chars, -1), "qq" + affix(chars, -2), "qqq" + affix(chars, -3), "qqqq" + affix(chars, -4),
    "f" + flags, "l" + Math.min(chars.length, 12) + scriptOf(word),
  ];
  strings.forEach((s, i) => (units[i] = hashString(s) | 0));
  return units;
}

/** Units for positions outside the sentence. */
const BEFORE_START = computeUnits("<S>");
const AFTER_END = computeUnits("</S>");

/** Bounded cache of per-string units; cleared wholesale when full (cheap and good enough). */
const UNIT_CACHE = new Map<string, Int32Array>();
const UNIT_CACHE_LIMIT = 200_000;

export function unitsOf(word: string): Int32Array {
  let units = UNIT_CACHE.get(word);
  if (!units) {
    if (UNIT_CACHE.size >= UNIT_CACHE_LIMIT) UNIT_CACHE.clear();
    units = computeUnits(word);
    UNIT_CACHE.set(word, units);
  }
  return units;
}

const GAZ_NONE = hashString("g-");

/** Units of each position of a sentence, with PAD boundary pads either side: units[i + PAD] is word i. */
export function sentenceUnits(words: readonly string[], lookup: (word: string) => Int32Array = unitsOf): Int32Array[] {
  const n = words.length;
  const units: Int32Array[] = new Array(n + 4);
  units[0] = units[1] = BEFORE_START;
  for (let i = 0; i < n; i++) units[i + 2] = lookup(words[i]!);
  units[n + 2] = units[n + 3] = AFTER_END;
  return units;
}

/**
 * Bucket indices for every position of one sentence, flat: position i owns
 * [i * FEATURES_PER_TOKEN, (i + 1) * FEATURES_PER_TOKEN).
 */
export function featurize(words: readonly string[], gazetteer: Gazetteer | undefined, mask: number, classes?: WordClasses): Int32Array {
  const n = words.length;
  const units = sentenceUnits(words);
  const out = new Int32Array(n * FEATURES_PER_TOKEN);
  const windowCount = WINDOW_OFFSETS.length;
  for (let i = 0; i < n; i++) {
    // units[i + 2 + offset] is the token at relative position offset
    const base = i * FEATURES_PER_TOKEN;
    for (let t = 0; t < windowCount; t++) out[base + t] = windowFeature(units[i + 2 + WINDOW_OFFSETS[t]!]!, t, mask);
  }
  writeContextFeatures(words, units, gazetteer, mask, Int32Array.from(words, (word) => wordClass(word, classes)), out, FEATURES_PER_TOKEN, windowCount);
  return out;
}

/** Window template `t` read from the units of the token it looks at. */
export function windowFeature(units: Int32Array, t: number, mask: number): number {
  return mix(units[WINDOW_SLOTS[t]!]!, t + 1) & mask;
}

/**
 * Only the features that are not single-token window units (conjunctions, gazetteer, position,
 * classes), CONTEXT_FEATURES_PER_TOKEN per position: the tagger adds the window part from a
 * per-word cache (scorer.ts), since it depends on one word only.
 */
export function featurizeContext(
  words: readonly string[],
  units: Int32Array[],
  gazetteer: Gazetteer | undefined,
  mask: number,
  wordClasses: Int32Array,
  out = new Int32Array(words.length * CONTEXT_FEATURES_PER_TOKEN),
): Int32Array {
  writeContextFeatures(words, units, gazetteer, mask, wordClasses, out, CONTEXT_FEATURES_PER_TOKEN, 0);
  return out;
}

/** Padded gazetteer tags and word classes, reused across sentences (every cell read is written first). */
let gazScratch = new Int32Array(0);
let classScratch = new Int32Array(0);

function writeContextFeatures(
  words: readonly string[],
  units: Int32Array[],
  gazetteer: Gazetteer | undefined,
  mask: number,
  wordClasses: Int32Array,
  out: Int32Array,
  stride: number,
  first: number,
): void {
  const n = words.length;
  const gazetteerTags = gazetteer ? gazetteer.tag(words) : [];
  // Padded by one either side so neighbours need no bounds checks.
  if (gazScratch.length < n + 2) {
    gazScratch = new Int32Array(2 * (n + 2));
    classScratch = new Int32Array(2 * (n + 2));
  }
  const gazPadded = gazScratch;
  const classPadded = classScratch;
  gazPadded[0] = gazPadded[n + 1] = GAZ_NONE;
  classPadded[0] = classPadded[n + 1] = -1;
  for (let i = 0; i < n; i++) {
    gazPadded[i + 1] = gazetteerTags[i] ?? GAZ_NONE;
    classPadded[i + 1] = wordClasses[i]!;
  }
  const windowCount = WINDOW_OFFSETS.length;
  const conjunctions = CONJUNCTION_TEMPLATES.length;
  for (let i = 0; i < n; i++) {
    let k = i * stride + first;
    let t = windowCount;
    for (let c = 0; c < conjunctions; c++) {
      let h = ++t;
      for (let p = CONJ_START[c]!; p < CONJ_START[c + 1]!; p++) h = mix(h, units[i + 2 + CONJ_OFFSETS[p]!]![CONJ_SLOTS[p]!]!);
      out[k++] = h & mask;
    }
    const shape = units[i + 2]![Slot.ShortShape]!;
    const position = i === 0 ? 1 : i === 1 ? 2 : 3;
    const gaz = gazPadded[i + 1]!;
    out[k++] = mix(mix(++t, position), shape) & mask;
    out[k++] = mix(++t, gaz) & mask;
    out[k++] = mix(++t, gazPadded[i]!) & mask;
    out[k++] = mix(++t, gazPadded[i + 2]!) & mask;
    out[k++] = mix(mix(++t, gaz), shape) & mask;
    out[k++] = mix(++t, 0) & mask; // bias
    // Word classes after the bias so older template ids keep their meaning.
    const cls = classPadded[i + 1]!;
    out[k++] = mix(mix(++t, position), cls) & mask;
    out[k++] = mix(mix(++t, cls), classPadded[i]!) & mask;
    out[k++] = mix(mix(++t, cls), classPadded[i + 2]!) & mask;
  }
}
