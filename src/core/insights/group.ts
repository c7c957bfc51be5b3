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

/** Adds group `b` into `a` in place (b's moments may be adopted: it is consumed). */
export function addGroupInto(a: Group, b: Group): void {
  a.n += b.n;
  a.negative += b.negative;
  a.positive += b.positive;
  a.valueAtRisk += b.valueAtRisk;
  a.churn += b.churn;
  for (const [m, moments] of Object.entries(b.metrics) as Array<[Metric, Moments]>) {
    const x = a.metrics[m];
    if (x === undefined) a.metrics[m] = moments;
    else {
      x.n += moments.n;
      x.sum += moments.sum;
      x.sq += moments.sq;
    }
  }
}

/** Adds replicate sums `b` into `a` in place. */
export function addReplicatesInto(a: Replicates, b: Replicates): void {
  for (const [m, sums] of Object.entries(b) as Array<[Metric, number[]]>) {
    const x = a[m];
    if (x === undefined) a[m] = sums;
    else addArrayInto(x, sums);
  }
}

export function addArrayInto(a: number[], b: readonly number[]): void {
  for (let i = 0; i < a.length; i++) a[i] = a[i]! + b[i]!;
}
