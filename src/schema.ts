/**
 * The record types of Sitrep, defined once. Every other type derives from these schemas
 * (z.infer); records are validated where they cross a boundary (CLI output, store, API).
 */
import { z } from "zod";

/** ISO 8601 date or date-time; a date-time carries a UTC offset only when the source gave one. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/, "not an ISO 8601 date");

/** Which kind of document the bytes held, as detected by the decode step. */
export const DocumentKind = z.enum(["html", "text"]);

/** A raw document as ingest hands it to extract: bytes plus what the source said about them. */
export const RawDocument = z.object({
  /** Path, URL or "-" for stdin: what the user named. */
  source: z.string(),
  bytes: z.instanceof(Uint8Array),
  /** The page's URL when known (from --url, a WARC header or a feed). */
  url: z.string().optional(),
  /** An HTTP-style Content-Type, e.g. from a WARC record, giving a charset hint. */
  contentType: z.string().optional(),
});

/** A clean, dated article: the record every later stage stands on. */
export const Article = z.object({
  source: z.string(),
  url: z.string().optional(),
  title: z.string().optional(),
  publisher: z.string().optional(),
  authors: z.array(z.string()),
  published: IsoDate.optional(),
  modified: IsoDate.optional(),
  /** ISO 639-1 code. */
  language: z.string().optional(),
  /** Body as paragraphs separated by one blank line. */
  text: z.string(),
  /** The byte encoding the document was decoded from (WHATWG label, lower case). */
  encoding: z.string(),
  kind: DocumentKind,
  /** What was uncertain: each a short sentence a person can act on. */
  warnings: z.array(z.string()),
});

/** A stretch of an article's `text`: character offsets (UTF-16 indices, end exclusive) and the text they cover. */
export const TextSpan = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});

/** A language found in one stretch of the text (pages mix languages: an Arabic label inside a French page). */
export const LanguageSpan = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  language: z.string(),
  confidence: z.number(),
});

export const EntityType = z.enum(["PER", "ORG", "LOC", "MISC"]);

/** A named-entity mention in the text, pointing at the document entity it belongs to. */
export const Mention = TextSpan.extend({
  type: EntityType,
  /** Index into the article's `entities`. */
  entity: z.number().int().nonnegative(),
});

export const FeatureClass = z.enum(["city", "region", "country"]);

/** A point on the map for a place: GeoNames id where known, coordinates, country, kind of place. */
export const Place = z.object({
  geonameId: z.number().int().optional(),
  /** Canonical English name ("Kyiv"). */
  name: z.string(),
  lat: z.number(),
  lon: z.number(),
  countryCode: z.string().optional(),
  featureClass: FeatureClass,
  population: z.number().optional(),
  /** How sure the resolution is, 0..1. */
  score: z.number(),
});

/**
 * One entity of a document: every mention of it, the names seen, and, for places, where it is.
 * Linking across documents and languages (canonical names, Wikidata ids) builds on this.
 */
export const Entity = z.object({
  name: z.string(),
  type: EntityType,
  aliases: z.array(z.string()),
  mentions: z.number().int().positive(),
  place: Place.optional(),
  /** Name-table id of a linked person or organisation (data/names), e.g. "name:vladimir-putin". */
  id: z.string().optional(),
  /** CAMEO actor country (ISO 3166-1 alpha-3, or IGO/NGO/MNC...) of a linked entity's current role. */
  country: z.string().optional(),
  /** CAMEO sector of that role: GOV, MIL, REB, OPP, ELI, BUS... */
  sector: z.string().optional(),
  /** Wikidata Q-id, where an open source gives it. */
  wikidata: z.string().optional(),
});

export const QuoteStyle = z.enum(["guillemets", "curly", "low-high", "straight", "angle", "corner", "dash"]);

/** A direct quote: the quoted words (without the marks), who said them and the verb that says so. */
export const Quote = TextSpan.extend({
  speaker: TextSpan.optional(),
  /** The reported-speech word that attributes the quote, as written ("a déclaré" -> "déclaré"). */
  verb: z.string().optional(),
  style: QuoteStyle,
});

export const FigureKind = z.enum(["count", "money", "percent", "distance", "weight", "duration", "ordinal", "measure"]);

/** A number in the text with what it counts: "23 drones", "trois personnes blessées", "$40 billion". */
export const Figure = TextSpan.extend({
  value: z.number(),
  unit: z.string().optional(),
  kind: FigureKind,
  /** The noun phrase the figure counts (or ranks, for an ordinal). */
  counted: TextSpan.optional(),
  /** "at least", "about", "plus de", "около", "une vingtaine". */
  approximate: z.boolean().optional(),
  /** The verb phrase of a figure that counts part of an earlier one ("dont 18 ont été neutralisés"). */
  predicate: TextSpan.optional(),
});

/** The 16 event types of the PLOVER ontology (manual draft 0.8). */
export const PloverType = z.enum([
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]);

/** Who takes part in an event: the words of the text, and the document entity when one was linked. */
export const EventParticipant = TextSpan.extend({
  /** Index into the article's `entities`. */
  entity: z.number().int().nonnegative().optional(),
});

/** Who did what to whom, where and when, coded in PLOVER from one sentence (its evidence). */
export const Event = z.object({
  /** Stable within the article: "e<sentence start>-<trigger start>". */
  id: z.string(),
  /** When it happened: a date in the sentence resolved against the article's date, else the article's date. */
  date: IsoDate.optional(),
  eventType: PloverType,
  /** PLOVER mode (how): "visit", "arrest", "heavy-weapons"... */
  mode: z.string().optional(),
  /** PLOVER contexts (about what): "military", "economic"... */
  contexts: z.array(z.string()),
  actor: EventParticipant.optional(),
  recipient: EventParticipant.optional(),
  location: EventParticipant.optional(),
  /** Counts from the sentence's figures. */
  size: z
    .object({
      dead: z.number().optional(),
      injured: z.number().optional(),
      arrested: z.number().optional(),
    })
    .optional(),
  /** The word(s) that signal the event. */
  trigger: TextSpan,
  /** The sentence the event was coded from. */
  sentence: TextSpan,
  /** Hedged ("may attack", "plans to"): reported as possible, not as done. */
  hypothetical: z.boolean().optional(),
  /**
   * The sentence's main event (one per sentence: its main clause's, as GDELT IsRootEvent), not one named in a
   * subordinate clause, a purpose or motive phrase or a prepositional phrase. Absent in records stored before it.
   */
  main: z.boolean().optional(),
  /** How sure the coding is, 0..1. */
  confidence: z.number(),
});

export type IsoDate = z.infer<typeof IsoDate>;
export type TextSpan = z.infer<typeof TextSpan>;
export type LanguageSpan = z.infer<typeof LanguageSpan>;
export type EntityType = z.infer<typeof EntityType>;
export type Mention = z.infer<typeof Mention>;
export type FeatureClass = z.infer<typeof FeatureClass>;
export type Place = z.infer<typeof Place>;
export type Entity = z.infer<typeof Entity>;
export type QuoteStyle = z.infer<typeof QuoteStyle>;
export type Quote = z.infer<typeof Quote>;
export type FigureKind = z.infer<typeof FigureKind>;
export type Figure = z.infer<typeof Figure>;
export type PloverType = z.infer<typeof PloverType>;
export type EventParticipant = z.infer<typeof EventParticipant>;
export type Event = z.infer<typeof Event>;

/** An article with what the understand step found in it. */
export const UnderstoodArticle = Article.extend({
  /** Language of each stretch of the text, where the page mixes languages. */
  languages: z.array(LanguageSpan),
  entities: z.array(Entity),
  mentions: z.array(Mention),
  quotes: z.array(Quote),
  figures: z.array(Figure),
  /** PLOVER events, when the events step ran (`--events`). */
  events: z.array(Event).optional(),
});

export type UnderstoodArticle = z.infer<typeof UnderstoodArticle>;
export type DocumentKind = z.infer<typeof DocumentKind>;
export type RawDocument = z.infer<typeof RawDocument>;
export type Article = z.infer<typeof Article>;
