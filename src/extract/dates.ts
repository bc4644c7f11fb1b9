/**
 * Publication and modification dates. Evidence comes from dates/html.ts (one walk over the
 * page), written forms from dates/parse.ts (one scan of the text), relative forms from
 * dates/relative.ts (chrono-node plus what it lacks). Here: ranking and plausibility.
 */
import type { Document } from "./dom.ts";
import { gatherDateEvidence, type DateEvidence, type DateSource } from "./dates/html.ts";
import { dayKey, instantOf, isPlausible, normalizeDigits, scanDates, toIso, type DateParts } from "./dates/parse.ts";
import { parseRelative } from "./dates/relative.ts";

export interface DateFinding {
  /** ISO 8601: a date, or a date-time with an offset only when the source gave one. */
  published?: string;
  modified?: string;
  warnings: string[];
}

/** Machine-readable dates the publisher declares for the article, most trusted first. */
const STRUCTURED: readonly DateSource[] = ["jsonld", "meta", "itemprop"];
/** Dates the reader sees at the top of the article. */
const VISIBLE: readonly DateSource[] = ["time-pubdate", "element", "byline", "time"];
/** Which visible date stands for the publication date, in order. */
const VISIBLE_PUBLISHED: readonly [DateSource, DateEvidence["role"], number?][] = [
  ["time-pubdate", "published"], ["element", "published"], ["byline", "published", 0], ["time", "published"],
  ["byline", "published", 1], ["element", "modified"], ["byline", "modified"],
];
const MODIFIED_TRUST: readonly DateSource[] = ["jsonld", "meta", "itemprop", "time-pubdate", "time", "element", "byline"];
const DAY_MS = 86400000;

/** The most trusted evidence of `role` among `sources` (earlier source wins, then lower rank, then earlier found). */
function best(evidence: DateEvidence[], role: DateEvidence["role"], sources: readonly DateSource[]): DateEvidence | undefined {
  let chosen: DateEvidence | undefined;
  let chosenTier = Infinity;
  for (const e of evidence) {
    if (e.role !== role) continue;
    const tier = sources.indexOf(e.source);
    if (tier < 0) continue;
    if (tier < chosenTier || (tier === chosenTier && e.rank < chosen!.rank)) {
      chosen = e;
      chosenTier = tier;
    }
  }
  return chosen;
}

function firstVisible(evidence: DateEvidence[]): DateEvidence | undefined {
  for (const [source, role, rank] of VISIBLE_PUBLISHED) {
    const found = evidence.find((e) => e.source === source && e.role === role && (rank === undefined || e.rank === rank));
    if (found) return found;
  }
  return undefined;
}

const dayDistance = (a: DateParts, b: DateParts) =>
  Math.abs(Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day)) / DAY_MS;

/**
 * The publication date. A full date in the URL is written by the publisher at publication and
 * wins. Otherwise the declared (structured) date, but checked against what the page shows:
 * sites often declare the first publication while showing, and meaning, the revised date, and
 * UTC timestamps fall on the next or previous day of the date printed for local readers.
 */
function choosePublished(evidence: DateEvidence[]): DateEvidence | undefined {
  const fromUrl = evidence.find((e) => e.source === "url");
  if (fromUrl) return fromUrl;
  const declared = best(evidence, "published", STRUCTURED);
  const shown = firstVisible(evidence);
  const visibleDays = new Set(evidence.filter((e) => VISIBLE.includes(e.source)).map(dayKey));
  const isShown = (e: DateEvidence, sources: readonly DateSource[]) => sources.includes(e.source) && visibleDays.has(dayKey(e));
  if (declared) {
    const declaredAndShown =
      evidence.find((e) => e.role === "published" && isShown(e, STRUCTURED)) ??
      evidence.find((e) => e.role === "modified" && isShown(e, STRUCTURED));
    if (declaredAndShown) return declaredAndShown;
    if (shown && dayDistance(shown, declared) <= 1) return shown;
    return declared;
  }
  // Weakly declared dates (a bare "date" meta) count when the page shows them too.
  const weakAndShown = evidence.find((e) => e.role === "published" && isShown(e, ["meta-weak"]));
  if (weakAndShown) return weakAndShown;
  return shown ?? best(evidence, "published", ["meta-weak", "text", "text-foreign"]);
}

/** The warning for a date-time that the source gave without a UTC offset. */
export function noOffsetWarning(what: "publication" | "modification"): string {
  return `${what} date-time has no UTC offset in the source; local time assumed`;
}

function withTimeWarning(p: DateParts, what: "publication" | "modification", warnings: string[]): string {
  if (p.hour !== undefined && !p.offset) warnings.push(noOffsetWarning(what));
  return toIso(p);
}

export interface FindDatesOptions {
  url?: string;
  /** "Now" for the plausibility check (tests); defaults to the current time. */
  now?: Date;
}

/** Publication and modification dates of a page: JSON-LD, meta, <time>, URL, visible text. */
export function findHtmlDates(doc: Document, opts: FindDatesOptions = {}): DateFinding {
  const now = (opts.now ?? new Date()).getTime();
  const evidence = gatherDateEvidence(doc, opts.url).filter((e) => isPlausible(e, now));
  const warnings: string[] = [];
  const published = choosePublished(evidence);
  let modified = best(evidence, "modified", MODIFIED_TRUST);
  if (published && modified && instantOf(modified) < instantOf(published) && dayKey(modified) !== dayKey(published)) {
    warnings.push("modification date precedes publication date; dropped");
    modified = undefined;
  }
  return {
    published: published && withTimeWarning(published, "publication", warnings),
    modified: modified && withTimeWarning(modified, "modification", warnings),
    warnings,
  };
}

/**
 * One date written in running text ("lundi 19/décembre/2022 - 07:31", "3 марта 2022",
 * "il y a 3 heures") -> ISO 8601, or undefined. Relative forms resolve against `reference`.
 */
export function parseDateText(text: string, opts: { language?: string; reference?: Date } = {}): string | undefined {
  const normal = normalizeDigits(text);
  const dayFirst = !/^en(-us)?$/i.test(opts.language ?? "") ;
  const [absolute] = scanDates(normal, { dayFirst, withTime: true, limit: 1 });
  if (absolute) {
    const { index: _i, end: _e, ...parts } = absolute;
    return toIso(parts);
  }
  const relative = parseRelative(normal, opts.language, opts.reference ?? new Date());
  return relative && toIso(relative);
}
