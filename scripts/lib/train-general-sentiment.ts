import { taskSetup, trainOn } from '../../src/cli/commands/train.js';
import { DEFAULT_FEATURE_OPTIONS, type LinearModel } from '../../src/core/classify/index.js';
import type { LabelledText, SentimentSource, SourceSplits } from './sentiment-corpus.js';

/**
 * How the default sentiment model is trained: `frictionlens train sentiment`'s own trainer
 * (Crammer-Singer SVM on hashed n-grams, the lexicon's score of each text as one-hot
 * features, balanced class weights, seed 7), with three changes for a model shipped for text
 * nobody trained it on. Macro-F1 below is from bench/quality/general-sentiment.ts: on the
 * source left out of training (tweets / restaurants / clothing), then on the held-out rows
 * of each source with all three trained on; the lexicon alone scores 0.552 / 0.634 / 0.489.
 * These are the model's own scores, before analyze blends them with the lexicon's
 * (src/core/sentiment/hybrid.ts). Tried and left out: the lexicon's score as a number and
 * its positive and negative valence sums as dense features besides the one-hot bins
 * (unseen sources 0.542 / 0.613 / 0.483: no steady gain).
 *
 * - FEATURES, word uni- and bigrams without the character 2-5-grams: with them analyze ran
 *   27% slower than on the lexicon alone (the budget is 15%), without them 7-9%. They were
 *   also no better on unseen sources at C 0.1: 0.538 / 0.622 / 0.492 with, 0.549 / 0.626 /
 *   0.472 without.
 * - COST 0.3, not 1: a stronger regularisation keeps the n-gram weights small, so the
 *   lexicon feature carries more of the decision. Words only, left-out source: C 1 0.513 /
 *   0.587 / 0.490, C 0.3 0.535 / 0.625 / 0.479, C 0.1 0.549 / 0.626 / 0.472; held-out rows:
 *   C 1 0.602 / 0.644 / 0.546, C 0.3 0.597 / 0.651 / 0.526, C 0.1 0.572 / 0.637 / 0.492. 0.3
 *   is near the best of both, and its negative recall on the left-out tweets is 0.63 (the
 *   lexicon's 0.52).
 * - MIN_DF 2: hash buckets seen in only one training text are dropped (a word seen once
 *   says little out of domain, and the file stays small: 0.7 MB).
 */
const MIN_DF = 2;
const COST = 0.3;
const FEATURES = { ...DEFAULT_FEATURE_OPTIONS, charWeight: 0 };
export const GENERAL_SEED = 7;

/** The training rows of `sources`, in a fixed order (source order, then row order). */
export function trainingRows(corpus: Partial<Record<SentimentSource, SourceSplits>>, sources: readonly SentimentSource[]): LabelledText[] {
  return sources.flatMap((s) => corpus[s]?.train ?? []);
}

/** Trains the general model on `rows`: the same rows and seed give the same model, bit for bit. */
export async function trainGeneralSentiment(rows: readonly LabelledText[], seed = GENERAL_SEED): Promise<LinearModel> {
  const setup = taskSetup('sentiment', { seed: String(seed), cost: String(COST) });
  return trainOn(
    rows.map((r) => ({ text: r.text, labels: [r.label] })),
    false,
    'sentiment',
    { ...setup, options: { ...setup.options, minDf: MIN_DF, features: FEATURES } },
  );
}
