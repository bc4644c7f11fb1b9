/**
 * Throughput and peak memory of article extraction on the 181 benchmark pages, against
 * @mozilla/readability on linkedom and on jsdom. Each system runs in its own child process
 * (same script, `--child MODE`) so its peak RSS is its own; pages are decompressed to memory
 * before the clock starts, and every system starts from the raw bytes.
 *
 * Throughput is the second of two passes over the pages (steady state); the first pass is shown too.
 *
 *   npm run bench                 all systems
 *   npm run bench -- --pages 40   a quicker run on the first 40 pages
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { loadBenchmark, type BenchmarkPage } from "../eval/benchmark.ts";
import { scoreCorpus, scorePage } from "../eval/score.ts";

const SYSTEMS = ["sitrep", "readability+linkedom", "readability+jsdom"] as const;
type System = (typeof SYSTEMS)[number];

interface ChildResult {
  system: System;
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  coldPagesPerSecond: number;
  peakRssMb: number;
  f1: number;
}

type Extractor = (page: BenchmarkPage) => string;

async function extractorFor(system: System): Promise<Extractor> {
  const utf8 = new TextDecoder();
  if (system === "sitrep") {
    const { extractArticle } = await import("../src/extract/index.ts");
    return (page) => extractArticle({ source: `${page.id}.html`, bytes: page.html, url: page.url }, { url: page.url }).text;
  }
  const { Readability } = await import("@mozilla/readability");
  if (system === "readability+linkedom") {
    const { parseHTML } = await import("linkedom");
    return (page) => {
      const { document } = parseHTML(utf8.decode(page.html));
      return new Readability(document as unknown as Document).parse()?.textContent ?? "";
    };
  }
  const { JSDOM, VirtualConsole } = await import("jsdom");
  return (page) => {
    const dom = new JSDOM(utf8.decode(page.html), { url: page.url, virtualConsole: new VirtualConsole() });
    const text = new Readability(dom.window.document).parse()?.textContent ?? "";
    dom.window.close();
    return text;
  };
}

async function runChild(system: System, limit: number): Promise<void> {
  const pages = loadBenchmark().slice(0, limit);
  const extract = await extractorFor(system);
  globalThis.gc?.();
  // Two passes: the first includes JIT warm-up and lazy loading (what one small run feels like), the
  // second is the steady state a batch of thousands of documents runs at; both are reported.
  const timePass = (): { outputs: string[]; seconds: number } => {
    const outputs: string[] = [];
    const start = process.hrtime.bigint();
    for (const page of pages) outputs.push(extract(page));
    return { outputs, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
  };
  const cold = timePass();
  const { outputs, seconds } = timePass();
  const f1 = scoreCorpus(pages.map((p, i) => scorePage(outputs[i]!, p.gold))).f1;
  const result: ChildResult = {
    system,
    pages: pages.length,
    seconds,
    pagesPerSecond: pages.length / seconds,
    coldPagesPerSecond: pages.length / cold.seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    f1,
  };
  process.stdout.write(JSON.stringify(result) + "\n");
}

function runParent(limit: number): void {
  const self = fileURLToPath(import.meta.url);
  const results: ChildResult[] = [];
  for (const system of SYSTEMS) {
    const child = spawnSync(
      process.execPath,
      ["--expose-gc", "--import", "tsx", self, "--child", system, "--pages", String(limit)],
      { encoding: "utf8", maxBuffer: 1 << 24 },
    );
    if (child.status !== 0) {
      console.error(`${system} failed:\n${child.stderr}`);
      process.exit(1);
    }
    results.push(JSON.parse(child.stdout.trim().split("\n").pop()!) as ChildResult);
  }
  console.log("system                 pages  seconds  pages/s  (first pass)  peak RSS MB  F1");
  for (const r of results) {
    console.log(
      `${r.system.padEnd(22)} ${String(r.pages).padStart(5)} ${r.seconds.toFixed(1).padStart(8)} ${r.pagesPerSecond.toFixed(1).padStart(8)} ${r.coldPagesPerSecond.toFixed(1).padStart(13)} ${r.peakRssMb.toFixed(0).padStart(12)}  ${r.f1.toFixed(4)}`,
    );
  }
  const [sitrep, linkedom, jsdom] = results as [ChildResult, ChildResult, ChildResult];
  const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;
  console.log(`sitrep vs readability+linkedom: throughput ${ratio(sitrep.pagesPerSecond, linkedom.pagesPerSecond)}, peak RSS ${ratio(sitrep.peakRssMb, linkedom.peakRssMb)}`);
  console.log(`sitrep vs readability+jsdom: throughput ${ratio(sitrep.pagesPerSecond, jsdom.pagesPerSecond)}, peak RSS ${ratio(sitrep.peakRssMb, jsdom.peakRssMb)}`);
  console.log(`sitrep throughput vs readability+linkedom: ${ratio(sitrep.pagesPerSecond, linkedom.pagesPerSecond)}`);
}

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const limit = Number(flag("--pages") ?? Infinity);
const childMode = flag("--child");
if (childMode !== undefined) {
  if (!(SYSTEMS as readonly string[]).includes(childMode)) throw new Error(`unknown system ${childMode}`);
  await runChild(childMode as System, limit);
} else {
  runParent(limit);
}
