import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { findQuotes, type Quote } from "../src/understand/quotes.ts";
import { sharedPath } from "../eval/shared.ts";

/** Every quote's offsets must slice its own text out of the input. */
function checked(text: string, language: string, opts?: Parameters<typeof findQuotes>[2]): Quote[] {
  const quotes = findQuotes(text, language, opts);
  for (const q of quotes) {
    assert.equal(text.slice(q.start, q.end), q.text, "quote offsets");
    if (q.speaker) assert.equal(text.slice(q.speaker.start, q.speaker.end), q.speaker.text, "speaker offsets");
  }
  return quotes;
}

function pairs(text: string, language: string): Array<[string, string | undefined]> {
  return checked(text, language).map((q) => [q.text, q.speaker?.text]);
}

// Sentences written for these tests (not taken from any evaluation data).
const CASES: Array<{ language: string; text: string; expected: Array<[string, string | undefined]>; style?: string }> = [
  { language: "en", text: "“We will not retreat from the city,” Mayor Anna Kowalski said on Tuesday. The council was less sure.", expected: [["We will not retreat from the city", "Anna Kowalski"]], style: "curly" },
  { language: "en", text: "“The bridge is closed until further notice,” said Tom Baker, a spokesman for the transport agency.", expected: [["The bridge is closed until further notice", "Tom Baker"]] },
  { language: "en", text: "According to Maria Lopez, the harvest was \"the worst in twenty years\".", expected: [["the worst in twenty years", "Maria Lopez"]], style: "straight" },
  { language: "en", text: "“This is a test of the system,” said Dr. Jane Smith.", expected: [["This is a test of the system", "Jane Smith"]] },
  { language: "fr", text: "« Nous ne céderons pas aux menaces », a déclaré le ministre de l'Intérieur, Jean Dupont, lundi.", expected: [["Nous ne céderons pas aux menaces", "Jean Dupont"]], style: "guillemets" },
  { language: "es", text: "“No vamos a ceder ante la presión”, dijo el presidente Luis García en una rueda de prensa.", expected: [["No vamos a ceder ante la presión", "Luis García"]] },
  { language: "es", text: "Según la portavoz Elena Torres, la situación es “muy grave y preocupante”.", expected: [["muy grave y preocupante", "Elena Torres"]] },
  { language: "es", text: "—No vamos a ceder —dijo el ministro Pedro Ruiz—. Lo haremos por la gente.", expected: [["No vamos a ceder", "Pedro Ruiz"], ["Lo haremos por la gente.", "Pedro Ruiz"]], style: "dash" },
  { language: "de", text: "„Wir werden die Grenze nicht schließen“, sagte Innenministerin Petra Schmidt am Montag.", expected: [["Wir werden die Grenze nicht schließen", "Petra Schmidt"]], style: "low-high" },
  { language: "de", text: "„Die Lage ist ernst, aber stabil“, so Klaus Weber.", expected: [["Die Lage ist ernst, aber stabil", "Klaus Weber"]] },
  { language: "de", text: "„Das war ein Fehler der Regierung“, gab Anna Berger zu.", expected: [["Das war ein Fehler der Regierung", "Anna Berger"]] },
  { language: "es", text: "“No habrá más recortes este año”, aclaró Marta Gil en Madrid.", expected: [["No habrá más recortes este año", "Marta Gil"]] },
  { language: "de", text: "Der Sprecher des Ministeriums sagte: »Wir prüfen alle Optionen sorgfältig.«", expected: [["Wir prüfen alle Optionen sorgfältig.", "Der Sprecher des Ministeriums"]], style: "guillemets" },
  { language: "ru", text: "«Мы не допустим эскалации конфликта», — заявил министр иностранных дел Сергей Иванов.", expected: [["Мы не допустим эскалации конфликта", "Сергей Иванов"]] },
  { language: "ru", text: "— Мы готовы к переговорам, — сказал Андрей Петров. — Но условия должны быть честными.", expected: [["Мы готовы к переговорам", "Андрей Петров"], ["Но условия должны быть честными.", "Андрей Петров"]], style: "dash" },
  { language: "ru", text: "По словам Ольги Смирновой, ситуация остается «крайне напряженной и опасной».", expected: [["крайне напряженной и опасной", "Ольги Смирновой"]] },
  { language: "uk", text: "«Ми не здамося і будемо боротися до кінця», — заявив мер міста Олег Коваленко.", expected: [["Ми не здамося і будемо боротися до кінця", "Олег Коваленко"]] },
  { language: "uk", text: "За словами речниці Ірини Шевченко, обстріл тривав «понад три години поспіль».", expected: [["понад три години поспіль", "Ірини Шевченко"]] },
  { language: "ar", text: "وقال المتحدث باسم الوزارة أحمد سعيد إن \"الوضع تحت السيطرة تماما في المدينة\".", expected: [["الوضع تحت السيطرة تماما في المدينة", "المتحدث باسم الوزارة أحمد سعيد"]] },
  { language: "ar", text: "«لن نتراجع عن مطالبنا المشروعة»، قالت الناشطة ليلى حسن.", expected: [["لن نتراجع عن مطالبنا المشروعة", "الناشطة ليلى حسن"]] },
  { language: "it", text: "«Non abbiamo paura delle minacce», ha detto il sindaco Marco Rossi.", expected: [["Non abbiamo paura delle minacce", "Marco Rossi"]] },
  { language: "nl", text: "\"We gaan de haven niet sluiten\", zei burgemeester Jan de Vries.", expected: [["We gaan de haven niet sluiten", "Jan de Vries"]] },
  { language: "pt", text: "\"Não vamos desistir da reforma\", afirmou o ministro João Silva.", expected: [["Não vamos desistir da reforma", "João Silva"]] },
];

for (const c of CASES) {
  test(`${c.language}: ${c.text.slice(0, 50)}`, () => {
    const quotes = checked(c.text, c.language);
    assert.deepEqual(quotes.map((q) => [q.text, q.speaker?.text]), c.expected);
    if (c.style) assert.ok(quotes.every((q) => q.style === c.style), JSON.stringify(quotes.map((q) => q.style)));
    assert.ok(quotes.every((q) => q.verb), "each attributed quote names its verb");
  });
}

test("a one-word scare quote without attribution is dropped, an attributed one kept", () => {
  const text = "The so-called \"green\" zone was empty. Residents called the plan \"a disaster\".";
  assert.deepEqual(pairs(text, "en"), [["a disaster", "Residents"]]);
});

test("verbs that attribute only after a quote, and a capitalised negation, open no speaker elsewhere", () => {
  // "gibt" says something only right after a quote ("„…“, gab X zu"); "No" opens a sentence, no name.
  assert.deepEqual(pairs("Es gibt „keine schnelle Lösung für das Problem“ in der Stadt.", "de"), [["keine schnelle Lösung für das Problem", undefined]]);
  assert.deepEqual(pairs("Ana Ruiz habló ayer. No se reveló el “plan secreto” del gobierno.", "es"), []);
});

test("a long unattributed quotation is kept without a speaker", () => {
  const text = "The sign on the door read “Closed for the winter season until further notice” in red letters.";
  assert.deepEqual(pairs(text, "en"), [["Closed for the winter season until further notice", undefined]]);
});

test("a pronoun in a later paragraph carries the last speaker", () => {
  const text = "Le maire de Lyon, Claire Martin, a affirmé que la ville était « prête à accueillir les réfugiés ».\n\n« Nous avons prévu trois centres d'accueil », a-t-elle ajouté.";
  assert.deepEqual(pairs(text, "fr"), [
    ["prête à accueillir les réfugiés", "Claire Martin"],
    ["Nous avons prévu trois centres d'accueil", "Claire Martin"],
  ]);
  const en = "The minister told reporters that the talks were “very productive and frank”. He added: “We expect a deal by Friday.”";
  assert.deepEqual(pairs(en, "en"), [
    ["very productive and frank", "The minister"],
    ["We expect a deal by Friday.", "The minister"],
  ]);
});

test("a quotation over two paragraphs keeps its speaker", () => {
  const text = "Officer Mark Reyes said: “The crowd was calm for most of the evening.\n\n“Then the lights went out and people started to run.”";
  const quotes = checked(text, "en");
  assert.deepEqual(quotes.map((q) => [q.text, q.speaker?.text]), [
    ["The crowd was calm for most of the evening.", "Mark Reyes"],
    ["Then the lights went out and people started to run.", "Mark Reyes"],
  ]);
});

test("the sentence before a whole-sentence quote attributes it", () => {
  const text = "Senator Paula Grant spoke to the press after the vote. She said the bill would pass.\n“We have the numbers and we will use them.”";
  assert.deepEqual(pairs(text, "en"), [["We have the numbers and we will use them.", "Paula Grant"]]);
});

test("the sentence after a whole-sentence quote attributes it", () => {
  const text = "“We will rebuild the school before winter.” The promise came from Ana Ruiz, who said it twice.";
  assert.deepEqual(pairs(text, "en"), [["We will rebuild the school before winter.", "Ana Ruiz"]]);
});

test("Arabic names come from person spans when given", () => {
  const text = "وقال وزير الخارجية سامي يوسف للصحفيين إن \"المحادثات كانت صعبة للغاية\".";
  const name = "سامي يوسف";
  const start = text.indexOf(name);
  const quotes = checked(text, "ar", { people: [{ start, end: start + name.length, text: name }] });
  assert.deepEqual(quotes.map((q) => [q.text, q.speaker?.text, q.verb]), [["المحادثات كانت صعبة للغاية", name, "وقال"]]);
});

test("person spans from NER take precedence over capitalised-word guesses", () => {
  const text = "“Prices will fall by spring,” economist van der Berg of Rabobank said.";
  const start = text.indexOf("van der Berg");
  const people = [{ start, end: start + "van der Berg".length, text: "van der Berg" }];
  const quotes = checked(text, "en", { people });
  assert.equal(quotes[0]?.speaker?.text, "van der Berg");
});

test("apostrophes are not quotation marks, and unknown languages fall back to English", () => {
  const text = "It’s the farmers’ market, and ‘nobody wants to leave early today’, said Lena Park.";
  assert.deepEqual(pairs(text, "xx"), [["nobody wants to leave early today", "Lena Park"]]);
});

const CEMO = sharedPath("samples/cemo-fr.txt");

test("cemo sample: Peskov's words and the authorities' reports", { skip: !existsSync(CEMO) && `missing ${CEMO}` }, () => {
  const text = readFileSync(CEMO, "utf8");
  const quotes = checked(text, "fr");
  const speakerOf = (words: string) => quotes.find((q) => q.text === words)?.speaker?.text;
  assert.equal(speakerOf("stupides"), "Dmitri Peskov");
  assert.equal(speakerOf("sans fondement"), "Dmitri Peskov");
  assert.equal(speakerOf("plusieurs infrastructures et maisons"), "Les autorités locales");
  assert.equal(speakerOf("difficile"), "Ukrenergo");
});

test("1 MB of text with many stray marks runs in well under a second per MB", () => {
  const paragraph = "« Nous tiendrons », a déclaré le général Paul Durand, alors que \"la ligne tient\" et qu'un « mot restait ouvert. " + "Les 5\" de pluie ont été signalés par le maire. ";
  const text = (paragraph.repeat(8) + "\n\n").repeat(Math.ceil(1_000_000 / (paragraph.length * 8 + 2)));
  const started = performance.now();
  const quotes = findQuotes(text, "fr");
  const elapsed = performance.now() - started;
  assert.ok(quotes.length > 1000, `found ${quotes.length}`);
  assert.ok(elapsed < 3000, `took ${elapsed.toFixed(0)} ms`);
});
