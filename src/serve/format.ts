/** Article records rendered for people: plain text and Markdown (the CLI's --format). */
import type { Article } from "../schema.ts";

export type OutputFormat = "json" | "jsonl" | "text" | "markdown";

function byline(article: Article): string {
  return [article.publisher, article.authors.join(", "), article.published, article.language]
    .filter((part) => part)
    .join(" · ");
}

export function formatText(article: Article): string {
  const head = [article.title, byline(article)].filter((part) => part).join("\n");
  return [head, article.text].filter((part) => part).join("\n\n") + "\n";
}

/** Markdown-significant characters at a line start are escaped so body text never becomes markup. */
function escapeMarkdownLine(line: string): string {
  return line.replace(/^(\s*)([#>*+-]|\d+\.)(\s)/, "$1\\$2$3");
}

export function formatMarkdown(article: Article): string {
  const parts: string[] = [];
  if (article.title) parts.push(`# ${article.title}`);
  const meta = byline(article);
  if (meta) parts.push(`*${meta}*`);
  if (article.url) parts.push(`<${article.url}>`);
  parts.push(article.text.split("\n").map(escapeMarkdownLine).join("\n"));
  return parts.join("\n\n") + "\n";
}

export function formatArticle(article: Article, format: OutputFormat): string {
  switch (format) {
    case "json":
      return JSON.stringify(article, null, 2) + "\n";
    case "jsonl":
      return JSON.stringify(article) + "\n";
    case "text":
      return formatText(article);
    case "markdown":
      return formatMarkdown(article);
  }
}
