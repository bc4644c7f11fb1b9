/**
 * NER step: fast emission scores for tagging. Most features (the window templates) read a single
 * word, so their summed weights depend only on that word and its offset: they are computed once per
 * distinct word and kept, and only the context features (conjunctions, gazetteer, classes) are
 * hashed per position. Same scores as Model.emissions(featurize(...)), several times faster.
 */
import type { Gazetteer } from "./gazetteer.ts";
import { wordClass, WORD_CLASS, type WordClasses } from "./lexicon.ts";
import type { Model } from "./model.ts";
import { boundaryUnits, CONTEXT_FEATURES_PER_TOKEN, featurizeContext, PAD, unitsOf, WINDOW_OFFSETS, windowFeature } from "./features.ts";

/** A word's units and its window contributions: L scores per offset -PAD..PAD (index offset + PAD). */
interface WordEntry {
  units: Int32Array;
  window: Float32Array;
  /** word class (lexicon.ts) under the classes the entry was made with */
  wordClass: number;
}

/** Words cached per model before the cache is cleared wholesale (about 200 bytes each). */
const WORD_CACHE_LIMIT = 100_000;

const SPAN = 2 * PAD + 1;

export class EmissionScorer {
  private readonly cache = new Map<string, WordEntry>();
  private readonly before: WordEntry;
  private readonly after: WordEntry;
  private readonly L: number;

  constructor(private readonly model: Model) {
    this.L = model.labels.length;
    const { before, after } = boundaryUnits();
    this.before = this.entryFor(before);
    this.after = this.entryFor(after);
  }

  private entryFor(units: Int32Array, cls: number = WORD_CLASS.other): WordEntry {
    const L = this.L;
    const window = new Float32Array(SPAN * L);
    for (let t = 0; t < WINDOW_OFFSETS.length; t++) {
      // The word seen at offset o from a position contributes to that position's scores.
      this.model.addBucket(windowFeature(units, t, this.model.mask), window, (WINDOW_OFFSETS[t]! + PAD) * L);
    }
    return { units, window, wordClass: cls };
  }

  /** Context feature buckets of the sentence being scored, reused across calls (each call writes what it reads). */
  private features = new Int32Array(0);

  /** Cached entries hold classes read with `classes`; a scorer serves one model, so one set of classes. */
  private classesSeen?: WordClasses;

  private entry(word: string, classes: WordClasses | undefined): WordEntry {
    let entry = this.cache.get(word);
    if (!entry) {
      if (this.cache.size >= WORD_CACHE_LIMIT) this.cache.clear();
      entry = this.entryFor(unitsOf(word), wordClass(word, classes));
      this.cache.set(word, entry);
    }
    return entry;
  }

  /** Emission scores, n x L flat, for one (truecased) sentence. */
  emissions(words: readonly string[], gazetteer: Gazetteer | undefined, classes?: WordClasses): Float32Array {
    const n = words.length;
    const L = this.L;
    const entries: WordEntry[] = new Array(n + 2 * PAD);
    for (let p = 0; p < PAD; p++) {
      entries[p] = this.before;
      entries[n + PAD + p] = this.after;
    }
    if (classes !== this.classesSeen) {
      this.cache.clear();
      this.classesSeen = classes;
    }
    const wordClasses = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const entry = this.entry(words[i]!, classes);
      entries[i + PAD] = entry;
      wordClasses[i] = entry.wordClass;
    }
    const units: Int32Array[] = new Array(entries.length);
    for (let i = 0; i < entries.length; i++) units[i] = entries[i]!.units;
    if (this.features.length < n * CONTEXT_FEATURES_PER_TOKEN) this.features = new Int32Array(2 * n * CONTEXT_FEATURES_PER_TOKEN);
    const features = featurizeContext(words, units, gazetteer, this.model.mask, wordClasses, this.features);
    const scores = this.model.emissions(features, n, CONTEXT_FEATURES_PER_TOKEN);
    for (let i = 0; i < n; i++) {
      const row = i * L;
      for (let o = 0; o < SPAN; o++) {
        // the word at i + o - PAD, read at offset o - PAD
        const window = entries[i + o]!.window;
        const at = o * L;
        for (let l = 0; l < L; l++) scores[row + l]! += window[at + l]!;
      }
    }
    return scores;
  }

}
