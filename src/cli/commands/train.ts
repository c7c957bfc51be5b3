import { parseArgs } from 'node:util';
import { trainClassifier, trainMultiLabel, type LinearModel, type TrainOptions } from '../../core/classify/index.js';
import { UsageError } from '../../errors.js';
import { readLabelledRows, writeModel, type LabelledRow } from '../../load/classifier.js';

export const TRAIN_HELP = `Usage: frictionlens train themes|sentiment --in FILE --map text=COLUMN --map label=COLUMN [options]

Trains a linear text classifier (hashed word + character n-grams, SVM) on labelled rows
and writes it as JSON, for 'analyze --model' and 'eval --model'.

Options:
  --in FILE               labelled rows: CSV, JSONL or JSON array
  --map text=COLUMN       the column holding the text
  --map label=COLUMN      the column holding the label (theme id, or positive/negative/neutral)
  --label-sep SEP         labels are lists split on SEP: a multi-label model (one-vs-rest,
                          thresholds calibrated on a held-out 20% of the rows)
  --out FILE              where to write the model (default: models/trained/KIND.json)
  --seed N                shuffling seed (default: 7); the same seed gives the same model
  --cost C                SVM C (default: 1); lower regularises more
  --balanced              weight classes inversely to their frequency
  --format csv|jsonl|json file format (default: from the extension)
  --float32               keep full-precision weights (default: int8, 4x smaller)
  -h, --help              this help

Exit codes: 0 ok, 2 usage error, 3 input error.`;

export const TASKS = ['themes', 'sentiment'] as const;
export type Task = (typeof TASKS)[number];

/** Flags shared by train and eval. */
export const LABELLED_INPUT_FLAGS = {
  in: { type: 'string' },
  map: { type: 'string', multiple: true },
  'label-sep': { type: 'string' },
  format: { type: 'string' },
  seed: { type: 'string' },
  cost: { type: 'string' },
  balanced: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseTask(value: string | undefined, command: string): Task {
  if (value === undefined) throw new UsageError(`${command} needs a task: ${TASKS.join(' or ')}`);
  if (!(TASKS as readonly string[]).includes(value)) throw new UsageError(`${command}: unknown task '${value}'; tasks are ${TASKS.join(', ')}`);
  return value as Task;
}

/** `--map text=COL --map label=COL`: both required. */
export function parseColumns(maps: readonly string[]): { text: string; label: string } {
  const found: Record<string, string> = {};
  for (const pair of maps) {
    const eq = pair.indexOf('=');
    const key = eq > 0 ? pair.slice(0, eq).trim() : '';
    if (key !== 'text' && key !== 'label') throw new UsageError(`--map: '${pair}' is not text=COLUMN or label=COLUMN`);
    found[key] = pair.slice(eq + 1).trim();
  }
  if (!found.text || !found.label) throw new UsageError('--map text=COLUMN and --map label=COLUMN are both required');
  return { text: found.text, label: found.label };
}

export function parseNumberFlag(name: string, value: string | undefined, fallback: number, check: (n: number) => boolean): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || !check(n)) throw new UsageError(`--${name}: '${value}' is not valid`);
  return n;
}

/** Sentiment labels are case-insensitive ("Positive" = "positive"); theme ids are kept as given. */
export const normaliseLabels = (rows: LabelledRow[], task: Task): LabelledRow[] =>
  task === 'sentiment' ? rows.map((r) => ({ text: r.text, labels: r.labels.map((l) => l.toLowerCase()) })) : rows;

export function trainOn(rows: readonly LabelledRow[], multiLabel: boolean, options: Partial<TrainOptions>): LinearModel {
  if (rows.length < 2) throw new UsageError(`only ${rows.length} labelled row(s): nothing to learn from`);
  const texts = rows.map((r) => r.text);
  if (multiLabel) return trainMultiLabel(texts, rows.map((r) => r.labels), options);
  const labels = rows.map((r) => r.labels[0]!);
  if (new Set(labels).size < 2) throw new UsageError('every row has the same label: a classifier needs at least two');
  return trainClassifier(texts, labels, options);
}

export function trainOptions(values: { seed?: string; cost?: string; balanced?: boolean }): Partial<TrainOptions> {
  return {
    seed: parseNumberFlag('seed', values.seed, 7, Number.isInteger),
    cost: parseNumberFlag('cost', values.cost, 1, (n) => n > 0),
    classWeight: values.balanced ? 'balanced' : 'none',
  };
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...LABELLED_INPUT_FLAGS, out: { type: 'string' }, float32: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write(TRAIN_HELP + '\n');
    return 0;
  }
  const task = parseTask(positionals[0], 'train');
  if (!values.in) throw new UsageError('train needs --in FILE');
  const columns = parseColumns(values.map ?? []);
  const options = trainOptions(values);
  const out = values.out ?? `models/trained/${task}.json`;
  const { rows, skipped } = await readLabelledRows(values.in, columns, {
    ...(values.format ? { format: values.format } : {}),
    ...(values['label-sep'] ? { separator: values['label-sep'] } : {}),
  });
  const started = performance.now();
  const model = { ...trainOn(normaliseLabels(rows, task), values['label-sep'] !== undefined, options), task };
  const seconds = (performance.now() - started) / 1000;
  const bytes = await writeModel(out, model, values.float32 ? 'float32' : 'int8');
  process.stdout.write(
    `trained ${task} (${model.kind}, ${model.labels.length} labels) on ${rows.length} rows` +
      `${skipped ? ` (${skipped} skipped: empty text or label)` : ''} in ${seconds.toFixed(1)} s\n` +
      `wrote ${out} (${(bytes / 1e6).toFixed(1)} MB)\n`,
  );
  return 0;
}
