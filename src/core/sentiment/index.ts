export { SentimentLexicon, PhraseEntry } from './lexicon.js';
export { createSentimentModel, type SentimentModel } from './model.js';
export { scoreSentence, scoreDoc, rawSentenceValence } from './score.js';
export { sentimentLabel, NEUTRAL_BAND } from './label.js';
