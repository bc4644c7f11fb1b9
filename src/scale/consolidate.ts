/**
 * Stories when several workers write. Clustering is a function of the whole store (consolidateStore replaces
 * every story), so it must not run twice at once, and the last writer must not be left out. Design: a worker
 * that goes idle takes a PostgreSQL advisory lock (waiting, not trying: a worker that gave up while another
 * clustered an older snapshot would leave its own articles out), then re-clusters only when the article count
 * differs from the one recorded with the stories. The stories and that count are written in one transaction.
 */
import { consolidateStore, type ConsolidateSummary } from "../consolidate/index.ts";
import type { Store, StoredArticle, StoryAssignment } from "../store/index.ts";
import type { PostgresStore } from "../store/postgres.ts";

/** Advisory-lock key of the consolidation step (any constant distinct from the migration lock). */
const CONSOLIDATE_LOCK = 0x5172_0002;
const MARK = "stories_article_count";

export async function consolidateIfStale(store: PostgresStore): Promise<ConsolidateSummary | undefined> {
  const client = await store.pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [CONSOLIDATE_LOCK]);
    // A count, not the newest rowid: identities are handed out before commit, so a lower one can commit later.
    const { rows } = await client.query("SELECT COUNT(*) AS n FROM articles");
    const count = String(rows[0].n);
    if ((await store.getMeta(MARK, client)) === count) return undefined;
    const articles: StoredArticle[] = [];
    for await (const a of store.articles()) articles.push(a);
    // consolidateStore reads and writes through the synchronous Store; give it the loaded articles and keep what it saves.
    let saved: { stories: readonly StoryAssignment[]; options?: { replaceAll?: boolean } } | undefined;
    const view: Pick<Store, "articles" | "saveStories"> = {
      articles: () => articles,
      saveStories: (stories, options) => {
        saved = { stories, options };
      },
    };
    const summary = consolidateStore(view as Store);
    await store.transaction(async (tx) => {
      if (saved) await store.writeStories(tx, saved.stories, saved.options);
      await store.setMeta(tx, MARK, count);
    });
    return summary;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [CONSOLIDATE_LOCK]).catch(() => {});
    client.release();
  }
}
