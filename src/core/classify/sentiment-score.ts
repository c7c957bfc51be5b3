import type { Classifier } from './classifier.js';

/**
 * A trained sentiment model's verdict on a text as a score in [-1, 1] that the pipeline's
 * label rule (above +band positive, below -band negative, else neutral) reads back as the
 * model's own label, so a trained model and the lexicon share one scale:
 *
 * - confidence c of the best label = its softmax share over the label margins (a monotone
 *   confidence, not a calibrated probability), strength = (c - 1/K) / (1 - 1/K) in [0, 1];
 * - positive: band + (1 - band) x strength, just above the band at the least confidence;
 *   negative: the mirror image;
 * - neutral (or any other label, e.g. "conflict"): (c_positive - c_negative) x band, inside
 *   the band, leaning the way the model leans.
 */
export function sentimentScore(classifier: Classifier, text: string, band: number, extra?: ArrayLike<number>): number {
  const { labels } = classifier.model;
  const s = classifier.scores(text, extra);
  const K = labels.length;
  let best = 0;
  for (let k = 1; k < K; k++) if (s[k]! > s[best]!) best = k;
  let total = 0;
  for (let k = 0; k < K; k++) total += Math.exp(s[k]! - s[best]!);
  const share = (label: string): number => {
    const k = labels.indexOf(label);
    return k < 0 ? 0 : Math.exp(s[k]! - s[best]!) / total;
  };
  const strength = K > 1 ? (1 / total - 1 / K) / (1 - 1 / K) : 1;
  const edge = band + 1e-6;
  const above = Math.min(1, edge + (1 - edge) * strength);
  if (labels[best] === 'positive') return above;
  if (labels[best] === 'negative') return -above;
  return (share('positive') - share('negative')) * band * (1 - 1e-6);
}
