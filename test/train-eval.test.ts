import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as evalCommand } from '../src/cli/commands/eval.js';
import { run as trainCommand, taskSetup, trainOn } from '../src/cli/commands/train.js';
import { createClassifier, evaluate, lexiconFeatures, microF1, splitIndices, trainClassifier, type Evaluation } from '../src/core/classify/index.js';
import { NEUTRAL_BAND, sentimentLabel } from '../src/core/sentiment/index.js';
import { reportError } from '../src/cli/report-error.js';
import { InputError, UsageError } from '../src/errors/index.js';
import { loadAnalyzer } from '../src/load/analyzer.js';
import { readLabelledRows, readModel, writeModel } from '../src/load/classifier.js';
import { createExtraFeatureSource, extraRowsFor } from '../src/load/extra-features.js';
import { loadSentimentLexicon } from '../src/load/lexicon.js';
import { createRng } from '../src/core/classify/rng.js';
import { syntheticMultiLabelRows, syntheticRows } from './classify-fixtures.js';

async function capture(command: (argv: string[]) => Promise<number>, argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    return { code: await command(argv), out };
  } finally {
    spy.mockRestore();
  }
}

const csvCell = (s: string): string => `"${s.replaceAll('"', '""')}"`;

describe('train then eval', () => {
  let dir = '';
  let trainFile = '';
  let testFile = '';
  let noisyTrainFile = '';
  let noisyTestFile = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'frictionlens-train-eval-'));
    const toCsv = (rows: { text: string; label: string }[]): string => `${['comment,code', ...rows.map((r) => `${csvCell(r.text)},${r.label}`)].join('\n')}\n`;
    trainFile = join(dir, 'train.csv');
    testFile = join(dir, 'test.csv');
    await writeFile(trainFile, toCsv(syntheticRows(30, 11)));
    await writeFile(testFile, toCsv(syntheticRows(10, 12)));
    // One label in five reassigned at random (seeded): a model cannot get every row right.
    const random = createRng(21);
    const names = ['billing', 'delivery', 'login'];
    noisyTrainFile = join(dir, 'noisy.csv');
    const noisy = (rows: { text: string; label: string }[]): { text: string; label: string }[] =>
      rows.map((r) => (random() < 0.2 ? { ...r, label: names[Math.floor(random() * 3)]! } : r));
    await writeFile(noisyTrainFile, toCsv(noisy(syntheticRows(30, 13))));
    noisyTestFile = join(dir, 'noisy-test.csv');
    await writeFile(noisyTestFile, toCsv(noisy(syntheticRows(10, 14))));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a model that eval then scores on new rows', async () => {
    const modelFile = join(dir, 'themes.json');
    const trained = await capture(trainCommand, [
      'themes',
      '--in',
      trainFile,
      '--map',
      'text=comment',
      '--map',
      'label=code',
      '--out',
      modelFile,
      '--seed',
      '3',
    ]);
    expect(trained.code).toBe(0);
    expect(trained.out).toContain('on 90 rows');
    const file = JSON.parse(await readFile(modelFile, 'utf8')) as { labels: string[]; kind: string };
    expect(file.labels).toEqual(['billing', 'delivery', 'login']);
    expect(file.kind).toBe('multiclass');

    const scored = await capture(evalCommand, ['themes', '--in', testFile, '--map', 'text=comment', '--map', 'label=code', '--model', modelFile, '--json']);
    expect(scored.code).toBe(0);
    const result = JSON.parse(scored.out) as { accuracy: number; macroF1: number; examples: number; perClass: { label: string }[]; matrix: number[][] };
    expect(result.examples).toBe(30);
    expect(result.accuracy).toBeGreaterThan(0.9);
    expect(result.macroF1).toBeGreaterThan(0.9);
    expect(result.perClass.map((c) => c.label)).toEqual(['billing', 'delivery', 'login']);
    expect(result.matrix.flat().reduce((a, b) => a + b, 0)).toBe(30);
  });

  it('trains on a seeded split and prints the same report on every run', async () => {
    const argv = ['themes', '--in', trainFile, '--map', 'text=comment', '--map', 'label=code', '--split', '0.7', '--seed', '4'];
    const first = await capture(evalCommand, argv);
    const second = await capture(evalCommand, argv);
    expect(first.code).toBe(0);
    expect(first.out).toContain('scored on 27 held-out rows');
    expect(first.out).toMatch(/accuracy {2}0\.9\d{3}|accuracy {2}1\.0000/);
    expect(first.out).toContain('confusion matrix');
    expect(second.out).toBe(first.out);
  });

  it('reports from the model file exactly the figures of the same model trained in memory', async () => {
    const modelFile = join(dir, 'noisy.json');
    const columns = ['--map', 'text=comment', '--map', 'label=code'];
    expect((await capture(trainCommand, ['themes', '--in', noisyTrainFile, ...columns, '--out', modelFile, '--seed', '5', '--float32'])).code).toBe(0);
    const fromFile = JSON.parse((await capture(evalCommand, ['themes', '--in', noisyTestFile, ...columns, '--model', modelFile, '--json'])).out) as Evaluation;

    const train = (await readLabelledRows(noisyTrainFile, { text: 'comment', label: 'code' })).rows;
    const test = (await readLabelledRows(noisyTestFile, { text: 'comment', label: 'code' })).rows;
    const inMemory = createClassifier(
      trainClassifier(
        train.map((r) => r.text),
        train.map((r) => r.labels[0]!),
        { seed: 5 },
      ),
    );
    const expected = evaluate(
      test.map((r) => r.labels[0]!),
      test.map((r) => inMemory.classify(r.text).label),
    );
    // Label noise in the gold keeps the figures away from a trivial 1.0.
    expect(expected.accuracy).toBeLessThan(1);
    expect(fromFile.accuracy).toBe(expected.accuracy);
    expect(fromFile.macroF1).toBe(expected.macroF1);
    expect(fromFile.matrix).toEqual(expected.matrix);
    expect(Array.from((await readModel(modelFile)).weights)).toEqual(Array.from(inMemory.model.weights));
  });

  it('scores a seeded --split exactly as training on that share in memory does', async () => {
    const out = JSON.parse(
      (
        await capture(evalCommand, [
          'themes',
          '--in',
          noisyTrainFile,
          '--map',
          'text=comment',
          '--map',
          'label=code',
          '--split',
          '0.75',
          '--seed',
          '9',
          '--json',
        ])
      ).out,
    ) as Evaluation;
    const rows = (await readLabelledRows(noisyTrainFile, { text: 'comment', label: 'code' })).rows;
    const { train, test } = splitIndices(rows.length, 0.75, 9);
    const model = createClassifier(
      trainClassifier(
        train.map((i) => rows[i]!.text),
        train.map((i) => rows[i]!.labels[0]!),
        { seed: 9 },
      ),
    );
    const expected = evaluate(
      test.map((i) => rows[i]!.labels[0]!),
      test.map((i) => model.classify(rows[i]!.text).label),
    );
    expect(out.examples).toBe(test.length);
    expect(out.accuracy).toBe(expected.accuracy);
    expect(out.matrix).toEqual(expected.matrix);
  });

  it('gives analyze a sentiment model that labels sentences as the model does, and theme matches via the model', async () => {
    const sentimentFile = join(dir, 'sentiment.csv');
    const texts = {
      positive: ['great service', 'love the new app', 'fast and friendly'],
      negative: ['terrible wait', 'rude agent', 'app keeps crashing'],
      neutral: ['i called on monday', 'the parcel is a box', 'my order number changed'],
    };
    const rows = Object.entries(texts).flatMap(([label, list]) =>
      Array.from({ length: 8 }, (_, i) => `${csvCell(`${list[i % 3]!} ${['today', 'again', 'ok', ''][i % 4]}`.trim())},${label.toUpperCase()}`),
    );
    await writeFile(sentimentFile, `${['comment,tone', ...rows].join('\n')}\n`);
    const sentimentModel = join(dir, 'sentiment.json');
    const themeModel = join(dir, 'themes.json');
    expect(
      (await capture(trainCommand, ['sentiment', '--in', sentimentFile, '--map', 'text=comment', '--map', 'label=tone', '--out', sentimentModel])).code,
    ).toBe(0);
    expect((await capture(trainCommand, ['themes', '--in', trainFile, '--map', 'text=comment', '--map', 'label=code', '--out', themeModel])).code).toBe(0);
    expect((await readModel(sentimentModel)).task).toBe('sentiment');

    const { analyzer } = await loadAnalyzer({ modelPaths: [sentimentModel, themeModel] });
    const lexiconOnly = (await loadAnalyzer()).analyzer;
    const classifier = createClassifier(await readModel(sentimentModel));
    expect(classifier.model.extra).toBe('lexicon-sentiment');
    const doc = analyzer.parse('Rude agent again. Great service today. I called on Monday. My parcel never arrived.');
    const scores = analyzer.sentiment(doc);
    // The hybrid model sees each sentence's words and the lexicon's score of that sentence.
    const lexicon = lexiconOnly.sentiment(doc);
    doc.sentences.forEach((sentence, i) => {
      expect(analyzer.label(scores.sentences[i]!)).toBe(classifier.classify(sentence.text, lexiconFeatures(lexicon.sentences[i]!, NEUTRAL_BAND)).label);
    });
    expect(sentimentLabel(scores.sentences[0]!, NEUTRAL_BAND)).toBe('negative');
    const hits = analyzer.modelThemes?.(doc) ?? [];
    expect(hits.find((h) => h.themeId === 'delivery')).toMatchObject({ via: 'model', sentence: 3 });
  });

  it("scores in eval exactly the labels analyze reports, by the multi-label model's own thresholds, negative ones included", async () => {
    const toCsv = (rows: { text: string; labels: string[] }[]): string =>
      `${['comment,codes', ...rows.map((r) => `${csvCell(r.text)},${r.labels.join(';')}`)].join('\n')}\n`;
    const trainRows = join(dir, 'multi.csv');
    const testRows = join(dir, 'multi-test.csv');
    await writeFile(trainRows, toCsv(syntheticMultiLabelRows(150, 3)));
    const held = syntheticMultiLabelRows(40, 4);
    await writeFile(testRows, toCsv(held));
    const columns = ['--map', 'text=comment', '--map', 'label=codes', '--label-sep', ';'];
    const trained = join(dir, 'multi.json');
    expect((await capture(trainCommand, ['themes', '--in', trainRows, ...columns, '--out', trained, '--float32'])).code).toBe(0);
    // Every cut at -0.8: labels scoring in [-0.8, 0) are the model's too, and analyze must say them.
    const lowered = join(dir, 'multi-lowered.json');
    const model = await readModel(trained);
    await writeModel(lowered, { ...model, thresholds: new Float32Array(model.labels.length).fill(-0.8) }, 'float32');
    const classifier = createClassifier(await readModel(lowered));
    const negativeButOver = held.filter((r) => Array.from(classifier.scores(r.text)).some((score) => score < 0 && score >= -0.8));
    expect(negativeButOver.length).toBeGreaterThan(0);

    const { analyzer } = await loadAnalyzer({ modelPaths: [lowered] });
    const reported = held.map((r) => {
      const doc = analyzer.parse(r.text);
      expect(doc.sentences).toHaveLength(1);
      return (analyzer.modelThemes?.(doc) ?? []).map((h) => h.themeId);
    });
    for (const hit of held.flatMap((r) => analyzer.modelThemes?.(analyzer.parse(r.text)) ?? [])) expect(hit.confidence).toBeGreaterThanOrEqual(0.5);
    expect(reported).toEqual(held.map((r) => classifier.decide(r.text).map((d) => d.label)));
    const scored = JSON.parse((await capture(evalCommand, ['themes', '--in', testRows, ...columns, '--model', lowered, '--json'])).out) as {
      micro: { f1: number; precision: number };
    };
    expect(scored.micro).toEqual(
      microF1(
        held.map((r) => r.labels),
        reported,
      ),
    );
  });

  it('applies a verbatim model once to the whole verbatim, with the best-scoring sentence as evidence; a sentence model to each sentence', async () => {
    const trained = join(dir, 'unit-verbatim.json');
    expect((await capture(trainCommand, ['themes', '--in', trainFile, '--map', 'text=comment', '--map', 'label=code', '--out', trained])).code).toBe(0);
    const model = await readModel(trained);
    expect(model.unit).toBe('verbatim');
    const text = 'Hello team. My parcel never arrived. I was charged twice. I cannot log in.';
    const classifier = createClassifier(model);

    const { analyzer } = await loadAnalyzer({ modelPaths: [trained] });
    const doc = analyzer.parse(text);
    expect(doc.sentences).toHaveLength(4);
    const hits = analyzer.modelThemes?.(doc) ?? [];
    // One decision on the post, as the model would label it: not one chance per sentence.
    expect(hits.map((h) => h.themeId)).toEqual(classifier.decide(text).map((d) => d.label));
    const k = model.labels.indexOf(hits[0]!.themeId);
    const sentenceScores = doc.sentences.map((s) => classifier.scores(s.text)[k]!);
    expect(hits[0]!.sentence).toBe(sentenceScores.indexOf(Math.max(...sentenceScores)));

    // A file written before models recorded their unit is read as a verbatim model.
    const old = join(dir, 'unit-unrecorded.json');
    const file = JSON.parse(await readFile(trained, 'utf8')) as Record<string, unknown>;
    delete file.unit;
    await writeFile(old, JSON.stringify(file));
    expect((await readModel(old)).unit).toBeUndefined();
    const fromOld = (await loadAnalyzer({ modelPaths: [old] })).analyzer;
    expect(fromOld.modelThemes?.(fromOld.parse(text)).map((h) => h.themeId)).toEqual(hits.map((h) => h.themeId));

    const sentenceModel = join(dir, 'unit-sentence.json');
    await writeModel(sentenceModel, { ...model, unit: 'sentence' }, 'float32');
    const bySentence = (await loadAnalyzer({ modelPaths: [sentenceModel] })).analyzer;
    const themes = new Set((bySentence.modelThemes?.(bySentence.parse(text)) ?? []).map((h) => h.themeId));
    expect(themes).toEqual(new Set(['billing', 'delivery', 'login']));
  });

  it("never reports a theme model's 'none' label (rows about no theme) as a theme", async () => {
    const file = join(dir, 'with-none.csv');
    const none = ['thanks for reading', 'hello there', 'i am writing today', 'best regards'];
    const rows = [...syntheticRows(10, 15), ...Array.from({ length: 30 }, (_, i) => ({ text: none[i % 4]!, label: 'none' }))];
    await writeFile(file, `${['comment,code', ...rows.map((r) => `${csvCell(r.text)},${r.label}`)].join('\n')}\n`);
    const model = join(dir, 'with-none.json');
    expect((await capture(trainCommand, ['themes', '--in', file, '--map', 'text=comment', '--map', 'label=code', '--out', model])).code).toBe(0);
    const classifier = createClassifier(await readModel(model));
    expect(classifier.classify('hello there, best regards').label).toBe('none');
    const { analyzer } = await loadAnalyzer({ modelPaths: [model] });
    const hits = analyzer.modelThemes?.(analyzer.parse('Hello there, best regards. My parcel never arrived.')) ?? [];
    expect(hits.map((h) => h.themeId)).toEqual(['delivery']);
  });

  it('trains a hybrid sentiment model on the scores of the lexicon it is given, not the bundled one', async () => {
    // A lexicon that reads "great" as bad: its features for "great service" are the reverse of the bundled lexicon's.
    const lexiconDir = join(dir, 'reversed-lexicon');
    await mkdir(lexiconDir);
    await writeFile(join(lexiconDir, 'afinn-165.json'), JSON.stringify({ words: { great: -3, awful: 3 } }));
    await writeFile(join(lexiconDir, 'review-words.yaml'), 'words: {}\n');
    await writeFile(join(lexiconDir, 'customer-service.yaml'), 'phrases: {}\n');
    await writeFile(join(lexiconDir, 'modifiers.yaml'), 'modifiers: {}\ncontrastAfter: []\ncontrastBefore: []\n');
    const reversed = loadSentimentLexicon(lexiconDir);
    const negativeSide = lexiconFeatures(-0.9, NEUTRAL_BAND).slice(-3);
    const positiveSide = lexiconFeatures(0.9, NEUTRAL_BAND).slice(-3);
    expect(Array.from(createExtraFeatureSource(reversed)('great service').slice(-3))).toEqual(Array.from(negativeSide));
    expect(Array.from(createExtraFeatureSource(loadSentimentLexicon())('great service').slice(-3))).toEqual(Array.from(positiveSide));

    const rows = ['great service', 'awful wait', 'great food', 'awful agent', 'a parcel', 'the menu'].map((text, i) => ({
      text,
      labels: [['positive', 'negative', 'neutral'][Math.floor(i / 2) % 3]!],
    }));
    const texts = rows.map((r) => r.text);
    const setup = taskSetup('sentiment', {});
    const trained = await trainOn(rows, false, 'sentiment', { ...setup, lexiconDir });
    const expected = trainClassifier(
      texts,
      rows.map((r) => r.labels[0]!),
      setup.options,
      extraRowsFor('lexicon-sentiment', texts, reversed),
    );
    expect(Array.from(trained.weights)).toEqual(Array.from(expected.weights));
    const bundled = await trainOn(rows, false, 'sentiment', setup);
    expect(Array.from(bundled.weights)).not.toEqual(Array.from(trained.weights));
  });

  it('refuses sentiment labels other than positive / negative / neutral, in training and in a model file', async () => {
    const file = join(dir, 'pos-neg.csv');
    const rows = ['great service,pos', 'rude agent,neg', 'lovely staff,pos', 'slow app,neg', 'a parcel,neu'];
    await writeFile(file, `${['comment,tone', ...rows].join('\n')}\n`);
    const trained: unknown = await trainCommand([
      'sentiment',
      '--in',
      file,
      '--map',
      'text=comment',
      '--map',
      'label=tone',
      '--out',
      join(dir, 'never.json'),
    ]).catch((e: unknown) => e);
    expect(trained).toBeInstanceOf(InputError);
    expect((trained as Error).message).toContain("found 'neg', 'neu', 'pos'");
    expect(reportError(trained, () => {})).toBe(3);
    // eval --split trains the same way.
    await expect(evalCommand(['sentiment', '--in', file, '--map', 'text=comment', '--map', 'label=tone', '--split', '0.6'])).rejects.toBeInstanceOf(InputError);
    // Without neutral is a sentiment model; without negative is not.
    const upper = join(dir, 'two-class.csv');
    await writeFile(upper, `${['comment,tone', 'great service,POSITIVE', 'rude agent,Negative', 'lovely staff,positive', 'slow app,negative'].join('\n')}\n`);
    expect(
      (
        await capture(trainCommand, [
          'sentiment',
          '--in',
          upper,
          '--map',
          'text=comment',
          '--map',
          'label=tone',
          '--out',
          join(dir, 'two-class.json'),
          '--text-only',
        ])
      ).code,
    ).toBe(0);
    expect((await readModel(join(dir, 'two-class.json'))).labels).toEqual(['negative', 'positive']);
    await expect(
      trainOn(
        [
          { text: 'great', labels: ['positive'] },
          { text: 'fine', labels: ['neutral'] },
        ],
        false,
        'sentiment',
        taskSetup('sentiment', { 'text-only': true }),
      ),
    ).rejects.toThrow(/no negative/);

    // A model file that says it is a sentiment model but whose labels are not: refused on load, by analyze too.
    const texts = ['great service', 'rude agent', 'lovely staff', 'slow app'];
    const modelFile = join(dir, 'pos-neg.json');
    await writeModel(modelFile, { ...trainClassifier(texts, ['pos', 'neg', 'pos', 'neg']), task: 'sentiment' });
    const loaded: unknown = await readModel(modelFile).catch((e: unknown) => e);
    expect(loaded).toBeInstanceOf(InputError);
    expect((loaded as Error).message).toMatch(/is a sentiment model, but .*found 'neg', 'pos' \(no positive or negative; 'neg', 'pos' not a sentiment label\)/);
    await expect(loadAnalyzer({ modelPaths: [modelFile] })).rejects.toBeInstanceOf(InputError);
  });

  it('refuses to score a sentiment model as a theme model', async () => {
    const sentimentModel = join(dir, 'sentiment.json');
    await expect(evalCommand(['themes', '--in', testFile, '--map', 'text=comment', '--map', 'label=code', '--model', sentimentModel])).rejects.toBeInstanceOf(
      UsageError,
    );
  });

  it('refuses a missing label column mapping as a usage error', async () => {
    await expect(trainCommand(['themes', '--in', trainFile, '--map', 'text=comment'])).rejects.toBeInstanceOf(UsageError);
  });

  it('refuses an unknown flag as a usage error (exit code 2), not as a bug', async () => {
    const columns = ['--in', trainFile, '--map', 'text=comment', '--map', 'label=code'];
    for (const command of [trainCommand, evalCommand]) {
      const error: unknown = await command(['themes', ...columns, '--no-such-flag']).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toMatch(/no-such-flag/);
      expect(reportError(error, () => {})).toBe(2);
    }
  });
});
