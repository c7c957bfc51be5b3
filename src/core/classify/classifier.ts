import { EXTRA_FEATURE_COUNT } from './extra-features.js';
import type { LinearModel } from './model.js';
import { createScorer } from './scorer.js';

interface Prediction {
  /** null: the best score is below the model's reject threshold ("unclassified"). */
  label: string | null;
  /** Best label even when rejected, and its score (an SVM margin, not a probability). */
  best: string;
  score: number;
}

interface LabelScore {
  label: string;
  score: number;
}

/** A label the model says of a text, by its own decision rule (Classifier.decide). */
interface Decision extends LabelScore {
  /**
   * How far the score clears the model's cut for this label, >= 0: the label's calibrated
   * threshold (multi-label), the reject threshold (multi-class with one), else 0 (a
   * Crammer-Singer model's label scores sum to zero, so its best score is never negative).
   */
  margin: number;
}

export interface Classifier {
  readonly model: LinearModel;
  /**
   * Score of every label, in `model.labels` order; the buffer is reused by the next call.
   * `extra`: the text's extra dense features, required by a model trained with them.
   */
  scores(text: string, extra?: ArrayLike<number>): Float32Array;
  /** Multi-class: the best label (or null when below `rejectBelow`). */
  classify(text: string, extra?: ArrayLike<number>): Prediction;
  /**
   * Multi-label: every label at or above its threshold, best first. `atLeastOne` adds the
   * best label when none clears its threshold: not the model's own rule (see `decide`), for
   * benchmarks whose every text has a label.
   */
  classifyLabels(text: string, atLeastOne?: boolean, extra?: ArrayLike<number>): LabelScore[];
  /**
   * The model's own decision rule, the one `analyze --model` applies to each sentence and
   * `eval` scores: a multi-label model says every label whose score reaches its calibrated
   * threshold (thresholds may be negative; possibly no label), best first; a one-label model
   * says its best label, or nothing when that scores below its reject threshold.
   */
  decide(text: string, extra?: ArrayLike<number>): Decision[];
}

/** Compiles a model for scoring: the bucket table and buffers are built once here. */
export function createClassifier(model: LinearModel): Classifier {
  const K = model.labels.length;
  const scores = createScorer(model.space, model.weights, K, model.extra ? EXTRA_FEATURE_COUNT[model.extra] : 0);
  const threshold = (k: number): number => model.thresholds?.[k] ?? 0;

  function argmax(s: Float32Array): number {
    let best = 0;
    for (let k = 1; k < K; k++) if (s[k]! > s[best]!) best = k;
    return best;
  }

  function classify(text: string, extra?: ArrayLike<number>): Prediction {
    const s = scores(text, extra);
    const best = argmax(s);
    const score = s[best]!;
    const rejected = model.rejectBelow !== undefined && score < model.rejectBelow;
    return { label: rejected ? null : model.labels[best]!, best: model.labels[best]!, score };
  }

  /** The labels whose scores `s` reach their thresholds, best first, with their margins. */
  function overThreshold(s: Float32Array): Decision[] {
    const found: Decision[] = [];
    for (let k = 0; k < K; k++) if (s[k]! >= threshold(k)) found.push({ label: model.labels[k]!, score: s[k]!, margin: s[k]! - threshold(k) });
    return found.sort((a, b) => b.score - a.score);
  }

  return {
    model,
    scores,
    classify,
    classifyLabels(text: string, atLeastOne = false, extra?: ArrayLike<number>): LabelScore[] {
      const s = scores(text, extra);
      const found: LabelScore[] = overThreshold(s).map(({ label, score }) => ({ label, score }));
      if (found.length === 0 && atLeastOne) {
        const best = argmax(s);
        found.push({ label: model.labels[best]!, score: s[best]! });
      }
      return found;
    },
    decide(text: string, extra?: ArrayLike<number>): Decision[] {
      if (model.kind === 'multilabel') return overThreshold(scores(text, extra));
      const p = classify(text, extra);
      return p.label === null ? [] : [{ label: p.label, score: p.score, margin: Math.max(0, p.score - (model.rejectBelow ?? 0)) }];
    },
  };
}
