import { extname } from 'node:path';
import { InputError, UsageError } from '../errors/index.js';

const SOURCE_FORMATS = ['csv', 'tsv', 'jsonl', 'json'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

const BY_EXTENSION: Readonly<Record<string, SourceFormat>> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
};

const isSourceFormat = (value: string): value is SourceFormat => (SOURCE_FORMATS as readonly string[]).includes(value);

/**
 * The format named by `override` (a --format flag) or else by the file's extension. A bad
 * flag is a usage error (exit 2); a file whose extension names no format is an input error
 * (exit 3), as for any other file that cannot be read.
 */
export function detectFormat(path: string, override?: string): SourceFormat {
  if (override !== undefined) {
    const wanted = override.toLowerCase();
    if (isSourceFormat(wanted)) return wanted;
    throw new UsageError(`--format: '${override}' is not one of ${SOURCE_FORMATS.join(', ')}`);
  }
  const format = BY_EXTENSION[extname(path).toLowerCase()];
  if (format === undefined) {
    throw new InputError(
      `${path}: cannot tell the format from the extension; name it .csv, .tsv, .jsonl, .ndjson or .json, or pass --format ${SOURCE_FORMATS.join('|')}`,
    );
  }
  return format;
}
