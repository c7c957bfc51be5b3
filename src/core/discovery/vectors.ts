/**
 * TF-IDF vectors of the sentences, collapsed to distinct points. Sentences are short, so a
 * term counts once per sentence (binary tf) and weighs idf = ln(1 + N / df) (Sparck Jones
 * 1972, smoothed so a term in every sentence still counts a little): a word every sentence
 * uses says little about which friction it is. Vectors are L2-normalised, so a dot product
 * is the cosine.
 *
 * Identical vectors (the same complaint in the same words, which feedback repeats a lot)
 * become one point with a multiplicity: clustering cost grows with distinct wordings, not
 * with volume.
 */
export interface SparseVector {
  /** Term ids, ascending. */
  ids: Int32Array;
  values: Float64Array;
}

export interface Point {
  vector: SparseVector;
  /** Indices of the sentences with this vector. */
  units: number[];
}

export interface Vocabulary {
  terms: string[];
  /** Sentences holding each term. */
  df: Int32Array;
  /** Sentences that have at least one kept term. */
  n: number;
}

/** A term must be in at least this many sentences: a word seen once cannot join two sentences. */
const MIN_DF = 2;

/** Points in canonical order (most sentences first, then by their term ids), whatever the input order. */
export function buildPoints(unitTerms: readonly (readonly string[] | null)[]): { vocabulary: Vocabulary; points: Point[] } {
  const df = new Map<string, number>();
  for (const terms of unitTerms) for (const t of terms ?? []) df.set(t, (df.get(t) ?? 0) + 1);
  // Term ids follow the sorted term strings, so sums run in the same order for any input order.
  const kept = [...df.entries()]
    .filter(([, n]) => n >= MIN_DF)
    .map(([t]) => t)
    .sort();
  const id = new Map(kept.map((t, i) => [t, i]));
  const bySignature = new Map<string, { ids: number[]; units: number[] }>();
  let n = 0;
  unitTerms.forEach((terms, u) => {
    const ids = (terms ?? []).flatMap((t) => (id.has(t) ? [id.get(t)!] : [])).sort((a, b) => a - b);
    if (ids.length === 0) return;
    n++;
    const signature = ids.join(',');
    const point = bySignature.get(signature);
    if (point) point.units.push(u);
    else bySignature.set(signature, { ids, units: [u] });
  });
  const vocabulary: Vocabulary = { terms: kept, df: Int32Array.from(kept, (t) => df.get(t)!), n };
  const points = [...bySignature.entries()]
    .sort((a, b) => b[1].units.length - a[1].units.length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, p]): Point => ({ vector: tfidf(p.ids, vocabulary), units: p.units }));
  return { vocabulary, points };
}

export const idf = (vocabulary: Vocabulary, term: number): number => Math.log(1 + vocabulary.n / vocabulary.df[term]!);

function tfidf(ids: readonly number[], vocabulary: Vocabulary): SparseVector {
  const values = Float64Array.from(ids, (t) => idf(vocabulary, t));
  let norm = 0;
  for (const v of values) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  return { ids: Int32Array.from(ids), values: values.map((v) => v / norm) };
}

export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) sum += a.values[i++]! * b.values[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}
