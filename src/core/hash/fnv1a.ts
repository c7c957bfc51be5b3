/**
 * 32-bit FNV-1a (Fowler, Noll, Vo): fast, stable across machines and versions, no
 * dependency. Used where a string must map to the same number in every process: bootstrap
 * weights, hashed features, the off-heap id set. Its low bits are weak: mix32 them first
 * when buckets are taken from them.
 */
export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** One step, so n-grams can be hashed while scanning a text, without a substring each. */
export const fnvStep = (hash: number, code: number): number => Math.imul(hash ^ code, FNV_PRIME);

/** FNV-1a over a string's UTF-16 code units, unsigned. */
export function fnv1a(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) h = fnvStep(h, text.charCodeAt(i));
  return h >>> 0;
}

/** FNV-1a over `length` bytes from `start`, unsigned. */
export function fnv1aBytes(bytes: Uint8Array, start: number, length: number): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < length; i++) h = fnvStep(h, bytes[start + i] as number);
  return h >>> 0;
}
