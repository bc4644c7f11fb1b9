/**
 * Line repetition across a corpus of dumps: a line seen in many documents (menus, footers,
 * share bars, cookie notices) is boilerplate. Optional: the cleaner works without it.
 */
import { lineKey } from "./lines.ts";

export interface LineStats {
  /** Documents the statistics were gathered from. */
  readonly documents: number;
  /** In how many documents a line (any spelling that folds to the same key) occurs. */
  documentFrequency(line: string): number;
}

/** Document frequencies of the lines of a set of dumps. */
export class LineCorpus implements LineStats {
  private readonly frequencies = new Map<string, number>();
  private count = 0;

  constructor(dumps: Iterable<string> = []) {
    for (const dump of dumps) this.add(dump);
  }

  get documents(): number {
    return this.count;
  }

  add(dump: string): void {
    this.count++;
    for (const key of keysOf(dump)) this.frequencies.set(key, (this.frequencies.get(key) ?? 0) + 1);
  }

  documentFrequency(line: string): number {
    return this.frequencies.get(lineKey(line)) ?? 0;
  }

  /** The statistics as if `dump` (already added) were not in the corpus: fair for scoring that dump. */
  leaveOneOut(dump: string): LineStats {
    const own = keysOf(dump);
    return {
      documents: this.count - 1,
      documentFrequency: (line: string) => {
        const key = lineKey(line);
        return (this.frequencies.get(key) ?? 0) - (own.has(key) ? 1 : 0);
      },
    };
  }
}

function keysOf(dump: string): Set<string> {
  const keys = new Set<string>();
  for (const line of dump.split(/\r\n?|\n/)) {
    const key = lineKey(line);
    if (key !== "") keys.add(key);
  }
  return keys;
}
