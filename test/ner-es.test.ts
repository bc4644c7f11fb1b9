import { test } from "node:test";
import assert from "node:assert/strict";
import { conventionsRewriter } from "./ner-conventions-fixture.ts";

const rewrite = conventionsRewriter("es", { perú: "K", chile: "K", andalucía: "R", tíbet: "R" });

test("a dateline names the town (LOC) and, between brackets, the agency (ORG)", () => {
  assert.deepEqual(rewrite("Toledo , 4 jun ( EFE ) .", [[0, 1, "PER"], [5, 6, "PER"]]), ["Toledo/LOC", "EFE/ORG"]);
  assert.deepEqual(rewrite("Arequipa ( Perú ) , 12 oct ( EFE ) .", [[0, 1, "ORG"], [2, 3, "LOC"]]), ["Arequipa/LOC", "Perú/LOC", "EFE/ORG"]);
  assert.deepEqual(rewrite("Granada ( Efe ) .", [[0, 1, "ORG"]]), ["Granada/LOC", "Efe/ORG"]);
  // A name and its qualifier between brackets are no dateline.
  assert.deepEqual(rewrite("Trujillo ( Venezuela )", [[0, 1, "LOC"], [2, 3, "LOC"]]), ["Trujillo/LOC", "Venezuela/LOC"]);
});

test("news agencies, parties and unions are organisations", () => {
  assert.deepEqual(rewrite("Un portavoz dijo a Efe que el PSOE y UGT firmarán .", [[4, 5, "PER"]]), ["Efe/ORG", "PSOE/ORG", "UGT/ORG"]);
  assert.deepEqual(rewrite("Los observadores de la OTAN llegaron ayer a la capital .", [[4, 5, "LOC"]]), ["OTAN/ORG"]);
});

test("a capitalised institution word alone or with its place is an organisation", () => {
  assert.deepEqual(rewrite("El Gobierno y la Junta negocian desde ayer .", []), ["Gobierno/ORG", "Junta/ORG"]);
  assert.deepEqual(rewrite("El portavoz de la Junta de Andalucía habló hoy .", [[6, 7, "LOC"]]), ["Junta de Andalucía/ORG"]);
  assert.deepEqual(rewrite("Lo firmó el Ministerio de Fomento en marzo .", [[3, 4, "ORG"]]), ["Ministerio de Fomento/ORG"]);
});

test("competitions, laws, portfolios and market indices are MISC", () => {
  assert.deepEqual(rewrite("El equipo ganó la Copa del Rey en abril .", [[4, 5, "LOC"]]), ["Copa del Rey/MISC"]);
  assert.deepEqual(rewrite("La reforma de la Ley de Costas llega al pleno .", [[4, 7, "ORG"]]), ["Ley de Costas/MISC"]);
  assert.deepEqual(rewrite("El texto de la Constitución no lo prevé .", []), ["Constitución/MISC"]);
  assert.deepEqual(rewrite("Recibió el premio Goya de Honor .", [[3, 4, "PER"]]), ["Goya de Honor/MISC"]);
  assert.deepEqual(rewrite("La ministra de Sanidad , Ana Ruiz , viajó .", [[5, 7, "PER"]]), ["Sanidad/MISC", "Ana Ruiz/PER"]);
  assert.deepEqual(rewrite("El Nikkei subió un 2 por ciento .", [[1, 2, "LOC"]]), ["Nikkei/MISC"]);
  // A common noun capitalised at the start of a sentence is no event.
  assert.deepEqual(rewrite("Plan de choque contra el paro .", []), []);
});

test("an acronym between brackets after a name takes its type", () => {
  assert.deepEqual(
    rewrite("La Unión de Pequeños Agricultores ( UPA ) protestó .", [[1, 5, "ORG"], [6, 7, "PER"]]),
    ["Unión de Pequeños Agricultores/ORG", "UPA/ORG"],
  );
});

test("a town after a masculine article, or after a player between brackets, is its club", () => {
  assert.deepEqual(rewrite("El gol del Sevilla llegó tarde .", [[3, 4, "LOC"]]), ["Sevilla/ORG"]);
  // Countries and regions take the article as places.
  assert.deepEqual(rewrite("Viajó por el Perú y el Tíbet .", [[3, 4, "LOC"], [6, 7, "LOC"]]), ["Perú/LOC", "Tíbet/LOC"]);
  assert.deepEqual(rewrite("Marcó Luis Gil ( Getafe ) de cabeza .", [[1, 3, "PER"], [4, 5, "LOC"]]), ["Luis Gil/PER", "Getafe/ORG"]);
});

test("a name after a noun of firms is an organisation", () => {
  assert.deepEqual(rewrite("La empresa alemana Krupfen cerró la planta .", [[3, 4, "PER"]]), ["Krupfen/ORG"]);
});

test("roman numerals and line headings before a colon are no names", () => {
  assert.deepEqual(rewrite("Una casa del siglo XV .", [[4, 5, "ORG"]]), []);
  assert.deepEqual(rewrite("Goles : ninguno en el partido .", [[0, 1, "ORG"]]), []);
});

test("a line-up is a team and its players; a name with a minute is a player", () => {
  assert.deepEqual(
    rewrite("Osasuna : Pérez ; Lago , Ruiz ( Soto , m.70 ) , Mora y Vidal .", [[0, 1, "LOC"], [2, 3, "ORG"], [4, 5, "LOC"], [6, 7, "PER"], [8, 9, "LOC"], [13, 14, "LOC"], [15, 16, "PER"]]),
    ["Osasuna/ORG", "Pérez/PER", "Lago/PER", "Ruiz/PER", "Soto/PER", "Mora/PER", "Vidal/PER"],
  );
  assert.deepEqual(rewrite("Vio la tarjeta Quiroga ( m.68 ) .", [[3, 4, "LOC"]]), ["Quiroga/PER"]);
});

test("a lone word next to a reporting verb is its speaker", () => {
  assert.deepEqual(rewrite("Galván dijo que no dimitirá .", []), ["Galván/PER"]);
  assert.deepEqual(rewrite("Todo saldrá bien , aseguró Otxoa .", [[5, 6, "LOC"]]), ["Otxoa/PER"]);
  assert.deepEqual(rewrite("Él dijo que no .", []), []);
});

test("a title in quotes after a noun of works is MISC, quotes included", () => {
  assert.deepEqual(rewrite('Estrenó la película " Días de lluvia " en Cannes .', [[4, 5, "PER"], [9, 10, "LOC"]]), ['" Días de lluvia "/MISC', "Cannes/LOC"]);
});

test("a firm's word makes a name an organisation; a Spanish region alone is a place", () => {
  assert.deepEqual(rewrite("Lo compró el Banco Atlántico en 1990 .", [[3, 5, "PER"]]), ["Banco Atlántico/ORG"]);
  assert.deepEqual(rewrite("Un grupo llegado de Extremadura y el Poder Judicial .", [[8, 9, "LOC"]]), ["Extremadura/LOC", "Poder Judicial/ORG"]);
});

test("a name after a noun of settlements and \"de\" is a place", () => {
  assert.deepEqual(rewrite("El alcalde de Ledanca de Arriba dimitió .", [[3, 4, "PER"]]), ["Ledanca de Arriba/LOC"]);
});

test("an unknown one-word place after a person in an enumeration is a person", () => {
  assert.deepEqual(rewrite("Jugaron Luis Gil , Otxandio y Berlanguez .", [[1, 3, "PER"], [4, 5, "LOC"], [6, 7, "LOC"]]), ["Luis Gil/PER", "Otxandio/PER", "Berlanguez/PER"]);
});
