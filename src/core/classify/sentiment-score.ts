import type { Classifier } from './classifier.js';

/** The labels of a sentiment model, lower case: positive and negative required, neutral optional. */
const SENTIMENT_LABELS: readonly string[] = ['negative', 'neutral', 'positive'];

/**
 * Why `labels` cannot be a sentiment model's labels, or undefined when they can: both
 * `positive` and `negative`, and nothing but those and `neutral` (lower case: train
 * lower-cases sentiment labels, so "Positive" in a file is fine).
 */
export function sentimentLabelProblem(labels: readonly string[]): string | undefined {
  const missing = ['positive', 'negative'].filter((l) => !labels.includes(l));
  const unknown = labels.filter((l) => !SENTIMENT_LABELS.includes(l));
  if (missing.length === 0 && unknown.length === 0) return undefined;
  const found = labels.length === 0 ? 'none' : labels.map((l) => `'${l}'`).join(', ');
  const why = [
    ...(missing.length > 0 ? [`no ${missing.join(' or ')}`] : []),
    ...(unknown.length > 0 ? [`${unknown.map((l) => `'${l}'`).join(', ')} not a sentiment label`] : []),
  ];
  return `sentiment labels must be positive, negative and (optionally) neutral; found ${found} (${why.join('; ')})`;
}

/**
 * A trained sentiment model's verdict on a text as a score in [-1, 1] that the pipeline's
 * label rule (above +band positive, below -band negative, else neutral) reads back as the
 * model's own label, so a trained model and the lexicon share one scale:
 *
 * - confidence c of the best label = its softmax share over the label margins (a monotone
 *   confidence, not a calibrated probability), strength = (c - 1/K) / (1 - 1/K) in [0, 1];
 * - positive: band + (1 - band) x strength, just above the band at the least confidence;
 *   negative: the mirror image;
 * - neutral: (c_positive - c_negative) x band, inside the band, leaning the way the model
 *   leans.
 *
 * It reads the labels by name, so a model labelled otherwise ("pos", "neg") would score
 * every text neutral: sentimentLabelProblem() refuses such a model when it is trained and
 * when it is loaded.
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
