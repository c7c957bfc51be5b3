import type { Sentence, Token } from '../text/types.js';

/**
 * The word-level pattern engine shared by themes and signals. A pattern word is a set of
 * alternatives ("charge|bill"); a token matches when its lemma or surface form is one of
 * them, so taxonomy authors can write lemmas ("run small") or surface words ("runs small").
 * Two word classes: "not" matches any negator (not, n't, never, no, cannot); "#num" matches
 * a number or a counting word ("3", "three", "several"); "#ord" an ordinal ("third", "4th").
 * A slot may name the part of speech its token must have ("chase|chasing/VERB"): the word's
 * sense, where the lemma alone is ambiguous ("my Chase account", "a hole in the wall").
 */
export type PatternWord = ReadonlySet<string> & { readonly pos?: PosTag };
export type Pattern = readonly PatternWord[];

/** The parts of speech a slot may demand, as wink tags them (universal POS). */
export type PosTag = 'VERB' | 'NOUN' | 'ADJ' | 'ADV';
const POS_SUFFIX = /\/(verb|noun|adj|adv)$/;

/**
 * Whether token `t` (at `index` in its sentence, punctuation dropped) has the part of speech
 * a slot demands. A proper noun is never a verb: neither one wink tags PROPN nor a word
 * capitalised mid-sentence that wink took for a verb ("JPMorgan Chase", "Chase Bryant").
 */
export function posMatches(t: Token, tag: PosTag, index: number): boolean {
  if (tag === 'NOUN') return t.pos === 'NOUN' || t.pos === 'PROPN';
  if (tag !== 'VERB') return t.pos === tag;
  if (t.pos !== 'VERB') return false;
  if (index === 0) return true;
  const first = t.text.charCodeAt(0);
  return !(first >= 65 && first <= 90 && t.text.slice(1) !== t.text.slice(1).toUpperCase());
}
export const NEGATORS: ReadonlySet<string> = new Set(['not', "n't", 'nt', 'never', 'no', 'cannot', 'without']);
const COUNTS = [
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'twelve',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'ninety',
  'hundred',
  'several',
  'multiple',
  'many',
  'few',
  'countless',
  'numerous',
  'dozen',
  'dozens',
];
const ORDINALS = ['second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'umpteenth', 'nth'];

/** "3rd", "4th", "21st" written in digits. */
const ORDINAL_DIGITS = /^\d+(?:st|nd|rd|th)$/;

/** Default gap: how many extra words may sit between two consecutive pattern words. */
export const MAX_GAP = 2;

function expandWord(word: string): PatternWord {
  const out = new Set<string>() as Set<string> & { pos?: PosTag };
  for (const alt of word.split('|')) {
    let w = alt.trim().toLowerCase();
    const tag = POS_SUFFIX.exec(w);
    if (tag) {
      out.pos = (tag[1] as string).toUpperCase() as PosTag;
      w = w.slice(0, tag.index);
    }
    if (w === '') continue;
    if (w === 'not') for (const n of NEGATORS) out.add(n);
    else if (w === '#num') {
      out.add('#num');
      for (const c of COUNTS) out.add(c);
    } else if (w === '#ord') {
      out.add('#ord');
      for (const c of ORDINALS) out.add(c);
    } else out.add(w);
  }
  return out;
}

/** "see-through" and "log-in" are split, because the tokenizer splits them the same way. */
export function compilePattern(text: string): Pattern {
  const words = text
    .toLowerCase()
    .split(/[\s]+|(?<=\w)-(?=\w)/)
    .filter((w) => w !== '');
  return words.map(expandWord);
}

/**
 * Compiles a pattern whose alternatives may be hyphenated ("reply|follow-up"). A hyphenated
 * word is several tokens, so it cannot share one slot with single words: each hyphenated
 * alternative becomes its own variant ("still waiting for reply" and "still waiting for
 * follow up"), where compilePattern alone would demand "up" after every alternative.
 */
export function compilePatterns(text: string): Pattern[] {
  const slots = text
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  const hyphenated = slots.findIndex((slot) => slot.includes('|') && slot.split('|').some((alt) => /\w-\w/.test(alt)));
  if (hyphenated < 0) return [compilePattern(text)];
  const alternatives = (slots[hyphenated] as string).split('|').filter((alt) => alt !== '');
  const plain = alternatives.filter((alt) => !/\w-\w/.test(alt));
  const variants = [...(plain.length > 0 ? [plain.join('|')] : []), ...alternatives.filter((alt) => /\w-\w/.test(alt))];
  return variants.flatMap((v) => compilePatterns(slots.map((slot, i) => (i === hyphenated ? v : slot)).join(' ')));
}

/** The keys a token is looked up by: lemma, surface form, and repairs for tokenizer slips. */
function tokenKeys(t: Token): string[] {
  const keys = [t.lemma];
  if (t.normal !== t.lemma) keys.push(t.normal);
  // wink's normal form respells a few words ("through" -> "thru"); authors write what they read.
  if (t.text !== t.normal) {
    const surface = t.text.toLowerCase();
    if (surface !== t.normal && surface !== t.lemma) keys.push(surface);
  }
  // A handle is its name too: a post to "@jetblue" is about JetBlue, and a context list that
  // names the brand (a pack's airlines) reads it where the post names nothing else.
  if (t.type === 'mention' && t.normal.length > 2) keys.push(t.normal.slice(1));
  if (t.type === 'number') keys.push('#num');
  if (ORDINAL_DIGITS.test(t.normal)) keys.push('#ord');
  // A capitalised sentence opener is often tagged PROPN and left unlemmatised ("Sizes").
  if (t.pos === 'PROPN' && t.normal.length > 3 && t.normal.endsWith('s')) keys.push(t.normal.slice(0, -1));
  // "wash." at the end of a text can stay one token.
  if (t.normal.length > 2 && t.normal.endsWith('.')) keys.push(t.normal.slice(0, -1));
  return keys;
}

/** One sentence prepared for matching: punctuation dropped, keys resolved once. */
export interface PreparedSentence {
  tokens: Token[];
  /** Each token's keys; the arrays are shared by every token of a word: read, never mutate. */
  keys: string[][];
}

/**
 * The prepared form of a Doc sentence, built by the first stage that matches patterns
 * (themes) and kept on the sentence for the next (signals): the Doc is the one structure
 * the stages annotate. Callers must not mutate it.
 */
export function preparedSentence(sentence: Sentence): PreparedSentence {
  const annotated = sentence as Sentence & { prepared?: PreparedSentence };
  annotated.prepared ??= prepareSentence(sentence.tokens);
  return annotated.prepared;
}

function prepareSentence(tokens: readonly Token[]): PreparedSentence {
  const out: PreparedSentence = { tokens: [], keys: [] };
  for (const t of tokens) {
    if (t.type === 'punctuation') continue;
    // Once per word: the keys follow from the word alone, and are shared (never mutated).
    const keys = t.word === undefined ? tokenKeys(t) : (t.word.keys ??= tokenKeys(t));
    out.tokens.push(t);
    out.keys.push(keys);
  }
  return out;
}

function wordMatches(word: PatternWord, keys: readonly string[]): boolean {
  for (const k of keys) if (word.has(k)) return true;
  return false;
}

/**
 * Matches `pattern` with its first word at position `at`; returns the positions of the
 * matched words, or undefined. Greedy: each next word is the nearest one within the gap.
 */
export function matchAt(s: PreparedSentence, pattern: Pattern, at: number, gap = MAX_GAP): number[] | undefined {
  return greedyMatch(s.keys.length, pattern.length, at, gap, keysMatch, pattern, s.keys);
}

const keysMatch = (pattern: Pattern, keys: readonly (readonly string[])[], position: number, word: number): boolean =>
  wordMatches(pattern[word] as PatternWord, keys[position] as string[]);

/** Positions of the walk in progress (greedyMatch is not reentrant: `matches` is a leaf test). */
let walk = new Int32Array(16);

/**
 * The walk of matchAt over any form of a sentence and a pattern: `matches(a, b, j, w)` says
 * whether the token at position j matches the pattern's word w. The forms come as arguments,
 * not in a closure, and the positions are kept in scratch until the walk succeeds: this runs
 * for every cue and context tried, and most walks fail.
 */
export function greedyMatch<A, B>(
  tokens: number,
  words: number,
  at: number,
  gap: number,
  matches: (a: A, b: B, position: number, word: number) => boolean,
  a: A,
  b: B,
): number[] | undefined {
  if (words === 0 || at < 0 || at >= tokens || !matches(a, b, at, 0)) return undefined;
  if (walk.length < words) walk = new Int32Array(2 * words);
  walk[0] = at;
  let pos = at;
  for (let w = 1; w < words; w++) {
    let found = -1;
    for (let j = pos + 1; j <= pos + 1 + gap && j < tokens; j++) {
      if (matches(a, b, j, w)) {
        found = j;
        break;
      }
    }
    if (found < 0) return undefined;
    walk[w] = found;
    pos = found;
  }
  const hits: number[] = [];
  for (let w = 0; w < words; w++) hits.push(walk[w]!);
  return hits;
}

/** True when the pattern itself carries a negator, so a negated scope is what it expects. */
export function patternHasNegator(pattern: Pattern): boolean {
  return pattern.some((w) => w.has('never') || w.has('not'));
}
