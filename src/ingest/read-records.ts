import type { SourceFormat } from './format.js';
import { readCsv } from './read-csv.js';
import { readJsonArray } from './read-json.js';
import { readJsonl } from './read-jsonl.js';
import type { ReaderOptions } from './reader-options.js';
import type { SourceRecord } from './source-record.js';
import { readSourceChunks } from './utf8-chunks.js';

type Reader = (chunks: AsyncIterable<Buffer>, path: string, options: ReaderOptions) => AsyncGenerator<SourceRecord>;

const READERS: Readonly<Record<SourceFormat, Reader>> = {
  csv: readCsv,
  tsv: (chunks, path, options) => readCsv(chunks, path, { ...options, delimiter: options.delimiter ?? '\t' }),
  jsonl: readJsonl,
  json: readJsonArray,
};

export interface ReadRecordsOptions extends ReaderOptions {
  /** The file's encoding (default utf-8); a byte-order mark overrides it. */
  encoding?: string;
}

/**
 * Streams the records of one source file, pulled one at a time (the file is read only as
 * fast as the caller iterates). Fatal problems (missing file, invalid UTF-8, broken CSV, a
 * JSON file that is not an array of objects, a field over 5 MB) throw InputError naming the
 * file; a malformed JSONL line arrives as a record with `problem` set.
 */
export function readRecords(path: string, format: SourceFormat, options: ReadRecordsOptions = {}): AsyncIterable<SourceRecord> {
  const { encoding, ...reader } = options;
  return READERS[format](readSourceChunks(path, encoding), path, reader);
}
