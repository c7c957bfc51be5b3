import { InputError } from '../errors/index.js';
import { oversizedField } from './field-size.js';
import { JsonArrayScanner } from './json-array-scanner.js';
import { MAX_FIELD_BYTES, megabytes } from './limits.js';
import { describe } from './read-jsonl.js';
import type { ReaderOptions } from './reader-options.js';
import { isPlainObject, type SourceRecord } from './source-record.js';

/** A JSON file holding one array of objects, streamed element by element. */
export async function* readJsonArray(chunks: AsyncIterable<Buffer>, path: string, options: ReaderOptions = {}): AsyncGenerator<SourceRecord> {
  const redact = options.redact ?? ((text: string) => text);
  const scanner = new JsonArrayScanner();
  let row = 0;
  const fail = (error: unknown): never => {
    throw new InputError(`${path}: ${(error as Error).message}`);
  };
  for await (const chunk of chunks) {
    let texts: string[] = [];
    try {
      texts = scanner.feed(chunk.toString('utf8'));
    } catch (error) {
      fail(error);
    }
    for (const text of texts) {
      row++;
      yield { row, record: parseElement(text, row, path, redact) };
    }
  }
  try {
    scanner.finish();
  } catch (error) {
    fail(error);
  }
}

function parseElement(text: string, row: number, path: string, redact: (text: string) => string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8's JSON.parse messages quote the start of the text they failed on.
    throw new InputError(`${path}: element ${row}: not valid JSON (${redact((error as Error).message)})`);
  }
  if (!isPlainObject(value)) {
    throw new InputError(`${path}: element ${row}: expected an array of objects, got ${describe(value)}`);
  }
  if (text.length > MAX_FIELD_BYTES) {
    const field = oversizedField(value);
    if (field !== undefined) {
      throw new InputError(`${path}: element ${row}: field '${field}' is larger than ${megabytes(MAX_FIELD_BYTES)}`);
    }
  }
  return value;
}
