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

/** How a gold or predicted span went wrong, for error analysis (eval:ner --errors). */
export type ErrorClass = "wrong type" | "wrong boundary" | "wrong type and boundary" | "missed" | "spurious";

export interface SpanError {
  kind: ErrorClass;
  /** the gold span (missing for spurious) and the predicted one it overlaps (missing for missed) */
  gold?: { start: number; end: number; type: string };
  predicted?: { start: number; end: number; type: string };
}

/**
 * Errors of one sentence: each gold span not matched exactly is classed by the predicted span that
 * overlaps it most (type, boundary, both, or none = missed); predicted spans overlapping no gold
 * span are spurious.
 */
export function sentenceErrors(gold: readonly string[], predicted: readonly string[], types: ReadonlySet<string>): SpanError[] {
  const goldSpans = spansFromTags(gold).filter((s) => types.has(s.type));
  const predSpans = spansFromTags(predicted).filter((s) => types.has(s.type));
  const overlap = (a: { start: number; end: number }, b: { start: number; end: number }): number => Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const same = (a: { start: number; end: number; type: string }, b: { start: number; end: number; type: string }): boolean =>
    a.start === b.start && a.end === b.end && a.type === b.type;
  const errors: SpanError[] = [];
  for (const g of goldSpans) {
    if (predSpans.some((p) => same(g, p))) continue;
    const best = predSpans.filter((p) => overlap(g, p) > 0).sort((a, b) => overlap(g, b) - overlap(g, a))[0];
    if (!best) errors.push({ kind: "missed", gold: g });
    else {
      const bounds = best.start === g.start && best.end === g.end;
      const kind = bounds ? "wrong type" : best.type === g.type ? "wrong boundary" : "wrong type and boundary";
      errors.push({ kind, gold: g, predicted: best });
    }
  }
  for (const p of predSpans) if (!goldSpans.some((g) => overlap(g, p) > 0)) errors.push({ kind: "spurious", predicted: p });
  return errors;
}
