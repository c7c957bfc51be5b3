import type { Analysis } from '../../contracts/index.js';
import { addArrayInto } from './group.js';
import { joinedKeys } from './joined-keys.js';
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

/** Pushed, not new Array(n).fill(0): a packed array, not a holey one, on the hot path. */
function zeros(length: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < length; i++) out.push(0);
  return out;
}

/**
 * Feature names and pair keys, built once per distinct name: the same few hundred come back
 * verbatim after verbatim, and a string made fresh for each would be hashed and internalised
 * again at every property lookup (that, more than the sums, was the cost of this stage).
 * Bounded (facet values are the user's data): forgotten at the bound, same keys either way.
 */
const KEY_MEMO_LIMIT = 50_000;
const featureMemo = new Map<string, string>();

function featureName(prefix: string, name: string): string {
  const memo = featureMemo.get(name);
  if (memo?.startsWith(prefix)) return memo;
  const key = prefix + name;
  if (featureMemo.size >= KEY_MEMO_LIMIT) featureMemo.clear();
  // One entry per name: the prefix a name last came with (themes come as neg: or pos:, so
  // the memo keeps the last; a miss only costs the concatenation).
  featureMemo.set(name, key);
  return key;
}

/** Pair keys "a|b", made once per pair (joined-keys.ts). */
const pairKey = joinedKeys(KEY_MEMO_LIMIT);

/** The verbatim's features, sorted, so pair keys "a|b" always have a <= b. */
export function driverFeatures(analysis: Pick<Analysis, 'themes' | 'channel'>, facets: readonly string[]): string[] {
  const features = new Set<string>();
  for (const t of analysis.themes) {
    if (t.sentiment.label === 'negative') features.add(featureName('neg:', t.id));
    else if (t.sentiment.label === 'positive') features.add(featureName('pos:', t.id));
  }
  features.add(featureName('ctl:channel=', analysis.channel));
  for (const f of facets) if (f !== 'all' && !f.startsWith('channel=')) features.add(featureName('ctl:', f));
  return [...features].sort();
}

/** The keys "a|b" (a <= b) of every pair of a verbatim's sorted features, itself included: its X'X cells. */
export function driverPairs(features: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < features.length; i++) for (let j = i; j < features.length; j++) pairs.push(pairKey(features[i]!, features[j]!));
  return pairs;
}

/**
 * Adds one verbatim (metric value y in fixed point, bootstrap weights w) to the statistics;
 * `pairs` is driverPairs(features) and `drawn` drawnReplicates(weights), built once per
 * verbatim for all its metrics.
 */
export function addToDriverStats(
  stats: DriverStats,
  features: readonly string[],
  pairs: readonly string[],
  y: number,
  weights: Uint8Array,
  drawn: Uint8Array,
): void {
  stats.n++;
  stats.y += y;
  let clean = true;
  for (const f of features) if (f.startsWith('neg:')) clean = false;
  if (clean) {
    stats.cleanN++;
    stats.cleanY += y;
  }
  const reps = stats.replicates;
  const { x, xy, xx } = stats;
  addWeights(reps.n, drawn, weights);
  addWeighted(reps.y, drawn, weights, y);
  for (let i = 0; i < features.length; i++) {
    const f = features[i]!;
    x[f] = (x[f] ?? 0) + 1;
    xy[f] = (xy[f] ?? 0) + y;
    addWeights((reps.x[f] ??= zeros(weights.length)), drawn, weights);
    addWeighted((reps.xy[f] ??= zeros(weights.length)), drawn, weights, y);
  }
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i]!;
    xx[pair] = (xx[pair] ?? 0) + 1;
    addWeights((reps.xx[pair] ??= zeros(weights.length)), drawn, weights);
  }
}

/** The replicates a verbatim counts in (weight > 0: about 63% of them): only those are added to. */
export function drawnReplicates(weights: Uint8Array): Uint8Array {
  let count = 0;
  for (let b = 0; b < weights.length; b++) if (weights[b] !== 0) count++;
  const drawn = new Uint8Array(count);
  for (let b = 0, i = 0; b < weights.length; b++) if (weights[b] !== 0) drawn[i++] = b;
  return drawn;
}

/** Replicate b gains the verbatim's weight: the counts (x, x'x, n), two thirds of the sums. */
function addWeights(sums: number[], drawn: Uint8Array, weights: Uint8Array): void {
  for (let i = 0; i < drawn.length; i++) {
    const b = drawn[i]!;
    sums[b]! += weights[b]!;
  }
}

function addWeighted(sums: number[], drawn: Uint8Array, weights: Uint8Array, value: number): void {
  for (let i = 0; i < drawn.length; i++) {
    const b = drawn[i]!;
    sums[b]! += weights[b]! * value;
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
