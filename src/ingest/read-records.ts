import type { SourceFormat } from './format.js';
import { readCsv } from './read-csv.js';
import { readJsonArray } from './read-json.js';
import { readJsonl } from './read-jsonl.js';
import type { SourceRecord } from './source-record.js';
import { readUtf8Chunks } from './utf8-chunks.js';

const READERS: Readonly<Record<SourceFormat, (chunks: AsyncIterable<Buffer>, path: string) => AsyncGenerator<SourceRecord>>> = {
  csv: readCsv,
  jsonl: readJsonl,
  json: readJsonArray,
};

/**
 * Streams the records of one source file, pulled one at a time (the file is read only as
 * fast as the caller iterates). Fatal problems (missing file, invalid UTF-8, broken CSV, a
 * JSON file that is not an array of objects, a field over 5 MB) throw InputError naming the
 * file; a malformed JSONL line arrives as a record with `problem` set.
 */
export function readRecords(path: string, format: SourceFormat): AsyncIterable<SourceRecord> {
  return READERS[format](readUtf8Chunks(path), path);
}
