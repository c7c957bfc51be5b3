import type { ExtraFeatureKind } from './extra-features.js';
import type { FeatureSpace } from './feature-space.js';

/**
 * A trained linear text classifier. `weights` holds one row per feature (hashed n-grams,
 * the bias, then any extra dense features) and one column per label:
 * `weights[feature * labels.length + label]`.
 *
 * - multiclass: one label per text, the best score; a best score below `rejectBelow`
 *   means "unclassified" (out of scope).
 * - multilabel: one-vs-rest; every label whose score reaches its own calibrated
 *   threshold.
 */
export interface LinearModel {
  kind: 'multiclass' | 'multilabel';
  /** What its labels are: theme ids, or sentiment (negative / neutral / positive). Unset: themes. */
  task?: ModelTask;
  labels: string[];
  space: FeatureSpace;
  weights: Float32Array;
  thresholds?: Float32Array;
  /** Dense features after the bias (see extra-features.ts): the caller supplies their values. */
  extra?: ExtraFeatureKind;
  rejectBelow?: number;
  /**
   * What one training row was: a whole verbatim (every \`frictionlens train\` row unless told
   * \`--unit sentence\`; also what a file without the field means) or a single sentence. A
   * model is applied to the unit it learnt from: a verbatim model run on each sentence of a
   * post has as many chances to fire as the post has sentences, and inflates shares.
   */
  unit?: ModelUnit;
  /** Provenance: what it was trained on and how, for the model file and reports. */
  training: { examples: number; seed: number; cost: number; classWeight: ClassWeight };
}

export type ClassWeight = 'balanced' | 'none';

type ModelTask = 'themes' | 'sentiment';
type ModelUnit = 'verbatim' | 'sentence';
