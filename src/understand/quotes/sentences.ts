/**
 * Quotes and figures steps: sentence spans over raw text with character offsets, skipping
 * sentence ends that fall inside quotations (a quoted "We won. We always do." stays inside the
 * sentence that attributes it). Hand-written because the NER splitter works on its own tokens
 * and cannot mask quotations.
 */
import { ABBREVIATIONS } from "../ner/tokenize.ts";
import { continuesLowercase, hasUppercase } from "../../letters.ts";

export interface Span {
  start: number;
  end: number;
}

// A run of sentence-final marks with any closing quotes/brackets, before white space; or a line break.
const BOUNDARY = /[.!?…؟。]+[”"»’)\]]*(?=\s)|\n/g;
/** The last word of a text (before a full stop: an abbreviation, or a sentence end). */
export const WORD_BEFORE = /(\p{L}+)$/u;

/**
 * Sentences of `text`, in order. `masked` spans (sorted by start) hide the sentence marks inside
 * them; a mark at the very end of a masked span still counts (a quote may end its sentence).
 */
export function sentenceSpans(text: string, masked: readonly Span[] = []): Span[] {
  const spans: Span[] = [];
  let start = 0;
  let maskIndex = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const pos = match.index;
    if (match[0] !== "\n") {
      while (maskIndex < masked.length && masked[maskIndex]!.end <= pos) maskIndex++;
      const mask = masked[maskIndex];
      if (mask && mask.start <= pos && !endsMask(text, pos, mask)) continue;
      if (match[0] === "." && isAbbreviation(text, pos)) continue;
      if (continuesLowercase(text.slice(pos + match[0].length, pos + match[0].length + 3))) continue;
    }
    const end = match[0] === "\n" ? pos : pos + match[0].length;
    pushTrimmed(text, start, end, spans);
    start = end;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

/** Index of the span holding `pos` in sorted, disjoint `spans`, or -1. */
export function spanIndexAt(spans: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid]!;
    if (pos < span.start) hi = mid - 1;
    else if (pos >= span.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function endsMask(text: string, pos: number, mask: Span): boolean {
  // Only sentence marks (and spaces) between pos and the end of the quotation.
  return /^[.!?…؟。\s]*$/.test(text.slice(pos, mask.end));
}

function isAbbreviation(text: string, pos: number): boolean {
  const word = WORD_BEFORE.exec(text.slice(Math.max(0, pos - 12), pos))?.[1];
  if (!word) return false;
  return ABBREVIATIONS.has(word.toLowerCase()) || (word.length === 1 && hasUppercase(word));
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}
