import type { Metric } from '../contracts/index.js';
import { METRIC_RANGE } from '../core/insights/friction.js';

/** Figures as the CLI writes them (src/cli/format.ts, src/cli/metric-display.ts). */
export const int = (n: number): string => Math.round(n).toLocaleString('en-US');

export const pct = (share: number, digits = 1): string => `${(share * 100).toFixed(digits)}%`;

/** "+1.2", "−0.4"; a value that rounds to zero is "±0.0", never "−0.0". */
export function signed(n: number, digits = 2): string {
  const shown = Math.abs(n).toFixed(digits);
  return (Number(shown) === 0 ? '\u00b1' : n > 0 ? '+' : '\u2212') + shown;
}

/** A change of share, in percentage points. */
export const pp = (change: number): string => `${signed(change * 100, 1)}pp`;

export const money = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : n.toFixed(0));

export const day = (iso: string | undefined): string => iso?.slice(0, 10) ?? 'undated';

const NAMES: Record<Metric, [name: string, factor: number]> = {
  nps: ['NPS', 1],
  sentiment: ['sentiment', 100],
  csat: ['CSAT', 1],
  rating: ['rating', 1],
  ces: ['CES', 1],
};

/** How a metric's figures are shown: its name, and values scaled and rounded to 1/2000 of its range, as the CLI does. */
export interface MetricDisplay {
  name: string;
  show: (value: number) => string;
}

export function metricDisplay(metric: Metric): MetricDisplay {
  const [name, factor] = NAMES[metric];
  const digits = Math.max(0, Math.ceil(Math.log10(1 / ((1 / 2000) * METRIC_RANGE[metric] * factor)) - 1e-9));
  return { name, show: (value) => signed(value * factor, digits) };
}
