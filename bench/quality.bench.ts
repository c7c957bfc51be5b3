/**
 * Quality benchmark: our classifier against scikit-learn (and natural, and the zero-shot
 * sentiment scorers) on public datasets, the same splits every run.
 *
 *   npm run bench:quality      # prints one table, writes bench/results/quality.md
 *
 * Reads ../shared/datasets (next to the repository); each missing dataset is skipped with
 * a message. scikit-learn runs from ~/.cache/frictionlens/venv, created on first use.
 */
process.env.DOTENV_CONFIG_QUIET ??= 'true';

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClassifier, fromModelFile, toModelFile } from '../src/core/classify/index.js';
import { throughput } from './lib/rss.js';
import { datasetFolder, datasetsDir, loadBanking, loadClinc, loadSemEvalAspects, loadSemEvalSentiment } from './quality/datasets.js';
import { naturalBayes } from './quality/natural-bayes.js';
import { ourMulticlass, ourMultiLabel, ourWithReject } from './quality/ours.js';
import { extraRowProducers, qualityRows, renderMarkdown, type QualityRow } from './quality/rows.js';
import './quality/drivers.js';
import { ensureSklearn, runSklearn, type BaselineTask } from './quality/sklearn.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..');
const root = datasetsDir(repoRoot);
const notes: string[] = [];
const say = (line: string): void => {
  process.stderr.write(line + '\n');
  notes.push(line);
};
const add = (row: QualityRow): void => {
  qualityRows.push(row);
};
const f4 = (x: number): string => x.toFixed(4);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const baselineTasks: BaselineTask[] = [];
const BANKING = 'intents: banking77';
const CLINC = 'intents: clinc150 (in-scope; oos as unclassified)';
const SENTENCE = 'sentence sentiment: semeval2014 restaurants (3-class)';
const ASPECT = 'aspect-category sentiment: semeval2014 restaurants (category#polarity pairs)';
const measurements: string[] = [];

const banking = datasetFolder(root, 'banking77', ['train.csv', 'test.csv'], say);
if (banking) {
  const { train, test } = loadBanking(banking);
  const rssBefore = process.memoryUsage().rss;
  const ours = ourMulticlass(train, test);
  const peak = process.resourceUsage().maxRSS * 1024;
  const heap = process.memoryUsage();
  const repeated = [...test.texts, ...test.texts, ...test.texts];
  const perSecond = throughput(repeated, (t) => ours.classifier.classify(t));
  const file = toModelFile(ours.classifier.model, 'int8');
  const quantised = createClassifier(fromModelFile(file));
  const quantisedAcc = test.texts.filter((t, i) => quantised.classify(t).label === test.labels[i]).length / test.texts.length;
  const fileBytes = Buffer.byteLength(JSON.stringify(file));
  measurements.push(
    `banking77 train (${train.texts.length} texts): trained in ${ours.seconds.toFixed(1)} s; process peak RSS (maxRSS) ${mb(peak)} ` +
      `(RSS before training ${mb(rssBefore)}; heap used after ${mb(heap.heapUsed)}, typed arrays ${mb(heap.arrayBuffers)}); ` +
      `${ours.classifier.model.space.buckets.length} features x ${ours.classifier.model.labels.length} classes`,
    `classification throughput: ${Math.round(perSecond)} texts/s (banking77 test x3, one thread, features + scores)`,
    `model file (int8 weights): ${(fileBytes / 1e6).toFixed(1)} MB, test accuracy ${f4(quantisedAcc)} (float32 in memory: ${f4(ours.evaluation.accuracy)})`,
  );
  add({ task: BANKING, data: 'train / test', system: 'frictionlens linear (ours)', accuracy: ours.evaluation.accuracy, macroF1: ours.evaluation.macroF1, seconds: ours.seconds });
  baselineTasks.push({ name: BANKING, kind: 'multiclass', train, test });
  const stride = 4;
  const bayes = naturalBayes(train, test, stride);
  add({ task: BANKING, data: `train / test (every ${stride}th row: ${bayes.scored})`, system: 'natural BayesClassifier', accuracy: bayes.accuracy, macroF1: bayes.macroF1, seconds: bayes.seconds });
}

const clincDir = datasetFolder(root, 'clinc150', ['data_full.json'], say);
if (clincDir) {
  const data = loadClinc(clincDir);
  const ours = ourWithReject(data);
  add({ task: CLINC, data: 'train+oos_train, threshold on val+oos_val / test+oos_test', system: 'frictionlens linear (ours)', accuracy: ours.accuracy, macroF1: ours.macroF1, other: `oos recall ${f4(ours.oosRecall)}`, seconds: ours.seconds });
  baselineTasks.push({ name: CLINC, kind: 'reject', train: { texts: [...data.train.texts, ...data.oosTrain], labels: [...data.train.labels, ...data.oosTrain.map(() => 'oos')] }, val: data.val, test: data.test, oos_label: 'oos', oos_val_texts: data.oosVal, oos_test_texts: data.oosTest });
}

const semeval = datasetFolder(root, 'semeval2014_restaurants', ['Restaurants_Train_v2.xml', 'Restaurants_Test_Gold.xml'], say);
if (semeval) {
  const { train, test } = loadSemEvalSentiment(semeval);
  const ours = ourMulticlass(train, test);
  add({ task: SENTENCE, data: 'train / test', system: 'frictionlens linear, trained (ours)', accuracy: ours.evaluation.accuracy, macroF1: ours.evaluation.macroF1, seconds: ours.seconds });
  baselineTasks.push({ name: SENTENCE, kind: 'multiclass', train, test });
  try {
    const zeroShot = await import('./sentiment-eval.js');
    const sentences = test.texts.map((text, i) => ({ id: String(i), text, label: test.labels[i] as 'positive' | 'negative' | 'neutral' }));
    for (const scorer of zeroShot.sentimentScorers()) {
      const started = performance.now();
      const r = zeroShot.evaluateSentiment(sentences, scorer);
      add({ task: SENTENCE, data: '- / test (zero-shot)', system: scorer.name, accuracy: r.accuracy, macroF1: r.macroF1, seconds: (performance.now() - started) / 1000 });
    }
  } catch (err) {
    say(`zero-shot sentiment rows skipped: bench/sentiment-eval.ts not usable (${(err as Error).message})`);
  }
  const aspects = loadSemEvalAspects(semeval);
  const pairs = ourMultiLabel(aspects.train, aspects.test);
  add({ task: ASPECT, data: 'train / test', system: 'frictionlens one-vs-rest, calibrated (ours)', other: `micro-F1 ${f4(pairs.microF1)}`, seconds: pairs.seconds });
  baselineTasks.push({ name: ASPECT, kind: 'multilabel', train: aspects.train, test: aspects.test });
}

if (baselineTasks.length > 0) {
  const python = ensureSklearn(say);
  if (python) {
    const results = runSklearn(python, join(here, 'quality', 'sklearn_baseline.py'), baselineTasks, say);
    for (const [task, models] of Object.entries(results)) {
      const at = qualityRows.findIndex((r) => r.task === task) + 1;
      const rows = Object.entries(models).map(([system, s]): QualityRow => ({
        task,
        data: qualityRows[at - 1]?.data ?? '',
        system: `scikit-learn ${system}`,
        ...(s.accuracy !== undefined ? { accuracy: s.accuracy } : {}),
        ...(s.macroF1 !== undefined ? { macroF1: s.macroF1 } : {}),
        ...(s.microF1 !== undefined ? { other: `micro-F1 ${f4(s.microF1)}` } : s.oosRecall !== undefined ? { other: `oos recall ${f4(s.oosRecall)}` } : {}),
        seconds: s.seconds,
      }));
      qualityRows.splice(at, 0, ...rows);
    }
  }
}

for (const produce of extraRowProducers) qualityRows.push(...(await produce(root, say)));

const date = new Date().toISOString().slice(0, 10);
const table = renderMarkdown(qualityRows);
const report = [
  `# Quality benchmark (${date})`,
  '',
  'Made by `npm run bench:quality` (bench/quality.bench.ts). Datasets from ../shared/datasets; the split named in',
  'each row trained the model and the other scored it. macro-F1 is over the gold classes; clinc150 accuracy and',
  'macro-F1 are on the in-scope test rows (a rejected in-scope row counts as wrong), oos recall on oos_test.',
  '',
  table,
  '',
  ...measurements.map((m) => `- ${m}`),
  ...notes.map((n) => `- note: ${n}`),
  '',
].join('\n');
process.stdout.write(`\n${table}\n\n${measurements.join('\n')}\n`);
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'quality.md'), report);
process.stderr.write(`wrote ${join(here, 'results', 'quality.md')}\n`);
