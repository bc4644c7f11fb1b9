/**
 * NER step: word classes the tagger reads as features, learned from text or taken from CLDR,
 * so that capitalisation alone does not open a name: a capitalised word the language mostly
 * writes in lowercase ("Shares" opening a sentence) and calendar words (weekdays and months,
 * capitalised in English and German) are rarely names.
 */

/** The classes, one small integer each, mixed into feature hashes. */
export const WORD_CLASS = {
  other: 0,
  /** capitalised here, but written in lowercase in most of its occurrences elsewhere */
  capitalisedCommon: 1,
  calendar: 2,
  lowercase: 3,
} as const;

export interface WordClasses {
  /** lowercase forms of words mostly written in lowercase (model header `lowercaseWords`) */
  common: ReadonlySet<string>;
  /** lowercase weekday and month names of the language */
  calendar: ReadonlySet<string>;
}

const calendarCache = new Map<string, ReadonlySet<string>>();

/** Weekday and month names (standalone and in-date forms), lowercase, from the runtime's CLDR data. */
export function calendarWords(language: string): ReadonlySet<string> {
  let words = calendarCache.get(language);
  if (words) return words;
  const found = new Set<string>();
  try {
    const weekday = new Intl.DateTimeFormat(language, { weekday: "long", timeZone: "UTC" });
    for (let d = 0; d < 7; d++) found.add(weekday.format(new Date(Date.UTC(2024, 0, 1 + d))).toLowerCase());
    const month = new Intl.DateTimeFormat(language, { month: "long", timeZone: "UTC" });
    const inDate = new Intl.DateTimeFormat(language, { month: "long", day: "numeric", timeZone: "UTC" });
    for (let m = 0; m < 12; m++) {
      const date = new Date(Date.UTC(2024, m, 15));
      found.add(month.format(date).toLowerCase());
      const part = inDate.formatToParts(date).find((p) => p.type === "month")?.value;
      if (part) found.add(part.toLowerCase());
    }
  } catch {
    // an unknown language tag: no calendar words
  }
  words = found;
  calendarCache.set(language, words);
  return words;
}

/** The class of one token. */
export function wordClass(word: string, classes: WordClasses | undefined): number {
  if (!classes) return WORD_CLASS.other;
  const lower = word.toLowerCase();
  if (classes.calendar.has(lower)) return WORD_CLASS.calendar;
  if (lower === word) return WORD_CLASS.lowercase;
  return classes.common.has(lower) ? WORD_CLASS.capitalisedCommon : WORD_CLASS.other;
}
