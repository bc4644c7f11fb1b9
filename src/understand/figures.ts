/**
 * Figures step: numbers in plain text with what they measure or count.
 *
 * 1. Hide dates, clock times and phone numbers (they are not figures).
 * 2. Read numbers written in digits (locale separators, Arabic-Indic and Persian digits) and in
 *    words (tables in figures/numbers.ts), with scale words ("1,5 milliard", "3 млн").
 * 3. Read the unit or currency around the number (figures/context.ts) and decide its kind.
 * 4. Drop what is no figure: years, days of a month, clock times, ages in apposition
 *    ("Jane Doe, 45, said"), list markers, model names ("F-16").
 *    Decision: years are skipped, not reported with kind "year": dates are the dates step's job,
 *    and a consumer of figures wants amounts.
 * 5. Find the counted noun phrase: after the number ("23 drones", "trois personnes blessées"),
 *    through a partitive ("23 de ces engins"), or, after a relative ("dont 18 ont été
 *    neutralisés"), the previous figure's noun, with the verb phrase as `predicate`.
 *
 * Offsets are JavaScript string indices, so text.slice(start, end) is the span.
 */
import {
  AGE_BEFORE,
  CLOCK_AFTER,
  CLOCK_BEFORE,
  CLOCK_SUFFIX,
  FIGURE_CONTEXTS,
  MAX_COUNTED_WORDS,
  ORDINAL_SUFFIX,
  SLAVIC_VERB_ENDING,
  UNITS_AFTER,
  UNITS_BEFORE,
  YEAR_RANGE,
  type FigureContext,
} from "./figures/context.ts";
import type { Figure, FigureKind, TextSpan } from "../schema.ts";
import { CURRENCY_SCALES, DIGIT_ZEROS, GROUP_SEPARATORS, NUMBER_WORDS, SHARED_SCALES, type NumberWords } from "./figures/numbers.ts";
import { isCapitalised, startsLowercase, startsWithDigit, startsWithElision } from "../letters.ts";

export type { Figure, FigureKind } from "../schema.ts";

const FALLBACK_LANGUAGE = "en";
/** Between the bounds of a range. */
const RANGE_GAP = /^\s?[-–—]\s?$|^\s(?:to|à|a|bis|до|tot|al|e|and|et|y|und|и|і|or|ou|o|oder)\s$/iu;
/** The scale factor a figure was read with (for ranges); kept off the public record. */
const SCALE_OF = new WeakMap<Figure, number>();
const DIGIT = "[0-9\\u0660-\\u0669\\u06f0-\\u06f9]";
const SEPARATOR = `[,.${GROUP_SEPARATORS}]`;
// Grouped thousands first ("1 500 000", "1,500"), then plain digits; an optional decimal part.
const NUMBER = new RegExp(`(?<![\\p{N}])(?<!\\p{N}[.,])(?:${DIGIT}{1,3}(?:${SEPARATOR}${DIGIT}{3})+(?!${DIGIT})|${DIGIT}+)(?:[.,٫]${DIGIT}+)?(?![\\p{N}]|[.,]${DIGIT})`, "gu");
const WORD = /[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*\.?/gu;
/** Not figures: ISO dates, numeric dates, "19/décembre/2022", clock times, phone numbers. */
const NOT_FIGURES = [
  /\b\d{4}-\d{1,2}-\d{1,2}(?:T[\d:.]+Z?)?/g,
  /\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/g,
  /\b\d{1,2}\/\p{L}+\/\d{2,4}/gu,
  /\b\d{1,2}[:h]\d{2}(?::\d{2})?(?!\d)/g,
  /\b\d+\/\d+\b/g, // fractions, scores, "24/7"
  /(?:\+|\b00)\d{1,3}[\s.-]?(?:\(?\d{1,4}\)?[\s.-]?){2,5}\d{2,4}\b/g,
  /\(\d{2,4}\)\s?\d{3,4}[\s.-]\d{3,4}\b/g,
  /\b0\d(?:[\s.-]\d{2}){4}\b/g,
];

interface Compiled {
  words: NumberWords;
  context: FigureContext;
  approximatorTail: RegExp;
  relativeTail: RegExp;
  partitiveHead: RegExp;
  unitsAfter: Array<[RegExp, UnitEntryLike]>;
  /** Matches where one of unitsAfter does: one test spares trying each on the many numbers with no unit. */
  anyUnitAfter: RegExp;
  unitsBefore: Array<[RegExp, UnitEntryLike]>;
  stops: Set<string>;
  months: Set<string>;
  yearBefore: Set<string>;
  yearAfter: Set<string>;
  scales: Map<string, number>;
  connectors: Set<string>;
  weak: Set<string>;
  /** Every number word, lower case: one lookup rejects ordinary words fast. */
  known: Set<string>;
  /** First two letters of number words: compounds are only tried on words starting so. */
  compoundStarts: Set<string>;
  /** Whole words made of number words (hyphenated, glued in compounding languages, Arabic wa- prefix). */
  numberWordPattern: RegExp;
  /** "<month> 15 to #" or "# to 17 <month>", the number replaced by "#". */
  dayRange: RegExp;
}

interface UnitEntryLike {
  unit: string;
  kind: FigureKind;
}

interface NumberHit {
  start: number;
  end: number;
  value: number;
  /** Written in words; digits otherwise. */
  words: boolean;
  approximate?: boolean;
  ordinal?: boolean;
  /** A scale word is part of the number ("3 millions"), so "de"/"of" may precede the noun. */
  scaled?: boolean;
  /** Its factor, when read after digits. */
  scale?: number;
}

const compiledCache = new Map<string, Compiled>();

function tail(entries: readonly string[]): RegExp {
  const alternatives = [...entries].sort((a, b) => b.length - a.length).map(escapeEntry).join("|");
  return new RegExp(`(?:^|[\\s,(])(?:${alternatives})\\s*$`, "iu");
}

function head(entries: readonly string[]): RegExp {
  const alternatives = [...entries].sort((a, b) => b.length - a.length).map(escapeEntry).join("|");
  return new RegExp(`^\\s*(?:${alternatives})(?![\\p{L}\\p{M}])\\s*`, "iu");
}

function escapeEntry(entry: string): string {
  return entry.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
}

function numberWordPattern(words: NumberWords): RegExp {
  const all = [words.units, words.multipliers, words.scales, words.approximate, words.ordinals].flatMap((t) => Object.keys(t));
  const known = [...new Set(all)].sort((a, b) => b.length - a.length).map(escapeEntry).join("|");
  const joined = [known, ...words.connectors.map(escapeEntry)].join("|");
  const glue = words.compounds ? "-?" : "-";
  // Not part of a longer hyphenated word ("twenty-first", "one-sided").
  return new RegExp(`(?<![\\p{L}\\p{M}]|[\\p{L}\\p{M}]-)[وف]?(?:${known})(?:${glue}(?:${joined}))*(?![\\p{L}\\p{M}]|-\\p{L})`, "giu");
}

function dayRange(context: FigureContext): RegExp {
  const months = context.months.map(escapeEntry).join("|");
  const link = "\\s*(?:-|–|to|and|au|à|et|bis|al|y|до|по|і|и)\\s*";
  return new RegExp(`(?:(?<![\\p{L}])(?:${months})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?${link}#|#${link}\\d{1,2}\\.?\\s+(?:${months})(?![\\p{L}]))`, "iu");
}

function compile(language: string): Compiled {
  const key = FIGURE_CONTEXTS[language] ? language : FALLBACK_LANGUAGE;
  const cached = compiledCache.get(key);
  if (cached) return cached;
  const words = NUMBER_WORDS[key]!;
  const context = FIGURE_CONTEXTS[key]!;
  const scales = new Map<string, number>(Object.entries({ ...SHARED_SCALES, ...words.scales }));
  const compiled: Compiled = {
    words,
    context,
    approximatorTail: tail(context.approximators),
    relativeTail: tail(context.relatives),
    partitiveHead: head(context.partitives),
    unitsAfter: UNITS_AFTER.map((u) => [new RegExp(`^[ \\u00a0\\u202f]?(?:${u.pattern})(?![\\p{L}\\p{M}])`, "iu"), u]),
    anyUnitAfter: new RegExp(`^[ \\u00a0\\u202f]?(?:${UNITS_AFTER.map((u) => `(?:${u.pattern})`).join("|")})(?![\\p{L}\\p{M}])`, "iu"),
    unitsBefore: UNITS_BEFORE.map((u) => [new RegExp(`(?:^|[^\\p{L}])(?:${u.pattern})[ \\u00a0\\u202f]?$`, "u"), u]),
    stops: new Set(context.stops),
    months: new Set(context.months),
    yearBefore: new Set(context.yearBefore),
    yearAfter: new Set(context.yearAfter),
    scales,
    connectors: new Set(words.connectors),
    weak: new Set(words.weak),
    known: new Set([words.units, words.multipliers, words.scales, words.approximate, words.ordinals].flatMap((t) => Object.keys(t))),
    compoundStarts: new Set(Object.keys({ ...words.units, ...words.multipliers, ...words.scales }).map((w) => w.slice(0, 2))),
    numberWordPattern: numberWordPattern(words),
    dayRange: dayRange(context),
  };
  compiledCache.set(key, compiled);
  return compiled;
}

export function findFigures(text: string, language: string): Figure[] {
  const c = compile(language);
  const hidden = hiddenSpans(text);
  const hits = [...digitNumbers(text, c, hidden), ...wordNumbers(text, c)].sort((a, b) => a.start - b.start);
  const figures: Figure[] = [];
  let covered = 0;
  for (const hit of hits) {
    if (hit.start < covered) continue;
    const figure = toFigure(text, c, hit, figures);
    if (!figure) continue;
    figures.push(figure);
    covered = figure.end;
  }
  shareRangeUnits(text, figures);
  return figures;
}

/** "15-20%", "300 to 350 million", "200 tot 300 passagiers": the first bound takes the second's unit, scale and noun. */
function shareRangeUnits(text: string, figures: Figure[]): void {
  for (let i = 0; i + 1 < figures.length; i++) {
    const a = figures[i]!;
    const b = figures[i + 1]!;
    if (a.kind === "ordinal" || b.kind === "ordinal" || !RANGE_GAP.test(text.slice(a.end, b.start))) continue;
    const scale = SCALE_OF.get(b);
    if (scale && !SCALE_OF.has(a)) a.value *= scale;
    if (a.kind === "count" && !a.unit && !a.counted) {
      a.kind = b.kind;
      if (b.unit) a.unit = b.unit;
      if (b.counted) a.counted = b.counted;
    } else if (b.kind === "count" && !b.unit && !b.counted && a.unit) {
      // "US$300 to 350 million": the currency is written once, before the first bound.
      b.kind = a.kind;
      b.unit = a.unit;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reading numbers

function hiddenSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const pattern of NOT_FIGURES) for (const m of text.matchAll(pattern)) spans.push([m.index, m.index + m[0].length]);
  return spans.sort((a, b) => a[0] - b[0]);
}

function toAsciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f]/g, (d) => {
    const code = d.charCodeAt(0);
    const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9)!;
    return String(code - zero);
  });
}

/** The value of a digit string under the language's separator convention. */
export function parseDigits(raw: string, decimalComma: boolean): number {
  const s = toAsciiDigits(raw).replace(/٫/g, ".");
  const groups = s.split(/[^0-9]/);
  const seps = s.replace(/[0-9]/g, "");
  if (seps.length === 0) return Number(s);
  const last = seps[seps.length - 1]!;
  const lastGroup = groups[groups.length - 1]!;
  const spaceLike = (ch: string) => GROUP_SEPARATORS.includes(ch);
  // Decide whether the last separator is a decimal mark.
  let decimal = false;
  if (!spaceLike(last)) {
    const decimalMark = decimalComma ? "," : ".";
    const mixed = new Set(seps.replace(/[\s\u00a0\u202f\u2009'’٬]/g, "")).size > 1;
    if (mixed) decimal = true; // "1.500,5" / "1,500.5": the last one is decimal
    else if (lastGroup.length !== 3) decimal = true; // "2,5", "3.75"
    else if (seps.length === 1 && last === decimalMark) decimal = true; // "1,500" in French is 1.5
  }
  const intPart = decimal ? groups.slice(0, -1).join("") : groups.join("");
  return Number(decimal ? `${intPart}.${lastGroup}` : intPart);
}

function insideHidden(hidden: Array<[number, number]>, start: number, end: number): boolean {
  // Few hidden spans per text: a linear scan is cheaper than bookkeeping.
  for (const [s, e] of hidden) {
    if (s >= end) return false;
    if (start < e && s < end) return true;
  }
  return false;
}

/** A word right after a number, maybe a scale ("5 mn", "3 bn."). */
const SCALE_WORD_AFTER = /^[ \u00a0\u202f]?([\p{L}]+\.?)/u;

function digitNumbers(text: string, c: Compiled, hidden: Array<[number, number]>): NumberHit[] {
  const out: NumberHit[] = [];
  let hiddenFrom = 0;
  for (const m of text.matchAll(NUMBER)) {
    const raw = m[0];
    const start = m.index;
    while (hiddenFrom < hidden.length && hidden[hiddenFrom]![1] <= start) hiddenFrom++;
    if (insideHidden(hidden.slice(hiddenFrom, hiddenFrom + 4), start, start + raw.length)) continue;
    let end = start + raw.length;
    let value = parseDigits(raw, c.words.decimalComma);
    const hit: NumberHit = { start, end, value, words: false };
    // A scale word after the digits: "3 millions", "1,5 млрд", "€3bn".
    const scale = SCALE_WORD_AFTER.exec(text.slice(end, end + 16));
    if (scale) {
      const word = scale[1]!.toLowerCase();
      const factor = c.scales.get(word) ?? c.scales.get(word.replace(/\.$/, ""));
      if (factor !== undefined) {
        value *= factor;
        end += scale[0].length - (c.scales.has(word) ? 0 : 1);
        Object.assign(hit, { value, end, scaled: true, scale: factor });
      }
    }
    const ordinal = ORDINAL_SUFFIX.exec(text.slice(end, end + 5));
    if (ordinal && !hit.scaled) Object.assign(hit, { end: end + ordinal[0].length, ordinal: true });
    out.push(hit);
  }
  return out;
}

type WordRole = { kind: "unit" | "multiplier" | "scale" | "approximate" | "ordinal"; value: number };

function roleOf(word: string, c: Compiled, afterNumber: boolean): WordRole | undefined {
  const lower = word.toLowerCase();
  const w = c.words;
  if (afterNumber && w.scales[lower] !== undefined) return { kind: "scale", value: w.scales[lower]! };
  if (w.units[lower] !== undefined) return { kind: "unit", value: w.units[lower]! };
  if (w.multipliers[lower] !== undefined) return { kind: "multiplier", value: w.multipliers[lower]! };
  if (w.approximate[lower] !== undefined) return { kind: "approximate", value: w.approximate[lower]! };
  if (w.scales[lower] !== undefined) return { kind: "scale", value: w.scales[lower]! };
  if (w.ordinals[lower] !== undefined) return { kind: "ordinal", value: w.ordinals[lower]! };
  return undefined;
}

/** Arabic "wa-"/"fa-" (and, so) glued to a word. */
const ARABIC_CONJUNCTION_PREFIX = /^[وف]\p{L}/u;

/** Parts of a written number glued into one word ("dreiundzwanzig", "vingt-trois", "وعشرين"), or undefined. */
function splitNumberWord(word: string, c: Compiled): string[] | undefined {
  const lower = word.toLowerCase();
  if (c.known.has(lower)) return [lower];
  if (lower.includes("-")) {
    // "quatre-vingt-dix", "twenty-three": join parts that are themselves table entries.
    const parts = lower.split("-");
    const out: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      const pair = i + 1 < parts.length ? `${parts[i]}-${parts[i + 1]}` : "";
      if (pair && roleOf(pair, c, true)) {
        out.push(pair);
        i++;
      } else if (roleOf(parts[i]!, c, true) || c.connectors.has(parts[i]!)) out.push(parts[i]!);
      else return undefined;
    }
    return out;
  }
  if (ARABIC_CONJUNCTION_PREFIX.test(lower) && c.known.has(lower.slice(1))) return [lower.slice(1)];
  if (c.words.compounds && lower.length > 5 && c.compoundStarts.has(lower.slice(0, 2))) return splitCompound(lower, c);
  return undefined;
}

/** Greedy longest-match split of a compound numeral; undefined unless the whole word is covered. */
function splitCompound(word: string, c: Compiled): string[] | undefined {
  const parts: string[] = [];
  let i = 0;
  while (i < word.length) {
    let found = "";
    for (let j = word.length; j > i; j--) {
      const piece = word.slice(i, j);
      if (c.known.has(piece) || c.connectors.has(piece)) {
        found = piece;
        break;
      }
    }
    if (!found) return undefined;
    parts.push(found);
    i += found.length;
  }
  // "eventi" is no "e" + "venti": a joining word sits only between two numbers.
  if (parts.length < 2 || c.connectors.has(parts[0]!) || c.connectors.has(parts[parts.length - 1]!)) return undefined;
  return parts;
}

/** The gap between two number words: spaces, maybe one word between. */
const JOINER_GAP = /^[ \u00a0]+(?:(\p{L}+)[ \u00a0]+)?$/u;

function wordNumbers(text: string, c: Compiled): NumberHit[] {
  const out: NumberHit[] = [];
  // Only words made of number words are looked at: one regex pass instead of a lookup per word.
  const found = [...text.matchAll(c.numberWordPattern)];
  for (let k = 0; k < found.length; k++) {
    const first = splitNumberWord(found[k]![0].replace(/\.$/, ""), c);
    if (!first) continue;
    // Extend over following number words separated by spaces or a joining word ("vingt et un").
    const parts = [...first];
    let last = k;
    for (let n = k + 1; n < found.length; n++) {
      const gap = text.slice(found[n - 1]!.index + found[n - 1]![0].length, found[n]!.index);
      const joiner = JOINER_GAP.exec(gap);
      if (!joiner || (joiner[1] && !c.connectors.has(joiner[1].toLowerCase()))) break;
      const next = splitNumberWord(found[n]![0], c);
      if (!next) break;
      if (roleOf(next[0]!, c, true)?.kind === "approximate" && !c.scales.has(next[0]!)) break;
      parts.push(...next);
      last = n;
    }
    const value = combine(parts, c);
    const startToken = found[k]!;
    const lastToken = found[last]!;
    k = last;
    if (!value) continue;
    const end = lastToken.index + lastToken[0].replace(/\.$/, "").length;
    out.push({ start: startToken.index, end, words: true, ...value });
  }
  return out;
}

const LOWERCASE_WORD = /^\p{Ll}{3,}$/u;

/** The value of a run of number words; undefined for a lone article ("un", "one"). */
function combine(parts: string[], c: Compiled): Omit<NumberHit, "start" | "end" | "words"> | undefined {
  const words = parts.filter((p) => !c.connectors.has(p));
  if (words.length === 0) return undefined;
  if (words.length === 1) {
    const role = roleOf(words[0]!, c, false)!;
    if (c.weak.has(words[0]!)) return undefined;
    if (role.kind === "approximate") return { value: role.value, approximate: true };
    if (role.kind === "ordinal") return { value: role.value, ordinal: true };
    // A lone "k", "bn" or "Mio." is no number ("K2-18b"); "million", "mil" alone are.
    if (role.kind === "scale") return LOWERCASE_WORD.test(words[0]!) && !(words[0]! in SHARED_SCALES) ? { value: role.value, scaled: true } : undefined;
    return { value: role.value };
  }
  let total = 0;
  let current = 0;
  let lastScale = Infinity;
  let scaled = false;
  for (let i = 0; i < words.length; i++) {
    const role = roleOf(words[i]!, c, i > 0);
    if (!role || role.kind === "ordinal") return undefined;
    if (role.kind === "unit") current += role.value;
    else if (role.kind === "multiplier") current = (current || 1) * role.value;
    else if (role.kind === "approximate") return { value: role.value, approximate: true };
    else {
      scaled = true;
      if (current === 0 && total > 0 && role.value > lastScale) total *= role.value; // "mil millones"
      else total += (current || 1) * role.value;
      current = 0;
      lastScale = role.value;
    }
  }
  const value = total + current;
  return value > 0 ? { value, scaled } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Units, exclusions, counted nouns

/** Text before a number that glues it into a word ("COVID-19", "G7"). */
const GLUED_BEFORE = /[\p{L}][-‐]?$|\p{L}[\p{L}\p{N}]*[-‐]$|['’]$/u;
const LETTER_AFTER = /^[-‐]?\p{L}/u;
const NON_LETTER_INITIAL = /^[^\p{L}]/u;
/** A scale letter right after an amount ("5m", "3bn"). */
const SCALE_LETTER_SUFFIX = /^([mkb])n?(?![\p{L}])/iu;
const CAPITALISED_WORD_AND_COMMA_BEFORE = /\p{Lu}\p{L}+,\s*$/u;
const NUMBER_AND_UNIT_BEFORE = /\p{N}\s?\p{L}{1,3}\s?$/u;

function toFigure(text: string, c: Compiled, hit: NumberHit, earlier: Figure[]): Figure | undefined {
  let { start, end, value } = hit;
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 40);
  let unit: string | undefined;
  let kind: FigureKind = hit.ordinal ? "ordinal" : "count";

  if (!hit.words) {
    // Glued to a word or code ("F-16", "A380-800", "'11"), but "GBP738" is money.
    const glued = (GLUED_BEFORE.test(before)) && !/(?:\$|\b[A-Z]{3})$/u.test(before);
    if (glued || /(?:[#№]|\b(?:no|nr|n°)\.?)\s?$/iu.test(before)) return undefined; // F-16, COVID-19, No. 1
    if (isModelNumber(text, c, hit, before)) return undefined; // iPhone 4, FTSE 100, Chapter 11
    if (!hit.ordinal && LETTER_AFTER.test(after) && !/^[ \u00a0]/.test(after)) {
      // Letters glued to the digits must be a unit ("10km", "5%", "3bn"); otherwise a code ("5G").
      if (!c.anyUnitAfter.test(after) && !/^[$€£¥₽₴%٪]/.test(after) && !hit.scaled) return undefined;
    }
    if (/(?:^|\n)[ \t]*$/.test(before) && /^[.)]\s/.test(after)) return undefined; // "1." list marker
  }

  // Currency before: "$3m", "US$40 billion", "€ 20".
  for (const [re, entry] of c.unitsBefore) {
    const m = re.exec(before);
    if (!m) continue;
    unit = entry.unit;
    kind = entry.kind;
    start -= m[0].length - (NON_LETTER_INITIAL.test(m[0]) && !/^[$€£¥₽₴]/u.test(m[0]) ? 1 : 0);
    if (!hit.scaled && !hit.words) {
      const scale = SCALE_LETTER_SUFFIX.exec(after);
      if (scale) {
        value *= CURRENCY_SCALES[scale[1]!.toLowerCase()] ?? 1;
        end += scale[0].length;
      }
    }
    break;
  }
  // Unit after, possibly behind "de"/"d'"/"of" once a scale word was read ("3 milliards de dollars").
  if (!unit && !hit.ordinal) {
    const rest = text.slice(end, end + 48);
    const link = hit.scaled ? /^[ \u00a0]?(?:(?:de|of|de los|dei|di|van)(?=\s)|d['’])/iu.exec(rest) : null;
    const offset = link ? link[0].length : 0;
    const unitText = rest.slice(offset);
    for (const [re, entry] of c.anyUnitAfter.test(unitText) ? c.unitsAfter : []) {
      const m = re.exec(unitText);
      if (!m) continue;
      unit = entry.kind === "measure" && entry.unit === "unit" ? m[0].trim() : entry.unit;
      kind = entry.kind;
      end += offset + m[0].length;
      break;
    }
  }
  if (kind === "duration" || kind === "count") {
    const next = text.slice(hit.end, hit.end + 12);
    if ((CLOCK_BEFORE.test(before) && CLOCK_AFTER.test(next)) || CLOCK_SUFFIX.test(next)) return undefined;
    if (AGE_BEFORE.test(before)) return undefined;
  }
  if ((kind === "count" || kind === "duration") && isDateOrYear(text, c, hit)) return undefined; // "2022 года" is a year
  // An age in apposition: "Jane Doe, 45, said".
  if (kind === "count" && !hit.words && value < 130 && CAPITALISED_WORD_AND_COMMA_BEFORE.test(before) && /^\s*,/.test(after)) return undefined;

  const figure: Figure = { start, end, text: text.slice(start, end), value, kind };
  if (hit.scale) SCALE_OF.set(figure, hit.scale);
  if (unit) figure.unit = unit;
  // "200 tot 300": the second bound of a range is no "up to".
  if (hit.approximate || (c.approximatorTail.test(before) && !NUMBER_AND_UNIT_BEFORE.test(before))) figure.approximate = true;
  if (kind === "count" || kind === "ordinal") countedOf(text, c, hit, figure, earlier);
  return figure;
}

const CAPITALISED_NAME_BEFORE = /(\p{L}*\p{Lu}[\p{L}&'’]*) $/u;
const NEXT_WORD = /^\s*([\p{L}]+)/u;

/** A number right after a capitalised name and not followed by a noun names a model or an index. */
function isModelNumber(text: string, c: Compiled, hit: NumberHit, before: string): boolean {
  const name = CAPITALISED_NAME_BEFORE.exec(before);
  if (!name || c.months.has(name[1]!.toLowerCase())) return false;
  if (isSentenceStart(before.slice(0, name.index))) return false; // "Three of them", "Kyiv 23"? a sentence start is a plain word
  const following = NEXT_WORD.exec(text.slice(hit.end, hit.end + 30))?.[1];
  return !following || c.stops.has(following.toLowerCase()) || isCapitalised(following) || /^[,.;:)]/.test(text.slice(hit.end).trimStart());
}

function isSentenceStart(before: string): boolean {
  return /(?:^|[.!?:]\s+|\n\s*)$/.test(before);
}

const PREVIOUS_WORD = /([\p{L}]+)[\s,]*$/u;

function previousWord(text: string, pos: number): string {
  return PREVIOUS_WORD.exec(text.slice(Math.max(0, pos - 30), pos))?.[1]?.toLowerCase() ?? "";
}

/** The next word, past a linking preposition or ordinal ending. */
const NEXT_WORD_PAST_LINKER = /^[\s]*(?:(?:de|of|del|di|-го|-е|th|st|nd|rd|er)\s+)?([\p{L}]+)/u;

function nextWord(text: string, pos: number): string {
  return NEXT_WORD_PAST_LINKER.exec(text.slice(pos, pos + 30))?.[1]?.toLowerCase() ?? "";
}

const NEXT_SPACED_WORD = /^\s+([\p{L}]+)/u;

function isDateOrYear(text: string, c: Compiled, hit: NumberHit): boolean {
  if (hit.words || hit.scaled) return false;
  const raw = text.slice(hit.start, hit.end);
  const before = previousWord(text, hit.start);
  const next = nextWord(text, hit.end);
  const value = hit.value;
  if (Number.isInteger(value) && value >= 1 && value <= 31) {
    if (c.months.has(next) || c.months.has(before)) return true;
    // "March 15 to 17", "15-17 mars": a day range around a month name.
    const context = text.slice(Math.max(0, hit.start - 30), hit.start) + "#" + text.slice(hit.end, hit.end + 30);
    if (c.dayRange.test(context)) return true;
  }
  if (!/^\d{4}$/.test(toAsciiDigits(raw)) || value < YEAR_RANGE.min || value > YEAR_RANGE.max) return false;
  if (c.approximatorTail.test(text.slice(Math.max(0, hit.start - 30), hit.start))) return false;
  if (c.yearBefore.has(before) || c.months.has(before) || c.yearAfter.has(next.replace(/\.$/, ""))) return true;
  // A count is followed by what it counts; a year rarely is.
  const following = NEXT_SPACED_WORD.exec(text.slice(hit.end, hit.end + 30))?.[1];
  return !following || c.stops.has(following.toLowerCase()) || isCapitalised(following) || startsWithElision(text.slice(hit.end).trimStart());
}

/** Set `figure.counted` (and `predicate` for "dont 18 ont été neutralisés"). */
function countedOf(text: string, c: Compiled, hit: NumberHit, figure: Figure, earlier: Figure[]): void {
  let pos = figure.end;
  const partitive = c.partitiveHead.exec(text.slice(pos, pos + 40));
  let viaPartitive = false;
  if (partitive) {
    pos += partitive[0].length;
    viaPartitive = true;
  } else if (hit.scaled || hit.approximate) {
    const link = /^\s+(?:de|of|del|di|van)\s+|^\s+d['’]/iu.exec(text.slice(pos, pos + 12));
    if (link) pos += link[0].length;
  }
  const counted = nounPhrase(text, c, pos);
  if (counted) {
    figure.counted = counted;
    return;
  }
  const before = text.slice(Math.max(0, figure.start - 40), figure.start);
  if (!c.relativeTail.test(before) && !viaPartitive) return;
  // Part of the previous figure of the sentence: it counts the same thing.
  const previous = [...earlier].reverse().find((f) => f.counted && !/[.!?]\s/.test(text.slice(f.end, figure.start)));
  if (!previous?.counted) return;
  figure.counted = previous.counted;
  const predicate = verbPhrase(text, c, figure.end);
  if (predicate) figure.predicate = predicate;
}

function tokensFrom(text: string, pos: number, limit: number): TextSpan[] {
  const out: TextSpan[] = [];
  const slice = text.slice(pos, pos + 120);
  let cursor = 0;
  for (const m of slice.matchAll(WORD)) {
    if (!/^[ \u00a0]*$/.test(slice.slice(cursor, m.index))) break; // punctuation ends the phrase
    const word = m[0].replace(/\.$/, "");
    out.push({ start: pos + m.index, end: pos + m.index + word.length, text: word });
    cursor = m.index + m[0].length;
    if (word.length !== m[0].length) break; // a sentence-final period
    if (out.length >= limit) break;
  }
  return out;
}

function isStop(c: Compiled, word: string): boolean {
  const lower = word.toLowerCase();
  return c.stops.has(lower) || startsWithDigit(word) || c.known.has(lower);
}

const ELIDED_ARTICLE = /^(?:d|l|de|dell|degli)['’](?=\p{L})/iu;

/** The noun phrase starting at `pos`: head noun plus following adjectives, or adjectives plus head. */
function nounPhrase(text: string, c: Compiled, pos: number): TextSpan | undefined {
  const tokens = tokensFrom(text, pos, MAX_COUNTED_WORDS + 2);
  if (tokens.length > 0) {
    // An elided article glued to the noun: "d'hommes", "l'armée".
    const elided = ELIDED_ARTICLE.exec(tokens[0]!.text);
    if (elided) tokens[0] = { start: tokens[0]!.start + elided[0].length, end: tokens[0]!.end, text: tokens[0]!.text.slice(elided[0].length) };
  }
  const taken: TextSpan[] = [];
  const ctx = c.context;
  const slavic = ctx === FIGURE_CONTEXTS.ru || ctx === FIGURE_CONTEXTS.uk;
  const german = ctx === FIGURE_CONTEXTS.de;
  for (const token of tokens) {
    if (taken.length >= MAX_COUNTED_WORDS || isStop(c, token.text)) break;
    if (slavic && SLAVIC_VERB_ENDING.test(token.text) && !ctx.prenominalSuffixes!.test(token.text)) break;
    if (ctx.nounFirst) {
      if (taken.length > 0 && !ctx.adjectiveSuffixes?.test(token.text)) break;
      taken.push(token);
      continue;
    }
    taken.push(token);
    const modifier = german ? startsLowercase(token.text) : ctx.prenominalSuffixes?.test(token.text) ?? false;
    if (!modifier) break; // the head noun ends the phrase
  }
  // English: a trailing participle after the head is a verb ("5 people killed").
  if (taken.length === 0) return undefined;
  const s = taken[0]!.start;
  const e = taken[taken.length - 1]!.end;
  return { start: s, end: e, text: text.slice(s, e) };
}

/** Auxiliaries then up to two content words: "ont été neutralisés", "were shot down". */
function verbPhrase(text: string, c: Compiled, pos: number): TextSpan | undefined {
  const tokens = tokensFrom(text, pos, 6);
  let content = 0;
  let last: TextSpan | undefined;
  for (const token of tokens) {
    if (c.stops.has(token.text.toLowerCase())) {
      if (content > 0) break;
    } else if (++content > 2) break;
    last = token;
  }
  if (!last || content === 0) return undefined;
  const s = tokens[0]!.start;
  return { start: s, end: last.end, text: text.slice(s, last.end) };
}
