import { mix32 } from '../hash/mix32.js';

/**
 * Hashed features: 32-bit FNV-1a stepped one UTF-16 code unit at a time (n-grams are hashed
 * while scanning the text, without a substring each), finished by mix32 (buckets are taken
 * from the low bits, FNV's weakest).
 */
export { FNV_OFFSET, fnvStep } from '../hash/fnv1a.js';
export { mix32 };

/** Order-sensitive combination of two hashes (for word bigrams). */
export const combine = (a: number, b: number, seed: number): number => mix32(Math.imul(a, 0x9e3779b1) ^ b ^ seed);
