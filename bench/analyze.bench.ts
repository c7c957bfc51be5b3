/**
 * npm run bench:analyze — verbatims/s of the full per-verbatim analyze path against bare
 * wink-nlp (readDoc, default pipe) and VADER-js on the same corpus in the same run, printed
 * as ratios; then peak RSS of `frictionlens analyze` streaming a generated file
 * (BENCH_ROWS, default 1,000,000 rows; BENCH_ROWS=0 skips it).
 *
 * Goals (issue 2): >= 0.5 x bare wink, >= 1.5 x VADER-js, <= 400 MB.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import vader from 'vader-sentiment';
import { Verbatim } from '../src/contracts/index.js';
import { analyzeVerbatim } from '../src/core/analyze.js';
import { customerText } from '../src/core/customer-text.js';
import { loadAnalyzer } from '../src/load/analyzer.js';
import { interleavedThroughput, runMeasured } from './lib/rss.js';

const root = join(import.meta.dirname, '..');
const CORPUS_SIZE = Number(process.env.BENCH_TEXTS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BIG_ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);

const samples = readFileSync(join(root, 'data/samples/feedback.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => Verbatim.safeParse(JSON.parse(l)))
  .flatMap((r) => (r.success ? [r.data] : []));
const verbatims = Array.from({ length: CORPUS_SIZE }, (_, i) => samples[i % samples.length]!);
const texts = verbatims.map(customerText);
const meanTokens = texts.reduce((s, t) => s + t.split(/\s+/).length, 0) / texts.length;

const { analyzer } = await loadAnalyzer({});
const wink = winkNLP(model);
let i = 0;
const [ours, bareWink, vaderJs] = interleavedThroughput(
  [
    () => analyzeVerbatim(analyzer, verbatims[i++ % verbatims.length]!, 'bench'),
    (t) => wink.readDoc(t),
    (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t),
  ],
  texts,
  ROUNDS,
) as [number, number, number];

const rows = [
  ['frictionlens analyze (redact, language, parse, sentiment, themes, signals, phrases)', ours],
  ['wink-nlp readDoc, default pipe (baseline)', bareWink],
  ['VADER-js polarity_scores (baseline)', vaderJs],
] as const;
console.log(
  `corpus: ${CORPUS_SIZE.toLocaleString('en-US')} customer texts from data/samples/feedback.jsonl, mean ${meanTokens.toFixed(0)} words; one process, node ${process.version}; best of ${ROUNDS} interleaved rounds`,
);
for (const [name, rate] of rows) console.log(`${name.padEnd(86)} ${Math.round(rate).toLocaleString('en-US').padStart(8)} texts/s`);
console.log(`ratio vs bare wink-nlp: ${(ours / bareWink).toFixed(2)} (goal >= 0.5)`);
console.log(`ratio vs VADER-js:      ${(ours / vaderJs).toFixed(2)} (goal >= 1.5)`);

if (BIG_ROWS > 0) {
  const dir = join(tmpdir(), 'frictionlens-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `big-${BIG_ROWS}.csv`);
  if (!existsSync(file)) {
    console.log(`generating ${BIG_ROWS.toLocaleString('en-US')} rows into ${file} ...`);
    const gen = await runMeasured(process.execPath, [
      '--import',
      'tsx',
      join(root, 'data/generate.ts'),
      '--out',
      dir,
      '--rows',
      String(BIG_ROWS),
      '--format',
      'csv',
      '--file',
      `big-${BIG_ROWS}.csv`,
    ]);
    if (gen.code !== 0) throw new Error('generator failed');
  }
  const cli = join(root, 'dist/src/cli/main.js');
  if (!existsSync(cli)) throw new Error('run `npm run build` first (the RSS run measures the built CLI)');
  const run = await runMeasured(cli, ['analyze', file, '--json']);
  const counts = run.code === 0 ? (JSON.parse(run.stdout) as { run: Record<string, number> }).run : null;
  console.log(
    `streaming ${BIG_ROWS.toLocaleString('en-US')} rows through \`frictionlens analyze\`: peak RSS ${run.peakMb.toFixed(0)} MB (goal <= 400), ` +
      `${run.seconds.toFixed(0)} s, ${Math.round(BIG_ROWS / run.seconds).toLocaleString('en-US')} rows/s end to end, exit ${run.code}`,
  );
  if (counts) console.log(`counts: ${JSON.stringify(counts)}`);
  if (process.env.BENCH_KEEP !== '1') rmSync(file, { force: true });
}
