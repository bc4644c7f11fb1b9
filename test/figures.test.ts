import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { findFigures, parseDigits, type Figure } from "../src/understand/figures.ts";
import { sharedPath } from "../eval/shared.ts";

/** Every figure's offsets must slice its own text (and its counted noun's) out of the input. */
function checked(text: string, language: string): Figure[] {
  const figures = findFigures(text, language);
  for (const f of figures) {
    assert.equal(text.slice(f.start, f.end), f.text, "figure offsets");
    if (f.counted) assert.equal(text.slice(f.counted.start, f.counted.end), f.counted.text, "counted offsets");
    if (f.predicate) assert.equal(text.slice(f.predicate.start, f.predicate.end), f.predicate.text, "predicate offsets");
  }
  return figures;
}

type Row = [text: string, value: number, kind: string, unitOrCounted?: string, approximate?: boolean];

/** Compact view: [text, value, kind, unit ?? counted, approximate]. */
function rows(text: string, language: string): Row[] {
  return checked(text, language).map((f) => {
    const row: Row = [f.text, f.value, f.kind, f.unit ?? f.counted?.text];
    if (f.approximate) row.push(true);
    return row;
  });
}

// Sentences written for these tests (not taken from any evaluation data).
const CASES: Array<{ language: string; text: string; expected: Row[] }> = [
  {
    language: "en",
    text: "The company lost $1.5 billion, or 12% of its value, and cut 1,500 jobs in 3 months.",
    expected: [["$1.5 billion", 1.5e9, "money", "USD"], ["12%", 12, "percent", "%"], ["1,500", 1500, "count", "jobs"], ["3 months", 3, "duration", "month"]],
  },
  {
    language: "en",
    text: "Dozens of houses were damaged and twenty-three families lost power across 10 regions.",
    expected: [["Dozens", 24, "count", "houses", true], ["twenty-three", 23, "count", "families"], ["10", 10, "count", "regions"]],
  },
  {
    language: "fr",
    text: "Au moins quatre civils ont été tués et une vingtaine de maisons détruites, selon un bilan du 3 mars.",
    expected: [["quatre", 4, "count", "civils", true], ["vingtaine", 20, "count", "maisons détruites", true]],
  },
  {
    language: "fr",
    text: "Le projet coûtera 1,5 milliard d'euros et emploiera 2 500 ouvriers, soit 12,5 % de plus.",
    expected: [["1,5 milliard d'euros", 1.5e9, "money", "EUR"], ["2 500", 2500, "count", "ouvriers"], ["12,5 %", 12.5, "percent", "%"]],
  },
  {
    language: "es",
    text: "Más de 1.500 personas fueron evacuadas y tres soldados resultaron heridos el 4 de mayo de 2021.",
    expected: [["1.500", 1500, "count", "personas", true], ["tres", 3, "count", "soldados"]],
  },
  {
    language: "es",
    text: "El gobierno aprobó un paquete de 2.300 millones de dólares para veintitrés municipios.",
    expected: [["2.300 millones de dólares", 2.3e9, "money", "USD"], ["veintitrés", 23, "count", "municipios"]],
  },
  {
    language: "de",
    text: "Rund 1.200 Menschen mussten ihre Häuser verlassen, zehn ukrainische Soldaten wurden verletzt. Der Schaden beträgt 2,5 Millionen Euro.",
    expected: [["1.200", 1200, "count", "Menschen", true], ["zehn", 10, "count", "ukrainische Soldaten"], ["2,5 Millionen Euro", 2.5e6, "money", "EUR"]],
  },
  {
    language: "ru",
    text: "Около 1 500 человек были эвакуированы, трое раненых доставлены в больницу 12 октября 2022 года. Ущерб составил 3 млрд рублей.",
    expected: [["1 500", 1500, "count", "человек", true], ["трое", 3, "count", "раненых"], ["3 млрд рублей", 3e9, "money", "RUB"]],
  },
  {
    language: "uk",
    text: "Щонайменше трьох людей поранено, пошкоджено 15 будинків у 4 областях.",
    expected: [["трьох", 3, "count", "людей", true], ["15", 15, "count", "будинків"], ["4", 4, "count", "областях"]],
  },
  {
    language: "ar",
    text: "قتل ثلاثة أشخاص وأصيب ٢٣ آخرون في قصف استهدف المدينة، وبلغت الخسائر نحو 5 ملايين دولار.",
    expected: [["ثلاثة", 3, "count", "أشخاص"], ["٢٣", 23, "count", "آخرون"], ["5 ملايين دولار", 5e6, "money", "USD", true]],
  },
  {
    language: "it",
    text: "Almeno ventitré persone sono state ferite e 300 case distrutte.",
    expected: [["ventitré", 23, "count", "persone", true], ["300", 300, "count", "case"]],
  },
  {
    language: "nl",
    text: "Ongeveer drieëntwintig mensen raakten gewond en 4.500 huishoudens zaten zonder stroom.",
    expected: [["drieëntwintig", 23, "count", "mensen", true], ["4.500", 4500, "count", "huishoudens"]],
  },
  {
    language: "pt",
    text: "Cerca de 2.000 pessoas foram retiradas e três bombeiros ficaram feridos.",
    expected: [["2.000", 2000, "count", "pessoas", true], ["três", 3, "count", "bombeiros"]],
  },
];

for (const c of CASES) {
  test(`${c.language}: ${c.text.slice(0, 50)}`, () => {
    assert.deepEqual(rows(c.text, c.language), c.expected);
  });
}

test("'of which' / 'dont' / 'davon' / 'из них' count part of the previous figure's noun", () => {
  const cases: Array<[string, string, string, string]> = [
    ["en", "At least 23 drones were launched overnight, of which 18 were shot down.", "drones", "were shot down"],
    ["fr", "Vingt-trois de ces missiles ont été tirés, dont dix-huit ont été interceptés.", "missiles", "ont été interceptés"],
    ["de", "Mindestens dreiundzwanzig Drohnen wurden gestartet, davon 18 über der Hauptstadt.", "Drohnen", "über der Hauptstadt"],
    ["ru", "Силы ПВО сбили 23 беспилотника, из них 18 над Киевом.", "беспилотника", "над Киевом"],
  ];
  for (const [language, text, noun, predicate] of cases) {
    const [whole, part] = checked(text, language);
    assert.equal(whole?.value, 23, text);
    assert.equal(part?.value, 18, text);
    assert.equal(whole?.counted?.text, noun, text);
    assert.deepEqual(part?.counted, whole?.counted, "the part counts the same span");
    assert.equal(part?.predicate?.text, predicate, text);
  }
});

test("dates, years, clock times, phone numbers, ages, model names and list markers are no figures", () => {
  assert.deepEqual(rows("On 19 December 2022 at 07:31, Jane Doe, 45, called +33 1 23 45 67 89 about the F-16 deal signed in 2023.", "en"), []);
  assert.deepEqual(rows("Le 24 février 2022, à 10 heures, l'iPhone 4 était en vente depuis 2010.", "fr"), []);
  assert.deepEqual(rows("1. Einleitung\n2. Methoden", "de"), []);
  assert.deepEqual(rows("Ущерб оценили 12.10.2022 в 14:30, в 2021 году было тише.", "ru"), []);
  // A year-like number that counts something is a count.
  assert.deepEqual(rows("Police deployed 2000 officers.", "en"), [["2000", 2000, "count", "officers"]]);
});

test("ranges share the unit written once", () => {
  assert.deepEqual(rows("Prices rose 15-20% this year.", "en"), [["15", 15, "percent", "%"], ["20%", 20, "percent", "%"]]);
  assert.deepEqual(rows("Contracts worth US$300 to 350 million a year.", "en"), [["US$300", 3e8, "money", "USD"], ["350 million", 3.5e8, "money", "USD"]]);
});

test("units: clock times and ages are skipped, measures keep their unit", () => {
  assert.deepEqual(rows("The fire started after 3 a.m. (1200 UTC) and burned from March 15 to 17, open 24/7.", "en"), []);
  assert.deepEqual(rows("A 2 GB drive at 90 km/h, five seriously injured, 47.5 seconds.", "en"), [
    ["2 GB", 2, "measure", "GB"],
    ["90 km/h", 90, "measure", "km/h"],
    ["five", 5, "count", "seriously injured"],
    ["47.5 seconds", 47.5, "duration", "second"],
  ]);
  assert.deepEqual(rows("Le blessé, âgé de 45 ans, a été soigné; l'A380-800 et GBP738 millions.", "fr"), [["GBP738 millions", 738e6, "money", "GBP"]]);
});

test("digit groups follow the language's separators; other digit scripts are read", () => {
  assert.equal(parseDigits("1,500", false), 1500);
  assert.equal(parseDigits("1,500", true), 1.5);
  assert.equal(parseDigits("1.500", true), 1500);
  assert.equal(parseDigits("2.5", false), 2.5);
  assert.equal(parseDigits("1.500.000,25", true), 1500000.25);
  assert.equal(parseDigits("1\u202f500", true), 1500);
  assert.equal(parseDigits("١٢٣", false), 123);
  assert.equal(parseDigits("۱۵٫۵", false), 15.5);
  assert.deepEqual(rows("Il y avait 1 500 soldats.", "fr"), [["1 500", 1500, "count", "soldats"]]);
});

const CEMO = sharedPath("samples/cemo-fr.txt");

test("cemo sample: drones, the neutralised ones, the injured and the regions", { skip: !existsSync(CEMO) && `missing ${CEMO}` }, () => {
  const text = readFileSync(CEMO, "utf8");
  const figures = checked(text, "fr");
  const byValue = (value: number) => figures.find((f) => f.value === value && f.kind === "count");
  assert.equal(byValue(23)?.counted?.text, "engins");
  assert.equal(byValue(18)?.counted?.text, "engins");
  assert.match(byValue(18)?.predicate?.text ?? "", /neutralisés/);
  assert.equal(byValue(3)?.counted?.text, "personnes blessées");
  assert.equal(byValue(3)?.approximate, true);
  assert.equal(byValue(10)?.counted?.text, "régions");
  // The date line, "19 décembre" and "2023" are no figures.
  assert.ok(!figures.some((f) => [19, 2022, 2023, 24, 7].includes(f.value)), JSON.stringify(figures.map((f) => f.text)));
});

test("1 MB of figure-dense text runs in well under a second per MB", () => {
  const paragraph = "Selon les autorités, 23 de ces engins ont été abattus, dont 18 au-dessus de Kiev, le 19 décembre 2022 à 07:31. Plus de 1 500 personnes et une vingtaine de villages, soit 12,5 % et 3,2 milliards d'euros. ";
  const text = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
  const started = performance.now();
  const figures = findFigures(text, "fr");
  const elapsed = performance.now() - started;
  assert.ok(figures.length > 20000, `found ${figures.length}`);
  assert.ok(elapsed < 4000, `took ${elapsed.toFixed(0)} ms`);
});
