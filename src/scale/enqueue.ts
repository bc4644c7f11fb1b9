/**
 * `sitrep enqueue`: sources -> jobs, one per ingest unit (a document, a feed item, an archive record, a
 * table row), read with the same readers as `sitrep ingest`. Units the pipeline would reject before any
 * work (unreadable file, URL offline) travel as jobs too, so the worker records them in the store.
 */
import { readUnits, type UnitOptions } from "../ingest/sources.ts";
import type { PipelineOptions } from "../pipeline.ts";
import { openQueue, publishJobs, toJob, type Job, type QueueOptions } from "./queue.ts";

export interface EnqueueOptions extends QueueOptions, UnitOptions, PipelineOptions {
  onJob?: (source: string, duplicate: boolean) => void;
}

export async function enqueueSources(sources: readonly string[], options: EnqueueOptions = {}): Promise<{ published: number; duplicates: number; seconds: number }> {
  const started = performance.now();
  const queue = await openQueue(options);
  const pipeline: PipelineOptions = { understand: options.understand, events: options.events };
  async function* jobs(): AsyncGenerator<Job> {
    for await (const unit of readUnits(sources, options)) yield toJob(unit, pipeline);
  }
  try {
    const result = await publishJobs(queue, jobs(), (job, duplicate) => options.onJob?.(job.unit.source, duplicate));
    return { ...result, seconds: (performance.now() - started) / 1000 };
  } finally {
    await queue.close();
  }
}
