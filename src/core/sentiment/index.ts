export { SentimentLexicon, PhraseEntry } from './lexicon.js';
export { createSentimentModel, type SentimentModel } from './model.js';
export { scoreSentence, scoreDoc, scoreClauses, rawSentenceValence, type ClauseScore, type DocSentiment } from './score.js';
export { sentimentLabel, NEUTRAL_BAND } from './label.js';
