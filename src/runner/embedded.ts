import { randomUUID } from 'node:crypto';
import { emptyCounts, type Insight, type Run } from '../contracts/index.js';
import type { InsightPartial } from '../core/insights/partial-types.js';
import { ingest } from '../ingest/ingest.js';
import { ingestOptions, type RunInput } from '../ingest/run-input.js';
import type { SourcePlan } from '../ingest/source-plan.js';
import type { AnalyzerOptions } from '../load/analyzer.js';
import { aggregateRun } from '../pipeline/aggregate.js';
import { analyzeBatch } from '../pipeline/analyze-batch.js';
import { batchKey } from '../pipeline/batch-key.js';
import { batchesOf, DEFAULT_BATCH_SIZE } from '../pipeline/batches.js';
import { storeRows } from '../pipeline/process-batch.js';
import type { Batch } from '../contracts/index.js';
import type { StageContext } from '../pipeline/types.js';
import { createAnalyzePool, type AnalyzePool, type BatchResult, type SumResult } from './analyze-pool.js';

export interface EmbeddedRunRequest extends RunInput {
  sources: string[];
  runId?: string;
  onProgress?: (rowsRead: number) => void;
  /** The sources' plans, when the caller looked at them before any work (else ingest does). */
  plans?: readonly SourcePlan[];
  /**
   * Threads analysing batches, this one included (default 1: this one only). The others
   * each build their own analyzer from `analyzer`.
   */
  threads?: number;
  /** How ctx.analyzer was loaded, for the other threads to load theirs the same way. */
  analyzer?: AnalyzerOptions;
  /**
   * false: nothing will read the run's analyses back (the store is told the same), so they
   * are neither kept nor sent between threads. Default true.
   */
  keepAnalyses?: boolean;
  /**
   * The other threads, started by the caller (and closed by it): so they load their models
   * while this one loads its own. Without it, they are started with the second batch.
   */
  pool?: AnalyzePool;
}

export const newRunId = (): string => `run-${new Date().toISOString().slice(0, 10).replaceAll('-', '')}-${randomUUID().slice(0, 8)}`;

/** A batch being analysed, here or on another thread; stored once done and all before it are. */
interface Pending {
  rows: number;
  result: BatchResult | undefined;
  /** Settles when `result` is there (a failure on another thread rejects it). */
  done: Promise<void>;
}

/**
 * Embedded mode: the same stages as the distributed mode, called in order in one process.
 * Rows stream from the readers in batches; analyses, rejects and partials go to the store,
 * insights come from the partials.
 *
 * Each thread folds all the batches it analyses into one partial, stored at the end (partials
 * merge by addition, in any order or grouping: the insights are the same as from a partial
 * per batch, without building and merging one per batch).
 *
 * With threads, this thread reads the files, cuts batches and hands each to another thread
 * with room for it (two batches each), analysing the batch itself when none has: so every
 * thread, this one too, stays busy, with no more threads than `threads` at work. Results are
 * stored in batch order, so the store holds the same analyses in the same order as with one
 * thread. Every
 * batch is parsed as by a fresh parser (Analyzer.beginBatch), so a batch's analyses do not
 * depend on the thread it ran on. At most three batches per thread are out at a time, so
 * memory stays bounded whatever the file size.
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
  const threads = request.threads ?? 1;
  const keepAnalyses = request.keepAnalyses ?? true;
  let read = 0;
  let pool = request.pool;
  const ownsPool = pool === undefined;
  /** The batches analysed in this thread, folded into one partial (the other threads do the same). */
  let sum: InsightPartial | undefined;
  const pending: Pending[] = [];
  const storeOldest = async (): Promise<void> => {
    const oldest = pending[0]!;
    await oldest.done;
    pending.shift();
    const { analyses, rejects } = oldest.result!;
    await storeRows(ctx.store, analyses, rejects);
    read += oldest.rows;
    request.onProgress?.(read);
  };
  try {
    // Values quoted in reject messages are redacted as the analyzer redacts customer text.
    const redact = (text: string): string => ctx.analyzer.redact(text).text;
    const rows = ingest(request.sources, ingestOptions(request, runId, { redact, ...(request.plans ? { plans: request.plans } : {}) }));
    let batches = 0;
    for await (const items of batchesOf(rows, request.batchSize ?? DEFAULT_BATCH_SIZE)) {
      const batch: Batch = { runId, key: batchKey(runId, items), options: request.options, items };
      // A file of one batch is done before a thread could start: threads start with the second.
      if (ownsPool && threads > 1 && ++batches === 2) pool = createAnalyzePool(threads - 1, { analyzer: request.analyzer ?? {}, keepAnalyses });
      if (pool !== undefined && pool.spare > 0) {
        const entry: Pending = { rows: items.length, result: undefined, done: Promise.resolve() };
        entry.done = (pool.run({ kind: 'batch', batch }) as Promise<BatchResult>).then((result) => void (entry.result = result));
        // Awaited in order by storeOldest; this only keeps a failure from going unhandled meanwhile.
        entry.done.catch(() => undefined);
        pending.push(entry);
      } else {
        const { analyses, rejects, partial, counts } = analyzeBatch(ctx.analyzer, batch, { keepAnalyses, ...(sum ? { into: sum } : {}) });
        sum = partial;
        pending.push({ rows: items.length, result: { analyses, rejects, counts }, done: Promise.resolve() });
      }
      // Store what is done at the head; wait only when too many batches are out.
      while (pending.length > 0 && pending[0]!.result !== undefined) await storeOldest();
      while (pending.length >= 3 * threads) await storeOldest();
    }
    while (pending.length > 0) await storeOldest();
    // Stored once every row is: a stored partial means its batches are complete.
    if (sum !== undefined) await ctx.store.putPartial(sum);
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
    if (ownsPool) await pool?.close();
  }
}
