import { describe, expect, it } from 'vitest';
import { createSentimentModel, scoreClauses, scoreDoc, scoreSentence, sentimentLabel, type SentimentLexicon } from '../src/core/sentiment/index.js';
import { createNlp, parseDoc } from '../src/core/text/nlp.js';
import { loadWinkModel } from '../src/load/wink-model.js';
import { loadSentimentLexicon } from '../src/load/lexicon.js';

const nlp = createNlp(loadWinkModel());
const model = createSentimentModel(loadSentimentLexicon());
const score = (text: string): number => scoreDoc(model, parseDoc(nlp, text)).overall;
const label = (text: string): string => sentimentLabel(score(text));

describe('sentence sentiment', () => {
  it('reads plain praise as positive and plain complaints as negative', () => {
    expect(label('The staff were friendly and helpful.')).toBe('positive');
    expect(label('The food was terrible.')).toBe('negative');
    expect(label('I ordered a pizza on Tuesday.')).toBe('neutral');
  });

  it('turns a negated complaint into mild praise and negated praise into a complaint', () => {
    const notBad = score('The food was not bad.');
    expect(notBad).toBeGreaterThan(0);
    expect(notBad).toBeLessThan(score('The food was good.'));
    expect(label('There were no problems with my order.')).toBe('positive');
    expect(label('The food was not good.')).toBe('negative');
    expect(label("The agent wasn't helpful.")).toBe('negative');
  });

  it('lets the clause after "but" decide', () => {
    expect(label('The food was great but the service was terrible.')).toBe('negative');
    expect(label('The wait was annoying but the food was excellent.')).toBe('positive');
  });

  it('makes "very" stronger and "slightly" weaker', () => {
    const plain = score('The room was dirty.');
    expect(score('The room was very dirty.')).toBeLessThan(plain);
    expect(score('The room was slightly dirty.')).toBeGreaterThan(plain);
    expect(score('The room was slightly dirty.')).toBeLessThan(0);
  });

  it('reads exclamation marks as emphasis in the direction already taken', () => {
    expect(score('The service was good!!!')).toBeGreaterThan(score('The service was good.'));
    expect(score('The service was awful!!!')).toBeLessThan(score('The service was awful.'));
  });

  it('scores customer-service expressions that hold no sentiment word', () => {
    expect(label('I was on hold for an hour.')).toBe('negative');
    // any count where the phrase says #num
    expect(label("I've been on hold for 3 hours trying to rebook.")).toBe('negative');
    expect(label('We waited two hours at the desk.')).toBe('negative');
    // service failures AFINN has no word for
    expect(label('They overcharged me and left us stranded.')).toBe('negative');
    expect(label('The servicer misapplied my payment.')).toBe('negative');
    expect(label('They charged me twice.')).toBe('negative');
    expect(label('My parcel never arrived.')).toBe('negative');
    expect(label('I am still waiting.')).toBe('negative');
    expect(label('I want to cancel my account.')).toBe('negative');
    expect(label('No one called back.')).toBe('negative');
    expect(label('The jacket fell apart after a week.')).toBe('negative');
    expect(label('The agent went above and beyond.')).toBe('positive');
    expect(label('I highly recommend them.')).toBe('positive');
  });

  it('keeps every score within [-1, 1]', () => {
    const shouted = score('TERRIBLE TERRIBLE AWFUL HORRIBLE WORST EVER!!!!!');
    expect(shouted).toBeGreaterThanOrEqual(-1);
    expect(shouted).toBeLessThan(-0.9);
  });
});

describe('verbatim sentiment', () => {
  it('weighs strongly felt sentences above neutral filler', () => {
    const doc = parseDoc(nlp, 'I ordered on Monday. The delivery was a disaster. It came in a box.');
    const { sentences, overall } = scoreDoc(model, doc);
    expect(sentences).toHaveLength(3);
    expect(overall).toBeLessThan(0);
    expect(overall).toBeLessThan((sentences[0]! + sentences[1]! + sentences[2]!) / 3);
  });

  it('scores each side of a contrast on its own, for the mentions in it', () => {
    const [sentence] = parseDoc(nlp, 'The colour is gorgeous, but the fabric is cheap and scratchy.').sentences;
    const clauses = scoreClauses(model, sentence!);
    expect(clauses).toHaveLength(2);
    expect(clauses![0]!.score).toBeGreaterThan(0.2);
    expect(clauses![1]!.score).toBeLessThan(-0.2);
    expect(scoreClauses(model, parseDoc(nlp, 'The colour is gorgeous.').sentences[0]!)).toBeUndefined();
  });

  it('scores an empty verbatim as neutral', () => {
    expect(scoreDoc(model, parseDoc(nlp, ''))).toEqual({ sentences: [], overall: 0, clauses: [] });
  });

  it('matches phrases given as data, through lemmas', () => {
    const lexicon: SentimentLexicon = {
      words: {},
      phrases: [{ phrase: 'lose my package', valence: -3 }],
      modifiers: {},
      contrastAfter: [],
      contrastBefore: [],
    };
    const tiny = createSentimentModel(lexicon);
    const sentence = parseDoc(nlp, 'They lost my package.').sentences[0]!;
    expect(scoreSentence(tiny, sentence)).toBeLessThan(-0.5);
  });
});

describe('sentimentLabel', () => {
  it('keeps a band around zero neutral', () => {
    expect(sentimentLabel(0)).toBe('neutral');
    expect(sentimentLabel(0.05)).toBe('neutral');
    expect(sentimentLabel(0.5)).toBe('positive');
    expect(sentimentLabel(-0.5)).toBe('negative');
  });
});
