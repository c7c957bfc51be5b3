import { FrictionlensError } from './frictionlens-error.js';

/**
 * Unreadable, missing or malformed input: a data file, a taxonomy, a lexicon, a model, a
 * job payload, an unknown run. Retrying cannot fix it, so it is never retried.
 */
export class InputError extends FrictionlensError {
  override readonly name: string = 'InputError';
}
