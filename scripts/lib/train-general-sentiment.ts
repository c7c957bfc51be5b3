import { taskSetup, trainOn } from '../../src/cli/commands/train.js';
import { DEFAULT_FEATURE_OPTIONS, type LinearModel } from '../../src/core/classify/index.js';
import type { LabelledText, SentimentSource, SourceSplits } from './sentiment-corpus.js';

/**
 * How the default sentiment model is trained: `frictionlens train sentiment`'s own trainer
 * and defaults (Crammer-Singer SVM on hashed word uni/bigrams and character 2-5-grams, the
 * lexicon's score as one-hot features, balanced class weights, seed 7), with two changes for
 * a model meant for text nobody trained it on:
 * - COST 0.1, not 1: a stronger regularisation keeps the n-gram weights small, so the
 *   lexicon feature carries more of the decision. Measured leaving one source out (bench/
 *   quality/general-sentiment.ts), macro-F1 on the unseen source: tweets 0.480 at C = 1,
 *   0.538 at 0.1, 0.557 at 0.03; restaurants 0.537 / 0.622 / 0.630; clothing 0.493 / 0.492 /
 *   0.477. 0.1 keeps most of that and the most negative recall (tweets 0.52 / 0.65 / 0.60),
 *   and is the best on the held-out rows of seen sources (tweets 0.605, restaurants 0.661,
 *   clothing 0.540; 0.573 / 0.641 / 0.499 at 0.03).
 * - hash buckets seen in fewer than MIN_DF training texts are dropped (a word seen once
 *   says little out of domain, and the file stays small).
 */
const MIN_DF = 2;
const COST = 0.3;
/** Word uni- and bigrams only: character n-grams cost analyze 27% of its throughput (the budget is 15%). */
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
