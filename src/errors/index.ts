export { FrictionlensError } from './frictionlens-error.js';
export { UsageError } from './usage-error.js';
export { InputError } from './input-error.js';
export { NotFoundError } from './not-found-error.js';
export { ServiceUnavailableError } from './service-unavailable-error.js';
export { TransientError } from './transient-error.js';
export { RunFailedError } from './run-failed-error.js';
export { BUG, EXIT_OK, outcomeOf } from './outcomes.js';
export { formatIssues, describeIssue } from './zod-issues.js';
