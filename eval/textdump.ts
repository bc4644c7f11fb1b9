/**
 * Text-dump cleaning on the ScrapingHub article-extraction benchmark: every page is rendered to
 * its full visible text as a scraper would (src/ingest/pagetext.ts: menus, footers and all, one
 * line per block), then cleaned by cleanTextDump and scored against the gold body (4-gram
 * shingles, macro P/R/F1). Prints the "keep every line" baseline, the cleaner alone, and the
 * cleaner with corpus line statistics computed from the 181 dumps themselves, leave-one-out (each
 * page is cleaned with frequencies over the other 180, so no page sees its own lines).
 * Per-page scores, worst first: out/eval-textdump.tsv.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cleanTextDump, LineCorpus, type TextDumpOptions } from "../src/extract/textdump.ts";
import { renderPageText } from "../src/ingest/pagetext.ts";
import { REPO_DIR } from "./shared.ts";
import { loadBenchmark } from "./benchmark.ts";
import { f1Of, scoreCorpus, scorePage, type CorpusScore } from "./score.ts";

const line = (name: string, s: CorpusScore) =>
  `${name.padEnd(34)} P ${s.precision.toFixed(4)}  R ${s.recall.toFixed(4)}  F1 ${s.f1.toFixed(4)}`;

function main(): void {
  const pages = loadBenchmark().map((p) => ({ ...p, dump: renderPageText(Buffer.from(p.html).toString("utf8")) }));
  const corpus = new LineCorpus(pages.map((p) => p.dump));
  const run = (options: (dump: string) => TextDumpOptions) =>
    pages.map((p) => ({ id: p.id, url: p.url, ...scorePage(cleanTextDump(p.dump, options(p.dump)).text, p.gold) }));

  const baseline = pages.map((p) => scorePage(p.dump, p.gold));
  const alone = run(() => ({}));
  const withCorpus = run((dump) => ({ corpus: corpus.leaveOneOut(dump) }));

  const rows = withCorpus.map((r, i) => ({ ...r, f1: f1Of(r), aloneF1: f1Of(alone[i]!) })).sort((a, b) => a.f1 - b.f1);
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
