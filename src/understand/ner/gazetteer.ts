/**
 * NER step: place and nationality name lists as tagger features (never as answers on their own).
 * Built by scripts/train-ner.ts from /work/shared/kb (GeoNames cities, mledoze countries) into
 * data/ner/gazetteer.json.gz; keys are lowercased token sequences joined by one space.
 */
import { hashString } from "./features.ts";
import { startsWithLetter } from "../../letters.ts";

/** What a gazetteer entry names; one letter each so a key's kinds fit in a short string. */
export const GAZETTEER_KINDS = {
  city: "C",
  country: "K",
  demonym: "D",
} as const;

/** Longest entry, in tokens, worth looking up. */
export const MAX_ENTRY_TOKENS = 5;

/** A name list as stored: the gazetteer's and the news conventions' lists share the format. */
export interface NameListData {
  /** key (lowercase tokens joined by " ") -> kinds letters, e.g. "CK" */
  entries: Record<string, string>;
}

export type GazetteerData = NameListData;

/** Names keyed by their lowercase tokens, each with its kinds' letters. */
export class NameList {
  protected readonly entries: Map<string, string>;
  /** first token of every entry, to skip most positions without building keys */
  protected readonly firstTokens = new Set<string>();

  constructor(data: NameListData) {
    this.entries = new Map(Object.entries(data.entries));
    for (const key of this.entries.keys()) this.firstTokens.add(key.split(" ", 1)[0]!);
  }

  kindsOf(key: string): string | undefined {
    return this.entries.get(key);
  }
}

export class Gazetteer extends NameList {
  private readonly tagHashes = new Map<string, number>();

  /**
   * One hash per position describing the gazetteer matches covering it (role B/I/L/U and kinds),
   * or undefined. Matches must start with a capital (or caseless script) so "nice" is not Nice;
   * longest match first, left to right.
   */
  tag(words: readonly string[]): Array<number | undefined> {
    const tags: Array<number | undefined> = new Array(words.length);
    // Lowercased lazily: most words are lowercase and start no entry.
    const lower: Array<string | undefined> = new Array(words.length);
    const lowerAt = (i: number): string => (lower[i] ??= words[i]!.toLowerCase());
    for (let i = 0; i < words.length; ) {
      if (!startsLikeName(words[i]!) || !this.firstTokens.has(lowerAt(i))) {
        i++;
        continue;
      }
      let matched = 0;
      let kinds = "";
      let key = "";
      for (let len = 1; len <= MAX_ENTRY_TOKENS && i + len <= words.length; len++) {
        key = len === 1 ? lowerAt(i) : key + " " + lowerAt(i + len - 1);
        const found = this.entries.get(key);
        if (found) {
          matched = len;
          kinds = found;
        }
      }
      if (matched === 0) {
        i++;
        continue;
      }
      for (let j = 0; j < matched; j++) {
        const role = matched === 1 ? "U" : j === 0 ? "B" : j === matched - 1 ? "L" : "I";
        tags[i + j] = this.hashTag(role + kinds);
      }
      i += matched;
    }
    return tags;
  }

  private hashTag(tag: string): number {
    let h = this.tagHashes.get(tag);
    if (h === undefined) {
      h = hashString("g" + tag) | 0;
      this.tagHashes.set(tag, h);
    }
    return h;
  }
}

/** Starts with a capital or a caseless letter (Arabic, Han): not with a lowercase letter or a digit. */
function startsLikeName(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90; // ASCII fast path: A-Z only
  const first = word[0]!;
  return first !== first.toLowerCase() || (first === first.toUpperCase() && startsWithLetter(word));
}
