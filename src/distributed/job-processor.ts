import { UnrecoverableError, type Job } from 'bullmq';
import { InputError } from '../errors.js';
import type { JobHandler, WorkerContext } from './handler.js';

/**
 * Wraps a handler for BullMQ, mapping the error vocabulary to retry decisions at the edge:
 * InputError (bad input) fails the job at once with UnrecoverableError; anything else is
 * rethrown and retried with backoff (job-options.ts). When a job fails for good, its run
 * is marked failed in the store, so `status` says why.
 */
export function jobProcessor(handler: JobHandler, ctx: WorkerContext) {
  return async (job: Job): Promise<unknown> => {
    if (job.name !== handler.stage) throw new UnrecoverableError(`job '${job.name}' on the ${handler.stage} queue has no handler`);
    try {
      return await handler.handle(job, ctx);
    } catch (error) {
      const unrecoverable = error instanceof InputError || error instanceof UnrecoverableError;
      if (unrecoverable || job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await markRunFailed(job, error, ctx);
      if (error instanceof InputError) throw new UnrecoverableError(error.message);
      throw error;
    }
  };
}

async function markRunFailed(job: Job, error: unknown, ctx: WorkerContext): Promise<void> {
  const runId = (job.data as { runId?: unknown } | undefined)?.runId;
  if (typeof runId !== 'string') return;
  const message = error instanceof Error ? error.message : String(error);
  // Best effort: when the store is what failed, this write fails too; status still shows the job's failure from Redis.
  await ctx.store.updateRun(runId, { status: 'failed', error: `${job.name} job ${job.id}: ${message}` }).catch(() => {});
}
