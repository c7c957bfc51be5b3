import { biasIndex, type FeatureSpace } from './feature-space.js';
import { createTextHasher } from './features.js';

/**
 * Scores of every label for a text (and its extra dense features, for a model trained with
 * them); the returned buffer is reused by the next call.
 */
export type Scorer = (text: string, extra?: ArrayLike<number>) => Float32Array;

/** Per-token cache budget, in label scores held (16 MB of float32). */
const CACHE_FLOATS = 1 << 22;

interface TokenEntry {
  /** Sum over the token's character n-grams of idf x weight row, one value per label. */
  partial: Float32Array;
  /** The token's known n-gram features and how often each occurs in it. */
  features: Int32Array;
  counts: Int32Array;
}

/**
 * The same scores as weights . vectorize(text), computed with far fewer multiplications.
 * Character n-grams are most of a text's features, and they come from its tokens, which
 * repeat from text to text: each token's character n-grams are summed into one partial
 * score per label once and cached, so a text costs one K-vector add per token instead of
 * one per n-gram. Exactly, not approximately: the block's L2 norm is still taken over the
 * text's merged n-gram counts, and an n-gram that occurs tf >= 2 times in the text gets
 * the correction (1 + ln tf - tf) x idf x its weight row, turning the cached linear counts
 * into the model's sublinear tf. Only float rounding differs from the plain product.
 *
 * This re-implements the tf-idf and per-block L2 maths of createVectorizer
 * (feature-space.ts), which training uses: a change to one must be made to the other.
 * test/classify.test.ts ("scores a text exactly as the weights times its feature vector")
 * checks that both agree.
 */
export function createScorer(space: FeatureSpace, weights: Float32Array, K: number, extraCount = 0): Scorer {
  const { options, idf } = space;
  const hasher = createTextHasher(options);
  const table = new Int32Array(1 << options.bits).fill(-1);
  space.buckets.forEach((b, i) => {
    table[b] = i;
  });
  const bias = biasIndex(space);
  // Scratch of a text (counts, touched) and, apart, of a token being added to the cache.
  const counts = new Int32Array(bias);
  let touched = new Int32Array(1024);
  const tokenScratch = new Int32Array(bias);
  let tokenTouched = new Int32Array(256);
  const sums = new Float64Array(K);
  const block = new Float64Array(K);
  const tokenBlock = new Float64Array(K);
  const out = new Float32Array(K);
  const cache = new Map<string, TokenEntry>();
  const maxEntries = Math.max(1024, Math.floor(CACHE_FLOATS / K));
  const tokenPattern = /\S+/g;

  /** into += scale x weight row of `feature`, unrolled by four (V8 does not vectorise). */
  function addRow(into: Float64Array, feature: number, scale: number): void {
    const base = feature * K;
    let k = 0;
    for (; k + 4 <= K; k += 4) {
      into[k]! += weights[base + k]! * scale;
      into[k + 1]! += weights[base + k + 1]! * scale;
      into[k + 2]! += weights[base + k + 2]! * scale;
      into[k + 3]! += weights[base + k + 3]! * scale;
    }
    for (; k < K; k++) into[k]! += weights[base + k]! * scale;
  }

  function ensureTouched(n: number): void {
    if (touched.length < n) touched = new Int32Array(Math.max(n, touched.length * 2));
  }

  function tokenEntry(token: string): TokenEntry {
    const cached = cache.get(token);
    if (cached) return cached;
    const hashed = hasher.hashChars(token);
    if (tokenTouched.length < hashed.charCount) tokenTouched = new Int32Array(hashed.charCount * 2);
    let distinct = 0;
    for (let i = 0; i < hashed.charCount; i++) {
      const index = table[hashed.chars[i]!]!;
      if (index >= 0 && tokenScratch[index]!++ === 0) tokenTouched[distinct++] = index;
    }
    const features = tokenTouched.slice(0, distinct);
    const tokenCounts = new Int32Array(distinct);
    tokenBlock.fill(0);
    for (let i = 0; i < distinct; i++) {
      const f = features[i]!;
      tokenCounts[i] = tokenScratch[f]!;
      tokenScratch[f] = 0;
      addRow(tokenBlock, f, tokenCounts[i]! * idf[f]!);
    }
    const entry = { partial: Float32Array.from(tokenBlock), features, counts: tokenCounts };
    if (cache.size >= maxEntries) cache.clear();
    cache.set(token, entry);
    return entry;
  }

  function addWords(lower: string): void {
    const hashed = hasher.hashWords(lower);
    ensureTouched(hashed.wordCount);
    let distinct = 0;
    for (let i = 0; i < hashed.wordCount; i++) {
      const index = table[hashed.words[i]!]!;
      if (index >= 0 && counts[index]!++ === 0) touched[distinct++] = index;
    }
    if (distinct === 0) return;
    let sumSquares = 0;
    for (let i = 0; i < distinct; i++) {
      const f = touched[i]!;
      const tf = counts[f]!;
      const value = (tf === 1 ? 1 : 1 + Math.log(tf)) * idf[f]!;
      sumSquares += value * value;
    }
    const scale = options.wordWeight / Math.sqrt(sumSquares);
    for (let i = 0; i < distinct; i++) {
      const f = touched[i]!;
      const tf = counts[f]!;
      counts[f] = 0;
      addRow(sums, f, (tf === 1 ? 1 : 1 + Math.log(tf)) * idf[f]! * scale);
    }
  }

  function addChars(lower: string): void {
    block.fill(0);
    let distinct = 0;
    tokenPattern.lastIndex = 0;
    for (let m = tokenPattern.exec(lower); m !== null; m = tokenPattern.exec(lower)) {
      const entry = tokenEntry(m[0]);
      const { partial, features } = entry;
      let k = 0;
      for (; k + 4 <= K; k += 4) {
        block[k]! += partial[k]!;
        block[k + 1]! += partial[k + 1]!;
        block[k + 2]! += partial[k + 2]!;
        block[k + 3]! += partial[k + 3]!;
      }
      for (; k < K; k++) block[k]! += partial[k]!;
      ensureTouched(distinct + features.length);
      for (let i = 0; i < features.length; i++) {
        const f = features[i]!;
        if (counts[f] === 0) touched[distinct++] = f;
        counts[f]! += entry.counts[i]!;
      }
    }
    if (distinct === 0) return;
    let sumSquares = 0;
    for (let i = 0; i < distinct; i++) {
      const f = touched[i]!;
      const tf = counts[f]!;
      counts[f] = 0;
      const sublinear = tf === 1 ? 1 : 1 + Math.log(tf);
      sumSquares += (sublinear * idf[f]!) ** 2;
      if (tf > 1) addRow(block, f, (sublinear - tf) * idf[f]!);
    }
    const scale = options.charWeight / Math.sqrt(sumSquares);
    for (let k = 0; k < K; k++) sums[k]! += block[k]! * scale;
  }

  return (text: string, extra?: ArrayLike<number>): Float32Array => {
    if (extraCount > 0 && extra?.length !== extraCount) throw new Error(`classifier: this model needs ${extraCount} extra feature values with each text`);
    const lower = text.toLowerCase();
    sums.fill(0);
    addWords(lower);
    if (options.charWeight > 0) addChars(lower);
    addRow(sums, bias, 1);
    for (let j = 0; j < extraCount; j++) if (extra![j] !== 0) addRow(sums, bias + 1 + j, extra![j]!);
    out.set(sums);
    return out;
  };
}
