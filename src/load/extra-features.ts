import { lexiconFeatures, type ExtraFeatureKind, type ExtraRows } from '../core/classify/index.js';
import { createSentimentModel, NEUTRAL_BAND, scoreDoc, type SentimentLexicon } from '../core/sentiment/index.js';
import { guardText } from '../core/text/guard.js';
import { createNlp, parseDoc } from '../core/text/nlp.js';
import { parseInPieces } from '../core/text/parse-pieces.js';
import { loadWinkModel } from './wink-model.js';

/** Computes a model's extra dense features from a text (the lexicon is compiled once). */
export type ExtraFeatureSource = (text: string) => Float32Array;

/**
 * 'lexicon-sentiment' features (the only kind): `lexicon`'s score of the whole text. Pass the
 * lexicon the model will run with (the analyzer's `lexiconDir`): a hybrid model learns what
 * its lexicon's scores mean, and the same text must get the same features in training,
 * evaluation and analyze. Labelled rows are parsed under the same guards as verbatims (a
 * pasted log in a training file must not stall `train` either).
 */
export function createExtraFeatureSource(lexicon: SentimentLexicon): ExtraFeatureSource {
  const nlp = createNlp(loadWinkModel());
  const model = createSentimentModel(lexicon);
  return (text: string): Float32Array => {
    const { doc } = parseInPieces((piece) => parseDoc(nlp, piece), guardText(text).text);
    return lexiconFeatures(scoreDoc(model, doc).overall, NEUTRAL_BAND);
  };
}

export function extraRowsFor(kind: ExtraFeatureKind, texts: readonly string[], lexicon: SentimentLexicon): ExtraRows {
  const source = createExtraFeatureSource(lexicon);
  return { kind, rows: texts.map(source) };
}
