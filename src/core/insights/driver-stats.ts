import type { Analysis } from '../../contracts/index.js';
import { addArrayInto } from './group.js';
import type { DriverStats } from './partial-types.js';

/**
 * Sufficient statistics of the key-driver regression (DESIGN.md "Insights from partials").
 *
 * Features of a verbatim: "neg:THEME" and "pos:THEME" indicators (a negative and a positive
 * mention of a theme are different causes: one drags the score, the other lifts it), and
 * "ctl:FIELD=VALUE" controls: the channel always, plus every facet of the run, so a theme
 * that happens to live in a low-scoring channel is not blamed for the channel's score.
 * Every feature is 0/1, so X'X and X'y are sparse integer sums and merge by addition.
 *
 * The same sums are kept under the run's seeded Poisson-bootstrap weights (bootstrap.ts),
 * so each replicate refits the model from merged partials exactly as the point estimate
 * does, in any mode and any batching. A batch of ~500 verbatims touches a few hundred
 * feature pairs, so the replicates cost (pairs x replicates) integers per partial.
 */
export const emptyDriverStats = (replicates: number): DriverStats => ({
  n: 0,
  y: 0,
  cleanN: 0,
  cleanY: 0,
  x: {},
  xx: {},
  xy: {},
  replicates: { n: zeros(replicates), y: zeros(replicates), x: {}, xx: {}, xy: {} },
});

const zeros = (length: number): number[] => new Array<number>(length).fill(0);

/** The verbatim's features, sorted, so pair keys "a|b" always have a <= b. */
export function driverFeatures(analysis: Pick<Analysis, 'themes' | 'channel'>, facets: readonly string[]): string[] {
  const features = new Set<string>();
  for (const t of analysis.themes) {
    if (t.sentiment.label === 'negative') features.add(`neg:${t.id}`);
    else if (t.sentiment.label === 'positive') features.add(`pos:${t.id}`);
  }
  features.add(`ctl:channel=${analysis.channel}`);
  for (const f of facets) if (f !== 'all' && !f.startsWith('channel=')) features.add(`ctl:${f}`);
  return [...features].sort();
}

/** The keys "a|b" (a <= b) of every pair of a verbatim's sorted features, itself included: its X'X cells. */
export function driverPairs(features: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < features.length; i++) for (let j = i; j < features.length; j++) pairs.push(`${features[i]!}|${features[j]!}`);
  return pairs;
}

/**
 * Adds one verbatim (metric value y in fixed point, bootstrap weights w) to the statistics;
 * `pairs` is driverPairs(features), built once per verbatim for all its metrics.
 */
export function addToDriverStats(stats: DriverStats, features: readonly string[], pairs: readonly string[], y: number, weights: Uint8Array): void {
  stats.n++;
  stats.y += y;
  if (!features.some((f) => f.startsWith('neg:'))) {
    stats.cleanN++;
    stats.cleanY += y;
  }
  const reps = stats.replicates;
  addWeighted(reps.n, weights, 1);
  addWeighted(reps.y, weights, y);
  for (const f of features) {
    stats.x[f] = (stats.x[f] ?? 0) + 1;
    stats.xy[f] = (stats.xy[f] ?? 0) + y;
    addWeighted((reps.x[f] ??= zeros(weights.length)), weights, 1);
    addWeighted((reps.xy[f] ??= zeros(weights.length)), weights, y);
  }
  for (const pair of pairs) {
    stats.xx[pair] = (stats.xx[pair] ?? 0) + 1;
    addWeighted((reps.xx[pair] ??= zeros(weights.length)), weights, 1);
  }
}

function addWeighted(sums: number[], weights: Uint8Array, value: number): void {
  // Most Poisson(1) weights are 0 or 1: skip the zeros, add without multiplying the ones.
  for (let b = 0; b < weights.length; b++) {
    const w = weights[b]!;
    if (w === 1) sums[b] = sums[b]! + value;
    else if (w !== 0) sums[b] = sums[b]! + w * value;
  }
}

/** Adds `b` into `a` in place: exact on integers, so any order gives the same bits. */
export function addDriverStatsInto(a: DriverStats, b: DriverStats): void {
  a.n += b.n;
  a.y += b.y;
  a.cleanN += b.cleanN;
  a.cleanY += b.cleanY;
  addRecordInto(a.x, b.x);
  addRecordInto(a.xx, b.xx);
  addRecordInto(a.xy, b.xy);
  const ra = a.replicates;
  const rb = b.replicates;
  addArrayInto(ra.n, rb.n);
  addArrayInto(ra.y, rb.y);
  addArraysInto(ra.x, rb.x);
  addArraysInto(ra.xx, rb.xx);
  addArraysInto(ra.xy, rb.xy);
}

function addRecordInto(a: Record<string, number>, b: Record<string, number>): void {
  for (const [k, v] of Object.entries(b)) a[k] = (a[k] ?? 0) + v;
}

function addArraysInto(a: Record<string, number[]>, b: Record<string, number[]>): void {
  for (const [k, v] of Object.entries(b)) {
    const x = a[k];
    if (x === undefined) a[k] = v;
    else addArrayInto(x, v);
  }
}
