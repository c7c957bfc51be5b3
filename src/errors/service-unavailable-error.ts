import { FrictionlensError } from './frictionlens-error.js';

/** A service cannot be reached at all (wrong URL, not running, gone for longer than we wait). */
export class ServiceUnavailableError extends FrictionlensError {
  override readonly name: string = 'ServiceUnavailableError';
}
