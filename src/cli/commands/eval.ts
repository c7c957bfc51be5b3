import { createClassifier, evaluate, microF1, splitIndices, type Evaluation, type LinearModel } from '../../core/classify/index.js';
import { UsageError } from '../../errors/index.js';
import { readLabelledRows, readModel } from '../../load/classifier.js';
import { loadSentimentLexicon } from '../../load/lexicon.js';
import { parseFlags } from '../parse-flags.js';
import { LABELLED_INPUT_FLAGS, loadExtraFeatures, normaliseLabels, parseColumns, parseNumberFlag, parseTask, taskSetup, trainOn } from './train.js';

export const EVAL_HELP = `Usage: frictionlens eval themes|sentiment --in FILE --map text=COLUMN --map label=COLUMN [options]

Measures a text classifier on labelled rows: accuracy, macro-F1, per-class precision /
recall / F1 and the confusion matrix (the most frequent confusions when there are many
classes). Either scores a trained --model on every row, or trains on a seeded --split of
the file and scores the rest (the default: --split 0.8). It scores what 'analyze --model'
does with the model: a one-label model's best label; a multi-label model's labels at or
over their calibrated thresholds (possibly none).

Options:
  --in FILE               labelled rows: CSV, JSONL or JSON array
  --map text=COLUMN       the column holding the text
  --map label=COLUMN      the column holding the gold label
  --model FILE            a model from 'frictionlens train' (scores all rows)
  --split SHARE           train on SHARE of the rows, score the rest (default 0.8)
  --seed N                seed of the split and of training (default: 7)
  --cost C, --class-weight W, --balanced, --text-only
                          training options, as for 'train'
  --label-sep SEP         multi-label rows: scored by micro-averaged precision / recall / F1
  --format csv|jsonl|json file format (default: from the extension)
  --top N                 confusions to list (default: 10)
  --json                  print one JSON document
  -h, --help              this help

Exit codes: 0 ok, 2 usage error, 3 input error.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    ...LABELLED_INPUT_FLAGS,
    model: { type: 'string' },
    split: { type: 'string' },
    top: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(`${EVAL_HELP}\n`);
    return 0;
  }
  const task = parseTask(positionals[0], 'eval');
  if (!values.in) throw new UsageError('eval needs --in FILE');
  if (values.model && values.split) throw new UsageError('give --model (score a trained model) or --split (train and score), not both');
  const columns = parseColumns(values.map ?? []);
  const top = parseNumberFlag('top', values.top, 10, (n) => Number.isInteger(n) && n > 0);
  const multiLabel = values['label-sep'] !== undefined;
  const { rows: all } = await readLabelledRows(values.in, columns, {
    ...(values.format ? { format: values.format } : {}),
    ...(multiLabel ? { separator: values['label-sep'] } : {}),
  });
  const rows = normaliseLabels(all, task);

  let model: LinearModel;
  let scored = rows;
  let setup: string;
  if (values.model) {
    model = await readModel(values.model);
    const trainedFor = model.task ?? 'themes';
    if (trainedFor !== task) throw new UsageError(`${values.model} is a ${trainedFor} model: run 'eval ${trainedFor}'`);
    setup = `model ${values.model}, all ${rows.length} rows`;
  } else {
    const share = parseNumberFlag('split', values.split, 0.8, (n) => n > 0 && n < 1);
    const training = taskSetup(task, values);
    const seed = training.options.seed ?? 7;
    const { train, test } = splitIndices(rows.length, share, seed);
    if (test.length === 0) throw new UsageError(`--split ${share} leaves no rows to score`);
    model = await trainOn(
      train.map((i) => rows[i]!),
      multiLabel,
      task,
      training,
    );
    scored = test.map((i) => rows[i]!);
    setup = `trained on ${train.length} rows, scored on ${test.length} held-out rows (split ${share}, seed ${seed})`;
  }

  const classifier = createClassifier(model);
  // The bundled lexicon, as train and analyze use it (neither takes another from the command line).
  const extra = model.extra ? (await loadExtraFeatures()).createExtraFeatureSource(loadSentimentLexicon()) : undefined;
  const features = (text: string): Float32Array | undefined => extra?.(text);
  if (model.kind === 'multilabel') {
    // The model's own rule, as analyze applies it to each sentence: no label forced on a text.
    const predicted = scored.map((r) => classifier.decide(r.text, features(r.text)).map((l) => l.label));
    const micro = microF1(
      scored.map((r) => r.labels),
      predicted,
    );
    if (values.json) process.stdout.write(`${JSON.stringify({ task, setup, examples: scored.length, micro }, null, 2)}\n`);
    else process.stdout.write(`eval ${task}: ${setup}\nmicro precision ${fmt(micro.precision)}  recall ${fmt(micro.recall)}  F1 ${fmt(micro.f1)}\n`);
    return 0;
  }
  const evaluation = evaluate(
    scored.map((r) => r.labels[0]!),
    scored.map((r) => classifier.decide(r.text, features(r.text))[0]?.label ?? null),
    top,
  );
  if (values.json) process.stdout.write(`${JSON.stringify({ task, setup, ...evaluation }, null, 2)}\n`);
  else process.stdout.write(renderEvaluation(task, setup, evaluation));
  return 0;
}

const fmt = (x: number): string => x.toFixed(4);

/** The confusion matrix in full up to this many classes; beyond, only the top confusions. */
const FULL_MATRIX_UP_TO = 12;

export function renderEvaluation(task: string, setup: string, e: Evaluation): string {
  const width = Math.max(8, ...e.perClass.map((c) => c.label.length));
  const lines = [
    `eval ${task}: ${setup}`,
    `accuracy  ${fmt(e.accuracy)}`,
    `macro-F1  ${fmt(e.macroF1)}`,
    '',
    `${'class'.padEnd(width)}  precision  recall  F1      support`,
    ...e.perClass.map((c) => `${c.label.padEnd(width)}  ${fmt(c.precision)}     ${fmt(c.recall)}  ${fmt(c.f1)}  ${c.support}`),
    '',
  ];
  if (e.labels.length <= FULL_MATRIX_UP_TO) {
    const cellWidth = Math.max(6, ...e.labels.map((l) => l.length));
    lines.push('confusion matrix (rows: gold, columns: predicted)');
    lines.push(`${''.padEnd(width)}  ${e.labels.map((l) => l.padStart(cellWidth)).join(' ')}`);
    e.matrix.forEach((row, g) => {
      lines.push(`${e.labels[g]!.padEnd(width)}  ${row.map((n) => String(n).padStart(cellWidth)).join(' ')}`);
    });
  } else {
    lines.push(`top confusions (gold -> predicted: count), of ${e.labels.length} classes`);
    for (const c of e.topConfusions) lines.push(`  ${c.gold} -> ${c.predicted}: ${c.count}`);
  }
  return `${lines.join('\n')}\n`;
}
