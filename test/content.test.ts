import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { parseHtml } from "../src/extract/dom.ts";
import { extractContent } from "../src/extract/content.ts";
import { sharedPath } from "../eval/shared.ts";
import { scorePage } from "../eval/score.ts";

/** A news page as CMSs render them: every kind of furniture around a body with a list, a table and a sub-heading. */
const NEWS_PAGE = `<!doctype html>
<html lang="en"><head><title>Harbour bridge reopens | The Daily Example</title>
<script>window.dataLayer = [{"page": "article"}];</script><style>.x{color:red}</style></head>
<body>
<div id="cookie-consent" class="cookie-banner">We use cookies to improve your experience. By continuing to browse you accept our use of cookies. <a href="/privacy">Privacy policy</a> <button>Accept all</button></div>
<header class="site-header"><a href="/">The Daily Example</a>
  <nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/business">Business</a></li><li><a href="/culture">Culture</a></li></ul></nav>
</header>
<main>
<article class="story">
  <h1>Harbour bridge reopens after two years of repairs</h1>
  <div class="byline">By Jane Writer, Transport correspondent · 12 March 2024</div>
  <div class="share-bar"><a href="https://facebook.example/share">Share on Facebook</a> <a href="https://x.example/intent">Share on X</a> <a href="mailto:?body=x">Email this article</a></div>
  <div class="article-body">
    <p>The harbour bridge reopened to traffic on Tuesday morning, two years after engineers closed it when inspectors found corroded cables beneath the deck.</p>
    <p>City officials said the repairs, which replaced every one of the main suspension cables, came in slightly under the budget approved by the council in the spring of last year.</p>
    <div class="ad-slot">Advertisement</div>
    <p>Commuters who had faced detours of up to forty minutes welcomed the news, although some warned that the new toll would weigh on household budgets over time.</p>
    <h2>What changes for drivers</h2>
    <p>The transport authority listed the main changes that take effect from the first day of operation:</p>
    <ul>
      <li>Heavy lorries above 40 tonnes remain banned until the load tests finish.</li>
      <li>The speed limit on the deck drops to 60 km/h.</li>
      <li>Cyclists get a separated lane on the eastern side.</li>
    </ul>
    <table>
      <tr><th>Vehicle</th><th>Toll</th></tr>
      <tr><td>Car</td><td>2.50</td></tr>
      <tr><td>Van</td><td>4.00</td></tr>
    </table>
    <p>Engineers will keep monitoring the structure with sensors installed during the works, and a full report on the cables is expected before the end of the year.</p>
  </div>
  <aside class="related-articles"><h3>Related stories</h3><ul>
    <li><a href="/a">Council approves bridge budget after long debate over costs</a></li>
    <li><a href="/b">Inspectors find corrosion on harbour bridge cables</a></li>
    <li><a href="/c">Detours planned as harbour bridge closes for repairs</a></li>
  </ul></aside>
  <div class="newsletter-signup"><p>Get the morning briefing in your inbox every day. Sign up to our free newsletter and never miss a story again.</p></div>
  <section id="comments" class="comments"><h3>Comments (2)</h3>
    <div class="comment"><p>Finally! I have been waiting for this bridge to reopen for what feels like forever, and my commute has been a nightmare.</p></div>
    <div class="comment"><p>The toll is far too high for people who cross the bridge twice a day to get to work and back home again.</p></div>
  </section>
</article>
<div class="most-read"><h3>Most read</h3><ol><li><a href="/1">Storm warning issued for the whole coast this weekend</a></li><li><a href="/2">Local team wins the cup after a dramatic penalty shootout</a></li></ol></div>
</main>
<footer class="site-footer"><p>© 2024 The Daily Example. All rights reserved. Registered office: 1 Example Street, Example City.</p><a href="/terms">Terms</a> <a href="/contact">Contact</a></footer>
</body></html>`;

test("keeps the whole body: paragraphs, sub-heading, list items and table rows, in order", () => {
  const { text, title } = extractContent(parseHtml(NEWS_PAGE), { url: "https://news.example/bridge" });
  const blocks = text.split("\n\n");
  assert.equal(blocks[0], "The harbour bridge reopened to traffic on Tuesday morning, two years after engineers closed it when inspectors found corroded cables beneath the deck.");
  assert.ok(blocks.includes("What changes for drivers"), "sub-heading kept");
  assert.ok(blocks.includes("The speed limit on the deck drops to 60 km/h."), "list item kept as its own block");
  assert.ok(blocks.includes("Cyclists get a separated lane on the eastern side."));
  assert.ok(blocks.includes("Car | 2.50"), "table row kept as one block");
  assert.ok(blocks.includes("Vehicle | Toll"));
  assert.match(blocks.at(-1)!, /^Engineers will keep monitoring/);
  assert.ok(blocks.indexOf("What changes for drivers") < blocks.indexOf("Car | 2.50"));
  assert.equal(title, "Harbour bridge reopens after two years of repairs");
});

test("drops navigation, consent banner, share bar, ads, related and most-read lists, newsletter box, comments and footer", () => {
  const { text, warnings } = extractContent(parseHtml(NEWS_PAGE));
  for (const furniture of [
    "cookies", "Sport", "Share on Facebook", "Advertisement", "Council approves", "Storm warning",
    "morning briefing", "waiting for this bridge", "toll is far too high", "All rights reserved", "Jane Writer",
    "dataLayer", "Harbour bridge reopens after",
  ]) {
    assert.ok(!text.includes(furniture), `dropped: ${furniture}`);
  }
  assert.deepEqual(warnings, []);
  assert.ok(!/[ \t]{2,}|\n{3,}/.test(text), "whitespace collapsed inside blocks, one blank line between blocks");
});

test("a body split by an ad into sibling wrappers keeps both parts", () => {
  const para = (n: number) => `<p>Paragraph ${n} of the report explains, in a full sentence with enough words to be prose, what the committee decided and why it matters.</p>`;
  const html = `<html><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><div class="wrap">
    <div class="text-block">${para(1)}${para(2)}${para(3)}</div>
    <div class="advert">Sponsored: buy a new car today with zero interest financing for twelve months</div>
    <div class="text-block">${para(4)}${para(5)}</div></div>
    <div class="sidebar"><ul><li><a href="/x">Another headline about something else entirely</a></li><li><a href="/y">Yet another headline</a></li></ul></div></body></html>`;
  const blocks = extractContent(parseHtml(html)).text.split("\n\n");
  assert.equal(blocks.length, 5);
  assert.ok(blocks[4]!.startsWith("Paragraph 5"));
});

test("a page with no body-like text yields an empty text and a warning, not the navigation", () => {
  const html = `<html><body><nav><a href="/a">One</a><a href="/b">Two</a></nav><div class="menu"><a href="/c">Three</a></div></body></html>`;
  const result = extractContent(parseHtml(html));
  assert.equal(result.text, "");
  assert.ok(result.warnings.length > 0);
});

const BENCHMARK = sharedPath("eval/article-extraction-benchmark");
const BENCHMARK_SAMPLE = 12;
const MIN_PAGE_F1 = 0.8;
const MIN_SAMPLE_MEAN_F1 = 0.93;

test("benchmark pages: shingle F1 per page and on average", { skip: !existsSync(BENCHMARK) && `no benchmark data at ${BENCHMARK}` }, async () => {
  const { loadBenchmark } = await import("../eval/benchmark.ts");
  const pages = loadBenchmark();
  // An even spread over the sorted ids, so the sample is fixed but not hand-picked.
  const step = Math.floor(pages.length / BENCHMARK_SAMPLE);
  const sample = pages.filter((_, i) => i % step === 0).slice(0, BENCHMARK_SAMPLE);
  const f1s = sample.map((page) => {
    const text = extractContent(parseHtml(new TextDecoder().decode(page.html)), { url: page.url }).text;
    const { precision, recall } = scorePage(text, page.gold);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    assert.ok(f1 >= MIN_PAGE_F1, `page ${page.id.slice(0, 12)}: F1 ${f1.toFixed(3)} < ${MIN_PAGE_F1}`);
    return f1;
  });
  const mean = f1s.reduce((a, b) => a + b, 0) / f1s.length;
  assert.ok(mean >= MIN_SAMPLE_MEAN_F1, `mean F1 ${mean.toFixed(3)} < ${MIN_SAMPLE_MEAN_F1}`);
});

test("hidden and off-screen elements are not body, and deep nesting does not overflow the stack", () => {
  const prose = "This sentence belongs to the article and is long enough to count as a paragraph of running prose.";
  const deep = "<div>".repeat(20000) + `<p>${prose}</p>` + "</div>".repeat(20000);
  const html = `<html><body><div style="display:none"><p>Hidden teaser text that a reader never sees on the page at all, long enough.</p></div>
    <div style="position:absolute; left:-9999px"><p>Off-screen link spam that is long enough to look like a real paragraph of text.</p></div>
    <article><p>${prose}</p><p>${prose.replace("This", "That")}</p></article>${deep}</body></html>`;
  const { text } = extractContent(parseHtml(html));
  assert.ok(text.includes("That sentence belongs"));
  assert.ok(!text.includes("Hidden teaser") && !text.includes("Off-screen"));
});
