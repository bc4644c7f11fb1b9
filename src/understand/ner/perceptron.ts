/**
 * NER step: training of the linear-chain tagger as an averaged structured perceptron
 * (Collins 2002): decode each sentence with the current weights, move weights toward the gold
 * path's features and away from the predicted path's, average over all steps.
 */
import { FEATURES_PER_TOKEN } from "./features.ts";
import { Model, viterbi, type ModelHeader } from "./model.ts";

export interface TrainingSentence {
  features: Int32Array;
  gold: Int32Array;
  /**
   * Partial annotation (silver text): where set, the label each position must take, -1 where free.
   * The "gold" path is then the best path under the current weights that agrees with it
   * (latent-variable perceptron), recomputed at each visit; `gold` is ignored.
   */
  known?: Int32Array;
}

/** Emission penalty that keeps a constrained path off forbidden labels. */
const FORBIDDEN = -1e9;

/** Best path of `model` that takes the labels in `known` wherever they are set. */
export function constrainedDecode(model: Model, features: Int32Array, known: Int32Array): Int32Array {
  const n = known.length;
  const L = model.labels.length;
  const scores = model.emissions(features, n);
  for (let i = 0; i < n; i++) {
    const label = known[i]!;
    if (label < 0) continue;
    for (let l = 0; l < L; l++) if (l !== label) scores[i * L + l]! += FORBIDDEN;
  }
  return viterbi(scores, n, L, model.transitions, model.allowed);
}

export interface TrainingOptions {
  header: ModelHeader;
  sentences: TrainingSentence[];
  epochs: number;
  seed: number;
  /** Called after each epoch with the averaged model; returns a score to keep the best epoch by. */
  onEpoch?: (model: Model, epoch: number, mistakes: number) => number;
}

/** Deterministic PRNG (mulberry32) so training is repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainPerceptron(options: TrainingOptions): { model: Model; bestEpoch: number; bestScore: number } {
  const live = new Model(options.header);
  const L = live.labels.length;
  const w = live.weights;
  const t = live.transitions;
  const wSum = new Float64Array(w.length); // sum of step * update, for the averaging trick
  const tSum = new Float64Array(t.length);
  const random = seededRandom(options.seed);
  const order = options.sentences.map((_, i) => i);
  let step = 1;
  let best: { model: Model; bestEpoch: number; bestScore: number } | undefined;

  const update = (features: Int32Array, position: number, label: number, delta: number): void => {
    const base = position * FEATURES_PER_TOKEN;
    for (let f = 0; f < FEATURES_PER_TOKEN; f++) {
      const k = features[base + f]! * L + label;
      w[k]! += delta;
      wSum[k]! += step * delta;
    }
  };
  const updateTransition = (prev: number, next: number, delta: number): void => {
    const k = prev * L + next;
    t[k]! += delta;
    tSum[k]! += step * delta;
  };

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let mistakes = 0;
    for (const index of order) {
      const { features, known } = options.sentences[index]!;
      const gold = known ? constrainedDecode(live, features, known) : options.sentences[index]!.gold;
      const n = gold.length;
      const predicted = live.decode(features, n);
      let wrong = false;
      for (let i = 0; i < n; i++) {
        if (predicted[i] !== gold[i]) {
          wrong = true;
          update(features, i, gold[i]!, 1);
          update(features, i, predicted[i]!, -1);
        }
        const goldPrev = i === 0 ? L : gold[i - 1]!;
        const predPrev = i === 0 ? L : predicted[i - 1]!;
        if (goldPrev !== predPrev || gold[i] !== predicted[i]) {
          updateTransition(goldPrev, gold[i]!, 1);
          updateTransition(predPrev, predicted[i]!, -1);
        }
      }
      if (wrong) mistakes++;
      step++;
    }
    const averaged = new Model(
      { ...options.header },
      Float32Array.from(w, (v, k) => v - wSum[k]! / step),
      Float32Array.from(t, (v, k) => v - tSum[k]! / step),
    );
    const score = options.onEpoch ? options.onEpoch(averaged, epoch, mistakes) : epoch;
    if (!best || score > best.bestScore) best = { model: averaged, bestEpoch: epoch, bestScore: score };
  }
  if (!best) throw new Error("no epochs run");
  return best;
}
