import { createTextHasher, type FeatureOptions } from './features.js';
import type { SparseRows, SparseVector } from './sparse.js';

/**
 * The features a model knows: the hash buckets seen in training (sorted) and their
 * inverse document frequency. Buckets never seen in training are dropped before
 * normalising, so an unseen word cannot dilute the known ones.
 */
export interface FeatureSpace {
  options: FeatureOptions;
  buckets: Int32Array;
  idf: Float32Array;
}

/** Index of the always-on bias feature, after the bucket features. */
export const biasIndex = (space: FeatureSpace): number => space.buckets.length;

/** Buckets used by at least `minDf` texts, with smoothed idf = ln((1+N)/(1+df)) + 1. */
export function buildFeatureSpace(texts: readonly string[], options: FeatureOptions, minDf = 1): FeatureSpace {
  const hasher = createTextHasher(options);
  const df = new Int32Array(1 << options.bits);
  const lastSeen = new Int32Array(1 << options.bits).fill(-1);
  texts.forEach((text, doc) => {
    const hashed = hasher.hash(text);
    const count = (buffer: Int32Array, n: number): void => {
      for (let i = 0; i < n; i++) {
        const b = buffer[i]!;
        if (lastSeen[b] !== doc) {
          lastSeen[b] = doc;
          df[b]!++;
        }
      }
    };
    count(hashed.words, hashed.wordCount);
    count(hashed.chars, hashed.charCount);
  });
  const kept: number[] = [];
  for (let b = 0; b < df.length; b++) if (df[b]! >= minDf && df[b]! > 0) kept.push(b);
  const buckets = Int32Array.from(kept);
  const idf = new Float32Array(buckets.length);
  const n = texts.length;
  buckets.forEach((b, i) => {
    idf[i] = Math.log((1 + n) / (1 + df[b]!)) + 1;
  });
  return { options, buckets, idf };
}

export interface Vectorizer {
  readonly dimension: number;
  /** Features of `text` into reused buffers (valid until the next call). */
  vectorize(text: string): SparseVector;
}

/**
 * Sublinear tf (1 + ln tf) x idf per block, each block L2-normalised and weighted, plus a
 * bias feature of 1. The bucket lookup table is built once here, not per text.
 *
 * createScorer (scorer.ts) computes the same maths folded into the weights, for scoring:
 * a change here must be made there too. test/classify.test.ts ("scores a text exactly as
 * the weights times its feature vector") checks that both agree.
 */
export function createVectorizer(space: FeatureSpace): Vectorizer {
  const hasher = createTextHasher(space.options);
  const table = new Int32Array(1 << space.options.bits).fill(-1);
  space.buckets.forEach((b, i) => {
    table[b] = i;
  });
  const bias = biasIndex(space);
  const out: SparseVector = { indices: new Int32Array(1024), values: new Float32Array(1024), length: 0 };

  function ensure(n: number): void {
    if (out.indices.length >= n) return;
    const size = Math.max(n, out.indices.length * 2);
    out.indices = new Int32Array(size);
    out.values = new Float32Array(size);
  }

  // Term counts per feature without sorting: a dense counter and the list of features touched.
  const counts = new Int32Array(bias);
  let touched = new Int32Array(1024);

  function addBlock(buffer: Int32Array, n: number, weight: number): void {
    if (touched.length < n) touched = new Int32Array(n * 2);
    let distinct = 0;
    for (let i = 0; i < n; i++) {
      const index = table[buffer[i]!]!;
      if (index >= 0 && counts[index]!++ === 0) touched[distinct++] = index;
    }
    if (distinct === 0) return;
    const first = out.length;
    let sumSquares = 0;
    for (let i = 0; i < distinct; i++) {
      const index = touched[i]!;
      const tf = counts[index]!;
      counts[index] = 0;
      const value = (tf === 1 ? 1 : 1 + Math.log(tf)) * space.idf[index]!;
      out.indices[out.length] = index;
      out.values[out.length++] = value;
      sumSquares += value * value;
    }
    const scale = weight / Math.sqrt(sumSquares);
    for (let p = first; p < out.length; p++) out.values[p]! *= scale;
  }

  return {
    dimension: bias + 1,
    vectorize(text: string): SparseVector {
      const hashed = hasher.hash(text);
      ensure(hashed.wordCount + hashed.charCount + 1);
      out.length = 0;
      addBlock(hashed.words, hashed.wordCount, space.options.wordWeight);
      addBlock(hashed.chars, hashed.charCount, space.options.charWeight);
      out.indices[out.length] = bias;
      out.values[out.length++] = 1;
      return out;
    },
  };
}

/**
 * All texts as rows of one sparse matrix (the training input); `extra[i]`, when given, is
 * appended to row i as dense features after the bias.
 */
export function vectorizeAll(vectorizer: Vectorizer, texts: readonly string[], extra?: readonly Float32Array[]): SparseRows {
  const rowStart = new Int32Array(texts.length + 1);
  let indices = new Int32Array(texts.length * 64);
  let values = new Float32Array(texts.length * 64);
  let used = 0;
  texts.forEach((text, row) => {
    const v = vectorizer.vectorize(text);
    const dense = extra?.[row];
    const needed = v.length + (dense?.length ?? 0);
    if (used + needed > indices.length) {
      const size = Math.max(used + needed, indices.length * 2);
      const moreIndices = new Int32Array(size);
      moreIndices.set(indices.subarray(0, used));
      const moreValues = new Float32Array(size);
      moreValues.set(values.subarray(0, used));
      indices = moreIndices;
      values = moreValues;
    }
    indices.set(v.indices.subarray(0, v.length), used);
    values.set(v.values.subarray(0, v.length), used);
    used += v.length;
    dense?.forEach((x, j) => {
      if (x === 0) return;
      indices[used] = vectorizer.dimension + j;
      values[used++] = x;
    });
    rowStart[row + 1] = used;
  });
  return { rowStart, indices: indices.slice(0, used), values: values.slice(0, used), rows: texts.length };
}
