/**
 * The same store behaviour checked on SQLite and on a real PostgreSQL (a database created for this run and
 * dropped after): idempotent re-save, search with diacritics and hostile input, filters, entities, stories.
 * PostgreSQL checks skip, saying so, when no server answers at $SITREP_TEST_PG (default 127.0.0.1:5432).
 */
import { peskovArticle, textArticle } from "./store-fixture.ts";
import { after, before, describe, test, type TestContext } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_DIR } from "../eval/shared.ts";
import { extractArticle } from "../src/extract/index.ts";
import { SqliteStore } from "../src/store/sqlite.ts";
import { PostgresStore } from "../src/store/postgres.ts";
import { asyncStore, openAsyncStore, openStore, type AsyncStore, type StoredInput } from "../src/store/index.ts";
import { contentKey } from "../src/ingest/units.ts";
import type { Article, UnderstoodArticle } from "../src/schema.ts";
import { createScratchDatabase, type ScratchDatabase } from "../src/scale/scratch.ts";

const DEMO = join(REPO_DIR, "demo", "pages");

function demoInputs(): StoredInput[] {
  return readdirSync(DEMO).sort().map((name) => {
    const bytes = new Uint8Array(readFileSync(join(DEMO, name)));
    return { id: contentKey(bytes), origin: DEMO, article: extractArticle({ source: name, bytes }) };
  });
}


const asInput = (article: Article | UnderstoodArticle): StoredInput => ({ id: contentKey(article.text), origin: "test", article });

const peskov = (): UnderstoodArticle => peskovArticle({ language: "en" });

/** The behaviour every store must have; `fresh` gives an empty store, or skips the test (saying why) and gives none. */
function storeBehaviour(fresh: (t: TestContext) => Promise<AsyncStore | undefined>) {
  test("saving the same articles twice stores them once", async (t) => {
    const store = await fresh(t);
    if (!store) return;
    const inputs = demoInputs();
    assert.deepEqual(await store.saveArticles(inputs), { inserted: inputs.length, duplicates: 0 });
    const before = await store.counts();
    assert.deepEqual(await store.saveArticles([...inputs, inputs[0]!]), { inserted: 0, duplicates: inputs.length + 1 });
    assert.deepEqual(await store.counts(), before);
    assert.equal(before.articles, inputs.length);
    assert.equal(before.sources, 1);
    assert.equal((await store.knownIds([inputs[0]!.id, "0".repeat(64)])).size, 1);
    const stored = await store.getArticle(inputs[0]!.id.slice(0, 12));
    assert.equal(stored?.article.title, inputs[0]!.article.title);
    const all: string[] = [];
    for await (const a of store.articles()) all.push(a.id);
    assert.deepEqual(all.sort(), inputs.map((i) => i.id).sort());
    await store.close();
  });

  test("search ranks the page about a topic first and marks the words; hostile queries neither error nor inject", async (t) => {
    const store = await fresh(t);
    if (!store) return;
    const inputs = demoInputs();
    await store.saveArticles(inputs);
    const english = inputs.find((i) => i.article.source.startsWith("meantime-en"))!.article;
    const titleWords = (english.title ?? "").split(/\s+/).filter((w) => /^\p{L}{5,}$/u.test(w)).slice(0, 2).join(" ");
    const hits = await store.search(titleWords);
    assert.ok(hits.length >= 1, `no hit for ${titleWords}`);
    assert.equal(hits[0]!.title, english.title);
    assert.match(hits[0]!.snippet, /\*\*/);
    assert.deepEqual(await store.search(titleWords, { language: "xx" }), []);
    const nasty = [
      `'; DROP TABLE articles; --`, `"unbalanced`, `a" OR "b`, `NEAR(x y)`, `title:foo`, `*`, `^start`, `(((`, `-`, `""`,
      `AND OR NOT`, `x' UNION SELECT * FROM ingest_errors --`, `\u0000`, `{col}: value`, `Robert'); DROP TABLE Students;--`,
      `a & !b | c <-> d`, `foo:*`, `$1`, `\\`,
    ];
    for (const q of nasty) await assert.doesNotReject(store.search(q), q);
    assert.equal((await store.counts()).articles, inputs.length, "articles table intact");
    await store.close();
  });

  test("diacritics and case do not matter; phrases keep their order; CJK words match inside unspaced text", async (t) => {
    const store = await fresh(t);
    if (!store) return;
    const a = textArticle("a", "Drones over Kyïv", "Air defence shot down drones over Kyïv overnight, officials said.");
    const b = textArticle("b", "Talks in Minsk", "Leaders of Bélarus and Russia met in Minsk on Monday.");
    const zh = textArticle("zh", "北京市长访问上海", "北京市长周一访问上海，讨论经济合作。");
    await store.saveArticles([a, b, zh].map(asInput));
    assert.deepEqual((await store.search("Kyiv")).map((h) => h.title), ["Drones over Kyïv"]);
    assert.deepEqual((await store.search("KYÏV")).map((h) => h.title), ["Drones over Kyïv"]);
    assert.deepEqual((await store.search("belarus")).map((h) => h.title), ["Talks in Minsk"]);
    assert.deepEqual((await store.search('"Belarus and Russia"')).map((h) => h.title), ["Talks in Minsk"]);
    assert.deepEqual(await store.search('"Russia and Belarus"'), []);
    assert.match((await store.search("kyiv"))[0]!.snippet, /\*\*Kyïv\*\*/, "the snippet shows the text as written");
    assert.deepEqual((await store.search("上海")).map((h) => h.title), ["北京市长访问上海"]);
    assert.deepEqual(await store.search("経済"), [], "a word not in the text");
    assert.match((await store.search("经济合作"))[0]!.snippet, /\*\*经济合作\*\*/);
    await store.close();
  });

  test("filters (date prefix, language, entity, place), entity summary, problems and the stories hook", async (t) => {
    const store = await fresh(t);
    if (!store) return;
    const understood = peskov();
    const id = contentKey(understood.text);
    await store.saveArticles([{ id, origin: "test", article: understood }]);
    await store.saveArticles([{ id, origin: "test", article: understood }]);
    const found = (await store.entity("peskov"))!;
    assert.equal(found.name, "Dmitri Peskov");
    assert.equal(found.mentions, 2);
    assert.deepEqual(found.linkedIds, ["name:dmitry-peskov"]);
    assert.deepEqual(found.cooccurring.map((c) => c.name), ["Minsk"]);
    assert.equal((await store.entity("name:dmitry-peskov"))?.articles, 1);
    assert.equal(await store.entity("nobody at all"), undefined);
    assert.equal((await store.search("talks", { place: "minsk" })).length, 1);
    assert.equal((await store.search("talks", { entity: "Dmitri Peskov", from: "2022", to: "2022-12" })).length, 1);
    assert.equal((await store.search("talks", { to: "2022-12-19" })).length, 1, "to includes the day itself");
    assert.equal((await store.search("talks", { to: "2022-11" })).length, 0);
    assert.equal((await store.search("talks", { from: "2023" })).length, 0);
    assert.equal((await store.search("talks", { language: "EN" })).length, 1);
    await store.saveProblems([{ source: "x.html", problem: "no text" }, { source: "x.html", problem: "no text" }]);
    await store.saveProblems([{ source: "x.html", problem: "no text" }]);
    assert.equal((await store.problems()).length, 1);
    await store.saveStories([{ id: "s1", label: "Minsk talks", articles: [{ id, score: 1 }] }]);
    assert.deepEqual((await store.getArticle(id.slice(0, 10)))?.stories, ["s1"]);
    assert.deepEqual((await store.stories()).map((s) => [s.id, s.label, s.articles]), [["s1", "Minsk talks", [id]]]);
    await store.saveStories([], { replaceAll: true });
    assert.equal((await store.counts()).stories, 0);
    await store.close();
  });
}

describe("SQLite store (through the async interface)", () => {
  storeBehaviour(async () => asyncStore(new SqliteStore(join(mkdtempSync(join(tmpdir(), "sitrep-store-")), "t.db"))));
});

describe("PostgreSQL store", () => {
  let db: ScratchDatabase | undefined;
  let missing = "";
  before(async () => {
    try {
      db = await createScratchDatabase();
    } catch (error) {
      missing = `PostgreSQL not reachable (${(error as Error).message}); set SITREP_TEST_PG to a server URL`;
    }
  });
  after(async () => db?.drop());
  const fresh = async () => {
    await db!.reset();
    return PostgresStore.open(db!.url);
  };
  test("runs against a real server", (t) => {
    if (missing) t.skip(missing);
  });
  describe("behaviour", () => {
    // Each check skips itself when the server is missing (before() has run by then).
    storeBehaviour(async (t) => {
      if (db) return fresh();
      t.skip(missing);
      return undefined;
    });
  });

  test("migrations are recorded and re-opening runs none again; unaccent folds inside PostgreSQL", async (t) => {
    if (!db) return t.skip(missing);
    const store = await fresh();
    const again = await PostgresStore.open(db.url);
    const { rows } = await again.pool.query("SELECT COUNT(*) AS n FROM schema_migrations");
    assert.equal(rows[0].n, 1);
    if (!again.foldsInDatabase) t.diagnostic("unaccent unavailable: diacritics folded in JS");
    await again.close();
    await store.close();
  });

  test("concurrent writers of overlapping batches store each article once", async (t) => {
    if (!db) return t.skip(missing);
    const writers = await Promise.all([fresh(), PostgresStore.open(db.url), PostgresStore.open(db.url)]);
    const inputs = demoInputs();
    const results = await Promise.all(writers.map((w, i) => w.saveArticles(i === 1 ? [...inputs].reverse() : inputs)));
    assert.equal(results.reduce((n, r) => n + r.inserted, 0), inputs.length);
    assert.equal((await writers[0]!.counts()).articles, inputs.length);
    await Promise.all(writers.map((w) => w.close()));
  });

  test("openAsyncStore picks PostgreSQL for a postgres:// URL; the synchronous openStore refuses it clearly", async (t) => {
    if (!db) return t.skip(missing);
    await db.reset();
    const store = await openAsyncStore(db.url);
    assert.ok(store instanceof PostgresStore);
    await store.close();
    await assert.rejects(openStore(db.url), /scale-out commands/);
  });
});
