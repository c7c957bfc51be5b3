import { fnv1aBytes as hash } from './hash/fnv1a.js';

const EMPTY = 0xffffffff;
const INITIAL_SLOTS = 1 << 12;
const INITIAL_BYTES = 1 << 16;

/** UTF-8 of one id is at most 3 bytes per UTF-16 code unit. */
const MAX_BYTES_PER_UNIT = 3;

/**
 * An exact set of ids (verbatim ids, store keys) kept off the JavaScript heap: an
 * open-addressing table of 32-bit entry numbers over one growing byte array holding the ids
 * as UTF-8.
 *
 * Why not a Set<string>: at a million ids it holds ~90 MB of small heap objects, and V8 sizes
 * its heap at a multiple of what is live, so a million-row run peaked near 800 MB. Here the
 * same million ids take ~30 MB of flat typed arrays, which V8 neither scans nor multiplies.
 */
export class IdSet {
  private slots = new Uint32Array(INITIAL_SLOTS).fill(EMPTY);
  private starts = new Uint32Array(INITIAL_SLOTS / 2);
  private lengths = new Uint32Array(INITIAL_SLOTS / 2);
  private bytes = new Uint8Array(INITIAL_BYTES);
  private scratch = new Uint8Array(256);
  private readonly encoder = new TextEncoder();
  private used = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  has(id: string): boolean {
    const length = this.encode(id);
    return this.slots[this.find(length)] !== EMPTY;
  }

  /** Adds the id; false when it was already there. */
  add(id: string): boolean {
    const length = this.encode(id);
    const slot = this.find(length);
    if (this.slots[slot] !== EMPTY) return false;
    if (this.count === this.starts.length) this.growEntries();
    if (this.used + length > this.bytes.length) this.growBytes(length);
    this.bytes.set(this.scratch.subarray(0, length), this.used);
    this.starts[this.count] = this.used;
    this.lengths[this.count] = length;
    this.used += length;
    this.slots[slot] = this.count++;
    // Keep the table at most half full, so a probe ends within a few steps.
    if (this.count * 2 > this.slots.length) this.rehash();
    return true;
  }

  /** Writes the id's UTF-8 into the scratch buffer; returns its length in bytes. */
  private encode(id: string): number {
    if (id.length * MAX_BYTES_PER_UNIT > this.scratch.length) this.scratch = new Uint8Array(id.length * MAX_BYTES_PER_UNIT);
    return this.encoder.encodeInto(id, this.scratch).written;
  }

  /** The slot holding the scratch id, or the empty slot where it would go (linear probing). */
  private find(length: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash(this.scratch, 0, length) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] as number;
      if (entry === EMPTY || this.equals(entry, length)) return slot;
    }
  }

  private equals(entry: number, length: number): boolean {
    if (this.lengths[entry] !== length) return false;
    const start = this.starts[entry] as number;
    for (let i = 0; i < length; i++) if (this.bytes[start + i] !== this.scratch[i]) return false;
    return true;
  }

  private rehash(): void {
    const slots = new Uint32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let slot = hash(this.bytes, this.starts[entry] as number, this.lengths[entry] as number) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.slots = slots;
  }

  private growEntries(): void {
    const grow = (a: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> => {
      const b = new Uint32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts);
    this.lengths = grow(this.lengths);
  }

  private growBytes(atLeast: number): void {
    const bytes = new Uint8Array(Math.max(this.bytes.length * 2, this.used + atLeast));
    bytes.set(this.bytes.subarray(0, this.used));
    this.bytes = bytes;
  }
}
