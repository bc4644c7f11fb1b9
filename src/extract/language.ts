/**
 * A quick language guess for the extract stage: ELD's n-gram detector (60 languages, fast to load,
 * thousands of texts a second). It is a guess; the understand stage's detector (src/understand/langid.ts,
 * 75 languages, more accurate and much heavier) decides, and uses this guess to skip work it would repeat.
 */
import { eld } from "eld/medium";

export interface QuickGuess {
  /** ISO 639-1. */
  language: string;
  /** ELD's own test: enough n-grams and a clear margin over the runner-up. */
  reliable: boolean;
}

/** Characters read: a guess needs a few sentences, not the whole article. */
const SAMPLE_CHARS = 1000;

export function quickLanguage(text: string): QuickGuess | undefined {
  const result = eld.detect(text.slice(0, SAMPLE_CHARS));
  return result.language ? { language: result.language, reliable: result.isReliable() } : undefined;
}
