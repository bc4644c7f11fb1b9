/** The understand step on real text: the French sample through extract and understand, and the CLI flag. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { extractArticle } from "../src/extract/index.ts";
import { understand } from "../src/understand/index.ts";
import type { UnderstoodArticle } from "../src/schema.ts";
import { sharedPath } from "../eval/shared.ts";

const SAMPLE = sharedPath("samples", "cemo-fr.txt");
const noSample = existsSync(SAMPLE) ? false : `no ${SAMPLE}: the shared samples are absent`;

let cached: UnderstoodArticle | undefined;
function sample(): UnderstoodArticle {
  cached ??= understand(extractArticle({ source: SAMPLE, bytes: readFileSync(SAMPLE) }));
  return cached;
}

test("the sample is French, with an Arabic label found as its own stretch", { skip: noSample }, () => {
  const article = sample();
  assert.equal(article.language, "fr");
  assert.ok(article.languages.length >= 1);
  assert.ok(article.languages.every((span) => span.end <= article.text.length));
});

test("people of the sample are entities, a later surname joins its full name", { skip: noSample }, () => {
  const article = sample();
  const people = article.entities.filter((e) => e.type === "PER").map((e) => e.name);
  for (const name of [/Poutine|Putin/, /Loukachenko|Lukashenko/, /Peskov/]) {
    assert.ok(people.some((p) => name.test(p)), `${name} among ${people.join(", ")}`);
  }
  for (const mention of article.mentions) {
    assert.equal(article.text.slice(mention.start, mention.end), mention.text);
    assert.ok(article.entities[mention.entity], "every mention points at an entity");
  }
});

test("the grid operator of the sample is an organisation", { skip: noSample }, () => {
  const organisations = sample().entities.filter((e) => e.type === "ORG").map((e) => e.name);
  assert.ok(organisations.includes("Ukrenergo"), `Ukrenergo among ${organisations.join(", ")}`);
});

test("places of the sample are on the map: Kyiv, Belarus, Belgorod", { skip: noSample }, () => {
  const article = sample();
  const place = (name: string) => article.entities.find((e) => e.place?.name === name)?.place;
  const kyiv = place("Kyiv");
  assert.ok(kyiv, "Kiev is geocoded as Kyiv");
  assert.ok(Math.abs(kyiv.lat - 50.45) < 0.2 && Math.abs(kyiv.lon - 30.52) < 0.2);
  assert.equal(place("Belarus")?.countryCode, "BY");
  assert.equal(place("Belgorod")?.countryCode, "RU");
  // "Biélorussie" and "Bélarus" are one entity.
  assert.equal(article.entities.filter((e) => e.place?.name === "Belarus").length, 1);
});

test("Peskov is the speaker of the quoted denial", { skip: noSample }, () => {
  const quotes = sample().quotes.filter((q) => /stupides|sans fondement/.test(q.text));
  assert.equal(quotes.length, 2);
  for (const quote of quotes) assert.match(quote.speaker?.text ?? "", /Peskov/);
});

test("figures: 23 drones, 18 shot down, 3 injured, 10 regions", { skip: noSample }, () => {
  const figures = sample().figures;
  const counted = (value: number) => figures.find((f) => f.value === value)?.counted?.text ?? "";
  assert.match(counted(23), /engins/);
  assert.match(counted(18), /engins/);
  assert.match(counted(3), /blessé/);
  assert.match(counted(10), /régions/);
});
