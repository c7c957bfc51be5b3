import { FrictionlensError } from './frictionlens-error.js';

/**
 * A request without a key, or with one that is malformed, unknown, wrong or revoked. The
 * message never says which of those (nor echoes the key): a caller learns only that it needs
 * a valid key.
 */
export class UnauthorizedError extends FrictionlensError {
  override readonly name: string = 'UnauthorizedError';
}
