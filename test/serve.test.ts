/** The HTTP API over a real store: every endpoint, validation, security headers, caching, and hostile text kept as text. */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type RunningServer } from "../src/serve/api.ts";
import { buildTestStore, HOSTILE } from "./serve-fixture.ts";

let server: RunningServer;
let db: string;
let ids: Awaited<ReturnType<typeof buildTestStore>>["ids"];

before(async () => {
  const built = await buildTestStore();
  ids = built.ids;
  db = built.db;
  server = await startServer({ db: built.db, port: 0, rateLimit: { requests: 1000, windowMs: 60_000 } });
});
after(async () => server?.close());

async function getJson(path: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: any; raw: string }> {
  const response = await fetch(server.url + path, init);
  const raw = await response.text();
  return { status: response.status, headers: response.headers, body: raw ? JSON.parse(raw) : undefined, raw };
}

test("binds to 127.0.0.1 by default and reports health with store counts", async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const { status, body } = await getJson("/api/health");
  assert.equal(status, 200);
  assert.equal(body.status, "ok");
  assert.equal(body.counts.articles, ids.demo.length + 1);
  assert.ok(body.counts.events > 0);
});

test("articles page by cursor without gaps or repeats, and the limit is capped", async () => {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const { status, body } = await getJson(`/api/articles?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
    assert.equal(status, 200);
    assert.ok(body.articles.length <= 3);
    seen.push(...body.articles.map((a: { id: string }) => a.id));
    cursor = body.next;
  } while (cursor);
  assert.equal(seen.length, ids.demo.length + 1);
  assert.equal(new Set(seen).size, seen.length);
  const dates = (await getJson("/api/articles?limit=100")).body.articles.map((a: { published?: string }) => a.published ?? "");
  assert.deepEqual(dates, [...dates].sort().reverse());
  const capped = await getJson("/api/articles?limit=100000");
  assert.equal(capped.status, 400);
  assert.match(capped.body.error, /limit/);
  assert.equal((await getJson("/api/articles?cursor=bogus")).status, 400);
});

test("one article returns its full record; unknown and malformed ids are JSON errors", async () => {
  const id = ids.demo[0]!;
  const { status, body } = await getJson(`/api/articles/${id.slice(0, 10)}`);
  assert.equal(status, 200);
  assert.equal(body.id, id);
  assert.ok(body.article.text.length > 200);
  assert.ok(Array.isArray(body.article.entities) && body.article.entities.length > 0);
  assert.ok(Array.isArray(body.stories) && body.stories.length === 1, "each understood article belongs to a story");
  const missing = await getJson(`/api/articles/${"0".repeat(64)}`);
  assert.equal(missing.status, 404);
  assert.match(missing.body.error, /no article/);
  const bad = await getJson("/api/articles/..%2f..%2fetc%2fpasswd");
  assert.equal(bad.status, 400);
  assert.match(bad.body.error, /hexadecimal/);
});

test("search finds by words and honours filters; bad filters are 400 with the parameter named", async () => {
  const hits = (await getJson("/api/search?q=Boeing")).body.hits;
  assert.ok(hits.length >= 1);
  assert.match(hits[0].title, /Boeing/);
  const spanish = (await getJson("/api/search?q=Boeing&lang=es")).body.hits;
  assert.ok(spanish.length >= 1 && spanish.every((h: { language: string }) => h.language === "es"));
  assert.deepEqual((await getJson("/api/search?q=Boeing&from=2019")).body.hits, []);
  assert.ok((await getJson("/api/search?q=Boeing&to=2008-03")).body.hits.length >= 1);
  const cases: Array<[string, RegExp]> = [
    ["/api/search", /'q'/],
    ["/api/search?q=", /'q'.*empty/],
    ["/api/search?q=x&from=yesterday", /'from'/],
    ["/api/search?q=x&type=HUG", /'type'/],
    ["/api/search?q=x&lang=english", /'lang'/],
    ["/api/search?q=x&limit=0", /'limit'/],
    ["/api/search?q=x&drop=table", /drop/],
    [`/api/search?q=${"x".repeat(300)}`, /200 characters/],
  ];
  for (const [path, message] of cases) {
    const { status, body, headers } = await getJson(path);
    assert.equal(status, 400, path);
    assert.match(headers.get("content-type")!, /^application\/json/);
    assert.match(body.error, message, path);
  }
});

test("entities: one by name with co-occurring names, and a ranked list", async () => {
  const { body } = await getJson("/api/entities?name=Boeing");
  assert.equal(body.entity.name, "Boeing");
  assert.ok(body.entity.articles >= 2);
  assert.ok(body.entity.cooccurring.length > 0);
  const list = (await getJson("/api/entities?limit=5")).body.entities;
  assert.equal(list.length, 5);
  assert.ok(list[0].articles >= list[4].articles);
  assert.equal((await getJson("/api/entities?name=Nobody%20Atall")).status, 404);
});

test("events list and GeoJSON; timeline counts add up to the events", async () => {
  const { body } = await getJson("/api/events?limit=1000");
  assert.ok(body.total > 0 && body.events.length === body.total);
  assert.ok(body.events.every((e: any) => /^[A-Z]+$/.test(e.event.eventType) && e.articleId.length === 64));
  const assaults = (await getJson("/api/events?type=ASSAULT")).body.events;
  assert.ok(assaults.every((e: any) => e.event.eventType === "ASSAULT"));
  const geo = await getJson("/api/events?format=geojson&limit=1000");
  assert.match(geo.headers.get("content-type")!, /^application\/geo\+json/);
  assert.equal(geo.body.type, "FeatureCollection");
  assert.ok(geo.body.features.length > 0, "some events are located at a geocoded place");
  for (const f of geo.body.features) {
    const [lon, lat] = f.geometry.coordinates;
    assert.ok(Math.abs(lon) <= 180 && Math.abs(lat) <= 90);
  }
  const days = (await getJson("/api/timeline")).body.days;
  const dated = body.events.filter((e: any) => e.event.date).length;
  assert.equal(days.reduce((n: number, d: { count: number }) => n + d.count, 0), dated);
  assert.equal((await getJson("/api/events?format=kml")).status, 400);
});

test("places aggregate geocoded entities with coordinates across articles", async () => {
  const places = (await getJson("/api/places")).body.places;
  assert.ok(places.length > 3);
  const us = places.find((p: { name: string }) => p.name === "United States");
  assert.ok(us && us.articles >= 2, "a country named by several articles is one place");
  assert.ok(places.every((p: any) => Number.isFinite(p.lat) && Number.isFinite(p.lon)));
});

test("stories are computed when the store has none, and a story lists its reports and shared entities", async () => {
  const { body } = await getJson("/api/stories?limit=100");
  assert.ok(body.total >= 1);
  const members = body.stories.flatMap((s: { members: string[] }) => s.members);
  assert.equal(new Set(members).size, ids.demo.length + 1, "every understood article is in exactly one story");
  const story = body.stories[0];
  const detail = await getJson(`/api/stories/${encodeURIComponent(story.id)}`);
  assert.equal(detail.status, 200);
  assert.equal(detail.body.articles.length, story.members.length);
  assert.ok(Array.isArray(detail.body.sharedEntities));
  assert.equal((await getJson("/api/stories/story:nope")).status, 404);
});

test("OpenAPI document lists every endpoint with the validated parameters", async () => {
  const { status, body } = await getJson("/openapi.json");
  assert.equal(status, 200);
  assert.equal(body.openapi, "3.1.0");
  for (const path of ["/api/health", "/api/articles", "/api/articles/{id}", "/api/search", "/api/entities", "/api/events", "/api/timeline", "/api/places", "/api/stories", "/api/stories/{id}"]) {
    assert.ok(body.paths[path]?.get, path);
  }
  const searchParams = body.paths["/api/search"].get.parameters.map((p: { name: string }) => p.name).sort();
  assert.deepEqual(searchParams, ["entity", "from", "lang", "limit", "offset", "place", "q", "to", "type"]);
  assert.ok(body.components.schemas.Article.properties.entities);
});

test("security headers: CSP without inline script, nosniff, frame denial; unknown API paths are JSON 404", async () => {
  const { headers } = await getJson("/api/health");
  const csp = headers.get("content-security-policy")!;
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.match(csp, /object-src 'none'/);
  assert.equal(headers.get("x-content-type-options"), "nosniff");
  const missing = await getJson("/api/nothing");
  assert.equal(missing.status, 404);
  assert.match(missing.body.error, /not found/);
  const post = await getJson("/api/health", { method: "POST", body: "x".repeat(20_000), headers: { "content-type": "text/plain" } });
  assert.equal(post.status, 413);
});

test("ETag: a repeated request with If-None-Match is 304; responses are gzipped when asked", async () => {
  const first = await fetch(server.url + "/api/places");
  const tag = first.headers.get("etag");
  assert.ok(tag);
  await first.arrayBuffer();
  const second = await fetch(server.url + "/api/places", { headers: { "if-none-match": tag! } });
  assert.equal(second.status, 304);
  assert.equal((await second.text()).length, 0);
  // fetch decompresses transparently; read the raw bytes through node:http to see gzip on the wire.
  const { request } = await import("node:http");
  const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
    request(server.url + "/api/events?limit=1000", { headers: { "accept-encoding": "gzip" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c)).on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
    }).on("error", reject).end();
  });
  assert.equal(raw.encoding, "gzip");
  assert.equal(JSON.parse(gunzipSync(raw.body).toString("utf8")).total > 0, true);
});

test("a page whose title and body hold <script> and <img onerror> comes back as escaped JSON text, never as HTML", async () => {
  const { status, headers, raw, body } = await getJson(`/api/articles/${ids.hostile}`);
  assert.equal(status, 200);
  assert.match(headers.get("content-type")!, /^application\/json/);
  assert.equal(headers.get("x-content-type-options"), "nosniff");
  assert.doesNotMatch(raw, /<script|<img/i, "no markup survives in the bytes on the wire");
  assert.equal(body.article.title, HOSTILE.title, "the text itself is intact once parsed");
  assert.ok(body.article.text.includes(`<img src=x onerror="window.__pwned = 2">`));
  const hits = (await getJson("/api/search?q=onerror")).body.hits;
  assert.equal(hits[0]?.id, ids.hostile);
});

test("the rate limit answers 429 with Retry-After once a client exceeds it", async () => {
  const limited = await startServer({ db, port: 0, rateLimit: { requests: 3, windowMs: 60_000 } });
  try {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const response = await fetch(limited.url + "/api/health");
      statuses.push(response.status);
      if (response.status === 429) {
        retryAfter = response.headers.get("retry-after");
        assert.match(((await response.json()) as { error: string }).error, /rate limit/);
      } else await response.arrayBuffer();
    }
    assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
    assert.ok(Number(retryAfter) > 0);
  } finally {
    await limited.close();
  }
});

test("a missing store is a clear error, not a new empty store", async () => {
  await assert.rejects(startServer({ db: join(tmpdir(), "sitrep-no-such-store.db"), port: 0 }), /no store at/);
});

test("a cached search answer is dropped when the store changes", async () => {
  const query = "/api/search?q=zanzibarite";
  const before = await getJson(query);
  assert.equal(before.status, 200);
  assert.equal(before.body.hits.length, 0);
  const { openStore } = await import("../src/store/index.ts");
  const store = await openStore(db);
  store.saveArticles([
    {
      id: "f".repeat(64),
      origin: "test",
      article: {
        source: "late.txt", title: "Zanzibarite found", text: "Geologists described zanzibarite, a new mineral, on Monday.",
        authors: [], encoding: "utf-8", kind: "text", warnings: [], language: "en",
      },
    },
  ]);
  store.close();
  const after = await getJson(query);
  assert.equal(after.body.hits.length, 1, "the new article is found, not the cached empty answer");
});

test("search says whether its ranking was bounded, and the response cache counts its hits", async () => {
  const before = server.cacheStats().search ?? { hits: 0, misses: 0 };
  const first = await getJson("/api/search?q=Airbus&limit=7");
  assert.equal(first.status, 200);
  assert.ok(first.body.hits.length >= 1);
  assert.equal(first.body.bounded, false, "a few demo pages are far below the ranking bound");
  const again = await getJson("/api/search?q=Airbus&limit=7");
  assert.deepEqual(again.body, first.body);
  const after = server.cacheStats().search!;
  assert.equal(after.misses - before.misses, 1);
  assert.equal(after.hits - before.hits, 1);
});
