/**
 * The API's query parameters as zod schemas: one definition validates requests and writes the
 * OpenAPI document's parameters (openapi.ts), so the two cannot drift apart.
 */
import { z } from "zod";
import { PloverType } from "../schema.ts";

/** Caps that keep any one request cheap. */
export const LIMITS = {
  page: 100,
  defaultPage: 20,
  searchPage: 50,
  searchOffset: 1000,
  events: 1000,
  places: 2000,
  entities: 200,
  sharedEntities: 30,
  text: 200,
} as const;

/** A date or its prefix, as the store compares them: "2022", "2022-03", "2022-03-01". */
const DatePrefix = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "a date as YYYY, YYYY-MM or YYYY-MM-DD");
const Text = z.string().trim().min(1, "must not be empty").max(LIMITS.text, `at most ${LIMITS.text} characters`);
const limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback).describe(`page size, 1..${max}`);
const offset = (max: number) => z.coerce.number().int().min(0).max(max).default(0).describe("rows to skip");

export const ArticlesQuery = z.strictObject({
  limit: limit(LIMITS.page, LIMITS.defaultPage),
  cursor: z.string().max(200).optional().describe("the `next` value of the previous page"),
});

export const SearchQuery = z.strictObject({
  q: Text.describe("words to find in titles and text; \"quoted phrases\" allowed"),
  from: DatePrefix.optional().describe("published on or after"),
  to: DatePrefix.optional().describe("published on or before (the whole day, month or year given)"),
  lang: z.string().regex(/^[a-z]{2,3}$/, "an ISO 639 language code").optional(),
  entity: Text.optional().describe("mentions this entity (name, alias or linked id)"),
  place: Text.optional().describe("mentions this place"),
  type: PloverType.optional().describe("has a PLOVER event of this type"),
  limit: limit(LIMITS.searchPage, LIMITS.defaultPage),
  offset: offset(LIMITS.searchOffset),
});

export const EntitiesQuery = z.strictObject({
  name: Text.optional().describe("one entity's summary by name, alias or linked id"),
  prefix: Text.optional().describe("entities whose folded name starts so (without name)"),
  type: z.enum(["PER", "ORG", "LOC", "MISC"]).optional(),
  limit: limit(LIMITS.entities, 50),
});

export const EventsQuery = z.strictObject({
  from: DatePrefix.optional(),
  to: DatePrefix.optional(),
  type: PloverType.optional(),
  article: z.string().regex(/^[0-9a-f]{64}$/, "a full article id (64 hex characters)").optional(),
  format: z.enum(["json", "geojson"]).default("json"),
  limit: limit(LIMITS.events, 200),
  offset: offset(1_000_000),
});

export const TimelineQuery = z.strictObject({
  from: DatePrefix.optional(),
  to: DatePrefix.optional(),
});

export const PlacesQuery = z.strictObject({
  limit: limit(LIMITS.places, 500),
});

export const StoriesQuery = z.strictObject({
  minArticles: z.coerce.number().int().min(1).max(1000).default(1).describe("only stories with at least this many articles"),
  limit: limit(LIMITS.page, LIMITS.defaultPage),
  offset: offset(1_000_000),
});
