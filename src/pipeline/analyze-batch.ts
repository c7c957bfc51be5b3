import { emptyCounts, type Analysis, type Reject, type RunCounts } from '../contracts/index.js';
import type { Analyzer } from '../core/analyzer.js';
import { analyzeVerbatim } from '../core/analyze.js';
import { countOutcome, createPartial, foldAnalysis } from '../core/insights/fold.js';
import type { InsightPartial } from '../core/insights/partial-types.js';
import type { Batch } from '../contracts/index.js';
import type { BudgetedOutcome } from './types.js';

const REJECT_COUNT = { invalid: 'rejected', timeout: 'rejected', duplicate: 'duplicates', unsupportedLanguage: 'unsupportedLanguage' } as const;

/** What one batch became: its analyses and rejects, in row order, and its partial. */
export interface BatchAnalysis {
  analyses: Analysis[];
  rejects: Reject[];
  /** The batch's partial, or the one it was folded into (`into`). */
  partial: InsightPartial;
  /** What the batch's rows became (the same as partial.counts unless folded into another). */
  counts: RunCounts;
}

export interface AnalyzeBatchOptions {
  /**
   * false: no analysis is returned (for a run nobody will read them from): each is folded
   * and dropped at once, so it dies young instead of being carried through the batch by the
   * garbage collector. Default true.
   */
  keepAnalyses?: boolean;
  /**
   * A partial of the same run to fold the batch into, rather than into a partial of its own:
   * partials merge by addition, so folding many batches into one gives the same sums as
   * merging theirs, without building a partial per batch (embedded mode, which keeps none).
   */
  into?: InsightPartial;
  /**
   * The outcomes of the batch's verbatims, in row order, when they were analysed elsewhere
   * (a worker's thread under its time budget, budget/); otherwise they are analysed here.
   */
  outcomes?: readonly BudgetedOutcome[];
}

/**
 * The work of the analyze stage on one batch, without the writes: every item ends as an
 * analysis or a reject, and the batch is folded into its partial. No I/O, so it runs
 * wherever the analyzer is: in the stage itself (process-batch.ts), in the embedded runner
 * or on one of its threads (`analyze --threads`).
 */
export function analyzeBatch(analyzer: Analyzer, batch: Batch, options: AnalyzeBatchOptions = {}): BatchAnalysis {
  const { runId } = batch;
  const keepAnalyses = options.keepAnalyses ?? true;
  analyzer.beginBatch?.();
  const fold = { bucketSize: batch.options.bucket, by: batch.options.by };
  const into = options.into;
  if (into !== undefined && (into.runId !== runId || into.bucketSize !== fold.bucketSize))
    throw new Error(`analyzeBatch: batch ${batch.key} cannot be folded into partial ${into.key}`);
  const partial = into ?? createPartial(runId, batch.key, fold, analyzer.version);
  // As accumulatePartial keeps it: the sum's key is the least of its batches'.
  if (batch.key < partial.key) partial.key = batch.key;
  const counts = emptyCounts();
  const count = (outcome: Exclude<keyof RunCounts, 'read' | 'undated'>): void => {
    countOutcome(partial, outcome);
    counts.read++;
    counts[outcome]++;
  };
  const analyses: Analysis[] = [];
  const rejects: Reject[] = [];
  const reject = (r: Reject): void => {
    rejects.push(r);
    count(REJECT_COUNT[r.reason]);
  };
  let next = 0;
  for (const item of batch.items) {
    if (item.kind === 'reject') {
      reject(item.reject);
      continue;
    }
    const { verbatim, source, row } = item;
    const outcome = options.outcomes ? options.outcomes[next++]! : analyzeVerbatim(analyzer, verbatim, runId);
    if (outcome.kind === 'analysis') {
      if (keepAnalyses) analyses.push(outcome.analysis);
      // foldAnalysis counts it in the partial.
      foldAnalysis(partial, outcome.analysis, fold);
      counts.read++;
      counts.analyzed++;
      if (outcome.analysis.createdAt === undefined) counts.undated++;
    } else if (outcome.kind === 'unsupportedLanguage') {
      const message = `language '${outcome.language}' is not analysed (English only)`;
      reject({ runId, source, row, reason: 'unsupportedLanguage', verbatimId: verbatim.id, language: outcome.language, message, cause: message });
    } else if (outcome.kind === 'overBudget') {
      const message = `row ${row}: verbatim '${verbatim.id}' was still being analysed after the time budget of ${outcome.budgetMs} ms (worker --budget-ms) and was stopped; the rest of its batch went on`;
      reject({
        runId,
        source,
        row,
        reason: 'timeout',
        verbatimId: verbatim.id,
        message,
        cause: `analysis stopped after the time budget of ${outcome.budgetMs} ms`,
      });
    } else {
      reject({ runId, source, row, reason: 'invalid', verbatimId: verbatim.id, message: outcome.message, cause: outcome.message });
    }
  }
  return { analyses, rejects, partial, counts };
}
