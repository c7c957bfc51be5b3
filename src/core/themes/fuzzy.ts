import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/index.js';

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
export const FUZZY_MIN_LENGTH = 5;

export function allowedDistance(length: number): number {
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
    const d = DamerauLevenshteinDistance(word, k, { restricted: true });
    if (d <= limit && d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}
