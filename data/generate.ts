/**
 * Seeded sample-data generator with planted ground truth.
 *
 *   npx tsx data/generate.ts --out data/samples [--seed N]
 *       writes feedback.jsonl, survey.csv, chats.json and truth.json
 *   npx tsx data/generate.ts --out DIR --rows 1000000 --format csv|jsonl [--file NAME] [--seed N]
 *       streams one big file for benchmarks, in bounded memory
 *   npx tsx data/generate.ts --out DIR --rows N --comments [--min-words 40] [--file NAME] [--seed N]
 *       a CSV of N distinct survey comments of 40+ words in varied vocabulary (bench:analyze)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSamples, DEFAULT_SEED } from './generator/samples.js';
import { streamComments } from './generator/comments.js';
import { streamRows } from './generator/stream.js';
import { formatTruth } from './generator/truth.js';

const USAGE = 'usage: generate.ts --out DIR [--seed N] [--rows N (--format csv|jsonl | --comments [--min-words N]) [--file NAME]]';

function integer(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer, got '${raw}'\n${USAGE}`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'data/samples' },
      seed: { type: 'string' },
      rows: { type: 'string' },
      format: { type: 'string', default: 'jsonl' },
      file: { type: 'string' },
      comments: { type: 'boolean', default: false },
      'min-words': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const seed = integer('seed', values.seed, DEFAULT_SEED);
  await mkdir(values.out, { recursive: true });

  if (values.comments) {
    if (values.rows === undefined) throw new Error(`--comments needs --rows\n${USAGE}`);
    const path = join(values.out, values.file ?? `comments-${values.rows}.csv`);
    const summary = await streamComments({ path, rows: integer('rows', values.rows, 0), seed, minWords: integer('min-words', values['min-words'], 40) });
    process.stdout.write(`${JSON.stringify({ path, seed, ...summary })}\n`);
    return;
  }

  if (values.rows !== undefined) {
    const format = values.format;
    if (format !== 'csv' && format !== 'jsonl') throw new Error(`--format must be csv or jsonl, got '${format}'\n${USAGE}`);
    const path = join(values.out, values.file ?? `bench-${values.rows}.${format}`);
    const summary = await streamRows({ path, rows: integer('rows', values.rows, 0), format, seed });
    process.stdout.write(`${JSON.stringify({ path, seed, ...summary })}\n`);
    return;
  }

  const samples = buildSamples(seed);
  for (const [name, content] of samples.files) await writeFile(join(values.out, name), content);
  await writeFile(join(values.out, 'truth.json'), formatTruth(samples.truth));
  const counts = Object.fromEntries(
    Object.entries(samples.truth.files).map(([n, f]) => [n, { rows: f.rows, valid: f.valid, invalid: f.invalid.length, duplicates: f.duplicates.length }]),
  );
  process.stdout.write(`${JSON.stringify({ out: values.out, seed, files: counts })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`generate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
