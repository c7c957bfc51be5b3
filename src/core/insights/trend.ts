import type { InsightPartial } from './partial-types.js';

export const SPIKE_MIN_VOLUME = 10;
const BASELINE_BUCKETS = 8;
const MIN_BASELINE_BUCKETS = 3;

export interface Trend {
  previousShare: number;
  change: number;
  spike: boolean;
  /** Rise over the baseline relative to it; feeds the friction score. */
  growth: number;
}

/** Bucket starts that hold data, per facet, oldest first. */
export function bucketsByFacet(partial: InsightPartial): Map<string, string[]> {
  const byFacet = new Map<string, string[]>();
  for (const key of Object.keys(partial.scopes)) {
    const [bucket, facet] = splitScope(key);
    if (bucket === '*') continue;
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
 * `change` compares with the immediately previous bucket that has data.
 */
export function trendAt(partial: InsightPartial, buckets: readonly string[], index: number, facet: string, themeId: string): Trend | null {
  if (index <= 0) return null;
  const share = shareIn(partial, buckets[index]!, facet, themeId);
  const previousShare = shareIn(partial, buckets[index - 1]!, facet, themeId);
  const history = buckets.slice(Math.max(0, index - BASELINE_BUCKETS), index).map((b) => shareIn(partial, b, facet, themeId));
  const mu = history.reduce((s, x) => s + x, 0) / history.length;
  const sd = Math.sqrt(history.reduce((s, x) => s + (x - mu) ** 2, 0) / history.length);
  const volume = partial.scopes[`${buckets[index]!}|${facet}`]?.themes[themeId]?.any.n ?? 0;
  const spike =
    history.length >= MIN_BASELINE_BUCKETS && volume >= SPIKE_MIN_VOLUME && share >= 2 * mu && share - mu >= 3 * Math.max(sd, 0.005);
  return { previousShare, change: share - previousShare, spike, growth: (share - mu) / Math.max(mu, 0.01) };
}
