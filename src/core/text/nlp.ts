import winkNLP, { type ItsFunction } from 'wink-nlp';
import type { Doc, Sentence, Token, WordMemo } from './types.js';
import { refineNegation } from './negation.js';
import { LONG_TOKEN } from './guard.js';

type WinkNlp = ReturnType<typeof winkNLP>;

/** A wink language model (wink-eng-lite-web-model), loaded by the caller (src/load/wink-model.ts) and passed in. */
export type WinkModel = Parameters<typeof winkNLP>[0];

/**
 * One winkNLP instance, built at start-up and passed to every parse (building it costs
 * ~100 ms and a few MB; per-verbatim construction would dominate the hot path).
 *
 * wink adds every word it has not seen (ids, amounts, names, typos) to its instance's
 * lexicon, and its tokenizer then reads a later text differently: "Nazi's" is split into
 * "Nazi" + "'s" by a fresh instance, but kept whole by one that has met "Nazi's." before.
 * A verbatim's analysis would depend on everything the instance read earlier: on the thread
 * or the worker that analysed its batch, and on the batches before. So forgetNewWords, called
 * as each batch begins, makes the instance forget the words it added: every batch is read as
 * by a fresh instance, wherever it runs. (Forgetting after every verbatim costs 5-15% more,
 * every unseen word being worked out again in each verbatim.) The forgotten words' entries
 * stay in wink's tables, which number words by position, until OOV_LIMIT have piled up; the
 * instance is then replaced by a fresh one, which holds ~150 bytes per word less.
 */
export interface Nlp {
  wink: WinkNlp;
  /** The model the instance was built from: a replacement instance is built from it too. */
  readonly model: WinkModel;
  /** The instance's own lexicon tables (what forgetNewWords makes it forget). */
  lexicon: WinkLexicon;
  /** Entries below this position in the lexicon list are wink's own or already forgotten. */
  forgotten: number;
  /**
   * Size of wink's own lexicon: a token whose id is below it is a known English word; wink
   * numbers the words it has not seen from here up, in the order it meets them.
   */
  readonly lexiconSize: number;
  /** Whether the lower-case form of a capitalised unseen word ("Shipping") is in the lexicon. */
  readonly lowerKnown: Map<string, boolean>;
  /** What a word id reads as with each POS tag met (see Lexeme), by id: tied to this wink instance's ids. */
  lexemes: Array<TaggedLexeme | undefined>;
  /** The same for the words wink did not know, until they are forgotten (forgetNewWords). */
  newLexemes: Map<number, TaggedLexeme>;
}

/**
 * A token's annotations that follow from wink's id of its surface form and its POS tag alone
 * (for a token that is not part of a contraction): normal, lemma, type, known. Worked out
 * once per (id, tag), they spare each later occurrence three of wink's per-token lookups and
 * the lemmatizer, and every occurrence shares the same strings.
 */
interface Lexeme {
  normal: string;
  lemma: string;
  type: string;
  known: boolean;
  /**
   * Given to every token of the word (Token.word): the stages' per-word memos. Only wink's
   * own words have one: they are kept for the instance's life, where a word wink did not
   * know is forgotten with its batch, mostly met once or twice (names, tags, slang, typos):
   * its memos would be built to be thrown away.
   */
  word: WordMemo | undefined;
}

/**
 * A word's lexemes, one per POS tag it was met with (rarely more than two), as a list. The
 * lexeme's fields are the entry's own: one object to reach per token, not two (these reads
 * are cache misses, most of what a token costs here).
 */
interface TaggedLexeme extends Lexeme {
  tag: string;
  next: TaggedLexeme | undefined;
}

/** wink's table of lexemes: the word at each id, and the id of each word it knows now. */
interface WinkLexicon {
  list: string[];
  hash: Record<string, number>;
}

/** Entries for unseen words an instance may pile up before it is replaced (at a batch's start). */
const OOV_LIMIT = 100_000;
/** For callers that never begin batches (train, eval): replaced after a parse past this. */
const HARD_OOV_LIMIT = 4 * OOV_LIMIT;
/** Bound of the lower-case memo; it is cleared, not evicted, at the bound. */
const LOWER_MEMO_LIMIT = 50_000;

/**
 * The annotations the stages read: sentences, negation scope, POS (and, from it, lemmas).
 * wink's own sentiment and its entity recognisers (ner, cer) stay out of the pipe: nothing
 * downstream reads them (redaction finds personal data itself), and they cost over a third
 * of readDoc's time.
 */
const PIPE = ['sbd', 'negation', 'pos'];

export function createNlp(model: WinkModel): Nlp {
  const { wink, lexicon } = createWink(model);
  // Each instance keeps its own lexicon, so the first unseen word read by a fresh instance
  // gets the first id past the lexicon: its size, the same in every process.
  const mark = lexicon.list.length;
  const [lexiconSize] = idsOf(wink, wink.readDoc('qzxwvjkq'));
  forgetSince(lexicon, mark);
  return { wink, model, lexicon, forgotten: lexicon.list.length, lexiconSize: lexiconSize!, lowerKnown: new Map(), lexemes: [], newLexemes: new Map() };
}

/** Forgets the words read since the last call (see Nlp): what follows is read as by a fresh instance. */
export function forgetNewWords(nlp: Nlp): void {
  forgetSince(nlp.lexicon, nlp.forgotten);
  nlp.forgotten = nlp.lexicon.list.length;
  // Their ids will not come back: the words get new ones when met again.
  nlp.newLexemes.clear();
  if (nlp.forgotten >= nlp.lexiconSize + OOV_LIMIT) renew(nlp);
}

function renew(nlp: Nlp): void {
  const fresh = createWink(nlp.model);
  nlp.wink = fresh.wink;
  nlp.lexicon = fresh.lexicon;
  nlp.forgotten = fresh.lexicon.list.length;
  nlp.lowerKnown.clear();
  // The memo is indexed by the replaced instance's ids.
  nlp.lexemes = [];
  nlp.newLexemes.clear();
}

/**
 * A wink instance and its lexicon tables. wink reads them from the model's `core()` once,
 * when the instance is built; a model whose `core` hands them over as well is the only way to
 * reach them (wink exposes no API to forget words).
 */
function createWink(model: WinkModel): { wink: WinkNlp; lexicon: WinkLexicon } {
  let core: { features: { lexeme: WinkLexicon } } | undefined;
  const observed = Object.assign(Object.create(null) as object, model, {
    core: () => (core = (model as unknown as { core(): typeof core }).core()),
  }) as WinkModel;
  const wink = winkNLP(observed, PIPE);
  const lexicon = core?.features.lexeme;
  if (!lexicon || !Array.isArray(lexicon.list) || typeof lexicon.hash !== 'object')
    throw new Error('wink-nlp: the model has no lexeme table where expected (wink-nlp version changed?)');
  return { wink, lexicon };
}

/** Makes the instance forget the words added at or after id `mark`: lookups no longer find them. */
function forgetSince(lexicon: WinkLexicon, mark: number): void {
  const { list, hash } = lexicon;
  for (let id = mark; id < list.length; id++) {
    const word = list[id] as string;
    if (hash[word] === id) delete hash[word];
  }
}

const idsOf = (wink: WinkNlp, wdoc: ReturnType<WinkNlp['readDoc']>): number[] =>
  wdoc.tokens().out(wink.its.uniqueId as unknown as ItsFunction<number>) as unknown as number[];

/**
 * Whether a token is a known English word. wink files "Shipping" apart from "shipping", so
 * a capitalised word it has not seen is looked up in lower case (once per word, memoised).
 */
function isKnown(nlp: Nlp, id: number, value: string, normal: string): boolean {
  if (id < nlp.lexiconSize) return true;
  if (value === normal) return false;
  let known = nlp.lowerKnown.get(normal);
  if (known === undefined) {
    const ids = idsOf(nlp.wink, nlp.wink.readDoc(normal));
    known = ids.length === 1 && ids[0]! < nlp.lexiconSize;
    if (nlp.lowerKnown.size >= LOWER_MEMO_LIMIT) nlp.lowerKnown.clear();
    nlp.lowerKnown.set(normal, known);
  }
  return known;
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

const isSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x2028 || c === 0x2029 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;

// Whitespace runs (newlines, tabs) that wink keeps as tokens of their own: no meaning, dropped.
const WHITESPACE_TYPE = 'tabCRLF';

/**
 * wink reads the guards' placeholder as three words ("LONG", "_", "TOKEN"), and "long" would
 * count as evidence ("waited long"): its words become one placeholder that no lexicon, theme
 * or phrase reads. Tokens and placeholders are both in text order: one pass over each.
 */
function markLongTokens(text: string, tokens: Token[]): void {
  let at = text.indexOf(LONG_TOKEN);
  for (const t of tokens) {
    while (at >= 0 && at + LONG_TOKEN.length <= t.start) at = text.indexOf(LONG_TOKEN, at + 1);
    if (at < 0) return;
    if (t.start > at && t.end < at + LONG_TOKEN.length) {
      t.type = PLACEHOLDER_TYPE;
      t.pos = 'X';
      t.normal = t.lemma = 'long_token';
      t.known = true;
      // No longer the word it was read as: its memos would be the word's.
      t.word = undefined;
    }
  }
}

/** The type of the placeholder's tokens: read by no lexicon, theme or phrase. */
const PLACEHOLDER_TYPE = 'placeholder';

type WinkTokens = ReturnType<ReturnType<WinkNlp['readDoc']>['tokens']>;
type WinkToken = ReturnType<WinkTokens['itemAt']>;

function lexemeOf(nlp: Nlp, tokens: WinkTokens, i: number, id: number, tag: string, value: string): Lexeme {
  const inLexicon = id < nlp.lexiconSize;
  const first = inLexicon ? nlp.lexemes[id] : nlp.newLexemes.get(id);
  // wink hands out its tag strings from one table: comparing them is comparing pointers.
  for (let entry = first; entry !== undefined; entry = entry.next) if (entry.tag === tag) return entry;
  const entry: TaggedLexeme = { ...readLexeme(nlp, tokens.itemAt(i), id, value), word: inLexicon ? {} : undefined, tag, next: first };
  if (inLexicon) {
    // wink's own words have ids below lexiconSize: a dense array, filled as they are met.
    while (nlp.lexemes.length < id) nlp.lexemes.push(undefined);
    nlp.lexemes[id] = entry;
  } else nlp.newLexemes.set(id, entry);
  return entry;
}

function readLexeme(nlp: Nlp, token: WinkToken, id: number, value: string): Lexeme {
  const its = nlp.wink.its;
  const rawNormal = token.out(its.normal) as string;
  // wink keeps the case of a few normals ("It"); lower-casing keeps lookups uniform.
  const normal = rawNormal.toLowerCase();
  // wink's hand-written types give its.lemma a signature `out` does not accept; it works at run time.
  const lemma = token.out(its.lemma as unknown as ItsFunction<string>) as string | undefined;
  return {
    normal,
    // wink gives no lemma for a few tokens ("cant" ending a sentence): the normal stands in.
    lemma: (lemma ?? rawNormal ?? value).toLowerCase(),
    type: token.out(its.type) as string,
    known: isKnown(nlp, id, value, normal),
    word: undefined,
  };
}

/**
 * Reads the text once and lays it out as the shared Doc: sentences with character offsets,
 * tokens with normal, lemma, POS, type and negation scope.
 *
 * Offsets: each token is found in the text after the previous one, across whitespace only
 * (wink's own preceding-spaces output builds a string per token, a tenth of parse time).
 */
export function parseDoc(nlp: Nlp, text: string): Doc {
  const doc = readText(nlp, text);
  if (nlp.lexicon.list.length >= nlp.lexiconSize + HARD_OOV_LIMIT) renew(nlp);
  return doc;
}

function readText(nlp: Nlp, text: string): Doc {
  const { wink } = nlp;
  const its = wink.its;
  const wdoc = wink.readDoc(text);
  const tokens = wdoc.tokens();
  const ids = idsOf(wink, wdoc);
  const n = ids.length;
  if (n === 0) return { text, sentences: [] };
  const pos = tokens.out(its.pos) as string[];
  const negs = tokens.out(its.negationFlag) as unknown as boolean[];
  const contracted = tokens.out(its.contractionFlag) as unknown as boolean[];
  // A token's value is the lexicon's word at its id (what its.value reads): no pass of its own.
  const words = nlp.lexicon.list;

  const all: Token[] = new Array<Token>(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const id = ids[i] as number;
    const value = words[id] as string;
    const tag = pos[i] as string;
    at = locate(text, value, at);
    // A contraction's part takes its normal and lemma from the contraction, not from its id.
    const lexeme = contracted[i] === true ? readLexeme(nlp, tokens.itemAt(i), id, value) : lexemeOf(nlp, tokens, i, id, tag, value);
    all[i] = {
      text: value,
      normal: lexeme.normal,
      lemma: lexeme.lemma,
      pos: tag,
      start: at,
      end: at + value.length,
      negated: negs[i] === true,
      type: lexeme.type,
      known: lexeme.known,
      word: lexeme.word,
    };
    at += value.length;
  }
  refineNegation(all);
  if (text.includes(LONG_TOKEN)) markLongTokens(text, all);

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
