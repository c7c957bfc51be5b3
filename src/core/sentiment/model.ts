import type { SentimentLexicon } from './lexicon.js';
import { buildPhraseTrie, type PhraseTrie } from './phrase-trie.js';

/** The lexicon compiled once into lookup structures for the per-sentence scorer. */
export interface SentimentModel {
  words: ReadonlyMap<string, number>;
  phrases: PhraseTrie;
  modifiers: ReadonlyMap<string, number>;
  contrastAfter: ReadonlySet<string>;
  contrastBefore: ReadonlySet<string>;
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
  return {
    words,
    phrases: buildPhraseTrie(phrases),
    modifiers: lower(lexicon.modifiers),
    contrastAfter: new Set(lexicon.contrastAfter.map((w) => w.toLowerCase())),
    contrastBefore: new Set(lexicon.contrastBefore.map((w) => w.toLowerCase())),
  };
}
