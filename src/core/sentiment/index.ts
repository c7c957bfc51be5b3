export { SentimentLexicon } from './lexicon.js';
export { createSentimentModel } from './model.js';
export { scoreSentence, scoreDoc, scoreClauses } from './score.js';
export { sentimentLabel, NEUTRAL_BAND } from './label.js';
export { createHybridScorer } from './hybrid.js';
