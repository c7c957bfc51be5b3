/**
 * Per-label score thresholds for a one-vs-rest model: for each label, the cut between two
 * consecutive held-out scores that gives the best F1 on the held-out rows (ties go to the
 * higher cut, which favours precision). A label without held-out positives keeps 0, the
 * SVM's own decision boundary.
 */
export function calibrateLabelThresholds(scores: readonly Float32Array[], gold: readonly (readonly number[])[], labelCount: number): Float32Array {
  const thresholds = new Float32Array(labelCount);
  for (let label = 0; label < labelCount; label++) {
    const scored = scores.map((s, i) => ({ score: s[label]!, positive: gold[i]!.includes(label) }));
    const positives = scored.filter((r) => r.positive).length;
    if (positives === 0) continue;
    scored.sort((a, b) => b.score - a.score);
    let tp = 0;
    let bestF1 = -1;
    let best = 0;
    // Predicting the top (i+1) rows positive: threshold halfway to the next score.
    for (let i = 0; i < scored.length; i++) {
      if (scored[i]!.positive) tp++;
      const next = i + 1 < scored.length ? scored[i + 1]!.score : scored[i]!.score - 1;
      if (next === scored[i]!.score) continue;
      const f1 = (2 * tp) / (i + 1 + positives);
      if (f1 > bestF1) {
        bestF1 = f1;
        best = (scored[i]!.score + next) / 2;
      }
    }
    thresholds[label] = best;
  }
  return thresholds;
}

/**
 * The reject threshold of a multi-class model with an "unclassified" outcome (e.g.
 * out-of-scope queries): the cut on the best score that maximises accuracy on held-out
 * rows, where a rejected in-scope row is an error and an accepted out-of-scope row is an
 * error. `correct[i]` says whether the best label of in-scope row i was right; `inScope[i]`
 * is false for out-of-scope rows.
 */
export function calibrateRejectThreshold(bestScores: readonly number[], correct: readonly boolean[], inScope: readonly boolean[]): number {
  const rows = bestScores.map((score, i) => ({ score, gain: inScope[i] ? (correct[i] ? 1 : 0) : -1 })).sort((a, b) => a.score - b.score);
  // Rejecting nothing: right in-scope answers count, every out-of-scope row is an error.
  let current = rows.reduce((sum, r) => sum + Math.max(r.gain, 0), 0);
  let best = current;
  let threshold = rows.length > 0 ? rows[0]!.score - 1 : 0;
  // Raising the cut past row i rejects it: +1 if it was out of scope, -1 if it was a right answer.
  for (let i = 0; i < rows.length; i++) {
    current += rows[i]!.gain === -1 ? 1 : -rows[i]!.gain;
    const next = i + 1 < rows.length ? rows[i + 1]!.score : rows[i]!.score + 1;
    if (next === rows[i]!.score) continue;
    if (current > best) {
      best = current;
      threshold = (rows[i]!.score + next) / 2;
    }
  }
  return threshold;
}
