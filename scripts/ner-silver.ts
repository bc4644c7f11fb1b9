/**
 * Silver NER training text for scripts/train-ner.ts (distant supervision): real news prose from
 * ../shared/samples/news, partially labelled. Names found in an entity lexicon (harvested from the
 * WikiANN training split, plus gazetteer countries and cities) get their type; lowercase words,
 * punctuation, numbers, calendar words and sentence-initial capitalised common words are O; every
 * other capitalised word is left free for the perceptron to fill in (see TrainingSentence.known).
 * This teaches news context, which WikiANN's titles and list items lack.
 */
import { existsSync } from "node:fs";
import { readJsonl, sharedPath } from "../eval/shared.ts";
import { GAZETTEER_KINDS, type Gazetteer } from "../src/understand/ner/gazetteer.ts";
import { calendarWords } from "../src/understand/ner/lexicon.ts";
import { splitSentences, tokenizeText } from "../src/understand/ner/tokenize.ts";

export interface Sentence {
  tokens: string[];
  tags: string[];
}

/** A one-word lexicon entry must be seen this often in WikiANN train (longer names: once)... */
export const LEXICON_MIN_COUNT = 2;
/** ...and with one type this share of the time. */
export const LEXICON_MIN_SHARE = 0.8;
/** Longest lexicon entry, in tokens. */
const LEXICON_MAX_TOKENS = 6;
/** Silver sentences shorter than this are mostly captions and bylines. */
const SILVER_MIN_TOKENS = 5;
/** Tokens after which the next word is capitalised by position, not because it is a name. */
const SENTENCE_OPENERS = new Set(['"', "'", "“", "«", "„", "(", "-", "–", "—", ":", "‘"]);

const NEWS_FILE = "samples/news/news.jsonl";

/** Entity strings of the training split with their majority type (exact case). */
export function entityLexicon(train: readonly Sentence[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const s of train) {
    let start = -1;
    const close = (end: number): void => {
      if (start < 0) return;
      const key = s.tokens.slice(start, end).join(" ");
      const type = s.tags[start]!.slice(2);
      const byType = counts.get(key) ?? new Map<string, number>();
      byType.set(type, (byType.get(type) ?? 0) + 1);
      counts.set(key, byType);
      start = -1;
    };
    s.tags.forEach((tag, i) => {
      if (!tag.startsWith("I-")) close(i);
      if (tag.startsWith("B-")) start = i;
    });
    close(s.tags.length);
  }
  const lexicon = new Map<string, string>();
  for (const [key, byType] of counts) {
    const total = [...byType.values()].reduce((a, b) => a + b, 0);
    const [type, n] = [...byType].sort((a, b) => b[1] - a[1])[0]!;
    const length = key.split(" ").length;
    if ((total >= LEXICON_MIN_COUNT || length > 1) && n >= LEXICON_MIN_SHARE * total && length <= LEXICON_MAX_TOKENS) lexicon.set(key, type);
  }
  return lexicon;
}

/** Token lists of the news sample's sentences in `language` (titles included). */
export function newsSentences(language: string): string[][] {
  const path = sharedPath(NEWS_FILE);
  if (!existsSync(path)) return [];
  const out: string[][] = [];
  for (const article of readJsonl<{ lang: string; title?: string; text: string }>(path)) {
    if (article.lang !== language) continue;
    for (const text of [article.title ?? "", article.text]) {
      const tokens = tokenizeText(text, language);
      for (const sentence of splitSentences(tokens, text)) out.push(sentence.map((t) => t.text));
    }
  }
  return out;
}

const startsUpper = (w: string): boolean => /^\p{Lu}/u.test(w);

/** Position i opens a sentence or a quotation, so its capital says nothing. */
const initialAt = (tokens: readonly string[], i: number): boolean => i === 0 || SENTENCE_OPENERS.has(tokens[i - 1]!);

/**
 * Partial labels for one sentence: a label string where known, undefined where free.
 * `common` holds lowercase forms of words mostly written in lowercase.
 */
export function silverLabels(tokens: readonly string[], language: string, lexicon: ReadonlyMap<string, string>, gaz: Gazetteer, common: ReadonlySet<string>): Array<string | undefined> {
  const labels: Array<string | undefined> = new Array(tokens.length);
  const calendar = calendarWords(language);
  for (let i = 0; i < tokens.length; ) {
    let matched = 0;
    let type = "";
    if (startsUpper(tokens[i]!)) {
      for (let len = Math.min(LEXICON_MAX_TOKENS, tokens.length - i); len >= 1 && !matched; len--) {
        const words = tokens.slice(i, i + len);
        if (!startsUpper(words[len - 1]!)) continue;
        // A match inside a longer capitalised run ("Ralph Crosby", "President Dick") may be part of another name.
        if ((i > 0 && startsUpper(tokens[i - 1]!) && !initialAt(tokens, i - 1)) || startsUpper(tokens[i + len] ?? "")) continue;
        // A one-word entry that is a common word ("President") is too ambiguous to label.
        if (len === 1 && common.has(words[0]!.toLowerCase())) continue;
        const known = lexicon.get(words.join(" "));
        const kinds = known ? undefined : gaz.kindsOf(words.join(" ").toLowerCase());
        const place = kinds && (kinds.includes(GAZETTEER_KINDS.country) || kinds.includes(GAZETTEER_KINDS.city));
        if (known || place) {
          matched = len;
          type = known ?? "LOC";
        }
      }
    }
    if (matched > 0) {
      for (let j = 0; j < matched; j++) labels[i + j] = (j === 0 ? "B-" : "I-") + type;
      i += matched;
      continue;
    }
    const word = tokens[i]!;
    const lower = word.toLowerCase();
    const initial = initialAt(tokens, i);
    if (!/\p{L}/u.test(word) || word === lower || calendar.has(lower)) labels[i] = "O";
    else if (initial && common.has(lower) && !startsUpper(tokens[i + 1] ?? "")) labels[i] = "O";
    i++;
  }
  return labels;
}

/** Silver sentences of `language` with their partial labels. */
export function silverSentences(language: string, lexicon: ReadonlyMap<string, string>, gaz: Gazetteer, common: ReadonlySet<string>): Array<{ tokens: string[]; labels: Array<string | undefined> }> {
  return newsSentences(language)
    .filter((tokens) => tokens.length >= SILVER_MIN_TOKENS)
    .map((tokens) => ({ tokens, labels: silverLabels(tokens, language, lexicon, gaz, common) }));
}
