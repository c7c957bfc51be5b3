/**
 * Dense features that a model may take besides its hashed n-grams, supplied by the caller
 * with each text. One kind so far: the zero-shot lexicon's sentiment score of the text,
 * which carries what the lexicon knows about words the training rows never showed. Models
 * trained with it (frictionlens train sentiment, by default) are hybrids: n-grams learn the
 * codeframe's own wording, the lexicon feature generalises.
 */
export type ExtraFeatureKind = 'lexicon-sentiment';

/** Score bins over [-1, 1]: a linear model learns a non-linear use of the score from them. */
const BINS = 10;

export const EXTRA_FEATURE_COUNT: Record<ExtraFeatureKind, number> = { 'lexicon-sentiment': BINS + 3 };

/** Scale of the one-hot block against the L2-normalised word (0.7) and character (1) blocks: 0.7, 1 and 1.5 measured the same on SemEval train (3 seeded 80/20 splits). */
const LEXICON_WEIGHT = 1;

/**
 * A lexicon sentiment score in [-1, 1] as features: its bin (one of ten) and its side of the
 * neutral band (positive, neutral, negative), each one-hot, scaled by LEXICON_WEIGHT.
 */
export function lexiconFeatures(score: number, band: number): Float32Array {
  return lexiconFeaturesInto(new Float32Array(BINS + 3), score, band);
}

/** lexiconFeatures into a buffer the caller reuses (the per-sentence path allocates nothing). */
export function lexiconFeaturesInto(out: Float32Array, score: number, band: number): Float32Array {
  out.fill(0);
  const clamped = Math.max(-1, Math.min(1, Number.isFinite(score) ? score : 0));
  out[Math.min(BINS - 1, Math.floor(((clamped + 1) / 2) * BINS))] = LEXICON_WEIGHT;
  out[BINS + (clamped > band ? 0 : clamped < -band ? 2 : 1)] = LEXICON_WEIGHT;
  return out;
}
