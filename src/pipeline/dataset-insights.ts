import type { Coverage, Insight, KeyDrivers, Run } from '../contracts/index.js';
import type { BucketSize } from '../core/insights/bucket.js';
import { coverageIn } from '../core/insights/profile.js';
import { runInsights } from '../core/insights/run-insights.js';
import { splitScope } from '../core/insights/trend.js';
import type { Store } from '../store/store.js';
import { datasetOwner, mergedRollups, refreshDatasetRollups } from './rollups.js';

export interface DatasetView {
  insights: Insight[];
  drivers: KeyDrivers | null;
  coverage: Coverage | null;
  /** The facet fields the dataset is sliced by (its runs share them: dataset-options.ts). */
  fields: string[];
  /** The dataset's bucket size (its runs share it) and each bucket's coverage (a digest's period). */
  bucketSize: BucketSize;
  bucketCoverage: Record<string, Coverage>;
}

/**
 * The insights of a whole dataset: its per-bucket rollups (the partials of all its finished
 * runs, summed by bucket: rollups.ts) merged by addition (DESIGN.md "Datasets") and measured
 * as one run would be. The rollups a finished run made stale are recomputed first (the
 * aggregate stage has usually done it), so this reads one document per bucket, whatever the
 * number of runs and batches. Each verbatim counts once: a verbatim an earlier run analysed
 * is a duplicate in the later one (claim-batch.ts), never folded twice. `finished`: the
 * dataset's finished runs, oldest first. Null when there is none.
 */
export async function datasetInsights(store: Store, dataset: string, finished: readonly Run[]): Promise<DatasetView | null> {
  if (finished.length === 0) return null;
  // The id the view's insights carry: no run's, so nobody mistakes them for one run's.
  const id = datasetOwner(dataset);
  await refreshDatasetRollups(store, dataset, finished);
  const merged = await mergedRollups(store, dataset);
  const first = finished[0]!;
  const options = { by: first.options.by, ...(first.options.metric ? { metric: first.options.metric } : {}) };
  const { insights, drivers, profile } = merged ? runInsights(merged, id, 0, options) : { insights: [], drivers: null, profile: undefined };
  const bucketCoverage: Record<string, Coverage> = {};
  for (const key of Object.keys(merged?.scopes ?? {})) {
    const [bucket, facet] = splitScope(key);
    if (bucket !== '*' && facet === 'all') bucketCoverage[bucket] = coverageIn(merged!, [key]);
  }
  return { insights, drivers, coverage: profile?.coverage ?? null, fields: [...first.options.by], bucketSize: first.options.bucket, bucketCoverage };
}
