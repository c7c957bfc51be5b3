import { FrictionlensError } from './frictionlens-error.js';

/**
 * A service failed in a way a retry can fix: MongoDB or Redis went away mid-operation, a
 * webhook timed out. Adapters throw it (with the driver's error as `cause`); jobs retry it
 * with backoff; a command that meets it reports a lost service.
 */
export class TransientError extends FrictionlensError {
  override readonly name: string = 'TransientError';
}
