import winkNLP, { type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Doc, Sentence, Token } from './types.js';
import { refineNegation } from './negation.js';

type WinkNlp = ReturnType<typeof winkNLP>;

/**
 * One winkNLP instance, built once at start-up and passed to every parse (building it costs
 * ~100 ms and a few MB; per-verbatim construction would dominate the hot path).
 */
export interface Nlp {
  readonly wink: WinkNlp;
  /**
   * Size of wink's own lexicon: a token whose id is below it is a known English word; wink
   * numbers the words it has not seen from here up, in the order it meets them.
   */
  readonly lexiconSize: number;
}

/**
 * The annotations the stages read: sentences, negation scope, POS (and, from it, lemmas).
 * wink's own sentiment and its entity recognisers (ner, cer) stay out of the pipe: nothing
 * downstream reads them (redaction finds personal data itself), and they cost over a third
 * of readDoc's time.
 */
const PIPE = ['sbd', 'negation', 'pos'];

export function createNlp(): Nlp {
  const wink = winkNLP(model, PIPE);
  // Each instance keeps its own lexicon, so the first unseen word read by a fresh instance
  // gets the first id past the lexicon: its size, the same in every process.
  const [lexiconSize] = wink.readDoc('qzxwvjkq').tokens().out(wink.its.uniqueId as unknown as ItsFunction<number>) as unknown as number[];
  return { wink, lexiconSize: lexiconSize! };
}

/**
 * Where `value` starts at or after `from`, with only whitespace between; should wink ever
 * emit a value that is not there verbatim, the token is placed at `from`.
 */
function locate(text: string, value: string, from: number): number {
  let at = from;
  while (at < text.length && isSpace(text.charCodeAt(at)) && !text.startsWith(value, at)) at++;
  return text.startsWith(value, at) ? at : from;
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x2028 || c === 0x2029 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;

// Whitespace runs (newlines, tabs) that wink keeps as tokens of their own: no meaning, dropped.
const WHITESPACE_TYPE = 'tabCRLF';

/**
 * Reads the text once and lays it out as the shared Doc: sentences with character offsets,
 * tokens with normal, lemma, POS, type and negation scope.
 *
 * Offsets: each token is found in the text after the previous one, across whitespace only
 * (wink's own preceding-spaces output builds a string per token, a tenth of parse time).
 */
export function parseDoc(nlp: Nlp, text: string): Doc {
  const { wink } = nlp;
  const its = wink.its;
  const wdoc = wink.readDoc(text);
  const tokens = wdoc.tokens();
  const values = tokens.out() as string[];
  const n = values.length;
  if (n === 0) return { text, sentences: [] };
  const normals = tokens.out(its.normal) as string[];
  // wink's hand-written types give its.lemma a signature `out` does not accept; it works at run time.
  const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>) as string[];
  const pos = tokens.out(its.pos) as string[];
  const types = tokens.out(its.type) as string[];
  const negs = tokens.out(its.negationFlag) as unknown as boolean[];
  const ids = tokens.out(its.uniqueId as unknown as ItsFunction<number>) as unknown as number[];

  const all: Token[] = new Array<Token>(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i] as string;
    at = locate(text, value, at);
    all[i] = {
      text: value,
      // wink keeps the case of a few normals ("It"); lower-casing keeps lookups uniform.
      normal: (normals[i] as string).toLowerCase(),
      // wink gives no lemma for a few tokens ("cant" ending a sentence): the normal stands in.
      lemma: (lemmas[i] ?? normals[i] ?? value).toLowerCase(),
      pos: pos[i] as string,
      start: at,
      end: at + value.length,
      negated: negs[i] === true,
      type: types[i] as string,
      known: (ids[i] as number) < nlp.lexiconSize,
    };
    at += value.length;
  }
  refineNegation(all);

  const spans = wdoc.sentences().out(its.span) as unknown as Array<[number, number]>;
  const sentences: Sentence[] = [];
  for (const [first, last] of spans) {
    if (last < first) continue;
    const sentenceTokens: Token[] = [];
    for (let i = first; i <= last; i++) {
      const t = all[i] as Token;
      if (t.type !== WHITESPACE_TYPE) sentenceTokens.push(t);
    }
    const head = sentenceTokens[0];
    const tail = sentenceTokens[sentenceTokens.length - 1];
    if (head === undefined || tail === undefined) continue;
    sentences.push({ start: head.start, end: tail.end, text: text.slice(head.start, tail.end), tokens: sentenceTokens });
  }
  return { text, sentences };
}
