import { test } from "node:test";
import assert from "node:assert/strict";
import { spansFromTags } from "../src/understand/ner/model.ts";
import { Conventions } from "../src/understand/ner/conventions.ts";
import { applyFrenchConventions } from "../src/understand/ner/conventions-fr.ts";

const lists = new Conventions({ entries: { "états-unis": "K", bretagne: "R", dupont: "P" } });

/**
 * The spans, as "words/TYPE", after the French conventions rewrite a tagger's output on
 * `sentence` (space-separated tokens), given as [start, end, type] token spans.
 */
function rewrite(sentence: string, spans: [number, number, string][], commonWords: string[] = []): string[] {
  const words = sentence.split(" ");
  const tags = Array<string>(words.length).fill("O");
  for (const [start, end, type] of spans) for (let i = start; i < end; i++) tags[i] = (i === start ? "B-" : "I-") + type;
  applyFrenchConventions(words, tags, lists, new Set(commonWords));
  return spansFromTags(tags).map((s) => `${words.slice(s.start, s.end).join(" ")}/${s.type}`);
}

test("closed-class words and sentence adverbs are no names alone", () => {
  assert.deepEqual(rewrite("Hier , le maire de Lille a démissionné .", [[0, 1, "PER"], [5, 6, "LOC"]]), ["Lille/LOC"]);
  assert.deepEqual(rewrite("Notre envoyé spécial à Kiev raconte .", [[0, 1, "ORG"], [4, 5, "LOC"]]), ["Kiev/LOC"]);
  assert.deepEqual(rewrite("Soudain , la foule a reflué .", [[0, 1, "ORG"]]), []);
});

test("a preposition opening a name or an article ending one is outside it", () => {
  assert.deepEqual(rewrite("Le train de Marseille est arrivé .", [[2, 4, "ORG"]]), ["Marseille/ORG"]);
  assert.deepEqual(rewrite("Des tonnes de blé ont brûlé .", [[1, 3, "ORG"]]), ["tonnes/ORG"]);
});

test("a title is outside the name and marks the capitalised words after it as a person", () => {
  assert.deepEqual(rewrite("M. Lefèvre a reçu Mme Claire Martin .", [[0, 2, "ORG"], [5, 7, "LOC"]]), ["Lefèvre/PER", "Claire Martin/PER"]);
  assert.deepEqual(rewrite("MM . Bernard et Roux sont élus .", [[0, 1, "ORG"]]), ["Bernard/PER"]);
  assert.deepEqual(rewrite("Le Dr Garnier opère .", []), ["Garnier/PER"]);
  assert.deepEqual(rewrite("Madame Roland a parlé .", [[0, 2, "LOC"]]), ["Roland/PER"]);
  // Inside a name "M." is an initial.
  assert.deepEqual(rewrite("John M. Keynes a écrit .", [[0, 3, "PER"]]), ["John M. Keynes/PER"]);
});

test("a street or station name keeps its generic noun; a theatre or hospital is an organisation", () => {
  assert.deepEqual(rewrite("Un incendie rue de la Paix a fait deux blessés .", [[5, 6, "LOC"]]), ["rue de la Paix/LOC"]);
  assert.deepEqual(rewrite("Il habite boulevard Haussmann .", [[3, 4, "PER"]]), ["boulevard Haussmann/LOC"]);
  assert.deepEqual(rewrite("Le train quitte la gare de Lyon .", [[6, 7, "LOC"]]), ["gare de Lyon/LOC"]);
  assert.deepEqual(rewrite("Il a été transporté à l' hôpital Necker .", [[7, 8, "LOC"]]), ["hôpital Necker/ORG"]);
  // A generic noun before an untagged word changes nothing.
  assert.deepEqual(rewrite("Il a pris la rue principale .", []), []);
});

test("a span that is exactly a listed country or region is a location", () => {
  assert.deepEqual(rewrite("Les États-Unis ont répondu .", [[1, 2, "ORG"]]), ["États-Unis/LOC"]);
  assert.deepEqual(rewrite("Le Conseil de Bretagne a voté .", [[1, 4, "ORG"]]), ["Conseil de Bretagne/ORG"]);
});

test("a sentence's first word that is a common word and no listed name is no name alone", () => {
  assert.deepEqual(rewrite("Ensemble , ils ont gagné à Lyon .", [[0, 1, "ORG"], [6, 7, "LOC"]], ["ensemble"]), ["Lyon/LOC"]);
  assert.deepEqual(rewrite("Dupont a gagné .", [[0, 1, "PER"]], ["dupont"]), ["Dupont/PER"]);
});

test("a name made of a venue word and more is the company that runs it, unless a street is named after it", () => {
  assert.deepEqual(rewrite("La Comédie-Française joue Molière .", [[1, 2, "LOC"], [3, 4, "PER"]]), ["Comédie-Française/ORG", "Molière/PER"]);
  assert.deepEqual(rewrite("Le Cirque d'Hiver rouvre .", [[1, 3, "LOC"]]), ["Cirque d'Hiver/ORG"]);
  assert.deepEqual(rewrite("Rendez-vous place de l' Opéra .", [[4, 5, "LOC"]]), ["place de l' Opéra/LOC"]);
  assert.deepEqual(rewrite("Il chante à l' Opéra .", [[4, 5, "LOC"]]), ["Opéra/LOC"]);
});
