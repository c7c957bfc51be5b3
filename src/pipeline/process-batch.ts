import type { Analysis, Batch, Reject, Verbatim } from '../contracts/index.js';
import { analyzeVerbatim } from '../core/analyze.js';
import { countOutcome, createPartial, foldAnalysis } from '../core/insights/fold.js';
import type { BatchOutcome, BudgetedOutcome, StageContext } from './types.js';

const REJECT_COUNT = { invalid: 'rejected', timeout: 'rejected', duplicate: 'duplicates', unsupportedLanguage: 'unsupportedLanguage' } as const;

/**
 * The analyze stage for one batch: every item ends as an analysis or a reject, the batch is
 * folded into its partial, and all three are stored under deterministic keys. The partial
 * is written last, so a stored partial means a complete batch; a retry rewrites the same
 * keys, which the store counts as duplicates, so nothing is counted twice.
 */
export async function processBatch(ctx: StageContext, batch: Batch): Promise<BatchOutcome> {
  const { runId } = batch;
  const fold = { bucketSize: batch.options.bucket, by: batch.options.by };
  const partial = createPartial(runId, batch.key, fold, ctx.analyzer.version);
  const analyses: Analysis[] = [];
  const rejects: Reject[] = [];
  const reject = (r: Reject): void => {
    rejects.push(r);
    countOutcome(partial, REJECT_COUNT[r.reason]);
  };
  const verbatims = batch.items.flatMap((item) => (item.kind === 'verbatim' ? [item.verbatim] : []));
  const outcomes = await analyzeAll(ctx, verbatims, runId);
  let next = 0;
  for (const item of batch.items) {
    if (item.kind === 'reject') {
      reject(item.reject);
      continue;
    }
    const { verbatim, source, row } = item;
    const outcome = outcomes[next++]!;
    if (outcome.kind === 'analysis') {
      analyses.push(outcome.analysis);
      foldAnalysis(partial, outcome.analysis, fold);
    } else if (outcome.kind === 'unsupportedLanguage') {
      const message = `language '${outcome.language}' is not analysed (English only)`;
      reject({ runId, source, row, reason: 'unsupportedLanguage', verbatimId: verbatim.id, language: outcome.language, message, cause: message });
    } else if (outcome.kind === 'overBudget') {
      const message = `row ${row}: verbatim '${verbatim.id}' was still being analysed after the time budget of ${outcome.budgetMs} ms (worker --budget-ms) and was stopped; the rest of its batch went on`;
      reject({ runId, source, row, reason: 'timeout', verbatimId: verbatim.id, message, cause: `analysis stopped after the time budget of ${outcome.budgetMs} ms` });
    } else {
      reject({ runId, source, row, reason: 'invalid', verbatimId: verbatim.id, message: outcome.message, cause: outcome.message });
    }
  }
  // Rejects and analyses have keys of their own and no order between them; the partial
  // waits for both, since a stored partial is what marks the batch complete. Both settle
  // before a failure is thrown, so no write of the batch outlives it (and its retry).
  const writes = await Promise.allSettled([rejects.length ? ctx.store.putRejects(rejects) : undefined, analyses.length ? ctx.store.putAnalyses(analyses) : undefined]);
  const failed = writes.find((w) => w.status === 'rejected');
  if (failed) throw failed.reason;
  await ctx.store.putPartial(partial);
  return partial.counts;
}

function analyzeAll(ctx: StageContext, verbatims: readonly Verbatim[], runId: string): Promise<BudgetedOutcome[]> | BudgetedOutcome[] {
  if (ctx.analyzeBatch && verbatims.length > 0) return ctx.analyzeBatch(verbatims, runId);
  return verbatims.map((verbatim) => analyzeVerbatim(ctx.analyzer, verbatim, runId));
}
