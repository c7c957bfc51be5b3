import { combine, FNV_OFFSET, fnvStep, mix32 } from './hash.js';

/**
 * How a text becomes hashed features: word n-grams (unigrams, bigrams...) and character
 * n-grams taken inside each whitespace-separated token padded with a space at both ends
 * (scikit-learn's `char_wb`), so prefixes and suffixes survive misspellings and inflection.
 */
export interface FeatureOptions {
  /** log2 of the number of hash buckets. */
  bits: number;
  /** Longest word n-gram (1 = unigrams only). */
  wordMaxN: number;
  charMinN: number;
  charMaxN: number;
  /** Each block is L2-normalised on its own, then scaled by its weight. */
  wordWeight: number;
  charWeight: number;
}

export const DEFAULT_FEATURE_OPTIONS: Readonly<FeatureOptions> = {
  bits: 20,
  wordMaxN: 2,
  charMinN: 2,
  charMaxN: 5,
  wordWeight: 0.7,
  charWeight: 1,
};

const WORD_SEED = 0x2545f491;
const CHAR_SEED = 0x9e3779b9;
const BIGRAM_SEED = 0x68e31da4;
const TRIGRAM_SEED = 0x1b873593;
const SPACE = 32;

/** Hashed buckets of one text, in scratch buffers reused from call to call. */
interface HashedText {
  words: Int32Array;
  wordCount: number;
  chars: Int32Array;
  charCount: number;
}

export interface TextHasher {
  /** Hashes `text`; the returned buffers are valid until the next call. */
  hash(text: string): HashedText;
  /** Word n-grams only of an already lower-cased text (fills `words`, `wordCount`). */
  hashWords(lower: string): HashedText;
  /** Character n-grams only of an already lower-cased text (fills `chars`, `charCount`). */
  hashChars(lower: string): HashedText;
}

function grow(buffer: Int32Array, needed: number): Int32Array {
  if (needed <= buffer.length) return buffer;
  const bigger = new Int32Array(Math.max(needed, buffer.length * 2));
  bigger.set(buffer);
  return bigger;
}

/** A letter, a number or "_": the characters of a word (hashWords). */
const WORD_POINT = /^[\p{L}\p{N}_]$/u;
/** ASCII answers, worked out once; other code points are asked of the regex (memoised). */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => (WORD_POINT.test(String.fromCharCode(c)) ? 1 : 0));
const wordPoints = new Map<number, boolean>();

function isWordPoint(cp: number): boolean {
  if (cp < 128) return ASCII_WORD[cp] === 1;
  let yes = wordPoints.get(cp);
  if (yes === undefined) {
    yes = WORD_POINT.test(String.fromCodePoint(cp));
    // Bounded: a text could hold any of a million code points.
    if (wordPoints.size >= 65_536) wordPoints.clear();
    wordPoints.set(cp, yes);
  }
  return yes;
}

export function createTextHasher(options: FeatureOptions): TextHasher {
  const mask = (1 << options.bits) - 1;
  const { wordMaxN, charMinN, charMaxN } = options;
  const tokenPattern = /\S+/g;
  const out: HashedText = { words: new Int32Array(256), wordCount: 0, chars: new Int32Array(1024), charCount: 0 };

  function hashWords(lower: string): void {
    let count = 0;
    let prev = 0;
    let prev2 = 0;
    let seen = 0;
    // The words are runs of isWordPoint code points (what /[\p{L}\p{N}_]+/u matches), read
    // in place: a regex's match arrays and substrings cost a hundred bytes of garbage a word.
    const n = lower.length;
    let i = 0;
    while (i < n) {
      const first = lower.codePointAt(i)!;
      if (!isWordPoint(first)) {
        i += first > 0xffff ? 2 : 1;
        continue;
      }
      let h = WORD_SEED ^ FNV_OFFSET;
      while (i < n) {
        const cp = lower.codePointAt(i)!;
        if (!isWordPoint(cp)) break;
        h = fnvStep(h, lower.charCodeAt(i));
        if (cp > 0xffff) h = fnvStep(h, lower.charCodeAt(i + 1));
        i += cp > 0xffff ? 2 : 1;
      }
      h = mix32(h);
      out.words = grow(out.words, count + 3);
      out.words[count++] = h & mask;
      if (wordMaxN >= 2 && seen >= 1) out.words[count++] = combine(prev, h, BIGRAM_SEED) & mask;
      if (wordMaxN >= 3 && seen >= 2) out.words[count++] = combine(combine(prev2, prev, TRIGRAM_SEED), h, TRIGRAM_SEED) & mask;
      prev2 = prev;
      prev = h;
      seen++;
    }
    out.wordCount = count;
  }

  function hashChars(lower: string): void {
    let count = 0;
    tokenPattern.lastIndex = 0;
    for (let m = tokenPattern.exec(lower); m !== null; m = tokenPattern.exec(lower)) {
      const start = m.index;
      const padded = m[0].length + 2;
      out.chars = grow(out.chars, count + padded * (charMaxN - charMinN + 1));
      for (let p = 0; p + charMinN <= padded; p++) {
        let h = CHAR_SEED ^ FNV_OFFSET;
        for (let k = 0; k < charMaxN && p + k < padded; k++) {
          const at = p + k;
          const code = at === 0 || at === padded - 1 ? SPACE : lower.charCodeAt(start + at - 1);
          h = fnvStep(h, code);
          if (k + 1 >= charMinN) out.chars[count++] = mix32(h) & mask;
        }
      }
    }
    out.charCount = count;
  }

  return {
    hash(text: string): HashedText {
      const lower = text.toLowerCase();
      hashWords(lower);
      // A block of weight 0 adds nothing to a score: a words-only model keeps no character buckets.
      if (options.charWeight > 0) hashChars(lower);
      else out.charCount = 0;
      return out;
    },
    hashWords(lower: string): HashedText {
      hashWords(lower);
      return out;
    },
    hashChars(lower: string): HashedText {
      hashChars(lower);
      return out;
    },
  };
}
