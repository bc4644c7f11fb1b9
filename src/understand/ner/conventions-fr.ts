/**
 * NER step: news annotation conventions particular to French text, applied by conventions.ts after
 * the shared ones, sentence by sentence.
 */
import type { Conventions } from "./conventions.ts";

/** Rewrite one French sentence's IOB2 `tags` in place. */
export function applyFrenchConventions(words: readonly string[], tags: string[], lists: Conventions, commonWords: ReadonlySet<string>): void {
  void words;
  void tags;
  void lists;
  void commonWords;
}
