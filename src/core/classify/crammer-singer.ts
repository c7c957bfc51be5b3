import { permutation } from './rng.js';
import { squaredNorm, type SparseRows } from './sparse.js';

export interface SolverOptions {
  /** Upper bound on the dual variables of an example of class k (C x class weight). */
  classCost: Float32Array;
  maxEpochs: number;
  /** Stop when the largest KKT violation of an epoch falls below this (liblinear's eps). */
  tolerance: number;
  random: () => number;
}

/**
 * Multi-class linear SVM of Crammer & Singer (2001), trained by dual coordinate descent
 * as in liblinear's Solver_MCSVM_CS (Keerthi et al., KDD 2008): one small quadratic
 * sub-problem per example, solved exactly by sorting. One joint model beats
 * one-vs-rest on many-class intent data and needs no calibration between classes.
 *
 * Returns weights laid out feature-major (`w[f * classes + k]`) so that scoring a sparse
 * text reads contiguous memory.
 */
export function trainCrammerSinger(
  rows: SparseRows,
  labels: Int32Array,
  classes: number,
  dimension: number,
  options: SolverOptions,
): Float32Array {
  const K = classes;
  const w = new Float32Array(dimension * K);
  const alpha = new Float32Array(rows.rows * K);
  const norms = new Float64Array(rows.rows);
  for (let i = 0; i < rows.rows; i++) norms[i] = squaredNorm(rows, i);
  const G = new Float64Array(K);
  const B = new Float64Array(K);
  const D = new Float64Array(K);
  const fresh = new Float64Array(K);
  const delta = new Float64Array(K);
  const changed = new Int32Array(K);

  for (let epoch = 0; epoch < options.maxEpochs; epoch++) {
    const order = permutation(rows.rows, options.random);
    let worst = 0;
    for (const i of order) {
      const A = norms[i]!;
      if (A === 0) continue;
      const y = labels[i]!;
      const cost = options.classCost[y]!;
      const start = rows.rowStart[i]!;
      const end = rows.rowStart[i + 1]!;
      G.fill(1);
      G[y] = 0;
      for (let p = start; p < end; p++) {
        const base = rows.indices[p]! * K;
        const v = rows.values[p]!;
        for (let k = 0; k < K; k++) G[k]! += w[base + k]! * v;
      }
      const a = i * K;
      let minG = Infinity;
      let maxG = -Infinity;
      for (let k = 0; k < K; k++) {
        const bounded = k === y ? alpha[a + k]! < cost : alpha[a + k]! < 0;
        if (bounded && G[k]! < minG) minG = G[k]!;
        if (G[k]! > maxG) maxG = G[k]!;
      }
      if (maxG - minG <= 1e-12) continue;
      if (maxG - minG > worst) worst = maxG - minG;

      for (let k = 0; k < K; k++) B[k] = G[k]! - A * alpha[a + k]!;
      solveSubProblem(A, y, cost, B, D, fresh);
      let nChanged = 0;
      for (let k = 0; k < K; k++) {
        const d = fresh[k]! - alpha[a + k]!;
        if (Math.abs(d) > 1e-12) {
          alpha[a + k] = fresh[k]!;
          delta[nChanged] = d;
          changed[nChanged++] = k;
        }
      }
      if (nChanged === 0) continue;
      for (let p = start; p < end; p++) {
        const base = rows.indices[p]! * K;
        const v = rows.values[p]!;
        for (let c = 0; c < nChanged; c++) w[base + changed[c]!]! += delta[c]! * v;
      }
    }
    if (worst < options.tolerance) break;
  }
  return w;
}

/**
 * min over alpha of 1/2 A |alpha|^2 + B.alpha subject to sum(alpha) = 0,
 * alpha_k <= 0 (k != y), alpha_y <= C: the water level `beta` is found by sorting.
 */
function solveSubProblem(A: number, y: number, cost: number, B: Float64Array, D: Float64Array, out: Float64Array): void {
  const K = B.length;
  D.set(B);
  D[y]! += A * cost;
  D.sort().reverse();
  let beta = D[0]! - A * cost;
  let r = 1;
  for (; r < K && beta < r * D[r]!; r++) beta += D[r]!;
  beta /= r;
  for (let k = 0; k < K; k++) {
    const value = (beta - B[k]!) / A;
    out[k] = k === y ? Math.min(cost, value) : Math.min(0, value);
  }
}
