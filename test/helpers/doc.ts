import winkNLP, { type ItemSentence } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Doc, Sentence, Token } from '../../src/core/text/types.js';

// A stand-in for src/core/text/nlp.ts (parseDoc) so theme/signal/phrase tests can build Docs.
const nlp = winkNLP(model);
const its = nlp.its;

export function makeDoc(text: string): Doc {
  const wdoc = nlp.readDoc(text);
  const texts = wdoc.tokens().out() as string[];
  const spaces = wdoc.tokens().out(its.precedingSpaces) as string[];
  const lemmas = wdoc.tokens().out(its.lemma as never) as string[];
  const pos = wdoc.tokens().out(its.pos) as string[];
  const types = wdoc.tokens().out(its.type) as string[];
  const negs = wdoc.tokens().out(its.negationFlag) as unknown as boolean[];
  const tokens: Token[] = [];
  let at = 0;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i] ?? '';
    at += (spaces[i] ?? '').length;
    tokens.push({
      text: t,
      normal: t.toLowerCase(),
      lemma: (lemmas[i] ?? t).toLowerCase(),
      pos: pos[i] ?? 'X',
      start: at,
      end: at + t.length,
      negated: negs[i] === true,
      type: types[i] ?? 'word',
    });
    at += t.length;
  }
  const sentences: Sentence[] = [];
  wdoc.sentences().each((s: ItemSentence) => {
    const [first, last] = s.out(its.span) as unknown as [number, number];
    const st = tokens.slice(first, last + 1);
    const start = st[0]?.start ?? 0;
    const end = st[st.length - 1]?.end ?? start;
    sentences.push({ start, end, text: text.slice(start, end), tokens: st });
  });
  return { text, sentences };
}
