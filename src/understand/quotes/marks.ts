/**
 * Quotes step: the quotation marks of the languages we read, as data. Each opening mark lists the
 * marks that may close it; the scanner in quotes.ts pairs them within a paragraph.
 */

import type { QuoteStyle } from "../../schema.ts";

export interface QuotePair {
  open: string;
  close: readonly string[];
  style: QuoteStyle;
  /** Single marks double as apostrophes ("don’t"), so their closer must not touch a following letter. */
  apostropheLike?: boolean;
}

export const QUOTE_PAIRS: readonly QuotePair[] = [
  { open: "«", close: ["»"], style: "guillemets" },
  // German, Danish, Czech print »Text«: the reversed pair.
  { open: "»", close: ["«"], style: "guillemets" },
  { open: "“", close: ["”"], style: "curly" },
  // German/Czech „…“, Polish/Romanian/Hungarian „…”.
  { open: "„", close: ["“", "”"], style: "low-high" },
  { open: "‚", close: ["‘", "’"], style: "low-high", apostropheLike: true },
  { open: "‘", close: ["’"], style: "curly", apostropheLike: true },
  { open: "‹", close: ["›"], style: "angle" },
  { open: "›", close: ["‹"], style: "angle" },
  { open: "「", close: ["」"], style: "corner" },
  { open: "『", close: ["』"], style: "corner" },
  { open: '"', close: ['"'], style: "straight" },
];

/** Dashes that open a line of dialogue (Russian, Ukrainian, Spanish, French novels and interviews). */
export const DIALOGUE_DASHES = "—–―";

/** Quotes of at most this many words are scare quotes unless a speech verb attributes them. */
export const SCARE_QUOTE_MAX_WORDS = 2;

/** A quotation longer than this (characters) without its closing mark is a stray mark, not a quote. */
export const MAX_QUOTE_CHARS = 4000;

/** How far before a speech verb (characters) a subject is looked for. */
export const SUBJECT_WINDOW_CHARS = 160;

/** How far after a speech verb or "according to" (characters) a speaker is looked for. */
export const AFTER_WINDOW_CHARS = 120;

/** A role noun phrase used as a speaker ("the ministry spokesman") has at most this many words. */
export const MAX_ROLE_WORDS = 7;
