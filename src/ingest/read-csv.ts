import { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { InputError } from '../errors/index.js';
import { delimiterName, sniffDelimiter } from './delimiter.js';
import { readAhead, replay } from './read-ahead.js';
import { MAX_FIELD_BYTES, MAX_RECORD_BYTES, megabytes } from './limits.js';
import type { ReaderOptions } from './reader-options.js';
import type { SourceRecord } from './source-record.js';

/** Bytes read ahead to guess the delimiter: the header and the first records of any export. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Delimited text with a header row (CSV, TSV, semicolon or pipe separated), through
 * csv-parse's streaming parser: the pipe applies backpressure to the file, and rows are
 * pulled one at a time by the consumer. The delimiter is `options.delimiter`, else guessed
 * from the first 64 KB (delimiter.ts); line ends may be LF, CRLF or CR. Rows are keyed by
 * header here rather than by csv-parse's `columns` option so that a row with more fields
 * than the header (usually an unquoted delimiter in the text) becomes a reject instead of
 * being cut short.
 */
export async function* readCsv(chunks: AsyncIterable<Buffer>, path: string, options: ReaderOptions = {}): AsyncGenerator<SourceRecord> {
  const { head, rest, complete } = await readAhead(chunks, SNIFF_BYTES);
  const sniffed = options.delimiter === undefined ? sniffDelimiter(Buffer.concat(head).toString('utf8'), complete) : undefined;
  const delimiter = options.delimiter ?? sniffed!.delimiter;
  const source = Readable.from(replay(head, rest), { objectMode: false });
  const parser = parse({
    bom: true,
    delimiter,
    ...(sniffed?.sepLine ? { from_line: 2 } : {}),
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
        options.onColumns?.(header, delimiter);
        continue;
      }
      row++;
      if (fields.length > header.length) {
        const problem = `${fields.length} fields but the header has ${header.length}; is a ${delimiterName(delimiter)} in the text unquoted?`;
        yield { row, record: {}, problem: `row ${row}: ${problem}`, cause: 'more fields than the header' };
        continue;
      }
      const record: Record<string, string> = {};
      fields.forEach((value, i) => {
        record[header![i]!] = value;
      });
      checkFieldSizes(record, row, path);
      yield { row, record };
    }
    if (header === undefined) options.onColumns?.([], delimiter);
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (error instanceof CsvError) throw csvProblem(error, row + 1, path, options.redact);
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

function csvProblem(error: CsvError, row: number, path: string, redact: ((text: string) => string) | undefined): InputError {
  const where = (error as CsvError & { lines?: number }).lines;
  const line = where === undefined ? '' : ` (line ${where})`;
  // csv-parse's own messages may quote the cell they stopped at.
  const what =
    error.code === 'CSV_MAX_RECORD_SIZE'
      ? `the row is larger than ${megabytes(MAX_RECORD_BYTES)}`
      : error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted field is never closed'
        : (redact ?? ((t: string) => t))(error.message);
  return new InputError(`${path}: broken CSV at row ${row}${line}: ${what}`);
}
