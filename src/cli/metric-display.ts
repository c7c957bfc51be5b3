import type { Metric } from '../contracts/index.js';
import { METRIC_RANGE } from '../core/insights/friction.js';
import { signed } from './format.js';

/** How figures on a metric's scale (impacts, intervals, driver attributions, means) are shown. */
export interface MetricDisplay {
  /** The metric's name in prose: "NPS", "sentiment". */
  name: string;
  /** The scale in words, for the line above a table. */
  unit: string;
  /** Shown value = value × factor; sentiment's [-1, 1] becomes points on −100..+100, as NPS. */
  factor: number;
  digits: number;
}

/** Shown figures resolve at least this fraction of the metric's range. */
const RESOLUTION = 1 / 2000;

const NAMES: Record<Metric, [name: string, unit: string, factor: number]> = {
  nps: ['NPS', 'NPS points (−100..+100)', 1],
  sentiment: ['sentiment', 'sentiment points (mean sentiment ×100, −100..+100)', 100],
  csat: ['CSAT', 'mean CSAT', 1],
  rating: ['rating', 'mean rating', 1],
  ces: ['CES', 'mean CES (effort: higher is worse)', 1],
};

/**
 * Each metric with the digits its scale needs: the last digit shown is at most 1/2000 of the
 * range (NPS 200 points: 1 decimal; sentiment ×100, 200 points: 1 decimal; CSAT and rating,
 * 4: 3 decimals; CES, 6: 3 decimals). Two decimals of raw sentiment printed −0.00 for every
 * theme; JSON keeps the raw values in the metric's own units.
 */
export function metricDisplay(metric: Metric): MetricDisplay {
  const [name, unit, factor] = NAMES[metric];
  const digits = Math.max(0, Math.ceil(Math.log10(1 / (RESOLUTION * METRIC_RANGE[metric] * factor)) - 1e-9));
  return { name, unit, factor, digits };
}

/** A signed figure on the metric's display scale: "−7.8". */
export const showSigned = (d: MetricDisplay, x: number): string => signed(x * d.factor, d.digits);

/** A figure with its interval: "−7.8 [−9.0, −6.5]". */
export const showInterval = (d: MetricDisplay, x: number, ci: readonly [number, number]): string =>
  `${showSigned(d, x)} [${showSigned(d, ci[0])}, ${showSigned(d, ci[1])}]`;

/** An unsigned level (a mean score) on the display scale. */
export const showLevel = (d: MetricDisplay, x: number): string => (x * d.factor).toFixed(d.digits);
