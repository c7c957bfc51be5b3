import type { SentimentLexicon } from './lexicon.js';
import { buildPhraseTrie, type PhraseTrie, type TrieNode } from './phrase-trie.js';

/** The lexicon compiled once into lookup structures for the per-sentence scorer. */
export interface SentimentModel {
  words: ReadonlyMap<string, number>;
  phrases: PhraseTrie;
  modifiers: ReadonlyMap<string, number>;
  contrastAfter: ReadonlySet<string>;
  contrastBefore: ReadonlySet<string>;
  /**
   * What each word above is, in one entry: the scorer looks a token up once rather than in
   * each table in turn (most tokens are in none, and every lookup of them was a miss).
   */
  entries: ReadonlyMap<string, WordEntry>;
}

/** A word's part in each table of the model; a word in none has no entry. */
export interface WordEntry {
  valence: number | undefined;
  modifier: number | undefined;
  contrastAfter: boolean;
  contrastBefore: boolean;
  /** The phrases the word begins: its node under the trie's root. */
  phrase: TrieNode | undefined;
}

export function createSentimentModel(lexicon: SentimentLexicon): SentimentModel {
  const lower = <T>(record: Record<string, T>): Map<string, T> => new Map(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
  // Multi-word entries of the word list (AFINN has "fed up", "not good") join the phrase trie;
  // zero valences are overrides that silence a word, so they are dropped.
  const words = new Map<string, number>();
  const phrases = [...lexicon.phrases];
  for (const [key, valence] of lower(lexicon.words)) {
    if (valence === 0) continue;
    if (key.includes(' ')) phrases.push({ phrase: key, valence });
    else words.set(key, valence);
  }
  const model = {
    words,
    phrases: buildPhraseTrie(phrases),
    modifiers: lower(lexicon.modifiers),
    contrastAfter: new Set(lexicon.contrastAfter.map((w) => w.toLowerCase())),
    contrastBefore: new Set(lexicon.contrastBefore.map((w) => w.toLowerCase())),
  };
  return { ...model, entries: wordEntries(model) };
}

function wordEntries(model: Omit<SentimentModel, 'entries'>): Map<string, WordEntry> {
  const entries = new Map<string, WordEntry>();
  const entry = (word: string): WordEntry => {
    let e = entries.get(word);
    if (e === undefined) {
      e = { valence: undefined, modifier: undefined, contrastAfter: false, contrastBefore: false, phrase: undefined };
      entries.set(word, e);
    }
    return e;
  };
  for (const [word, valence] of model.words) entry(word).valence = valence;
  for (const [word, modifier] of model.modifiers) entry(word).modifier = modifier;
  for (const word of model.contrastAfter) entry(word).contrastAfter = true;
  for (const word of model.contrastBefore) entry(word).contrastBefore = true;
  for (const [word, node] of model.phrases.root.next) entry(word).phrase = node;
  return entries;
}
