import { FrictionlensError } from './frictionlens-error.js';

/** Wrong usage: an unknown flag, a missing argument, a malformed flag or query value. */
export class UsageError extends FrictionlensError {
  override readonly name: string = 'UsageError';
}
