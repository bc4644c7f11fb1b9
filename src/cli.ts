/** The `sitrep` command: a thin shell over the library. */
import { Command, Option } from "commander";
import { expandInputs } from "./ingest/files.ts";
import { extractSources } from "./pipeline.ts";
import { startProgress } from "./progress.ts";
import { formatArticle, type OutputFormat } from "./serve/format.ts";

interface ExtractCommandOptions {
  json?: boolean;
  jsonl?: boolean;
  format?: OutputFormat;
  url?: string;
  understand?: boolean;
  events?: boolean;
}

const program = new Command()
  .name("sitrep")
  .description("Turn raw, noisy, multilingual news into clean, dated articles and the facts in them.")
  .showHelpAfterError();

program
  .command("extract")
  .description("Extract one clean Article per document (HTML page or scraped text dump).")
  .argument("<inputs...>", "files, directories, globs, or - for standard input")
  .option("--json", "pretty JSON (an array when there are several documents)")
  .option("--jsonl", "one JSON record per line (the default for several documents)")
  .addOption(new Option("--format <format>", "output format").choices(["json", "jsonl", "text", "markdown"]))
  .option("--url <url>", "the page's URL, when the file does not say it")
  .option("--understand", "add languages, entities, places, quotes and figures to each record")
  .option("--events", "also code PLOVER events (implies --understand)")
  .action(async (inputs: string[], opts: ExtractCommandOptions) => {
    const sources = await expandInputs(inputs);
    if (sources.length === 0) {
      console.error(`sitrep: no input matched ${inputs.join(" ")}`);
      process.exitCode = 2;
      return;
    }
    const many = sources.length > 1;
    const format: OutputFormat = opts.format ?? (opts.json ? "json" : opts.jsonl || many ? "jsonl" : "json");
    const asArray = format === "json" && many;
    const progress = startProgress(sources.length, "extract");
    let extracted = 0;
    const failed: string[] = [];
    if (asArray) process.stdout.write("[\n");
    for await (const outcome of extractSources(sources, { url: opts.url, understand: opts.understand, events: opts.events })) {
      progress.tick(!outcome.error);
      if (outcome.error) {
        failed.push(outcome.error.message);
        process.stderr.write(`sitrep: ${outcome.error.message}\n`);
        continue;
      }
      const rendered = formatArticle(outcome.article, format);
      process.stdout.write(asArray && extracted > 0 ? `,\n${rendered}` : rendered);
      if (!asArray && (format === "text" || format === "markdown") && many) process.stdout.write("\n---\n\n");
      extracted++;
    }
    if (asArray) process.stdout.write("]\n");
    progress.stop();
    if (many || failed.length > 0) {
      process.stderr.write(`sitrep: ${extracted} extracted, ${failed.length} failed of ${sources.length} documents\n`);
    }
    // Non-zero only when nothing could be extracted: a batch with some bad files still succeeded.
    if (extracted === 0) process.exitCode = 1;
  });

await program.parseAsync(process.argv);
