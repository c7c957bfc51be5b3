import { EXTRA_FEATURE_COUNT } from './extra-features.js';
import type { LinearModel } from './model.js';
import { createScorer } from './scorer.js';

export interface Prediction {
  /** null: the best score is below the model's reject threshold ("unclassified"). */
  label: string | null;
  /** Best label even when rejected, and its score (an SVM margin, not a probability). */
  best: string;
  score: number;
}

export interface LabelScore {
  label: string;
  score: number;
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
  /** Multi-label: every label at or above its threshold, best first (at least one when `atLeastOne`). */
  classifyLabels(text: string, atLeastOne?: boolean, extra?: ArrayLike<number>): LabelScore[];
}

/** Compiles a model for scoring: the bucket table and buffers are built once here. */
export function createClassifier(model: LinearModel): Classifier {
  const K = model.labels.length;
  const scores = createScorer(model.space, model.weights, K, model.extra ? EXTRA_FEATURE_COUNT[model.extra] : 0);

  function argmax(s: Float32Array): number {
    let best = 0;
    for (let k = 1; k < K; k++) if (s[k]! > s[best]!) best = k;
    return best;
  }

  return {
    model,
    scores,
    classify(text: string, extra?: ArrayLike<number>): Prediction {
      const s = scores(text, extra);
      const best = argmax(s);
      const score = s[best]!;
      const rejected = model.rejectBelow !== undefined && score < model.rejectBelow;
      return { label: rejected ? null : model.labels[best]!, best: model.labels[best]!, score };
    },
    classifyLabels(text: string, atLeastOne = false, extra?: ArrayLike<number>): LabelScore[] {
      const s = scores(text, extra);
      const found: LabelScore[] = [];
      for (let k = 0; k < K; k++) {
        const threshold = model.thresholds?.[k] ?? 0;
        if (s[k]! >= threshold) found.push({ label: model.labels[k]!, score: s[k]! });
      }
      if (found.length === 0 && atLeastOne) {
        const best = argmax(s);
        found.push({ label: model.labels[best]!, score: s[best]! });
      }
      return found.sort((a, b) => b.score - a.score);
    },
  };
}
