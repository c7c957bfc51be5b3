import { stat } from 'node:fs/promises';
import { Channel, DatasetName, RunOptions } from '../contracts/index.js';
import { InputError, UsageError } from '../errors/index.js';
import { checkDateFormat } from '../ingest/date-format.js';
import { parseDelimiter } from '../ingest/delimiter.js';
import { DEFAULT_ENCODING, parseEncoding } from '../ingest/encoding.js';
import { detectFormat } from '../ingest/format.js';
import { loadMappingFile, parseMapArgs } from '../ingest/mapping.js';
import type { RunInput } from '../ingest/run-input.js';
import { DEFAULT_BATCH_SIZE } from '../pipeline/batches.js';
import { METRIC_HELP, parseByFlags, parseMetricFlag } from './insight-flags.js';

/** The flags that say how to read files, as `analyze` takes them (themes suggest takes these). */
export const READ_FLAGS = {
  format: { type: 'string' },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  'date-format': { type: 'string' },
  map: { type: 'string', multiple: true },
  mapping: { type: 'string' },
  channel: { type: 'string' },
  date: { type: 'string' },
  'batch-size': { type: 'string' },
} as const;

/** The read flags and the insight options: every flag of `analyze` that shapes a run (submit takes these). */
export const INGEST_FLAGS = {
  ...READ_FLAGS,
  dataset: { type: 'string' },
  bucket: { type: 'string' },
  by: { type: 'string', multiple: true },
  metric: { type: 'string' },
} as const;

/** The flags that say how a file's bytes and cells are read (the same lines in every command's help). */
export const READING_HELP = `  --format csv|tsv|jsonl|json
                            file format (default: from the extension: .csv, .tsv/.tab,
                            .jsonl/.ndjson, .json; any other extension is refused)
  --encoding NAME           the files' encoding: utf-8 (default), windows-1252, latin1,
                            utf-16le... (a byte-order mark decides by itself)
  --delimiter C             CSV field delimiter: ',', ';', tab, '|' or any one character
                            (default: guessed from the header and the first 20 rows)
  --date-format FORMAT      how the date column is written, in luxon tokens, e.g.
                            dd/MM/yyyy HH:mm (default: ISO 8601, RFC 2822, epoch s/ms,
                            Excel serial days, y/m/d; d/m/y or m/d/y as the values show)`;

export const READ_HELP = `${READING_HELP}
  --map TARGET=COLUMN       map a column to a field; repeatable (targets as in analyze --help)
  --mapping FILE            the same mapping as a JSON or YAML object
  --channel C               channel of rows without one (default: other)
  --date ISO                createdAt of rows when no date column is mapped
                            (default: the first file's modification time)
  --batch-size N            verbatims per batch (default: ${DEFAULT_BATCH_SIZE})`;

export const INGEST_HELP = `${READ_HELP}
  --dataset NAME            the dataset the run feeds (default: default); its runs share
                            --bucket and --by, and a verbatim id an earlier run of it
                            analysed counts once (submit: as a duplicate of the later run)
  --bucket day|week|month   time bucket for trends (default: week)
  --by FIELD                facet to slice by: channel, segment, attributes.NAME; repeatable
                            (another name is a usage error; an attribute no row carries
                            is named in a warning with the attributes the run has)
${METRIC_HELP}`;

export interface IngestFlagValues {
  format?: string;
  encoding?: string;
  delimiter?: string;
  'date-format'?: string;
  map?: string[];
  mapping?: string;
  channel?: string;
  date?: string;
  dataset?: string;
  bucket?: string;
  by?: string[];
  metric?: string;
  'batch-size'?: string;
}

/** Checks the ingest flags as `analyze` does, with the same messages. */
export async function ingestSettings(files: readonly string[], values: IngestFlagValues): Promise<RunInput> {
  const channel = Channel.safeParse(values.channel ?? 'other');
  if (!channel.success) throw new UsageError(`--channel: '${values.channel}' is not one of ${Channel.options.join(', ')}`);
  const metric = parseMetricFlag(values.metric);
  const dataset = values.dataset === undefined ? undefined : DatasetName.safeParse(values.dataset);
  if (dataset && !dataset.success) throw new UsageError(`--dataset: '${values.dataset}' ${dataset.error.issues[0]?.message ?? 'is not a dataset name'}`);
  const options = RunOptions.safeParse({
    // Left out when not given, so runs that name no dataset keep their fingerprint.
    ...(dataset ? { dataset: dataset.data } : {}),
    bucket: values.bucket ?? 'week',
    by: parseByFlags(values.by),
    ...(metric ? { metric } : {}),
  });
  if (!options.success) throw new UsageError(`--bucket: '${values.bucket}' is not one of day, week, month`);
  const batchSize = positiveInt('batch-size', values['batch-size']);
  const format = values.format === undefined ? undefined : detectFormat(files[0]!, values.format);
  const encoding = parseEncoding(values.encoding);
  const delimiter = parseDelimiter(values.delimiter);
  const dateFormat = values['date-format'] === undefined ? undefined : checkDateFormat(values['date-format']);
  const mapping = { ...(values.mapping ? await loadMappingFile(values.mapping) : {}), ...parseMapArgs(values.map ?? []) };
  // Each file's extension is checked with the files themselves, before any work (planSources).
  return {
    ...(format === undefined ? {} : { format }),
    // utf-8 is the default: left out, so runs that name no encoding keep their fingerprint.
    ...(encoding === DEFAULT_ENCODING ? {} : { encoding }),
    ...(delimiter === undefined ? {} : { delimiter }),
    ...(dateFormat === undefined ? {} : { dateFormat }),
    mapping,
    channel: channel.data,
    createdAt: values.date ? isoDate(values.date) : await fileDate(files[0]!),
    options: options.data,
    ...(batchSize === undefined ? {} : { batchSize }),
  };
}

export function positiveInt(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${flag}: '${value}' is not a positive whole number`);
  return n;
}

function isoDate(value: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new UsageError(`--date: '${value}' is not a date`);
  return d.toISOString();
}

async function fileDate(path: string): Promise<string> {
  const s = await stat(path).catch(() => {
    throw new InputError(`${path}: no such file`);
  });
  return s.mtime.toISOString();
}
