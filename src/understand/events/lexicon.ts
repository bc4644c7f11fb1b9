/**
 * Events step: the trigger lexicons of data/events (core.<lang>.txt hand-curated, cameo.<lang>.txt derived
 * from the CAMEO/PETRARCH dictionaries), compiled to token patterns and indexed for one pass per sentence.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stripCombiningMarks } from "../../letters.ts";

const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../data/events");

/** Control classes that are not event types. */
export const CONTROL_CLASSES = [
  "NEG", "HEDGE", "DENY", "AGENT", "DEAD", "INJURED", "ARRESTED",
  // Grammar words the coder reads around a trigger: "halted (aid)", "must (cooperate)", "to (protest)",
  // "the (wounded)", "was (attacked) by", "the region (of) Belgorod", "the wounded" (PERSON).
  "STOP", "OBLIGE", "PURPOSE", "DET", "PASSIVE", "BY", "PLACE", "PERSON",
  // "en protesta por", "los organizadores de la huelga": a noun in a prepositional phrase (PREP).
  "PREP",
  // Words a trigger stem also covers but that name no event ("protestantes" under "protest*", "deportista"
  // under "deport*"): a NONE match as long as the trigger's hides it.
  "NONE",
  // "en protesta por", "in protest at": the protest is the motive of the sentence's act (MOTIVE).
  "MOTIVE",
  // "sin heridos", "without injuring": a preposition that negates its own complement only (NEG reaches further).
  "WITHOUT",
  // "están detenidos": a verb of state before a participle, a standing state rather than an event.
  "STATE",
  // "que", "who", "cuando": a relative pronoun or subordinating conjunction opens a clause that is not the
  // sentence's main one (up to the next comma): its event is not the main event.
  "SUBORD",
  // "han protestado", "habían detenido": the auxiliary that makes a participle a finite verb of the clause.
  "AUX",
  // "will withdraw its force unless...": a condition on an announced act makes it a threat (CONDITION).
  "CONDITION",
  // "withdraw the inspectors", "pulled out its peacekeepers": personnel sent on a mission abroad (MISSION);
  // withdrawing them is SANCTION/expel (CAMEO2PLOVER 166x), not a military retreat.
  "MISSION",
  // "killed the deputy chief", "asesinaron al alcalde": a leader or office-holder as the victim of a killing
  // makes it an assassination (CAMEO 186, ASSAULT/assassinate).
  "LEADER",
] as const;
export type ControlClass = (typeof CONTROL_CLASSES)[number];

export interface TokenPattern {
  text: string;
  /** "attack*": any word starting with text. */
  prefix: boolean;
  /** "*اتفق*": any word containing text (attached clitics). */
  contains: boolean;
  /**
   * A verb stem that matches only conjugated forms: the rest of the word is a verb ending (VERB_ENDINGS).
   * Derived Spanish stems are infinitives minus -ar/-er/-ir, and as plain prefixes they also match the
   * nouns and adjectives of the same root ("organiz*" in "organización", "integr*" in "integral").
   */
  verbal?: boolean;
}

export interface LexiconEntry {
  /** A PLOVER type or a control class. */
  cls: string;
  mode?: string;
  contexts: string[];
  tokens: TokenPattern[];
  /** Hand-curated entries are trusted more than derived ones. */
  core: boolean;
}

export interface Lexicon {
  byKey: Map<string, LexiconEntry[]>;
  containing: LexiconEntry[];
}

const KEY_LENGTH = 2;

/**
 * Spanish verb endings after an -ar/-er/-ir stem that no common noun or adjective shares: infinitives (with
 * clitics), -an/-en, imperfect, preterite plurals, participles, gerunds, subjunctive and conditional forms.
 * The 3rd person singular preterite ("organizó") is told from a noun by its accent (see matchesAt).
 */
const VERB_ENDINGS = new Set(
  [
    "ar", "er", "ir", "arse", "erse", "irse", "arlo", "arla", "arlos", "arlas", "erlo", "erla", "irlo", "irla",
    "an", "en", "amos", "emos", "imos", "aba", "aban", "ia", "ian", "aron", "ieron", "yeron",
    "ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas", "ando", "iendo", "yendo", "andose", "iendose",
    "ara", "aran", "iera", "ieran", "yera", "yeran", "ase", "asen", "iese", "iesen",
    "aria", "arian", "eria", "erian", "iria", "irian", "are", "aremos", "eremos", "iremos",
  ],
);
const ACCENTED_PRETERITE = /(?:ó|ió)$/;

/** Lower case, diacritics and apostrophe variants folded: the one form text and lexicon are compared in. */
export function normalizeWord(word: string): string {
  return stripCombiningMarks(word.toLowerCase().normalize("NFD")).replace(/[’ʼ]/g, "'");
}

/** Words of a text with offsets; apostrophes split ("s'est" -> "s", "est"; "didn't" -> "didn", "t"). */
export const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

function compilePattern(raw: string, verbal: boolean): TokenPattern[] {
  const tokens: TokenPattern[] = [];
  for (const piece of raw.trim().split(/\s+/)) {
    const contains = piece.startsWith("*");
    const prefix = piece.endsWith("*");
    const words = [...normalizeWord(piece.replace(/\*/g, "")).matchAll(WORD)].map((m) => m[0]);
    words.forEach((text, i) => {
      const isPrefix = prefix && i === words.length - 1;
      tokens.push({ text, prefix: isPrefix, contains: contains && i === 0, ...(verbal && isPrefix ? { verbal: true } : {}) });
    });
  }
  return tokens;
}

/** Languages whose derived stems match conjugated verb forms only (see TokenPattern.verbal). */
const VERBAL_DERIVED = new Set(["es"]);

function parseFile(path: string, core: boolean, into: LexiconEntry[], verbal = false): void {
  if (!existsSync(path)) return;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [cls, mode, context, patterns] = line.split("|").map((s) => s.trim());
    if (!cls || !patterns) continue;
    for (const raw of patterns.split(",")) {
      const tokens = compilePattern(raw, verbal);
      if (tokens.length === 0) continue;
      into.push({
        cls,
        mode: mode || undefined,
        contexts: context ? context.split(";").filter(Boolean) : [],
        tokens,
        core,
      });
    }
  }
}

const cache = new Map<string, Lexicon>();

/** The compiled lexicon of a language (ISO 639-1); empty when the language has none. */
export function lexiconFor(language: string): Lexicon {
  const lang = language.toLowerCase().slice(0, 2);
  const cached = cache.get(lang);
  if (cached) return cached;
  const entries: LexiconEntry[] = [];
  parseFile(resolve(DATA_DIR, `core.${lang}.txt`), true, entries);
  parseFile(resolve(DATA_DIR, `cameo.${lang}.txt`), false, entries, VERBAL_DERIVED.has(lang));
  const lexicon: Lexicon = { byKey: new Map(), containing: [] };
  for (const entry of entries) {
    const first = entry.tokens[0]!;
    if (first.contains) {
      lexicon.containing.push(entry);
      continue;
    }
    const key = first.text.slice(0, KEY_LENGTH);
    const list = lexicon.byKey.get(key) ?? [];
    list.push(entry);
    lexicon.byKey.set(key, list);
  }
  cache.set(lang, lexicon);
  return lexicon;
}

function tokenMatches(pattern: TokenPattern, word: string, raw: string | undefined): boolean {
  if (pattern.contains) return word.includes(pattern.text);
  if (!pattern.prefix) return word === pattern.text;
  if (!word.startsWith(pattern.text)) return false;
  if (!pattern.verbal) return true;
  const ending = word.slice(pattern.text.length);
  return VERB_ENDINGS.has(ending) || ((ending === "o" || ending === "io") && !!raw && ACCENTED_PRETERITE.test(raw));
}

/**
 * Entries whose patterns match the words from index `at` on, with how many words each covers. `raw` (the
 * words lower-cased, accents kept) lets verbal stems see the accent of "organizó".
 */
export function matchesAt(
  lexicon: Lexicon,
  words: readonly string[],
  at: number,
  raw?: readonly string[],
): { entry: LexiconEntry; length: number }[] {
  const word = words[at]!;
  const candidates = [...(lexicon.byKey.get(word.slice(0, KEY_LENGTH)) ?? []), ...lexicon.containing];
  const found: { entry: LexiconEntry; length: number }[] = [];
  for (const entry of candidates) {
    const { tokens } = entry;
    if (at + tokens.length > words.length) continue;
    let ok = true;
    for (let k = 0; k < tokens.length && ok; k++) ok = tokenMatches(tokens[k]!, words[at + k]!, raw?.[at + k]);
    if (ok) found.push({ entry, length: tokens.length });
  }
  return found;
}
