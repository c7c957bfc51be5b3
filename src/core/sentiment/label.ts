import type { SentimentLabel } from '../../contracts/analysis.js';

/**
 * Scores strictly above +NEUTRAL_BAND are positive, strictly below -NEUTRAL_BAND negative,
 * the rest neutral. Chosen on SemEval-2014 restaurants train (bench/sentiment-eval.ts
 * --split train --sweep): 3-class macro-F1 moves by under one point between 0.1 and 0.3, and
 * 0.2 still lets a single mild word ("decent", "quick": valence 1, score 0.25) count.
 */
export const NEUTRAL_BAND = 0.2;

export function sentimentLabel(score: number, band: number = NEUTRAL_BAND): SentimentLabel {
  if (score > band) return 'positive';
  if (score < -band) return 'negative';
  return 'neutral';
}
