import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseYaml } from '../core/parse-yaml.js';
import { InputError } from '../errors/index.js';

/**
 * The text of a model file (taxonomy, lexicon, cues, trained weights); a file that cannot
 * be read is an input error naming it (`what` says which kind of file it should have been).
 */
export function readModelText(path: string, what: string): string {
  const file = resolve(path);
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read ${what} ${file}: ${(err as Error).message}`);
  }
}

/** A JSON or YAML model file (by default, by its extension), parsed; malformed syntax is an input error naming the file. */
export function readModelData(path: string, what: string, format: 'json' | 'yaml' = path.endsWith('.json') ? 'json' : 'yaml'): unknown {
  const text = readModelText(path, what);
  try {
    return format === 'json' ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new InputError(`${resolve(path)} is not a valid ${what}: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** Runs a parser of the text's content, prefixing the file's path to its input errors. */
export function inFile<T>(path: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof InputError) err.message = `${resolve(path)}: ${err.message}`;
    throw err;
  }
}
