import { lexiconFeatures, type ExtraFeatureKind, type ExtraRows } from '../core/classify/index.js';
import { createSentimentModel, NEUTRAL_BAND, scoreDoc } from '../core/sentiment/index.js';
import { createNlp, parseDoc } from '../core/text/nlp.js';
import { loadSentimentLexicon } from './lexicon.js';

/** Computes a model's extra dense features from a text (the lexicon is loaded once). */
export type ExtraFeatureSource = (text: string) => Float32Array;

/** 'lexicon-sentiment' is the only kind: the lexicon's score of the whole text, as features. */
export function createExtraFeatureSource(_kind: ExtraFeatureKind, lexiconDir?: string): ExtraFeatureSource {
  const nlp = createNlp();
  const lexicon = createSentimentModel(loadSentimentLexicon(lexiconDir));
  const source = (text: string): Float32Array => lexiconFeatures(scoreDoc(lexicon, parseDoc(nlp, text)).overall, NEUTRAL_BAND);
  return source;
}

export function extraRowsFor(kind: ExtraFeatureKind, texts: readonly string[], lexiconDir?: string): ExtraRows {
  const source = createExtraFeatureSource(kind, lexiconDir);
  return { kind, rows: texts.map(source) };
}
