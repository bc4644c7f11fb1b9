/**
 * Entity linking (understand stage): a person or organisation name as written in any language and
 * script -> one entry of the name table (data/names, built by `npm run build:names`), with its canonical
 * English name, aliases, CAMEO country and sector codes. Names are matched on keys (./link/keys.ts):
 * plain, then phonetic (Cyrillic/Greek romanised, case endings undone, spelling variants folded), then,
 * for full names and Arabic script, a consonant skeleton.
 */
import type { EntityType } from "../schema.ts";
import {
  arabicSkeleton,
  combinations,
  nameWords,
  phoneticKey,
  phoneticWord,
  plainKey,
  scriptOf,
  skeletonKey,
  skeletonOfPhonetic,
  wordReadings,
} from "./link/keys.ts";
import { loadNames, type NameEntry, type NameType } from "./link/table.ts";
import { hasLowercase } from "../letters.ts";

/** A name-table entry as linking returns it (the table's weight is its own business). */
export type LinkedEntity = Omit<NameEntry, "weight">;

/** Among several entries for one name, the best is taken only if its weight is this many times the next one's. */
const DOMINANCE = 3;
/** Cap on the readings tried for one mention (case endings multiply per word). */
const MAX_READINGS = 32;
/** A one-word name shorter than this is too weak to link by sound or skeleton. */
const MIN_FUZZY_WORD = 4;

export interface LinkOptions {
  /** Link a lone word to the one person whose surname it is (default true). */
  surnames?: boolean;
}

interface Index {
  entries: NameEntry[];
  plain: Map<string, number[]>;
  phonetic: Map<string, number[]>;
  skeleton: Map<string, number[]>;
  surname: Map<string, number[]>;
  surnameSkeleton: Map<string, number[]>;
}

let index: Index | undefined;

function add(map: Map<string, number[]>, key: string, i: number): void {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

function buildIndex(): Index {
  const { entries } = loadNames();
  const idx: Index = { entries, plain: new Map(), phonetic: new Map(), skeleton: new Map(), surname: new Map(), surnameSkeleton: new Map() };
  entries.forEach((entry, i) => {
    for (const form of [entry.name, ...entry.aliases]) {
      add(idx.plain, `${entry.type}:${plainKey(form)}`, i);
      const phonetic = phoneticKey(form);
      add(idx.phonetic, `${entry.type}:${phonetic}`, i);
      const words = phonetic.split(" ");
      if (words.length >= 2) add(idx.skeleton, `${entry.type}:${skeletonKey(form)}`, i);
      if (entry.type === "PER") {
        const last = words[words.length - 1]!;
        add(idx.surname, last, i);
        add(idx.surnameSkeleton, skeletonOfPhonetic(last), i);
      }
    }
  });
  return idx;
}

/** The entry a list of candidates points to: the only one, or one that outweighs the rest. */
function choose(entries: NameEntry[], candidates: number[] | undefined): NameEntry | undefined {
  if (!candidates?.length) return undefined;
  if (candidates.length === 1) return entries[candidates[0]!];
  const sorted = [...new Set(candidates)].map((i) => entries[i]!).sort((a, b) => b.weight - a.weight);
  if (sorted.length === 1) return sorted[0];
  return sorted[0]!.weight >= DOMINANCE * sorted[1]!.weight ? sorted[0] : undefined;
}

/** Union of the candidate lists of several keys (readings of one mention). */
function gather(map: Map<string, number[]>, keys: Iterable<string>): number[] {
  const out = new Set<number>();
  for (const k of keys) for (const i of map.get(k) ?? []) out.add(i);
  return [...out];
}

function toLinked(e: NameEntry): LinkedEntity {
  const linked: LinkedEntity = { id: e.id, name: e.name, type: e.type, aliases: e.aliases };
  if (e.country) linked.country = e.country;
  if (e.sector) linked.sector = e.sector;
  if (e.wikidata) linked.wikidata = e.wikidata;
  return linked;
}

/** The Latin readings of a mention: each word romanised, with case endings undone where it inflects. */
function readingsOf(words: string[], language: string): string[] {
  return combinations(words.map((w) => wordReadings(w, language)), MAX_READINGS).map((ws) => ws.join(" "));
}

/**
 * The table entry a mention names, if the table knows it. `type` is the recogniser's: PER links to
 * people, ORG and MISC to organisations, LOC never (places are geocoded). A lone surname links only
 * when one person bears it (or outweighs the others, see DOMINANCE).
 */
export function linkEntity(name: string, type: EntityType, language: string, options: LinkOptions = {}): LinkedEntity | undefined {
  if (type === "LOC") return undefined;
  const whole = linkWhole(name, type, language, options.surnames ?? true);
  if (whole && sameWordInCapitals(whole.name, name)) return { ...whole, name: name.trim() };
  if (whole || type !== "PER") return whole;
  // Recognisers often take a title or an adjective into a person's name ("الروسي فلاديمير بوتين",
  // "Kremlsprecher Dmitri Peskow"): the last two or more words are tried alone.
  const words = name.trim().split(/\s+/);
  for (let start = 1; start <= words.length - 2; start++) {
    const tail = linkWhole(words.slice(start).join(" "), type, language, false);
    if (tail) return tail;
  }
  return undefined;
}

/**
 * The table writes some names in capitals only, as the CAMEO actor dictionaries do ("BOEING"), and keeps short ones
 * as acronyms; a text that spells the name in mixed case ("Boeing") shows it is a word, displayed as written.
 */
function sameWordInCapitals(tableName: string, mention: string): boolean {
  const written = mention.trim();
  return !hasLowercase(tableName) && hasLowercase(written) && written.toLocaleUpperCase() === tableName;
}

function linkWhole(name: string, type: EntityType, language: string, surnames: boolean): LinkedEntity | undefined {
  const target: NameType = type === "PER" ? "PER" : "ORG";
  index ??= buildIndex();
  const { entries } = index;
  const words = nameWords(name);
  if (words.length === 0) return undefined;
  const script = scriptOf(name);

  if (script === "arabic") {
    const skeleton = words.map(arabicSkeleton).join(" ");
    if (words.length >= 2) return mapOrUndefined(choose(entries, index.skeleton.get(`${target}:${skeleton}`)));
    if (target === "PER" && surnames && skeleton.length >= 3) return mapOrUndefined(choose(entries, index.surnameSkeleton.get(skeleton)));
    return undefined;
  }

  const exact = index.plain.get(`${target}:${plainKey(name)}`);
  if (exact) return mapOrUndefined(choose(entries, exact));

  const readings = readingsOf(words, language);
  // Generic spelling first (names in the press mostly keep the English spelling), then the language's own.
  const phonetics = new Set<string>();
  for (const r of readings) phonetics.add(phoneticKey(r));
  if (script === "latin") for (const r of readings) phonetics.add(phoneticKey(r, language));
  const byPhonetic = gather(index.phonetic, [...phonetics].map((k) => `${target}:${k}`));
  if (byPhonetic.length) return mapOrUndefined(choose(entries, byPhonetic));

  if (target !== "PER") return undefined;
  if (words.length === 1) {
    if (!surnames) return undefined;
    const keys = [...phonetics].filter((k) => k.length >= MIN_FUZZY_WORD);
    return mapOrUndefined(choose(entries, gather(index.surname, keys)));
  }
  const skeletons = new Set([...phonetics].map((k) => k.split(" ").map(skeletonOfPhonetic).join(" ")));
  return mapOrUndefined(choose(entries, gather(index.skeleton, [...skeletons].map((k) => `${target}:${k}`))));
}

function mapOrUndefined(e: NameEntry | undefined): LinkedEntity | undefined {
  return e ? toLinked(e) : undefined;
}

/** Phonetic keys of a name's last word in every reading (inflected forms included): same-document surname matching. */
export function surnameKeys(name: string, language: string): string[] {
  const words = nameWords(name);
  if (words.length === 0) return [];
  return [...new Set(wordReadings(words[words.length - 1]!, language).map((r) => phoneticWord(r)))];
}

/** linkEntity and surnameKeys, memoised for one document (answers are shared: read them, do not mutate). */
export interface DocumentLinker {
  link(name: string, type: EntityType, options?: LinkOptions): LinkedEntity | undefined;
  surnameKeys(name: string): string[];
}

/** Answers kept across documents before the caches are cleared wholesale: names recur from article to article. */
const LINK_CACHE_LIMIT = 50_000;
const linkCache = new Map<string, LinkedEntity | undefined>();
const surnameCache = new Map<string, string[]>();

function remembered<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  if (cache.has(key)) return cache.get(key)!;
  if (cache.size >= LINK_CACHE_LIMIT) cache.clear();
  const value = compute();
  cache.set(key, value);
  return value;
}

/**
 * A linker for one document in one language: a document repeats its names (every mention, each entity's
 * aliases tried under several types), and so do the documents of a batch, so each distinct question is
 * answered once per process (the name table does not change while it runs).
 */
export function documentLinker(language: string): DocumentLinker {
  return {
    link(name, type, options = {}) {
      const surnames = options.surnames ?? true;
      return remembered(linkCache, `${language}\u0000${type}\u0000${surnames}\u0000${name}`, () => linkEntity(name, type, language, options));
    },
    surnameKeys(name) {
      return remembered(surnameCache, `${language}\u0000${name}`, () => surnameKeys(name, language));
    },
  };
}
