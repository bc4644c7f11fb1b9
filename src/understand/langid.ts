/**
 * Understand step 1: language identification (see docs/langid.md for the choice and its numbers).
 *
 * Three layers, cheapest first:
 *  1. Unicode script prior: a script used by one supported language decides outright (Greek, Hangul, kana...).
 *  2. Lingua (@bluzzi/lingua, the WebAssembly build of lingua-rs, 75 languages, high-accuracy mode) for the
 *     rest, on the words of the text's dominant script only, so a foreign label does not skew the n-grams.
 *  3. Close-language markers (data/langid/close-languages.json) settle pairs that character n-grams confuse
 *     (ms/id, bs/hr, nb/nn, cs/sk, hi/mr, af/nl, Latin against Basque and Dutch) when the text holds words,
 *     stems, endings or phrases standard in only one member.
 * Paragraph and document detection build on detectLanguage; codes are ISO 639-1.
 */
import { quickLanguage } from "../extract/language.ts";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { LanguageDetectorBuilder, type LanguageDetector } from "@bluzzi/lingua";

const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../data/langid");

/** Fewer letters than this (in an alphabetic script) carry no usable signal. */
const MIN_LETTERS = 2;
/** One Han/kana/Hangul character already names its script, so one is enough there. */
const MIN_LETTERS_LOGOGRAPHIC = 1;
/** Share of the words a single-language script needs to decide without the model. */
const SCRIPT_DECIDES_SHARE = 0.5;
/** Lingua's cost grows with length while accuracy is flat past a few hundred characters. */
const MAX_MODEL_CHARS = 600;
/** How many runner-up languages to report. */
const MAX_ALTERNATIVES = 3;
/** Alternatives below this confidence are noise. */
const MIN_ALTERNATIVE_CONFIDENCE = 0.01;
/** A hinted language wins when its confidence is at least this fraction of the top one. */
const HINT_MIN_RATIO = 0.5;
/** Marker evidence must lead by this many tokens to override the model inside a close group. */
const MARKER_MIN_LEAD = 1;
/** Distinctive-letter vetoes need this many letters: a short phrase may lack them by chance. */
const VETO_MIN_LETTERS = 15;
/** Lingua reports exactly 1 when its rule engine, not its n-gram models, made the call. */
const RULE_ENGINE_CONFIDENCE = 1;
/** A run of another script inside a paragraph becomes its own segment from this many letters. */
const MIN_FOREIGN_RUN_LETTERS = 10;
/** Segments with fewer letters are labels (captions, names) and do not vote for the document language. */
const MIN_DOCUMENT_SEGMENT_LETTERS = 40;

/** Scripts that, among the supported languages, belong to exactly one language. */
const SINGLE_LANGUAGE_SCRIPTS: Record<string, string> = {
  Greek: "el",
  Hebrew: "he",
  Georgian: "ka",
  Armenian: "hy",
  Thai: "th",
  Hangul: "ko",
  Gujarati: "gu",
  Gurmukhi: "pa",
  Tamil: "ta",
  Telugu: "te",
  Bengali: "bn",
};

/** Script of a letter, by Unicode Script property (kana and Han are told apart for ja/zh). */
const SCRIPT_PATTERNS: Array<[string, RegExp]> = [
  ["Latin", /\p{Script=Latin}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Arabic", /\p{Script=Arabic}/u],
  ["Kana", /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ["Han", /\p{Script=Han}/u],
  ["Hangul", /\p{Script=Hangul}/u],
  ["Devanagari", /\p{Script=Devanagari}/u],
  ["Greek", /\p{Script=Greek}/u],
  ["Hebrew", /\p{Script=Hebrew}/u],
  ["Georgian", /\p{Script=Georgian}/u],
  ["Armenian", /\p{Script=Armenian}/u],
  ["Thai", /\p{Script=Thai}/u],
  ["Gujarati", /\p{Script=Gujarati}/u],
  ["Gurmukhi", /\p{Script=Gurmukhi}/u],
  ["Tamil", /\p{Script=Tamil}/u],
  ["Telugu", /\p{Script=Telugu}/u],
  ["Bengali", /\p{Script=Bengali}/u],
];
/**
 * Scripts written without spaces: letters per word, so a run of them weighs like the words it holds.
 * Script dominance is counted in words, not letters, because abjads (Arabic, Hebrew) and abugidas
 * (Devanagari) spell a word with fewer letters than Latin does.
 */
const LETTERS_PER_WORD: Record<string, number> = { Han: 1.5, Kana: 2, Thai: 5 };
/** Han and kana are written together in Japanese: one family for segmentation. */
const SCRIPT_FAMILY: Record<string, string> = { Han: "CJK", Kana: "CJK" };
const LOGOGRAPHIC_SCRIPTS = new Set(["Han", "Kana", "Hangul"]);

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;
const LETTER = /\p{L}/u;

export interface LanguageGuess {
  language: string;
  confidence: number;
}
export interface LanguageDetection extends LanguageGuess {
  alternatives?: LanguageGuess[];
}
export interface LanguageSpan {
  start: number;
  end: number;
  language: string;
  confidence: number;
}

interface CloseGroup {
  languages: string[];
  /** per member: whole words standard in that member only */
  markers: Record<string, Set<string>>;
  /** per member: word beginnings standard in that member only (a stem with all its inflections) */
  stems: Record<string, Set<string>>;
  /** per member: word endings standard in that member only (a derivational suffix) */
  endings: Record<string, Set<string>>;
  /** per member: phrases (regular expressions over the lowercase text, matched as whole words) */
  patterns: Record<string, RegExp[]>;
}

function readData<T>(file: string): T {
  return JSON.parse(readFileSync(resolve(DATA_DIR, file), "utf8")) as T;
}

const LINGUA_TO_ISO = readData<Record<string, string>>("lingua-languages.json");
/** The languages this detector can name (ISO 639-1). */
const LINGUA_LANGUAGES = new Set(Object.values(LINGUA_TO_ISO));
type PerMember = Record<string, string[]>;
const CLOSE_DATA = readData<{
  groups: Array<{ languages: string[]; markers: PerMember; stems?: PerMember; endings?: PerMember; patterns?: PerMember; shared?: string[] }>;
  distinctiveLetters: Record<string, string>;
}>("close-languages.json");
/** Language -> letters one of which any sentence of it contains (keys starting with "_" are notes). */
const DISTINCTIVE_LETTERS = new Map(
  Object.entries(CLOSE_DATA.distinctiveLetters)
    .filter(([lang]) => !lang.startsWith("_"))
    .map(([lang, letters]) => [lang, new Set(letters)]),
);
/** Markers derived from translations and spelling dictionaries by scripts/build-langid-markers.ts. */
const DERIVED_MARKERS = readData<{ groups: Array<{ languages: string[]; markers: Record<string, string[]> }> }>("close-markers.json");
/** A phrase pattern matches whole words only: no letter may touch either end. */
function phrasePattern(source: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{M}])(?:${source})(?![\\p{L}\\p{M}])`, "gu");
}
const CLOSE_GROUPS: CloseGroup[] = CLOSE_DATA.groups.map((g) => {
  const derived = DERIVED_MARKERS.groups.find((d) => d.languages.join() === g.languages.join())?.markers ?? {};
  // Words standard in every member (e.g. Bosnian writes "također" as Croatian does) never count as a marker.
  const shared = new Set(g.shared ?? []);
  const perMember = <T>(make: (lang: string) => T): Record<string, T> => Object.fromEntries(g.languages.map((lang) => [lang, make(lang)]));
  return {
    languages: g.languages,
    markers: perMember((lang) => new Set([...(g.markers[lang] ?? []), ...(derived[lang] ?? [])].filter((w) => !shared.has(w)))),
    stems: perMember((lang) => new Set(g.stems?.[lang] ?? [])),
    endings: perMember((lang) => new Set(g.endings?.[lang] ?? [])),
    patterns: perMember((lang) => (g.patterns?.[lang] ?? []).map(phrasePattern)),
  };
});
/** An ending marks a word only when this many letters precede it: a word must not be the bare ending. */
const MIN_LETTERS_BEFORE_ENDING = 2;
/** Shortest and longest stem or ending of any group: they bound the prefixes and suffixes a word is looked up by. */
const AFFIX_LENGTHS = CLOSE_GROUPS.flatMap((g) => [...Object.values(g.stems), ...Object.values(g.endings)].flatMap((set) => [...set].map((a) => a.length)));
const MIN_AFFIX_LENGTH = Math.min(...AFFIX_LENGTHS);
const MAX_AFFIX_LENGTH = Math.max(...AFFIX_LENGTHS);

function hasStem(token: string, stems: Set<string>): boolean {
  if (stems.size === 0) return false;
  for (let k = MIN_AFFIX_LENGTH; k <= Math.min(token.length, MAX_AFFIX_LENGTH); k++) if (stems.has(token.slice(0, k))) return true;
  return false;
}

function hasEnding(token: string, endings: Set<string>): boolean {
  if (endings.size === 0) return false;
  for (let k = MIN_AFFIX_LENGTH; k <= Math.min(token.length - MIN_LETTERS_BEFORE_ENDING, MAX_AFFIX_LENGTH); k++) if (endings.has(token.slice(-k))) return true;
  return false;
}

/** The groups a language belongs to: Latin, for one, is confused with Basque and with Dutch in different texts. */
function closeGroupsOf(language: string): CloseGroup[] {
  return CLOSE_GROUPS.filter((g) => g.languages.includes(language));
}

const detectors = new Map<string, LanguageDetector>();
/**
 * Built on first use: Lingua loads each language's n-gram models lazily (seconds, hundreds of MB).
 * `among` restricts the candidates (all languages when absent); `without` names languages vetoed for this
 * text. Each distinct detector is built once and kept: a detector over few languages is much cheaper to ask.
 */
function model(among: readonly string[] | undefined, without: readonly string[] = []): LanguageDetector {
  const codes = (among ?? [...LINGUA_LANGUAGES]).filter((c) => !without.includes(c)).sort();
  const key = among || without.length ? codes.join(",") : "";
  let d = detectors.get(key);
  if (!d) {
    d = key ? LanguageDetectorBuilder.fromISOCodes6391(codes).build() : LanguageDetectorBuilder.fromAllLanguages().build();
    detectors.set(key, d);
  }
  return d;
}

/** DISTINCTIVE_LETTERS as arrays, for the veto test. */
const DISTINCTIVE_LETTER_LISTS = [...DISTINCTIVE_LETTERS].map(([lang, set]) => [lang, [...set]] as const);
/** Lowercase ASCII letters by code, so the common case of the veto scan makes no string. */
const ASCII_LOWER = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code | 0x20));

/** Languages whose distinctive letters are all absent from a text long enough to show one. */
function vetoed(sample: string): string[] {
  // One pass over the code points: ASCII letters settled by their code, others by the Unicode test.
  let letters = 0;
  const present = new Set<string>();
  for (const c of sample) {
    const code = c.charCodeAt(0);
    if (code < 0x80) {
      const lower = code | 0x20;
      if (lower >= 0x61 && lower <= 0x7a) {
        letters++;
        present.add(ASCII_LOWER[code]!);
      }
    } else if (LETTER.test(c)) {
      letters++;
      present.add(c.toLowerCase());
    }
  }
  if (letters < VETO_MIN_LETTERS) return [];
  return DISTINCTIVE_LETTER_LISTS.filter(([, list]) => !list.some((c) => present.has(c))).map(([lang]) => lang);
}

function scriptOf(char: string): string {
  for (const [name, pattern] of SCRIPT_PATTERNS) if (pattern.test(char)) return name;
  return "Other";
}

/**
 * Letters (code points of category L) in text[start, end) and the first of them. Hand-written because this
 * runs on every word and paragraph: ASCII, most of the text, is settled without the Unicode regex.
 */
function letterStats(text: string, start = 0, end = text.length): { letters: number; first: string | undefined } {
  let letters = 0;
  let first: string | undefined;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      const lower = code | 0x20;
      if (lower >= 0x61 && lower <= 0x7a) {
        letters++;
        first ??= text[i];
      }
      continue;
    }
    const point = text.codePointAt(i)!;
    const char = String.fromCodePoint(point);
    if (point > 0xffff) i++;
    if (LETTER.test(char)) {
      letters++;
      first ??= char;
    }
  }
  return { letters, first };
}

/** ASCII letters are Latin (the first pattern); other letters are classified once each. */
const scriptOfLetter = new Map<string, string>();
function letterScript(letter: string): string {
  if (letter.charCodeAt(0) < 0x80) return "Latin";
  let script = scriptOfLetter.get(letter);
  if (!script) scriptOfLetter.set(letter, (script = scriptOf(letter)));
  return script;
}

function familyOf(script: string): string {
  return SCRIPT_FAMILY[script] ?? script;
}

interface Word {
  text: string;
  start: number;
  end: number;
  script: string;
  letters: number;
}

function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const { letters, first } = letterStats(m[0]);
    if (first === undefined) continue;
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, script: letterScript(first), letters });
  }
  return out;
}

function wordWeight(w: Word): number {
  const perWord = LETTERS_PER_WORD[w.script];
  return perWord ? Math.max(1, w.letters / perWord) : 1;
}

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Weight of each script in the text, in words, with letter counts for the signal threshold. */
function scriptWeights(ws: Word[]): Map<string, { weight: number; letters: number }> {
  const out = new Map<string, { weight: number; letters: number }>();
  for (const w of ws) {
    // A word mixing kanji and kana is Japanese: count it as kana so kana-bearing text never reads as Chinese.
    const script = w.script === "Han" && KANA.test(w.text) ? "Kana" : w.script;
    const entry = out.get(script) ?? { weight: 0, letters: 0 };
    entry.weight += wordWeight(w);
    entry.letters += w.letters;
    out.set(script, entry);
  }
  return out;
}

function normaliseHint(hint: string | undefined): string | undefined {
  const code = hint?.trim().toLowerCase().split(/[-_]/)[0];
  if (!code) return undefined;
  return code === "no" ? "nb" : code;
}

/** Marker evidence for each member of a group: marker words, words with a marker stem or ending, marker phrases. */
function markerCounts(group: CloseGroup, text: string, ws: Word[]): Map<string, number> {
  const counts = new Map(group.languages.map((l) => [l, 0]));
  const add = (lang: string, n: number) => counts.set(lang, counts.get(lang)! + n);
  for (const w of ws) {
    const token = w.text.toLowerCase();
    for (const lang of group.languages) {
      if (group.markers[lang]!.has(token) || hasStem(token, group.stems[lang]!) || hasEnding(token, group.endings[lang]!)) add(lang, 1);
    }
  }
  if (group.languages.some((lang) => group.patterns[lang]!.length > 0)) {
    const lower = text.toLowerCase();
    for (const lang of group.languages) for (const pattern of group.patterns[lang]!) add(lang, lower.match(pattern)?.length ?? 0);
  }
  return counts;
}

/**
 * Re-rank the model's answer within its close groups by marker evidence: another member wins when its count
 * leads every other member's by MARKER_MIN_LEAD. Of several groups, the member with the largest lead wins.
 */
function markerWinner(top: string, text: string, ws: Word[]): { language: string; group: CloseGroup } | undefined {
  let winner: { language: string; group: CloseGroup; lead: number } | undefined;
  for (const group of closeGroupsOf(top)) {
    const counts = markerCounts(group, text, ws);
    const [best, second] = [...counts].sort((a, b) => b[1] - a[1]);
    if (!best || best[0] === top) continue;
    const lead = best[1] - (second?.[1] ?? 0);
    if (lead >= MARKER_MIN_LEAD && best[1] > counts.get(top)! && lead > (winner?.lead ?? 0)) winner = { language: best[0], group, lead };
  }
  return winner && { language: winner.language, group: winner.group };
}

function fromModel(ws: Word[], family: string, among: readonly string[] | undefined): LanguageGuess[] {
  // Only the dominant script's words go to the model: a foreign label must not pull the n-gram scores.
  let sample = "";
  for (const w of ws) {
    if (familyOf(w.script) !== family) continue;
    if (sample.length + w.text.length > MAX_MODEL_CHARS) {
      // An unspaced script can make one "word" of a whole clause: keep its head rather than nothing.
      if (!sample) sample = w.text.slice(0, MAX_MODEL_CHARS);
      break;
    }
    sample += (sample ? " " : "") + w.text;
  }
  const ask = (d: LanguageDetector): LanguageGuess[] =>
    (d.computeLanguageConfidenceValues(sample) as Array<{ language: string; confidence: number }>)
      .filter((v) => v.confidence > 0)
      .map((v) => ({ language: LINGUA_TO_ISO[v.language] ?? v.language.toLowerCase(), confidence: v.confidence }));
  const guesses = ask(model(among));
  // Lingua's rule engine sometimes names a language outright (confidence 1) on one shared letter; when
  // the letters that language always shows are absent, ask again without it.
  const top = guesses[0];
  if (top && top.confidence >= RULE_ENGINE_CONFIDENCE) {
    const veto = vetoed(sample);
    if (veto.includes(top.language)) return ask(model(among, veto.filter((l) => guesses.some((g) => g.language === l))));
  }
  return guesses;
}

/**
 * The language of one text, or undefined when it has too little signal (no letters, one Latin letter...).
 * `hint` (an ISO 639-1 or BCP 47 code, e.g. the page's declared language) wins close calls. `among`
 * (ISO 639-1 codes, two or more) restricts the model's candidates when the caller already knows the
 * text is one of them.
 */
export function detectLanguage(text: string, opts: { hint?: string; among?: readonly string[] } = {}): LanguageDetection | undefined {
  const ws = words(text);
  const byScript = scriptWeights(ws);
  // Han and kana count together (one family): the family with most words decides which model runs.
  const byFamily = new Map<string, { weight: number; letters: number; script: string }>();
  for (const [script, e] of byScript) {
    const f = byFamily.get(familyOf(script)) ?? { weight: 0, letters: 0, script };
    f.weight += e.weight;
    f.letters += e.letters;
    if (e.weight > (byScript.get(f.script)?.weight ?? 0)) f.script = script;
    byFamily.set(familyOf(script), f);
  }
  const total = [...byFamily.values()].reduce((sum, f) => sum + f.weight, 0);
  const [family, top] = [...byFamily].sort((x, y) => y[1].weight - x[1].weight)[0] ?? ["Other", { weight: 0, letters: 0, script: "Other" }];
  const minLetters = LOGOGRAPHIC_SCRIPTS.has(top.script) ? MIN_LETTERS_LOGOGRAPHIC : MIN_LETTERS;
  if (top.letters < minLetters || family === "Other") return undefined;

  const share = top.weight / total;
  // Kana anywhere makes CJK text Japanese; Han alone is Chinese (the only supported Han-only language).
  const scriptLanguage = family === "CJK" ? (byScript.has("Kana") ? "ja" : "zh") : SINGLE_LANGUAGE_SCRIPTS[top.script];
  if (scriptLanguage && share >= SCRIPT_DECIDES_SHARE) return { language: scriptLanguage, confidence: share };

  let guesses = fromModel(ws, family, opts.among);
  if (guesses.length === 0) return undefined;
  const marked = markerWinner(guesses[0]!.language, text, ws);
  if (marked) {
    // The model vouches for the group, the markers for the member: report the group's confidence.
    const members = marked.group.languages;
    const groupConfidence = guesses.filter((g) => members.includes(g.language)).reduce((sum, g) => sum + g.confidence, 0);
    guesses = [{ language: marked.language, confidence: groupConfidence }, ...guesses.filter((g) => g.language !== marked.language)];
  }
  const hint = normaliseHint(opts.hint);
  const hinted = hint ? guesses.find((g) => g.language === hint) : undefined;
  if (hinted && hinted !== guesses[0] && hinted.confidence >= HINT_MIN_RATIO * guesses[0]!.confidence) {
    guesses = [hinted, ...guesses.filter((g) => g !== hinted)];
  }
  const [best, ...rest] = guesses;
  const alternatives = rest.filter((g) => g.confidence >= MIN_ALTERNATIVE_CONFIDENCE).slice(0, MAX_ALTERNATIVES);
  return { language: best!.language, confidence: best!.confidence, ...(alternatives.length ? { alternatives } : {}) };
}

interface Segment {
  start: number;
  end: number;
  /** script family of the segment's words (its leading run's, when short runs of another were absorbed) */
  family: string;
  letters: number;
  /** its words, lowercase */
  words: string[];
}

/** Paragraphs (blank-line or line separated blocks), each split further where another script runs long. */
function segments(text: string): Segment[] {
  const out: Segment[] = [];
  for (const para of text.matchAll(/[^\n]*\S[^\n]*/g)) {
    const ws = words(para[0]);
    if (ws.length === 0) continue;
    // Runs of words of one script family; short runs stick to the previous run (names, acronyms).
    const runs: Array<{ family: string; start: number; end: number; letters: number }> = [];
    for (const w of ws) {
      const family = familyOf(w.script);
      const last = runs[runs.length - 1];
      if (last && (last.family === family || family === "Other")) {
        last.end = w.end;
        last.letters += w.letters;
      } else runs.push({ family, start: w.start, end: w.end, letters: w.letters });
    }
    const merged: typeof runs = [];
    for (const run of runs) {
      const last = merged[merged.length - 1];
      if (last && (run.letters < MIN_FOREIGN_RUN_LETTERS || last.family === run.family)) {
        last.end = run.end;
        last.letters += run.letters;
      } else if (last && last.letters < MIN_FOREIGN_RUN_LETTERS) {
        // A short leading run belongs to what follows it.
        Object.assign(last, { family: run.family, end: run.end, letters: last.letters + run.letters });
      } else merged.push({ ...run });
    }
    // Spans cover the whole paragraph: each ends where the next begins.
    merged.forEach((run, i) => {
      const start = i === 0 ? 0 : run.start;
      const end = i === merged.length - 1 ? para[0].length : merged[i + 1]!.start;
      const inRun = ws.filter((w) => w.start >= run.start && w.end <= run.end).map((w) => w.text.toLowerCase());
      out.push({ start: para.index + start, end: para.index + end, family: run.family, letters: run.letters, words: inRun });
    });
  }
  return out;
}

/** A line shorter than this that the quick detector cannot read reliably continues the previous language. */
const SHORT_CONTINUATION_CHARS = 120;
/**
 * A segment with fewer letters than this (a byline, a caption, a name) takes the language of the text
 * of its script around it: no detector reads a handful of words reliably, the context does better.
 */
const MIN_OWN_LANGUAGE_LETTERS = 20;
/** Characters of a paragraph the quick detector reads: a few sentences settle a language. */
const QUICK_SAMPLE_CHARS = 300;
/** ... and to confirm that a paragraph continues the language before it, which needs less. */
const CONTINUATION_QUICK_CHARS = 150;
/**
 * When the quick detector (ELD) reliably names a language, the full model still decides, but only among
 * that language, its close relatives and the languages ELD lacks: ELD reads those as a neighbour
 * (Mongolian and Kazakh as Belarusian or Russian, Esperanto as Spanish, Latin as Italian, Tswana as
 * Yoruba...), and misses within a close pair (Catalan as Spanish, Marathi as Hindi). Trusting ELD's
 * reliable answers outright was right on 92% of texts of 50+ characters where the model is right on 99%;
 * this way single paragraphs score as detectLanguage does, with a detector of about 25 languages
 * instead of 75 (docs/langid.md).
 */
const QUICK_LACKS = ["af", "bs", "cy", "eo", "ga", "id", "kk", "la", "lg", "mi", "mk", "mn", "nn", "sn", "so", "st", "sw", "tn", "ts", "xh", "zu"];
const QUICK_RELATIVES: Record<string, string[]> = {
  es: ["ca", "pt"],
  ca: ["es"],
  pt: ["es"],
  it: ["es"],
  cs: ["sk"],
  sk: ["cs"],
  hi: ["mr"],
  mr: ["hi"],
  fa: ["ur"],
  ur: ["fa"],
  hr: ["sr"],
  sr: ["hr"],
  bg: ["ru"],
  ru: ["uk", "be", "bg"],
  uk: ["ru", "be"],
  be: ["ru", "uk"],
  nb: ["da", "sv"],
  da: ["nb", "sv"],
  sv: ["nb", "da"],
};
/** Characters of a paragraph the restricted model reads to confirm the quick detector's reading. */
const CONFIRM_SAMPLE_CHARS = 250;
/** Candidate set for a paragraph the quick detector reliably reads as `language`. */
function quickCandidates(language: string): string[] {
  let candidates = quickCandidateSets.get(language);
  if (!candidates) {
    candidates = [...new Set([language, ...(QUICK_RELATIVES[language] ?? []), ...QUICK_LACKS])].filter((l) => LINGUA_LANGUAGES.has(l));
    quickCandidateSets.set(language, candidates);
  }
  return candidates;
}
const quickCandidateSets = new Map<string, string[]>();
/**
 * A paragraph most of whose words already occurred in the document's paragraphs of the language before
 * it continues that language without asking the quick detector: function words recur within a language
 * and seldom across. On the CC BY news sample (en/es/it/nl), 36% of paragraphs share this many of their
 * words with the earlier paragraphs of their article; of 26,937 paragraphs set after an article in
 * another language of the sample, none did (the most shared was half, Italian after Spanish).
 */
const CONTINUATION_SHARED_WORDS = 0.6;
/** ... once that language has this many words in the document, and the paragraph this many. */
const CONTINUATION_MIN_SEEN_WORDS = 30;
const CONTINUATION_MIN_WORDS = 4;
/** ELD's code for Norwegian is the macrolanguage's. */
const QUICK_TO_ISO: Record<string, string> = { no: "nb" };

/**
 * Same language, or two members of one close group one of which the quick detector lacks: it names the other
 * instead (Bosnian as Croatian, Afrikaans as Dutch). Where it knows both (cs/sk, hi/mr), its answer stands.
 */
function sameOrClose(a: string, b: string): boolean {
  if (a === b) return true;
  return (QUICK_LACKS.includes(a) || QUICK_LACKS.includes(b)) && closeGroupsOf(a).some((g) => g.languages.includes(b));
}

/**
 * Language of each paragraph (and of long foreign-script runs inside one), adjacent equal languages merged.
 * The full model runs on a paragraph only when the quick detector cannot settle it: most articles need
 * no model call or one. A paragraph continues the language of the last paragraph of its script when the
 * quick detector agrees, or when it is too short for anyone to tell; a paragraph with no such
 * predecessor is the quick detector's when its answer is reliable and trusted.
 */
export function detectParagraphLanguages(text: string): LanguageSpan[] {
  const spans: LanguageSpan[] = [];
  const lastByFamily = new Map<string, LanguageGuess>();
  // Words of the paragraphs of each language so far, and how many words those paragraphs held.
  const vocabulary = new Map<string, { seen: Set<string>; count: number }>();
  // Short segments with nothing of their script before them wait for the next segment of their script.
  let waiting: Segment[] = [];
  const emit = (seg: Segment, found: LanguageGuess): void => {
    const last = spans[spans.length - 1];
    if (last && last.language === found.language && !text.slice(last.end, seg.start).includes("\n\n")) {
      // Weighted by length so the merged confidence stays a per-character average.
      const a = last.end - last.start;
      const b = seg.end - seg.start;
      last.confidence = (last.confidence * a + found.confidence * b) / (a + b);
      last.end = seg.end;
    } else spans.push({ start: seg.start, end: seg.end, language: found.language, confidence: found.confidence });
    lastByFamily.set(seg.family, found);
    let v = vocabulary.get(found.language);
    if (!v) vocabulary.set(found.language, (v = { seen: new Set(), count: 0 }));
    for (const w of seg.words) v.seen.add(w);
    v.count += seg.words.length;
  };
  const sharesVocabulary = (seg: Segment, language: string): boolean => {
    const v = vocabulary.get(language);
    if (!v || v.count < CONTINUATION_MIN_SEEN_WORDS || seg.words.length < CONTINUATION_MIN_WORDS) return false;
    const shared = seg.words.reduce((n, w) => n + (v.seen.has(w) ? 1 : 0), 0);
    return shared >= CONTINUATION_SHARED_WORDS * seg.words.length;
  };
  const flushWaiting = (found?: LanguageGuess): void => {
    for (const seg of waiting) {
      const own = found ?? detectLanguage(text.slice(seg.start, seg.end));
      if (own) emit(seg, own);
    }
    waiting = [];
  };
  for (const seg of segments(text)) {
    if (waiting.length > 0 && waiting[0]!.family !== seg.family) flushWaiting();
    const before = lastByFamily.get(seg.family);
    if (seg.letters < MIN_OWN_LANGUAGE_LETTERS || (before && sharesVocabulary(seg, before.language))) {
      if (before) emit(seg, before);
      else waiting.push(seg);
      continue;
    }
    const slice = text.slice(seg.start, seg.end);
    const quick = quickLanguage(slice.slice(0, before ? CONTINUATION_QUICK_CHARS : QUICK_SAMPLE_CHARS));
    const quickLanguageCode = quick && (QUICK_TO_ISO[quick.language] ?? quick.language);
    let found: LanguageGuess | undefined;
    if (before && quick) {
      // A continuation: the quick detector agrees, or the line is too short for it to disagree reliably.
      if (sameOrClose(quickLanguageCode!, before.language) || (!quick.reliable && slice.length < SHORT_CONTINUATION_CHARS)) found = before;
    } else if (!before && quick?.reliable && LINGUA_LANGUAGES.has(quickLanguageCode!)) {
      // Past about 170 characters Lingua reads trigrams only, at a few microseconds a character: the head suffices.
      const cut = slice.lastIndexOf(" ", CONFIRM_SAMPLE_CHARS);
      const head = slice.length > CONFIRM_SAMPLE_CHARS ? slice.slice(0, cut > 0 ? cut : CONFIRM_SAMPLE_CHARS) : slice;
      found = detectLanguage(head, { among: quickCandidates(quickLanguageCode!) });
    }
    found ??= detectLanguage(slice);
    if (!found) continue;
    flushWaiting(found);
    emit(seg, found);
  }
  flushWaiting();
  return spans;
}

/**
 * The document's language: paragraph languages voted by letter count times confidence; short segments
 * (labels, captions, bylines) vote only when the document has nothing longer.
 */
export function detectDocumentLanguage(
  text: string,
  paragraphs: LanguageSpan[] = detectParagraphLanguages(text),
): LanguageDetection | undefined {
  const spans = paragraphs.map((s) => ({
    ...s,
    letters: letterStats(text, s.start, s.end).letters,
  }));
  if (spans.length === 0) return undefined;
  const long = spans.filter((s) => s.letters >= MIN_DOCUMENT_SEGMENT_LETTERS);
  const voters = long.length > 0 ? long : spans;
  const votes = new Map<string, number>();
  for (const s of voters) votes.set(s.language, (votes.get(s.language) ?? 0) + s.letters * s.confidence);
  const total = [...votes.values()].reduce((a, b) => a + b, 0);
  const ranked = [...votes].sort((a, b) => b[1] - a[1]).map(([language, v]) => ({ language, confidence: total ? v / total : 0 }));
  const [best, ...rest] = ranked;
  const alternatives = rest.filter((g) => g.confidence >= MIN_ALTERNATIVE_CONFIDENCE).slice(0, MAX_ALTERNATIVES);
  return { language: best!.language, confidence: best!.confidence, ...(alternatives.length ? { alternatives } : {}) };
}
