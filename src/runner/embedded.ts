import { randomUUID } from 'node:crypto';
import { emptyCounts, type Insight, type Run } from '../contracts/index.js';
import { ingest } from '../ingest/ingest.js';
import { ingestOptions, type RunInput } from '../ingest/run-input.js';
import type { SourcePlan } from '../ingest/source-plan.js';
import { aggregateRun } from '../pipeline/aggregate.js';
import { batchKey } from '../pipeline/batch-key.js';
import { batchesOf, DEFAULT_BATCH_SIZE } from '../pipeline/batches.js';
import { processBatch } from '../pipeline/process-batch.js';
import type { StageContext } from '../pipeline/types.js';

export interface EmbeddedRunRequest extends RunInput {
  sources: string[];
  runId?: string;
  onProgress?: (rowsRead: number) => void;
  /** The sources' plans, when the caller looked at them before any work (else ingest does). */
  plans?: readonly SourcePlan[];
}

export const newRunId = (): string => `run-${new Date().toISOString().slice(0, 10).replaceAll('-', '')}-${randomUUID().slice(0, 8)}`;

/**
 * Embedded mode: the same stages as the distributed mode, called in order in one process.
 * Rows stream from the readers in batches, so memory holds one batch at a time whatever the
 * file size; analyses and partials go to the store, insights come from the partials.
 */
export async function runEmbedded(ctx: StageContext, request: EmbeddedRunRequest): Promise<{ run: Run; insights: Insight[] }> {
  const runId = request.runId ?? newRunId();
  await ctx.store.createRun({
    id: runId,
    status: 'running',
    sources: request.sources,
    options: request.options,
    counts: emptyCounts(),
    startedAt: new Date().toISOString(),
    modelVersion: ctx.analyzer.version,
  });
  let read = 0;
  try {
    // Values quoted in reject messages are redacted as the analyzer redacts customer text.
    const redact = (text: string): string => ctx.analyzer.redact(text).text;
    const rows = ingest(request.sources, ingestOptions(request, runId, { redact, ...(request.plans ? { plans: request.plans } : {}) }));
    for await (const items of batchesOf(rows, request.batchSize ?? DEFAULT_BATCH_SIZE)) {
      await processBatch(ctx, { runId, key: batchKey(runId, items), options: request.options, items });
      read += items.length;
      request.onProgress?.(read);
    }
    await ctx.store.updateRun(runId, { status: 'aggregating' });
    const { insights } = await aggregateRun(ctx, runId);
    await ctx.store.updateRun(runId, { status: 'done', finishedAt: new Date().toISOString() });
    return { run: (await ctx.store.getRun(runId))!, insights };
  } catch (error) {
    await ctx.store.updateRun(runId, { status: 'failed', error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}
