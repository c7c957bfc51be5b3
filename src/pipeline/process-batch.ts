import type { Analysis, Batch, Reject, Verbatim } from '../contracts/index.js';
import type { Store } from '../store/store.js';
import { analyzeBatch } from './analyze-batch.js';
import { claimBatch } from './claim-batch.js';
import type { BatchOutcome, StageContext } from './types.js';

/**
 * The analyze stage for one batch: every item ends as an analysis or a reject, the batch is
 * folded into its partial (analyze-batch.ts), and all three are stored under deterministic
 * keys. The partial is written last, so a stored partial means a complete batch; a retry
 * rewrites the same keys, which the store counts as duplicates, so nothing is counted twice.
 * A worker analyses the verbatims in a thread under its time budget (ctx.analyzeBatch); a
 * verbatim past the budget becomes a 'timeout' reject and the batch goes on. First, the
 * batch's ids are claimed in the run's dataset (claim-batch.ts): one an earlier run analysed
 * is a duplicate here.
 */
export async function processBatch(ctx: StageContext, submitted: Batch): Promise<BatchOutcome> {
  const batch = await claimBatch(ctx.store, submitted);
  const verbatims: Verbatim[] = batch.items.flatMap((item) => (item.kind === 'verbatim' ? [item.verbatim] : []));
  const outcomes = ctx.analyzeBatch && verbatims.length > 0 ? await ctx.analyzeBatch(verbatims, batch.runId) : undefined;
  const { analyses, rejects, partial } = analyzeBatch(ctx.analyzer, batch, outcomes ? { outcomes } : {});
  await storeRows(ctx.store, analyses, rejects);
  await ctx.store.putPartial(partial);
  return partial.counts;
}

/**
 * Rejects and analyses have keys of their own and no order between them; the partial waits
 * for both, since a stored partial is what marks the batch complete. Both settle before a
 * failure is thrown, so no write of the batch outlives it (and its retry).
 */
export async function storeRows(store: Store, analyses: Analysis[], rejects: Reject[]): Promise<void> {
  const writes = await Promise.allSettled([rejects.length ? store.putRejects(rejects) : undefined, analyses.length ? store.putAnalyses(analyses) : undefined]);
  const failed = writes.find((w) => w.status === 'rejected');
  if (failed) throw failed.reason;
}
