/**
 * Quality benchmark: our classifier against scikit-learn (and natural, and the zero-shot
 * sentiment scorers) on public datasets, the same splits every run.
 *
 *   npm run bench:quality      # prints one table, writes bench/results/quality.md
 *
 * Reads ../shared/datasets (next to the repository); each missing dataset is skipped with
 * a message. scikit-learn runs from ~/.cache/frictionlens/venv, created with pip on first
 * use (skipped with a message where python3 is absent). Row producers of other benches
 * (e.g. rating drivers) register on `extraRowProducers` from a module imported here.
 */
process.env.DOTENV_CONFIG_QUIET ??= 'true';

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClassifier, fromModelFile, toModelFile } from '../src/core/classify/index.js';
import { datasetFolder, datasetsDir, loadBanking, loadClinc, loadSemEvalAspects, loadSemEvalSentiment } from './quality/datasets.js';
import { checkGoals, renderGoals, type SpeedFigures } from './quality/goals.js';
import { naturalBayes } from './quality/natural-bayes.js';
import { ourAspects, ourMulticlass, ourSentiment, ourWithReject } from './quality/ours.js';
import { extraRowProducers, qualityRows, renderMarkdown, type QualityRow } from './quality/rows.js';
import './quality/drivers.js';
import './quality/general-sentiment.js';
import { ensureSklearn, runSklearn, type BaselineScores, type BaselineTask } from './quality/sklearn.js';
import { cliRoundTrip, speedVsRules } from './quality/speed.js';
import { ASPECT, BANKING, CLINC, SENTENCE } from './quality/tasks.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..');
const root = datasetsDir(repoRoot);
const notes: string[] = [];
const say = (line: string): void => {
  process.stderr.write(`${line}\n`);
  notes.push(line);
};
const add = (row: QualityRow): void => {
  qualityRows.push(row);
};
const f4 = (x: number): string => x.toFixed(4);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const perSecond = (x: number): string => `${Math.round(x).toLocaleString('en-US')} texts/s`;

const baselineTasks: BaselineTask[] = [];
/** The split each task's baselines saw, for their rows. */
const splitOf = new Map<string, string>();
const measurements: string[] = [];
/** clinc150 test rows: accuracy over all of them counts an out-of-scope row right when unclassified. */
let clincRows = { inScope: 0, oos: 0 };
let speedFigures: SpeedFigures | undefined;

const banking = datasetFolder(root, 'banking77', ['train.csv', 'test.csv'], say);
if (banking) {
  const { train, test } = loadBanking(banking);
  const rssBefore = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  const ours = ourMulticlass(train, test);
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peak = process.resourceUsage().maxRSS * 1024;
  const file = toModelFile(ours.classifier.model, 'int8');
  const quantised = createClassifier(fromModelFile(file));
  const quantisedAcc = test.texts.filter((t, i) => quantised.classify(t).label === test.labels[i]).length / test.texts.length;
  const fileBytes = Buffer.byteLength(JSON.stringify(file));
  const speed = speedVsRules(test.texts, ours.classifier.model);
  speedFigures = speed;
  measurements.push(
    `banking77 train (${train.texts.length} texts), in this process: trained in ${ours.seconds.toFixed(1)} s wall, ` +
      `${cpuSeconds.toFixed(1)} s CPU (training and scoring the test split); peak RSS ${mb(peak)} ` +
      `(RSS before training ${mb(rssBefore)}); ${ours.classifier.model.space.buckets.length} features x ${ours.classifier.model.labels.length} classes`,
    `classification throughput, one thread, texts per CPU second on banking77 test (best of 5 interleaved passes): ` +
      `trained model ${perSecond(speed.model)} from raw text (${perSecond(speed.modelCold)} on a fresh model's first pass, token cache empty); ` +
      `taxonomy rule matcher ${perSecond(speed.rules)} on parsed docs (parsing alone: ${perSecond(speed.parse)}); ` +
      `model / rules = ${(speed.model / speed.rules).toFixed(2)}x warm, ${(speed.modelCold / speed.rules).toFixed(2)}x cold, ` +
      `${(speed.model / (1 / (1 / speed.rules + 1 / speed.parse))).toFixed(1)}x against parse + rules`,
    `model file (int8 weights): ${(fileBytes / 1e6).toFixed(1)} MB, test accuracy ${f4(quantisedAcc)} (float32 in memory: ${f4(ours.evaluation.accuracy)})`,
  );
  const cli = await cliRoundTrip(repoRoot, 'themes', join(banking, 'train.csv'), join(banking, 'test.csv'), { text: 'text', label: 'category' }, say);
  if (cli) {
    const same = cli.accuracy === quantisedAcc ? 'the same as in memory' : `DIFFERS from the in-memory ${f4(quantisedAcc)}`;
    measurements.push(
      `CLI, own process: \`frictionlens train themes\` on banking77 train in ${cli.trainSeconds.toFixed(1)} s wall (reading the CSV and writing the model included), ` +
        `peak RSS ${cli.trainPeakMb.toFixed(0)} MB; \`eval --model\` on test: accuracy ${f4(cli.accuracy)}, macro-F1 ${f4(cli.macroF1)} (${same})`,
    );
  }
  const data = 'train / test';
  splitOf.set(BANKING, data);
  add({
    task: BANKING,
    data,
    system: 'frictionlens linear (ours)',
    accuracy: ours.evaluation.accuracy,
    macroF1: ours.evaluation.macroF1,
    seconds: ours.seconds,
  });
  baselineTasks.push({ name: BANKING, kind: 'multiclass', train, test });
  const stride = 4;
  const bayes = naturalBayes(train, test, stride);
  add({
    task: BANKING,
    data: `train / test (every ${stride}th row: ${bayes.scored})`,
    system: 'natural BayesClassifier',
    accuracy: bayes.accuracy,
    macroF1: bayes.macroF1,
    seconds: bayes.seconds,
  });
}

const clincDir = datasetFolder(root, 'clinc150', ['data_full.json'], say);
if (clincDir) {
  const data = loadClinc(clincDir);
  const ours = ourWithReject(data);
  const split = 'train+oos_train, reject threshold on val+oos_val / test+oos_test';
  splitOf.set(CLINC, split);
  clincRows = { inScope: data.test.texts.length, oos: data.oosTest.length };
  add({
    task: CLINC,
    data: split,
    system: 'frictionlens linear (ours)',
    accuracy: ours.accuracy,
    macroF1: ours.macroF1,
    other: clincOther(ours.accuracy, ours.oosRecall),
    seconds: ours.seconds,
  });
  baselineTasks.push({
    name: CLINC,
    kind: 'reject',
    train: { texts: [...data.train.texts, ...data.oosTrain], labels: [...data.train.labels, ...data.oosTrain.map(() => 'oos')] },
    val: data.val,
    test: data.test,
    oos_label: 'oos',
    oos_val_texts: data.oosVal,
    oos_test_texts: data.oosTest,
  });
  const stride = 4;
  const bayes = naturalBayes(data.train, data.test, stride);
  add({
    task: CLINC,
    data: `train / test in-scope, no reject (every ${stride}th row: ${bayes.scored})`,
    system: 'natural BayesClassifier',
    accuracy: bayes.accuracy,
    macroF1: bayes.macroF1,
    seconds: bayes.seconds,
  });
}

const semeval = datasetFolder(root, 'semeval2014_restaurants', ['Restaurants_Train_v2.xml', 'Restaurants_Test_Gold.xml'], say);
if (semeval) {
  const { train, test } = loadSemEvalSentiment(semeval);
  const ours = await ourSentiment(train, test);
  const textOnly = await ourSentiment(train, test, true);
  splitOf.set(SENTENCE, 'train / test');
  add({
    task: SENTENCE,
    data: 'train / test',
    system: 'frictionlens linear + lexicon feature, trained (ours)',
    accuracy: ours.evaluation.accuracy,
    macroF1: ours.evaluation.macroF1,
    seconds: ours.seconds,
  });
  add({
    task: SENTENCE,
    data: 'train / test',
    system: 'frictionlens linear, text only, trained (ours, ablation)',
    accuracy: textOnly.evaluation.accuracy,
    macroF1: textOnly.evaluation.macroF1,
    seconds: textOnly.seconds,
  });
  baselineTasks.push({ name: SENTENCE, kind: 'multiclass', train, test });
  const zeroShot = await import('./sentiment-eval.js');
  const sentences = test.texts.map((text, i) => ({ id: String(i), text, label: test.labels[i] as 'positive' | 'negative' | 'neutral' }));
  for (const scorer of zeroShot.sentimentScorers()) {
    const started = performance.now();
    const r = zeroShot.evaluateSentiment(sentences, scorer);
    add({
      task: SENTENCE,
      data: '- / test (zero-shot)',
      system: `${scorer.name}, zero-shot`,
      accuracy: r.accuracy,
      macroF1: r.macroF1,
      seconds: (performance.now() - started) / 1000,
    });
  }
  const aspects = loadSemEvalAspects(semeval);
  const pairs = ourAspects(aspects.train, aspects.test);
  const pairsTextOnly = ourAspects(aspects.train, aspects.test, { textOnly: true });
  splitOf.set(ASPECT, 'train / test');
  add({ task: ASPECT, data: 'train / test', system: 'frictionlens two-stage + lexicon feature (ours)', other: aspectOther(pairs), seconds: pairs.seconds });
  add({
    task: ASPECT,
    data: 'train / test',
    system: 'frictionlens two-stage, text only (ours, ablation)',
    other: aspectOther(pairsTextOnly),
    seconds: pairsTextOnly.seconds,
  });
  baselineTasks.push({ name: ASPECT, kind: 'aspect', train: aspects.train, test: aspects.test });
}

function clincOther(accuracy: number, oosRecall: number): string {
  const all = (accuracy * clincRows.inScope + oosRecall * clincRows.oos) / (clincRows.inScope + clincRows.oos);
  return `oos recall ${f4(oosRecall)}; all ${clincRows.inScope + clincRows.oos} rows acc. ${f4(all)}`;
}

function aspectOther(s: Pick<BaselineScores, 'microF1' | 'categoryMicroF1' | 'polarityAccuracy'>): string {
  return `pair micro-F1 ${f4(s.microF1 ?? 0)}; categories micro-F1 ${f4(s.categoryMicroF1 ?? 0)}; polarity acc. ${f4(s.polarityAccuracy ?? 0)}`;
}

if (baselineTasks.length > 0) {
  const python = ensureSklearn(say);
  if (python) {
    const results = runSklearn(python, join(here, 'quality', 'sklearn_baseline.py'), baselineTasks, say);
    for (const [task, models] of Object.entries(results)) {
      for (const [system, s] of Object.entries(models)) {
        add({
          task,
          data: splitOf.get(task) ?? '',
          system: `scikit-learn ${system}`,
          ...(s.accuracy !== undefined ? { accuracy: s.accuracy } : {}),
          ...(s.macroF1 !== undefined ? { macroF1: s.macroF1 } : {}),
          ...(s.polarityAccuracy !== undefined
            ? { other: aspectOther(s) }
            : s.oosRecall !== undefined
              ? { other: clincOther(s.accuracy ?? 0, s.oosRecall) }
              : {}),
          seconds: s.seconds,
        });
      }
    }
  }
}

for (const produce of extraRowProducers) qualityRows.push(...(await produce(root, say)));

const date = new Date().toISOString().slice(0, 10);
const table = renderMarkdown(qualityRows);
const goals = renderGoals(checkGoals(qualityRows, speedFigures));
const report = [
  `# Quality benchmark (${date})`,
  '',
  'Made by `npm run bench:quality` (bench/quality.bench.ts). Datasets from ../shared/datasets; in each row the split',
  'left of the slash trained the model and the one right of it scored it. macro-F1 is over the gold classes.',
  'clinc150: accuracy and macro-F1 over the in-scope test rows (a rejected in-scope row counts as wrong), and the recall',
  'of "unclassified" on the out-of-scope test rows. Seconds: training (scoring, for zero-shot rows), one thread,',
  'wall clock on a shared machine.',
  '',
  table,
  '',
  '## Goals',
  '',
  goals,
  '',
  '## Speed and memory',
  '',
  ...measurements.map((m) => `- ${m}`),
  ...(notes.length > 0 ? ['', '## Notes', '', ...notes.map((n) => `- ${n}`)] : []),
  '',
].join('\n');
process.stdout.write(`\n${table}\n\n${goals}\n\n${measurements.join('\n')}\n`);
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'quality.md'), report);
process.stderr.write(`wrote ${join(here, 'results', 'quality.md')}\n`);
