import type { Metric } from '../../contracts/index.js';
import type { Group, Moments, Replicates } from './partial-types.js';

export const emptyGroup = (): Group => ({ n: 0, negative: 0, positive: 0, metrics: {}, valueAtRisk: 0, churn: 0 });

/** One verbatim's contribution to a group, already in fixed point. */
export interface Contribution {
  metrics: Partial<Record<Metric, number>>;
  negative: boolean;
  positive: boolean;
  /** Cents counted at risk for this group (0 when not at risk). */
  valueAtRisk: number;
  churn: boolean;
}

export function addToGroup(g: Group, c: Contribution): void {
  g.n++;
  if (c.negative) g.negative++;
  if (c.positive) g.positive++;
  if (c.churn) g.churn++;
  g.valueAtRisk += c.valueAtRisk;
  for (const m in c.metrics) {
    const metric = m as Metric;
    const v = c.metrics[metric]!;
    const moments = (g.metrics[metric] ??= { n: 0, sum: 0, sq: 0 });
    moments.n++;
    moments.sum += v;
    moments.sq += v * v;
  }
}

export function addReplicates(r: Replicates, metrics: Partial<Record<Metric, number>>, weights: Uint8Array): void {
  for (const m in metrics) {
    const metric = m as Metric;
    const v = metrics[metric]!;
    const sums = (r[metric] ??= new Array<number>(weights.length * 2).fill(0));
    for (let b = 0; b < weights.length; b++) {
      const w = weights[b]!;
      if (w === 0) continue;
      sums[2 * b] = sums[2 * b]! + w;
      sums[2 * b + 1] = sums[2 * b + 1]! + w * v;
    }
  }
}

export function mergeMoments(a: Moments | undefined, b: Moments | undefined): Moments | undefined {
  if (!a) return b && { ...b };
  if (!b) return { ...a };
  return { n: a.n + b.n, sum: a.sum + b.sum, sq: a.sq + b.sq };
}

export function mergeGroups(a: Group, b: Group): Group {
  const metrics: Group['metrics'] = {};
  for (const m of new Set([...Object.keys(a.metrics), ...Object.keys(b.metrics)]) as Set<Metric>) {
    metrics[m] = mergeMoments(a.metrics[m], b.metrics[m]);
  }
  return {
    n: a.n + b.n,
    negative: a.negative + b.negative,
    positive: a.positive + b.positive,
    metrics,
    valueAtRisk: a.valueAtRisk + b.valueAtRisk,
    churn: a.churn + b.churn,
  };
}

export function mergeReplicates(a: Replicates, b: Replicates): Replicates {
  const out: Replicates = {};
  for (const m of new Set([...Object.keys(a), ...Object.keys(b)]) as Set<Metric>) {
    const x = a[m];
    const y = b[m];
    out[m] = x && y ? x.map((v, i) => v + y[i]!) : [...(x ?? y!)];
  }
  return out;
}
