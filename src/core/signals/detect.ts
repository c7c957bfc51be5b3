import type { Emotion, Signals } from '../../contracts/analysis.js';
import type { Doc, WordMemo } from '../text/types.js';
import { matchAt, preparedSentence, type PreparedSentence } from '../themes/pattern.js';
import type { CompiledCue, SignalCues, SignalId } from './cues.js';

/** Sentence sentiment beyond these counts as negative / positive for mood-bound cues. */
const NEGATIVE_BELOW = -0.05;
const POSITIVE_ABOVE = 0.05;

const EMOTIONS: readonly Emotion[] = ['anger', 'frustration', 'confusion', 'delight'];

function moodFits(cue: CompiledCue, sentiment: number): boolean {
  if (cue.mood === 'negative') return sentiment < NEGATIVE_BELOW;
  if (cue.mood === 'positive') return sentiment > POSITIVE_ABOVE;
  return true;
}

function cueFires(s: PreparedSentence, cue: CompiledCue, at: number, sentiment: number): boolean {
  if (!moodFits(cue, sentiment)) return false;
  const hit = matchAt(s, cue.pattern, at);
  if (!hit) return false;
  // "I don't want to cancel" is not churn intent; "never ordering again" names its negation.
  return cue.expectsNegation || !hit.some((p) => s.tokens[p]?.negated === true);
}

function sentenceSignals(cues: SignalCues, s: PreparedSentence, sentiment: number, fired: Set<SignalId>): void {
  for (let i = 0; i < s.keys.length; i++) {
    for (const cue of triggeredCues(cues, s.keys[i] as string[], s.tokens[i]?.word)) {
      if (!fired.has(cue.signal) && cueFires(s, cue, i, sentiment)) fired.add(cue.signal);
    }
  }
  for (const rule of cues.bySentiment) {
    if (rule.atLeast !== undefined && sentiment >= rule.atLeast) fired.add(rule.signal);
    if (rule.atMost !== undefined && sentiment <= rule.atMost) fired.add(rule.signal);
  }
}

/**
 * The cues a token's keys trigger, in key order; memoised on the token's word (Token.word)
 * when the keys are the word's own, so a word is looked up once, not at each of its tokens.
 */
function triggeredCues(cues: SignalCues, keys: readonly string[], word: WordMemo | undefined): readonly CompiledCue[] {
  const own = word !== undefined && word.keys === keys;
  if (own && word.cues?.cues === cues) return word.cues.triggered as readonly CompiledCue[];
  const triggered: CompiledCue[] = [];
  for (const key of keys) {
    const list = cues.index.get(key);
    if (list !== undefined) for (const cue of list) triggered.push(cue);
  }
  if (own) word.cues = { cues, triggered };
  return triggered;
}

/**
 * Churn intent, effort and emotions of the customer's words (agent turns are excluded by
 * the caller). `sentenceSentiments[i]` is the score of doc.sentences[i] in [-1, 1].
 * Effort score = the fraction of the three effort signals present (repeat contact,
 * transfer, long wait), so 0, 1/3, 2/3 or 1.
 */
export function detectSignals(doc: Doc, sentenceSentiments: readonly number[], cues: SignalCues): Signals {
  const fired = new Set<SignalId>();
  doc.sentences.forEach((sentence, i) => {
    sentenceSignals(cues, preparedSentence(sentence), sentenceSentiments[i] ?? 0, fired);
  });
  const repeatContact = fired.has('repeatContact');
  const transfer = fired.has('transfer');
  const longWait = fired.has('longWait');
  const score = (Number(repeatContact) + Number(transfer) + Number(longWait)) / 3;
  return {
    churnIntent: fired.has('churnIntent'),
    effort: { repeatContact, transfer, longWait, score },
    emotions: EMOTIONS.filter((e) => fired.has(e)),
  };
}
