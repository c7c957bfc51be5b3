import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fromModelFile, ModelFileSchema, sentimentLabelProblem, toModelFile, type LinearModel } from '../core/classify/index.js';
import { formatIssues, InputError } from '../errors/index.js';
import { detectFormat, readRecords } from '../ingest/index.js';
import { readModelData } from './model-file.js';

/** Reads and validates a trained model file (frictionlens train); a sentiment model must have sentiment labels. */
export async function readModel(path: string): Promise<LinearModel> {
  const file = resolve(path);
  const json = readModelData(file, 'frictionlens model', 'json');
  const parsed = ModelFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new InputError(`${file} is not a frictionlens model: ${formatIssues(parsed.error, { max: 3 })}`);
  }
  let model: LinearModel;
  try {
    model = fromModelFile(parsed.data);
  } catch (err) {
    throw new InputError(`${file}: ${(err as Error).message}`);
  }
  const problem = model.task === 'sentiment' ? sentimentLabelProblem(model.labels) : undefined;
  if (problem) throw new InputError(`${file} is a sentiment model, but ${problem}`);
  return model;
}

/** Writes a model as JSON (weights quantised to int8 unless told otherwise); returns its size in bytes. */
export async function writeModel(path: string, model: LinearModel, encoding: 'float32' | 'int8' = 'int8'): Promise<number> {
  const text = JSON.stringify(toModelFile(model, encoding));
  await mkdir(dirname(resolve(path)), { recursive: true });
  await writeFile(path, text);
  return Buffer.byteLength(text);
}

export interface LabelledRow {
  text: string;
  labels: string[];
}

/**
 * The labelled rows of a CSV / JSONL / JSON file: `textColumn` and `labelColumn`, the label
 * cell split on `separator` when one is given (multi-label). Rows with an empty text or
 * no label are skipped and counted, not fatal: a codeframe export often has a few.
 */
export async function readLabelledRows(
  path: string,
  columns: { text: string; label: string },
  options: { format?: string; separator?: string } = {},
): Promise<{ rows: LabelledRow[]; skipped: number }> {
  const rows: LabelledRow[] = [];
  let skipped = 0;
  let seenColumns = false;
  for await (const { record, problem } of readRecords(path, detectFormat(path, options.format))) {
    if (problem !== undefined) {
      skipped++;
      continue;
    }
    if (!seenColumns) {
      for (const column of [columns.text, columns.label]) {
        if (!(column in record)) throw new InputError(`${path}: no column '${column}' (columns: ${Object.keys(record).join(', ')})`);
      }
      seenColumns = true;
    }
    const text = cell(record[columns.text]).trim();
    const raw = cell(record[columns.label]);
    const labels = (options.separator ? raw.split(options.separator) : [raw]).map((l) => l.trim()).filter(Boolean);
    if (text === '' || labels.length === 0) {
      skipped++;
      continue;
    }
    rows.push({ text, labels });
  }
  return { rows, skipped };
}

const cell = (value: unknown): string => (value === undefined || value === null ? '' : typeof value === 'string' ? value : String(value));
