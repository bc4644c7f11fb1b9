/** Shared by the per-language NER convention tests: a tagger's output rewritten by the conventions. */
import { spansFromTags } from "../src/understand/ner/model.ts";
import { Conventions, type ConventionsData } from "../src/understand/ner/conventions.ts";

/**
 * A function giving the spans, as "words/TYPE", after the conventions (the shared ones, then the language's
 * own) over name lists `entries` rewrite a tagger's output on `sentence` (space-separated tokens), given as
 * [start, end, type] token spans.
 */
export function conventionsRewriter(language: string, entries: ConventionsData["entries"]): (sentence: string, spans: [number, number, string][]) => string[] {
  const lists = new Conventions({ entries });
  return (sentence, spans) => {
    const words = sentence.split(" ");
    const tags = Array<string>(words.length).fill("O");
    for (const [start, end, type] of spans) for (let i = start; i < end; i++) tags[i] = (i === start ? "B-" : "I-") + type;
    lists.apply(words, tags, language, new Set());
    return spansFromTags(tags).map((s) => `${words.slice(s.start, s.end).join(" ")}/${s.type}`);
  };
}

/** The spans of a document's tagged sentences, as "words/TYPE", in order. */
export function documentSpans(sentences: ReadonlyArray<readonly string[]>, tags: readonly string[][]): string[] {
  return sentences.flatMap((words, k) => spansFromTags(tags[k]!).map((s) => `${words.slice(s.start, s.end).join(" ")}/${s.type}`));
}
