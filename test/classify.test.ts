import { describe, expect, it } from 'vitest';
import {
  calibrateRejectThreshold,
  createClassifier,
  createTextHasher,
  createVectorizer,
  DEFAULT_FEATURE_OPTIONS,
  DEFAULT_TRAIN_OPTIONS,
  evaluate,
  fromModelFile,
  lexiconFeatures,
  microF1,
  ModelFileSchema,
  splitIndices,
  toModelFile,
  trainClassifier,
  trainMultiLabel,
} from '../src/core/classify/index.js';
import { outOfFoldScores } from '../src/core/classify/train.js';
import { syntheticMultiLabelRows, syntheticRows } from './classify-fixtures.js';

describe('hashed features', () => {
  it('give the same buckets for the same text, whatever came before', () => {
    const hasher = createTextHasher(DEFAULT_FEATURE_OPTIONS);
    const first = Array.from(hasher.hash('Card not arrived yet').chars.subarray(0, 20));
    hasher.hash('something much longer and different in between');
    expect(Array.from(hasher.hash('Card not arrived yet').chars.subarray(0, 20))).toEqual(first);
  });

  it('ignore letter case', () => {
    const hasher = createTextHasher(DEFAULT_FEATURE_OPTIONS);
    const lower = hasher.hash('refund please');
    const words = Array.from(lower.words.subarray(0, lower.wordCount));
    const upper = hasher.hash('REFUND Please');
    expect(Array.from(upper.words.subarray(0, upper.wordCount))).toEqual(words);
  });

  it('read words as letters, numbers and "_" in any script, whatever stands between them', () => {
    // The words a Unicode regex finds, joined by spaces, must hash as the text itself does:
    // the same words in the same order, astral letters, lone surrogates and emoji included.
    const hasher = createTextHasher(DEFAULT_FEATURE_OPTIONS);
    const pieces = ['refund', 'café', 'ß', 'naïve', '東京', 'x_y', '42', '𝐀𝐁', '🙂', '\ud800', '—', "n't", '#tag', '@user', '١٢٣', ' ', '.', '-'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let round = 0; round < 200; round++) {
      let text = '';
      for (let i = next() % 12; i > 0; i--) text += pieces[next() % pieces.length];
      const words = (text.match(/[\p{L}\p{N}_]+/gu) ?? []).join(' ');
      const a = hasher.hashWords(text.toLowerCase());
      const got = Array.from(a.words.subarray(0, a.wordCount));
      const b = hasher.hashWords(words.toLowerCase());
      expect(got, JSON.stringify(text)).toEqual(Array.from(b.words.subarray(0, b.wordCount)));
    }
  });
});

describe('multi-class classifier', () => {
  const rows = syntheticRows(40);
  const { train, test } = splitIndices(rows.length, 0.75, 3);
  const model = trainClassifier(
    train.map((i) => rows[i]!.text),
    train.map((i) => rows[i]!.label),
    { seed: 5 },
  );
  const classifier = createClassifier(model);

  it('learns themes it was shown and scores held-out texts almost perfectly', () => {
    const e = evaluate(
      test.map((i) => rows[i]!.label),
      test.map((i) => classifier.classify(rows[i]!.text).label),
    );
    expect(e.accuracy).toBeGreaterThan(0.95);
    expect(classifier.classify('my parcel never arrived').label).toBe('delivery');
  });

  it('gives the same weights for the same seed', () => {
    const again = trainClassifier(
      train.map((i) => rows[i]!.text),
      train.map((i) => rows[i]!.label),
      { seed: 5 },
    );
    expect(Array.from(again.weights)).toEqual(Array.from(model.weights));
  });

  it('survives a round trip through its JSON form, quantised or not', () => {
    const exact = createClassifier(fromModelFile(ModelFileSchema.parse(JSON.parse(JSON.stringify(toModelFile(model, 'float32'))))));
    const small = createClassifier(fromModelFile(ModelFileSchema.parse(JSON.parse(JSON.stringify(toModelFile(model, 'int8'))))));
    for (const i of test) {
      const text = rows[i]!.text;
      expect(Array.from(exact.scores(text))).toEqual(Array.from(classifier.scores(text)));
      expect(small.classify(text).label).toBe(classifier.classify(text).label);
    }
  });

  it('scores a text exactly as the weights times its feature vector, however often its tokens and n-grams repeat', () => {
    const vectorizer = createVectorizer(model.space);
    const K = model.labels.length;
    const texts = [
      ...test.map((i) => rows[i]!.text),
      'charged charged charged twice twice',
      'Parcel NEVER arrived, parcel never arrived!!',
      'words the model never saw: zyxw qqqq',
      '',
      '?!',
    ];
    for (const text of [...texts, ...texts]) {
      const v = vectorizer.vectorize(text);
      const plain = new Array<number>(K).fill(0);
      for (let p = 0; p < v.length; p++) for (let k = 0; k < K; k++) plain[k]! += model.weights[v.indices[p]! * K + k]! * v.values[p]!;
      const fast = classifier.scores(text);
      for (let k = 0; k < K; k++) expect(fast[k]).toBeCloseTo(plain[k]!, 5);
    }
  });

  it('says unclassified below its reject threshold', () => {
    const strict = createClassifier({ ...model, rejectBelow: 1e9 });
    expect(strict.classify('parcel never arrived').label).toBeNull();
    expect(strict.classify('parcel never arrived').best).toBe('delivery');
  });
});

describe('extra dense features', () => {
  it('let a model tell apart texts whose words are the same, and travel with it through JSON', () => {
    const texts = Array.from({ length: 60 }, (_, i) => `the food was ${['cold', 'served', 'there'][i % 3]} today`);
    const scores = texts.map((_, i) => (i % 2 === 0 ? 0.8 : -0.8));
    const labels = scores.map((s) => (s > 0 ? 'positive' : 'negative'));
    const model = trainClassifier(texts, labels, { seed: 2 }, { kind: 'lexicon-sentiment', rows: scores.map((s) => lexiconFeatures(s, 0.2)) });
    expect(model.extra).toBe('lexicon-sentiment');
    const classifier = createClassifier(fromModelFile(ModelFileSchema.parse(JSON.parse(JSON.stringify(toModelFile(model, 'float32'))))));
    expect(classifier.classify('the food was cold today', lexiconFeatures(0.9, 0.2)).label).toBe('positive');
    expect(classifier.classify('the food was cold today', lexiconFeatures(-0.9, 0.2)).label).toBe('negative');
    expect(() => classifier.classify('the food was cold today')).toThrow(/extra feature/);
  });
});

describe('multi-label classifier', () => {
  it('finds both themes of a text that names two', () => {
    const rows = syntheticMultiLabelRows(300);
    const model = trainMultiLabel(
      rows.map((r) => r.text),
      rows.map((r) => r.labels),
      { seed: 1 },
    );
    expect(model.thresholds).toHaveLength(3);
    const classifier = createClassifier(model);
    const found = classifier.classifyLabels('charged twice and parcel never arrived').map((l) => l.label);
    expect(found.sort()).toEqual(['billing', 'delivery']);
    const held = syntheticMultiLabelRows(60, 99);
    const micro = microF1(
      held.map((r) => r.labels),
      held.map((r) => classifier.decide(r.text).map((l) => l.label)),
    );
    expect(micro.f1).toBeGreaterThan(0.9);
  });

  it('calibrates on scores of models that never saw the row, not even its n-gram statistics', () => {
    // Each held-out row scored as by a model trained from scratch on the other folds alone (its feature space too).
    const rows = syntheticMultiLabelRows(90, 5);
    const names = ['billing', 'delivery', 'login'];
    const texts = rows.map((r) => r.text);
    const { fold, scores } = outOfFoldScores(
      texts,
      rows.map((r) => r.labels.map((l) => names.indexOf(l))),
      names,
      3,
      { ...DEFAULT_TRAIN_OPTIONS, seed: 3 },
    );
    for (let f = 0; f < 3; f++) {
      const fit = rows.filter((_, i) => fold[i] !== f);
      const alone = createClassifier(
        trainMultiLabel(
          fit.map((r) => r.text),
          fit.map((r) => r.labels),
          { seed: 3, calibrationFolds: 0 },
        ),
      );
      expect(alone.model.labels).toEqual(names);
      texts.forEach((text, i) => {
        if (fold[i] === f) expect(Array.from(scores[i]!)).toEqual(Array.from(alone.scores(text)));
      });
    }
  });

  it('decides by its calibrated thresholds, negative ones included, and nothing else', () => {
    const rows = syntheticMultiLabelRows(300);
    const model = trainMultiLabel(
      rows.map((r) => r.text),
      rows.map((r) => r.labels),
      { seed: 1 },
    );
    const text = 'my parcel never arrived';
    const scores = Array.from(createClassifier(model).scores(text));
    const billing = model.labels.indexOf('billing');
    expect(scores[billing]).toBeLessThan(0);
    // billing's cut just under its (negative) score: the model says billing, as its rule does.
    const thresholds = Float32Array.from(scores, (score, k) => (k === billing ? score - 0.25 : Math.max(score + 0.5, 0)));
    thresholds[model.labels.indexOf('delivery')] = scores[model.labels.indexOf('delivery')]! - 0.5;
    const classifier = createClassifier({ ...model, thresholds });
    const decided = classifier.decide(text);
    expect(decided.map((d) => d.label)).toEqual(['delivery', 'billing']);
    expect(decided[1]!.score).toBeLessThan(0);
    expect(decided[0]!.margin).toBeCloseTo(0.5, 5);
    expect(decided[1]!.margin).toBeCloseTo(0.25, 5);
    expect(decided.map((d) => d.label)).toEqual(classifier.classifyLabels(text).map((l) => l.label));
    // No label over its cut: nothing, where classifyLabels(text, true) would force the best one.
    const none = createClassifier({ ...model, thresholds: Float32Array.from(scores, (score) => score + 1) });
    expect(none.decide(text)).toEqual([]);
    expect(none.classifyLabels(text, true).map((l) => l.label)).toEqual(['delivery']);
  });
});

describe('the decision of a one-label model', () => {
  it('is its best label, with a margin over its reject threshold, or nothing under it', () => {
    const rows = syntheticRows(20);
    const model = trainClassifier(
      rows.map((r) => r.text),
      rows.map((r) => r.label),
      { seed: 5 },
    );
    const classifier = createClassifier(model);
    const p = classifier.classify('my parcel never arrived');
    expect(classifier.decide('my parcel never arrived')).toEqual([{ label: 'delivery', score: p.score, margin: p.score }]);
    const strict = createClassifier({ ...model, rejectBelow: p.score - 0.1 });
    expect(strict.decide('my parcel never arrived')[0]!.margin).toBeCloseTo(0.1, 5);
    expect(createClassifier({ ...model, rejectBelow: p.score + 0.1 }).decide('my parcel never arrived')).toEqual([]);
  });
});

describe('metrics', () => {
  it('compute accuracy, macro-F1 and the confusions from gold and predicted labels', () => {
    const e = evaluate(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b']);
    expect(e.accuracy).toBe(0.75);
    const a = e.perClass.find((c) => c.label === 'a')!;
    expect(a).toMatchObject({ precision: 1, recall: 0.5, support: 2 });
    expect(e.macroF1).toBeCloseTo((2 / 3 + 0.8) / 2, 10);
    expect(e.topConfusions).toEqual([{ gold: 'a', predicted: 'b', count: 1 }]);
    expect(e.matrix).toEqual([
      [1, 1],
      [0, 2],
    ]);
  });

  it('count pairs for micro-F1 of multi-label predictions', () => {
    expect(microF1([['x', 'y'], ['z']], [['x'], ['z', 'y']])).toEqual({ precision: 2 / 3, recall: 2 / 3, f1: 2 / 3 });
  });
});

describe('reject threshold', () => {
  it('is set between out-of-scope scores and right in-scope scores', () => {
    const threshold = calibrateRejectThreshold([0.1, 0.2, 0.9, 1.2], [false, false, true, true], [false, false, true, true]);
    expect(threshold).toBeGreaterThan(0.2);
    expect(threshold).toBeLessThan(0.9);
  });
});
