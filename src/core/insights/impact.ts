import type { Impact, Metric } from '../../contracts/index.js';
import { quantile } from './bootstrap.js';
import { higherIsBetter } from './metrics.js';
import { fromFixed, fromFixedSq } from './fixed-point.js';
import type { Group, Moments, Replicates } from './partial-types.js';

const Z95 = 1.959964;

const mean = (m: Metric, x: Moments | undefined): number => (x && x.n > 0 ? fromFixed(m, x.sum) / x.n : Number.NaN);

/**
 * impact_t = S(all) - S(responses not mentioning t), S the mean of the metric. Equivalent to
 * n_t (S_t - S_all) / (N - n_t): how far the score would move if the theme's responses were
 * gone. Negative means the theme drags the score down.
 */
function withoutImpact(all: Moments, theme: Moments | undefined): number {
  const n = theme?.n ?? 0;
  if (all.n - n <= 0 || n === 0) return 0;
  const withoutMean = (all.sum - theme!.sum) / (all.n - n);
  return all.sum / all.n - withoutMean;
}

/**
 * The with-vs-without impact of a theme on a metric, with a 95% interval: percentiles of
 * the seeded Poisson bootstrap where the scope carries replicates, otherwise the normal
 * approximation SE = (n_t/N) sqrt(var_t/n_t + var_rest/(N-n_t)) of (n_t/N)(S_t - S_rest).
 */
export function impactOf(
  metric: Metric,
  total: Group,
  theme: { any: Group; negative: Group; positive: Group },
  replicates?: { total: Replicates; theme: Replicates },
): Impact | null {
  const all = total.metrics[metric];
  const t = theme.any.metrics[metric];
  if (!all || !t || t.n === 0 || all.n - t.n <= 0) return null;
  const scale = (v: number): number => fromFixed(metric, v);
  const value = scale(withoutImpact(all, t));
  const rest: Moments = { n: all.n - t.n, sum: all.sum - t.sum, sq: all.sq - t.sq };
  let ci: [number, number];
  const totalReps = replicates?.total[metric];
  const themeReps = replicates?.theme[metric];
  if (totalReps && themeReps) {
    const draws: number[] = [];
    for (let b = 0; 2 * b < totalReps.length; b++) {
      const allB = { n: totalReps[2 * b]!, sum: totalReps[2 * b + 1]!, sq: 0 };
      const tB = { n: themeReps[2 * b]!, sum: themeReps[2 * b + 1]!, sq: 0 };
      if (allB.n - tB.n > 0 && tB.n > 0) draws.push(scale(withoutImpact(allB, tB)));
    }
    draws.sort((a, b) => a - b);
    ci = [quantile(draws, 0.025), quantile(draws, 0.975)];
  } else {
    const variance = (x: Moments): number => (x.n > 1 ? Math.max(0, (fromFixedSq(metric, x.sq) - x.n * mean(metric, x) ** 2) / (x.n - 1)) : 0);
    const se = (t.n / all.n) * Math.sqrt(variance(t) / t.n + variance(rest) / rest.n);
    ci = [value - Z95 * se, value + Z95 * se];
  }
  return {
    metric,
    value,
    ci,
    negative: scale(withoutImpact(all, theme.negative.metrics[metric])),
    positive: scale(withoutImpact(all, theme.positive.metrics[metric])),
    withTheme: mean(metric, t),
    withoutTheme: mean(metric, rest),
  };
}

/**
 * How much worse the metric is for responses with a negative mention than for all the
 * others (positive = worse; CES counts effort, so there higher is worse).
 */
export function negativeGap(metric: Metric, total: Group, negative: Group): number {
  const all = total.metrics[metric];
  const neg = negative.metrics[metric];
  if (!all || !neg || neg.n === 0 || all.n - neg.n <= 0) return 0;
  const gap = fromFixed(metric, (all.sum - neg.sum) / (all.n - neg.n) - neg.sum / neg.n);
  return higherIsBetter(metric) ? gap : -gap;
}
