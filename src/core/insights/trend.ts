import type { InsightPartial } from './partial-types.js';
import { type BucketCount, DEFAULT_SPIKE_RULE, type Spike, spikesAt } from './spike.js';

/**
 * A bucket needs this many verbatims (in its facet) to have a trend, to serve as the previous
 * bucket or the baseline of one, and to feed the friction score's growth. With fewer, one or
 * two mentions swing a share by tens of points (8 verbatims: 12.5 points each), and a
 * trailing half-empty bucket (an export cut mid-week) would top the ranking on noise. At 30
 * a share's standard error is at most 9 points, about 5 at a 10% share.
 */
export const MIN_TREND_VERBATIMS = DEFAULT_SPIKE_RULE.minTotal;
const BASELINE_BUCKETS = 8;

export interface Trend {
  previousShare: number;
  change: number;
  spike: boolean;
  /** Rise over the baseline relative to it; feeds the friction score. */
  growth: number;
}

/** Bucket starts with at least MIN_TREND_VERBATIMS verbatims, per facet, oldest first: the buckets trends compare. */
export function bucketsByFacet(partial: InsightPartial): Map<string, string[]> {
  const byFacet = new Map<string, string[]>();
  for (const [key, scope] of Object.entries(partial.scopes)) {
    const [bucket, facet] = splitScope(key);
    if (bucket === '*' || scope.total.n < MIN_TREND_VERBATIMS) continue;
    const list = byFacet.get(facet) ?? [];
    list.push(bucket);
    byFacet.set(facet, list);
  }
  for (const list of byFacet.values()) list.sort();
  return byFacet;
}

export function splitScope(key: string): [string, string] {
  const bar = key.indexOf('|');
  return [key.slice(0, bar), key.slice(bar + 1)];
}

const shareIn = (partial: InsightPartial, bucket: string, facet: string, themeId: string): number => {
  const scope = partial.scopes[`${bucket}|${facet}`];
  if (!scope || scope.total.n === 0) return 0;
  return (scope.themes[themeId]?.any.n ?? 0) / scope.total.n;
};

/**
 * A bucket's share of the theme against its own baseline: the mean share over up to 8
 * earlier buckets (`growth`, which feeds the friction score). `change` compares with the
 * previous bucket. `spike` is the alert rule's (spike.ts: the theme's volume or negative share
 * far above its robust baseline), so a spike marked in a series is one its owners are alerted
 * to. `buckets` holds only the buckets with enough verbatims (bucketsByFacet), so a thin bucket
 * is neither measured nor compared with.
 */
export function trendAt(partial: InsightPartial, buckets: readonly string[], index: number, facet: string, themeId: string): Trend | null {
  if (index <= 0) return null;
  const share = shareIn(partial, buckets[index]!, facet, themeId);
  const previousShare = shareIn(partial, buckets[index - 1]!, facet, themeId);
  const history = buckets.slice(Math.max(0, index - BASELINE_BUCKETS), index).map((b) => shareIn(partial, b, facet, themeId));
  const mu = history.reduce((s, x) => s + x, 0) / history.length;
  const spike = spikesOf(partial, buckets, index, facet, themeId).length > 0;
  return { previousShare, change: share - previousShare, spike, growth: (share - mu) / Math.max(mu, 0.01) };
}

/** The spikes (spike.ts) of a theme in bucket `index` of a facet's buckets: what trends mark and alerts send. */
export function spikesOf(partial: InsightPartial, buckets: readonly string[], index: number, facet: string, themeId: string): Spike[] {
  const from = Math.max(0, index - SPIKE_HISTORY[partial.bucketSize]);
  const series = buckets.slice(from, index + 1).map((bucket): BucketCount => {
    const scope = partial.scopes[`${bucket}|${facet}`];
    const cell = scope?.themes[themeId];
    return { bucket, total: scope?.total.n ?? 0, volume: cell?.any.n ?? 0, negative: cell?.negative.n ?? 0 };
  });
  return spikesAt(series, index - from, partial.bucketSize);
}

/** The buckets before one that the spike rule may look at: 8 weeks of days, else 8 buckets. */
const SPIKE_HISTORY: Record<InsightPartial['bucketSize'], number> = {
  day: 7 * DEFAULT_SPIKE_RULE.history,
  week: DEFAULT_SPIKE_RULE.history,
  month: DEFAULT_SPIKE_RULE.history,
};
