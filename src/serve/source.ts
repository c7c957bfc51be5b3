import type { Coverage, Insight, KeyDrivers, RunCounts } from '../contracts/index.js';
import type { AnalysesPage, AnalysisLine } from '../store/out-dir.js';

/** A dataset's insights as the routes read them: every bucket and facet, and the key drivers. */
export interface DatasetInsights {
  insights: readonly Insight[];
  drivers: KeyDrivers | null;
  /** The facet fields the dataset is sliced by ("channel", "segment", "attributes.region"). */
  fields: readonly string[];
  /** How much the themes explain over the whole dataset (null where it was not kept). */
  coverage: Coverage | null;
}

export interface RunView {
  id: string;
  dataset: string;
  status: string;
  counts: RunCounts;
  startedAt?: string;
  finishedAt?: string;
  /** Running runs: the batches stored so far and what their rows became. */
  progress?: { batches: number; counts: RunCounts };
  error?: string;
}

/**
 * Where the API reads from: what `analyze --out DIR` wrote (out-dir-source.ts), or the
 * datasets in the store (store-source.ts). The routes know no more than this.
 */
export interface ServeSource {
  /** What /health says the server is serving from. */
  readonly kind: 'out-dir' | 'store';
  datasets(): Promise<string[]>;
  /** Null for a dataset the source does not hold (or that has no finished run yet). */
  insights(dataset: string): Promise<DatasetInsights | null>;
  /** A page of analyses from `cursor` (opaque: "0" or the `next` of a page; a malformed one is a UsageError). */
  analyses(dataset: string, keep: (line: AnalysisLine) => boolean, cursor: string, limit: number): Promise<AnalysesPage>;
  run(id: string): Promise<RunView | null>;
  /** The runs, newest first: all, or one dataset's. */
  runs(dataset?: string): Promise<RunView[]>;
  /** Verbatims analysed in what the source holds (for /metrics). */
  analysed(): Promise<number>;
  /** Whether each service the source needs answers (for /health). */
  ready(): Promise<Record<string, boolean>>;
  /** Jobs per pipeline stage and state (waiting, active, delayed, failed, completed), where there is a queue. */
  queueDepths?(): Promise<Record<string, Record<string, number>>>;
}
