import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { linkEntity } from "../src/understand/link.ts";
import { NAMES_PATH } from "../src/understand/link/table.ts";
import { phoneticKey, wordReadings, arabicSkeleton, skeletonKey } from "../src/understand/link/keys.ts";
import { understand } from "../src/understand/index.ts";
import type { Article } from "../src/schema.ts";

const noTable = existsSync(NAMES_PATH) ? false : "data/names/names.json.gz missing: run `npm run build:names`";

function article(text: string, language: string): Article {
  return { source: "test", authors: [], language, text, encoding: "utf-8", kind: "text", warnings: [] };
}

test("spelling variants of one name share a phonetic key", () => {
  assert.equal(phoneticKey("Poutine", "fr"), phoneticKey("Putin"));
  assert.equal(phoneticKey("Loukachenko", "fr"), phoneticKey("Lukashenko"));
  assert.equal(phoneticKey("Lukaschenko", "de"), phoneticKey("Lukashenko"));
  for (const v of ["Zelenskyy", "Zelenski", "Zełenski"]) assert.equal(phoneticKey(v), phoneticKey("Zelensky"), v);
  assert.equal(phoneticKey("Selenskyj", "de"), phoneticKey("Zelensky"));
  assert.equal(phoneticKey("Peskow", "de"), phoneticKey("Peskov"));
  assert.equal(phoneticKey("Dmitri Peskov"), phoneticKey("Dmitry Peskov"));
  assert.notEqual(phoneticKey("Peskov"), phoneticKey("Pesko"));
  assert.equal(arabicSkeleton("بوتين"), skeletonKey("Putin"));
});

test("Russian and Ukrainian case endings are undone", () => {
  assert.ok(wordReadings("путина", "ru").includes("putin"));
  assert.ok(wordReadings("зеленського", "uk").includes("zelenskyy"));
  assert.ok(wordReadings("дмитрия", "ru").includes("dmitriy"));
});

test("a known leader is linked across languages, scripts and cases", { skip: noTable }, () => {
  const putin: Array<[string, string]> = [
    ["Poutine", "fr"], ["Vladimir Poutine", "fr"], ["Владимира Путина", "ru"], ["Путиным", "ru"], ["Путіна", "uk"],
    ["Wladimir Putin", "de"], ["Vladímir Putin", "es"], ["Putin", "en"], ["فلاديمير بوتين", "ar"], ["Πούτιν", "el"],
  ];
  for (const [name, language] of putin) {
    const linked = linkEntity(name, "PER", language);
    assert.equal(linked?.name, "Vladimir Putin", `${language} ${name}`);
    assert.equal(linked?.country, "RUS");
  }
  for (const [name, language] of [["Loukachenko", "fr"], ["Лукашенка", "uk"], ["Lukaschenko", "de"], ["Alexander Lukashenko", "en"]]) {
    assert.equal(linkEntity(name!, "PER", language!)?.name, "Alexander Lukashenko", `${language} ${name}`);
  }
  assert.equal(linkEntity("Сергея Лаврова", "PER", "ru")?.name, "Sergey Lavrov");
  assert.equal(linkEntity("OTAN", "ORG", "fr")?.name, "NATO");
  // The CAMEO dictionaries write every name in capitals: a text's mixed-case spelling shows a word, not an acronym.
  assert.equal(linkEntity("Boeing", "ORG", "en")?.name, "Boeing");
  assert.equal(linkEntity("NATO", "ORG", "en")?.name, "NATO");
});

test("unknown names and places stay unlinked", { skip: noTable }, () => {
  assert.equal(linkEntity("Jean-Baptiste Dupontel", "PER", "fr"), undefined);
  assert.equal(linkEntity("Putin", "LOC", "en"), undefined);
  // A surname several people bear is ambiguous on its own.
  assert.equal(linkEntity("Patino", "PER", "es"), undefined);
});

test("understand: a French text's leaders get canonical names; unknown people stay as written", { skip: noTable }, () => {
  const text =
    "Vladimir Poutine a reçu Alexandre Loukachenko au Kremlin jeudi. Le porte-parole Dmitri Peskov a précisé que " +
    "Poutine et Loukachenko avaient parlé d'économie. Le journaliste Marcel Tronchet était présent.";
  const result = understand(article(text, "fr"));
  const names = result.entities.filter((e) => e.type === "PER").map((e) => e.name);
  assert.ok(names.includes("Vladimir Putin"), names.join(", "));
  assert.ok(names.includes("Alexander Lukashenko"), names.join(", "));
  // Peskov is not in the actor dictionaries (they end in 2014): he stays as written, one entity.
  assert.equal(result.entities.filter((e) => /Peskov/.test(e.name)).length, 1);
  assert.ok(names.includes("Marcel Tronchet"), names.join(", "));
  const putin = result.entities.find((e) => e.name === "Vladimir Putin")!;
  assert.ok(putin.aliases.includes("Vladimir Poutine"));
  assert.equal(putin.sector, "GOV");
  assert.equal(putin.id, "name:vladimir-putin");
});

test("understand: inflected, transliterated and title-prefixed mentions are linked", { skip: noTable }, () => {
  const cases: Array<[string, string, string, string]> = [
    ["Президент Володимир Зеленський відповів Путіну.", "uk", "Vladimir Putin", "Путіну"],
    ["Kremlsprecher Dmitri Peskow sagte, Wladimir Putin werde Lukaschenko treffen.", "de", "Alexander Lukashenko", "Lukaschenko"],
    ["التقى الرئيس الروسي فلاديمير بوتين بالرئيس البيلاروسي.", "ar", "Vladimir Putin", "فلاديمير بوتين"],
  ];
  for (const [text, language, name, alias] of cases) {
    const entities = understand(article(text, language)).entities;
    const found = entities.find((e) => e.name === name);
    assert.ok(found?.aliases.includes(alias), `${language}: ${JSON.stringify(entities.map((e) => [e.name, e.aliases]))}`);
  }
});
