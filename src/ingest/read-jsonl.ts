import { InputError } from '../errors/index.js';
import { oversizedField } from './field-size.js';
import { MAX_FIELD_BYTES, MAX_RECORD_BYTES, megabytes } from './limits.js';
import type { ReaderOptions } from './reader-options.js';
import { isPlainObject, type SourceRecord } from './source-record.js';

/** Splits UTF-8 chunks into lines, never holding more than one line (bounded) at a time. */
async function* lines(chunks: AsyncIterable<Buffer>, path: string): AsyncGenerator<string> {
  let pending = '';
  let first = true;
  let lineNo = 0;
  for await (const chunk of chunks) {
    let text = chunk.toString('utf8');
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      lineNo++;
      yield pending + text.slice(start, nl);
      pending = '';
      start = nl + 1;
    }
    pending += text.slice(start);
    if (pending.length > MAX_RECORD_BYTES) {
      throw new InputError(`${path}: line ${lineNo + 1} is longer than ${megabytes(MAX_RECORD_BYTES)}`);
    }
  }
  if (pending.length > 0) yield pending;
}

/** JSON Lines: one object per line; a malformed line is a per-line problem, not fatal. */
export async function* readJsonl(chunks: AsyncIterable<Buffer>, path: string, options: ReaderOptions = {}): AsyncGenerator<SourceRecord> {
  // V8's JSON.parse messages quote the start of the text they failed on.
  const redact = options.redact ?? ((text: string) => text);
  let row = 0;
  for await (const raw of lines(chunks, path)) {
    row++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim().length === 0) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      yield { row, record: {}, problem: `line ${row}: not valid JSON (${redact((error as Error).message)})`, cause: 'not valid JSON' };
      continue;
    }
    if (!isPlainObject(value)) {
      yield { row, record: {}, problem: `line ${row}: expected a JSON object, got ${describe(value)}`, cause: 'not a JSON object' };
      continue;
    }
    if (line.length > MAX_FIELD_BYTES) {
      const field = oversizedField(value);
      if (field !== undefined) {
        throw new InputError(`${path}: line ${row}: field '${field}' is larger than ${megabytes(MAX_FIELD_BYTES)}`);
      }
    }
    yield { row, record: value };
  }
}

export const describe = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`);
