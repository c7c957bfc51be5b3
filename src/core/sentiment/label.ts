import type { SentimentLabel } from '../../contracts/analysis.js';

/**
 * Scores strictly above +NEUTRAL_BAND are positive, strictly below -NEUTRAL_BAND negative,
 * the rest neutral. 0.1 was chosen on SemEval-2014 restaurants train (macro-F1 on three
 * classes, bench/sentiment-eval.ts); a single sentiment word ("fine", score ~0.25) clears it.
 */
export const NEUTRAL_BAND = 0.1;

export function sentimentLabel(score: number, band: number = NEUTRAL_BAND): SentimentLabel {
  if (score > band) return 'positive';
  if (score < -band) return 'negative';
  return 'neutral';
}
