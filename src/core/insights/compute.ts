import type { Insight, Metric } from '../../contracts/index.js';
import { fromFixed } from './fixed-point.js';
import { frictionScore } from './friction.js';
import { HEADLINE_SCOPE } from './fold.js';
import { impactOf, negativeGap } from './impact.js';
import { METRIC_PREFERENCE } from './metrics.js';
import type { InsightPartial } from './partial-types.js';
import { bucketsByFacet, splitScope, trendAt, type Trend } from './trend.js';

/** A score type needs this many responses in the run before impacts are measured on it. */
export const MIN_SCORED = 20;

/** The run's headline metric: the preferred score type with enough responses, else sentiment. */
export function headlineMetric(partial: InsightPartial): Metric {
  const total = partial.scopes[HEADLINE_SCOPE]?.total;
  for (const m of METRIC_PREFERENCE) if ((total?.metrics[m]?.n ?? 0) >= MIN_SCORED) return m;
  return 'sentiment';
}

/**
 * Insights for every theme x bucket x facet of a merged partial. Pure and deterministic:
 * the same merged partial gives the same insights, in the same order.
 */
export function computeInsights(partial: InsightPartial, runId: string, generation: number): Insight[] {
  const metric = headlineMetric(partial);
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
      // The whole-run row reports the latest bucket against its baseline: "is it rising now?"
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
        frictionScore: frictionScore(
          cell.negative.n / scope.total.n,
          negativeGap(metric, scope.total, cell.negative),
          metric,
          trend?.growth ?? 0,
        ),
        quotes: cell.quotes.map(({ rank: _rank, ...quote }) => quote),
      });
    }
  }
  return insights;
}
