/** The real `sitrep` command on real input: the sample, a batch with bad documents, output formats. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_DIR, sharedPath } from "../eval/shared.ts";

const SAMPLE = sharedPath("samples", "cemo-fr.txt");
const noSample = existsSync(SAMPLE) ? false : `no ${SAMPLE}: the shared samples are absent`;

function sitrep(args: string[], input?: string) {
  const run = spawnSync(process.execPath, [join(REPO_DIR, "bin", "sitrep.js"), ...args], {
    encoding: "utf8",
    input,
    env: { ...process.env, CI: "true" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

test("extract the French text-dump sample into a clean, dated article", { skip: noSample }, () => {
  const run = sitrep(["extract", SAMPLE, "--json"]);
  assert.equal(run.status, 0, run.stderr);
  const article = JSON.parse(run.stdout);
  assert.equal(article.title, "Guerre en Ukraine : pourquoi Vladimir Poutine se rend en Biélorussie ?");
  assert.match(article.publisher, /CEMO/);
  assert.equal(article.published, "2022-12-19T07:31");
  assert.equal(article.kind, "text");
  assert.match(article.text, /^Vladimir Poutine est arrivé lundi/);
  assert.match(article.text, /forces ukrainiennes\.$/);
  assert.match(article.text, /\n\nConvaincre Minsk d'entrer en guerre \?\n\n/);
  assert.doesNotMatch(article.text, /\bad ad\b|طباعة|^"|"$/m);
  assert.ok(article.warnings.some((w: string) => /offset/i.test(w)), "a time without UTC offset is flagged");
});

test("a batch streams JSONL in input order, reports bad documents and goes on", () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-cli-"));
  writeFileSync(join(dir, "a-empty.html"), "");
  writeFileSync(
    join(dir, "b-page.html"),
    `<!doctype html><html lang="de"><head><title>Hochwasser in Passau - Tagesblatt</title>
     <meta property="og:site_name" content="Tagesblatt"></head><body><nav><a href="/">Start</a> <a href="/p">Politik</a></nav>
     <article><h1>Hochwasser in Passau</h1><p>Die Donau ist in der Nacht über die Ufer getreten. Mehrere Straßen in der Altstadt
     wurden gesperrt, die Feuerwehr war mit 120 Kräften im Einsatz.</p><p>Der Pegel soll am Abend seinen Höchststand erreichen,
     teilte das Landratsamt mit. Anwohner wurden gebeten, Keller zu räumen.</p></article></body></html>`,
  );
  writeFileSync(join(dir, "c-junk.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]));
  const run = sitrep(["extract", dir]);
  assert.equal(run.status, 0, "some documents were extracted, so the batch succeeds");
  const lines = run.stdout.trim().split("\n");
  assert.equal(lines.length, 1);
  const article = JSON.parse(lines[0]!);
  assert.equal(article.title, "Hochwasser in Passau");
  assert.equal(article.publisher, "Tagesblatt");
  assert.equal(article.language, "de");
  assert.match(article.text, /^Die Donau ist in der Nacht/);
  assert.doesNotMatch(article.text, /Politik/);
  const errors = run.stderr.trim().split("\n");
  assert.ok(errors.some((line) => line.includes("a-empty.html") && /empty/i.test(line)), run.stderr);
  assert.ok(errors.some((line) => line.includes("c-junk.txt") && /binary|PNG|image/i.test(line)), run.stderr);
  assert.match(run.stderr, /1 extracted, 2 failed of 3 documents/);
});

test("exit code is non-zero only when nothing could be extracted", () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-cli-"));
  writeFileSync(join(dir, "empty.txt"), "   \n");
  const run = sitrep(["extract", join(dir, "empty.txt"), join(dir, "missing.html")]);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /empty\.txt: .*(empty|no text)/i);
  assert.match(run.stderr, /missing\.html: /);
});

test("standard input and the text and markdown formats", () => {
  const page = `<html><head><title>Ceasefire talks resume</title></head><body><main><h1>Ceasefire talks resume</h1>
    <p>Negotiators met again on Tuesday in Geneva after a pause of three weeks, officials said.</p>
    <ul><li>Prisoner exchanges are on the agenda.</li><li>A humanitarian corridor is under discussion.</li></ul></main></body></html>`;
  const text = sitrep(["extract", "-", "--format", "text", "--url", "https://news.example.org/talks"], page);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /^Ceasefire talks resume\n/);
  assert.match(text.stdout, /Prisoner exchanges are on the agenda\./);
  const markdown = sitrep(["extract", "-", "--format", "markdown"], page);
  assert.match(markdown.stdout, /^# Ceasefire talks resume\n/);
});
