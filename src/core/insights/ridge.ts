import { solveSpd } from './linear-solve.js';

/** Raw (uncentred) sums over n observations of k 0/1 features and a response y. */
export interface RawSums {
  n: number;
  /** Sum of y. */
  y: number;
  /** Sum of each feature. */
  x: Float64Array;
  /** Sum of x_i x_j, row-major k x k (symmetric). */
  xx: Float64Array;
  /** Sum of x_i y. */
  xy: Float64Array;
}

export interface RidgeFit {
  beta: Float64Array;
  /** Mean of each feature and of y: the intercept is meanY - beta . meanX. */
  meanX: Float64Array;
  meanY: number;
}

/**
 * Ridge regression with an unpenalised intercept, solved from sufficient statistics:
 *
 *   S   = X'X - n xbar xbar'        (centred cross-products)
 *   s   = X'y - n xbar ybar
 *   beta = (S + lambda diag(X'1))^-1 s
 *
 * The penalty on feature j is lambda times its count n xbar_j: for 0/1 indicators that is
 * (almost) ridge on standardised features (variance xbar(1 - xbar) ~ xbar for rare ones), so
 * every theme is shrunk by about the same fraction whatever its frequency, and collinear
 * dummies (every channel, every level of a facet) still give a unique solution.
 * Hoerl & Kennard (1970); the centring is why the intercept stays unpenalised.
 */
export function fitRidge(sums: RawSums, k: number, lambda: number): RidgeFit {
  const { n } = sums;
  const meanX = Float64Array.from(sums.x, (v) => v / n);
  const meanY = sums.y / n;
  const a = new Float64Array(k * k);
  const s = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    s[i] = sums.xy[i]! - n * meanX[i]! * meanY;
    for (let j = 0; j < k; j++) a[i * k + j] = sums.xx[i * k + j]! - n * meanX[i]! * meanX[j]!;
    // The tiny ridge keeps a feature absent from a bootstrap replicate solvable (beta = 0).
    a[i * k + i] = a[i * k + i]! + lambda * sums.x[i]! + 1e-9;
  }
  return { beta: solveSpd(a, s, k), meanX, meanY };
}
