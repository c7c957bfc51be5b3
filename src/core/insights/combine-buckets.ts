import type { Insight } from '../../contracts/index.js';

/**
 * One row per theme for a window of several buckets of one facet, from the stored bucket
 * insights. Exact where the stored fields allow: volume, revenue at risk (sums); share,
 * negative share, sentiment and churn share (re-weighted by volume; a bucket's verbatim
 * count is volume / share of any of its themes). Not combinable from bucket rows, so:
 * impact is left out (null; the whole run or a single bucket has it), the friction score is
 * the buckets' scores weighted by their verbatim counts, and the trend is the newest bucket's.
 */
export function combineBuckets(rows: readonly Insight[], facet: string): Insight[] {
  const buckets = [...new Set(rows.map((r) => r.bucket))].sort();
  if (buckets.length <= 1) return [...rows];
  const bucketTotal = new Map<string, number>();
  for (const r of rows) if (r.share > 0 && !bucketTotal.has(r.bucket)) bucketTotal.set(r.bucket, Math.round(r.volume / r.share));
  const total = [...bucketTotal.values()].reduce((s, n) => s + n, 0);
  const newest = buckets[buckets.length - 1]!;
  const byTheme = new Map<string, Insight[]>();
  for (const r of rows) byTheme.set(r.themeId, [...(byTheme.get(r.themeId) ?? []), r]);
  return [...byTheme.entries()].map(([themeId, list]) => {
    const volume = list.reduce((s, r) => s + r.volume, 0);
    const weighted = (f: (r: Insight) => number): number => (volume > 0 ? list.reduce((s, r) => s + f(r) * r.volume, 0) / volume : 0);
    const ordered = [...list].sort((a, b) => b.bucket.localeCompare(a.bucket));
    const seen = new Set<string>();
    return {
      ...list[0]!,
      themeId,
      bucket: `${buckets[0]}..${newest}`,
      facet,
      volume,
      share: total > 0 ? volume / total : 0,
      negativeShare: weighted((r) => r.negativeShare),
      sentiment: weighted((r) => r.sentiment),
      impact: null,
      revenueAtRisk: list.reduce((s, r) => s + r.revenueAtRisk, 0),
      churnShare: weighted((r) => r.churnShare),
      trend: list.find((r) => r.bucket === newest)?.trend ?? null,
      frictionScore: total > 0 ? list.reduce((s, r) => s + r.frictionScore * (bucketTotal.get(r.bucket) ?? 0), 0) / total : 0,
      quotes: ordered
        .flatMap((r) => r.quotes)
        .filter((q) => !seen.has(q.verbatimId) && seen.add(q.verbatimId))
        .slice(0, 3),
    };
  });
}
