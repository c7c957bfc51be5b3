/**
 * 32-bit FNV-1a, stepped one UTF-16 code unit at a time so n-grams are hashed while
 * scanning the text, without building a substring per n-gram.
 */
export const FNV_OFFSET = 0x811c9dc5;

export const fnvStep = (hash: number, code: number): number => Math.imul(hash ^ code, 0x01000193);

/**
 * Murmur3's finaliser: FNV's low bits are weak, and buckets are taken from the low bits.
 */
export function mix32(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Order-sensitive combination of two hashes (for word bigrams). */
export const combine = (a: number, b: number, seed: number): number =>
  mix32(Math.imul(a, 0x9e3779b1) ^ b ^ seed);
