import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { cleanTextDump, LineCorpus } from "../src/extract/textdump.ts";
import { renderPageText } from "../src/ingest/pagetext.ts";
import { parseDateText } from "../src/extract/dates.ts";
import { sharedPath } from "../eval/shared.ts";

const CEMO = sharedPath("samples/cemo-fr.txt");

test("cemo sample: title, publisher, date and a clean body", { skip: !existsSync(CEMO) && `missing ${CEMO}` }, () => {
  const dump = readFileSync(CEMO, "utf8");
  const r = cleanTextDump(dump);
  assert.equal(r.title, "Guerre en Ukraine : pourquoi Vladimir Poutine se rend en Biélorussie ?");
  assert.match(r.publisher ?? "", /CEMO/);
  const paragraphs = r.text.split("\n\n");
  assert.ok(paragraphs[0]!.startsWith("Vladimir Poutine est arrivé lundi 19 décembre en Biélorussie"), paragraphs[0]);
  assert.ok(r.text.endsWith("forces ukrainiennes."), r.text.slice(-60));
  assert.ok(paragraphs.includes("Convaincre Minsk d'entrer en guerre ?"), "sub-heading kept as its own paragraph");
  assert.equal(paragraphs.length, 6);
  assert.doesNotMatch(r.text, /^ad\b/m, "no ad marker");
  assert.doesNotMatch(r.text, /\p{Script=Arabic}/u, "no print label");
  assert.doesNotMatch(r.text, /^"$/m, "no stray quote");
  assert.ok(!r.text.includes("La Reference"), "no site name");
  assert.ok(!r.text.includes("07:31"), "no date line");
});

test("cemo sample: published date from the date line", {
  skip: !existsSync(CEMO) ? `missing ${CEMO}` : !parseDateText("lundi 19/décembre/2022 - 07:31") && "parseDateText does not parse French dates yet",
}, () => {
  assert.equal(cleanTextDump(readFileSync(CEMO, "utf8")).published, "2022-12-19T07:31");
});

const ENGLISH_DUMP = `Skip to content
Home
World
Business
Technology
Science
Opinion
Sign in
Harbour town votes to rebuild its flooded sea wall
Published by The Coastal Ledger
March 3, 2021 at 9:15 am
Share Tweet Email
Residents of the small harbour town voted on Tuesday to spend most of next year's budget on a new sea wall, after two winter storms pushed seawater into the main street.
The council had proposed three options, ranging from a cheap repair of the existing wall to a full reconstruction designed for a century of rising tides.
Advertisement
What the new wall will cost
Engineers estimate the reconstruction at about twelve million, to be shared between the town, the region and a national resilience fund.
Shopkeepers said they would close for a week during the works rather than lose another season to flooding.
Share Tweet Email
Most read
Ferry timetable changes for the summer
Local bakery wins regional award
School reopens after repairs
Newsletter
Sign up for our morning briefing
© 2021 The Coastal Ledger. All rights reserved.
Privacy Policy
Terms of Use`;

test("English dump: menu run, share bar, ad label, related links and footer are dropped", () => {
  const r = cleanTextDump(ENGLISH_DUMP);
  assert.equal(r.title, "Harbour town votes to rebuild its flooded sea wall");
  assert.equal(r.publisher, "The Coastal Ledger");
  const paragraphs = r.text.split("\n\n");
  assert.ok(paragraphs[0]!.startsWith("Residents of the small harbour town voted"), paragraphs[0]);
  assert.ok(paragraphs.at(-1)!.startsWith("Shopkeepers said"), paragraphs.at(-1));
  assert.ok(paragraphs.includes("What the new wall will cost"), "sub-heading kept");
  assert.equal(paragraphs.length, 5);
  for (const noise of ["Share Tweet", "Advertisement", "Most read", "Ferry timetable", "©", "Sign in", "9:15"]) {
    assert.ok(!r.text.includes(noise), `body holds "${noise}"`);
  }
});

test("Spanish dump: title before the date line, body up to the footer", () => {
  const dump = `Portada
Nacional
Internacional
Deportes
Cultura
El embalse del valle recupera su nivel tras las lluvias de primavera
12 de abril de 2023 - 18:40
Compartir
Las lluvias caídas durante las dos últimas semanas han devuelto al embalse del valle un nivel que no se veía desde hacía tres años, según los datos publicados este miércoles por la confederación hidrográfica.
Los regantes celebraron la noticia, aunque advirtieron de que una sola primavera húmeda no basta para compensar la sequía acumulada.
La confederación mantendrá las restricciones de riego hasta el verano.
Lee también: Los agricultores piden ayudas por la sequía
Más noticias
Un incendio obliga a desalojar dos viviendas
La feria del libro abre sus puertas
Aviso legal
Política de cookies`;
  const r = cleanTextDump(dump);
  assert.equal(r.title, "El embalse del valle recupera su nivel tras las lluvias de primavera");
  const paragraphs = r.text.split("\n\n");
  assert.equal(paragraphs.length, 3);
  assert.ok(paragraphs[0]!.startsWith("Las lluvias caídas"));
  assert.equal(paragraphs[2], "La confederación mantendrá las restricciones de riego hasta el verano.");
});

test("Russian dump: Latin-script labels and a trailing tag cloud are not body", () => {
  const dump = `Главная
Новости
Экономика
Общество
Спорт
В городе открылся новый мост через реку
Источник: городская пресс-служба
Print
Новый мост через реку открыли в субботу утром, на церемонии присутствовали жители соседних районов и представители городской администрации.
По словам инженеров, строительство заняло почти три года и обошлось дешевле, чем планировалось изначально.
Что изменится для водителей
Мост разгрузит центральные улицы, по которым сейчас проходит основной поток транспорта из пригородов.
Теги
мост река город транспорт строительство администрация пригород жители улицы поток водители центр район
Подписывайтесь на наш канал`;
  const r = cleanTextDump(dump);
  assert.equal(r.title, "В городе открылся новый мост через реку");
  const paragraphs = r.text.split("\n\n");
  assert.deepEqual(
    paragraphs.map((p) => p.slice(0, 20)),
    ["Новый мост через рек", "По словам инженеров,", "Что изменится для во", "Мост разгрузит центр"],
  );
  assert.ok(!r.text.includes("Print"));
});

test("corpus statistics: a line many dumps share is boilerplate even inside the body zone", () => {
  const footer = "Our journalism depends on readers like you, so please consider supporting us today.";
  const body = (topic: string) =>
    [
      `A long report about ${topic} that explains, in several clauses, what happened and why it matters to readers.`,
      footer,
      `A second paragraph on ${topic} adds detail, quotes and numbers, as a real article would do at this point.`,
    ].join("\n");
  const dumps = ["rivers", "bridges", "schools", "markets", "railways", "harbours"].map(body);
  const corpus = new LineCorpus(dumps);
  assert.equal(corpus.documentFrequency(footer), 6);
  assert.ok(cleanTextDump(dumps[0]!).text.includes(footer), "without stats the footer looks like prose");
  const cleaned = cleanTextDump(dumps[0]!, { corpus: corpus.leaveOneOut(dumps[0]!) });
  assert.ok(!cleaned.text.includes(footer));
  assert.equal(cleaned.text.split("\n\n").length, 2);
});

test("renderPageText: one line per block, scripts and hidden parts dropped", () => {
  const html = `<html><head><title>T</title><style>p{}</style></head><body><nav><ul><li>Home</li><li>News</li></ul></nav>
    <h1>Headline</h1><p>First <b>bold</b> paragraph.<br>After break.</p><script>var x=1;</script>
    <div hidden>secret</div><p style="display: none">gone</p><footer>© Site</footer></body></html>`;
  assert.equal(renderPageText(html), "Home\nNews\nHeadline\nFirst bold paragraph.\nAfter break.\n© Site");
});
