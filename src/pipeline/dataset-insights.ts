import type { Coverage, Insight, KeyDrivers, Run } from '../contracts/index.js';
import { accumulatePartial } from '../core/insights/merge.js';
import type { InsightPartial } from '../core/insights/partial-types.js';
import { runInsights } from '../core/insights/run-insights.js';
import type { Store } from '../store/store.js';

export interface DatasetView {
  insights: Insight[];
  drivers: KeyDrivers | null;
  coverage: Coverage | null;
  /** The facet fields the dataset is sliced by (its runs share them: dataset-options.ts). */
  fields: string[];
}

/** The id the merged view's insights carry: no run's, so nobody mistakes them for one run's. */
const viewId = (dataset: string): string => `dataset:${dataset}`;

/**
 * The insights of a whole dataset: the partials of all its finished runs merged by addition
 * (DESIGN.md "Datasets") and measured as one run would be. Each verbatim counts once: a
 * verbatim an earlier run analysed is a duplicate in the later one (claim-batch.ts), never
 * folded twice. `finished`: the dataset's finished runs, oldest first. Null when there is none.
 */
export async function datasetInsights(store: Store, dataset: string, finished: readonly Run[]): Promise<DatasetView | null> {
  if (finished.length === 0) return null;
  const id = viewId(dataset);
  let merged: InsightPartial | null = null;
  for (const run of finished) {
    // Fresh from the store, so the total may absorb them; relabelled so runs merge as one.
    for await (const partial of store.partials(run.id)) {
      partial.runId = id;
      if (merged === null) merged = partial;
      else accumulatePartial(merged, partial);
    }
  }
  const first = finished[0]!;
  const options = { by: first.options.by, ...(first.options.metric ? { metric: first.options.metric } : {}) };
  const { insights, drivers, profile } = merged ? runInsights(merged, id, 0, options) : { insights: [], drivers: null, profile: undefined };
  return { insights, drivers, coverage: profile?.coverage ?? null, fields: [...first.options.by] };
}
