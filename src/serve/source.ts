import type { Insight, KeyDrivers, RunCounts } from '../contracts/index.js';
import type { AnalysesPage, AnalysisLine } from '../store/out-dir.js';

/** A dataset's insights as the routes read them: every bucket and facet, and the key drivers. */
export interface DatasetInsights {
  insights: readonly Insight[];
  drivers: KeyDrivers | null;
  /** The facet fields the dataset is sliced by ("channel", "segment", "attributes.region"). */
  fields: readonly string[];
}

interface RunView {
  id: string;
  dataset: string;
  status: string;
  counts: RunCounts;
}

/**
 * Where the API reads from. `serve --from DIR` reads what `analyze --out DIR` wrote
 * (out-dir-source.ts); the routes know no more than this.
 */
export interface ServeSource {
  /** What /health says the server is serving from. */
  readonly kind: 'out-dir';
  datasets(): readonly string[];
  /** Null for a dataset the source does not hold. */
  insights(dataset: string): Promise<DatasetInsights | null>;
  analyses(dataset: string, keep: (line: AnalysisLine) => boolean, cursor: number, limit: number): Promise<AnalysesPage>;
  run(id: string): Promise<RunView | null>;
  /** Verbatims analysed in the source (for /metrics). */
  analysed(): number;
}
