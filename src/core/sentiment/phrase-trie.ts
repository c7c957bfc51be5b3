import type { Token } from '../text/types.js';
import type { PhraseEntry } from './lexicon.js';

export interface TrieNode {
  next: Map<string, TrieNode>;
  /** Set where a phrase ends at this node. */
  valence?: number;
  /** True where the phrase carries its own negator ("never arrive"), so outer negation is not applied twice. */
  selfNegated?: boolean;
}

export interface PhraseMatch {
  /** Number of tokens the phrase spans. */
  length: number;
  valence: number;
  selfNegated: boolean;
}

/** Multi-word expressions compiled once into a word trie; matching walks tokens, never regexes. */
export interface PhraseTrie {
  root: TrieNode;
}

/** A phrase word that any count stands for ("on hold for #num hour": 2, 3, two, 45). */
const NUM = '#num';
const isCount = (t: Token): boolean => t.type === 'number' || t.pos === 'NUM';

const NEGATOR_WORDS = new Set(['not', 'no', 'never', "n't", 'nothing', 'nobody', 'none', 'without', 'cannot']);

export function buildPhraseTrie(entries: readonly PhraseEntry[]): PhraseTrie {
  const root: TrieNode = { next: new Map() };
  for (const { phrase, valence } of entries) {
    const words = phrase
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w.length > 0);
    let node = root;
    for (const w of words) {
      let child = node.next.get(w);
      if (child === undefined) {
        child = { next: new Map() };
        node.next.set(w, child);
      }
      node = child;
    }
    node.valence = valence;
    node.selfNegated = words.some((w) => NEGATOR_WORDS.has(w));
  }
  return { root };
}

/**
 * Longest phrase starting at tokens[from], given the node under the root of that token's
 * normal or lemma (the scorer looks it up with the word's other entries, model.ts); each
 * further phrase word may match a token's normal or its lemma, so "charge twice" matches
 * "charged twice" and "charging twice", and `#num` any count ("on hold for 3 hours").
 */
export function matchPhraseFrom(first: TrieNode, tokens: readonly Token[], from: number): PhraseMatch | undefined {
  let node: TrieNode = first;
  let best: PhraseMatch | undefined;
  for (let i = from; ; ) {
    if (node.valence !== undefined) {
      best = { length: i - from + 1, valence: node.valence, selfNegated: node.selfNegated === true };
    }
    const t = tokens[++i];
    if (t === undefined) break;
    const next: TrieNode | undefined = node.next.get(t.normal) ?? node.next.get(t.lemma) ?? (isCount(t) ? node.next.get(NUM) : undefined);
    if (next === undefined) break;
    node = next;
  }
  return best;
}
