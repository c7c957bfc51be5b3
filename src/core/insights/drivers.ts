import type { Metric } from '../../contracts/index.js';
import { fromFixed, fromFixedSq } from './fixed-point.js';
import { invertSpd, solveSpd } from './linear-solve.js';
import type { DriverStats } from './partial-types.js';

export const DRIVER_MIN_SUPPORT = 10;
/** Ridge penalty per observation: shrinks the weights of rare, overlapping themes. */
export const DRIVER_RIDGE = 0.05;

export interface Driver {
  themeId: string;
  /** Score change when a response mentions the theme negatively, holding the others fixed. */
  weight: number;
  /** weight x share of responses with a negative mention: the mean score it costs. */
  attribution: number;
  ci: [number, number];
  support: number;
}

export interface DriverModel {
  metric: Metric;
  n: number;
  meanScore: number;
  /** Mean score of the responses with no negative theme mention. */
  cleanScore: number;
  /** meanScore - cleanScore: what the negative mentions cost, observed. */
  gap: number;
  drivers: Driver[];
  /** gap - sum of attributions: what the model leaves unexplained. Attributions + residual = gap. */
  residual: number;
}

/**
 * Key drivers: a ridge regression of the metric on negative- and positive-mention
 * indicators of every theme (with channel and facet controls), solved from the partials'
 * sufficient statistics X'X, X'y. Overlapping themes share the credit instead of each
 * claiming the whole gap, as the with-vs-without impact does.
 *
 *   beta = (Sxx + lambda n I)^-1 Sxy     (S: centred cross-products)
 *   attribution_t = beta_neg:t * mean(neg:t)
 *   gap = mean(y) - mean(y | no negative mention) = sum_t attribution_t + residual
 *
 * Intervals: beta +- 1.96 SE with SE from the ridge sandwich sigma^2 (S+L)^-1 S (S+L)^-1.
 */
export function fitDrivers(metric: Metric, stats: DriverStats): DriverModel | null {
  const n = stats.n;
  if (n < 2 * DRIVER_MIN_SUPPORT) return null;
  const features = Object.keys(stats.x)
    .filter((f) => stats.x[f]! >= DRIVER_MIN_SUPPORT && stats.x[f]! <= n - DRIVER_MIN_SUPPORT)
    .sort();
  const k = features.length;
  const meanY = fromFixed(metric, stats.y) / n;
  const cleanScore = stats.cleanN > 0 ? fromFixed(metric, stats.cleanY) / stats.cleanN : meanY;
  const gap = meanY - cleanScore;
  if (k === 0) return { metric, n, meanScore: meanY, cleanScore, gap, drivers: [], residual: gap };

  const mean = features.map((f) => stats.x[f]! / n);
  const s = new Float64Array(k * k);
  const sy = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    sy[i] = fromFixed(metric, stats.xy[features[i]!] ?? 0) - n * mean[i]! * meanY;
    for (let j = i; j < k; j++) {
      const v = (stats.xx[`${features[i]!}|${features[j]!}`] ?? 0) - n * mean[i]! * mean[j]!;
      s[i * k + j] = v;
      s[j * k + i] = v;
    }
  }
  const penalised = Float64Array.from(s, (v, idx) => (idx % (k + 1) === 0 ? v + DRIVER_RIDGE * n * mean[Math.floor(idx / k)]! + 1e-9 : v));
  const beta = solveSpd(penalised, sy, k);

  // Residual variance: (Syy - 2 b'Sxy + b'Sb) / (n - k - 1).
  const syy = fromFixedSq(metric, stats.yy) - n * meanY * meanY;
  let bSy = 0;
  let bSb = 0;
  for (let i = 0; i < k; i++) {
    bSy += beta[i]! * sy[i]!;
    for (let j = 0; j < k; j++) bSb += beta[i]! * s[i * k + j]! * beta[j]!;
  }
  const sigma2 = Math.max(0, syy - 2 * bSy + bSb) / Math.max(1, n - k - 1);
  const inv = invertSpd(penalised, k);
  const se = features.map((_, i) => {
    let v = 0;
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) v += inv[i * k + a]! * s[a * k + b]! * inv[b * k + i]!;
    return Math.sqrt(Math.max(0, sigma2 * v));
  });

  const drivers: Driver[] = [];
  features.forEach((f, i) => {
    if (!f.startsWith('neg:')) return;
    const share = mean[i]!;
    const w = beta[i]!;
    drivers.push({
      themeId: f.slice(4),
      weight: w,
      attribution: w * share,
      ci: [(w - 1.96 * se[i]!) * share, (w + 1.96 * se[i]!) * share],
      support: stats.x[f]!,
    });
  });
  drivers.sort((a, b) => a.attribution - b.attribution || a.themeId.localeCompare(b.themeId));
  const explained = drivers.reduce((sum, d) => sum + d.attribution, 0);
  return { metric, n, meanScore: meanY, cleanScore, gap, drivers, residual: gap - explained };
}
