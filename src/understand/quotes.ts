/**
 * Quotes step: direct quotations in plain text and who said them.
 *
 * 1. Pair quotation marks within a paragraph (« », “ ”, „ “, ‚ ‘, " ", ‹ ›, 「」), plus dialogue
 *    lines opened by a dash; a quotation left open at a paragraph end continues when the next
 *    paragraph reopens it (the newspaper convention for long quotes).
 * 2. Split sentences with the quotations masked, and find reported-speech words outside them
 *    (lexicons in quotes/lexicon.ts).
 * 3. Give each speech word a speaker: a person span from opts.people, else a capitalised name,
 *    else a role noun phrase, before the verb ("X said"), after it ("said X", "selon X"), or the
 *    last speaker for a pronoun ("he added").
 * 4. Give each quotation the nearest attributed speech word of its sentence, else (for a quotation
 *    that is a whole sentence) of the sentence before or after it. One- and two-word quotations
 *    without an attribution in their sentence are scare quotes and are dropped.
 *
 * Offsets are JavaScript string indices (UTF-16 code units), so text.slice(start, end) is the span.
 */
import {
  AFTER_WINDOW_CHARS,
  DIALOGUE_DASHES,
  MAX_QUOTE_CHARS,
  MAX_ROLE_WORDS,
  QUOTE_PAIRS,
  SCARE_QUOTE_MAX_WORDS,
  SUBJECT_WINDOW_CHARS,
  type QuotePair,
} from "./quotes/marks.ts";
import { alternation, FALLBACK_SPEECH_LANGUAGE, SPEECH_LEXICONS, type SpeechLexicon } from "./quotes/lexicon.ts";
import { sentenceSpans, spanIndexAt, WORD_BEFORE, type Span } from "./quotes/sentences.ts";
import { ABBREVIATIONS } from "./ner/tokenize.ts";

import type { Quote, QuoteStyle, TextSpan } from "../schema.ts";
import { continuesLowercase, hasLetterOrDigit, isCapitalised, startsLowercase, startsWithElision } from "../letters.ts";

export type { Quote, QuoteStyle, TextSpan } from "../schema.ts";

export interface FindQuotesOptions {
  /** Person mentions (from NER); preferred over capitalised-word guesses. */
  people?: ReadonlyArray<TextSpan>;
}

type SpeechKind = "verb" | "participle" | "source" | "afterQuote";

interface SpeechWord extends Span {
  form: string;
  kind: SpeechKind;
  sentence: number;
  speaker?: TextSpan;
}

interface RawQuote extends Span {
  style: QuoteStyle;
  /** Quotes of one group (a long quote over paragraphs, one dialogue line) share a speaker. */
  group: number;
  /** Where the marks are, for "what lies between the quote and the verb". */
  outerStart: number;
  outerEnd: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*/gu;
const LOWERCASE_WORD = /(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*/gu;
const NAME_START = /^(?:\p{Lu}|\p{Ll}{1,3}[-'’]\p{Lu})/u;
/** A pronoun after a verb in French inversion ("-il" of "dit-il", "-t-elle"). */
const INVERTED_PRONOUN = /^-(?:t-)?(\p{L}+)/u;
/** Lower-case particles inside names: "Charles de Gaulle", "Ursula von der Leyen". */
const NAME_CONNECTORS = new Set(["de", "da", "di", "del", "della", "van", "von", "der", "den", "du", "des", "bin", "ibn", "al", "el", "ter", "ten", "dos", "das", "le", "la", "y"]);
/** Relative pronouns opening "…, who said": the subject is before them. */
const RELATIVE_PRONOUNS = new Set(["who", "qui", "quien", "quienes", "который", "которая", "которые", "який", "яка", "які", "che", "die", "der"]);
/** Punctuation that closes a speaker phrase after a verb. */
const PHRASE_STOP = /[,.;:!?()«»“”„"‹›「」—–]/u;
const OPENERS = new Map<string, QuotePair>(QUOTE_PAIRS.map((pair) => [pair.open, pair]));
const MARK_PATTERN = new RegExp(`[${[...OPENERS.keys()].join("")}]`, "g");

export function findQuotes(text: string, language: string, opts: FindQuotesOptions = {}): Quote[] {
  const lexicon = SPEECH_LEXICONS[language] ?? SPEECH_LEXICONS[FALLBACK_SPEECH_LANGUAGE]!;
  const compiled = compileLexicon(language, lexicon);
  const raw = [...scanMarks(text, language), ...scanDialogue(text, compiled)]
    .sort((a, b) => a.start - b.start)
    .filter((q, i, all) => i === 0 || q.start >= all[i - 1]!.end);
  if (raw.length === 0) return [];
  const sentences = sentenceSpans(text, raw);
  const ctx: Context = {
    text,
    lexicon,
    compiled,
    sentences,
    quotes: raw,
    people: [...(opts.people ?? [])].sort((a, b) => a.start - b.start),
    lowercaseWords: undefined,
  };
  const words = findSpeechWords(ctx);
  resolveSpeakers(ctx, words);
  return attribute(ctx, words);
}

// ---------------------------------------------------------------------------------------------
// 1. Quotation marks and dialogue dashes

function scanMarks(text: string, language: string): RawQuote[] {
  const out: RawQuote[] = [];
  const finder = new NextIndex(text);
  /** Opening marks of paragraphs that continue a quote, mapped to that quote's group. */
  const continuing = new Map<number, number>();
  let group = 0;
  const pattern = new RegExp(MARK_PATTERN.source, "g");
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text))) {
    const pos = match.index;
    const pair = OPENERS.get(match[0])!;
    if (!canOpen(text, pos, pair, language)) continue;
    const ownGroup = continuing.get(pos) ?? group++;
    const lineEnd = endOfLine(text, pos);
    const close = findCloser(text, finder, pair, pos + 1, Math.min(lineEnd, pos + MAX_QUOTE_CHARS));
    if (close >= 0) {
      pushQuote(text, out, pos, pos + 1, close, close + 1, pair.style, ownGroup);
      pattern.lastIndex = close + 1;
      continue;
    }
    // A long quotation: each paragraph reopens the mark, only the last one closes it.
    const next = startOfNextParagraph(text, lineEnd);
    if (next >= 0 && text[next] === pair.open && lineEnd - pos < MAX_QUOTE_CHARS) {
      pushQuote(text, out, pos, pos + 1, lineEnd, lineEnd, pair.style, ownGroup);
      continuing.set(next, ownGroup);
      pattern.lastIndex = next;
    }
  }
  return out;
}

function pushQuote(text: string, out: RawQuote[], outerStart: number, start: number, end: number, outerEnd: number, style: QuoteStyle, group: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  // A comma before the closing mark belongs to the narration ("“We won,” she said").
  while (end > start && /[\s,،]/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end, style, group, outerStart, outerEnd });
}

function canOpen(text: string, pos: number, pair: QuotePair, language: string): boolean {
  const before = pos > 0 ? text[pos - 1]! : " ";
  const after = text[pos + 1] ?? " ";
  if (after === "\n") return false;
  if (pair.style === "straight" || pair.apostropheLike) {
    if (hasLetterOrDigit(before)) return false; // 5" or O'Neill-like
    if (/\s/.test(after) && !(pair.style === "straight" && language === "fr")) return false;
  }
  // A reversed guillemet (»Text«) hugs its first word; a French closing » never opens.
  if ((pair.open === "»" || pair.open === "›") && (/\s/.test(after) || hasLetterOrDigit(before))) return false;
  return true;
}

function findCloser(text: string, finder: NextIndex, pair: QuotePair, from: number, limit: number): number {
  let best = -1;
  for (const mark of pair.close) {
    let at = finder.next(mark, from);
    // An apostrophe inside a word ("don’t") is no closing mark.
    while (pair.apostropheLike && at >= 0 && at < limit && hasLetterOrDigit(text[at + 1] ?? "")) at = finder.next(mark, at + 1);
    if (at >= 0 && at < limit && (best < 0 || at < best)) best = at;
  }
  if (best < 0) return -1;
  if (pair.style === "straight") {
    // A straight mark after a space and before a word opens another quote: ours was a stray.
    if (/\s/.test(text[best - 1] ?? "") && hasLetterOrDigit(text[best + 1] ?? "")) return -1;
  }
  return best;
}

/** indexOf with a memo per searched character, so that many unmatched marks stay linear. */
class NextIndex {
  private readonly memo = new Map<string, { from: number; at: number }>();
  constructor(private readonly text: string) {}
  next(mark: string, from: number): number {
    const hit = this.memo.get(mark);
    if (hit && hit.from <= from && (hit.at >= from || hit.at < 0)) return hit.at;
    const at = this.text.indexOf(mark, from);
    this.memo.set(mark, { from, at });
    return at;
  }
}

function endOfLine(text: string, pos: number): number {
  const at = text.indexOf("\n", pos);
  return at < 0 ? text.length : at;
}

/** First non-blank character of the next non-empty line after `lineEnd`, or -1. */
function startOfNextParagraph(text: string, lineEnd: number): number {
  let i = lineEnd;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i < text.length ? i : -1;
}

/**
 * Dialogue lines: a paragraph opened by a dash alternates quoted segments and narrator segments
 * ("— Мы не будем, — заявил Песков. — Это невозможно."). Kept only when a narrator segment holds
 * a speech word, so dashed lists are not taken for speech.
 */
function scanDialogue(text: string, compiled: CompiledLexicon): RawQuote[] {
  const out: RawQuote[] = [];
  const linePattern = new RegExp(`^[ \\t\\u00a0]*[${DIALOGUE_DASHES}][ \\t\\u00a0]*`, "gmu");
  let group = 1_000_000; // apart from the mark groups
  for (const match of text.matchAll(linePattern)) {
    const lineEnd = endOfLine(text, match.index);
    const dashes: number[] = [];
    for (let i = match.index + match[0].length; i < lineEnd; i++) {
      const c = text[i]!;
      if (DIALOGUE_DASHES.includes(c) && !(hasLetterOrDigit(text[i - 1] ?? "") && hasLetterOrDigit(text[i + 1] ?? ""))) dashes.push(i);
    }
    const bounds = [match.index + match[0].length - 1, ...dashes, lineEnd];
    const segments: Array<{ start: number; end: number; narrator: boolean }> = [];
    let sawSpeech = false;
    for (let k = 0; k + 1 < bounds.length; k++) {
      const start = bounds[k]! + 1;
      const end = bounds[k + 1]!;
      const body = text.slice(start, end);
      const previous = segments[segments.length - 1];
      const narrator = previous !== undefined && !previous.narrator && continuesLowercase(body);
      if (narrator && compiled.verbs.test(body)) sawSpeech = true;
      compiled.verbs.lastIndex = 0;
      if (previous && !narrator && !previous.narrator && k > 0 && !/^\s*[.!?…]/.test(body)) {
        previous.end = end; // a dash inside the quoted words
        continue;
      }
      segments.push({ start, end, narrator });
    }
    if (!sawSpeech) continue;
    for (const segment of segments) {
      if (segment.narrator) continue;
      let start = segment.start;
      let end = segment.end;
      while (start < end && /[\s.,;:]/.test(text[start]!)) start++;
      while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
      if (end > start) out.push({ start, end, style: "dash", group, outerStart: segment.start - 1, outerEnd: segment.end });
    }
    group++;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 2. Speech words

interface CompiledLexicon {
  verbs: RegExp;
  kinds: Array<[RegExp, SpeechKind]>;
  skipTail: RegExp;
  stopwords: Set<string>;
  pronouns: Set<string>;
  titles: Set<string>;
  clauseEnds: Set<string>;
  determiners: Set<string>;
  complementizers: Set<string>;
  skipWords: Set<string>;
  titleSuffix: RegExp | undefined;
}

const compiledCache = new Map<string, CompiledLexicon>();

function compileLexicon(language: string, lexicon: SpeechLexicon): CompiledLexicon {
  const cached = compiledCache.get(language);
  if (cached) return cached;
  const prefix = lexicon.verbPrefix ?? "";
  const groups: Array<[readonly string[], SpeechKind]> = [
    [lexicon.sources, "source"],
    [lexicon.afterQuote, "afterQuote"],
    [lexicon.participles, "participle"],
    [lexicon.verbs, "verb"],
  ];
  const all = groups.flatMap(([entries]) => entries);
  const compiled: CompiledLexicon = {
    verbs: new RegExp(`(?<![\\p{L}\\p{M}'’-])${prefix}(?:${alternation(all)})(?![\\p{L}\\p{M}])`, "giu"),
    kinds: groups.filter(([e]) => e.length > 0).map(([entries, kind]) => [new RegExp(`^${prefix}(?:${alternation(entries)})$`, "iu"), kind]),
    skipTail: new RegExp(`(?:^|\\s)(?:${alternation(lexicon.skip)})\\s*$`, "iu"),
    stopwords: new Set(lexicon.stopwords),
    pronouns: new Set(lexicon.pronouns),
    titles: new Set(lexicon.titles),
    clauseEnds: new Set(lexicon.clauseEnds),
    determiners: new Set(lexicon.determiners),
    complementizers: new Set(lexicon.complementizers),
    skipWords: new Set(lexicon.skip),
    titleSuffix: lexicon.titleSuffix ? new RegExp(`${lexicon.titleSuffix}$`, "iu") : undefined,
  };
  compiledCache.set(language, compiled);
  return compiled;
}

interface Context {
  text: string;
  lexicon: SpeechLexicon;
  compiled: CompiledLexicon;
  sentences: Span[];
  quotes: RawQuote[];
  people: TextSpan[];
  lowercaseWords: Set<string> | undefined;
}

function findSpeechWords(ctx: Context): SpeechWord[] {
  const out: SpeechWord[] = [];
  const pattern = new RegExp(ctx.compiled.verbs.source, "giu");
  let quoteIndex = 0;
  for (const match of ctx.text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    while (quoteIndex < ctx.quotes.length && ctx.quotes[quoteIndex]!.end <= start) quoteIndex++;
    const quote = ctx.quotes[quoteIndex];
    if (quote && quote.start < end && start < quote.end) continue; // inside a quotation
    const form = match[0];
    const kind = ctx.compiled.kinds.find(([re]) => re.test(form))?.[1] ?? "verb";
    if (kind === "afterQuote" && !/[»”“"’‹›«」]\s*[,–—-]*\s*$/u.test(ctx.text.slice(Math.max(0, start - 6), start))) continue;
    const sentence = spanIndexAt(ctx.sentences, start);
    if (sentence < 0) continue;
    out.push({ start, end, form, kind, sentence });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 3. Speakers of speech words

function resolveSpeakers(ctx: Context, words: SpeechWord[]): void {
  let last: TextSpan | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    let found: TextSpan | "pronoun" | undefined;
    if (word.kind === "participle") {
      // The subject of the clause the gerund hangs on: an earlier speech word of the sentence.
      for (let j = i - 1; j >= 0 && words[j]!.sentence === word.sentence; j--) {
        if (words[j]!.speaker && words[j]!.kind !== "source") {
          found = words[j]!.speaker;
          break;
        }
      }
      found ??= subjectBefore(ctx, word);
    } else if (word.kind === "source" || word.kind === "afterQuote") {
      found = speakerAfter(ctx, word);
    } else if (ctx.lexicon.verbFirst || isInverted(ctx, word)) {
      found = speakerAfter(ctx, word) ?? subjectBefore(ctx, word);
    } else {
      found = subjectBefore(ctx, word) ?? speakerAfter(ctx, word);
    }
    if (found === "pronoun" || (found === undefined && word.kind === "verb" && nothingBefore(ctx, word))) found = last ?? lastNameBefore(ctx, word);
    if (found) {
      word.speaker = found;
      last = found;
    }
  }
}

/** With no earlier speaker, a pronoun stands for the last person (or name) of the sentences before. */
function lastNameBefore(ctx: Context, word: Span): TextSpan | undefined {
  const sentence = spanIndexAt(ctx.sentences, word.start);
  const from = ctx.sentences[Math.max(0, sentence - 2)]?.start ?? 0;
  const to = ctx.sentences[sentence]?.start ?? word.start;
  if (to <= from) return undefined;
  return lastPersonIn(ctx, from, to) ?? nameRuns(ctx, from, to).pop();
}

/** Start of the clause a speech word belongs to: its sentence start or the last quote before it. */
function clauseStart(ctx: Context, word: Span): number {
  let start = Math.max(ctx.sentences[spanIndexAt(ctx.sentences, word.start)]?.start ?? 0, word.start - SUBJECT_WINDOW_CHARS);
  for (const q of ctx.quotes) {
    if (q.outerEnd > word.start) break;
    if (q.outerEnd > start) start = q.outerEnd;
  }
  return start;
}

/** "…», a déclaré X" / "…,” said X": only punctuation and auxiliaries between quote and verb. */
function isInverted(ctx: Context, word: SpeechWord): boolean {
  const start = clauseStart(ctx, word);
  const quoteJustBefore = ctx.quotes.some((q) => q.outerEnd === start);
  return quoteJustBefore && nothingBefore(ctx, word);
}

function nothingBefore(ctx: Context, word: Span): boolean {
  let before = ctx.text.slice(clauseStart(ctx, word), word.start).replace(/[\s,:;—–-]+/gu, " ").trim();
  while (before !== "" && ctx.compiled.skipTail.test(before)) before = before.replace(ctx.compiled.skipTail, "").trim();
  return before === "";
}

function subjectBefore(ctx: Context, word: Span): TextSpan | "pronoun" | undefined {
  let start = clauseStart(ctx, word);
  const tokens = wordsIn(ctx.text, start, word.start);
  // Only what follows the last "that/que" can be the verb's subject.
  for (let k = tokens.length - 1; k >= 0; k--) {
    const lower = tokens[k]!.text.toLowerCase().replace(/['’]$/, "");
    if (ctx.compiled.complementizers.has(lower) || ctx.compiled.complementizers.has(lower.split(/['’]/)[0]!)) {
      start = tokens[k]!.end;
      tokens.splice(0, k + 1);
      break;
    }
  }
  if (tokens.length === 0) return undefined;
  // Drop trailing auxiliaries and adverbs ("a toutefois", "has also").
  let end = word.start;
  let tail = ctx.text.slice(start, end);
  while (tail.trim() !== "" && ctx.compiled.skipTail.test(tail)) {
    tail = tail.replace(ctx.compiled.skipTail, "");
    end = start + tail.length;
  }
  let lastToken = wordsIn(ctx.text, start, end).pop();
  // "X, a professor at Y, who said": the relative pronoun stands for what precedes the comma.
  if (lastToken && RELATIVE_PRONOUNS.has(lastToken.text.toLowerCase())) {
    end = lastToken.start;
    lastToken = undefined;
  } else if (lastToken && isPronoun(ctx, lastToken.text)) return "pronoun";
  const person = lastPersonIn(ctx, start, end);
  if (person) return person;
  const subject = nameBeforeApposition(ctx, start, end);
  if (subject) return subject;
  const names = nameRuns(ctx, start, end);
  if (names.length > 0) return names[names.length - 1];
  return roleBefore(ctx, start, end);
}

/**
 * "David Jones, the chief strategist at IG Index, said": a comma-bounded phrase opening in lower
 * case just before the verb is an apposition or an aside; the subject is the name before it.
 */
function nameBeforeApposition(ctx: Context, start: number, end: number): TextSpan | undefined {
  const window = ctx.text.slice(start, end).replace(/[\s,]+$/u, "");
  const comma = window.lastIndexOf(",");
  if (comma < 0 || !continuesLowercase(window.slice(comma + 1))) return undefined;
  const beforeEnd = start + comma;
  const names = nameRuns(ctx, start, beforeEnd);
  const last = names[names.length - 1];
  return last && ctx.text.slice(last.end, beforeEnd).trim() === "" ? last : undefined;
}

function speakerAfter(ctx: Context, word: SpeechWord): TextSpan | "pronoun" | undefined {
  const text = ctx.text;
  const sentence = ctx.sentences[word.sentence]!;
  let start = word.end;
  while (start < sentence.end && /[\s,:—–]/u.test(text[start]!)) start++;
  if (INVERTED_PRONOUN.test(text.slice(start, start + 8))) {
    // French inversion "dit-il", "a-t-elle ajouté"
    const pronoun = INVERTED_PRONOUN.exec(text.slice(start, start + 12))![1]!;
    if (isPronoun(ctx, pronoun)) return "pronoun";
  }
  let end = phraseEnd(ctx, start, Math.min(sentence.end, start + AFTER_WINDOW_CHARS));
  const tokens = wordsIn(text, start, end);
  let kept = 0;
  for (const token of tokens) {
    const lower = token.text.toLowerCase();
    if (kept > 0 && ctx.compiled.clauseEnds.has(lower)) break;
    if (kept === 0 && ctx.compiled.clauseEnds.has(lower) && !ctx.compiled.determiners.has(lower)) return undefined;
    if (kept === 0 && isPronoun(ctx, token.text)) return "pronoun";
    kept++;
    end = token.end;
    if (kept >= MAX_ROLE_WORDS) break;
  }
  if (kept === 0) return undefined;
  const person = firstPersonIn(ctx, start, end);
  if (person) return person;
  const role = rolePhrase(ctx, start, end);
  // "a déclaré le ministre de l'Intérieur, Jean Dupont,": the name in apposition to a role.
  const opensWithRole = startsLowercase(tokens[0]!.text);
  const apposition = role && opensWithRole && text[end] === "," ? appositionName(ctx, end + 1, sentence.end) : undefined;
  if (apposition) return apposition;
  const names = nameRuns(ctx, start, end);
  if (names.length > 0) return names[0];
  return role;
}

/** The first punctuation that closes a phrase from `start`, a period after "Dr" or an initial aside. */
function phraseEnd(ctx: Context, start: number, limit: number): number {
  const pattern = new RegExp(PHRASE_STOP.source, "gu");
  const slice = ctx.text.slice(start, limit);
  for (const m of slice.matchAll(pattern)) {
    if (m[0] === ".") {
      const word = WORD_BEFORE.exec(slice.slice(0, m.index))?.[1];
      if (word && (word.length === 1 || ctx.compiled.titles.has(`${word.toLowerCase()}.`) || ABBREVIATIONS.has(word.toLowerCase()))) continue;
    }
    return start + m.index;
  }
  return limit;
}

/** A name standing alone between commas (or before the sentence end) from `start`. */
function appositionName(ctx: Context, start: number, limit: number): TextSpan | undefined {
  const end = phraseEnd(ctx, start, Math.min(limit, start + AFTER_WINDOW_CHARS));
  const names = nameRuns(ctx, start, end);
  if (names.length !== 1) return undefined;
  const name = names[0]!;
  return ctx.text.slice(start, name.start).trim() === "" && ctx.text.slice(name.end, end).trim() === "" ? name : undefined;
}

function isPronoun(ctx: Context, word: string): boolean {
  const lower = word.toLowerCase();
  return ctx.compiled.pronouns.has(lower) || ctx.compiled.pronouns.has(`-${lower.split("-").pop()}`);
}

function lastPersonIn(ctx: Context, start: number, end: number): TextSpan | undefined {
  let found: TextSpan | undefined;
  for (const p of ctx.people) {
    if (p.start >= end) break;
    if (p.start >= start && p.end <= end) found = p;
  }
  return found;
}

function firstPersonIn(ctx: Context, start: number, end: number): TextSpan | undefined {
  return ctx.people.find((p) => p.start >= start && p.end <= end);
}

/** A role noun phrase ending right before the verb: "les autorités locales", "l'armée russe". */
function roleBefore(ctx: Context, start: number, end: number): TextSpan | undefined {
  const segment = ctx.text.slice(start, end);
  const cut = Math.max(...[",", ";", ":", "(", "—", "–"].map((c) => segment.lastIndexOf(c)));
  return rolePhrase(ctx, cut >= 0 ? start + cut + 1 : start, end);
}

function rolePhrase(ctx: Context, start: number, end: number): TextSpan | undefined {
  const tokens = wordsIn(ctx.text, start, end);
  // Trailing "of/de" left by a cut: "le porte-parole de".
  while (tokens.length > 0 && (ctx.compiled.clauseEnds.has(tokens[tokens.length - 1]!.text.toLowerCase()) || NAME_CONNECTORS.has(tokens[tokens.length - 1]!.text.toLowerCase()))) tokens.pop();
  if (tokens.length === 0 || tokens.length > MAX_ROLE_WORDS) return undefined;
  const first = tokens[0]!.text;
  const firstLower = first.toLowerCase();
  const article = startsWithElision(firstLower) ? firstLower.slice(0, 2) : firstLower;
  const determined = ctx.compiled.determiners.has(article) || ctx.compiled.determiners.has(firstLower);
  if (determined && tokens.length === 1 && !/['’]/.test(first)) return undefined; // a bare "the"
  if (ctx.compiled.determiners.size > 0 && !determined && !isCapitalised(first)) return undefined;
  if (!determined && ctx.compiled.stopwords.has(firstLower)) return undefined; // "De esa forma"
  if (tokens.every((t) => ctx.compiled.stopwords.has(t.text.toLowerCase()))) return undefined;
  // An auxiliary, pronoun or "that" inside means a clause, not a noun phrase.
  if (tokens.slice(1).some((t) => isClauseWord(ctx, t.text.toLowerCase()))) return undefined;
  if (tokens.some((t) => ctx.compiled.kinds.some(([re, kind]) => kind !== "source" && re.test(t.text)))) return undefined;
  const s = tokens[0]!.start;
  const e = tokens[tokens.length - 1]!.end;
  return { start: s, end: e, text: ctx.text.slice(s, e) };
}

function isClauseWord(ctx: Context, lower: string): boolean {
  return ctx.compiled.skipWords.has(lower) || ctx.compiled.pronouns.has(lower) || ctx.compiled.complementizers.has(lower);
}

function wordsIn(text: string, start: number, end: number): TextSpan[] {
  const out: TextSpan[] = [];
  const pattern = new RegExp(WORD.source, "gu");
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(pattern)) out.push({ start: start + m.index, end: start + m.index + m[0].length, text: m[0] });
  return out;
}

/** Capitalised word runs in [start, end) that look like names, titles stripped. */
function nameRuns(ctx: Context, start: number, end: number): TextSpan[] {
  if (ctx.lexicon.noCase) return [];
  const text = ctx.text;
  const tokens = wordsIn(text, start, end);
  const runs: TextSpan[][] = [];
  let run: TextSpan[] = [];
  const close = () => {
    while (run.length > 0 && !NAME_START.test(run[run.length - 1]!.text)) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    const gap = k > 0 ? text.slice(tokens[k - 1]!.end, token.start) : "";
    const previous = run[run.length - 1];
    const abbreviated = previous !== undefined && (previous.text.length === 1 || ctx.compiled.titles.has(`${previous.text.toLowerCase()}.`));
    const joined = run.length > 0 && (/^\s+$/.test(gap) || (/^\.\s+$/.test(gap) && abbreviated));
    if (!joined) close();
    if (isNameToken(ctx, token, tokens[k - 1])) run.push(token);
    else if (run.length > 0 && NAME_CONNECTORS.has(token.text) && tokens[k + 1] && NAME_START.test(tokens[k + 1]!.text)) run.push(token);
    else close();
  }
  close();
  const out: TextSpan[] = [];
  for (const r of runs) {
    // The name starts after the last title word: "Boeing Executive Vice President Scott Carson".
    let first = 0;
    for (let k = 0; k < r.length - 1; k++) {
      const one = r[k]!.text.toLowerCase();
      if (ctx.compiled.titles.has(one) || ctx.compiled.titles.has(`${one}.`) || ctx.compiled.titleSuffix?.test(one)) first = k + 1;
    }
    const lone = r[first]!.text.toLowerCase();
    if (first === r.length - 1 && (ctx.compiled.titles.has(lone) || ctx.compiled.titles.has(`${lone}.`))) continue;
    const s = r[first]!.start;
    const e = r[r.length - 1]!.end;
    out.push({ start: s, end: e, text: text.slice(s, e) });
  }
  return out;
}

function isNameToken(ctx: Context, token: TextSpan, previous: TextSpan | undefined): boolean {
  if (!NAME_START.test(token.text)) return false;
  const lower = token.text.toLowerCase();
  if (ctx.compiled.stopwords.has(lower) || ctx.compiled.skipWords.has(lower)) return false;
  if (ctx.lexicon.nounsCapitalised && previous && ctx.compiled.determiners.has(previous.text.toLowerCase()) && ctx.text.slice(previous.end, token.start).trim() === "") return false;
  // A capitalised word at a sentence start is a name only if the text never writes it in lower case.
  if (isSentenceInitial(ctx, token.start)) return !writtenLowercase(ctx, lower);
  return true;
}

function isSentenceInitial(ctx: Context, pos: number): boolean {
  const sentence = ctx.sentences[spanIndexAt(ctx.sentences, pos)];
  if (!sentence) return true;
  return /^[\s"«“„‚‘‹»(\[—–-]*$/u.test(ctx.text.slice(sentence.start, pos));
}

/** Whether the text writes `lower` in lower case as a whole word somewhere (indexed once per call). */
function writtenLowercase(ctx: Context, lower: string): boolean {
  if (!ctx.lowercaseWords) {
    ctx.lowercaseWords = new Set();
    for (const m of ctx.text.matchAll(LOWERCASE_WORD)) ctx.lowercaseWords.add(m[0]);
  }
  return ctx.lowercaseWords.has(lower);
}

// ---------------------------------------------------------------------------------------------
// 4. Quotes to speakers

function attribute(ctx: Context, words: SpeechWord[]): Quote[] {
  const bySentence = new Map<number, SpeechWord[]>();
  for (const w of words) {
    if (!w.speaker) continue;
    const list = bySentence.get(w.sentence) ?? [];
    list.push(w);
    bySentence.set(w.sentence, list);
  }
  const found: Array<{ quote: RawQuote; word?: SpeechWord; sameSentence: boolean }> = [];
  for (const quote of ctx.quotes) {
    const sentence = spanIndexAt(ctx.sentences, quote.start);
    let word = nearest(bySentence.get(sentence) ?? [], quote);
    let sameSentence = word !== undefined;
    if (!word && sentence >= 0 && wholeSentence(ctx, quote, sentence)) {
      const before = ctx.sentences[sentence - 1];
      const after = ctx.sentences[sentence + 1];
      const previousWords = bySentence.get(sentence - 1);
      if (before && previousWords) word = previousWords[previousWords.length - 1];
      else if (after && sameParagraph(ctx.text, quote.end, after.start)) word = bySentence.get(sentence + 1)?.[0];
    }
    if (!word && sentence > 0 && /:\s*$/.test(ctx.text.slice(ctx.sentences[sentence - 1]!.start, ctx.sentences[sentence - 1]!.end))) {
      const previousWords = bySentence.get(sentence - 1);
      word = previousWords?.[previousWords.length - 1];
    }
    const introducer = !word && sentence >= 0 ? colonSubject(ctx, quote, ctx.sentences[sentence]!) : undefined;
    if (introducer) word = introducer;
    found.push({ quote, word, sameSentence });
  }
  // A group (long quote, dialogue line) takes the speaker any of its parts found.
  const groupWord = new Map<number, SpeechWord>();
  for (const f of found) if (f.word && !groupWord.has(f.quote.group)) groupWord.set(f.quote.group, f.word);
  const out: Quote[] = [];
  for (const f of found) {
    const word = f.word ?? groupWord.get(f.quote.group);
    const { quote } = f;
    const text = ctx.text.slice(quote.start, quote.end);
    const scare = quote.style !== "dash" && countWords(text) <= SCARE_QUOTE_MAX_WORDS;
    if (scare && !f.sameSentence) continue;
    const result: Quote = { start: quote.start, end: quote.end, text, style: quote.style };
    if (word?.speaker) {
      result.speaker = word.speaker;
      result.verb = word.form;
    }
    out.push(result);
  }
  return out;
}

/**
 * "Legislator Tanya Chan spoke to the press: “…”": with no speech word, a quote after a colon
 * belongs to the name that opens its sentence.
 */
function colonSubject(ctx: Context, quote: RawQuote, sentence: Span): SpeechWord | undefined {
  const lead = ctx.text.slice(sentence.start, quote.outerStart);
  if (!/:\s*$/.test(lead) || lead.length > SUBJECT_WINDOW_CHARS) return undefined;
  const end = sentence.start + lead.search(/[,:]/);
  const speaker = firstPersonIn(ctx, sentence.start, end) ?? nameRuns(ctx, sentence.start, end)[0];
  return speaker ? { start: end, end, form: ":", kind: "verb", sentence: -1, speaker } : undefined;
}

function nearest(words: SpeechWord[], quote: RawQuote): SpeechWord | undefined {
  let best: SpeechWord | undefined;
  let bestDistance = Infinity;
  for (const w of words) {
    const distance = w.start >= quote.end ? w.start - quote.end : Math.max(0, quote.start - w.end);
    if (distance < bestDistance) {
      best = w;
      bestDistance = distance;
    }
  }
  return best;
}

/** The quote is all its sentence holds, bar punctuation. */
function wholeSentence(ctx: Context, quote: RawQuote, sentence: number): boolean {
  const span = ctx.sentences[sentence]!;
  const outside = ctx.text.slice(span.start, quote.outerStart) + ctx.text.slice(quote.outerEnd, span.end);
  return !hasLetterOrDigit(outside);
}

function sameParagraph(text: string, a: number, b: number): boolean {
  return !/\n\s*\n/.test(text.slice(a, b));
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => w !== "").length;
}
