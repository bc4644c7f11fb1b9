/**
 * The OpenAPI 3.1 document served at /openapi.json. Parameters are written from the same zod schemas
 * that validate requests (queries.ts), and the article record from src/schema.ts, so they stay accurate.
 */
import { z } from "zod";
import { UnderstoodArticle } from "../schema.ts";
import { SEARCH_DEFAULTS } from "../store/index.ts";
import { ArticlesQuery, EntitiesQuery, EventsQuery, PlacesQuery, SearchQuery, StoriesQuery, TimelineQuery } from "./queries.ts";

type JsonSchema = Record<string, unknown>;

function queryParameters(schema: z.ZodObject): JsonSchema[] {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: "query", required: json.required?.includes(name) ?? false, schema: rest, ...(description ? { description } : {}) };
  });
}

const pathId = (name: string, description: string) => ({ name, in: "path", required: true, schema: { type: "string" }, description });

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

/** A JSON response whose body has these top-level fields. */
function ok(description: string, properties: Record<string, JsonSchema>, type = "application/json") {
  return { description, content: { [type]: { schema: { type: "object", properties } } } };
}

const array = (items: JsonSchema = { type: "object" }) => ({ type: "array", items });

function get(summary: string, parameters: JsonSchema[], response: JsonSchema, extra: Record<string, JsonSchema> = {}) {
  return {
    get: {
      summary,
      parameters,
      responses: { 200: response, 400: errorResponse("invalid parameters"), 429: errorResponse("rate limit exceeded"), ...extra },
    },
  };
}

let cached: JsonSchema | undefined;

export function buildOpenApi(): JsonSchema {
  cached ??= {
    openapi: "3.1.0",
    info: { title: "Sitrep API", version: "0.1.0", description: "Read-only access to a Sitrep store: articles, search, entities, events, places, stories." },
    paths: {
      "/api/health": get("Store status and row counts", [], ok("status", { status: { type: "string" }, counts: { type: "object" } })),
      "/api/articles": get("Articles, newest published first, by keyset cursor", queryParameters(ArticlesQuery), ok("one page", { articles: array(), next: { type: "string" } })),
      "/api/articles/{id}": get(
        "One article's full record (what extract and understand found) and its stories",
        [pathId("id", "the article id (sha256 hex) or a unique prefix of at least 6 characters")],
        ok("the stored article", { id: { type: "string" }, origin: { type: "string" }, ingestedAt: { type: "string" }, article: { $ref: "#/components/schemas/Article" }, stories: array({ type: "string" }) }),
        { 404: errorResponse("no such article") },
      ),
      "/api/search": get(
        `Full-text search with filters, best first (bm25). A search whose words and filters match more than ${SEARCH_DEFAULTS.rankedMatches} articles ranks only the ${SEARCH_DEFAULTS.rankedMatches} most recently stored of them, and says so with bounded: true`,
        queryParameters(SearchQuery),
        ok("ranked hits; snippets mark matches with **", {
          query: { type: "string" },
          hits: array(),
          bounded: { type: "boolean", description: `true when more than ${SEARCH_DEFAULTS.rankedMatches} articles matched and only the newest ${SEARCH_DEFAULTS.rankedMatches} were ranked` },
        }),
      ),
      "/api/entities": get(
        "One entity's summary (?name=) or the most reported entities",
        queryParameters(EntitiesQuery),
        ok("an entity or a list", { entity: { type: "object" }, entities: array() }),
        { 404: errorResponse("no such entity") },
      ),
      "/api/events": get(
        "Coded PLOVER events, newest first; ?format=geojson gives the located ones as a FeatureCollection",
        queryParameters(EventsQuery),
        {
          description: "events",
          content: {
            "application/json": { schema: { type: "object", properties: { total: { type: "integer" }, events: array() } } },
            "application/geo+json": { schema: { type: "object", properties: { type: { const: "FeatureCollection" }, features: array() } } },
          },
        },
      ),
      "/api/timeline": get("Event counts per day and type", queryParameters(TimelineQuery), ok("counts", { days: array({ type: "object", properties: { day: { type: "string" }, type: { type: "string" }, count: { type: "integer" } } }) })),
      "/api/places": get("Geocoded places, aggregated over articles", queryParameters(PlacesQuery), ok("places", { places: array() })),
      "/api/stories": get("Stories (articles about one happening, across languages), largest first", queryParameters(StoriesQuery), ok("stories", { total: { type: "integer" }, stories: array() })),
      "/api/stories/{id}": get(
        "One story: its articles with outlets and dates, and the entities they share",
        [pathId("id", "the story id")],
        ok("the story", { story: { type: "object" }, articles: array(), sharedEntities: array() }),
        { 404: errorResponse("no such story") },
      ),
    },
    components: {
      schemas: {
        Error: { type: "object", required: ["error"], properties: { error: { type: "string" } } },
        Article: z.toJSONSchema(UnderstoodArticle, { unrepresentable: "any" }),
      },
    },
  };
  return cached;
}
