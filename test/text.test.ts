import { describe, expect, it } from 'vitest';
import { createNlp, forgetNewWords, parseDoc } from '../src/core/text/nlp.js';
import { loadWinkModel } from '../src/load/wink-model.js';
import type { Doc, Token } from '../src/core/text/types.js';

const nlp = createNlp(loadWinkModel());
const tokensOf = (doc: Doc): Token[] => doc.sentences.flatMap((s) => s.tokens);
const negatedWords = (text: string): string[] =>
  tokensOf(parseDoc(nlp, text))
    .filter((t) => t.negated)
    .map((t) => t.normal);

describe('parseDoc', () => {
  it('splits a verbatim into sentences whose offsets point back into the text', () => {
    const text = '  The parcel never arrived.\nI called twice!  Still nothing... ';
    const doc = parseDoc(nlp, text);
    expect(doc.sentences.map((s) => s.text)).toEqual(['The parcel never arrived.', 'I called twice!', 'Still nothing...']);
    for (const s of doc.sentences) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      for (const t of s.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    }
  });

  it('keeps token offsets right through contractions, emails and emoji', () => {
    const text = "I can't log in 😡 write to help@shop.com, won't you?";
    const tokens = tokensOf(parseDoc(nlp, text));
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.find((t) => t.type === 'email')?.text).toBe('help@shop.com');
    expect(tokens.map((t) => t.normal)).toContain('not');
  });

  it('gives lower-cased normals, lemmas and part-of-speech tags', () => {
    const tokens = tokensOf(parseDoc(nlp, 'It Fell apart and they Charged me twice.'));
    const fell = tokens.find((t) => t.text === 'Fell');
    expect(fell?.lemma).toBe('fall');
    expect(fell?.pos).toBe('VERB');
    expect(tokens[0]?.normal).toBe('it');
    expect(tokens.find((t) => t.text === 'Charged')?.lemma).toBe('charge');
  });

  it('still parses a word wink cannot lemmatise ("cant" at the end of a sentence)', () => {
    const doc = parseDoc(nlp, 'I need to transfer to my account and cant.');
    const cant = doc.sentences[0]!.tokens.find((t) => t.text === 'cant');
    expect(cant?.lemma).toBe('cant');
  });

  it('returns no sentences for empty or blank text', () => {
    expect(parseDoc(nlp, '').sentences).toEqual([]);
    expect(parseDoc(nlp, '  \n ').sentences).toEqual([]);
  });

  it('marks the words a negation scopes over', () => {
    expect(negatedWords('The food was not bad.')).toEqual(['bad']);
    expect(negatedWords('There were no problems.')).toEqual(['problems']);
    expect(negatedWords('My order never arrived.')).toEqual(['arrived']);
    expect(negatedWords("The app didn't work.")).toEqual(['work']);
    expect(negatedWords("The agent wasn't helpful.")).toEqual(['helpful']);
  });

  it('ends a negation where a new clause starts', () => {
    const negated = negatedWords("It didn't work and the agent was rude.");
    expect(negated).toContain('work');
    expect(negated).not.toContain('rude');
  });

  it('negates after "without", which wink does not scope', () => {
    expect(negatedWords('It arrived without problems.')).toEqual(['problems']);
  });
});

describe('the parser between batches', () => {
  const words = (doc: Doc): string[] => tokensOf(doc).map((t) => t.text);
  const later = "Movies w/ Grimbly's as bad guys";

  it("reads a text differently once wink has met one of its words before (wink's own memory)", () => {
    const fresh = words(parseDoc(createNlp(loadWinkModel()), later));
    const taught = createNlp(loadWinkModel());
    parseDoc(taught, "I watched Grimbly's.");
    expect(fresh).toContain("'s");
    expect(words(parseDoc(taught, later))).not.toEqual(fresh);
  });

  it('reads a batch as a fresh parser would, whatever earlier batches taught it', () => {
    const fresh = words(parseDoc(createNlp(loadWinkModel()), later));
    const taught = createNlp(loadWinkModel());
    parseDoc(taught, "I watched Grimbly's.");
    forgetNewWords(taught);
    expect(words(parseDoc(taught, later))).toEqual(fresh);
  });

  it('builds as many parsers as needed (wink-eng-lite-web-model alone fails at the 21st)', () => {
    // Its metaCER() re-serialises its previous output at each call, until "Invalid string length".
    for (let i = 0; i < 25; i++) expect(parseDoc(createNlp(loadWinkModel()), 'ok').sentences).toHaveLength(1);
  });

  it('keeps parsing the same after replacing wink once its unseen words pile up', () => {
    const parser = createNlp(loadWinkModel());
    const before = JSON.stringify(parseDoc(parser, 'Refnud from Zorblax never came, order #4411 still open.'));
    // Enough unseen words to pass the limit of one instance (OOV_LIMIT, 100,000).
    for (let batch = 0; batch < 25; batch++) {
      forgetNewWords(parser);
      parseDoc(parser, Array.from({ length: 4200 }, (_, i) => `qx${batch}z${i}`).join(' '));
    }
    forgetNewWords(parser);
    expect(JSON.stringify(parseDoc(parser, 'Refnud from Zorblax never came, order #4411 still open.'))).toBe(before);
  });
});
