/**
 * Near-duplicates and syndicated copies. Exact copies share the hash of their folded text; near copies
 * (a wire story republished with small edits, cut short, or wrapped in another site's boilerplate) are
 * found with MinHash signatures over word shingles and an LSH banding index, so that a new document is
 * compared only with the few documents that share a band, not with the whole corpus.
 * I/O-free: the store persists `toJSON()` and restores with `DuplicateIndex.fromJSON`.
 */
import { createHash } from "node:crypto";
import { fnv1a, mix32 } from "../hash.ts";
import { foldedWords, foldText } from "./text.ts";

/** Chosen by `npm run eval:dedup` (perturbed copies of real pages among unrelated ones). */
export const DEDUP_DEFAULTS = {
  /** Words per shingle (2 keeps copies with 15% of words changed findable; 3 lost a third of them at equal precision). */
  shingleSize: 2,
  /** MinHash signature length. */
  hashes: 120,
  /** LSH bands (hashes / bands = 3 rows each): pairs at Jaccard 0.25 meet in a band 47% of the time, at 0.4 in 93%, at 0.05 in 0.5%. */
  bands: 40,
  /** Estimated Jaccard at or above which two documents are near-duplicates (0.35: precision 0.999, recall 0.75; 0.25: 0.994, 0.85). */
  jaccard: 0.25,
  /** Or: the share of the shorter document's shingles found in the longer one (a truncated or padded copy). */
  containment: 0.8,
  /** The containment rule needs at least this Jaccard: a short text inside a long one is a quote, not a copy. */
  containmentMinJaccard: 0.25,
  /** Documents with fewer shingles are matched only exactly: a few words do not make a copy. */
  minShingles: 8,
};

export type DedupOptions = typeof DEDUP_DEFAULTS;

export interface DuplicateMatch {
  id: string;
  /** Estimated Jaccard similarity of the two shingle sets. */
  jaccard: number;
  /** Estimated share of the smaller set found in the larger. */
  containment: number;
}

export interface DuplicateResult {
  id: string;
  /** The group of copies this document belongs to: the id of its first member. */
  group: string;
  /** The earlier document with exactly the same folded text. */
  exactOf?: string;
  /** Earlier near-duplicates, most similar first. */
  matches: DuplicateMatch[];
}

interface IndexedDocument {
  signature: Uint32Array;
  shingles: number;
  group: string;
}

/** What `toJSON` returns: the parameters, each document's signature (base64) and group, the exact hashes. */
export interface DuplicateIndexState {
  version: 1;
  options: DedupOptions;
  documents: Array<[id: string, signature: string, shingles: number, group: string]>;
  exact: Array<[hash: string, id: string]>;
}

/** Hashes of the word shingles of a text (a set: repeats count once). */
export function shingleHashes(text: string, size: number = DEDUP_DEFAULTS.shingleSize): Set<number> {
  const words = foldedWords(text);
  const hashes = new Set<number>();
  if (words.length === 0) return hashes;
  const last = Math.max(1, words.length - size + 1);
  for (let i = 0; i < last; i++) hashes.add(fnv1a(words.slice(i, i + size).join(" ")));
  return hashes;
}

/** One seed per signature position, the same in every process (signatures must stay comparable once stored). */
function seeds(count: number): Uint32Array {
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = mix32(Math.imul(i + 1, 0x9e3779b9));
  return out;
}

const seedCache = new Map<number, Uint32Array>();

/** MinHash signature: for each seeded hash function, the least value over the shingles. */
export function minHash(shingles: Set<number>, hashes: number = DEDUP_DEFAULTS.hashes): Uint32Array {
  let seed = seedCache.get(hashes);
  if (!seed) seedCache.set(hashes, (seed = seeds(hashes)));
  const signature = new Uint32Array(hashes).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < hashes; i++) {
      const value = mix32(shingle ^ seed[i]!);
      if (value < signature[i]!) signature[i] = value;
    }
  }
  return signature;
}

/** Share of signature positions that agree: an unbiased estimate of the Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length === 0 ? 0 : same / a.length;
}

/** |A∩B| / min(|A|,|B|) from the Jaccard estimate and the set sizes. */
export function containmentOf(jaccard: number, sizeA: number, sizeB: number): number {
  const smaller = Math.min(sizeA, sizeB);
  if (smaller === 0) return 0;
  const intersection = (jaccard * (sizeA + sizeB)) / (1 + jaccard);
  return Math.min(1, intersection / smaller);
}

/** Hash of the folded text: two documents with the same one are the same text. */
export function exactHash(text: string): string {
  return createHash("sha1").update(foldText(text)).digest("base64url");
}

export class DuplicateIndex {
  readonly options: DedupOptions;
  private readonly rows: number;
  private readonly documents = new Map<string, IndexedDocument>();
  private readonly buckets = new Map<number, string[]>();
  private readonly exact = new Map<string, string>();

  constructor(options: Partial<DedupOptions> = {}) {
    this.options = { ...DEDUP_DEFAULTS, ...options };
    const { hashes, bands } = this.options;
    if (hashes % bands !== 0) throw new Error(`dedup: ${hashes} hashes do not split into ${bands} bands`);
    this.rows = hashes / bands;
  }

  get size(): number {
    return this.documents.size;
  }

  has(id: string): boolean {
    return this.documents.has(id);
  }

  /** Earlier copies of a text, without adding it. */
  find(text: string): Omit<DuplicateResult, "id" | "group"> & { group?: string } {
    return this.lookup(text).result;
  }

  /** Adds a document and says which earlier documents it copies. Adding an id twice returns its group. */
  add(id: string, text: string): DuplicateResult {
    const known = this.documents.get(id);
    if (known) return { id, group: known.group, matches: [] };
    const { result, signature, shingles, hash } = this.lookup(text);
    const group = result.group ?? id;
    this.insert(id, { signature, shingles, group });
    if (shingles > 0 && !this.exact.has(hash)) this.exact.set(hash, id);
    return { id, group, ...(result.exactOf ? { exactOf: result.exactOf } : {}), matches: result.matches };
  }

  toJSON(): DuplicateIndexState {
    const documents: DuplicateIndexState["documents"] = [];
    for (const [id, doc] of this.documents) {
      const bytes = Buffer.from(doc.signature.buffer, doc.signature.byteOffset, doc.signature.byteLength);
      documents.push([id, bytes.toString("base64"), doc.shingles, doc.group]);
    }
    return { version: 1, options: this.options, documents, exact: [...this.exact] };
  }

  static fromJSON(state: DuplicateIndexState): DuplicateIndex {
    const index = new DuplicateIndex(state.options);
    for (const [id, encoded, shingles, group] of state.documents) {
      const bytes = Buffer.from(encoded, "base64");
      const signature = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      index.insert(id, { signature, shingles, group });
    }
    for (const [hash, id] of state.exact) index.exact.set(hash, id);
    return index;
  }

  private lookup(text: string) {
    const { shingleSize, hashes, jaccard: minJaccard, containment: minContainment, containmentMinJaccard, minShingles } = this.options;
    const hash = exactHash(text);
    const shingleSet = shingleHashes(text, shingleSize);
    const signature = minHash(shingleSet, hashes);
    const shingles = shingleSet.size;
    // An empty text is nobody's copy.
    const exactOf = shingles === 0 ? undefined : this.exact.get(hash);
    const matches: DuplicateMatch[] = [];
    if (shingles >= minShingles) {
      for (const candidate of this.candidates(signature)) {
        const doc = this.documents.get(candidate)!;
        if (doc.shingles < minShingles) continue;
        const jaccard = estimateJaccard(signature, doc.signature);
        const containment = containmentOf(jaccard, shingles, doc.shingles);
        const near = jaccard >= minJaccard || (containment >= minContainment && jaccard >= containmentMinJaccard);
        if (near || candidate === exactOf) matches.push({ id: candidate, jaccard, containment });
      }
    }
    matches.sort((a, b) => b.jaccard - a.jaccard || a.id.localeCompare(b.id));
    const first = exactOf ?? matches[0]?.id;
    const group = first === undefined ? undefined : this.documents.get(first)?.group;
    const result = { ...(exactOf ? { exactOf } : {}), matches, ...(group ? { group } : {}) };
    return { result, signature, shingles, hash };
  }

  private bandKeys(signature: Uint32Array): number[] {
    const keys: number[] = [];
    for (let band = 0; band < this.options.bands; band++) {
      let key = mix32(band + 1);
      for (let row = 0; row < this.rows; row++) key = mix32(key ^ signature[band * this.rows + row]!);
      keys.push(key);
    }
    return keys;
  }

  private candidates(signature: Uint32Array): Set<string> {
    const found = new Set<string>();
    for (const key of this.bandKeys(signature)) for (const id of this.buckets.get(key) ?? []) found.add(id);
    return found;
  }

  private insert(id: string, doc: IndexedDocument): void {
    this.documents.set(id, doc);
    if (doc.shingles === 0) return;
    for (const key of this.bandKeys(doc.signature)) {
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(id);
      else this.buckets.set(key, [id]);
    }
  }
}
