import type { Analysis, Reject } from '../contracts/index.js';
import type { Analyzer } from '../core/analyzer.js';
import { analyzeVerbatim } from '../core/analyze.js';
import { countOutcome, createPartial, foldAnalysis } from '../core/insights/fold.js';
import type { InsightPartial } from '../core/insights/partial-types.js';
import type { Batch } from './types.js';

const REJECT_COUNT = { invalid: 'rejected', duplicate: 'duplicates', unsupportedLanguage: 'unsupportedLanguage' } as const;

/** What one batch became: its analyses and rejects, in row order, and its partial. */
export interface BatchAnalysis {
  analyses: Analysis[];
  rejects: Reject[];
  partial: InsightPartial;
}

/**
 * The work of the analyze stage on one batch, without the writes: every item ends as an
 * analysis or a reject, and the batch is folded into its partial. No I/O, so it runs
 * wherever the analyzer is: in the stage itself (process-batch.ts) or on a thread of
 * `analyze --threads`. `keepAnalyses: false` returns none (for a run nobody will read them
 * from): each is folded and dropped at once, so it dies young instead of being carried
 * through the batch by the garbage collector.
 */
export function analyzeBatch(analyzer: Analyzer, batch: Batch, keepAnalyses = true): BatchAnalysis {
  const { runId } = batch;
  analyzer.beginBatch?.();
  const fold = { bucketSize: batch.options.bucket, by: batch.options.by };
  const partial = createPartial(runId, batch.key, fold, analyzer.version);
  const analyses: Analysis[] = [];
  const rejects: Reject[] = [];
  const reject = (r: Reject): void => {
    rejects.push(r);
    countOutcome(partial, REJECT_COUNT[r.reason]);
  };
  for (const item of batch.items) {
    if (item.kind === 'reject') {
      reject(item.reject);
      continue;
    }
    const { verbatim, source, row } = item;
    const outcome = analyzeVerbatim(analyzer, verbatim, runId);
    if (outcome.kind === 'analysis') {
      if (keepAnalyses) analyses.push(outcome.analysis);
      foldAnalysis(partial, outcome.analysis, fold);
    } else if (outcome.kind === 'unsupportedLanguage') {
      reject({ runId, source, row, reason: 'unsupportedLanguage', verbatimId: verbatim.id, language: outcome.language, message: `language '${outcome.language}' is not analysed (English only)` });
    } else {
      reject({ runId, source, row, reason: 'invalid', verbatimId: verbatim.id, message: outcome.message });
    }
  }
  return { analyses, rejects, partial };
}
