/**
 * NER step: document-level consistency after sentence tagging. A news article names someone in
 * full once ("Dmitri Peskov") and then by surname ("Peskov"), and repeats names in contexts the
 * tagger reads less surely (headlines, lists): the same string should get the same type throughout.
 */
import { spansFromTags } from "./model.ts";
import { isCapitalised } from "../../letters.ts";

/** Longest name, in tokens, looked for again in untagged text. */
export const MAX_PROPAGATED_TOKENS = 4;

/**
 * Make `tags` (one IOB2 array per sentence, changed in place) consistent over a document:
 * 1. every mention of a string gets the string's majority type in the document;
 * 2. a lone word that ends a multi-word PER name elsewhere is PER (surnames);
 * 3. untagged capitalised occurrences of a tagged string (not common words) get its type.
 */
export function harmonizeDocument(sentences: ReadonlyArray<readonly string[]>, tags: string[][], commonWords: ReadonlySet<string>): void {
  const votes = new Map<string, Map<string, number>>();
  const surnames = new Set<string>();
  const spans = sentences.map((words, s) => spansFromTags(tags[s]!).map(({ start, end, type }) => ({ start, end, type, key: words.slice(start, end).join(" ") })));
  for (const list of spans) {
    for (const span of list) {
      const byType = votes.get(span.key) ?? new Map<string, number>();
      byType.set(span.type, (byType.get(span.type) ?? 0) + 1);
      votes.set(span.key, byType);
    }
  }
  for (const list of spans) {
    for (const span of list) {
      const words = span.key.split(" ");
      if (span.type === "PER" && words.length > 1 && isCapitalised(words[words.length - 1]!)) surnames.add(words[words.length - 1]!);
    }
  }
  const majorityType = (key: string): string | undefined => {
    if (!key.includes(" ") && surnames.has(key)) return "PER";
    const byType = votes.get(key);
    if (!byType) return undefined;
    const ranked = [...byType].sort((a, b) => b[1] - a[1]);
    return ranked.length > 1 && ranked[0]![1] === ranked[1]![1] ? undefined : ranked[0]![0];
  };
  // The votes are final here: each string's type is worked out once, however often it recurs.
  const types = new Map<string, string | undefined>();
  const typeOf = (key: string): string | undefined => {
    if (!types.has(key)) types.set(key, majorityType(key));
    return types.get(key);
  };
  // First words of every known string: most capitalised words start none and are skipped at once.
  const firstWords = new Set<string>(surnames);
  for (const key of votes.keys()) firstWords.add(key.split(" ", 1)[0]!);
  const write = (sentenceTags: string[], start: number, end: number, type: string): void => {
    for (let i = start; i < end; i++) sentenceTags[i] = (i === start ? "B-" : "I-") + type;
  };
  sentences.forEach((words, s) => {
    const sentenceTags = tags[s]!;
    for (const span of spans[s]!) {
      const type = typeOf(span.key);
      if (type && type !== span.type) write(sentenceTags, span.start, span.end, type);
    }
    // Untagged runs: longest known string first.
    for (let i = 0; i < words.length; i++) {
      if (sentenceTags[i] !== "O" || !firstWords.has(words[i]!) || !isCapitalised(words[i]!) || commonWords.has(words[i]!.toLowerCase())) continue;
      for (let len = Math.min(MAX_PROPAGATED_TOKENS, words.length - i); len >= 1; len--) {
        if (sentenceTags.slice(i, i + len).some((t) => t !== "O") || isCapitalised(words[i + len] ?? "")) continue;
        const type = typeOf(words.slice(i, i + len).join(" "));
        if (!type) continue;
        write(sentenceTags, i, i + len, type);
        i += len - 1;
        break;
      }
    }
  });
}
