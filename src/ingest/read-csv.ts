import { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { InputError } from '../errors/index.js';
import { MAX_FIELD_BYTES, MAX_RECORD_BYTES, megabytes } from './limits.js';
import type { SourceRecord } from './source-record.js';

/**
 * CSV with a header row, through csv-parse's streaming parser: the pipe applies backpressure
 * to the file, and rows are pulled one at a time by the consumer. Rows are keyed by header
 * here rather than by csv-parse's `columns` option so that a row with more fields than the
 * header (usually an unquoted comma in the text) becomes a reject instead of being cut short.
 */
export async function* readCsv(chunks: AsyncIterable<Buffer>, path: string): AsyncGenerator<SourceRecord> {
  const source = Readable.from(chunks, { objectMode: false });
  const parser = parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
  });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let row = 0;
  let header: string[] | undefined;
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      if (header === undefined) {
        header = fields.map((name) => name.trim());
        continue;
      }
      row++;
      if (fields.length > header.length) {
        yield { row, record: {}, problem: `row ${row}: ${fields.length} fields but the header has ${header.length}; is a comma in the text unquoted?` };
        continue;
      }
      const record: Record<string, string> = {};
      fields.forEach((value, i) => {
        record[header![i]!] = value;
      });
      checkFieldSizes(record, row, path);
      yield { row, record };
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (error instanceof CsvError) throw csvProblem(error, row + 1, path);
    throw new InputError(`${path}: cannot read CSV (${(error as Error).message})`);
  } finally {
    source.destroy();
  }
}

function checkFieldSizes(record: Record<string, string>, row: number, path: string): void {
  for (const [column, value] of Object.entries(record)) {
    if (value.length > MAX_FIELD_BYTES / 4 && Buffer.byteLength(value, 'utf8') > MAX_FIELD_BYTES) {
      throw new InputError(`${path}: row ${row}: field '${column}' is larger than ${megabytes(MAX_FIELD_BYTES)}`);
    }
  }
}

function csvProblem(error: CsvError, row: number, path: string): InputError {
  const where = (error as CsvError & { lines?: number }).lines;
  const line = where === undefined ? '' : ` (line ${where})`;
  const what =
    error.code === 'CSV_MAX_RECORD_SIZE'
      ? `the row is larger than ${megabytes(MAX_RECORD_BYTES)}`
      : error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted field is never closed'
        : error.message;
  return new InputError(`${path}: broken CSV at row ${row}${line}: ${what}`);
}
