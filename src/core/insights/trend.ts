import type { InsightPartial } from './partial-types.js';

const SPIKE_MIN_VOLUME = 10;
/**
 * A bucket needs this many verbatims (in its facet) to have a trend, to serve as the previous
 * bucket or the baseline of one, and to feed the friction score's growth. With fewer, one or
 * two mentions swing a share by tens of points (8 verbatims: 12.5 points each), and a
 * trailing half-empty bucket (an export cut mid-week) would top the ranking on noise. At 30
 * a share's standard error is at most 9 points, about 5 at a 10% share.
 */
export const MIN_TREND_VERBATIMS = 30;
const BASELINE_BUCKETS = 8;
const MIN_BASELINE_BUCKETS = 3;

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
 * earlier buckets. It is a spike when, with at least 3 buckets of history and 10 mentions,
 * the share is at least twice the baseline and 3 standard deviations above it.
 * `change` compares with the previous bucket. `buckets` holds only the buckets with enough
 * verbatims (bucketsByFacet), so a thin bucket is neither measured nor compared with.
 */
export function trendAt(partial: InsightPartial, buckets: readonly string[], index: number, facet: string, themeId: string): Trend | null {
  if (index <= 0) return null;
  const share = shareIn(partial, buckets[index]!, facet, themeId);
  const previousShare = shareIn(partial, buckets[index - 1]!, facet, themeId);
  const history = buckets.slice(Math.max(0, index - BASELINE_BUCKETS), index).map((b) => shareIn(partial, b, facet, themeId));
  const mu = history.reduce((s, x) => s + x, 0) / history.length;
  const sd = Math.sqrt(history.reduce((s, x) => s + (x - mu) ** 2, 0) / history.length);
  const volume = partial.scopes[`${buckets[index]!}|${facet}`]?.themes[themeId]?.any.n ?? 0;
  const spike = history.length >= MIN_BASELINE_BUCKETS && volume >= SPIKE_MIN_VOLUME && share >= 2 * mu && share - mu >= 3 * Math.max(sd, 0.005);
  return { previousShare, change: share - previousShare, spike, growth: (share - mu) / Math.max(mu, 0.01) };
}
