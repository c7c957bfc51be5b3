import { InputError } from '../errors/index.js';
import { oversizedField } from './field-size.js';
import { JsonArrayScanner } from './json-array-scanner.js';
import { MAX_FIELD_BYTES, megabytes } from './limits.js';
import { describe } from './read-jsonl.js';
import { isPlainObject, type SourceRecord } from './source-record.js';

/** A JSON file holding one array of objects, streamed element by element. */
export async function* readJsonArray(chunks: AsyncIterable<Buffer>, path: string): AsyncGenerator<SourceRecord> {
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
      yield { row, record: parseElement(text, row, path) };
    }
  }
  try {
    scanner.finish();
  } catch (error) {
    fail(error);
  }
}

function parseElement(text: string, row: number, path: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: element ${row}: not valid JSON (${(error as Error).message})`);
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
