/** MurmurHash3's finaliser: spreads every input bit over the output (FNV's low bits are weak). Unsigned. */
export function mix32(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
