import { test } from "node:test";
import assert from "node:assert/strict";
import { conventionsRewriter } from "./ner-conventions-fixture.ts";

const rewrite = conventionsRewriter("de", { österreich: "K", bayern: "R", kalabrien: "R", lena: "P" });

test("closed-class words and common nouns alone are no names", () => {
  assert.deepEqual(rewrite("Sie sagt , die Gemeinde habe nichts gesehen .", [[0, 1, "LOC"], [4, 5, "ORG"]]), []);
  assert.deepEqual(rewrite("Die Regierung plant seit Jahrzehnten eine Reform .", [[1, 2, "ORG"], [4, 5, "LOC"]]), []);
  // Compounds headed by a common noun, and a listed place, stay as they are only when they are names.
  assert.deepEqual(rewrite("Der Verkehrsminister reiste nach Österreich .", [[1, 2, "PER"], [4, 5, "LOC"]]), ["Österreich/LOC"]);
});

test("a hyphenated compound headed by a common noun only contains a name", () => {
  assert.deepEqual(rewrite("Die Nato-Mannschaft traf den Bayern-Trainer .", [[1, 2, "ORG"], [4, 5, "PER"]]), []);
  // After an acronym too, unless the compound titles a programme.
  assert.deepEqual(rewrite("Die FDP-Basis murrt , meldet das ARD-Wirtschaftsmagazin .", [[1, 2, "ORG"], [6, 7, "ORG"]]), ["ARD-Wirtschaftsmagazin/ORG"]);
});

test("nationality adjectives and nouns are MISC", () => {
  assert.deepEqual(rewrite("Die deutsche und die französische Seite verhandeln .", []), ["deutsche/MISC", "französische/MISC"]);
  assert.deepEqual(rewrite("Zwei Briten und drei Amerikanerinnen wurden befreit .", [[1, 2, "LOC"]]), ["Briten/MISC", "Amerikanerinnen/MISC"]);
  assert.deepEqual(rewrite("Er schrieb in hebräischer Sprache über die baskische Küste .", []), ["hebräischer/MISC", "baskische/MISC"]);
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

test("a lone word after an article, adjectives between, is a common noun unless it names a landscape or is an acronym", () => {
  assert.deepEqual(rewrite("Die Feuerwehr löschte das Feuer im alten Lagerhaus .", [[4, 5, "LOC"], [7, 8, "LOC"]]), []);
  assert.deepEqual(rewrite("Der Neubau kam gut an .", [[1, 2, "ORG"]]), []);
  assert.deepEqual(rewrite("Es regnete im Westerwald , sagte die ARD .", [[3, 4, "LOC"], [7, 8, "ORG"]]), ["Westerwald/LOC", "ARD/ORG"]);
  // Ordinals stand between article and noun too; a possessive opens a noun phrase.
  assert.deepEqual(rewrite("Im 2. Satz spielt die Bratsche .", [[2, 3, "ORG"]]), []);
  assert.deepEqual(rewrite("Mein Glückwunsch gilt allen Helfern .", [[0, 2, "PER"]]), []);
  // Without an article the word may be a town.
  assert.deepEqual(rewrite("Er wohnt seit Jahren in Kleinhausen .", [[5, 6, "LOC"]]), ["Kleinhausen/LOC"]);
});

test("the name after a quotation's verb of saying is the speaker's", () => {
  assert.deepEqual(rewrite("„ Wir haben lange genug gewartet “ , sagt Wendtland .", [[9, 10, "LOC"]]), ["Wendtland/PER"]);
  assert.deepEqual(rewrite("„ Wir bleiben “ , sagte Lena Kurz am Abend .", []), ["Lena Kurz/PER"]);
  // An article marks a common noun, no name; the words before a given name describe the speaker.
  assert.deepEqual(rewrite("„ Wir bleiben “ , sagte der Sprecher .", []), []);
  assert.deepEqual(rewrite("„ Wir bleiben “ , sagte Stahlwerk-Betriebsrat Lena Kurz .", []), ["Lena Kurz/PER"]);
  // A lone name opening the sentence before a singular verb of saying, too.
  assert.deepEqual(rewrite("Wendtland erklärte , man werde klagen .", [[0, 1, "ORG"]]), ["Wendtland/PER"]);
  assert.deepEqual(rewrite("Anwohner sagten , man werde klagen .", []), []);
});

test("currencies counting money are MISC, compound currencies anywhere", () => {
  assert.deepEqual(rewrite("Das Werk kostete 300 Millionen Franken und 5 Mio . US-Dollar .", [[5, 6, "LOC"], [10, 11, "ORG"]]), ["Franken/MISC", "US-Dollar/MISC"]);
  // Franconia, without an amount, stays a place.
  assert.deepEqual(rewrite("Er stammt aus Franken .", [[3, 4, "LOC"]]), ["Franken/LOC"]);
});

test("a common noun before a name is in apposition, outside it; institutions keep their head", () => {
  assert.deepEqual(rewrite("Der Chemiekonzern Nordchem baut Stellen ab .", [[1, 3, "ORG"]]), ["Nordchem/ORG"]);
  assert.deepEqual(rewrite("Die Polizeidirektion Bayern warnt vor Glätte .", [[1, 3, "ORG"]]), ["Bayern/LOC"]);
  assert.deepEqual(rewrite("Im Tor stand der Franzose Pierre Marchal .", [[4, 7, "ORG"]]), ["Franzose/MISC", "Pierre Marchal/PER"]);
  assert.deepEqual(rewrite("Bundesfinanzminister Karl Brenner ( SPD ) widersprach .", [[0, 3, "ORG"]]), ["Karl Brenner/PER", "SPD/ORG"]);
  assert.deepEqual(rewrite("Sie studierte an der Universität Jena .", [[4, 6, "ORG"]]), ["Universität Jena/ORG"]);
  // A capitalised adjective opens the name.
  assert.deepEqual(rewrite("Der Europäischen Zentralbank fehlt Geld .", [[1, 3, "ORG"]]), ["Europäischen Zentralbank/ORG"]);
});

test("a lone word coordinated with a capitalised word left untagged is a common noun too", () => {
  assert.deepEqual(rewrite("Er ging zum Bäcker , um Semmeln und Brezeln zu holen .", [[7, 8, "LOC"]]), []);
  assert.deepEqual(rewrite("Sie sprachen über Löhne sowie steigende Mieten .", [[3, 4, "ORG"]]), []);
  // Places next to a point of the compass, and names coordinated with names, stay.
  assert.deepEqual(rewrite("Nachbarorte sind Oberbach im Süden und Talheim im Osten .", [[2, 3, "LOC"], [6, 7, "LOC"]]), ["Oberbach/LOC", "Talheim/LOC"]);
  assert.deepEqual(rewrite("Es spielten Lindqvist und Baraldi .", [[2, 3, "PER"], [4, 5, "PER"]]), ["Lindqvist/PER", "Baraldi/PER"]);
});
