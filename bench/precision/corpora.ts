import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { splitIndices } from '../../src/core/classify/split.js';
import { loadSemEvalSentiment } from '../quality/datasets.js';

/** One text of a public set: `row` names it within the set ("train:41"), stable across runs. */
export interface CorpusRow {
  row: string;
  text: string;
}

/** A public set in two parts: `dev` is what the taxonomy was judged and tuned on, `test` is held out. */
export interface PrecisionCorpus {
  dataset: string;
  industry: string;
  dev: CorpusRow[];
  test: CorpusRow[];
  /** How dev and test were cut, for the results file. */
  split: string;
}

/** The women's clothing reviews' dev / test cut: a seeded half each (classify/split.ts). */
const REVIEW_SPLIT_SEED = 13;

const rowsOf = (split: string, texts: readonly string[]): CorpusRow[] =>
  texts.flatMap((text, i) => (text.trim() === '' ? [] : [{ row: `${split}:${i}`, text }]));

function csvColumn(file: string, column: string): string[] {
  const rows = parse(readFileSync(file), { columns: true, relax_column_count: true, relax_quotes: true, bom: true }) as Record<string, string>[];
  return rows.map((r) => r[column] ?? '');
}

/**
 * The five sets of ../shared/datasets the precision bench reads, each from another industry;
 * a set whose files are missing is skipped with a message.
 */
export function precisionCorpora(root: string, say: (line: string) => void): PrecisionCorpus[] {
  const out: PrecisionCorpus[] = [];
  const have = (name: string, files: string[]): boolean => {
    const missing = files.filter((f) => !existsSync(join(root, name, f)));
    if (missing.length > 0) say(`skipped ${name}: ${missing.join(', ')} not found in ${join(root, name)}`);
    return missing.length === 0;
  };
  // A set split in two CSV files, dev and test, the text in column `text`.
  const twoFiles = (dataset: string, industry: string, dev: string, test: string): void => {
    if (!have(dataset, [`${dev}.csv`, `${test}.csv`])) return;
    const dir = join(root, dataset);
    out.push({
      dataset,
      industry,
      dev: rowsOf(dev, csvColumn(join(dir, `${dev}.csv`), 'text')),
      test: rowsOf(test, csvColumn(join(dir, `${test}.csv`), 'text')),
      split: `dev = ${dev}.csv, test = ${test}.csv`,
    });
  };
  twoFiles('tweeteval_sentiment', 'social posts, many topics', 'val', 'test');
  twoFiles('banking77', 'bank customer-service queries', 'train', 'test');
  if (have('clinc150', ['data_full.json'])) {
    const data = JSON.parse(readFileSync(join(root, 'clinc150', 'data_full.json'), 'utf8')) as Record<string, [string, string][]>;
    const texts = (name: string): string[] => (data[name] ?? []).map((r) => r[0]);
    out.push({
      dataset: 'clinc150',
      industry: 'assistant queries: banking, travel, home, ...',
      dev: [...rowsOf('train', texts('train')), ...rowsOf('oos_train', texts('oos_train'))],
      test: [...rowsOf('test', texts('test')), ...rowsOf('oos_test', texts('oos_test'))],
      split: 'dev = train + oos_train, test = test + oos_test (data_full.json)',
    });
  }
  const reviewFiles = [1, 2, 3].map((k) => `womens_clothing_reviews_part${k}of3.csv`);
  if (have('womens_clothing_reviews', reviewFiles)) {
    const texts = reviewFiles.flatMap((f) => csvColumn(join(root, 'womens_clothing_reviews', f), 'Review Text'));
    const { train, test } = splitIndices(texts.length, 0.5, REVIEW_SPLIT_SEED);
    const pick = (indices: number[]): CorpusRow[] => indices.flatMap((i) => (texts[i]?.trim() ? [{ row: `row:${i}`, text: texts[i]! }] : []));
    out.push({
      dataset: 'womens_clothing_reviews',
      industry: 'retail product reviews',
      dev: pick(train),
      test: pick(test),
      split: `rows of the 3 parts concatenated, a seeded half each (splitIndices(n, 0.5, ${REVIEW_SPLIT_SEED}))`,
    });
  }
  if (have('semeval2014_restaurants', ['Restaurants_Train_v2.xml', 'Restaurants_Test_Gold.xml'])) {
    const { train, test } = loadSemEvalSentiment(join(root, 'semeval2014_restaurants'));
    out.push({
      dataset: 'semeval2014_restaurants',
      industry: 'restaurant review sentences',
      dev: rowsOf('train', train.texts),
      test: rowsOf('test', test.texts),
      split: 'dev = Restaurants_Train_v2.xml, test = Restaurants_Test_Gold.xml',
    });
  }
  return out;
}
