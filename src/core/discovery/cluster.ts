import { dot, type Point } from './vectors.js';

/**
 * Agglomerative clustering with average linkage on cosine similarity (UPGMA, each point
 * weighted by its multiplicity), merging while two groups are on average at least
 * `threshold` alike. Deterministic: no seed, no random start; ties go to the lower index,
 * and points come in canonical order (vectors.ts), so the same sentences give the same groups.
 *
 * Run by the nearest-neighbour chain (Murtagh 1983), O(M^2) time and memory: follow each
 * group's most similar group until two are each other's nearest, merge them, update by
 * Lance-Williams: sim(A+B, C) = (|A| sim(A,C) + |B| sim(B,C)) / (|A| + |B|). Average linkage
 * is reducible (a merge never brings a group closer to a third), so the chain gives the
 * same tree as merging the closest pair each time, and a group whose nearest neighbour is
 * under the threshold can be closed for good.
 */
export function averageLinkage(points: readonly Point[], threshold: number): number[][] {
  const m = points.length;
  const sim = similarityMatrix(points);
  const weight = points.map((p) => p.units.length);
  const members: number[][] = points.map((_, i) => [i]);
  const open = new Uint8Array(m).fill(1);
  const done: number[][] = [];
  let remaining = m;
  const chain: number[] = [];
  while (remaining > 0) {
    if (chain.length === 0) chain.push(open.indexOf(1));
    const a = chain[chain.length - 1]!;
    const previous = chain.length > 1 ? chain[chain.length - 2]! : -1;
    let best = -1;
    let bestSim = -Infinity;
    for (let c = 0; c < m; c++) {
      if (!open[c] || c === a) continue;
      const s = sim[a * m + c]!;
      // Prefer the chain's previous group on a tie: that is what makes the chain terminate.
      if (s > bestSim || (s === bestSim && c === previous)) {
        best = c;
        bestSim = s;
      }
    }
    if (best < 0 || bestSim < threshold) {
      chain.pop();
      open[a] = 0;
      remaining--;
      done.push(members[a]!);
      continue;
    }
    if (best !== previous) {
      chain.push(best);
      continue;
    }
    chain.length -= 2;
    const keep = Math.min(a, best);
    const drop = Math.max(a, best);
    const wk = weight[keep]!;
    const wd = weight[drop]!;
    for (let c = 0; c < m; c++) {
      if (!open[c] || c === keep || c === drop) continue;
      const s = (wk * sim[keep * m + c]! + wd * sim[drop * m + c]!) / (wk + wd);
      sim[keep * m + c] = s;
      sim[c * m + keep] = s;
    }
    weight[keep] = wk + wd;
    members[keep] = [...members[keep]!, ...members[drop]!].sort((x, y) => x - y);
    open[drop] = 0;
    remaining--;
  }
  return done.sort((x, y) => x[0]! - y[0]!);
}

/** Pairwise cosines (vectors are normalised); a point is fully alike to itself. */
function similarityMatrix(points: readonly Point[]): Float64Array {
  const m = points.length;
  const sim = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    sim[i * m + i] = 1;
    for (let j = i + 1; j < m; j++) {
      const s = dot(points[i]!.vector, points[j]!.vector);
      sim[i * m + j] = s;
      sim[j * m + i] = s;
    }
  }
  return sim;
}
