import { randomUUID } from 'node:crypto';
import type { Insight, Run } from '../contracts/index.js';
import { ingest } from '../ingest/ingest.js';
import type { RunInput } from '../ingest/run-input.js';
import type { AnalyzerOptions } from '../load/analyzer.js';
import { aggregateRun } from '../pipeline/aggregate.js';
import { analyzeBatch } from '../pipeline/analyze-batch.js';
import { batchKey } from '../pipeline/batch-key.js';
import { batchesOf, DEFAULT_BATCH_SIZE } from '../pipeline/batches.js';
import { storeRows } from '../pipeline/process-batch.js';
import type { Batch, StageContext } from '../pipeline/types.js';
import { createAnalyzePool, type AnalyzePool, type BatchResult, type SumResult } from './analyze-pool.js';

export interface EmbeddedRunRequest extends RunInput {
  sources: string[];
  runId?: string;
  onProgress?: (rowsRead: number) => void;
  /**
   * Threads that analyse batches besides this one, which reads and stores (default 1: no
   * other thread, everything here). Each builds its own analyzer from `analyzer`.
   */
  threads?: number;
  /** How ctx.analyzer was loaded, for the threads to load theirs the same way. */
  analyzer?: AnalyzerOptions;
  /**
   * false: nothing will read the run's analyses back (the store is told the same), so the
   * threads do not send them. Default true.
   */
  keepAnalyses?: boolean;
}

export const newRunId = (): string => `run-${new Date().toISOString().slice(0, 10).replaceAll('-', '')}-${randomUUID().slice(0, 8)}`;

/**
 * Embedded mode: the same stages as the distributed mode, called in order in one process.
 * Rows stream from the readers in batches; analyses, rejects and partials go to the store,
 * insights come from the partials.
 *
 * With threads, this thread reads the files and cuts batches, the threads analyse them, and
 * the results are stored here in batch order, so the store holds the same analyses in the
 * same order as with one thread. Each thread sums its batches' partials and hands the sum
 * over at the end (partials merge by addition, in any order or grouping: the insights are
 * the same). At most two batches per thread are out at a time, so memory stays bounded
 * whatever the file size.
 */
export async function runEmbedded(ctx: StageContext, request: EmbeddedRunRequest): Promise<{ run: Run; insights: Insight[] }> {
  const runId = request.runId ?? newRunId();
  await ctx.store.createRun({
    id: runId,
    status: 'running',
    sources: request.sources,
    options: request.options,
    counts: { read: 0, analyzed: 0, rejected: 0, duplicates: 0, unsupportedLanguage: 0 },
    startedAt: new Date().toISOString(),
    modelVersion: ctx.analyzer.version,
  });
  let read = 0;
  let pool: AnalyzePool | undefined;
  try {
    const rows = ingest(request.sources, {
      ...(request.format ? { format: request.format } : {}),
      mapping: request.mapping,
      channel: request.channel,
      createdAt: request.createdAt,
      runId,
    });
    const threads = request.threads ?? 1;
    const inFlight: Array<Promise<BatchResult>> = [];
    const storeOldest = async (): Promise<void> => {
      const result = await inFlight[0]!;
      inFlight.shift();
      await storeRows(ctx.store, result.analyses, result.rejects);
      read += result.counts.read;
      request.onProgress?.(read);
    };
    let batches = 0;
    for await (const items of batchesOf(rows, request.batchSize ?? DEFAULT_BATCH_SIZE)) {
      const batch: Batch = { runId, key: batchKey(runId, items), options: request.options, items };
      // A file of one batch is done before a thread could start: threads start with the second.
      if (threads > 1 && ++batches === 2) pool = createAnalyzePool(threads, { analyzer: request.analyzer ?? {}, keepAnalyses: request.keepAnalyses ?? true });
      if (pool !== undefined && pool.ready > 0) {
        const result = pool.run({ kind: 'batch', batch }) as Promise<BatchResult>;
        // Awaited in order by storeOldest; this only keeps a failure from going unhandled meanwhile.
        result.catch(() => undefined);
        inFlight.push(result);
        if (inFlight.length >= 2 * threads) await storeOldest();
        continue;
      }
      // No thread ready yet (they are loading their models): this one analyses the batch.
      while (inFlight.length > 0) await storeOldest();
      const { analyses, rejects, partial } = analyzeBatch(ctx.analyzer, batch, request.keepAnalyses ?? true);
      await storeRows(ctx.store, analyses, rejects);
      await ctx.store.putPartial(partial);
      read += items.length;
      request.onProgress?.(read);
    }
    while (inFlight.length > 0) await storeOldest();
    if (pool !== undefined) {
      for (const { partial } of (await pool.each({ kind: 'sum' })) as SumResult[]) if (partial !== null) await ctx.store.putPartial(partial);
    }
    await ctx.store.updateRun(runId, { status: 'aggregating' });
    const { insights } = await aggregateRun(ctx, runId);
    await ctx.store.updateRun(runId, { status: 'done', finishedAt: new Date().toISOString() });
    return { run: (await ctx.store.getRun(runId))!, insights };
  } catch (error) {
    await ctx.store.updateRun(runId, { status: 'failed', error: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    await pool?.close();
  }
}
