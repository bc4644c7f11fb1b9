/**
 * Text-dump cleaning on the ScrapingHub article-extraction benchmark: every page is rendered to
 * its full visible text as a scraper would (src/ingest/pagetext.ts: menus, footers and all, one
 * line per block), then cleaned by cleanTextDump and scored against the gold body (4-gram
 * shingles, macro P/R/F1). Prints the "keep every line" baseline, the cleaner alone, and the
 * cleaner with corpus line statistics computed from the 181 dumps themselves, leave-one-out (each
 * page is cleaned with frequencies over the other 180, so no page sees its own lines).
 * Per-page scores, worst first: out/eval-textdump.tsv.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cleanTextDump, LineCorpus, type TextDumpOptions } from "../src/extract/textdump.ts";
import { renderPageText } from "../src/ingest/pagetext.ts";
import { REPO_DIR, readMaybeGzip, requireShared } from "./shared.ts";
import { scoreCorpus, scorePage, type CorpusScore, type PageScore } from "./score.ts";

const f1 = (s: PageScore) => (s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall));
const line = (name: string, s: CorpusScore) =>
  `${name.padEnd(34)} P ${s.precision.toFixed(4)}  R ${s.recall.toFixed(4)}  F1 ${s.f1.toFixed(4)}`;

/**
 * The benchmark pages with their gold bodies. Not eval/extract.ts's loader: that module pulls in
 * the whole HTML extract stage, which this eval neither needs nor should break with.
 */
function loadBenchmark(): Array<{ id: string; url: string; gold: string; html: Buffer }> {
  const dir = requireShared("eval/article-extraction-benchmark");
  const truth = JSON.parse(readFileSync(`${dir}/ground-truth.json`, "utf8")) as Record<string, { articleBody: string; url: string }>;
  return Object.entries(truth)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, { articleBody, url }]) => ({ id, url, gold: articleBody, html: readMaybeGzip(`${dir}/html/${id}.html.gz`) }));
}

function main(): void {
  const pages = loadBenchmark().map((p) => ({ ...p, dump: renderPageText(p.html.toString("utf8")) }));
  const corpus = new LineCorpus(pages.map((p) => p.dump));
  const run = (options: (dump: string) => TextDumpOptions) =>
    pages.map((p) => ({ id: p.id, url: p.url, ...scorePage(cleanTextDump(p.dump, options(p.dump)).text, p.gold) }));

  const baseline = pages.map((p) => scorePage(p.dump, p.gold));
  const alone = run(() => ({}));
  const withCorpus = run((dump) => ({ corpus: corpus.leaveOneOut(dump) }));

  const rows = withCorpus.map((r, i) => ({ ...r, f1: f1(r), aloneF1: f1(alone[i]!) })).sort((a, b) => a.f1 - b.f1);
  mkdirSync(`${REPO_DIR}/out`, { recursive: true });
  writeFileSync(
    `${REPO_DIR}/out/eval-textdump.tsv`,
    ["f1\tprecision\trecall\tf1_no_corpus\tid\turl", ...rows.map((r) => [r.f1, r.precision, r.recall, r.aloneF1].map((x) => x.toFixed(3)).join("\t") + `\t${r.id}\t${r.url}`)].join("\n") + "\n",
  );
  console.log(`pages: ${pages.length}; per-page scores, worst first: out/eval-textdump.tsv`);
  console.log(line("baseline (keep every line)", scoreCorpus(baseline)));
  console.log(line("cleaner, no corpus stats", scoreCorpus(alone)));
  const headline = scoreCorpus(withCorpus);
  console.log(line("cleaner + corpus stats (leave-1-out)", headline));
  console.log(`F1: ${headline.f1.toFixed(4)}`);
}

main();
