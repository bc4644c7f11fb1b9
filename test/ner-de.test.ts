import { test } from "node:test";
import assert from "node:assert/strict";
import { conventionsRewriter } from "./ner-conventions-fixture.ts";

const rewrite = conventionsRewriter("de", { österreich: "K", bayern: "R", kalabrien: "R" });

test("closed-class words and common nouns alone are no names", () => {
  assert.deepEqual(rewrite("Sie sagt , die Gemeinde habe nichts gesehen .", [[0, 1, "LOC"], [4, 5, "ORG"]]), []);
  assert.deepEqual(rewrite("Die Regierung plant seit Jahrzehnten eine Reform .", [[1, 2, "ORG"], [4, 5, "LOC"]]), []);
  // Compounds headed by a common noun, and a listed place, stay as they are only when they are names.
  assert.deepEqual(rewrite("Der Verkehrsminister reiste nach Österreich .", [[1, 2, "PER"], [4, 5, "LOC"]]), ["Österreich/LOC"]);
});

test("a hyphenated compound headed by a common noun only contains a name", () => {
  assert.deepEqual(rewrite("Die Nato-Mannschaft traf den Bayern-Trainer .", [[1, 2, "ORG"], [4, 5, "PER"]]), []);
});

test("nationality adjectives and nouns are MISC", () => {
  assert.deepEqual(rewrite("Die deutsche und die französische Seite verhandeln .", []), ["deutsche/MISC", "französische/MISC"]);
  assert.deepEqual(rewrite("Zwei Briten und drei Amerikanerinnen wurden befreit .", [[1, 2, "LOC"]]), ["Briten/MISC", "Amerikanerinnen/MISC"]);
  // A capitalised adjective opening a name is left to the name.
  assert.deepEqual(rewrite("Er arbeitet bei der Deutschen Bahn .", [[4, 6, "ORG"]]), ["Deutschen Bahn/ORG"]);
});

test("the euro is MISC; agencies and parties named by a common word are organisations", () => {
  assert.deepEqual(rewrite("Das kostet 20 Euro , meldet dpa .", [[3, 4, "ORG"]]), ["Euro/MISC", "dpa/ORG"]);
  assert.deepEqual(rewrite("Auch die Grünen stimmten zu .", []), ["Grünen/ORG"]);
});

test("a town's adjective in -er before a common noun is MISC", () => {
  assert.deepEqual(rewrite("Die Berliner Polizei ermittelt .", [[1, 3, "ORG"]]), ["Berliner/MISC"]);
});

test("a person noun before a name and a noun after a genitive name are outside it", () => {
  assert.deepEqual(rewrite("Die Sängerin Anna Berg trat auf .", [[1, 4, "ORG"]]), ["Anna Berg/PER"]);
  assert.deepEqual(rewrite("Er traf Meyers Sprecher .", [[2, 4, "PER"]]), ["Meyers/PER"]);
});

test("periods, wars, market indices and long compounds", () => {
  assert.deepEqual(rewrite("Anfang Juni kam er zurück .", [[0, 2, "PER"]]), []);
  assert.deepEqual(rewrite("Nach dem Dreißigjährigen Krieg stieg der Dax .", [[6, 7, "ORG"]]), ["Dreißigjährigen Krieg/MISC", "Dax/MISC"]);
  assert.deepEqual(rewrite("Die Heizungsfirma lieferte .", [[1, 2, "ORG"]]), []);
  assert.deepEqual(rewrite("Die kalabrischen Strände sind voll .", []), ["kalabrischen/MISC"]);
});

test("a date ends a span, and the name after a title is a person", () => {
  assert.deepEqual(rewrite("Die Halle 4 am 12. Oktober war zu .", [[1, 6, "ORG"]]), ["Halle 4/ORG"]);
  assert.deepEqual(rewrite("Das sagte Trainer Kowalczyk gestern .", []), ["Kowalczyk/PER"]);
});

test("a title in quotes after a noun of works is MISC, without its quotes", () => {
  assert.deepEqual(rewrite("Sein Kinofilm „ Die lange Reise “ lief gestern .", [[3, 4, "LOC"]]), ["Die lange Reise/MISC"]);
});

test("a nationality adjective before a plain common noun is no part of a name", () => {
  assert.deepEqual(rewrite("Französische Gewerkschaften streiken .", [[0, 2, "ORG"]]), ["Französische/MISC"]);
  assert.deepEqual(rewrite("Die Europäische Kommission tagt .", [[1, 3, "ORG"]]), ["Europäische Kommission/ORG"]);
});

test("a town's adjective used as a noun for its people is MISC", () => {
  assert.deepEqual(rewrite("Am Ende jubelten die Kölner lange .", []), ["Kölner/MISC"]);
});
