import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { runMeasured } from '../lib/rss.js';

/** A set of distinct texts, as frictionlens and the baselines read it. */
export interface Corpus {
  name: string;
  files: string[];
  /** The CSV column holding the text (for the baselines). */
  column: string;
  /** How `frictionlens analyze` maps the files. */
  flags: string[];
  /** Non-empty texts, distinct ones, mean words. */
  texts: number;
  distinct: number;
  meanWords: number;
}

const root = join(import.meta.dirname, '..', '..');
const datasets = join(root, '..', 'shared', 'datasets');
/** Generated files are kept here between runs (same seed, same file). */
const cacheDir = join(tmpdir(), 'frictionlens-bench');

function describe(name: string, files: string[], column: string, flags: string[]): Corpus {
  const texts: string[] = [];
  for (const f of files) {
    for (const r of parse(readFileSync(f), { columns: true, relax_column_count: true, relax_quotes: true, bom: true }) as Array<Record<string, string>>) {
      const t = r[column];
      if (t) texts.push(t);
    }
  }
  const words = texts.reduce((s, t) => s + t.split(/\s+/).filter(Boolean).length, 0);
  return { name, files, column, flags, texts: texts.length, distinct: new Set(texts).size, meanWords: words / Math.max(1, texts.length) };
}

/** `rows` distinct generated survey comments of 40+ words (data/generate.ts --comments), made once. */
export async function generatedComments(rows: number): Promise<string> {
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `comments-${rows}.csv`);
  if (!existsSync(file)) {
    const gen = await runMeasured(process.execPath, [
      '--import',
      'tsx',
      join(root, 'data', 'generate.ts'),
      '--out',
      cacheDir,
      '--rows',
      String(rows),
      '--comments',
      '--file',
      `comments-${rows}.csv`,
    ]);
    if (gen.code !== 0) throw new Error(`the generator failed (exit ${gen.code})`);
  }
  return file;
}

/**
 * The generated comments, then the public sets that are there: tweets (short social posts,
 * tweeteval test) and reviews (women's clothing, 23,486 rows of which 22,641 have text).
 */
export async function corpora(generatedRows: number, say: (line: string) => void): Promise<Corpus[]> {
  const out = [describe('generated comments', [await generatedComments(generatedRows)], 'text', [])];
  const tweets = join(datasets, 'tweeteval_sentiment', 'test.csv');
  if (existsSync(tweets)) out.push(describe('tweets (tweeteval test)', [tweets], 'text', ['--channel', 'social']));
  else say(`skipped the tweets: ${tweets} is not there`);
  const reviewDir = join(datasets, 'womens_clothing_reviews');
  const reviews = [1, 2, 3].map((k) => join(reviewDir, `womens_clothing_reviews_part${k}of3.csv`));
  if (reviews.every((f) => existsSync(f))) {
    out.push(
      describe("reviews (women's clothing)", reviews, 'Review Text', ['--channel', 'review', '--map', 'text=Review Text', '--map', 'score.rating=Rating']),
    );
  } else say(`skipped the reviews: ${reviewDir} is not there`);
  return out;
}

/**
 * A CSV file cut into `parts` files of consecutive rows, each with the header (made once,
 * kept beside the file): the same work as the whole, for processes that share nothing.
 */
export function splitRows(file: string, parts: number): string[] {
  const out = Array.from({ length: parts }, (_, k) => file.replace(/\.csv$/, `.part${k + 1}of${parts}.csv`));
  if (out.every((f) => existsSync(f))) return out;
  // raw: each record as written, quotes and line breaks kept, so the parts read as the whole does.
  const records = parse(readFileSync(file), { raw: true, relax_column_count: true, relax_quotes: true, bom: true }) as unknown as Array<{ raw: string }>;
  const [header, ...rows] = records.map((r) => r.raw.replace(/\r?\n$/, ''));
  const size = Math.ceil(rows.length / parts);
  for (const [k, f] of out.entries()) writeFileSync(f, `${[header, ...rows.slice(k * size, (k + 1) * size)].join('\n')}\n`);
  return out;
}
