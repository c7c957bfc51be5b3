/**
 * Per-label score thresholds for a one-vs-rest model that maximise micro-F1 over held-out
 * (e.g. out-of-fold) scores: coordinate ascent, each label's cut chosen in turn to maximise
 * the F1 of all (text, label) pairs with the other labels' cuts fixed. Best F1 per label
 * alone over-predicts rare labels (their best F1 is often to say yes to many rows), which
 * costs more false positives than the few true ones it gains; the micro objective weighs a
 * label's errors against everyone's. Start and fallback: 0, the SVM's own boundary. Ties
 * go to the higher cut (precision).
 */
export function calibrateLabelThresholds(scores: readonly Float32Array[], gold: readonly (readonly number[])[], labelCount: number, passes = 2): Float32Array {
  const thresholds = new Float32Array(labelCount);
  const n = scores.length;
  const positive = (i: number, label: number): boolean => gold[i]!.includes(label);
  // Per-label counts at the current cuts, then their totals.
  const tp = new Float64Array(labelCount);
  const fp = new Float64Array(labelCount);
  const fn = new Float64Array(labelCount);
  for (let label = 0; label < labelCount; label++) {
    for (let i = 0; i < n; i++) {
      const yes = scores[i]![label]! >= thresholds[label]!;
      if (yes && positive(i, label)) tp[label]!++;
      else if (yes) fp[label]!++;
      else if (positive(i, label)) fn[label]!++;
    }
  }
  const sum = (a: Float64Array): number => a.reduce((x, y) => x + y, 0);
  const order = new Int32Array(n);
  for (let pass = 0; pass < passes; pass++) {
    for (let label = 0; label < labelCount; label++) {
      const otherTp = sum(tp) - tp[label]!;
      const otherErrors = sum(fp) + sum(fn) - fp[label]! - fn[label]!;
      for (let i = 0; i < n; i++) order[i] = i;
      order.sort((a, b) => scores[b]![label]! - scores[a]![label]!);
      let positives = 0;
      for (let i = 0; i < n; i++) if (positive(i, label)) positives++;
      const f1 = (t: number, f: number): number => (2 * (otherTp + t)) / (2 * (otherTp + t) + otherErrors + f + (positives - t) || 1);
      // Cut above every score: nothing predicted.
      let best = f1(0, 0);
      let bestCut = n === 0 ? 0 : scores[order[0]!]![label]! + 1;
      let bestTp = 0;
      let bestFp = 0;
      let t = 0;
      for (let r = 0; r < n; r++) {
        const score = scores[order[r]!]![label]!;
        if (positive(order[r]!, label)) t++;
        const next = r + 1 < n ? scores[order[r + 1]!]![label]! : score - 1;
        if (next === score) continue;
        const f = f1(t, r + 1 - t);
        if (f > best) {
          best = f;
          bestCut = (score + next) / 2;
          bestTp = t;
          bestFp = r + 1 - t;
        }
      }
      thresholds[label] = bestCut;
      tp[label] = bestTp;
      fp[label] = bestFp;
      fn[label] = positives - bestTp;
    }
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
