/** The SQLite store on real text: idempotent saves, safe and diacritic-insensitive search, CJK, entities, stories. */
import { peskovArticle, textArticle } from "./store-fixture.ts";
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_DIR } from "../eval/shared.ts";
import { extractArticle } from "../src/extract/index.ts";
import { SqliteStore } from "../src/store/sqlite.ts";
import { SqliteSearch } from "../src/store/sqlite-search.ts";
import { cjkBigrams, toFtsQuery } from "../src/store/fts.ts";
import { contentKey } from "../src/ingest/units.ts";
import type { StoredInput } from "../src/store/index.ts";
import type { Article, UnderstoodArticle } from "../src/schema.ts";

const DEMO = join(REPO_DIR, "demo", "pages");

function demoInputs(): StoredInput[] {
  return readdirSync(DEMO).sort().map((name) => {
    const bytes = new Uint8Array(readFileSync(join(DEMO, name)));
    return { id: contentKey(bytes), origin: DEMO, article: extractArticle({ source: name, bytes }) };
  });
}


function freshStore(): SqliteStore {
  return new SqliteStore(join(mkdtempSync(join(tmpdir(), "sitrep-store-")), "t.db"));
}

test("saving the same articles twice stores them once; WAL mode and the schema version are set", () => {
  const store = freshStore();
  const inputs = demoInputs();
  assert.deepEqual(store.saveArticles(inputs), { inserted: inputs.length, duplicates: 0 });
  const before = store.counts();
  assert.deepEqual(store.saveArticles(inputs), { inserted: 0, duplicates: inputs.length });
  assert.deepEqual(store.counts(), before);
  assert.equal(before.articles, inputs.length);
  assert.equal(store.db.pragma("journal_mode", { simple: true }), "wal");
  assert.ok((store.db.pragma("user_version", { simple: true }) as number) >= 1);
  assert.equal(store.knownIds([inputs[0]!.id, "0".repeat(64)]).size, 1);
  store.close();
});

test("search ranks the demo page about a topic first and highlights the words", () => {
  const store = freshStore();
  const inputs = demoInputs();
  store.saveArticles(inputs);
  const english = inputs.find((i) => i.article.source.startsWith("meantime-en"))!.article;
  const titleWords = (english.title ?? "").split(/\s+/).filter((w) => /^\p{L}{5,}$/u.test(w)).slice(0, 2).join(" ");
  const hits = store.search(titleWords);
  assert.ok(hits.length >= 1, `no hit for ${titleWords}`);
  assert.equal(hits[0]!.title, english.title);
  assert.match(hits[0]!.snippet, /\*\*/);
  assert.deepEqual(store.search(titleWords, { language: "xx" }), []);
  store.close();
});

test("user queries with quotes, operators and SQL never error and never inject", () => {
  const store = freshStore();
  store.saveArticles(demoInputs());
  const nasty = [
    `'; DROP TABLE articles; --`, `"unbalanced`, `a" OR "b`, `NEAR(x y)`, `title:foo`, `*`, `^start`, `(((`, `-`, `""`,
    `AND OR NOT`, `x' UNION SELECT * FROM ingest_errors --`, `\u0000`, `{col}: value`, `Robert'); DROP TABLE Students;--`,
  ];
  for (const q of nasty) assert.doesNotThrow(() => store.search(q), q);
  assert.equal(store.counts().articles, demoInputs().length, "articles table intact");
  assert.equal(toFtsQuery(`'; DROP TABLE x; --`)!.match, `"DROP" AND "TABLE" AND "x"`);
  assert.equal(toFtsQuery(`"air force" tanker`)!.match, `"air force" AND "tanker"`);
  assert.equal(toFtsQuery(`*** ()`), undefined);
  store.close();
});

test("diacritics and case do not matter: Kyiv finds Kyïv, Belarus finds Bélarus", () => {
  const store = freshStore();
  const a = textArticle("a", "Drones over Kyïv", "Air defence shot down drones over Kyïv overnight, officials said.");
  const b = textArticle("b", "Talks in Minsk", "Leaders of Bélarus and Russia met in Minsk on Monday.");
  store.saveArticles([a, b].map((article) => ({ id: contentKey(article.text), origin: "test", article })));
  assert.deepEqual(store.search("Kyiv").map((h) => h.title), ["Drones over Kyïv"]);
  assert.deepEqual(store.search("KYÏV").map((h) => h.title), ["Drones over Kyïv"]);
  assert.deepEqual(store.search("belarus").map((h) => h.title), ["Talks in Minsk"]);
  assert.deepEqual(store.search('"Belarus and Russia"').map((h) => h.title), ["Talks in Minsk"]);
  assert.deepEqual(store.search('"Russia and Belarus"'), []);
  store.close();
});

test("Chinese and Japanese words match inside unspaced text (bigram index)", () => {
  assert.equal(cjkBigrams("北京市长"), " 北京 京市 市长 ");
  const store = freshStore();
  const zh = textArticle("zh", "北京市长访问上海", "北京市长周一访问上海，讨论经济合作。");
  const ja = textArticle("ja", "東京で会議", "岸田首相は東京で記者会見を開いた。");
  store.saveArticles([zh, ja].map((article) => ({ id: contentKey(article.text), origin: "test", article })));
  assert.deepEqual(store.search("上海").map((h) => h.title), ["北京市长访问上海"]);
  assert.deepEqual(store.search("経済").map((h) => h.title), [], "a word not in the text");
  assert.deepEqual(store.search("記者会見").map((h) => h.title), ["東京で会議"]);
  assert.match(store.search("经济合作")[0]!.snippet, /\*\*经济合作\*\*/);
  store.close();
});

test("entities: lookup by name, alias or accent-free form, with co-occurring entities; stories hook", () => {
  const store = freshStore();
  const understood = peskovArticle();
  const id = contentKey(understood.text);
  store.saveArticles([{ id, origin: "test", article: understood }]);
  const found = store.entity("peskov")!;
  assert.equal(found.name, "Dmitri Peskov");
  assert.equal(found.mentions, 2);
  assert.deepEqual(found.linkedIds, ["name:dmitry-peskov"]);
  assert.deepEqual(found.cooccurring.map((c) => c.name), ["Minsk"]);
  assert.equal(store.entity("name:dmitry-peskov")?.articles, 1);
  assert.equal(store.entity("nobody at all"), undefined);
  assert.equal(store.search("talks", { place: "minsk" }).length, 1);
  assert.equal(store.search("talks", { entity: "Dmitri Peskov", from: "2022", to: "2022-12" }).length, 1);
  assert.equal(store.search("talks", { from: "2023" }).length, 0);
  store.saveStories([{ id: "s1", label: "Minsk talks", articles: [{ id, score: 1 }] }]);
  assert.deepEqual(store.getArticle(id.slice(0, 10))?.stories, ["s1"]);
  assert.equal(store.counts().stories, 1);
  store.close();
});

test("a search matching more articles than the ranking bound ranks only the newest of them; fewer are ranked as before", () => {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), "sitrep-store-")), "t.db"), { rankedMatches: 3 });
  // Saved oldest first: the oldest has "harbour" in its title and would rank first among all matches.
  const harbour = [
    textArticle("h0", "Harbour reopens", "The harbour reopened on Monday after the storm.", { language: "en" }),
    textArticle("h1", "Storm damage", "Boats in the harbour were damaged by the storm.", { language: "en", published: "2024-05-01" }),
    textArticle("h2", "Daños del temporal", "El harbour del puerto viejo quedó cerrado por el temporal.", { language: "es" }),
    textArticle("h3", "Ferry delays", "Ferries left the harbour late because of the wind.", { language: "en" }),
    textArticle("h4", "Fish market", "Fishermen sold their catch by the harbour at dawn.", { language: "en", published: "2024-06-02" }),
  ];
  for (const article of harbour) store.saveArticles([{ id: contentKey(article.source), origin: "test", article }]);
  const bounded = new SqliteSearch(store.db, 3).search("harbour", { limit: 3 });
  assert.equal(bounded.bounded, true);
  assert.deepEqual(bounded.hits.map((h) => h.title).sort(), ["Daños del temporal", "Ferry delays", "Fish market"], "only the 3 newest matches");
  const all = new SqliteSearch(store.db, 100).search("harbour");
  assert.equal(all.bounded, false);
  assert.equal(all.hits[0]!.title, "Harbour reopens", "unbounded, the title match ranks first");
  // The same bm25 scores either way: the bound narrows the candidates, not the scoring.
  for (const hit of bounded.hits) assert.equal(hit.score, all.hits.find((h) => h.id === hit.id)!.score);
  // A filter applies before the bound: the 3 newest English matches, not the 3 newest matches.
  assert.deepEqual(store.search("harbour", { language: "en", limit: 3 }).map((h) => h.title).sort(), ["Ferry delays", "Fish market", "Storm damage"]);
  // A filter keeping many articles is checked per match instead of read as a set: the same hits either way.
  for (const filters of [{ language: "en" }, { language: "es" }, { from: "2024-05", to: "2024-05" }, { eventType: "ASSAULT" }, { entity: "Nobody" }]) {
    const asSet = new SqliteSearch(store.db, 100, 1000).search("harbour", filters).hits.map((h) => h.id);
    assert.deepEqual(new SqliteSearch(store.db, 100, 0).search("harbour", filters).hits.map((h) => h.id), asSet, JSON.stringify(filters));
  }
  assert.equal(new SqliteSearch(store.db, 100, 0).search("harbour", { from: "2024-05", to: "2024-05" }).hits[0]?.title, "Storm damage");
  // A page deeper than the bound is ranked to its end: the bound never leaves a page short.
  assert.equal(new SqliteSearch(store.db, 3).search("harbour", { limit: 5 }).hits.length, 5);
  // Fewer matches than the bound: the order of the full ranking, unchanged.
  assert.equal(new SqliteSearch(store.db, 3).search("storm").bounded, false);
  assert.deepEqual(store.search("storm").map((h) => h.title), new SqliteSearch(store.db, 100).search("storm").hits.map((h) => h.title));
  assert.equal(store.search("storm")[0]!.title, "Storm damage");
  store.close();
});
