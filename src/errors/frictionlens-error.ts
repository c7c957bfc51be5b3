/**
 * The root of frictionlens's error vocabulary. Each subclass names what the caller can do
 * about it (fix the command, fix the input, start a service, wait and retry); the table in
 * outcomes.ts maps each one to an exit code, an HTTP status and a job retry decision.
 * An error that is not one of these is a bug.
 */
export class FrictionlensError extends Error {
  override readonly name: string = 'FrictionlensError';
}
