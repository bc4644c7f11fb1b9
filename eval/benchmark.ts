/** The ScrapingHub article-extraction benchmark: 181 news pages with hand-annotated bodies. */
import { readFileSync } from "node:fs";
import { readMaybeGzip, requireShared, sharedPath } from "./shared.ts";

export const BENCHMARK_DIR = "eval/article-extraction-benchmark";

export interface BenchmarkPage {
  id: string;
  url: string;
  gold: string;
  html: Uint8Array<ArrayBuffer>;
}

/** Every benchmark page, decompressed, with its gold body, in a stable order. */
export function loadBenchmark(): BenchmarkPage[] {
  const dir = requireShared(BENCHMARK_DIR);
  const truth = JSON.parse(readFileSync(`${dir}/ground-truth.json`, "utf8")) as Record<
    string,
    { articleBody: string; url: string }
  >;
  return Object.entries(truth)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, { articleBody, url }]) => ({
      id,
      url,
      gold: articleBody,
      html: new Uint8Array(readMaybeGzip(sharedPath(BENCHMARK_DIR, "html", `${id}.html.gz`))),
    }));
}
