/** Page metadata: canonical URL, headline without the site name, publisher, authors without roles, language. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseHtml } from "../src/extract/dom.ts";
import { extractMetadata } from "../src/extract/metadata.ts";

const page = (head: string) => parseHtml(`<!doctype html><html lang="pt-BR"><head>${head}</head><body><h1>Fallback headline</h1></body></html>`);

test("JSON-LD first: headline, publisher and authors; canonical link made absolute", () => {
  const meta = extractMetadata(
    page(`<title>Chuvas no Sul | Jornal do Vale</title>
      <link rel="canonical" href="/noticias/chuvas-no-sul">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","name":"Jornal do Vale"},
        {"@type":"NewsArticle","headline":"Chuvas no Sul deixam 12 cidades em alerta","publisher":{"@type":"Organization","name":"Jornal do Vale"},
         "author":[{"@type":"Person","name":"Ana Souza"},{"@type":"Person","name":"Carlos Lima"}]}]}</script>`),
    { url: "https://jornaldovale.example/feed?id=7" },
  );
  assert.equal(meta.title, "Chuvas no Sul deixam 12 cidades em alerta");
  assert.equal(meta.publisher, "Jornal do Vale");
  assert.deepEqual(meta.authors, ["Ana Souza", "Carlos Lima"]);
  assert.equal(meta.url, "https://jornaldovale.example/noticias/chuvas-no-sul");
  assert.equal(meta.language, "pt");
});

test("meta tags: the site name is cut from the title, roles and capitals are cleaned from bylines", () => {
  const meta = extractMetadata(
    page(`<title>Port strike enters third day - The Harbour Times</title>
      <meta property="og:site_name" content="The Harbour Times">
      <meta name="author" content="By TOM WRIGHT, Staff Writer and Mei Chen">`),
  );
  assert.equal(meta.title, "Port strike enters third day");
  assert.equal(meta.publisher, "The Harbour Times");
  assert.deepEqual(meta.authors, ["Tom Wright", "Mei Chen"]);
});

test("no metadata at all: the first h1 is the title, nothing is invented", () => {
  const meta = extractMetadata(page(""));
  assert.equal(meta.title, "Fallback headline");
  assert.equal(meta.publisher, undefined);
  assert.deepEqual(meta.authors, []);
  assert.equal(meta.url, undefined);
});
