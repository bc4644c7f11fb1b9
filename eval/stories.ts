/**
 * Story clustering on the multilingual news sample: every record is understood (entities linked,
 * places geocoded, events coded), then clustered online in date order; scored with B-cubed against
 * the MEANTIME story groups (records without a `story` are singletons).
 * Understood records are cached in /tmp (SITREP_STORIES_CACHE) so that clustering can be iterated fast.
 */
import { existsSync, readFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newsArticle, readNews, type NewsRecord } from "./news.ts";
import type { UnderstoodArticle } from "../src/schema.ts";
import { StoryClusterer, STORY_DEFAULTS, type StoryOptions } from "../src/consolidate/stories.ts";

const CACHE = process.env.SITREP_STORIES_CACHE ?? join(tmpdir(), "sitrep-stories-understood.jsonl");

/** Understood records by id: from the cache, the missing ones computed now and appended to it. */
async function understandAll(records: NewsRecord[]): Promise<Map<string, UnderstoodArticle>> {
  const cached = new Map<string, UnderstoodArticle>();
  if (existsSync(CACHE)) {
    for (const line of readFileSync(CACHE, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const entry = JSON.parse(line) as { id: string; understood: UnderstoodArticle };
      cached.set(entry.id, entry.understood);
    }
  }
  const missing = records.filter((r) => !cached.has(r.id));
  if (missing.length > 0) {
    console.error(`understanding ${missing.length} records (cache: ${CACHE})`);
    const { understand } = await import("../src/understand/index.ts");
    const started = Date.now();
    for (const [i, record] of missing.entries()) {
      const understood = understand(newsArticle(record), { events: true });
      cached.set(record.id, understood);
      appendFileSync(CACHE, JSON.stringify({ id: record.id, understood }) + "\n");
      if ((i + 1) % 50 === 0) console.error(`  ${i + 1}/${missing.length} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
  return cached;
}

const records = readNews();
const understood = await understandAll(records);
if (process.argv.includes("--cache-only")) process.exit(0);

/** B-cubed precision and recall: per item, the share of its predicted cluster in its gold cluster and back. */
function bcubed(predicted: Map<string, string>, gold: Map<string, string>) {
  const members = (assignment: Map<string, string>) => {
    const groups = new Map<string, Set<string>>();
    for (const [item, group] of assignment) {
      let set = groups.get(group);
      if (!set) groups.set(group, (set = new Set()));
      set.add(item);
    }
    return groups;
  };
  const predictedGroups = members(predicted);
  const goldGroups = members(gold);
  let precision = 0;
  let recall = 0;
  for (const [item, group] of predicted) {
    const mine = predictedGroups.get(group)!;
    const truth = goldGroups.get(gold.get(item)!)!;
    let common = 0;
    for (const other of mine) if (truth.has(other)) common++;
    precision += common / mine.size;
    recall += common / truth.size;
  }
  const n = predicted.size || 1;
  precision /= n;
  recall /= n;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, clusters: predictedGroups.size, goldClusters: goldGroups.size };
}

const ordered = [...records].sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id));
const gold = new Map(records.map((r) => [r.id, r.story ?? r.id]));

function run(options: Partial<StoryOptions>) {
  const clusterer = new StoryClusterer(options);
  const started = process.hrtime.bigint();
  for (const record of ordered) clusterer.add(record.id, understood.get(record.id)!);
  const msPerArticle = Number(process.hrtime.bigint() - started) / 1e6 / ordered.length;
  const predicted = new Map(ordered.map((r) => [r.id, clusterer.storyIdOf(r.id)!]));
  return { clusterer, msPerArticle, ...bcubed(predicted, gold) };
}

if (process.argv.includes("--sweep")) {
  for (const threshold of [0.15, 0.2, 0.25, 0.3, 0.4])
    for (const [windowDays, decayDays] of [[2, 14], [3, 3], [7, 3], [7, 14]] as const) {
      const s = run({ threshold, windowDays, decayDays });
      console.log(`sweep threshold ${threshold} window ${windowDays} decay ${decayDays}  P ${s.precision.toFixed(4)} R ${s.recall.toFixed(4)} F1 ${s.f1.toFixed(4)} clusters ${s.clusters}`);
    }
}

const result = run({});
const multilingual = result.clusterer.list().filter((s) => s.members.length > 1);
console.log(`${records.length} articles, ${result.goldClusters} gold stories, parameters ${JSON.stringify(STORY_DEFAULTS)}`);
console.log(`stories with more than one article: ${multilingual.length}; e.g.`);
for (const story of multilingual.slice(0, 3)) console.log(`  ${story.title} [${story.languages.join(",")}] ${story.start}..${story.end} (${story.members.length})`);
console.log(`time: ${result.msPerArticle.toFixed(3)} ms per article (clustering only)`);
console.log(`clusters ${result.clusters} (gold ${result.goldClusters})`);
console.log(`B-cubed precision ${result.precision.toFixed(4)}  recall ${result.recall.toFixed(4)}`);
console.log(`stories B-cubed F1 ${result.f1.toFixed(4)}`);
