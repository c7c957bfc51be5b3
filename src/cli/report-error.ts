import { outcomeOf, UsageError } from '../errors/index.js';

/**
 * Prints an error for a person and returns its exit code (the table in errors/outcomes.ts).
 * Domain errors are the user's to act on and print in one line; anything else is a bug and
 * keeps its stack.
 */
export function reportError(error: unknown, write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): number {
  const outcome = outcomeOf(error);
  if (error instanceof UsageError) write(`frictionlens: ${error.message}\nRun 'frictionlens --help' for usage.`);
  else if (outcome.code !== 'internal') write(`frictionlens: ${(error as Error).message}`);
  else write(`frictionlens: internal error (a bug; please report it):\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return outcome.exitCode;
}
