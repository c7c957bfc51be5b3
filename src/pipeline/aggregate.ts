import type { Insight, KeyDrivers, RunCounts } from '../contracts/index.js';
import { accumulatePartial } from '../core/insights/merge.js';
import type { InsightPartial } from '../core/insights/partial-types.js';
import { runInsights } from '../core/insights/run-insights.js';
import { emptyCounts } from '../contracts/index.js';
import type { Store } from '../store/store.js';
import type { StageContext } from './types.js';

/**
 * The aggregate stage: merges the run's stored partials (never its analyses) and replaces
 * the run's insights with a new generation. Recomputed from scratch each time, so running
 * it twice, or after a retried batch, changes nothing.
 */
export async function aggregateRun(
  ctx: Pick<StageContext, 'store'>,
  runId: string,
): Promise<{
  insights: Insight[];
  counts: RunCounts;
  drivers: KeyDrivers | null;
  modelVersions: string[];
  generation: number;
  /** The merged partial the insights came from, for the caller to keep (rollups.ts) or drop. */
  merged: InsightPartial | null;
}> {
  const run = await ctx.store.getRun(runId);
  if (!run) throw new Error(`aggregate: run ${runId} not found`);
  const merged = await mergedPartial(ctx.store, runId);
  const generation = (run.insightGeneration ?? 0) + 1;
  // The metric is the run's own (--metric, else the automatic choice): every mode and every
  // re-aggregation of the run measures on the same one.
  const { insights, drivers, profile } = merged ? runInsights(merged, runId, generation, run.options) : { insights: [], drivers: null, profile: undefined };
  const counts = merged?.counts ?? emptyCounts();
  // The models that analysed the stored batches, whichever submission or worker ran them.
  const modelVersions = merged?.modelVersions ?? [];
  await ctx.store.replaceInsights(runId, generation, insights);
  await ctx.store.updateRun(runId, {
    counts,
    insightGeneration: generation,
    drivers,
    profile,
    ...(modelVersions.length > 0 ? { modelVersion: modelVersions.join(',') } : {}),
  });
  return { insights, counts, drivers, modelVersions, generation, merged };
}

/** The run's stored partials merged (null when none is stored). */
export async function mergedPartial(store: Store, runId: string): Promise<InsightPartial | null> {
  let merged: InsightPartial | null = null;
  // Partials come fresh from the store, so the total may absorb them in place.
  for await (const partial of store.partials(runId)) {
    if (merged === null) merged = partial;
    else accumulatePartial(merged, partial);
  }
  return merged;
}
