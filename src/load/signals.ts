import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { compileSignalCues, parseSignalCues, type SignalCues } from '../core/signals/cues.js';
import { packageRoot } from './taxonomy.js';

export const defaultSignalsPath = (): string => join(packageRoot(), 'models', 'signals.yaml');

/** Reads, validates and compiles the signal cues (default: the bundled models/signals.yaml). */
export function loadSignalCues(path: string = defaultSignalsPath()): SignalCues {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read signal cues ${file}: ${(err as Error).message}`);
  }
  try {
    return compileSignalCues(parseSignalCues(text));
  } catch (err) {
    if (err instanceof InputError) err.message = `${file}: ${err.message}`;
    throw err;
  }
}
