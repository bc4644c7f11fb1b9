/**
 * Builds the bundled demo corpus: a few CC BY news articles from ../shared/samples/news, each wrapped
 * in the boilerplate a real news page carries (menu, consent banner, share bar, related links,
 * footer), so `npm run demo` shows extraction at work without any network. Re-run to regenerate.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_DIR } from "../eval/shared.ts";
import { readNews, type NewsRecord } from "../eval/news.ts";

/** Pages: one story told in four languages, plus recent English reports. Corpus: more stories and reports as JSONL. */
const PICK = { englishRecent: 3, corpusStories: 30, corpusEnglish: 60 };

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function page(record: NewsRecord): string {
  const paragraphs = record.text.split(/\n+/).filter((p) => p.trim());
  return `<!doctype html>
<html lang="${record.lang}">
<head>
<meta charset="utf-8">
<title>${escape(record.title)} | Demo Wire</title>
<meta property="og:site_name" content="Demo Wire">
<meta property="article:published_time" content="${record.published}">
<link rel="canonical" href="${escape(record.url)}">
</head>
<body>
<div class="cookie-consent">We use cookies to improve your experience. <button>Accept all</button> <a href="/privacy">Privacy policy</a></div>
<header><a href="/">Demo Wire</a><nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li><li><a href="/science">Science</a></li></ul></nav></header>
<main>
<article>
<h1>${escape(record.title)}</h1>
<div class="share-bar"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
<time datetime="${record.published}">${record.published}</time>
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join("\n")}
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Markets rally after rate decision</a></li><li><a href="/b">Storm warning issued for the coast</a></li></ul></aside>
</main>
<footer><p>Source: ${escape(record.source)}, ${escape(record.license)}. <a href="${escape(record.url)}">Original article</a>.</p><p>© Demo Wire. All rights reserved.</p></footer>
</body>
</html>
`;
}

const records = readNews();
const firstStory = records.find((r) => r.story)?.story;
const chosen = [
  ...records.filter((r) => r.story === firstStory),
  ...records.filter((r) => r.id.startsWith("wikinews-en-2020")).slice(0, PICK.englishRecent),
];
const out = join(REPO_DIR, "demo", "pages");
mkdirSync(out, { recursive: true });
for (const record of chosen) writeFileSync(join(out, `${record.id}.html`), page(record));

// The corpus: whole MEANTIME story groups (en/es/it/nl translations of one report) and English Wikinews
// reports, as the JSONL export a user might hold; `sitrep ingest` reads it as it is.
const storyIds = [...new Set(records.filter((r) => r.story).map((r) => r.story!))].slice(0, PICK.corpusStories);
const corpus = [
  ...records.filter((r) => r.story && storyIds.includes(r.story)),
  ...records.filter((r) => r.id.startsWith("wikinews-en-")).slice(0, PICK.corpusEnglish),
];
writeFileSync(join(REPO_DIR, "demo", "news.jsonl"), corpus.map((r) => JSON.stringify(r)).join("\n") + "\n");
writeFileSync(
  join(REPO_DIR, "demo", "LICENSE.md"),
  `# Demo corpus: sources and licences\n\nThe pages in pages/ wrap articles from English Wikinews and the NewsReader MEANTIME corpus\n(professional translations of Wikinews articles) in made-up site boilerplate. The article texts are\nunchanged; the menus, banners and footers are ours. Each article keeps its own licence:\n\n${chosen
    .map((r) => `- ${r.id}.html: "${r.title}" (${r.published}), ${r.source}, ${r.license}, ${r.url}`)
    .join("\n")}\n\nnews.jsonl holds ${corpus.length} records unchanged from the same sources (each record names its source, licence and URL):\n${storyIds.length} MEANTIME story groups (CC BY 4.0) and ${PICK.corpusEnglish} English Wikinews reports (CC BY 2.5).\n\nCC BY 4.0: https://creativecommons.org/licenses/by/4.0/ · CC BY 2.5: https://creativecommons.org/licenses/by/2.5/\nAttribution: Wikinews contributors; NewsReader project (MEANTIME corpus).\n`,
);
console.log(`wrote ${chosen.length} demo pages to ${out} and ${corpus.length} records to demo/news.jsonl`);
