/**
 * The fixed benchmark corpus of bench:ingest and bench:scale: real pages (the extraction benchmark, the
 * htmldate pages, the demo pages, the French sample) and real news records (../shared/samples/news, or the
 * demo's copy of part of it when ../shared is absent), repeated with a changed byte (the copy number) until
 * N documents, so every copy is a new document to the content-hash key and goes through the whole pipeline.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_DIR, readMaybeGzip, sharedPath } from "../eval/shared.ts";

interface Page {
  name: string;
  bytes: Buffer;
}

function readPages(): Page[] {
  const pages: Page[] = [];
  const dirs = [sharedPath("eval", "article-extraction-benchmark", "html"), sharedPath("eval", "htmldate", "cache"), join(REPO_DIR, "demo", "pages")];
  for (const dir of dirs) {
    let names: string[] = [];
    try {
      names = readdirSync(dir).sort();
    } catch {
      console.error(`bench: ${dir} absent, skipped`);
    }
    for (const name of names) pages.push({ name: name.replace(/\.gz$/, ""), bytes: readMaybeGzip(join(dir, name)) });
  }
  try {
    pages.push({ name: "cemo-fr.txt", bytes: readFileSync(sharedPath("samples", "cemo-fr.txt")) });
  } catch {
    /* optional */
  }
  return pages;
}

/** News records as JSON objects (title, text, published, url...). */
function readRecords(): Record<string, unknown>[] {
  for (const path of [sharedPath("samples", "news", "news.jsonl"), join(REPO_DIR, "demo", "news.jsonl")]) {
    try {
      return readFileSync(path, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
    } catch {
      console.error(`bench: ${path} absent or unreadable, skipped`);
    }
  }
  return [];
}

export interface BenchCorpus {
  /** The sources to ingest: one file a page, plus one JSONL file of records. */
  sources: string[];
  documents: number;
  distinct: number;
  description: string;
}

/**
 * Writes N documents under `dir`. `kinds` chooses pages, records or both; documents alternate over the
 * distinct items of the chosen kinds, in a fixed order, so every run ingests the same bytes.
 */
export function writeBenchCorpus(dir: string, documents: number, kinds: { pages: boolean; records: boolean }): BenchCorpus {
  const pages = kinds.pages ? readPages() : [];
  const records = kinds.records ? readRecords() : [];
  const distinct = pages.length + records.length;
  if (distinct === 0) throw new Error("bench: no benchmark documents found (../shared and demo/ both absent)");
  const pageDir = join(dir, "pages");
  mkdirSync(pageDir, { recursive: true });
  const lines: string[] = [];
  for (let i = 0; i < documents; i++) {
    const copy = Math.floor(i / distinct);
    const k = i % distinct;
    if (k < pages.length) {
      const page = pages[k]!;
      // The changed bytes: a trailing comment (HTML) or line (text) with the copy number.
      const marker = page.name.endsWith(".txt") ? `\n\n[copy ${copy}]\n` : `\n<!-- copy ${copy} -->\n`;
      writeFileSync(join(pageDir, `${String(i).padStart(6, "0")}-${page.name}`), Buffer.concat([page.bytes, Buffer.from(marker)]));
    } else {
      const record = records[k - pages.length]!;
      lines.push(JSON.stringify({ ...record, text: `${String(record.text ?? "")}\n\n[copy ${copy}]`, url: record.url ? `${String(record.url)}#copy-${copy}` : undefined }));
    }
  }
  const sources: string[] = [];
  if (pages.length > 0) sources.push(pageDir);
  if (lines.length > 0) {
    const file = join(dir, "records.jsonl");
    writeFileSync(file, lines.join("\n") + "\n");
    sources.push(file);
  }
  const description = `${documents} documents from ${distinct} distinct (${pages.length} pages, ${records.length} news records)`;
  return { sources, documents, distinct, description };
}
