import type { Metric } from '../../contracts/index.js';

/** The width of each metric's range, to put score gaps of any metric on [0, 1]. */
export const METRIC_RANGE: Record<Metric, number> = { sentiment: 2, nps: 200, csat: 4, ces: 6, rating: 4 };

/**
 * Friction score, used for ranking (0..~300):
 *
 *   friction = 100 * negativeReach * (1 + gap) * (1 + growth / 2)
 *
 * - negativeReach: share of the scope's verbatims with a negative mention of the theme;
 * - gap: how much lower the metric is for those verbatims than for the rest, divided by the
 *   metric's range and clamped to [0, 1];
 * - growth: the rise of the theme's share in the latest bucket over its baseline, relative
 *   to the baseline, clamped to [0, 1].
 * Each factor is monotone, so more negative mentions, a deeper score gap or a faster rise
 * never lower the score.
 */
export function frictionScore(negativeReach: number, gap: number, metric: Metric, growth: number): number {
  const g = clamp01(gap / METRIC_RANGE[metric]);
  return 100 * negativeReach * (1 + g) * (1 + clamp01(growth) / 2);
}

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
