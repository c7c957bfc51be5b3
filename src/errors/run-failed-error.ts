import { FrictionlensError } from './frictionlens-error.js';

/** A run that was waited for ended failed; the message is its recorded reason. */
export class RunFailedError extends FrictionlensError {
  override readonly name: string = 'RunFailedError';
}
