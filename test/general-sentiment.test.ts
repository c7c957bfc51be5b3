import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeVerbatim } from '../src/core/analyze.js';
import type { Analyzer } from '../src/core/analyzer.js';
import { overallSentiment } from '../src/core/sentiment/score.js';
import { readModel } from '../src/load/classifier.js';
import { defaultSentimentModelPath, loadAnalyzer } from '../src/load/analyzer.js';
import { runCommand } from './helpers/cli.js';
import { scratchDir } from './helpers/scratch.js';

const root = join(import.meta.dirname, '..');

let general: Analyzer;
let lexicon: Analyzer;
beforeAll(async () => {
  ({ analyzer: general } = await loadAnalyzer());
  ({ analyzer: lexicon } = await loadAnalyzer({ sentiment: 'lexicon' }));
});

const label = (analyzer: Analyzer, text: string): string => analyzer.label(analyzer.sentiment(analyzer.parse(text)).sentences[0]!);

describe('the default sentiment model', () => {
  it('is a hybrid sentiment model shipped in models/sentiment', async () => {
    const model = await readModel(defaultSentimentModelPath());
    expect(model.task).toBe('sentiment');
    expect(model.labels).toEqual(['negative', 'neutral', 'positive']);
    expect(model.extra).toBe('lexicon-sentiment');
  });

  it('labels plain customer sentences from industries nobody tuned it for sensibly', () => {
    expect(label(general, 'Cancelled flight and no rebooking offered.')).toBe('negative');
    expect(label(general, 'My flight was delayed three hours and nobody told us why.')).toBe('negative');
    expect(label(general, 'The app crashes every time I open it.')).toBe('negative');
    expect(label(general, 'The staff were friendly and the room was spotless.')).toBe('positive');
    expect(label(general, 'Thanks for the quick reply!')).toBe('positive');
    expect(label(general, 'I ordered a blue one.')).toBe('neutral');
  });

  it('scores each sentence and derives the verbatim score from them, the same every time', () => {
    const text = 'The hotel lost our booking. The manager sorted it out within minutes, which was great.';
    const doc = general.parse(text);
    const scores = general.sentiment(doc);
    expect(scores.sentences).toHaveLength(2);
    expect(scores.overall).toBe(overallSentiment(doc, scores.sentences));
    expect(general.sentiment(general.parse(text))).toEqual(scores);
    const outcome = analyzeVerbatim(general, { id: 'v1', channel: 'review', text, createdAt: '2026-01-01T00:00:00Z' }, 'run-1');
    expect(outcome.kind === 'analysis' && outcome.analysis.sentences.map((s) => s.sentiment.label)).toEqual(['negative', 'positive']);
  });

  it('names itself in the analyses it makes: the version differs from the lexicon alone', () => {
    expect(general.version).not.toBe(lexicon.version);
  });
});

describe('analyze --sentiment and a malformed model', () => {
  const scratch = scratchDir('general-sentiment');
  const input = scratch.file('in.csv', 'text\nThe seat was broken and nobody fixed it.\nLovely crew.\n');

  it('refuses an unknown --sentiment as a usage error (exit 2)', async () => {
    const { code, stderr } = await runCommand(['analyze', input, '--map', 'text=text', '--sentiment', 'vibes']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--sentiment: 'vibes' is not default or lexicon/);
  });

  it('refuses a truncated sentiment model file as an input error (exit 3) naming the file', async () => {
    const shipped = readFileSync(defaultSentimentModelPath(), 'utf8');
    const broken = scratch.file('broken.json', shipped.slice(0, shipped.length / 2));
    const { code, stderr } = await runCommand(['analyze', input, '--map', 'text=text', '--model', broken]);
    expect(code).toBe(3);
    expect(stderr).toContain('broken.json');
  });
});

/** A tiny folder laid out as ../shared/datasets, every row written for this test. */
function tinyDatasets(dir: string): void {
  const write = (path: string, text: string): void => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const tweets = [
    ['loving the new update, so smooth', 'positive'],
    ['worst customer service ever, still no answer', 'negative'],
    ['the store opens at nine tomorrow', 'neutral'],
    ['great crew on my flight today', 'positive'],
    ['my package is lost again, awful', 'negative'],
    ['meeting moved to thursday', 'neutral'],
  ];
  const csv = (rows: string[][]): string => `text,label\n${rows.map(([t, l]) => `"${t}",${l}`).join('\n')}\n`;
  write('tweeteval_sentiment/val.csv', csv(tweets.slice(0, 3)));
  write('tweeteval_sentiment/test.csv', csv([...tweets.slice(3), ...tweets.slice(0, 3)]));
  const sentence = (id: number, text: string, polarity: string): string =>
    `<sentence id="${id}"><text>${text}</text><aspectCategories><aspectCategory category="food" polarity="${polarity}"/></aspectCategories></sentence>`;
  const xml = (...s: string[]): string => `<?xml version="1.0"?><sentences>${s.join('')}</sentences>`;
  write(
    'semeval2014_restaurants/Restaurants_Train_v2.xml',
    xml(
      sentence(1, 'The soup was delicious.', 'positive'),
      sentence(2, 'Cold fries and a rude waiter.', 'negative'),
      sentence(3, 'We ordered the set menu.', 'neutral'),
    ),
  );
  write('semeval2014_restaurants/Restaurants_Test_Gold.xml', xml(sentence(4, 'Tasty bread.', 'positive')));
  const reviews = (n: number): string =>
    `,Clothing ID,Age,Title,Review Text,Rating\n${[
      [0, 'Soft fabric and a perfect fit.', 5],
      [1, 'The zip broke after one wash.', 1],
      [2, 'It is a shirt.', 3],
    ]
      .map(([i, t, r]) => `${Number(i) + 3 * n},1,30,,${t},${r}`)
      .join('\n')}\n`;
  for (const n of [1, 2, 3]) write(`womens_clothing_reviews/womens_clothing_reviews_part${n}of3.csv`, reviews(n));
}

describe('npm run train:sentiment', () => {
  it('rebuilds the same model file, byte for byte, from the same datasets', async () => {
    const scratch = scratchDir('train-sentiment');
    tinyDatasets(join(scratch.dir, 'datasets'));
    const train = async (out: string): Promise<Buffer> => {
      await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', join(root, 'scripts', 'train-sentiment.ts'), '--datasets', join(scratch.dir, 'datasets'), '--out', out],
        {
          cwd: root,
        },
      );
      return readFileSync(out);
    };
    const first = await train(join(scratch.dir, 'a.json'));
    const second = await train(join(scratch.dir, 'b.json'));
    expect(first.equals(second)).toBe(true);
    const model = await readModel(join(scratch.dir, 'a.json'));
    expect(model.training.examples).toBe(3 + 2 + 3 + 2);
  }, 60_000);

  const shared = join(root, '..', 'shared', 'datasets');
  it('made the shipped file from ../shared/datasets', async () => {
    // Not skipped where the folder is absent: a shipped model nobody can rebuild is a failure to see.
    if (!existsSync(shared)) throw new Error(`${shared} is missing: the public datasets (see its README) must sit beside the repository`);
    const out = join(scratchDir('train-shipped').dir, 'general.json');
    await promisify(execFile)(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'train-sentiment.ts'), '--datasets', shared, '--out', out], {
      cwd: root,
    });
    expect(readFileSync(out).equals(readFileSync(defaultSentimentModelPath()))).toBe(true);
  }, 120_000);
});
