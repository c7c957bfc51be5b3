import type { RunCounts } from '../contracts/index.js';
import type { Store } from '../store/store.js';
import type { Analyzer } from '../core/analyzer.js';

/** What every stage needs: where to store and the loaded analyzer. Passed in, never global. */
export interface StageContext {
  store: Store;
  analyzer: Analyzer;
}

/** The counts one batch contributed; the run's counts are the sum over its stored partials. */
export type BatchOutcome = RunCounts;
