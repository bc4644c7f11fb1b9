import { test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { decodeDocument } from "../src/extract/decode.ts";
import { DocumentError } from "../src/errors.ts";

/** Paragraphs written for these tests (news-like, one per language); fixtures are encoded from them at run time. */
const PARAGRAPHS = {
  ru: "Вчера вечером в центре города прошёл большой митинг. Тысячи людей вышли на улицы, чтобы выразить своё недовольство новым законом о транспорте. Полиция сообщила, что акция прошла спокойно, задержанных нет. Мэр пообещал встретиться с организаторами на следующей неделе и обсудить их требования.",
  fr: "Le gouvernement a annoncé mercredi une série de mesures destinées à soutenir les agriculteurs touchés par la sécheresse. Selon le ministre, les aides seront versées dès le mois prochain. Les syndicats ont salué un « premier pas » mais réclament davantage d'efforts pour les régions les plus exposées.",
  de: "Die Stadtverwaltung hat am Dienstag überraschend angekündigt, dass die Brücke über den Fluss für zwei Wochen gesperrt wird. Pendler müssen sich auf längere Fahrzeiten einstellen. Ein Sprecher erklärte, die Prüfung der Stahlträger habe größere Schäden gezeigt als erwartet.",
  es: "El ayuntamiento aprobó ayer un nuevo plan para mejorar el transporte público en los barrios del norte. La alcaldesa explicó que las obras comenzarán en otoño y durarán casi dos años. Los vecinos, que llevaban años pidiendo más autobuses, recibieron la noticia con alegría, aunque algunos dudan de que se cumplan los plazos.",
  ja: "昨日の午後、東京都内で大規模な停電が発生し、約三万世帯に影響が出ました。電力会社によりますと、変電所の設備に不具合があったということです。停電は約二時間後に復旧しましたが、信号機が止まったため、交通が一時混乱しました。会社は原因を詳しく調べています。",
  zh: "昨天下午，市政府召开新闻发布会，宣布将在明年春季开通一条新的地铁线路。这条线路全长约二十五公里，共设十八个车站，连接城市东部的居民区和西部的商业中心。市民们对这一消息表示欢迎，希望能缓解交通拥堵的问题。",
  zhHant: "昨天下午，市政府召開記者會，宣布將在明年春季開通一條新的捷運路線。這條路線全長約二十五公里，共設十八個車站，連接城市東部的住宅區和西部的商業中心。市民們對這一消息表示歡迎，希望能緩解交通擁堵的問題。",
  ar: "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في شمال البلاد، يضم أكثر من مئتي سرير. وقال الوزير إن المستشفى سيخدم عشرات القرى التي كانت تفتقر إلى الرعاية الطبية. ومن المتوقع أن يبدأ استقبال المرضى في بداية الشهر المقبل.",
  ko: "서울시는 어제 새로운 대중교통 계획을 발표했다. 시는 내년부터 버스 노선을 개편하고 지하철 운행 횟수를 늘릴 예정이라고 밝혔다. 시민들은 출퇴근 시간이 줄어들 것이라며 환영의 뜻을 나타냈다.",
};
type Lang = keyof typeof PARAGRAPHS;

/** [language, encoding to write with iconv-lite, WHATWG label expected back]. */
const ENCODED: Array<[Lang, string, string]> = [
  ["ru", "windows-1251", "windows-1251"],
  ["ru", "koi8-r", "koi8-r"],
  ["fr", "windows-1252", "windows-1252"],
  ["fr", "iso-8859-1", "windows-1252"],
  ["de", "windows-1252", "windows-1252"],
  ["de", "iso-8859-1", "windows-1252"],
  ["es", "windows-1252", "windows-1252"],
  ["ja", "shift_jis", "shift_jis"],
  ["ja", "euc-jp", "euc-jp"],
  ["zh", "gb18030", "gb18030"],
  ["zh", "gbk", "gb18030"], // GB18030 is a superset of GBK: same text either way.
  ["zhHant", "big5", "big5"],
  ["ko", "euc-kr", "euc-kr"],
  ["ar", "windows-1256", "windows-1256"],
  ["ru", "utf-16le", "utf-16le"],
  ["ar", "utf-16le", "utf-16le"],
  ["ja", "utf-16le", "utf-16le"],
  ["zh", "utf-16be", "utf-16be"],
  ["de", "utf-16be", "utf-16be"],
];

const article = (lang: Lang) => `${PARAGRAPHS[lang]}\n\n${PARAGRAPHS[lang]}\n`;
const page = (body: string, head = "") =>
  `<!DOCTYPE html>\n<html>\n<head>${head}<title>Nachrichten</title></head>\n<body><div class="story"><p>${body}</p>\n<p>${body}</p></div></body>\n</html>\n`;

function problem(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof DocumentError, `expected a DocumentError, got ${error}`);
    assert.doesNotMatch(error.message, /\n/, "one-line message");
    return error.problem;
  }
  assert.fail("expected a DocumentError");
}

for (const [lang, encoding, label] of ENCODED) {
  test(`${lang} text in ${encoding} (no BOM, no declaration) -> ${label}`, () => {
    const text = article(lang);
    const decoded = decodeDocument(iconv.encode(text, encoding), { source: "t" });
    assert.equal(decoded.encoding, label);
    assert.equal(decoded.text, text);
    assert.equal(decoded.kind, "text");
  });

  test(`${lang} HTML in ${encoding} without <meta charset> -> ${label}`, () => {
    const html = page(PARAGRAPHS[lang]);
    const decoded = decodeDocument(iconv.encode(html, encoding), { source: "t" });
    assert.equal(decoded.encoding, label);
    assert.equal(decoded.text, html);
    assert.equal(decoded.kind, "html");
  });

  if (!encoding.startsWith("utf-16")) {
    test(`${lang} HTML in ${encoding} with <meta charset=${encoding}> -> ${label}`, () => {
      const html = page(PARAGRAPHS[lang], `<meta http-equiv="Content-Type" content="text/html; charset=${encoding}">`);
      const decoded = decodeDocument(iconv.encode(html, encoding), { source: "t" });
      assert.equal(decoded.encoding, encoding === "gbk" ? "gbk" : label);
      assert.equal(decoded.text, html);
      assert.deepEqual(decoded.warnings, []);
    });
  }
}

test("byte-order marks decide and are stripped: UTF-8, UTF-16LE, UTF-16BE, UTF-32LE", () => {
  const text = article("fr");
  const withBom = (encoding: string) => iconv.encode(text, encoding, { addBOM: true });
  for (const [encoding, label] of [["utf-8", "utf-8"], ["utf-16le", "utf-16le"], ["utf-16be", "utf-16be"], ["utf-32le", "utf-32le"]]) {
    const decoded = decodeDocument(withBom(encoding!), { source: "t" });
    assert.equal(decoded.encoding, label);
    assert.equal(decoded.text, text);
    assert.deepEqual(decoded.warnings, []);
  }
});

test("a UTF-16LE BOM beats a lying <meta charset>", () => {
  const html = page(PARAGRAPHS.ru, '<meta charset="windows-1251">');
  const decoded = decodeDocument(iconv.encode(html, "utf-16le", { addBOM: true }), { source: "t" });
  assert.equal(decoded.encoding, "utf-16le");
  assert.equal(decoded.text, html);
});

test("plain UTF-8 multilingual text is utf-8 without warnings", () => {
  const text = Object.values(PARAGRAPHS).join("\n\n");
  const decoded = decodeDocument(Buffer.from(text), { source: "t" });
  assert.deepEqual(decoded, { text, encoding: "utf-8", kind: "text", warnings: [] });
});

test("a lying <meta charset=iso-8859-1> on UTF-8 bytes: read as utf-8, with a warning", () => {
  const html = page(PARAGRAPHS.de, '<meta charset="iso-8859-1">');
  const decoded = decodeDocument(Buffer.from(html), { source: "t" });
  assert.equal(decoded.encoding, "utf-8");
  assert.equal(decoded.text, html);
  assert.match(decoded.warnings.join("\n"), /declares windows-1252 but the bytes are valid UTF-8/);
});

test("a lying Content-Type charset=utf-8 on windows-1251 bytes: detected, with a warning", () => {
  const text = article("ru");
  const decoded = decodeDocument(iconv.encode(text, "windows-1251"), { source: "t", contentType: "text/plain; charset=UTF-8" });
  assert.equal(decoded.encoding, "windows-1251");
  assert.equal(decoded.text, text);
  assert.match(decoded.warnings.join("\n"), /Content-Type declares utf-8 but the bytes are not valid UTF-8/);
});

test("a lying <meta charset=windows-1252> on Russian windows-1251 bytes is overruled", () => {
  const html = page(PARAGRAPHS.ru, '<meta charset="windows-1252">');
  const decoded = decodeDocument(iconv.encode(html, "windows-1251"), { source: "t" });
  assert.equal(decoded.encoding, "windows-1251");
  assert.equal(decoded.text, html);
  assert.match(decoded.warnings.join("\n"), /declares windows-1252 but the text reads as windows-1251/);
});

test("a lying <meta charset=shift_jis> on EUC-JP bytes is overruled", () => {
  const html = page(PARAGRAPHS.ja, '<meta charset="shift_jis">');
  const decoded = decodeDocument(iconv.encode(html, "euc-jp"), { source: "t" });
  assert.equal(decoded.encoding, "euc-jp");
  assert.equal(decoded.text, html);
  assert.equal(decoded.warnings.length, 1);
});

test("an honest declaration of a close cousin is kept (windows-1250 Polish is not 'corrected')", () => {
  const polish = "Wczoraj wieczorem w Łodzi odbyło się spotkanie mieszkańców z władzami miasta. Rozmawiano o budowie nowej linii tramwajowej, która ma połączyć północne dzielnice z centrum. Prezydent zapowiedział, że prace ruszą jesienią.";
  const html = page(polish, '<meta charset="windows-1250">');
  const decoded = decodeDocument(iconv.encode(html, "windows-1250"), { source: "t" });
  assert.equal(decoded.encoding, "windows-1250");
  assert.equal(decoded.text, html);
  assert.deepEqual(decoded.warnings, []);
});

test("an XML declaration and a Content-Type charset are honoured; latin1/ascii labels map to windows-1252", () => {
  const xml = `<?xml version="1.0" encoding="KOI8-R"?>\n<html><body><p>${PARAGRAPHS.ru}</p></body></html>`;
  assert.equal(decodeDocument(iconv.encode(xml, "koi8-r"), { source: "t" }).encoding, "koi8-r");
  const ascii = "Plain ASCII report about the weather, nothing else.";
  assert.equal(decodeDocument(Buffer.from(ascii), { source: "t", contentType: "text/plain; charset=latin1" }).encoding, "windows-1252");
  assert.equal(decodeDocument(Buffer.from(ascii), { source: "t", contentType: "text/plain; charset=US-ASCII" }).encoding, "windows-1252");
  assert.equal(decodeDocument(Buffer.from(ascii), { source: "t" }).encoding, "utf-8");
});

test("ISO-2022-JP (7-bit, escape sequences) is recognised", () => {
  // こんにちは in ISO-2022-JP, hand-assembled: iconv-lite has no encoder for it.
  const decoded = decodeDocument(Buffer.from("\x1b$B$3$s$K$A$O\x1b(B", "latin1"), { source: "t" });
  assert.equal(decoded.encoding, "iso-2022-jp");
  assert.equal(decoded.text, "こんにちは");
});

test("mixed encodings: UTF-8 text with a few windows-1252 bytes stays utf-8 and warns", () => {
  const good = Buffer.from(article("de").repeat(3));
  const bad = iconv.encode(" Café und Müsli. ", "windows-1252");
  const decoded = decodeDocument(Buffer.concat([good, bad, good]), { source: "t" });
  assert.equal(decoded.encoding, "utf-8");
  assert.match(decoded.warnings.join("\n"), /mixed encodings/);
  assert.match(decoded.warnings.join("\n"), /2 invalid byte sequence\(s\) replaced with U\+FFFD/);
  assert.ok(decoded.text.startsWith(article("de")));
});

test("errors: empty, whitespace only, binary junk, magic numbers, undecodable gzip", () => {
  assert.equal(problem(() => decodeDocument(new Uint8Array(0), { source: "t" })), "empty file (0 bytes)");
  assert.match(problem(() => decodeDocument(Buffer.from(" \n\t\r\n  \n"), { source: "t" })), /^whitespace only/);
  assert.match(problem(() => decodeDocument(iconv.encode("\u3000\n ", "utf-16le", { addBOM: true }), { source: "t" })), /^whitespace only/);
  assert.match(problem(() => decodeDocument(seededBytes(42, 10_000), { source: "t" })), /^binary data, not text: \d+% of the bytes/);
  assert.match(problem(() => decodeDocument(seededBytes(7, 300), { source: "t" })), /^binary data/);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), seededBytes(1, 500)]);
  assert.equal(problem(() => decodeDocument(png, { source: "t" })), "binary file: a PNG image, not a text document");
  assert.match(problem(() => decodeDocument(Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj"), { source: "t" })), /PDF document/);
  assert.match(problem(() => decodeDocument(Buffer.from("\x7fELF\x02\x01\x01\0\0\0", "latin1"), { source: "t" })), /ELF executable/);
  assert.match(problem(() => decodeDocument(Buffer.from([0x1f, 0x8b, 0x08, 0, 1, 2, 3]), { source: "t" })), /^gzip-compressed but corrupt/);
  const error = (() => {
    try {
      decodeDocument(new Uint8Array(0), { source: "dir/a.html" });
    } catch (e) {
      return e as Error;
    }
  })();
  assert.equal(error?.message, "dir/a.html: empty file (0 bytes)");
});

test("gzip input is decompressed transparently, with a warning", () => {
  const html = page(PARAGRAPHS.es);
  const decoded = decodeDocument(gzipSync(iconv.encode(html, "windows-1252")), { source: "t.html.gz" });
  assert.equal(decoded.text, html);
  assert.equal(decoded.encoding, "windows-1252");
  assert.deepEqual(decoded.warnings, ["input was gzip-compressed and has been decompressed"]);
});

test("truncation: text cut mid-character, HTML without </html>", () => {
  const bytes = Buffer.from(article("ja"));
  const cut = decodeDocument(bytes.subarray(0, bytes.length - 2), { source: "t" });
  assert.equal(cut.encoding, "utf-8");
  assert.ok(cut.warnings.includes("text ends mid-character: the file looks truncated"), cut.warnings.join("; "));
  assert.ok(!cut.text.includes("\uFFFD"));
  assert.equal(cut.warnings.length, 1, cut.warnings.join("; "));

  const sjis = iconv.encode(article("ja"), "shift_jis");
  const cutSjis = decodeDocument(sjis.subarray(0, sjis.length - 2), { source: "t" });
  assert.equal(cutSjis.encoding, "shift_jis");
  assert.ok(cutSjis.warnings.includes("text ends mid-character: the file looks truncated"), cutSjis.warnings.join("; "));

  const html = page(`${PARAGRAPHS.fr} ${PARAGRAPHS.de} ${PARAGRAPHS.es} ${PARAGRAPHS.fr}`);
  assert.ok(html.length * 0.8 > 2000);
  const cutAt = html.indexOf(" ", Math.floor(html.length * 0.8));
  const truncated = decodeDocument(Buffer.from(html.slice(0, cutAt)), { source: "t" });
  assert.equal(truncated.kind, "html");
  assert.deepEqual(truncated.warnings, ["HTML looks truncated: it stops mid-tag or mid-text, without </html>"]);
  // Omitting </body></html> is valid HTML: not a truncation.
  const omitted = html.replace(/<\/body>\s*<\/html>\s*$/, "<script>track();</script>\n");
  assert.notEqual(omitted, html);
  assert.deepEqual(decodeDocument(Buffer.from(omitted), { source: "t" }).warnings, []);
  assert.deepEqual(decodeDocument(Buffer.from(html), { source: "t" }).warnings, []);
});

test("kind: HTML fragments by tag density; text that mentions a tag stays text", () => {
  const fragment = `<div class="a"><h2>Titre</h2><p>${PARAGRAPHS.fr}</p><p>${PARAGRAPHS.fr}</p></div>`;
  assert.equal(decodeDocument(Buffer.from(fragment), { source: "t" }).kind, "html");
  const prose = `${PARAGRAPHS.fr}\n\nIn HTML a paragraph is written <p>, a line break <br>.\n\n${PARAGRAPHS.de}`;
  assert.equal(decodeDocument(Buffer.from(prose), { source: "t" }).kind, "text");
  const late = `\n\n<!-- saved page -->\n<HTML lang="de"><BODY><P>${PARAGRAPHS.de}</P></BODY></HTML>`;
  assert.equal(decodeDocument(Buffer.from(late), { source: "t" }).kind, "html");
});

test("a 50 MB HTML page is truncated to the cap in bounded time and memory", () => {
  const paragraph = `<p>${PARAGRAPHS.ru}</p>\n`;
  const repeats = Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(paragraph));
  const bytes = Buffer.from(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n${paragraph.repeat(repeats)}</body></html>`);
  assert.ok(bytes.length >= 50 * 1024 * 1024);
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const decoded = decodeDocument(bytes, { source: "big.html" });
  const ms = performance.now() - started;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  assert.equal(decoded.encoding, "utf-8");
  assert.equal(decoded.kind, "html");
  assert.ok(decoded.text.length <= 20 * 1024 * 1024);
  assert.equal(decoded.warnings.length, 1, decoded.warnings.join("; "));
  assert.ok(decoded.text.length > 10 * 1024 * 1024);
  assert.match(decoded.warnings[0] ?? "", /^document is 50 MB, over the 20 MB cap/);
  assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
  assert.ok(heapMb < 200, `heap grew ${heapMb.toFixed(0)} MB`);
  console.log(`# 50 MB page: ${ms.toFixed(0)} ms, heap +${heapMb.toFixed(0)} MB, ${decoded.text.length} chars kept`);
});

test("non-ASCII text after a long ASCII <head> is still detected", () => {
  const script = `<script>${"var x = 1; // setup\n".repeat(20_000)}</script>`;
  const html = page(PARAGRAPHS.ru, script);
  assert.ok(html.indexOf("В") > 256 * 1024);
  const decoded = decodeDocument(iconv.encode(html, "windows-1251"), { source: "t" });
  assert.equal(decoded.encoding, "windows-1251");
  assert.equal(decoded.text, html);
});

test("the cap is configurable", () => {
  const text = article("fr").repeat(10);
  const decoded = decodeDocument(Buffer.from(text), { source: "t", maxBytes: 1000 });
  assert.ok(decoded.text.length <= 1000);
  assert.ok(text.startsWith(decoded.text));
  assert.match(decoded.warnings[0] ?? "", /^document is 7 KB, over the 1 KB cap: only the first 1 KB were read$/);
});

/** Deterministic junk (mulberry32), so a failure reproduces. */
function seededBytes(seed: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}
