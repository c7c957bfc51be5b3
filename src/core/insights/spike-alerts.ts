import type { InsightPartial } from './partial-types.js';
import type { Spike } from './spike.js';
import { bucketsByFacet, spikesOf } from './trend.js';

export interface ThemeSpike {
  themeId: string;
  facet: string;
  spike: Spike;
}

/**
 * The spikes in `buckets` (the ones a run touched) of every theme in every facet of a merged
 * partial (a dataset's rollups): the rule the series mark spikes with (trend.ts), so an alert
 * is exactly a spike the dashboard shows. Sorted by bucket, facet, theme and kind, so the same
 * partial always gives the same list.
 */
export function themeSpikes(partial: InsightPartial, buckets: readonly string[]): ThemeSpike[] {
  const wanted = new Set(buckets);
  const found: ThemeSpike[] = [];
  for (const [facet, list] of bucketsByFacet(partial)) {
    list.forEach((bucket, index) => {
      if (!wanted.has(bucket)) return;
      for (const themeId of Object.keys(partial.scopes[`${bucket}|${facet}`]?.themes ?? {})) {
        for (const spike of spikesOf(partial, list, index, facet, themeId)) found.push({ themeId, facet, spike });
      }
    });
  }
  const order = (s: ThemeSpike) => `${s.spike.bucket}|${s.facet}|${s.themeId}|${s.spike.kind}`;
  return found.sort((a, b) => order(a).localeCompare(order(b)));
}
