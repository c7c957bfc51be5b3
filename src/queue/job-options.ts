import type { JobsOptions } from 'bullmq';

/**
 * Retries: a transient failure (MongoDB or Redis away, a webhook down) is retried with
 * exponential backoff, 1 s doubling, 8 attempts in all: about 2 minutes of outage is
 * absorbed before a job fails for good. Bad input is never retried and a bug is retried
 * once: job-processor.ts decides from the error (errors/outcomes.ts).
 */
const RETRIES: JobsOptions = { attempts: 8, backoff: { type: 'exponential', delay: 1_000 } };

const WEEK_S = 7 * 24 * 3600;

/**
 * A batch job: its payload (the batch's verbatims) leaves Redis once done, so Redis holds
 * only the batches in flight; the parent keeps each child's small return value (its counts).
 * A batch that fails for good fails its run (its parent, with the reason) instead of leaving
 * it waiting, and is removed too: its payload is customer text not yet redacted, which must
 * not stay in Redis (the reason stays on the run, in Redis and in the store).
 */
export const BATCH_JOB: JobsOptions = { ...RETRIES, removeOnComplete: true, removeOnFail: true, failParentOnFailure: true };

/** The longest delay BullMQ accepts: "until the submitter releases it" (run-flow.ts). */
export const HELD = 2 ** 31 - 1;

/** Run-level jobs (ingest, aggregate, route) stay a week after the run, for `status`. */
export const RUN_JOB: JobsOptions = { ...RETRIES, removeOnComplete: { age: WEEK_S }, removeOnFail: { age: WEEK_S }, failParentOnFailure: true };
