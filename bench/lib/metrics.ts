import type { SentimentLabel } from '../../src/contracts/analysis.js';

const LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

export interface ClassificationReport {
  n: number;
  accuracy: number;
  macroF1: number;
  f1: Record<SentimentLabel, number>;
  /** confusion[gold][predicted] */
  confusion: Record<SentimentLabel, Record<SentimentLabel, number>>;
}

/** Accuracy and macro-F1 (unweighted mean of the per-class F1) over three sentiment classes. */
export function classificationReport(gold: readonly SentimentLabel[], predicted: readonly SentimentLabel[]): ClassificationReport {
  const zero = (): Record<SentimentLabel, number> => ({ negative: 0, neutral: 0, positive: 0 });
  const confusion = { negative: zero(), neutral: zero(), positive: zero() };
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] as SentimentLabel;
    confusion[g][p]++;
    if (g === p) correct++;
  });
  const f1 = zero();
  for (const c of LABELS) {
    const tp = confusion[c][c];
    const predictedC = LABELS.reduce((s, g) => s + confusion[g][c], 0);
    const goldC = LABELS.reduce((s, p) => s + confusion[c][p], 0);
    const precision = predictedC === 0 ? 0 : tp / predictedC;
    const recall = goldC === 0 ? 0 : tp / goldC;
    f1[c] = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
  const macroF1 = LABELS.reduce((s, c) => s + f1[c], 0) / LABELS.length;
  return { n: gold.length, accuracy: gold.length === 0 ? 0 : correct / gold.length, macroF1, f1, confusion };
}
