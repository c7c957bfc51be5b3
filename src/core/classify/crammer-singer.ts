import { shuffleInPlace } from './rng.js';
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
 * With liblinear's shrinking: a class whose dual variable sits at its bound and whose
 * gradient says it will stay there drops out of its example's sub-problem, and an example
 * left with one class drops out of the epoch. After a few epochs most examples compete
 * with a handful of classes, not all of them, which is what makes 150 classes cheap. When
 * the shrunk problem has converged, everything is put back and checked once more.
 *
 * Returns weights laid out feature-major (`w[f * classes + k]`) so that scoring a sparse
 * text reads contiguous memory.
 */
export function trainCrammerSinger(rows: SparseRows, labels: Int32Array, classes: number, dimension: number, options: SolverOptions): Float32Array {
  const K = classes;
  const n = rows.rows;
  const w = new Float32Array(dimension * K);
  const alpha = new Float32Array(n * K);
  // Per example: its classes, active ones first (alphaIndex), how many are active, where y is.
  const alphaIndex = new Int32Array(n * K);
  const activeSize = new Int32Array(n);
  const yIndex = new Int32Array(n);
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    norms[i] = squaredNorm(rows, i);
    for (let k = 0; k < K; k++) alphaIndex[i * K + k] = k;
    activeSize[i] = K;
    yIndex[i] = labels[i]!;
  }
  const G = new Float64Array(K);
  const B = new Float64Array(K);
  const D = new Float64Array(K);
  const fresh = new Float64Array(K);
  const delta = new Float64Array(K);
  const changed = new Int32Array(K);
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) index[i] = i;

  let activeExamples = n;
  let shrinkTolerance = Math.max(10 * options.tolerance, 1);
  let fromAll = true;
  for (let epoch = 0; epoch < options.maxEpochs; epoch++) {
    shuffleInPlace(index.subarray(0, activeExamples), options.random);
    let worst = -Infinity;
    for (let s = 0; s < activeExamples; s++) {
      const i = index[s]!;
      const A = norms[i]!;
      if (A === 0) continue;
      const a = i * K;
      const cost = options.classCost[labels[i]!]!;
      const start = rows.rowStart[i]!;
      const end = rows.rowStart[i + 1]!;
      let active = activeSize[i]!;
      let yi = yIndex[i]!;

      for (let m = 0; m < active; m++) G[m] = 1;
      if (yi < active) G[yi] = 0;
      for (let p = start; p < end; p++) {
        const base = rows.indices[p]! * K;
        const v = rows.values[p]!;
        for (let m = 0; m < active; m++) G[m]! += w[base + alphaIndex[a + m]!]! * v;
      }
      let minG = Infinity;
      let maxG = -Infinity;
      for (let m = 0; m < active; m++) {
        if (alpha[a + alphaIndex[a + m]!]! < 0 && G[m]! < minG) minG = G[m]!;
        if (G[m]! > maxG) maxG = G[m]!;
      }
      if (yi < active && alpha[a + labels[i]!]! < cost && G[yi]! < minG) minG = G[yi]!;

      // A class at its bound (0, or C for y) whose gradient is below every free one's stays there.
      const shrinkable = (m: number): boolean => alpha[a + alphaIndex[a + m]!] === (m === yi ? cost : 0) && G[m]! < minG;
      for (let m = 0; m < active; m++) {
        if (!shrinkable(m)) continue;
        active--;
        while (active > m) {
          if (!shrinkable(active)) {
            swap(alphaIndex, a + m, a + active);
            const g = G[m]!;
            G[m] = G[active]!;
            G[active] = g;
            if (yi === active) yi = m;
            else if (yi === m) yi = active;
            break;
          }
          active--;
        }
      }
      activeSize[i] = active;
      yIndex[i] = yi;
      if (active <= 1) {
        activeExamples--;
        swap(index, s, activeExamples);
        s--;
        continue;
      }
      if (maxG - minG <= 1e-12) continue;
      if (maxG - minG > worst) worst = maxG - minG;

      for (let m = 0; m < active; m++) B[m] = G[m]! - A * alpha[a + alphaIndex[a + m]!]!;
      solveSubProblem(A, yi, cost, active, B, D, fresh);
      let nChanged = 0;
      for (let m = 0; m < active; m++) {
        const k = alphaIndex[a + m]!;
        const d = fresh[m]! - alpha[a + k]!;
        alpha[a + k] = fresh[m]!;
        if (Math.abs(d) > 1e-12) {
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
    if (worst < shrinkTolerance) {
      if (worst < options.tolerance && fromAll) break;
      // Converged on the shrunk problem: put every example and class back and check again.
      activeExamples = n;
      activeSize.fill(K);
      shrinkTolerance = Math.max(shrinkTolerance / 2, options.tolerance);
      fromAll = true;
    } else {
      fromAll = false;
    }
  }
  return w;
}

function swap(array: Int32Array, i: number, j: number): void {
  const t = array[i]!;
  array[i] = array[j]!;
  array[j] = t;
}

/**
 * min over alpha of 1/2 A |alpha|^2 + B.alpha over the `active` classes subject to
 * sum(alpha) = 0, alpha_m <= 0 (m != y), alpha_y <= C: the water level `beta` is found by
 * sorting. `y` is y's position among the active classes (>= active when y was shrunk).
 */
function solveSubProblem(A: number, y: number, cost: number, active: number, B: Float64Array, D: Float64Array, out: Float64Array): void {
  const d = D.subarray(0, active);
  d.set(B.subarray(0, active));
  if (y < active) d[y]! += A * cost;
  d.sort().reverse();
  let beta = d[0]! - A * cost;
  let r = 1;
  for (; r < active && beta < r * d[r]!; r++) beta += d[r]!;
  beta /= r;
  for (let m = 0; m < active; m++) {
    const value = (beta - B[m]!) / A;
    out[m] = m === y ? Math.min(cost, value) : Math.min(0, value);
  }
}
