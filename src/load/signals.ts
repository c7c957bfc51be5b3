import { join } from 'node:path';
import { compileSignalCues, parseSignalCues, type SignalCues } from '../core/signals/cues.js';
import { inFile, readModelText } from './model-file.js';
import { packageRoot } from './taxonomy.js';

export const defaultSignalsPath = (): string => join(packageRoot(), 'models', 'signals.yaml');

/** Reads, validates and compiles the signal cues (default: the bundled models/signals.yaml). */
export function loadSignalCues(path: string = defaultSignalsPath()): SignalCues {
  const text = readModelText(path, 'signal cues');
  return inFile(path, () => compileSignalCues(parseSignalCues(text)));
}
