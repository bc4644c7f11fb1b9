/** Ingest with understanding, then stories: one happening reported in four languages is one story. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_DIR } from "../eval/shared.ts";

function sitrep(args: string[]) {
  const run = spawnSync(process.execPath, [join(REPO_DIR, "bin", "sitrep.js"), ...args], {
    encoding: "utf8",
    env: { ...process.env, CI: "true" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

test("the demo pages ingest into stories; the four translations of one report are one story", () => {
  const db = join(mkdtempSync(join(tmpdir(), "sitrep-stories-")), "demo.db");
  const pages = join(REPO_DIR, "demo", "pages");
  const ingest = sitrep(["ingest", pages, "--db", db, "--workers", "0"]);
  assert.equal(ingest.status, 0, ingest.stderr);
  assert.match(ingest.stderr, /7 ingested/);
  assert.match(ingest.stderr, /stories over 7 articles \(1 across languages\)/);
  const stories = sitrep(["stories", "--db", db, "--json"]).stdout.trim().split("\n").map((line) => JSON.parse(line));
  const biggest = stories[0];
  assert.equal(biggest.articles.length, 4);
  assert.deepEqual([...biggest.languages].sort(), ["en", "es", "it", "nl"]);
  assert.ok(stories.slice(1).every((story: { articles: string[] }) => story.articles.length === 1));
  // Re-ingesting is a no-op and keeps the same stories.
  const again = sitrep(["ingest", pages, "--db", db, "--workers", "0"]);
  assert.match(again.stderr, /0 ingested, 7 skipped as duplicates/);
  assert.equal(sitrep(["stories", "--db", db, "--json"]).stdout.trim().split("\n").length, stories.length);
});

test("exports stream JSONL, CSV, GeoJSON and PLOVER from the store", () => {
  const db = join(mkdtempSync(join(tmpdir(), "sitrep-export-")), "demo.db");
  const pages = join(REPO_DIR, "demo", "pages");
  assert.equal(sitrep(["ingest", pages, "--db", db, "--workers", "0"]).status, 0);
  const jsonl = sitrep(["export", "--db", db]).stdout.trim().split("\n").map((line) => JSON.parse(line));
  assert.equal(jsonl.length, 7);
  assert.ok(jsonl.every((record: { id: string; text: string }) => /^[0-9a-f]{64}$/.test(record.id) && record.text.length > 100));
  const csv = sitrep(["export", "--db", db, "--format", "csv", "--query", "Boeing"]).stdout.trim().split("\n");
  assert.match(csv[0]!, /^id,published,language,title,/);
  assert.equal(csv.length, 1 + 4, "the four reports of the Boeing story");
  const geojson = JSON.parse(sitrep(["export", "--db", db, "--format", "geojson"]).stdout);
  assert.equal(geojson.type, "FeatureCollection");
  assert.ok(geojson.features.length > 0);
  for (const feature of geojson.features) {
    const [lon, lat] = feature.geometry.coordinates;
    assert.ok(Math.abs(lat) <= 90 && Math.abs(lon) <= 180);
    assert.match(feature.properties.event, /^[A-Z]+$/);
  }
  const plover = sitrep(["export", "--db", db, "--format", "plover"]).stdout.trim().split("\n").map((line) => JSON.parse(line));
  assert.ok(plover.length > 0);
  for (const event of plover) {
    assert.ok(event.event && event.eventText && event.text, "PLOVER fields: event, eventText, text");
  }
});
