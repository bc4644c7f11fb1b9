/**
 * Main-content extraction on the ScrapingHub article-extraction benchmark (181 news pages with
 * hand-annotated article bodies). Prints macro P/R/F1 and writes per-page scores, worst first,
 * to out/eval-extract.tsv so the weakest pages are easy to open.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { extractArticle } from "../src/extract/index.ts";
import { REPO_DIR } from "./shared.ts";
import { loadBenchmark } from "./benchmark.ts";
import { f1Of, scoreCorpus, scorePage, type PageScore } from "./score.ts";

function main(): void {
  const pages = loadBenchmark();
  const rows: Array<PageScore & { id: string; url: string; f1: number }> = [];
  for (const page of pages) {
    const article = extractArticle(
      { source: `${page.id}.html`, bytes: page.html, url: page.url, contentType: "text/html; charset=utf-8" },
      { url: page.url },
    );
    const score = scorePage(article.text, page.gold);
    rows.push({ id: page.id, url: page.url, ...score, f1: f1Of(score) });
  }
  const total = scoreCorpus(rows);
  rows.sort((a, b) => a.f1 - b.f1);
  mkdirSync(`${REPO_DIR}/out`, { recursive: true });
  const tsv = ["f1\tprecision\trecall\tid\turl", ...rows.map((r) => [r.f1, r.precision, r.recall].map((x) => x.toFixed(3)).join("\t") + `\t${r.id}\t${r.url}`)];
  writeFileSync(`${REPO_DIR}/out/eval-extract.tsv`, tsv.join("\n") + "\n");
  console.log(`pages: ${total.pages}`);
  console.log(`per-page scores, worst first: out/eval-extract.tsv`);
  console.log(`precision: ${total.precision.toFixed(4)}`);
  console.log(`recall: ${total.recall.toFixed(4)}`);
  console.log(`F1: ${total.f1.toFixed(4)}`);
}

// Run only as a script: the benchmark loader is shared with bench/ and the tests.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
