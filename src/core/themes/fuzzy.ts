/**
 * Misspelt keywords ("refnud", "pasword"): only words wink's lexicon does not know are
 * compared (the caller checks), only against the words of themes that allow `fuzzy`, and
 * only within the same first letter and a length difference of at most the allowed
 * distance, so the cost stays a handful of distance computations per unknown word.
 */
export interface FuzzyIndex {
  byInitial: Map<string, string[]>;
  knownWords: ReadonlySet<string>;
  /**
   * Answers already worked out, per unknown word (null: none): the same few unknown words
   * (product names, habitual misspellings) come back in verbatim after verbatim. Bounded.
   */
  memo: Map<string, string | null>;
}

const MEMO_LIMIT = 50_000;

/** Shorter words are too easily one edit away from another real word. */
const FUZZY_MIN_LENGTH = 5;

function allowedDistance(length: number): number {
  return length >= 8 ? 2 : 1;
}

export function buildFuzzyIndex(keywords: Iterable<string>, knownWords: ReadonlySet<string> = new Set()): FuzzyIndex {
  const byInitial = new Map<string, string[]>();
  for (const k of new Set(keywords)) {
    if (k.length < FUZZY_MIN_LENGTH || !/^[a-z]+$/.test(k)) continue;
    const list = byInitial.get(k[0] as string) ?? [];
    list.push(k);
    byInitial.set(k[0] as string, list);
  }
  for (const list of byInitial.values()) list.sort();
  return { byInitial, knownWords, memo: new Map() };
}

/** The keyword a misspelt word most likely stands for, or undefined. */
export function fuzzyKeyword(index: FuzzyIndex, word: string): string | undefined {
  const known = index.memo.get(word);
  if (known !== undefined) return known ?? undefined;
  const found = closestKeyword(index, word);
  // Forgetting everything at the bound keeps memory flat; the answers are the same either way.
  if (index.memo.size >= MEMO_LIMIT) index.memo.clear();
  index.memo.set(word, found ?? null);
  return found;
}

function closestKeyword(index: FuzzyIndex, word: string): string | undefined {
  if (word.length < FUZZY_MIN_LENGTH || !/^[a-z]+$/.test(word)) return undefined;
  const candidates = index.byInitial.get(word[0] as string);
  if (!candidates || index.knownWords.has(word)) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of candidates) {
    const limit = allowedDistance(k.length);
    if (Math.abs(k.length - word.length) > limit) continue;
    const d = editDistanceWithin(word, k, limit);
    if (d <= limit && d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Rows of the distance table, reused: three rows suffice (a transposition looks two back). */
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * The optimal-string-alignment distance (Damerau-Levenshtein restricted to adjacent
 * transpositions, as natural's DamerauLevenshteinDistance with `restricted: true`, which
 * this replaces on the hot path) when it is at most `limit`; otherwise some value above
 * `limit`. Hand-written because natural's builds a table of objects per call and every
 * unknown word of every verbatim is compared with a few dozen keywords; here there is no
 * allocation, and the table stops once two rows (all a later row depends on) exceed the limit.
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  if (rows[0].length <= m) rows = [new Int32Array(m + 1), new Int32Array(m + 1), new Int32Array(m + 1)];
  let [twoBack, prev, cur] = rows;
  for (let j = 0; j <= m; j++) prev[j] = j;
  let prevMin = 0;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, twoBack[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit && prevMin > limit) return limit + 1;
    prevMin = rowMin;
    [twoBack, prev, cur] = [prev, cur, twoBack];
  }
  return prev[m]!;
}
