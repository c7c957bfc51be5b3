import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors/index.js';

/** node:util parseArgs with its errors as UsageError (exit code 2, no stack). */
export function parseFlags<const O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
