import { FrictionlensError } from './frictionlens-error.js';

/** A valid key without the scope a route needs, or a route that no scope opens (access is refused by default). */
export class ForbiddenError extends FrictionlensError {
  override readonly name: string = 'ForbiddenError';
}
