/**
 * The contexts of the corpus's frequent words, from the corpus itself: each word's vector
 * of positive pointwise mutual information (Church & Hanks 1990) with the frequent words it
 * shares sentences with, L2-normalised, so a dot product is the cosine. Words used in the
 * same contexts have near vectors whether or not they ever meet ("luggage" and "baggage"
 * both go with "lost", "claim", "arrive"). Deterministic: rows and columns are ordered by
 * frequency, ties alphabetically.
 */

/** A word must be in this many sentences to get a context vector: rarer ones have too few contexts. */
const MIN_CONTEXT_DF = 8;
/** At most this many words get a vector (the most frequent): comparing them all is O(V^2 x nnz). */
const MAX_ROWS = 1500;
/** Context dimensions: the most frequent words. */
const MAX_CONTEXTS = 1000;

export interface ContextSpace {
  /** Words with a vector, most frequent first. */
  words: readonly string[];
  row: ReadonlyMap<string, number>;
  /** Sentences holding each word (every word of the corpus, not only rows). */
  df: ReadonlyMap<string, number>;
  /** Sentences counted. */
  n: number;
  /** Dimensions: the context words, most frequent first. */
  contexts: ReadonlyMap<string, number>;
  /** Row-major V x D, each row L2-normalised (all zero for a word seen with no context). */
  vectors: Float64Array;
  /** Each row's non-zero dimensions. */
  nonZero: readonly Int32Array[];
  /** Sentences where a row word and a context word meet, V x D. */
  together: Float64Array;
}

const byFrequency =
  (df: ReadonlyMap<string, number>) =>
  (a: string, b: string): number =>
    df.get(b)! - df.get(a)! || (a < b ? -1 : a > b ? 1 : 0);

/** The context space of sentences given as sets of words. */
export function contextSpace(units: readonly ReadonlySet<string>[]): ContextSpace {
  const df = new Map<string, number>();
  for (const words of units) for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
  const frequent = [...df.keys()].filter((w) => df.get(w)! >= MIN_CONTEXT_DF).sort(byFrequency(df));
  const words = frequent.slice(0, MAX_ROWS);
  const contextWords = frequent.slice(0, MAX_CONTEXTS);
  const row = new Map(words.map((w, i) => [w, i]));
  const contexts = new Map(contextWords.map((w, i) => [w, i]));
  const V = words.length;
  const D = contextWords.length;
  const together = new Float64Array(V * D);
  for (const unit of units) {
    const rows: number[] = [];
    const cols: number[] = [];
    for (const w of unit) {
      const r = row.get(w);
      if (r !== undefined) rows.push(r);
      const c = contexts.get(w);
      if (c !== undefined) cols.push(c);
    }
    for (const r of rows) for (const c of cols) if (words[r] !== contextWords[c]) together[r * D + c]!++;
  }
  const n = units.length;
  const vectors = new Float64Array(V * D);
  const nonZero: Int32Array[] = [];
  for (let r = 0; r < V; r++) {
    const dr = df.get(words[r]!)!;
    let norm = 0;
    const cols: number[] = [];
    for (let c = 0; c < D; c++) {
      const k = together[r * D + c]!;
      if (k === 0) continue;
      const ppmi = Math.log((k * n) / (dr * df.get(contextWords[c]!)!));
      if (ppmi <= 0) continue;
      vectors[r * D + c] = ppmi;
      norm += ppmi * ppmi;
      cols.push(c);
    }
    norm = Math.sqrt(norm) || 1;
    for (const c of cols) vectors[r * D + c]! /= norm;
    nonZero.push(Int32Array.from(cols));
  }
  return { words, row, df, n, contexts, vectors, nonZero, together };
}

/** Cosine of two rows' context vectors. */
export function contextCosine(space: ContextSpace, a: number, b: number): number {
  const D = space.contexts.size;
  const cols = space.nonZero[a]!;
  let s = 0;
  for (let i = 0; i < cols.length; i++) s += space.vectors[a * D + cols[i]!]! * space.vectors[b * D + cols[i]!]!;
  return s;
}
