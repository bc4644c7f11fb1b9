/**
 * NER step: the linear-chain tagger's weights, Viterbi decoding under BIO constraints, and the
 * compact on-disk format (sparse, int8-quantised, gzip'd) used for data/ner/<lang>.bin.gz.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import { FEATURES_PER_TOKEN } from "./features.ts";

export const ENTITY_TYPES = ["PER", "ORG", "LOC", "MISC"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface ModelHeader {
  language: string;
  labels: string[];
  /** log2 of the number of hash buckets */
  bits: number;
  /** words the training text mostly writes in lowercase (for truecasing all-caps lines) */
  lowercaseWords: string[];
  /** free-form training record: epochs, dev scores, data used */
  training: Record<string, unknown>;
}

const MAGIC = "SNER1";

export class Model {
  readonly labels: string[];
  readonly size: number;
  readonly mask: number;
  readonly weights: Float32Array;
  /** (labels + 1) x labels: row `labels.length` is the start state */
  readonly transitions: Float32Array;
  /** allowed[prev * L + next] (prev = L for start) */
  readonly allowed: Uint8Array;

  constructor(readonly header: ModelHeader, weights?: Float32Array, transitions?: Float32Array) {
    this.labels = header.labels;
    this.size = 1 << header.bits;
    this.mask = this.size - 1;
    const L = this.labels.length;
    this.weights = weights ?? new Float32Array(this.size * L);
    this.transitions = transitions ?? new Float32Array((L + 1) * L);
    this.allowed = bioConstraints(this.labels);
  }

  /** Loaded models keep int8 weights (a quarter of the memory, so far fewer cache misses)... */
  quantized?: Int8Array;
  /** ...and the value of each int8 code, indexed by code & 255. */
  dequantize = new Float32Array(256);

  /** Emission scores, n x L flat, from `perToken` bucket indices per position. */
  emissions(features: Int32Array, n: number, perToken = FEATURES_PER_TOKEN): Float32Array {
    const L = this.labels.length;
    if (this.quantized) return this.quantizedEmissions(this.quantized, features, n, L, perToken);
    const scores = new Float32Array(n * L);
    const w = this.weights;
    for (let i = 0; i < n; i++) {
      const row = i * L;
      const base = i * perToken;
      for (let f = 0; f < perToken; f++) {
        const offset = features[base + f]! * L;
        for (let l = 0; l < L; l++) scores[row + l]! += w[offset + l]!;
      }
    }
    return scores;
  }

  private quantizedEmissions(q: Int8Array, features: Int32Array, n: number, L: number, perToken: number): Float32Array {
    const scores = new Float32Array(n * L);
    const table = this.dequantize;
    // The buckets are scattered over megabytes: reading one byte of each first, in a loop of independent
    // loads, lets the processor fetch many at once, where the summing loop below would wait for each in turn.
    let touched = 0;
    for (let k = 0; k < n * perToken; k++) touched += q[features[k]! * L]!;
    scores[0] = touched * 0; // the sum is used, so the compiler keeps the loads
    for (let i = 0; i < n; i++) {
      const row = i * L;
      const base = i * perToken;
      for (let f = 0; f < perToken; f++) {
        const offset = features[base + f]! * L;
        for (let l = 0; l < L; l++) scores[row + l]! += table[q[offset + l]! & 255]!;
      }
    }
    return scores;
  }

  /** Adds the L weights of one bucket to target[at .. at + L). */
  addBucket(bucket: number, target: Float32Array, at: number): void {
    const L = this.labels.length;
    const offset = bucket * L;
    if (this.quantized) {
      for (let l = 0; l < L; l++) target[at + l]! += this.dequantize[this.quantized[offset + l]! & 255]!;
    } else {
      for (let l = 0; l < L; l++) target[at + l]! += this.weights[offset + l]!;
    }
  }

  /** Best label index per position (Viterbi over emissions + transitions, BIO-constrained). */
  decode(features: Int32Array, n: number): Int32Array {
    return viterbi(this.emissions(features, n), n, this.labels.length, this.transitions, this.allowed);
  }

  serialize(): Buffer {
    // Logarithmic int8 quantisation: perceptron weights span orders of magnitude (a few huge ones
    // for frequent features, many small ones), which a linear int8 scale either clips or zeroes.
    let max = 0;
    const abs = Array.from(this.weights, Math.abs).filter((v) => v > 0).sort((a, b) => a - b);
    for (const v of abs) max = Math.max(max, v);
    const unit = (abs[Math.floor(abs.length / 2)] ?? 1) / 4;
    const steps = 127 / Math.log1p(max / unit);
    const keys: number[] = [];
    const values: number[] = [];
    for (let k = 0; k < this.weights.length; k++) {
      const w = this.weights[k]!;
      const q = Math.sign(w) * Math.min(127, Math.round(steps * Math.log1p(Math.abs(w) / unit)));
      if (q !== 0) {
        keys.push(k);
        values.push(q);
      }
    }
    const scale = { unit, steps };
    const L = this.labels.length;
    const header = Buffer.from(JSON.stringify({ ...this.header, scale, transitions: Array.from(this.transitions), L }));
    const deltas = encodeVarints(keys);
    const parts = [
      Buffer.from(MAGIC),
      u32(header.length), header,
      u32(keys.length), u32(deltas.length), deltas,
      Buffer.from(Int8Array.from(values).buffer),
    ];
    return gzipSync(Buffer.concat(parts), { level: 9 });
  }

  static deserialize(gz: Buffer): Model {
    const bytes = gunzipSync(gz);
    if (bytes.subarray(0, MAGIC.length).toString() !== MAGIC) throw new Error("not an NER model file");
    let pos = MAGIC.length;
    const headerLength = bytes.readUInt32LE(pos);
    pos += 4;
    const meta = JSON.parse(bytes.subarray(pos, pos + headerLength).toString()) as ModelHeader & { scale: { unit: number; steps: number }; transitions: number[] };
    pos += headerLength;
    const count = bytes.readUInt32LE(pos);
    const deltaLength = bytes.readUInt32LE(pos + 4);
    pos += 8;
    const keys = decodeVarints(bytes.subarray(pos, pos + deltaLength), count);
    pos += deltaLength;
    const values = new Int8Array(bytes.buffer, bytes.byteOffset + pos, count);
    const { scale, transitions, ...rest } = meta;
    const header: ModelHeader = { language: rest.language, labels: rest.labels, bits: rest.bits, lowercaseWords: rest.lowercaseWords ?? [], training: rest.training };
    const model = new Model(header, new Float32Array(0), Float32Array.from(transitions));
    const quantized = new Int8Array((1 << header.bits) * header.labels.length);
    for (let i = 0; i < count; i++) quantized[keys[i]!] = values[i]!;
    model.quantized = quantized;
    for (let code = -127; code <= 127; code++) {
      model.dequantize[code & 255] = Math.sign(code) * scale.unit * Math.expm1(Math.abs(code) / scale.steps);
    }
    return model;
  }
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value);
  return b;
}

/** Sorted keys as LEB128 varints of their differences. */
function encodeVarints(sorted: number[]): Buffer {
  const out: number[] = [];
  let previous = 0;
  for (const key of sorted) {
    let d = key - previous;
    previous = key;
    while (d >= 0x80) {
      out.push((d & 0x7f) | 0x80);
      d = Math.floor(d / 128);
    }
    out.push(d);
  }
  return Buffer.from(out);
}

function decodeVarints(bytes: Uint8Array, count: number): Uint32Array {
  const keys = new Uint32Array(count);
  let pos = 0;
  let previous = 0;
  for (let i = 0; i < count; i++) {
    let d = 0;
    let shift = 1;
    for (;;) {
      const b = bytes[pos++]!;
      d += (b & 0x7f) * shift;
      if (b < 0x80) break;
      shift *= 128;
    }
    previous += d;
    keys[i] = previous;
  }
  return keys;
}

/** I-X may only follow B-X or I-X; everything else is free. */
export function bioConstraints(labels: string[]): Uint8Array {
  const L = labels.length;
  const allowed = new Uint8Array((L + 1) * L);
  for (let prev = 0; prev <= L; prev++) {
    for (let next = 0; next < L; next++) {
      const nextLabel = labels[next]!;
      if (!nextLabel.startsWith("I-")) allowed[prev * L + next] = 1;
      else if (prev < L && labels[prev]!.slice(2) === nextLabel.slice(2) && labels[prev] !== "O") allowed[prev * L + next] = 1;
    }
  }
  return allowed;
}

/** Scratch tables reused across calls (every cell read is written first in each call). */
let viterbiScore = new Float64Array(0);
let viterbiBack = new Int32Array(0);

/** Per next label, the previous labels `allowed` lets precede it, ascending (so ties resolve as before). */
const allowedPredecessors = new WeakMap<Uint8Array, Int32Array[]>();
function predecessorsOf(allowed: Uint8Array, L: number): Int32Array[] {
  let lists = allowedPredecessors.get(allowed);
  if (!lists || lists.length !== L) {
    lists = Array.from({ length: L }, (_, l) => Int32Array.from({ length: L }, (_, p) => p).filter((p) => allowed[p * L + l]));
    allowedPredecessors.set(allowed, lists);
  }
  return lists;
}

export function viterbi(emissions: Float32Array, n: number, L: number, transitions: Float32Array, allowed: Uint8Array): Int32Array {
  const path = new Int32Array(n);
  if (n === 0) return path;
  if (viterbiScore.length < n * L) {
    viterbiScore = new Float64Array(2 * n * L);
    viterbiBack = new Int32Array(2 * n * L);
  }
  const score = viterbiScore;
  const back = viterbiBack;
  const predecessors = predecessorsOf(allowed, L);
  for (let l = 0; l < L; l++) {
    score[l] = allowed[L * L + l] ? emissions[l]! + transitions[L * L + l]! : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    const previous = (i - 1) * L;
    for (let l = 0; l < L; l++) {
      // Only allowed predecessors, in ascending order: the first best wins ties, as a scan of all would.
      const from = predecessors[l]!;
      let best = -Infinity;
      let arg = 0;
      for (let k = 0; k < from.length; k++) {
        const p = from[k]!;
        const s = score[previous + p]! + transitions[p * L + l]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * L + l] = best + emissions[i * L + l]!;
      back[i * L + l] = arg;
    }
  }
  let best = -Infinity;
  for (let l = 0; l < L; l++) {
    if (score[(n - 1) * L + l]! > best) {
      best = score[(n - 1) * L + l]!;
      path[n - 1] = l;
    }
  }
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * L + path[i]!]!;
  return path;
}

export interface TokenSpan {
  /** first token index */
  start: number;
  /** one past the last token index */
  end: number;
  type: string;
}

/** The end (exclusive) of the span through `position`: the first position after it that no I- tag continues. */
export function spanEndAfter(tags: readonly string[], position: number): number {
  let end = position + 1;
  while (end < tags.length && tags[end]!.startsWith("I-")) end++;
  return end;
}

/** Entity spans from IOB2 tags (a stray I-X opens a span, as conlleval does). */
export function spansFromTags(tags: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: TokenSpan | undefined;
  tags.forEach((tag, i) => {
    const type = tag === "O" ? "" : tag.slice(2);
    const continues = open && tag.startsWith("I-") && open.type === type;
    if (!continues) {
      if (open) spans.push(open);
      open = type ? { start: i, end: i + 1, type } : undefined;
    } else if (open) {
      open.end = i + 1;
    }
  });
  if (open) spans.push(open);
  return spans;
}
