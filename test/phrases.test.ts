import { describe, expect, it } from 'vitest';
import { keyPhrases } from '../src/core/phrases/key-phrases.js';
import { makeDoc } from './helpers/doc.js';

describe('key phrases', () => {
  it('are noun phrases with their adjectives, lemmatised', () => {
    const phrases = keyPhrases(makeDoc('Beautiful dresses but the fabric is thin and the poor stitching came apart.'));
    expect(phrases).toEqual(['beautiful dress', 'fabric', 'poor stitching']);
  });

  it('rank by frequency, then by first position', () => {
    const text = 'The tracking number is wrong. The delivery driver was rude. The delivery driver left it outside.';
    expect(keyPhrases(makeDoc(text))).toEqual(['delivery driver', 'tracking number']);
  });

  it('drop redaction placeholders and empty words', () => {
    const phrases = keyPhrases(makeDoc('Hi, please email me at [EMAIL] about the refund. Thanks for everything.'));
    expect(phrases).toEqual(['refund']);
  });

  it('keep at most the requested number', () => {
    const text = 'The zipper, the lining, the buttons, the collar, the sleeves and the hem are all bad.';
    expect(keyPhrases(makeDoc(text), 3)).toHaveLength(3);
    expect(keyPhrases(makeDoc(text))).toHaveLength(5);
  });

  it('give the same list for the same text', () => {
    const text = 'Slow app, slow checkout, and the promo code failed twice.';
    expect(keyPhrases(makeDoc(text))).toEqual(keyPhrases(makeDoc(text)));
  });
});
