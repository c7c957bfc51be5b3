import type { Doc, Sentence, Token } from '../text/types.js';
import type { SentimentModel, WordEntry } from './model.js';
import { matchPhraseFrom } from './phrase-trie.js';

/*
 * Lexicon scoring in the manner of VADER (Hutto & Gilbert 2014), on AFINN-scale valences:
 *   raw = Σ clauseWeight(i) · modifiers(i) · emphasis(i) · negation(v_i)  + exclamation
 *   score = raw / sqrt(raw² + ALPHA)                                       in (-1, 1)
 * negation(v) = -NEGATED_POSITIVE·v for v > 0 ("not good" stays clearly negative) and
 *               -NEGATED_NEGATIVE·v for v < 0 ("not bad", "no problems": mildly positive).
 */
const ALPHA = 15;
const NEGATED_POSITIVE = 0.75;
const NEGATED_NEGATIVE = 0.5;
/** Weights of the clauses around "but": the part after it is what the customer means. */
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
/** A clause opened by "although"/"despite" concedes; it counts for less. */
const CONCEDED = 0.5;
const CAPS_EMPHASIS = 1.25;
const EXCLAMATION_BOOST = 0.3;
const MAX_EXCLAMATIONS = 4;
const MODIFIER_LOOKBACK = 2;
/**
 * A sentence praising one thing and blaming another ("great food, awful service") is mixed:
 * its net score is pulled toward neutral by MIXED_DAMPING · min(P, N) / max(P, N), where P
 * and N are the weighted positive and negative sums. The clause after "but" still decides
 * the sign.
 */
const MIXED_DAMPING = 0.5;

function mixedness(positive: number, negative: number): number {
  const high = Math.max(positive, negative);
  return high === 0 ? 0 : Math.min(positive, negative) / high;
}

/**
 * The model's entries of each token's normal and lemma, looked up once per sentence: every
 * step of the scorer reads them (valence, modifier, contrast, phrase start), and a token in
 * none of the model's tables (most of them) costs one lookup instead of one per table.
 */
interface SentenceEntries {
  normal: Array<WordEntry | undefined>;
  lemma: Array<WordEntry | undefined>;
}

function sentenceEntries(model: SentimentModel, tokens: readonly Token[]): SentenceEntries {
  const normal: Array<WordEntry | undefined> = [];
  const lemma: Array<WordEntry | undefined> = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const memo = t.word?.sentiment;
    if (memo !== undefined && memo.model === model) {
      normal.push(memo.normal as WordEntry | undefined);
      lemma.push(memo.lemma as WordEntry | undefined);
      continue;
    }
    const n = model.entries.get(t.normal);
    const l = t.lemma === t.normal ? n : model.entries.get(t.lemma);
    normal.push(n);
    lemma.push(l);
    // Once per word (Token.word): its entries follow from its normal and lemma alone.
    if (t.word !== undefined) t.word.sentiment = { model, normal: n, lemma: l };
  }
  return { normal, lemma };
}

/** A word's valence by its normal, else by its lemma. */
function wordValence(e: SentenceEntries, i: number): number | undefined {
  return e.normal[i]?.valence ?? e.lemma[i]?.valence;
}

/** "TERRIBLE": two letters or more, at least one capital and no small letter (no string built). */
function isShouted(t: Token): boolean {
  const text = t.text;
  if (text.length < 2) return false;
  let capital = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) capital = true;
    else if (c > 127) return text === text.toUpperCase() && text !== text.toLowerCase();
  }
  return capital;
}

/** Weight of each token's clause: contrast words shift the sentence's weight to the clause that counts. */
function clauseWeights(e: SentenceEntries, tokens: readonly Token[]): Float64Array {
  const weights = new Float64Array(tokens.length).fill(1);
  let lastContrast = -1;
  let conceding = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const n = e.normal[i];
    if (n?.contrastAfter === true) lastContrast = i;
    if (n?.contrastBefore === true) conceding = true;
    else if (t.type === 'punctuation') conceding = false;
    if (conceding) weights[i] = CONCEDED;
  }
  if (lastContrast >= 0) {
    for (let i = 0; i < tokens.length; i++) weights[i] = (weights[i] as number) * (i < lastContrast ? BEFORE_CONTRAST : AFTER_CONTRAST);
  }
  return weights;
}

function modifierAt(e: SentenceEntries, tokens: readonly Token[], at: number): number {
  let product = 1;
  for (let j = at - 1; j >= 0 && j >= at - MODIFIER_LOOKBACK; j--) {
    const t = tokens[j] as Token;
    if (t.type === 'punctuation') break;
    const m = e.normal[j]?.modifier;
    if (m !== undefined) product *= m;
  }
  return product;
}

/** Raw (unnormalised) valence sum of a sentence; exported for calibration benches. */
function rawSentenceValence(model: SentimentModel, sentence: Sentence): number {
  const tokens = sentence.tokens;
  const e = sentenceEntries(model, tokens);
  const weights = clauseWeights(e, tokens);
  let shoutedSentence = true;
  let exclamations = 0;
  for (const t of tokens) {
    if (shoutedSentence && t.type === 'word' && !isShouted(t)) shoutedSentence = false;
    if (t.text === '!') exclamations++;
  }
  let positive = 0;
  let negative = 0;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    const first = e.normal[i]?.phrase ?? e.lemma[i]?.phrase;
    const phrase = first === undefined ? undefined : matchPhraseFrom(first, tokens, i);
    let valence: number;
    let negated: boolean;
    let span = 1;
    if (phrase !== undefined) {
      valence = phrase.valence;
      negated = t.negated && !phrase.selfNegated;
      span = phrase.length;
    } else {
      const v = wordValence(e, i);
      // A modifier that is also a valence word ("pretty good", "super friendly") acts as modifier.
      if (v === undefined || (e.normal[i]?.modifier !== undefined && i + 1 < tokens.length && wordValence(e, i + 1) !== undefined)) {
        i++;
        continue;
      }
      valence = v;
      negated = t.negated;
    }
    valence *= modifierAt(e, tokens, i);
    if (!shoutedSentence && isShouted(t)) valence *= CAPS_EMPHASIS;
    if (negated) valence = valence > 0 ? -NEGATED_POSITIVE * valence : -NEGATED_NEGATIVE * valence;
    const weighted = (weights[i] as number) * valence;
    if (weighted > 0) positive += weighted;
    else negative -= weighted;
    i += span;
  }
  let raw = (positive - negative) * (1 - MIXED_DAMPING * mixedness(positive, negative));
  if (raw !== 0 && exclamations > 0) raw += Math.sign(raw) * EXCLAMATION_BOOST * Math.min(exclamations, MAX_EXCLAMATIONS);
  return raw;
}

/** Sentence sentiment in (-1, 1). */
export function scoreSentence(model: SentimentModel, sentence: Sentence): number {
  const raw = rawSentenceValence(model, sentence);
  return raw / Math.sqrt(raw * raw + ALPHA);
}

/** A stretch of a sentence between contrast words (character offsets) with its own score. */
export interface ClauseScore {
  start: number;
  end: number;
  score: number;
}

/**
 * A sentence that turns on a contrast ("so cute, but it runs small") holds two judgements, and
 * a theme mention in it should take the tone of its own clause, not the sentence's net. Cuts
 * fall before each contrast word and after the comma that closes a concession ("Although
 * it's pricey, ..."). Undefined for a sentence without contrast: its clause is the sentence.
 */
export function scoreClauses(model: SentimentModel, sentence: Sentence): ClauseScore[] | undefined {
  const tokens = sentence.tokens;
  const cuts: number[] = [];
  let conceding = tokens.length > 0 && model.entries.get((tokens[0] as Token).normal)?.contrastBefore === true;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const n = model.entries.get(t.normal);
    if (n !== undefined && (n.contrastAfter || n.contrastBefore)) {
      cuts.push(i);
      conceding = n.contrastBefore;
    } else if (conceding && t.text === ',') {
      cuts.push(i + 1);
      conceding = false;
    }
  }
  if (cuts.length === 0) return undefined;
  const clauses: ClauseScore[] = [];
  let from = 0;
  for (const to of [...cuts, tokens.length]) {
    const part = tokens.slice(from, to);
    const head = part[0];
    const tail = part[part.length - 1];
    if (head && tail && part.some((t) => t.type === 'word')) {
      clauses.push({ start: head.start, end: tail.end, score: scoreSentence(model, { start: head.start, end: tail.end, text: '', tokens: part }) });
    }
    from = to;
  }
  return clauses;
}

/**
 * Verbatim sentiment: the mean of sentence scores weighted by their strength,
 *   overall = Σ s_i (|s_i| + NEUTRAL_WEIGHT) / Σ (|s_i| + NEUTRAL_WEIGHT),
 * so a strongly felt sentence outweighs polite filler, while neutral sentences still damp a
 * single mild remark. A "sentence" without words (a stray "!!" or "...") gets no neutral
 * weight, so it cannot dilute the rest. An empty verbatim scores 0.
 */
const NEUTRAL_WEIGHT = 0.25;

export interface DocSentiment {
  sentences: number[];
  overall: number;
  /** Per sentence, its clauses where it turns on a contrast (see scoreClauses). */
  clauses: Array<ClauseScore[] | undefined>;
}

export function scoreDoc(model: SentimentModel, doc: Doc): DocSentiment {
  const sentences = doc.sentences.map((s) => scoreSentence(model, s));
  const clauses = doc.sentences.map((s) => scoreClauses(model, s));
  return { sentences, overall: overallSentiment(doc, sentences), clauses };
}

/** The verbatim's score from its sentences' (formula above), whichever model scored them. */
export function overallSentiment(doc: Doc, sentences: readonly number[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i] as number;
    const w = Math.abs(s) + (hasWords(doc.sentences[i] as Sentence) ? NEUTRAL_WEIGHT : 0);
    num += s * w;
    den += w;
  }
  return den === 0 ? 0 : num / den;
}

export function hasWords(sentence: Sentence): boolean {
  for (const t of sentence.tokens) if (t.type === 'word') return true;
  return false;
}
