import { analyzeVerbatim, type VerbatimOutcome } from '../../core/analyze.js';
import type { Verbatim } from '../../contracts/index.js';
import { loadAnalyzer, type AnalyzerOptions } from '../../load/analyzer.js';
import { serveTask } from './thread-task.js';

/** What the analysis thread is asked: one verbatim of a run. */
export interface AnalysisItem {
  verbatim: Verbatim;
  runId: string;
  /** The first verbatim of a batch: the parser forgets the words of earlier batches (Analyzer.beginBatch). */
  beginsBatch?: true;
}

/**
 * The analysis thread of a worker (budgeted-analysis.ts): loads the same models as the worker
 * (the same options give the same version, which the worker checks) and analyses verbatims.
 */
await serveTask<AnalyzerOptions, AnalysisItem, VerbatimOutcome>({
  async setup(options) {
    const { analyzer } = await loadAnalyzer(options);
    return ({ verbatim, runId, beginsBatch }) => {
      if (beginsBatch) analyzer.beginBatch?.();
      return analyzeVerbatim(analyzer, verbatim, runId);
    };
  },
});
