import type { RunCounts, Verbatim } from '../contracts/index.js';
import type { Store } from '../store/store.js';
import type { Analyzer } from '../core/analyzer.js';
import type { VerbatimOutcome } from '../core/analyze.js';

/** A verbatim's analysis, or its stop for running past the time budget (budget/budgeted-analysis.ts). */
export type BudgetedOutcome = VerbatimOutcome | { kind: 'overBudget'; budgetMs: number };

/** Analyses a batch's verbatims in order, elsewhere than in this thread, each under a time budget. */
export type AnalyzeBatch = (verbatims: readonly Verbatim[], runId: string) => Promise<BudgetedOutcome[]>;

/** What every stage needs: where to store and the loaded analyzer. Passed in, never global. */
export interface StageContext {
  store: Store;
  analyzer: Analyzer;
  /** Workers analyse under a time budget; without it, verbatims are analysed in this thread (embedded mode). */
  analyzeBatch?: AnalyzeBatch;
}

/** The counts one batch contributed; the run's counts are the sum over its stored partials. */
export type BatchOutcome = RunCounts;
