import { calibrateRejectThreshold, createClassifier, evaluate, microF1, trainClassifier, trainMultiLabel, type Classifier, type Evaluation } from '../../src/core/classify/index.js';
import type { Clinc, MultiLabelSplit, Split } from './datasets.js';

const seconds = (since: number): number => (performance.now() - since) / 1000;

export function ourMulticlass(train: Split, test: Split): { evaluation: Evaluation; seconds: number; classifier: Classifier } {
  const started = performance.now();
  const classifier = createClassifier(trainClassifier(train.texts, train.labels));
  const trained = seconds(started);
  const evaluation = evaluate(test.labels, test.texts.map((t) => classifier.classify(t).label));
  return { evaluation, seconds: trained, classifier };
}

/**
 * Out-of-scope as both an explicit class (trained on oos_train) and a reject threshold on
 * the best in-scope score, calibrated for accuracy on val + oos_val: a text is
 * unclassified when "oos" wins or the best in-scope score is below the threshold.
 */
export function ourWithReject(data: Clinc, oosLabel = 'oos'): { accuracy: number; macroF1: number; oosRecall: number; seconds: number } {
  const started = performance.now();
  const classifier = createClassifier(
    trainClassifier([...data.train.texts, ...data.oosTrain], [...data.train.labels, ...data.oosTrain.map(() => oosLabel)]),
  );
  const labels = classifier.model.labels;
  const oos = labels.indexOf(oosLabel);
  const best = (text: string): { label: string; score: number; oosWins: boolean } => {
    const s = classifier.scores(text);
    let top = 0;
    let inScope = oos === 0 ? 1 : 0;
    for (let k = 0; k < s.length; k++) {
      if (s[k]! > s[top]!) top = k;
      if (k !== oos && s[k]! > s[inScope]!) inScope = k;
    }
    return { label: labels[inScope]!, score: s[inScope]!, oosWins: top === oos };
  };
  const valTexts = [...data.val.texts, ...data.oosVal];
  const valGold: (string | null)[] = [...data.val.labels, ...data.oosVal.map(() => null)];
  const valBest = valTexts.map(best);
  const threshold = calibrateRejectThreshold(
    valBest.map((b) => b.score),
    valBest.map((b, i) => !b.oosWins && b.label === valGold[i]),
    valGold.map((g) => g !== null),
  );
  const predict = (text: string): string | null => {
    const b = best(text);
    return b.oosWins || b.score < threshold ? null : b.label;
  };
  const trained = seconds(started);
  const evaluation = evaluate(data.test.labels, data.test.texts.map(predict));
  const oosRecall = data.oosTest.filter((t) => predict(t) === null).length / data.oosTest.length;
  return { accuracy: evaluation.accuracy, macroF1: evaluation.macroF1, oosRecall, seconds: trained };
}

/** The category appended to the sentence as one token: what the polarity model is asked about. */
export const withAspect = (text: string, category: string): string => `${text} ${category.replace(/\W+/g, '_')}`;

const categoryOf = (pair: string): string => pair.split('#')[0]!;
const polarityOf = (pair: string): string => pair.split('#')[1] ?? '';

export interface AspectScores {
  /** "category#polarity" pairs found, against the gold pairs (micro-averaged). */
  microF1: number;
  /** Categories alone (SemEval-2014 subtask 3). */
  categoryMicroF1: number;
  /** Polarity of each gold category (SemEval-2014 subtask 4). */
  polarityAccuracy: number;
  seconds: number;
}

/**
 * Aspect-category sentiment in two stages, as a VoC pipeline does it: the categories of a
 * sentence (one-vs-rest, calibrated thresholds), then the polarity of each (sentence,
 * category) from one multi-class model that sees the category as a token appended to the
 * text. scikit-learn's baseline does exactly the same (bench/quality/sklearn_baseline.py).
 */
export function ourAspects(train: MultiLabelSplit, test: MultiLabelSplit): AspectScores {
  const started = performance.now();
  const categories = createClassifier(trainMultiLabel(train.texts, train.labels.map((pairs) => [...new Set(pairs.map(categoryOf))])));
  const pairTexts: string[] = [];
  const pairPolarities: string[] = [];
  train.texts.forEach((text, i) =>
    train.labels[i]!.forEach((pair) => {
      pairTexts.push(withAspect(text, categoryOf(pair)));
      pairPolarities.push(polarityOf(pair));
    }),
  );
  const polarity = createClassifier(trainClassifier(pairTexts, pairPolarities));
  const trained = seconds(started);
  const found = test.texts.map((t) => categories.classifyLabels(t, true).map((l) => l.label));
  const predicted = test.texts.map((t, i) => found[i]!.map((c) => `${c}#${polarity.classify(withAspect(t, c)).label}`));
  const goldPairs = test.texts.flatMap((t, i) => test.labels[i]!.map((pair) => ({ text: withAspect(t, categoryOf(pair)), polarity: polarityOf(pair) })));
  return {
    microF1: microF1(test.labels, predicted).f1,
    categoryMicroF1: microF1(test.labels.map((pairs) => [...new Set(pairs.map(categoryOf))]), found).f1,
    polarityAccuracy: goldPairs.filter((g) => polarity.classify(g.text).label === g.polarity).length / goldPairs.length,
    seconds: trained,
  };
}
