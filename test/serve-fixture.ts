/** A temporary store for the serve tests: the demo pages extracted and understood, plus one hostile page. */
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_DIR } from "../eval/shared.ts";
import { extractArticle } from "../src/extract/index.ts";
import { understand } from "../src/understand/index.ts";
import { contentKey } from "../src/ingest/units.ts";
import type { StoredInput } from "../src/store/index.ts";

const DEMO = join(REPO_DIR, "demo", "pages");

/** Markup a scraper may carry into titles and text; it must reach the page as text, never as HTML. */
export const HOSTILE = {
  title: `Breaking <script>window.__pwned = 1</script> report`,
  body: `Officials in Paris said <img src=x onerror="window.__pwned = 2"> nothing.\n\nThe <b>market</b> & "traders" waited.`,
};

/** Why pages understood here and not loaded from a fixture: the store must hold what the pipeline really makes. */
export async function buildTestStore(): Promise<{ db: string; ids: { hostile: string; demo: string[] } }> {
  const { openStore } = await import("../src/store/index.ts");
  const db = join(mkdtempSync(join(tmpdir(), "sitrep-serve-")), "t.db");
  const inputs: StoredInput[] = readdirSync(DEMO).sort().map((name) => {
    const bytes = new Uint8Array(readFileSync(join(DEMO, name)));
    return { id: contentKey(bytes), origin: DEMO, article: understand(extractArticle({ source: name, bytes }), { events: true }) };
  });
  const hostileBytes = new TextEncoder().encode(`${HOSTILE.title}\n\n${HOSTILE.body}`);
  const hostile = understand(
    { source: "hostile.txt", title: HOSTILE.title, text: HOSTILE.body, authors: [], encoding: "utf-8", kind: "text", warnings: [], published: "2020-01-07", language: "en" },
    { events: true },
  );
  inputs.push({ id: contentKey(hostileBytes), origin: "test", article: hostile });
  const store = await openStore(db);
  store.saveArticles(inputs);
  store.close();
  return { db, ids: { hostile: contentKey(hostileBytes), demo: inputs.slice(0, -1).map((i) => i.id) } };
}
