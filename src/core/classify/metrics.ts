/**
 * Classification quality: accuracy, per-class precision / recall / F1, macro-F1 (the
 * unweighted mean of per-class F1 over the classes present in the gold labels: a class
 * only ever predicted, such as "unclassified", lowers precision elsewhere, not the mean),
 * and the confusion matrix. A prediction of null ("unclassified") is its own outcome.
 */
interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

interface Confusion {
  gold: string;
  predicted: string;
  count: number;
}

export interface Evaluation {
  examples: number;
  accuracy: number;
  macroF1: number;
  perClass: ClassMetrics[];
  /** Labels in matrix order; `matrix[gold][predicted]`. */
  labels: string[];
  matrix: number[][];
  /** Off-diagonal cells, largest first. */
  topConfusions: Confusion[];
}

const UNCLASSIFIED = '(unclassified)';

const f1Of = (precision: number, recall: number): number => (precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall));

const macroOver = (classes: readonly ClassMetrics[]): number => (classes.length === 0 ? 0 : classes.reduce((sum, c) => sum + c.f1, 0) / classes.length);

export function evaluate(gold: readonly string[], predicted: readonly (string | null)[], topK = 10): Evaluation {
  if (gold.length !== predicted.length) throw new Error('evaluate: gold and predicted differ in length');
  const named = predicted.map((p) => p ?? UNCLASSIFIED);
  const labels = [...new Set([...gold, ...named])].sort();
  const index = new Map(labels.map((label, i) => [label, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  let right = 0;
  gold.forEach((g, i) => {
    matrix[index.get(g)!]![index.get(named[i]!)!]!++;
    if (g === named[i]) right++;
  });
  const perClass = labels.map((label, k) => {
    const tp = matrix[k]![k]!;
    const support = matrix[k]!.reduce((a, b) => a + b, 0);
    const predictedCount = matrix.reduce((sum, row) => sum + row[k]!, 0);
    const precision = predictedCount === 0 ? 0 : tp / predictedCount;
    const recall = support === 0 ? 0 : tp / support;
    return { label, precision, recall, f1: f1Of(precision, recall), support };
  });
  const topConfusions: Confusion[] = [];
  matrix.forEach((row, g) => {
    row.forEach((count, p) => {
      if (g !== p && count > 0) topConfusions.push({ gold: labels[g]!, predicted: labels[p]!, count });
    });
  });
  topConfusions.sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold) || a.predicted.localeCompare(b.predicted));
  return {
    examples: gold.length,
    accuracy: gold.length === 0 ? 0 : right / gold.length,
    macroF1: macroOver(perClass.filter((c) => c.support > 0)),
    perClass,
    labels,
    matrix,
    topConfusions: topConfusions.slice(0, topK),
  };
}

/** Micro-averaged precision / recall / F1 over (text, label) pairs of a multi-label task. */
export function microF1(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): { precision: number; recall: number; f1: number } {
  let tp = 0;
  let goldCount = 0;
  let predictedCount = 0;
  gold.forEach((set, i) => {
    const mine = new Set(predicted[i] ?? []);
    goldCount += set.length;
    predictedCount += mine.size;
    for (const label of new Set(set)) if (mine.has(label)) tp++;
  });
  const precision = predictedCount === 0 ? 0 : tp / predictedCount;
  const recall = goldCount === 0 ? 0 : tp / goldCount;
  return { precision, recall, f1: f1Of(precision, recall) };
}
