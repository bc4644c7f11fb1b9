/**
 * A pipeline worker thread: receives ingest units, runs extract (+ understand, + events) on each,
 * posts back the article or the problem. Started by the pool in pipeline.ts.
 */
import { parentPort, workerData } from "node:worker_threads";
import { processUnit, type PipelineOptions } from "./pipeline.ts";
import type { IngestUnit } from "./ingest/units.ts";

const options = workerData as PipelineOptions;

parentPort!.on("message", (message: { id: number; unit: IngestUnit }) => {
  const outcome = processUnit(message.unit, options);
  parentPort!.postMessage({ id: message.id, article: outcome.article, problem: outcome.error?.problem });
});
