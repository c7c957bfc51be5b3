import type { Digest, Run } from '../contracts/index.js';
import { buildDigest, type DigestInput } from '../core/digest/build-digest.js';
import { previousPeriod } from '../core/digest/period.js';
import { bucketStart } from '../core/insights/bucket.js';
import { sumCoverage } from '../core/insights/profile.js';
import type { ThemeLookup } from '../core/insights/theme-rows.js';
import type { Store } from '../store/store.js';
import { datasetInsights } from './dataset-insights.js';

/** What a digest is built for: a subscription's team, dataset and filter, and the period. */
export type DigestRequest = Pick<
  DigestInput,
  'subscriptionId' | 'team' | 'dataset' | 'themes' | 'families' | 'facet' | 'minFriction' | 'minVolume' | 'period' | 'createdAt'
>;

/**
 * A team's digest from the dataset's view (its rollups, pipeline/dataset-insights.ts):
 * `finished` the dataset's finished runs. A dataset with none yet gives an empty digest
 * that says so, not an error: a subscription made before the first export still reports.
 */
export async function teamDigest(store: Store, finished: readonly Run[], request: DigestRequest, info: ThemeLookup): Promise<Digest> {
  const view = await datasetInsights(store, request.dataset, finished);
  const bucketSize = view?.bucketSize ?? 'week';
  const from = bucketStart(request.period.from, bucketSize);
  const to = bucketStart(request.period.to, bucketSize);
  const coverage = sumCoverage(
    Object.entries(view?.bucketCoverage ?? {})
      .filter(([bucket]) => bucket >= from && bucket <= to)
      .map(([, c]) => c),
  );
  return buildDigest({
    ...request,
    previous: previousPeriod(request.period),
    bucketSize,
    insights: view?.insights ?? [],
    drivers: view?.drivers ?? null,
    coverage,
    info,
  });
}
