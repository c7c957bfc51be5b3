import { fnv1a } from '../hash/fnv1a.js';
import { mix32 } from '../hash/mix32.js';

/**
 * Seeded Poisson bootstrap (Hanley & MacGibbon 2006; Chamandy et al. 2012, "Estimating
 * uncertainty for massive data streams"): each verbatim's weight in replicate b is a
 * Poisson(1) draw from a hash of (its id, b). It needs no pass over the whole sample, so
 * each batch folds its share independently and any worker gets the same weights.
 */
export const REPLICATES = 50;

/** A verbatim id's hash, the seed of its weights (FNV-1a, 32 bit). */
export const hash32 = fnv1a;

/** (hash, b) mixed into a uniform in [0, 1). */
function uniform(h: number, b: number): number {
  return mix32((h ^ Math.imul(b + 1, 0x9e3779b9)) >>> 0) / 4294967296;
}

/** Cumulative Poisson(1) probabilities for k = 0..7 (beyond 7 the mass is < 1e-5). */
const POISSON1_CDF = (() => {
  const cdf: number[] = [];
  let p = Math.exp(-1);
  let sum = 0;
  for (let k = 0; k < 8; k++) {
    sum += p;
    cdf.push(sum);
    p /= k + 1;
  }
  return cdf;
})();

export function poissonWeights(id: string, replicates = REPLICATES): Uint8Array {
  const h = hash32(id);
  const weights = new Uint8Array(replicates);
  for (let b = 0; b < replicates; b++) {
    const u = uniform(h, b);
    let k = 0;
    while (k < 7 && u > POISSON1_CDF[k]!) k++;
    weights[b] = k;
  }
  return weights;
}

/** The p-quantile of values by linear interpolation between order statistics. */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
