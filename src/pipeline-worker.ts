/**
 * A pipeline worker thread: receives messages of several ingest units, runs extract (+ understand, + events)
 * on each, posts back the articles or problems in the same order. Started by the pool in pipeline.ts.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadUnderstanding, processUnit, type PipelineOptions } from "./pipeline.ts";
import type { IngestUnit } from "./ingest/units.ts";

const options = workerData as PipelineOptions;
await loadUnderstanding(options);

parentPort!.on("message", (message: { id: number; units: IngestUnit[] }) => {
  const results = message.units.map((unit) => {
    const outcome = processUnit(unit, options);
    return { article: outcome.article, problem: outcome.error?.problem };
  });
  parentPort!.postMessage({ id: message.id, results });
});
