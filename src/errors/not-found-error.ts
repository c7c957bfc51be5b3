import { InputError } from './input-error.js';

/** Input that names something that does not exist (a run, a theme, a key): an input error. */
export class NotFoundError extends InputError {
  override readonly name: string = 'NotFoundError';
}
