/**
 * The small error vocabulary of frictionlens. Shells map these to exit codes, HTTP
 * statuses or job retry decisions; anything else is a bug and gets a stack trace.
 */
export class FrictionlensError extends Error {
  override readonly name: string = 'FrictionlensError';
}

/** Wrong command-line usage: exit code 2. */
export class UsageError extends FrictionlensError {
  override readonly name = 'UsageError';
}

/** Unreadable, missing or malformed input (file, taxonomy, model): exit code 3; never retried. */
export class InputError extends FrictionlensError {
  override readonly name = 'InputError';
}

/** A service (Redis, MongoDB, webhook) failed in a way worth retrying with backoff. */
export class TransientError extends FrictionlensError {
  override readonly name = 'TransientError';
}

/** A service cannot be reached at all (wrong URL, not running): exit code 4 in the CLI. */
export class ServiceUnavailableError extends FrictionlensError {
  override readonly name = 'ServiceUnavailableError';
}
