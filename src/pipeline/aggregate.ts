import type { Insight, KeyDrivers, RunCounts } from '../contracts/index.js';
import { computeInsights, headlineMetric } from '../core/insights/compute.js';
import { fitDrivers } from '../core/insights/drivers.js';
import { accumulatePartial } from '../core/insights/merge.js';
import type { InsightPartial } from '../core/insights/partial-types.js';
import { emptyCounts } from '../contracts/index.js';
import type { StageContext } from './types.js';

/**
 * The aggregate stage: merges the run's stored partials (never its analyses) and replaces
 * the run's insights with a new generation. Recomputed from scratch each time, so running
 * it twice, or after a retried batch, changes nothing.
 */
export async function aggregateRun(
  ctx: Pick<StageContext, 'store'>,
  runId: string,
): Promise<{ insights: Insight[]; counts: RunCounts; drivers: KeyDrivers | null; modelVersions: string[] }> {
  const run = await ctx.store.getRun(runId);
  if (!run) throw new Error(`aggregate: run ${runId} not found`);
  let merged: InsightPartial | null = null;
  // Partials come fresh from the store, so the total may absorb them in place.
  for await (const partial of ctx.store.partials(runId)) {
    if (merged === null) merged = partial;
    else accumulatePartial(merged, partial);
  }
  const generation = (run.insightGeneration ?? 0) + 1;
  const insights = merged ? computeInsights(merged, runId, generation) : [];
  const counts = merged?.counts ?? emptyCounts();
  const drivers = merged ? keyDrivers(merged) : null;
  // The models that analysed the stored batches, whichever submission or worker ran them.
  const modelVersions = merged?.modelVersions ?? [];
  await ctx.store.replaceInsights(runId, generation, insights);
  await ctx.store.updateRun(runId, { counts, insightGeneration: generation, drivers, ...(modelVersions.length > 0 ? { modelVersion: modelVersions.join(',') } : {}) });
  return { insights, counts, drivers, modelVersions };
}

/** The key-driver model on the run's headline metric (the one impacts are measured on). */
function keyDrivers(merged: InsightPartial): KeyDrivers | null {
  const metric = headlineMetric(merged);
  const stats = merged.drivers[metric];
  return stats ? fitDrivers(metric, stats) : null;
}
