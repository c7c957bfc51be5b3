import type { Doc, Token } from '../text/types.js';

/**
 * Words that make a phrase say nothing about the friction on their own: greetings, fillers,
 * time words, vague nouns. A phrase made only of these is dropped.
 */
const EMPTY_WORDS: ReadonlySet<string> = new Set([
  'thing',
  'lot',
  'way',
  'day',
  'bit',
  'one',
  'anything',
  'something',
  'everything',
  'nothing',
  'people',
  'guy',
  'everyone',
  'someone',
  'anyone',
  'kind',
  'sort',
  'today',
  'yesterday',
  'tomorrow',
  'week',
  'month',
  'year',
  'time',
  'hi',
  'hello',
  'hey',
  'thanks',
  'thank',
  'please',
  'yes',
  'ok',
  'okay',
  'lol',
  'dear',
  'sir',
  'madam',
  'regards',
  'other',
  'same',
  'much',
  'many',
  'more',
  'most',
  'few',
  'good',
  'bad',
  'great',
  'whole',
  'lady',
  'mr',
  'mrs',
  'ms',
  'etc',
  'stuff',
  'whatever',
  'place',
  'part',
  'point',
  'reason',
  'number',
  'amount',
]);

const NOUNS: ReadonlySet<string> = new Set(['NOUN', 'PROPN']);

/** "[EMAIL]", "[PHONE]"...: a redaction placeholder, never part of a phrase. */
function isPlaceholder(doc: Doc, t: Token): boolean {
  return doc.text[t.start - 1] === '[' && doc.text[t.end] === ']';
}

/** A lower-case word of letters (apostrophes and hyphens inside allowed), not a placeholder. */
function usable(doc: Doc, t: Token): boolean {
  if (t.type !== 'word' || !isLowerWord(t.lemma)) return false;
  return !isPlaceholder(doc, t);
}

function isLowerWord(w: string): boolean {
  const first = w.charCodeAt(0);
  if (!(first >= 97 && first <= 122)) return false;
  for (let i = 1; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || c === 39 || c === 45)) return false;
  }
  return true;
}

/** Noun phrases (ADJ* NOUN+, or PROPN runs) of one sentence, as lemma strings. */
function sentencePhrases(doc: Doc, tokens: readonly Token[], emit: (phrase: string) => void): void {
  // One list, emptied in place: most tokens end a (usually empty) phrase.
  const words: string[] = [];
  let hasNoun = false;
  const flush = (): void => {
    if (words.length === 0) return;
    if (hasNoun && words.some((w) => !EMPTY_WORDS.has(w))) {
      const phrase = words.join(' ');
      if (phrase.length >= 3) emit(phrase);
    }
    words.length = 0;
    hasNoun = false;
  };
  for (const t of tokens) {
    const noun = NOUNS.has(t.pos);
    if (!usable(doc, t) || (!noun && t.pos !== 'ADJ')) {
      flush();
      continue;
    }
    // An adjective after a noun starts a new phrase ("delivery late" is not a noun phrase).
    if (!noun && hasNoun) flush();
    words.push(t.lemma);
    if (noun) hasNoun = true;
  }
  flush();
}

/**
 * Up to `max` key phrases of a document: noun phrases from the POS tags, lemmatised,
 * placeholders and empty words dropped, ranked by frequency then first position (so the
 * same text always gives the same list).
 */
export function keyPhrases(doc: Doc, max = 5): string[] {
  const seen = new Map<string, { count: number; first: number }>();
  let order = 0;
  for (const sentence of doc.sentences) {
    sentencePhrases(doc, sentence.tokens, (phrase) => {
      const entry = seen.get(phrase);
      if (entry) entry.count++;
      else seen.set(phrase, { count: 1, first: order++ });
    });
  }
  return [...seen.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first)
    .slice(0, max)
    .map(([phrase]) => phrase);
}
