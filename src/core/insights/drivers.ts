import type { KeyDriver, KeyDrivers, Metric } from '../../contracts/index.js';
import { quantile } from './bootstrap.js';
import { fromFixed } from './fixed-point.js';
import { higherIsBetter } from './metrics.js';
import type { DriverStats } from './partial-types.js';
import { fitRidge, type RawSums } from './ridge.js';

/** A feature (a theme's negative mentions, a control) needs this many responses, and this many without it. */
export const DRIVER_MIN_SUPPORT = 10;
/** Ridge penalty per occurrence of a feature (ridge.ts): shrinks rare, overlapping themes. */
export const DRIVER_RIDGE = 0.05;
/** `stability` counts how often a driver ranks among this many top drivers of a replicate. */
const DRIVER_TOP = 5;

/**
 * Key drivers: a ridge regression of the metric y on the indicators of negative and of
 * positive mentions of every theme, with the channel and the run's facets as controls
 * (driver-stats.ts), fitted from the partials' merged sufficient statistics (ridge.ts).
 * Overlapping themes share the credit instead of each claiming the whole gap, as the
 * with-vs-without impact does.
 *
 *   yhat = alpha + sum_j beta_j x_j,           alpha = ybar - sum_j beta_j xbar_j
 *   attribution_t  = beta_neg:t * xbar_neg:t    (the mean score the negative mentions of t cost)
 *   counterfactual = alpha + sum_{j not neg:*} beta_j xbar_j   (every negative indicator set to 0)
 *   gap            = ybar - ybar(responses with no negative mention)
 *   residual       = counterfactual - ybar(no negative mention)
 *   => sum_t attribution_t + residual = gap     (because mean(yhat) = ybar with an intercept)
 *
 * The residual holds what the model does not explain: themes under the minimum support,
 * controls and positive mentions that differ between the clean responses and the rest,
 * and interactions the additive model misses.
 *
 * Intervals: the same fit on each seeded Poisson-bootstrap replicate of the statistics, the
 * 2.5% and 97.5% percentiles of the attribution. `stability`: the share of replicates in
 * which the theme is among the DRIVER_TOP costliest drivers; `topOverlap`: the mean Jaccard
 * overlap of the replicates' top lists with the point estimate's.
 */
export function fitDrivers(metric: Metric, stats: DriverStats): KeyDrivers | null {
  const n = stats.n;
  if (n < 2 * DRIVER_MIN_SUPPORT) return null;
  const features = Object.keys(stats.x)
    .filter((f) => stats.x[f]! >= DRIVER_MIN_SUPPORT && stats.x[f]! <= n - DRIVER_MIN_SUPPORT)
    .sort();
  const k = features.length;
  const scale = (v: number): number => fromFixed(metric, v);
  const meanScore = scale(stats.y) / n;
  const cleanScore = stats.cleanN > 0 ? scale(stats.cleanY) / stats.cleanN : meanScore;
  const negatives = features.flatMap((f, i) => (f.startsWith('neg:') ? [i] : []));
  const pairs = pairKeys(features);

  const point = fitRidge(pointSums(stats, features, pairs, scale), k, DRIVER_RIDGE);
  let intercept = point.meanY;
  for (let j = 0; j < k; j++) intercept -= point.beta[j]! * point.meanX[j]!;
  let counterfactual = intercept;
  for (let j = 0; j < k; j++) if (!features[j]!.startsWith('neg:')) counterfactual += point.beta[j]! * point.meanX[j]!;
  const attributions = negatives.map((j) => point.beta[j]! * point.meanX[j]!);

  const draws = replicateAttributions(stats, features, pairs, negatives, scale);
  const cost = (attribution: number): number => (higherIsBetter(metric) ? -attribution : attribution);
  const pointTop = topOf(attributions.map(cost));
  const inTop = new Array<number>(negatives.length).fill(0);
  let overlap = 0;
  for (const draw of draws) {
    const top = topOf(draw.map(cost));
    for (const i of top) inTop[i]!++;
    overlap += jaccard(pointTop, top);
  }

  const drivers: KeyDriver[] = negatives.map((j, i) => {
    const sorted = draws.map((d) => d[i]!).sort((a, b) => a - b);
    return {
      themeId: features[j]!.slice('neg:'.length),
      weight: point.beta[j]!,
      attribution: attributions[i]!,
      ci: sorted.length > 0 ? [quantile(sorted, 0.025), quantile(sorted, 0.975)] : [attributions[i]!, attributions[i]!],
      support: stats.x[features[j]!]!,
      stability: draws.length > 0 ? inTop[i]! / draws.length : 0,
    };
  });
  drivers.sort((a, b) => cost(b.attribution) - cost(a.attribution) || a.themeId.localeCompare(b.themeId));
  return {
    metric,
    n,
    meanScore,
    cleanScore,
    gap: meanScore - cleanScore,
    counterfactualScore: counterfactual,
    residual: counterfactual - cleanScore,
    drivers,
    top: DRIVER_TOP,
    topOverlap: draws.length > 0 ? overlap / draws.length : 0,
    replicates: draws.length,
  };
}

/** "a|b" keys of the upper triangle (features are sorted, so a <= b as stored). */
function pairKeys(features: readonly string[]): string[] {
  const k = features.length;
  const keys = new Array<string>(k * k);
  for (let i = 0; i < k; i++) for (let j = i; j < k; j++) keys[i * k + j] = `${features[i]!}|${features[j]!}`;
  return keys;
}

function pointSums(stats: DriverStats, features: readonly string[], pairs: readonly string[], scale: (v: number) => number): RawSums {
  return buildSums(
    features.length,
    stats.n,
    scale(stats.y),
    (i) => stats.x[features[i]!] ?? 0,
    (p) => stats.xx[pairs[p]!] ?? 0,
    (i) => scale(stats.xy[features[i]!] ?? 0),
  );
}

/** Per replicate, the attribution of each negative feature (in `negatives` order). */
function replicateAttributions(
  stats: DriverStats,
  features: readonly string[],
  pairs: readonly string[],
  negatives: readonly number[],
  scale: (v: number) => number,
): number[][] {
  const reps = stats.replicates;
  const draws: number[][] = [];
  for (let b = 0; b < reps.n.length; b++) {
    const n = reps.n[b]!;
    if (n === 0) continue;
    const sums = buildSums(
      features.length,
      n,
      scale(reps.y[b]!),
      (i) => reps.x[features[i]!]?.[b] ?? 0,
      (p) => reps.xx[pairs[p]!]?.[b] ?? 0,
      (i) => scale(reps.xy[features[i]!]?.[b] ?? 0),
    );
    const fit = fitRidge(sums, features.length, DRIVER_RIDGE);
    draws.push(negatives.map((j) => fit.beta[j]! * fit.meanX[j]!));
  }
  return draws;
}

function buildSums(k: number, n: number, y: number, x: (i: number) => number, xx: (pair: number) => number, xy: (i: number) => number): RawSums {
  const sums: RawSums = { n, y, x: new Float64Array(k), xx: new Float64Array(k * k), xy: new Float64Array(k) };
  for (let i = 0; i < k; i++) {
    sums.x[i] = x(i);
    sums.xy[i] = xy(i);
    for (let j = i; j < k; j++) {
      const v = xx(i * k + j);
      sums.xx[i * k + j] = v;
      sums.xx[j * k + i] = v;
    }
  }
  return sums;
}

/** Indices of the DRIVER_TOP largest positive costs (ties: lower index first). */
function topOf(costs: readonly number[]): Set<number> {
  const order = costs.map((c, i) => [c, i] as const).filter(([c]) => c > 0);
  order.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  return new Set(order.slice(0, DRIVER_TOP).map(([, i]) => i));
}

function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}
