/**
 * NER step: CoNLL exact-span scoring (an entity counts only when its type and both boundaries
 * match), shared by the training script's dev scores and eval/ner.ts.
 */
import { spansFromTags } from "./model.ts";

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export function emptyCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0 };
}

/**
 * Add one sentence's matches to `byType` (key "ALL" holds the total). Types outside `types`
 * are ignored on both sides (e.g. MISC on a set annotated without it).
 */
export function countSentence(gold: readonly string[], predicted: readonly string[], types: ReadonlySet<string>, byType: Map<string, Counts>): void {
  const key = (s: { start: number; end: number; type: string }): string => `${s.start}:${s.end}:${s.type}`;
  const goldSpans = spansFromTags(gold).filter((s) => types.has(s.type));
  const predSpans = spansFromTags(predicted).filter((s) => types.has(s.type));
  const goldKeys = new Set(goldSpans.map(key));
  const predKeys = new Set(predSpans.map(key));
  const bump = (type: string, field: keyof Counts): void => {
    for (const k of [type, "ALL"]) {
      const c = byType.get(k) ?? emptyCounts();
      c[field]++;
      byType.set(k, c);
    }
  };
  for (const s of predSpans) bump(s.type, goldKeys.has(key(s)) ? "tp" : "fp");
  for (const s of goldSpans) if (!predKeys.has(key(s))) bump(s.type, "fn");
}

export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
