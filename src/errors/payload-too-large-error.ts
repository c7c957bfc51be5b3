import { UsageError } from './usage-error.js';

/** A request body (an upload) over the size the server accepts: a usage error of its own status, 413. */
export class PayloadTooLargeError extends UsageError {
  override readonly name: string = 'PayloadTooLargeError';
}
