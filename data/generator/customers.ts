import { PRODUCTS, REGION_WEIGHTS, REGIONS, SEGMENT_MEDIAN_VALUE, SEGMENT_WEIGHTS, SEGMENTS, type Segment } from './catalogue.js';
import type { Rng } from './prng.js';

export interface CustomerProfile {
  id: string;
  segment: Segment;
  /** Annual value in dollars, log-normal per segment (skewed: a few customers carry most value). */
  value: number;
  region: string;
  product: string;
}

export function createCustomerPool(rng: Rng, size: number): CustomerProfile[] {
  const pool: CustomerProfile[] = [];
  for (let i = 0; i < size; i++) {
    const segment = SEGMENTS[rng.weighted(SEGMENT_WEIGHTS)] ?? 'consumer';
    const value = Math.round(SEGMENT_MEDIAN_VALUE[segment] * Math.exp(0.9 * rng.normal()) * 100) / 100;
    pool.push({
      id: `C${String(100000 + i * 7 + rng.int(0, 6))}`,
      segment,
      value,
      region: REGIONS[rng.weighted(REGION_WEIGHTS)] ?? 'emea',
      product: rng.pick(PRODUCTS),
    });
  }
  return pool;
}

/** Skewed towards the front of the pool, so some customers write in again and again. */
export function pickCustomer(rng: Rng, pool: readonly CustomerProfile[]): CustomerProfile {
  const index = Math.floor(rng.next() ** 1.6 * pool.length);
  return pool[Math.min(index, pool.length - 1)] as CustomerProfile;
}
