import type { Insight, Metric } from '../../contracts/index.js';
import { fromFixed } from './fixed-point.js';
import { frictionScore } from './friction.js';
import { HEADLINE_SCOPE } from './fold.js';
import { impactOf, negativeGap } from './impact.js';
import type { InsightPartial } from './partial-types.js';
import { chooseMetric, metricResponses } from './profile.js';
import { bucketsByFacet, splitScope, trendAt, type Trend } from './trend.js';

/**
 * Insights for every theme x bucket x facet of a merged partial, with impacts and the
 * friction score measured on `metric` (default: the automatic choice, profile.ts). Pure and
 * deterministic: the same merged partial gives the same insights, in the same order.
 */
export function computeInsights(
  partial: InsightPartial,
  runId: string,
  generation: number,
  metric: Metric = chooseMetric(metricResponses(partial)),
): Insight[] {
  const buckets = bucketsByFacet(partial);
  const insights: Insight[] = [];
  for (const key of Object.keys(partial.scopes).sort()) {
    const scope = partial.scopes[key]!;
    const [bucket, facet] = splitScope(key);
    const facetBuckets = buckets.get(facet) ?? [];
    for (const themeId of Object.keys(scope.themes).sort()) {
      const cell = scope.themes[themeId]!;
      const reps = key === HEADLINE_SCOPE ? { total: scope.totalReplicates, theme: cell.anyReplicates } : undefined;
      const impact = impactOf(metric, scope.total, cell, reps);
      // The whole-run row reports the latest bucket with enough verbatims against its
      // baseline: "is it rising now?"; a thin bucket (index -1) has no trend of its own.
      const index = bucket === '*' ? facetBuckets.length - 1 : facetBuckets.indexOf(bucket);
      const trend: Trend | null = trendAt(partial, facetBuckets, index, facet, themeId);
      const sentiment = cell.any.metrics.sentiment;
      insights.push({
        runId,
        generation,
        themeId,
        bucket,
        bucketSize: partial.bucketSize,
        facet,
        volume: cell.any.n,
        share: cell.any.n / scope.total.n,
        negativeShare: cell.any.n > 0 ? cell.negative.n / cell.any.n : 0,
        sentiment: sentiment && sentiment.n > 0 ? fromFixed('sentiment', sentiment.sum) / sentiment.n : 0,
        impact,
        revenueAtRisk: cell.any.valueAtRisk / 100,
        churnShare: cell.any.n > 0 ? cell.any.churn / cell.any.n : 0,
        trend: trend && { previousShare: trend.previousShare, change: trend.change, spike: trend.spike },
        frictionScore: frictionScore(cell.negative.n / scope.total.n, negativeGap(metric, scope.total, cell.negative), metric, trend?.growth ?? 0),
        quotes: cell.quotes.map(({ rank: _rank, ...quote }) => quote),
        ...(key === HEADLINE_SCOPE ? { cooccurring: cooccurring(cell.together) } : {}),
      });
    }
  }
  return insights;
}

const COOCCURRING = 5;

/** The themes most often mentioned with this one, most first (ties by id, so every mode gives the same). */
function cooccurring(together: Record<string, number> | undefined): Array<{ themeId: string; volume: number }> {
  return Object.entries(together ?? {})
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, COOCCURRING)
    .map(([themeId, volume]) => ({ themeId, volume }));
}
