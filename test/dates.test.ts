import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHtml } from "../src/extract/dom.ts";
import { findHtmlDates, parseDateText } from "../src/extract/dates.ts";
import { sharedPath, readMaybeGzip } from "../eval/shared.ts";

const REFERENCE = new Date("2023-01-10T12:00:00Z");
const NOW = new Date("2023-06-01T00:00:00Z");

const page = (head: string, body: string) =>
  parseHtml(`<!doctype html><html lang="en"><head><title>T</title>${head}</head><body>${body}</body></html>`);

test("parseDateText: the text-dump date line with the month between slashes", () => {
  assert.equal(parseDateText("lundi 19/décembre/2022 - 07:31"), "2022-12-19T07:31");
});

test("parseDateText: month names in many languages, genitive forms included", () => {
  const cases: [string, string][] = [
    ["Published 3 March 2021", "2021-03-03"],
    ["Updated on March 3rd, 2021", "2021-03-03"],
    ["Veröffentlicht am 3. März 2021", "2021-03-03"],
    ["Mittwoch, 14. Jänner 2015", "2015-01-14"],
    ["19 décembre 2022", "2022-12-19"],
    ["publicado el 5 de mayo de 2020", "2020-05-05"],
    ["pubblicato il 12 settembre 2019", "2019-09-12"],
    ["atualizado em 7 de outubro de 2020", "2020-10-07"],
    ["geplaatst op 21 maart 2018", "2018-03-21"],
    ["3 марта 2022", "2022-03-03"],
    ["опубліковано 3 березня 2022 р., 14:05", "2022-03-03T14:05"],
    ["15 листопада 2021", "2021-11-15"],
    ["12 października 2020", "2020-10-12"],
    ["٣ مارس ٢٠٢٢", "2022-03-03"],
    ["الخميس 5 آذار 2020", "2020-03-05"],
    ["2022年3月3日 10:15", "2022-03-03T10:15"],
    ["2020년 7월 9일", "2020-07-09"],
  ];
  for (const [text, iso] of cases) assert.equal(parseDateText(text), iso, text);
});

test("parseDateText: Persian digits and the Solar Hijri calendar", () => {
  assert.equal(parseDateText("۱۵ فروردین ۱۴۰۱"), "2022-04-04");
  assert.equal(parseDateText("۱۳۹۹/۰۴/۱۲"), "2020-07-02");
});

test("parseDateText: numeric dates, d/m/y unless the reader is American", () => {
  assert.equal(parseDateText("19.12.2022, 07:31 Uhr"), "2022-12-19T07:31");
  assert.equal(parseDateText("05/04/2021", { language: "fr" }), "2021-04-05");
  assert.equal(parseDateText("05/04/2021", { language: "en" }), "2021-05-04");
  assert.equal(parseDateText("12/25/2020", { language: "fr" }), "2020-12-25");
  assert.equal(parseDateText("2020-06-07"), "2020-06-07");
});

test("parseDateText: offsets only when the text gives one", () => {
  assert.equal(parseDateText("March 3, 2021 at 7:31 pm EST"), "2021-03-03T19:31-05:00");
  assert.equal(parseDateText("Mon, 19 Dec 2022 07:31:00 +0100"), "2022-12-19T07:31:00+01:00");
  assert.equal(parseDateText("2022-12-19T07:31:00Z"), "2022-12-19T07:31:00Z");
});

test("parseDateText: relative forms against the reference", () => {
  const opts = { reference: REFERENCE };
  assert.equal(parseDateText("il y a 3 heures", { ...opts, language: "fr" })?.slice(0, 16), "2023-01-10T09:00");
  assert.equal(parseDateText("vor 2 Tagen", { ...opts, language: "de" }), "2023-01-08");
  assert.equal(parseDateText("yesterday", opts), "2023-01-09");
  assert.equal(parseDateText("3 hours ago", opts)?.slice(0, 16), "2023-01-10T09:00");
  assert.equal(parseDateText("вчера", { ...opts, language: "ru" }), "2023-01-09");
  assert.equal(parseDateText("hace 2 días", opts), "2023-01-08");
  assert.equal(parseDateText("منذ 3 ساعات", opts), "2023-01-10T09:00Z");
});

test("parseDateText: no date, no answer", () => {
  assert.equal(parseDateText("Version 1.2.3 of the tool"), undefined);
  assert.equal(parseDateText("31 February 2021"), undefined);
});

test("findHtmlDates: JSON-LD, also inside @graph, with its offset", () => {
  const ld = {
    "@context": "https://schema.org",
    "@graph": [
      { "@type": "Person", name: "A. Writer", birthDate: "1970-01-01" },
      { "@type": "NewsArticle", datePublished: "2022-12-19T07:31:00+01:00", dateModified: "2022-12-20T09:00:00+01:00" },
    ],
  };
  const doc = page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, "<h1>Title</h1><p>Body</p>");
  const found = findHtmlDates(doc, { now: NOW });
  assert.equal(found.published, "2022-12-19T07:31:00+01:00");
  assert.equal(found.modified, "2022-12-20T09:00:00+01:00");
  assert.deepEqual(found.warnings, []);
});

test("findHtmlDates: meta tags of several vocabularies", () => {
  const metas: [string, string][] = [
    [`<meta property="article:published_time" content="2021-03-15T10:00:00+00:00">`, "2021-03-15T10:00:00Z"],
    [`<meta name="sailthru.date" content="2019-05-02 08:15:00">`, "2019-05-02T08:15:00"],
    [`<meta name="parsely-pub-date" content="2018-11-30T14:00:00Z">`, "2018-11-30T14:00:00Z"],
    [`<meta itemprop="datePublished" content="2017-04-01">`, "2017-04-01"],
    [`<meta name="DC.date.issued" content="2016-02-29">`, "2016-02-29"],
  ];
  for (const [meta, iso] of metas) assert.equal(findHtmlDates(page(meta, "<h1>x</h1>"), { now: NOW }).published, iso, meta);
});

test("findHtmlDates: a date-time without offset is kept local, with a warning", () => {
  const found = findHtmlDates(page(`<meta name="pubdate" content="2019-05-02 08:15">`, ""), { now: NOW });
  assert.equal(found.published, "2019-05-02T08:15");
  assert.match(found.warnings.join(" "), /offset/);
});

test("findHtmlDates: <time datetime> in the article header", () => {
  const doc = page("", `<article><header><h1>Title</h1><time class="entry-date" datetime="2019-07-13T15:52:31+02:00">13 Jul 2019</time></header><p>Text</p></article>`);
  assert.equal(findHtmlDates(doc, { now: NOW }).published, "2019-07-13T15:52:31+02:00");
});

test("findHtmlDates: the URL's date, /y/m/d/ and /yyyymmdd/", () => {
  const doc = page("", "<h1>Title</h1><p>No date in the text.</p>");
  assert.equal(findHtmlDates(doc, { url: "https://example.org/2021/03/15/some-story", now: NOW }).published, "2021-03-15");
  assert.equal(findHtmlDates(doc, { url: "https://example.org/news/20210315/story.html", now: NOW }).published, "2021-03-15");
});

test("findHtmlDates: bylines in visible text, several languages", () => {
  const bylines: [string, string][] = [
    ["By Jane Roe | Published 3 March 2021", "2021-03-03"],
    ["Von Max Muster, veröffentlicht am 3. März 2021 um 10:12 Uhr", "2021-03-03T10:12"],
    ["Par Jeanne Dupont, publié le 19 décembre 2022 à 07h31", "2022-12-19T07:31"],
    ["Иван Петров, 3 марта 2022, 18:40", "2022-03-03T18:40"],
    ["٣ مارس ٢٠٢٢", "2022-03-03"],
    ["记者 王明 2022年3月3日", "2022-03-03"],
  ];
  for (const [line, iso] of bylines) {
    const doc = page("", `<h1>Headline</h1><div class="byline">${line}</div><p>Story text without dates.</p>`);
    assert.equal(findHtmlDates(doc, { now: NOW }).published, iso, line);
  }
});

test("findHtmlDates: comment dates and copyright years do not win over the byline", () => {
  const doc = page(
    "",
    `<h1>Headline</h1><p class="meta">Posted on 2 May 2020</p><p>Story.</p>
     <section class="comments"><div class="comment"><span class="date">1 April 2020</span> Great!</div></section>
     <footer>© 2019 Example Media, updated 01.01.2021</footer>`,
  );
  assert.equal(findHtmlDates(doc, { now: NOW }).published, "2020-05-02");
});

test("findHtmlDates: implausible dates are refused", () => {
  const future = page(`<meta property="article:published_time" content="2031-01-01T00:00:00Z">`, "<h1>x</h1><p>Posted 4 May 2020</p>");
  assert.equal(findHtmlDates(future, { now: NOW }).published, "2020-05-04");
  const ancient = page(`<meta property="article:published_time" content="1970-01-01">`, "<h1>x</h1>");
  assert.equal(findHtmlDates(ancient, { now: NOW }).published, undefined);
});

test("findHtmlDates: the shown revision date over a declared first publication nobody sees", () => {
  const ld = { "@type": "Article", datePublished: "2019-06-17T08:00:00Z", dateModified: "2020-06-04T08:00:00Z" };
  const doc = page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, `<h1>T</h1><p class="post-date">Updated June 4, 2020</p>`);
  assert.equal(findHtmlDates(doc, { now: NOW }).published?.slice(0, 10), "2020-06-04");
});

const HTMLDATE = sharedPath("eval", "htmldate");
test("findHtmlDates: day-level accuracy on a slice of the htmldate pages", { skip: !existsSync(HTMLDATE) && "shared htmldate set absent" }, () => {
  const gold = JSON.parse(readFileSync(join(HTMLDATE, "eval_mediacloud_2020.json"), "utf8").replace(/:\s*NaN\b/g, ": null")) as Record<string, { file: string; date: string | null }>;
  let right = 0;
  let total = 0;
  for (const [url, item] of Object.entries(gold).slice(0, 80)) {
    const path = join(HTMLDATE, "test_set", `${item.file}.gz`);
    if (!existsSync(path)) continue;
    const found = findHtmlDates(parseHtml(readMaybeGzip(path).toString("utf8")), { url });
    total++;
    if ((found.published?.slice(0, 10) ?? null) === item.date) right++;
  }
  assert.ok(total >= 50, `only ${total} pages found`);
  assert.ok(right / total >= 0.85, `accuracy ${right}/${total}`);
});
