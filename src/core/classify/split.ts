import { createRng, permutation } from './rng.js';

/**
 * A seeded train / held-out split of n rows: `share` of them (rounded) for training.
 * Both lists are in row order, so the same seed always gives the same split.
 */
export function splitIndices(n: number, share: number, seed: number): { train: number[]; test: number[] } {
  const order = permutation(n, createRng(seed));
  const cut = Math.round(n * share);
  return { train: Array.from(order.subarray(0, cut)).sort((a, b) => a - b), test: Array.from(order.subarray(cut)).sort((a, b) => a - b) };
}
