import type { Metric } from '../../contracts/index.js';

/**
 * Partials hold sums as integers in fixed point so that addition is exact and merging
 * partials in any order or grouping gives bit-identical insights (floating-point addition is
 * not associative). Each metric's scale keeps |value * scale| <= 10^4, so a sum of squares
 * stays exact (< 2^53) for up to ~9 * 10^7 verbatims.
 */
const METRIC_SCALE: Record<Metric, number> = {
  sentiment: 10_000, // [-1, 1]
  nps: 100, // +100 / 0 / -100
  csat: 1_000,
  ces: 1_000,
  rating: 1_000,
};

export const toFixed = (metric: Metric, value: number): number => Math.round(value * METRIC_SCALE[metric]);
export const fromFixed = (metric: Metric, value: number): number => value / METRIC_SCALE[metric];
export const fromFixedSq = (metric: Metric, value: number): number => value / METRIC_SCALE[metric] ** 2;

/** Money in cents. */
export const toCents = (value: number): number => Math.round(value * 100);
