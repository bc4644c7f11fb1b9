/**
 * Body-text scoring as the ScrapingHub article-extraction benchmark defines it: tokens are
 * Unicode \w+ runs, shingles are word 4-grams, per-page TP/FP/FN are multiset overlaps
 * normalised to sum to 1; precision and recall are averaged over pages, F1 is their harmonic mean.
 */
const TOKEN = /[\p{L}\p{N}\p{M}_]+/gu;

export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function shingleCounts(text: string, size = 4): Map<string, number> {
  const words = tokens(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, words.length - size + 1);
  for (let i = 0; i < last && words.length > 0; i++) {
    const key = words.slice(i, i + size).join(" ");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface PageScore {
  precision: number;
  recall: number;
}

export function scorePage(predicted: string, gold: string): PageScore {
  const pred = shingleCounts(predicted);
  const ref = shingleCounts(gold);
  let tp = 0;
  let predTotal = 0;
  let refTotal = 0;
  for (const n of pred.values()) predTotal += n;
  for (const n of ref.values()) refTotal += n;
  for (const [key, n] of pred) tp += Math.min(n, ref.get(key) ?? 0);
  const fp = predTotal - tp;
  const fn = refTotal - tp;
  // An empty prediction against an empty gold is a perfect page, as in the benchmark's evaluate.py.
  if (tp + fp + fn === 0) return { precision: 1, recall: 1 };
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { precision, recall };
}

export function f1Of(score: PageScore): number {
  const { precision, recall } = score;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

export interface CorpusScore {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
}

export function scoreCorpus(pages: PageScore[]): CorpusScore {
  const n = pages.length || 1;
  const precision = pages.reduce((s, p) => s + p.precision, 0) / n;
  const recall = pages.reduce((s, p) => s + p.recall, 0) / n;
  return { precision, recall, f1: f1Of({ precision, recall }), pages: pages.length };
}
