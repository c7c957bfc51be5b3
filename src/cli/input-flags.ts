import { stat } from 'node:fs/promises';
import { Channel } from '../contracts/index.js';
import { InputError, UsageError } from '../errors.js';
import { detectFormat, type SourceFormat } from '../ingest/format.js';
import { loadMappingFile, parseMapArgs, type FieldMapping } from '../ingest/mapping.js';

/** The flags that say how to read input files, as `analyze` takes them (parseArgs options). */
export const INPUT_FLAG_OPTIONS = {
  format: { type: 'string' },
  map: { type: 'string', multiple: true },
  mapping: { type: 'string' },
  channel: { type: 'string' },
  date: { type: 'string' },
} as const;

export const INPUT_FLAGS_HELP = `  --format csv|jsonl|json   file format (default: from the extension)
  --map TARGET=COLUMN       map a column to a field; repeatable (as in analyze)
  --mapping FILE            the same mapping as a JSON or YAML object
  --channel C               channel of rows without one (default: other)
  --date ISO                createdAt of rows when no date column is mapped`;

export interface InputFlagValues {
  format?: string | undefined;
  map?: string[] | undefined;
  mapping?: string | undefined;
  channel?: string | undefined;
  date?: string | undefined;
}

export interface InputRequest {
  format?: SourceFormat;
  mapping: FieldMapping;
  channel: Channel;
  createdAt: string;
}

/** Validates the input flags of `files` into the parts of an embedded run request. */
export async function inputRequest(files: readonly string[], values: InputFlagValues): Promise<InputRequest> {
  const channel = Channel.safeParse(values.channel ?? 'other');
  if (!channel.success) throw new UsageError(`--channel: '${values.channel}' is not one of ${Channel.options.join(', ')}`);
  for (const f of files) detectFormat(f, values.format);
  const mapping = { ...(values.mapping ? await loadMappingFile(values.mapping) : {}), ...parseMapArgs(values.map ?? []) };
  let createdAt: string;
  if (values.date) {
    const d = new Date(values.date);
    if (Number.isNaN(d.getTime())) throw new UsageError(`--date: '${values.date}' is not a date`);
    createdAt = d.toISOString();
  } else {
    const s = await stat(files[0]!).catch(() => {
      throw new InputError(`${files[0]}: no such file`);
    });
    createdAt = s.mtime.toISOString();
  }
  return { ...(values.format ? { format: detectFormat(files[0]!, values.format) } : {}), mapping, channel: channel.data, createdAt };
}
