import {
  sentimentLabelProblem,
  trainClassifier,
  trainMultiLabel,
  type ExtraFeatureKind,
  type LinearModel,
  type TrainOptions,
} from '../../core/classify/index.js';
import { InputError, UsageError } from '../../errors/index.js';
import { readLabelledRows, writeModel, type LabelledRow } from '../../load/classifier.js';
import { loadSentimentLexicon } from '../../load/lexicon.js';
import { parseFlags } from '../parse-flags.js';

/** The lexicon and the NLP model behind extra features load only when a model needs them. */
export const loadExtraFeatures = (): Promise<typeof import('../../load/extra-features.js')> => import('../../load/extra-features.js');

export const TRAIN_HELP = `Usage: frictionlens train themes|sentiment --in FILE --map text=COLUMN --map label=COLUMN [options]

Trains a linear text classifier (hashed word + character n-grams, SVM) on labelled rows
and writes it as JSON, for 'analyze --model' and 'eval --model'. A sentiment model also
takes the lexicon's zero-shot score of each text as a feature (a hybrid of both), and
weights its classes inversely to their frequency, unless told otherwise.

Options:
  --in FILE               labelled rows: CSV, JSONL or JSON array
  --map text=COLUMN       the column holding the text
  --map label=COLUMN      the column holding the label: a theme id (label rows about no theme
                          'none': analyze never reports that label), or for sentiment positive,
                          negative and optionally neutral, in any case (nothing else)
  --label-sep SEP         labels are lists split on SEP: a multi-label model (one-vs-rest,
                          thresholds for the best micro-F1 on 5-fold out-of-fold scores)
  --unit verbatim|sentence
                          themes: what one row is, recorded in the model so 'analyze --model'
                          applies it to the same unit (default: verbatim, a whole text)
  --out FILE              where to write the model (default: models/trained/TASK.json)
  --seed N                shuffling seed (default: 7); the same seed gives the same model
  --cost C                SVM C (default: 1); lower regularises more
  --class-weight W        balanced (classes weighted inversely to their frequency) or none
                          (default: none for themes, balanced for sentiment)
  --balanced              the same as --class-weight balanced
  --text-only             sentiment: n-grams only, without the lexicon score feature
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
  'class-weight': { type: 'string' },
  'text-only': { type: 'boolean' },
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

/**
 * Sentiment labels are case-insensitive ("Positive" = "positive"); theme ids are kept as given.
 * Other sentiment labels ("pos", "conflict") are refused when training (trainOn), not mapped.
 */
export const normaliseLabels = (rows: LabelledRow[], task: Task): LabelledRow[] =>
  task === 'sentiment' ? rows.map((r) => ({ text: r.text, labels: r.labels.map((l) => l.toLowerCase()) })) : rows;

export interface TaskSetup {
  options: Partial<TrainOptions>;
  /** Extra dense features the model takes (sentiment: the lexicon score), if any. */
  extra?: ExtraFeatureKind;
  /**
   * The lexicon folder whose scores the extra features take (default: the bundled one). It
   * must be the lexicon the model will run with: the analyzer's `lexiconDir`.
   */
  lexiconDir?: string;
}

/**
 * Trains a model for `task` on labelled rows: multi-label when `multiLabel`, otherwise one
 * label per row; with the extra features the setup names, computed here from each text.
 * Sentiment rows must carry (normalised) sentiment labels: InputError otherwise.
 */
export async function trainOn(rows: readonly LabelledRow[], multiLabel: boolean, task: Task, setup: TaskSetup): Promise<LinearModel> {
  if (rows.length < 2) throw new UsageError(`only ${rows.length} labelled row(s): nothing to learn from`);
  if (task === 'sentiment') {
    const problem = sentimentLabelProblem([...new Set(rows.flatMap((r) => r.labels))].sort());
    if (problem) throw new InputError(`cannot train a sentiment model: ${problem}`);
  }
  const texts = rows.map((r) => r.text);
  const extra = setup.extra ? (await loadExtraFeatures()).extraRowsFor(setup.extra, texts, loadSentimentLexicon(setup.lexiconDir)) : undefined;
  if (multiLabel)
    return {
      ...trainMultiLabel(
        texts,
        rows.map((r) => r.labels),
        setup.options,
        extra,
      ),
      task,
    };
  const labels = rows.map((r) => r.labels[0]!);
  if (new Set(labels).size < 2) throw new UsageError('every row has the same label: a classifier needs at least two');
  return { ...trainClassifier(texts, labels, setup.options, extra), task };
}

/** Training options from the flags, with each task's defaults. */
export function taskSetup(task: Task, values: { seed?: string; cost?: string; balanced?: boolean; 'class-weight'?: string; 'text-only'?: boolean }): TaskSetup {
  const weight = values.balanced ? 'balanced' : (values['class-weight'] ?? (task === 'sentiment' ? 'balanced' : 'none'));
  if (weight !== 'balanced' && weight !== 'none') throw new UsageError(`--class-weight: '${weight}' is not balanced or none`);
  const options: Partial<TrainOptions> = {
    seed: parseNumberFlag('seed', values.seed, 7, Number.isInteger),
    cost: parseNumberFlag('cost', values.cost, 1, (n) => n > 0),
    classWeight: weight,
  };
  return task === 'sentiment' && !values['text-only'] ? { options, extra: 'lexicon-sentiment' } : { options };
}

const isUnit = (value: string): value is 'verbatim' | 'sentence' => value === 'verbatim' || value === 'sentence';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    ...LABELLED_INPUT_FLAGS,
    out: { type: 'string' },
    float32: { type: 'boolean' },
    unit: { type: 'string' },
  });
  if (values.help) {
    process.stdout.write(`${TRAIN_HELP}\n`);
    return 0;
  }
  const task = parseTask(positionals[0], 'train');
  if (!values.in) throw new UsageError('train needs --in FILE');
  const columns = parseColumns(values.map ?? []);
  const setup = taskSetup(task, values);
  const out = values.out ?? `models/trained/${task}.json`;
  const unit = values.unit ?? 'verbatim';
  if (!isUnit(unit)) throw new UsageError(`train: --unit is verbatim or sentence, not '${unit}'`);
  const { rows, skipped } = await readLabelledRows(values.in, columns, {
    ...(values.format ? { format: values.format } : {}),
    ...(values['label-sep'] ? { separator: values['label-sep'] } : {}),
  });
  const started = performance.now();
  const trained = await trainOn(normaliseLabels(rows, task), values['label-sep'] !== undefined, task, setup);
  // A sentiment model always scores sentences and verbatims alike; a theme model records its unit.
  const model = task === 'themes' ? { ...trained, unit } : trained;
  const seconds = (performance.now() - started) / 1000;
  const bytes = await writeModel(out, model, values.float32 ? 'float32' : 'int8');
  process.stdout.write(
    `trained ${task} (${model.kind}, ${model.labels.length} labels${model.extra ? `, with the ${model.extra} feature` : ''}) on ${rows.length} rows` +
      `${skipped ? ` (${skipped} skipped: empty text or label)` : ''} in ${seconds.toFixed(1)} s\n` +
      `wrote ${out} (${(bytes / 1e6).toFixed(1)} MB)\n`,
  );
  return 0;
}
