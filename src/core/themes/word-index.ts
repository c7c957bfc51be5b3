import type { WordMemo } from '../text/types.js';
import { greedyMatch, type Pattern, type PatternWord, type PreparedSentence } from './pattern.js';

/** A pattern with its words as numbers (see WordIndex). */
export type WordIds = Int32Array;

/**
 * Every pattern word of a compiled taxonomy gets a number, and every key a token can be
 * looked up by (lemma, surface form, "#num"...) maps to the numbers of the words that list
 * it. A sentence's keys are then resolved once into word numbers per token, and "does this
 * token match this word" or "does the sentence hold this word" become integer tests rather
 * than string-set lookups repeated for every pattern tried. Same answers as wordMatches and
 * wordPresent (pattern.ts), which the signals stage still uses.
 */
export class WordIndex<T = unknown> {
  private readonly ids = new Map<PatternWord, number>();
  private readonly byContent = new Map<string, number>();
  private readonly byKey = new Map<string, KeyEntry<T>>();

  get size(): number {
    return this.byContent.size;
  }

  /**
   * The number of a pattern word, given on first sight. Words with the same alternatives
   * share one number, whatever part of speech they demand (checked apart, on the matched
   * positions): the packs' patterns repeat "not", "the", "flight" hundreds of times as
   * words of their own, and a sentence's "the" would otherwise stand for every one of them.
   */
  id(word: PatternWord): number {
    let id = this.ids.get(word);
    if (id !== undefined) return id;
    const content = [...word].sort().join('|');
    id = this.byContent.get(content);
    if (id === undefined) {
      id = this.byContent.size;
      this.byContent.set(content, id);
      for (const alt of word) this.entry(alt).words.push(id);
    }
    this.ids.set(word, id);
    return id;
  }

  /** Attaches what the caller looks a key up for (the matcher: the patterns it triggers), so one lookup gives both. */
  attach(key: string, payload: T): void {
    this.entry(key).payload = payload;
  }

  private entry(key: string): KeyEntry<T> {
    let entry = this.byKey.get(key);
    if (entry === undefined) this.byKey.set(key, (entry = { words: [], payload: undefined }));
    return entry;
  }

  pattern(p: Pattern): WordIds {
    return Int32Array.from(p, (w) => this.id(w));
  }

  /**
   * The entries of a token's keys that stand for something, in key order. Memoised on the
   * token's word when the keys are the word's own (Token.word): a word is looked up once per
   * index, not at each of its tokens.
   */
  entriesOf(keys: readonly string[], word: WordMemo | undefined): ReadonlyArray<KeyEntry<T>> {
    const memo = word !== undefined && word.keys === keys ? word.indexed : undefined;
    if (memo !== undefined && memo.index === this) return memo.entries as ReadonlyArray<KeyEntry<T>>;
    const entries: Array<KeyEntry<T>> = [];
    for (const key of keys) {
      const entry = this.byKey.get(key);
      if (entry !== undefined) entries.push(entry);
    }
    if (word !== undefined && word.keys === keys) word.indexed = { index: this, entries };
    return entries;
  }
}

/** A key's pattern words and the caller's payload. */
export interface KeyEntry<T> {
  words: number[];
  payload: T | undefined;
}

const idsMatch = (sw: SentenceWords<unknown>, pattern: WordIds, position: number, word: number): boolean => sw.matches(position, pattern[word]!);

/**
 * One sentence's tokens as word numbers. Reused from sentence to sentence: the presence
 * marks are stamped with a sentence number, so nothing is cleared between sentences.
 */
export class SentenceWords<T = unknown> {
  length = 0;
  /** Token i matches the words flat[starts[i]] .. flat[starts[i + 1] - 1]. */
  private flat = new Int32Array(256);
  private starts = new Int32Array(65);
  /** Token i's keys' payloads (in key order, keys with none left out) are payloads[payloadStarts[i]] ... */
  readonly payloads: T[] = [];
  readonly payloadStarts: number[] = [];
  private present: Int32Array;
  private stamp = 0;

  constructor(index: WordIndex<T>) {
    this.present = new Int32Array(index.size);
  }

  /** Resolves the prepared sentence's keys (fuzzy keywords included) against the index. */
  read(index: WordIndex<T>, s: PreparedSentence): this {
    this.stamp++;
    if (this.stamp === 0x7fffffff) {
      this.present.fill(0);
      this.stamp = 1;
    }
    if (this.present.length < index.size) this.present = new Int32Array(index.size);
    const n = (this.length = s.keys.length);
    if (this.starts.length <= n) this.starts = new Int32Array(2 * n + 1);
    let used = 0;
    let payloads = 0;
    for (let i = 0; i < n; i++) {
      this.starts[i] = used;
      this.payloadStarts[i] = payloads;
      for (const entry of index.entriesOf(s.keys[i] as string[], s.tokens[i]?.word)) {
        if (entry.payload !== undefined) this.payloads[payloads++] = entry.payload;
        const ids = entry.words;
        if (used + ids.length > this.flat.length) this.grow(used + ids.length);
        for (const id of ids) {
          this.flat[used++] = id;
          this.present[id] = this.stamp;
        }
      }
    }
    this.starts[n] = used;
    this.payloadStarts[n] = payloads;
    return this;
  }

  private grow(size: number): void {
    const flat = new Int32Array(Math.max(size, 2 * this.flat.length));
    flat.set(this.flat);
    this.flat = flat;
  }

  /** Whether some token of the sentence matches the word. */
  has(word: number): boolean {
    return this.present[word] === this.stamp;
  }

  /** Whether every word of the pattern is somewhere in the sentence: needed for any match. */
  hasAll(pattern: WordIds): boolean {
    for (let w = 0; w < pattern.length; w++) if (this.present[pattern[w]!] !== this.stamp) return false;
    return true;
  }

  /** Whether token `at` matches the word. */
  matches(at: number, word: number): boolean {
    if (at < 0 || at >= this.length) return false;
    const end = this.starts[at + 1]!;
    for (let k = this.starts[at]!; k < end; k++) if (this.flat[k] === word) return true;
    return false;
  }

  /** matchAt (pattern.ts) on word numbers: the positions of the words, or undefined. */
  matchAt(pattern: WordIds, at: number, gap: number): number[] | undefined {
    return greedyMatch(this.length, pattern.length, at, gap, idsMatch, this as SentenceWords<unknown>, pattern);
  }

  /** findPattern (pattern.ts) on word numbers. */
  find(pattern: WordIds, gap: number): number[] | undefined {
    for (let i = 0; i < this.length; i++) {
      const hit = this.matchAt(pattern, i, gap);
      if (hit) return hit;
    }
    return undefined;
  }
}
