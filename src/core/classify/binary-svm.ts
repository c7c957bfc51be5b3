import { permutation } from './rng.js';
import { squaredNorm, type SparseRows } from './sparse.js';

export interface BinaryOptions {
  /** C for positive and for negative examples (class weights for imbalance). */
  positiveCost: number;
  negativeCost: number;
  maxEpochs: number;
  tolerance: number;
  random: () => number;
}

/**
 * L2-regularised squared-hinge linear SVM by dual coordinate descent (Hsieh et al.,
 * ICML 2008; liblinear's L2R_L2LOSS_SVC_DUAL, what scikit-learn's LinearSVC runs):
 * one label of a one-vs-rest multi-label model. `positive[i]` says whether row i has
 * the label. Returns a dense weight vector over the dimension.
 */
export function trainBinarySvm(rows: SparseRows, positive: Uint8Array, dimension: number, options: BinaryOptions): Float32Array {
  const w = new Float32Array(dimension);
  const alpha = new Float64Array(rows.rows);
  const diag = new Float64Array(rows.rows);
  const qd = new Float64Array(rows.rows);
  for (let i = 0; i < rows.rows; i++) {
    diag[i] = 0.5 / (positive[i] ? options.positiveCost : options.negativeCost);
    qd[i] = squaredNorm(rows, i) + diag[i]!;
  }
  for (let epoch = 0; epoch < options.maxEpochs; epoch++) {
    const order = permutation(rows.rows, options.random);
    let maxPG = -Infinity;
    let minPG = Infinity;
    for (const i of order) {
      const y = positive[i] ? 1 : -1;
      const start = rows.rowStart[i]!;
      const end = rows.rowStart[i + 1]!;
      let dot = 0;
      for (let p = start; p < end; p++) dot += w[rows.indices[p]!]! * rows.values[p]!;
      const g = y * dot - 1 + diag[i]! * alpha[i]!;
      const pg = alpha[i] === 0 ? Math.min(g, 0) : g;
      if (pg > maxPG) maxPG = pg;
      if (pg < minPG) minPG = pg;
      if (Math.abs(pg) <= 1e-12) continue;
      const old = alpha[i]!;
      alpha[i] = Math.max(old - g / qd[i]!, 0);
      const d = (alpha[i]! - old) * y;
      for (let p = start; p < end; p++) w[rows.indices[p]!]! += d * rows.values[p]!;
    }
    if (maxPG - minPG < options.tolerance) break;
  }
  return w;
}
