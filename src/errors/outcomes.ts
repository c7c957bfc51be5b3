import { PayloadTooLargeError } from './payload-too-large-error.js';
import { ForbiddenError } from './forbidden-error.js';
import { FrictionlensError } from './frictionlens-error.js';
import { InputError } from './input-error.js';
import { NotFoundError } from './not-found-error.js';
import { RunFailedError } from './run-failed-error.js';
import { ServiceUnavailableError } from './service-unavailable-error.js';
import { TransientError } from './transient-error.js';
import { UnauthorizedError } from './unauthorized-error.js';
import { UsageError } from './usage-error.js';

/**
 * What a job does with a failure: fail it now (retrying cannot help), retry it with
 * backoff (a service may come back), or retry it once (a bug may be a race) and then fail
 * it with its stack.
 */
type RetryDecision = 'never' | 'backoff' | 'once';

export interface Outcome {
  /** Stable code for API bodies ({"error":{"code","message"}}) and logs. */
  code: string;
  exitCode: number;
  httpStatus: number;
  retry: RetryDecision;
}

/**
 * The one table from error to exit code, HTTP status and retry decision (README: "Errors
 * and exit codes"). Every shell maps errors through it; none defines codes of its own.
 * Subclasses come before their parents: the first match wins.
 */
const OUTCOMES: ReadonlyArray<readonly [abstract new (...args: never[]) => Error, Outcome]> = [
  [PayloadTooLargeError, { code: 'payload_too_large', exitCode: 2, httpStatus: 413, retry: 'never' }],
  [UsageError, { code: 'usage', exitCode: 2, httpStatus: 400, retry: 'never' }],
  [NotFoundError, { code: 'not_found', exitCode: 3, httpStatus: 404, retry: 'never' }],
  [InputError, { code: 'invalid_input', exitCode: 3, httpStatus: 422, retry: 'never' }],
  [ServiceUnavailableError, { code: 'service_unavailable', exitCode: 4, httpStatus: 503, retry: 'backoff' }],
  [TransientError, { code: 'service_unavailable', exitCode: 4, httpStatus: 503, retry: 'backoff' }],
  [RunFailedError, { code: 'run_failed', exitCode: 5, httpStatus: 409, retry: 'never' }],
  // Refused access: one exit code for both (the caller needs another key), retrying with the
  // same key cannot help.
  [UnauthorizedError, { code: 'unauthorized', exitCode: 6, httpStatus: 401, retry: 'never' }],
  [ForbiddenError, { code: 'forbidden', exitCode: 6, httpStatus: 403, retry: 'never' }],
];

/** Anything outside the vocabulary: a bug. */
export const BUG: Outcome = { code: 'internal', exitCode: 1, httpStatus: 500, retry: 'once' };

export const EXIT_OK = 0;

export function outcomeOf(error: unknown): Outcome {
  if (error instanceof FrictionlensError) for (const [type, outcome] of OUTCOMES) if (error instanceof type) return outcome;
  return BUG;
}
