/**
 * Rebuilds the default sentiment model, models/sentiment/general.json, from the public
 * datasets (scripts/lib/sentiment-corpus.ts says which rows train and which are held out):
 *
 *   npm run train:sentiment                                   # ../shared/datasets -> models/sentiment/general.json
 *   npm run train:sentiment -- --datasets DIR --out FILE      # another folder of the same layout
 *
 * Deterministic: the same datasets give the same file, byte for byte (fixed splits, seed 7).
 * Every source must be present: a model trained on fewer would not be the shipped one.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeModel } from '../src/load/classifier.js';
import { loadSentimentCorpus, SENTIMENT_SOURCES } from './lib/sentiment-corpus.js';
import { trainGeneralSentiment, trainingRows } from './lib/train-general-sentiment.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { datasets: { type: 'string' }, out: { type: 'string' } } });
  const root = values.datasets ?? join(repoRoot, '..', 'shared', 'datasets');
  const out = values.out ?? join(repoRoot, 'models', 'sentiment', 'general.json');
  const corpus = loadSentimentCorpus(root);
  const missing = SENTIMENT_SOURCES.filter((s) => corpus[s] === undefined);
  if (missing.length > 0) {
    process.stderr.write(`train:sentiment: ${missing.join(', ')} not found under ${root}\n`);
    return 3;
  }
  const rows = trainingRows(corpus, SENTIMENT_SOURCES);
  const started = performance.now();
  const model = await trainGeneralSentiment(rows);
  const bytes = await writeModel(out, model);
  const counts = SENTIMENT_SOURCES.map((s) => `${s} ${corpus[s]?.train.length}`).join(', ');
  process.stdout.write(
    `trained on ${rows.length} rows (${counts}) in ${((performance.now() - started) / 1000).toFixed(1)} s; wrote ${out} (${(bytes / 1e6).toFixed(2)} MB)\n`,
  );
  return 0;
}

process.exitCode = await main();
