import { InputError, ServiceUnavailableError, UsageError } from '../errors.js';

export const EXIT = { ok: 0, internal: 1, usage: 2, input: 3, service: 4 } as const;

/**
 * Maps an error to an exit code and a one-line message. Domain errors are the user's to act
 * on and print without a stack; anything else is a bug and keeps its stack.
 */
export function reportError(error: unknown, write: (line: string) => void = (l) => process.stderr.write(l + '\n')): number {
  if (error instanceof UsageError) {
    write(`frictionlens: ${error.message}\nRun 'frictionlens --help' for usage.`);
    return EXIT.usage;
  }
  if (error instanceof InputError) {
    write(`frictionlens: ${error.message}`);
    return EXIT.input;
  }
  if (error instanceof ServiceUnavailableError) {
    write(`frictionlens: ${error.message}`);
    return EXIT.service;
  }
  write(`frictionlens: internal error (a bug; please report it):\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return EXIT.internal;
}
