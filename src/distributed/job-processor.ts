import { UnrecoverableError, type Job } from 'bullmq';
import { outcomeOf } from '../errors/index.js';
import type { JobHandler, WorkerContext } from './handler.js';

/**
 * Wraps a handler for BullMQ, mapping the error vocabulary (errors/outcomes.ts) to retry
 * decisions at the edge:
 * - input errors fail the job at once (UnrecoverableError): retrying cannot fix them;
 * - transient and service errors are rethrown and retried with backoff (job-options.ts);
 * - anything else is a bug: retried once (it may be a race), then failed with its stack in
 *   the job's failure, instead of eight retries over two minutes that hide it.
 * When a job fails for good, its run is marked failed in the store, so `status` says why.
 */
export function jobProcessor(handler: JobHandler, ctx: WorkerContext, log: (line: string) => void) {
  return async (job: Job): Promise<unknown> => {
    if (job.name !== handler.stage) throw new UnrecoverableError(`job '${job.name}' on the ${handler.stage} queue has no handler`);
    try {
      return await handler.handle(job, ctx);
    } catch (error) {
      const outcome = outcomeOf(error);
      const attempt = job.attemptsMade + 1;
      const lastAttempt = attempt >= (job.opts.attempts ?? 1);
      const final = error instanceof UnrecoverableError || outcome.retry === 'never' || (outcome.retry === 'once' && attempt >= 2) || lastAttempt;
      const failure = outcome.code === 'internal' ? asBug(error) : error;
      if (final) await markRunFailed(job, failure, ctx, log);
      if (final && !(failure instanceof UnrecoverableError)) throw unrecoverable(failure);
      throw failure;
    }
  };
}

/** A bug's failure says so, and keeps the stack of where it happened. */
function asBug(error: unknown): Error {
  if (error instanceof UnrecoverableError) return error;
  const bug = new Error(`internal error (a bug): ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof Error && error.stack) bug.stack = `${bug.message}\n${error.stack.split('\n').slice(1).join('\n')}`;
  return bug;
}

/** BullMQ's "fail now" error, carrying the original message and stack into the job's failure. */
function unrecoverable(error: unknown): UnrecoverableError {
  const message = error instanceof Error ? error.message : String(error);
  const failure = new UnrecoverableError(message);
  if (error instanceof Error && error.stack) failure.stack = error.stack;
  return failure;
}

async function markRunFailed(job: Job, error: unknown, ctx: WorkerContext, log: (line: string) => void): Promise<void> {
  const runId = (job.data as { runId?: unknown } | undefined)?.runId;
  if (typeof runId !== 'string') return;
  const message = error instanceof Error ? error.message : String(error);
  try {
    await ctx.store.updateRun(runId, { status: 'failed', error: `${job.name} job ${job.id}: ${message}` });
  } catch (writeError) {
    // When the store is what failed, this write fails too; status still shows the job's
    // failure from Redis. Said in the log, so an operator sees why the run is not marked.
    log(`run ${runId}: could not record its failure in the store (${writeError instanceof Error ? writeError.message.split('\n')[0] : String(writeError)})`);
  }
}
