import type { Insight, KeyDrivers, RunOptions, RunProfile } from '../../contracts/index.js';
import { computeInsights } from './compute.js';
import { fitDrivers } from './drivers.js';
import type { InsightPartial } from './partial-types.js';
import { profileOf } from './profile.js';

/**
 * Everything a run reports, from its merged partial: the profile (metric, responses,
 * attributes, facet coverage), the insights and the key drivers, both on the profile's
 * metric. The aggregate stage stores it; `top --metric` recomputes it from the stored
 * partials for another metric, so the two can never disagree.
 */
export function runInsights(
  merged: InsightPartial,
  runId: string,
  generation: number,
  options: Pick<RunOptions, 'by' | 'metric'>,
): { profile: RunProfile; insights: Insight[]; drivers: KeyDrivers | null } {
  const profile = profileOf(merged, options);
  const stats = merged.drivers[profile.metric];
  return {
    profile,
    insights: computeInsights(merged, runId, generation, profile.metric),
    drivers: stats ? fitDrivers(profile.metric, stats) : null,
  };
}
