import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { expandInputs, formatSize, readInputs, readSources, type SourceResult } from "../src/ingest/files.ts";
import { DocumentError } from "../src/errors.ts";

let root = "";
const rel = (path: string) => path.slice(root.length + 1);

/** A tree with documents, hidden and tooling folders, binaries by extension, a symlink, a .gz. */
before(async () => {
  root = await mkdtemp(join(tmpdir(), "sitrep-files-"));
  const files: Record<string, string | Uint8Array> = {
    "news/b.html": "<html><body><p>Второй материал.</p></body></html>",
    "news/a.txt": "Premier article, en français.",
    "news/a/z.txt": "Tief verschachtelt.",
    "news/a0.txt": "Nach a/ einsortiert.",
    "news/B.txt": "Upper case sorts first in code-point order.",
    "news/.hidden.txt": "never read in a walk",
    "news/.git/config": "[core]",
    "news/node_modules/pkg/readme.txt": "tooling, not news",
    "news/photo.jpg": new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
    "news/c.html.gz": gzipSync(Buffer.from("<p>Comprimido, pero legible.</p>")),
    "news/broken.txt.gz": new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]),
    "big.txt": new Uint8Array(3000).fill(0x61),
    "bomb.txt.gz": gzipSync(new Uint8Array(5000).fill(0x61)),
    "empty.txt": "",
  };
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, ".."), { recursive: true });
    await writeFile(join(root, path), content);
  }
  await symlink(join(root, "news/a.txt"), join(root, "news/link.txt"));
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

async function collect(results: AsyncIterable<SourceResult>): Promise<SourceResult[]> {
  const out: SourceResult[] = [];
  for await (const result of results) out.push(result);
  return out;
}

test("a directory expands recursively, sorted by path, skipping hidden, node_modules and binary extensions", async () => {
  const sources = await expandInputs([join(root, "news")]);
  assert.deepEqual(sources.map(rel), [
    "news/B.txt",
    "news/a/z.txt",
    "news/a.txt",
    "news/a0.txt",
    "news/b.html",
    "news/broken.txt.gz",
    "news/c.html.gz",
    "news/link.txt",
  ]);
});

test("inputs keep their order; globs are sorted; duplicates are read once; '-' and missing paths stay", async () => {
  const sources = await expandInputs([
    join(root, "empty.txt"),
    join(root, "news/*.html*"),
    "-",
    join(root, "news/b.html"),
    join(root, "missing.txt"),
    join(root, "news/*.pdf"),
  ]);
  assert.deepEqual(
    sources.map((s) => (s === "-" ? s : rel(s))),
    ["empty.txt", "news/b.html", "news/c.html.gz", "-", "missing.txt", "news/*.pdf"],
  );
});

test("each source yields raw bytes or a DocumentError, in order, and the batch goes on", async () => {
  const stdin = Readable.from([Buffer.from("Aus der "), Buffer.from("Standardeingabe.")]);
  const results = await collect(
    readInputs(
      [
        join(root, "missing.txt"),
        join(root, "news/a.txt"),
        join(root, "news/c.html.gz"),
        join(root, "news/broken.txt.gz"),
        "-",
        join(root, "big.txt"),
        join(root, "bomb.txt.gz"),
        join(root, "news"),
        join(root, "news/*.pdf"),
        join(root, "empty.txt"),
      ],
      { maxFileBytes: 2048, stdin },
    ),
  );
  const summary = results.map((r) => (r.error ? `ERR ${r.error.problem}` : Buffer.from(r.raw.bytes).toString("utf8")));
  assert.deepEqual(summary.slice(0, 7), [
    "ERR no such file",
    "Premier article, en français.",
    "<p>Comprimido, pero legible.</p>",
    summary[3],
    "Aus der Standardeingabe.",
    "ERR file is 3 KB, over the 2 KB limit",
    "ERR decompresses to more than the 2 KB limit",
  ]);
  assert.match(summary[3]!, /^ERR gzip-compressed but corrupt: /);
  // The directory's files not read already follow in walk order; the empty file is read (decode rejects it, not ingest).
  assert.deepEqual(
    results.slice(7).map((r) => rel(r.source)),
    ["news/B.txt", "news/a/z.txt", "news/a0.txt", "news/b.html", "news/link.txt", "news/*.pdf", "empty.txt"],
  );
  assert.equal(summary.at(-2), "ERR no file matches this pattern");
  assert.equal(summary.at(-1), "");
  for (const result of results) {
    if (result.error) {
      assert.ok(result.error instanceof DocumentError);
      assert.equal(result.error.source, result.source);
      assert.ok(result.error.message.startsWith(`${result.source}: `));
    } else {
      assert.equal(result.raw.source, result.source);
    }
  }
});

test("unreadable files and directories are reported, not thrown", { skip: process.getuid?.() === 0 ? "running as root: permissions are not enforced" : false }, async () => {
  const locked = join(root, "locked.txt");
  await writeFile(locked, "secret");
  await chmod(locked, 0o000);
  try {
    const [result] = await collect(readSources([locked]));
    assert.equal(result?.error?.problem, "permission denied");
  } finally {
    await chmod(locked, 0o644);
  }
});

test("a directory named as a source, or a path through a file, is an error, not a crash", async () => {
  const results = await collect(readSources([join(root, "news"), join(root, "empty.txt/inside.txt")]));
  assert.deepEqual(
    results.map((r) => r.error?.problem),
    ["is a directory", "no such file (a parent is not a directory)"],
  );
});

test("stdin over the limit is an error; gzip on stdin is decompressed", async () => {
  const big = Readable.from([Buffer.alloc(1500, 0x61), Buffer.alloc(1500, 0x62)]);
  const [over] = await collect(readSources(["-"], { maxFileBytes: 2048, stdin: big }));
  assert.equal(over?.error?.problem, "standard input is over the 2 KB limit");
  const zipped = Readable.from([gzipSync(Buffer.from("komprimiert"))]);
  const [ok] = await collect(readSources(["-"], { stdin: zipped }));
  assert.equal(Buffer.from(ok!.raw!.bytes).toString(), "komprimiert");
});

test("formatSize", () => {
  assert.equal(formatSize(3000), "3 KB");
  assert.equal(formatSize(1.5 * 1024 * 1024), "1.5 MB");
  assert.equal(formatSize(70 * 1024 * 1024), "70 MB");
});
