/**
 * Where the article is in a classified dump: the body zone (the densest run of prose, found as a
 * maximum-sum segment the way Body Text Extraction finds it in tag streams), the title before it,
 * and which short lines inside it are sub-headings or short paragraphs worth keeping.
 */
import type { ClassifiedLine } from "./classify.ts";
import { FULL_STOP_END, THRESHOLDS as T } from "./lexicon.ts";
import { hasHanOrKana } from "../../letters.ts";

export interface Zone {
  start: number;
  /** Inclusive. */
  end: number;
}

/**
 * Prose lines earn their length; every other line costs a penalty that grows along a run of
 * non-prose lines, so one sub-heading or ad slot inside the body is cheap while a menu or a
 * footer of twenty short lines separates the body from its neighbours. A date line costs most:
 * inside an article it is rare, while comment threads and teaser lists date every item.
 */
export function lineWeights(lines: ClassifiedLine[]): number[] {
  let run = 0;
  return lines.map((line) => {
    if (line.role === "prose") {
      run = 0;
      return line.effectiveLength;
    }
    const base = line.role === "short" ? T.shortLinePenalty : line.role === "date" ? T.datePenalty : T.boilerplatePenalty;
    return -base * Math.min(1 + run++ * T.runPenaltyGrowth, T.runPenaltyMaxFactor);
  });
}

/** The maximum-sum contiguous segment of weights[from..to] (Kadane); undefined when no weight is positive. */
function maxSegment(weights: number[], from: number, to: number): (Zone & { sum: number }) | undefined {
  let best: (Zone & { sum: number }) | undefined;
  let sum = 0;
  let start = from;
  for (let i = from; i <= to; i++) {
    if (sum <= 0) [sum, start] = [0, i];
    sum += weights[i]!;
    if (sum > (best?.sum ?? 0)) best = { start, end: i, sum };
  }
  return best;
}

/** Every dense prose segment: the best one, then recursively the best ones left and right of it. */
export function proseSegments(lines: ClassifiedLine[]): Array<Zone & { sum: number }> {
  const weights = lineWeights(lines);
  const found: Array<Zone & { sum: number }> = [];
  const pending: Array<[number, number]> = [[0, lines.length - 1]];
  while (pending.length > 0) {
    const [from, to] = pending.pop()!;
    const seg = from <= to ? maxSegment(weights, from, to) : undefined;
    if (!seg) continue;
    found.push(seg);
    pending.push([from, seg.start - 1], [seg.end + 1, to]);
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The body zone: the prose segment with the highest score (see segmentScore). */
export function bodyZone(lines: ClassifiedLine[]): Zone | undefined {
  let best: Zone | undefined;
  let bestScore = 0;
  for (const seg of proseSegments(lines)) {
    const score = segmentScore(lines, seg);
    if (score > bestScore) [best, bestScore] = [seg, score];
  }
  return best;
}

/**
 * A segment's prose mass, raised when it reads as one story: a date line and a title-like line
 * just before it (the article's head; more so when the segment uses the title's words). A
 * comment thread or a teaser list has dates too, but user names or unrelated headlines.
 */
export function segmentScore(lines: ClassifiedLine[], seg: Zone & { sum: number }): number {
  let score = seg.sum;
  const head = lines.slice(Math.max(0, seg.start - T.headLines), seg.start);
  if (head.some((l) => l.role === "date")) score *= T.headDateBonus;
  const prose = lines.slice(seg.start, seg.end + 1).filter((l) => l.role === "prose");
  const titles = head.filter(isTitleLike);
  if (titles.length > 0) {
    const words = new Set(prose.flatMap((l) => [...contentWords(l.text)]));
    const overlap = Math.max(...titles.map((t) => shareIn(contentWords(t.text), words)));
    score *= 1 + T.titleOverlapWeight * overlap;
  }
  return score;
}

/** Global: used by match only. */
const LETTER_RUN = /[\p{L}\p{M}]+/gu;

/** Content-word keys of a line: longer words, or character pairs in scripts without spaces. */
function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(LETTER_RUN) ?? []) {
    if (hasHanOrKana(w)) {
      for (let i = 0; i + 1 < w.length; i++) out.add(w.slice(i, i + 2));
    } else if (w.length >= T.contentWordMinLength) out.add(w);
  }
  return out;
}

function shareIn(words: Set<string>, vocabulary: Set<string>): number {
  if (words.size === 0) return 0;
  let found = 0;
  for (const w of words) if (vocabulary.has(w)) found++;
  return found / words.size;
}

/** A line that can be a title: a handful of real words, capitalised, not ending like a sentence or a lead-in. */
export function isTitleLike(line: ClassifiedLine): boolean {
  if (line.role !== "short" && line.role !== "prose") return false;
  return (
    line.words >= T.titleMinWords &&
    line.words <= T.titleMaxWords &&
    line.meanWordLength >= T.titleMinMeanWordLength &&
    line.letterShare >= T.headingMinLetterShare &&
    line.capitalised &&
    !FULL_STOP_END.test(line.text) &&
    !/[:;,，、：；]$/u.test(line.text)
  );
}

/**
 * The title: among title-like lines shortly before the body (or opening it), the one with most
 * words, helped by sitting next to a date line and by being close to the body.
 */
export function findTitle(lines: ClassifiedLine[], zone: Zone): number | undefined {
  let best: number | undefined;
  let bestScore = -Infinity;
  const from = Math.max(0, zone.start - T.titleSearchLines);
  for (let i = from; i <= zone.start && i < lines.length; i++) {
    const line = lines[i]!;
    if (!isTitleLike(line)) continue;
    const nearDate = lines[i + 1]?.role === "date" || lines[i - 1]?.role === "date";
    const score = Math.min(line.words, 15) + (nearDate ? 3 : 0) - 0.3 * (zone.start - i);
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  return best;
}

/** A sub-heading: a short, capitalised, letter-rich line followed by prose. */
function isSubHeading(lines: ClassifiedLine[], i: number): boolean {
  const line = lines[i]!;
  return (
    line.role === "short" &&
    line.words >= 1 &&
    line.words <= T.headingMaxWords &&
    line.capitalised &&
    line.letterShare >= T.headingMinLetterShare &&
    !FULL_STOP_END.test(line.text) &&
    lines[i + 1]?.role === "prose"
  );
}

/** A short paragraph: a few words ending like a sentence. */
function isShortParagraph(line: ClassifiedLine): boolean {
  return line.role === "short" && line.terminal && line.words >= 3 && line.capitalised;
}

/** Indexes of the lines of the zone that form the body. */
export function bodyLines(lines: ClassifiedLine[], zone: Zone): number[] {
  const kept: number[] = [];
  for (let i = zone.start; i <= zone.end; i++) {
    const line = lines[i]!;
    if (line.role === "prose" || isShortParagraph(line) || isSubHeading(lines, i)) kept.push(i);
  }
  return kept;
}
