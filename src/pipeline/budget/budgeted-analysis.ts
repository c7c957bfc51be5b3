import type { Verbatim } from '../../contracts/index.js';
import type { AnalyzerOptions } from '../../load/analyzer.js';
import type { AnalyzeBatch, BudgetedOutcome } from '../types.js';
import type { AnalysisItem } from './analysis-thread.js';
import { WatchedThread } from './watched-thread.js';
import type { VerbatimOutcome } from '../../core/analyze.js';

/** Default time budget of one verbatim's analysis in a worker (`--budget-ms`, FRICTIONLENS_BUDGET_MS). */
export const DEFAULT_BUDGET_MS = 60_000;

export interface BudgetedAnalysis {
  analyzeBatch: AnalyzeBatch;
  /** Starts the thread and waits for its models: a worker that cannot analyse fails before taking a job. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A worker's analysis under a time budget per verbatim: the verbatims of each batch are
 * analysed in a thread of their own (watched-thread.ts), and one still running when the
 * budget is spent is stopped and comes back over budget (a reject); the rest of its batch
 * goes on. The guards (core/text/guard.ts) keep every analysis linear in its text, so this
 * only fires on what they missed: it is what makes "no verbatim can stall a worker" hold
 * whatever a library does.
 *
 * The thread loads the same models from the same options; `version` is the version the
 * worker's own load reported, and every analysis is checked against it (models edited on
 * disk after the worker started would otherwise mix versions within a run).
 */
export function createBudgetedAnalysis(settings: {
  analyzer: AnalyzerOptions;
  version: string;
  budgetMs: number;
  onOverBudget?: (verbatim: Verbatim) => void;
  /** The thread's module: analysis-thread (the default) or one with the same contract. */
  entry?: URL;
}): BudgetedAnalysis {
  const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  const thread = new WatchedThread<AnalyzerOptions, AnalysisItem, VerbatimOutcome>({
    entry: settings.entry ?? new URL(`./analysis-thread.${ext}`, import.meta.url),
    options: settings.analyzer,
    budgetMs: settings.budgetMs,
  });
  return {
    async analyzeBatch(verbatims, runId) {
      const watched = await thread.run(verbatims.map((verbatim, i) => ({ verbatim, runId, ...(i === 0 ? { beginsBatch: true } : {}) })));
      return watched.map((w, i): BudgetedOutcome => {
        if (w.kind === 'overBudget') {
          settings.onOverBudget?.(verbatims[i]!);
          return { kind: 'overBudget', budgetMs: settings.budgetMs };
        }
        if (w.result.kind === 'analysis' && w.result.analysis.modelVersion !== settings.version) {
          throw new Error(
            `the analysis thread loaded models ${w.result.analysis.modelVersion}, this worker ${settings.version}: the model files changed since it started; restart it`,
          );
        }
        return w.result;
      });
    },
    ready: () => thread.ready(),
    close: () => thread.close(),
  };
}
