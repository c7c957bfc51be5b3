import { mulberry32 } from '../random/mulberry32.js';

/** A seeded PRNG, so training order is the same on every run. */
export const createRng = mulberry32;

/** Fisher-Yates in place. */
export function shuffleInPlace(items: Int32Array | number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
}

/** 0..n-1 in a seeded random order. */
export function permutation(n: number, random: () => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  shuffleInPlace(order, random);
  return order;
}
