import { setTimeout as sleep } from 'node:timers/promises';
import type { Run } from '../contracts/index.js';
import { outcomeOf, RunFailedError, ServiceUnavailableError } from '../errors/index.js';
import type { Services } from '../services/open-services.js';
import { queueProgress } from './run-progress.js';

/** How long `submit --wait` waits without reaching its services before it gives up (README, submit --help). */
export const DEFAULT_GIVE_UP_MS = 5 * 60_000;

export interface WaitOptions {
  /** Batches done so far, and the run's batch count once ingest has read every row. */
  onProgress?: (done: number, total: number | undefined) => void;
  /** Called when Redis has lost the run's jobs: resubmit what is not done. */
  rebuild: () => Promise<void>;
  log?: (line: string) => void;
  pollMs?: number;
  /** Gives up (ServiceUnavailableError) after this long without an answer from the services. */
  giveUpMs?: number;
}

/**
 * Waits for a submitted run to be done, from the store's run document (durable) and the
 * queue's counts (for progress). A service that goes away is waited for, not fatal, for up
 * to `giveUpMs`: MongoDB calls fail (TransientError) and are tried again; Redis commands
 * hang until the connection is back, so each poll is raced against that deadline too. The
 * run goes on in the workers either way; giving up only ends the wait. A run whose jobs
 * Redis lost is rebuilt.
 */
export async function waitForRun(services: Services, runId: string, options: WaitOptions): Promise<Run> {
  const pollMs = options.pollMs ?? 250;
  const giveUpMs = options.giveUpMs ?? DEFAULT_GIVE_UP_MS;
  let lastAnswer = Date.now();
  for (;;) {
    try {
      const run = await beforeDeadline(poll(services, runId, options), lastAnswer + giveUpMs - Date.now());
      if (run) return run;
      lastAnswer = Date.now();
    } catch (error) {
      if (error instanceof GaveUp || outcomeOf(error).retry !== 'backoff') throw error instanceof GaveUp ? gaveUp(runId, giveUpMs, error.last) : error;
      options.log?.(`waiting: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      if (Date.now() - lastAnswer >= giveUpMs) throw gaveUp(runId, giveUpMs, error);
    }
    await sleep(pollMs);
  }
}

/** One look at the run: the run once done; undefined while it is not; RunFailedError when it failed. */
async function poll(services: Services, runId: string, options: WaitOptions): Promise<Run | undefined> {
  const run = await services.store.getRun(runId);
  if (run?.status === 'done') return run;
  if (run?.status === 'failed') throw new RunFailedError(`run ${runId} failed: ${run.error ?? 'no reason recorded'}`);
  const queue = await queueProgress(services, runId);
  if (queue.failed) throw new RunFailedError(`run ${runId} failed: ${queue.failedReason ?? 'no reason recorded'}`);
  if (!queue.exists) {
    // Gone from Redis while not done: unless it finished in between, rebuild it.
    if ((await services.store.getRun(runId))?.status !== 'done') await options.rebuild();
    return undefined;
  }
  options.onProgress?.(queue.done, queue.ingest?.complete ? queue.ingest.batches : undefined);
  return undefined;
}

class GaveUp extends Error {
  constructor(readonly last: unknown) {
    super('deadline');
  }
}

/** The promise, or GaveUp once `ms` have passed (the promise is left to settle on its own). */
async function beforeDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GaveUp(undefined)), Math.max(0, ms));
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function gaveUp(runId: string, giveUpMs: number, last: unknown): ServiceUnavailableError {
  const why = last instanceof Error ? `: ${last.message.split('\n')[0]}` : ' (Redis or MongoDB did not answer)';
  return new ServiceUnavailableError(
    `stopped waiting for run ${runId} after ${Math.round(giveUpMs / 1000)} s without its services${why}; ` +
      `the run goes on in the workers once they are back: frictionlens status ${runId}`,
  );
}
