import { stat } from 'node:fs/promises';
import { InputError } from '../errors/index.js';
import { checkColumns, type ColumnsSeen } from './column-check.js';
import { DateColumnSample } from './date-column.js';
import type { DateReader } from './date-format.js';
import { RecordFields } from './fields.js';
import { detectFormat, type SourceFormat } from './format.js';
import type { FieldMapping } from './mapping.js';
import { defaultRedact } from './quote-value.js';
import { readRecords } from './read-records.js';
import { isPlainObject } from './source-record.js';

/** How files are read, as the ingest flags say (the same for every source of a run). */
export interface ReadSettings {
  /** Overrides the format detected from each file's extension. */
  format?: SourceFormat;
  /** The files' encoding (default utf-8; a byte-order mark overrides it). */
  encoding?: string;
  /** CSV and TSV: the field delimiter; guessed per file when absent. */
  delimiter?: string;
  /** Luxon tokens the date column is written in; when absent the column's values decide. */
  dateFormat?: string;
}

/** What the look at a source before its rows are read decided: how its rows are read. */
export interface SourcePlan {
  source: string;
  format: SourceFormat;
  readDate: DateReader;
}

export interface PlanOptions extends ReadSettings {
  mapping: FieldMapping;
  /** Redacts values quoted in error messages; default: the core redactor. */
  redact?: (text: string) => string;
}

/** Records whose keys stand for a JSON source's columns. */
const COLUMN_SAMPLE = 1_000;
const MAX_KEYS = 2_000;
const MAX_DEPTH = 3;

/**
 * Looks at every source before any row is analysed, so a run that cannot be read right
 * stops at once with exit code 3 instead of ending in rejects: each file must exist and
 * have a known format, hold every mapped column (a CSV's header, or a key of one of the
 * first 1,000 JSON records) and a text; its date column's reading is decided from its first
 * rows (date-column.ts). This pass reads records without analysing them, and stops as soon
 * as the reading is settled (10,000 rows, unless dates are still ambiguous).
 */
export async function planSources(sources: readonly string[], options: PlanOptions): Promise<SourcePlan[]> {
  const formats = sources.map((source) => detectFormat(source, options.format));
  for (const source of sources) {
    const info = await stat(source).catch(() => undefined);
    if (info === undefined) throw new InputError(`${source}: cannot open (no such file)`);
    if (!info.isFile()) throw new InputError(`${source}: is a directory or special file, not a data file`);
  }
  const plans: SourcePlan[] = [];
  for (const [i, source] of sources.entries()) plans.push(await planSource(source, formats[i]!, options));
  return plans;
}

async function planSource(source: string, format: SourceFormat, options: PlanOptions): Promise<SourcePlan> {
  const redact = options.redact ?? defaultRedact;
  let header: ColumnsSeen | undefined;
  const keys = new Set<string>();
  const dates = new DateColumnSample({ source, column: options.mapping.createdAt ?? 'createdAt' }, options.dateFormat, redact);
  const records = readRecords(source, format, {
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    redact,
    onColumns: (columns, delimiter) => {
      const names = new Set(columns);
      header = { columns, delimiter, has: (column) => names.has(column) };
    },
  });
  let parsed = 0;
  let checked = false;
  const check = (): void => {
    checked = true;
    const seen = header ?? { columns: [...keys], has: (column: string) => keys.has(column) };
    if (seen.columns.length > 0) checkColumns(source, options.mapping, seen);
  };
  for await (const { row, record, problem } of records) {
    if (problem !== undefined) continue;
    parsed++;
    if (header === undefined && parsed <= COLUMN_SAMPLE) addKeys(keys, record);
    if (!checked && (header !== undefined || parsed >= COLUMN_SAMPLE)) check();
    dates.add(new RecordFields(record, options.mapping).get('createdAt'), row);
    if (checked && dates.settled) break;
  }
  if (!checked) check();
  return { source, format, readDate: dates.reading() };
}

/** Top-level keys and dotted paths into nested objects ("meta.region"), as mappings may name them. */
function addKeys(keys: Set<string>, value: Record<string, unknown>, prefix = '', depth = 0): void {
  for (const [key, inner] of Object.entries(value)) {
    if (keys.size >= MAX_KEYS) return;
    const path = prefix + key;
    keys.add(path);
    if (depth < MAX_DEPTH && isPlainObject(inner)) addKeys(keys, inner, `${path}.`, depth + 1);
  }
}
