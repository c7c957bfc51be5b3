import { setTimeout as sleep } from 'node:timers/promises';
import type { Run } from '../contracts/index.js';
import { FrictionlensError, ServiceUnavailableError } from '../errors.js';
import { asServiceError } from '../services/service-errors.js';
import type { Services } from '../services/open-services.js';
import { queueProgress } from './run-progress.js';

/** The run ended failed: its reason is the message. */
export class RunFailedError extends FrictionlensError {
  override readonly name = 'RunFailedError';
}

export interface WaitOptions {
  /** Batches done so far, and the run's batch count once ingest has read every row. */
  onProgress?: (done: number, total: number | undefined) => void;
  /** Called when Redis has lost the run's jobs: resubmit what is not done. */
  rebuild: () => Promise<void>;
  log?: (line: string) => void;
  pollMs?: number;
}

/**
 * Waits for a submitted run to be done, from the store's run document (durable) and the
 * queue's counts (for progress). A service that goes away is waited for, not fatal: MongoDB
 * calls fail after their 30 s server selection and are tried again; Redis commands wait
 * for the reconnection. A run whose jobs Redis lost is rebuilt.
 */
export async function waitForRun(services: Services, runId: string, options: WaitOptions): Promise<Run> {
  const pollMs = options.pollMs ?? 250;
  for (;;) {
    try {
      const run = await services.store.getRun(runId);
      if (run?.status === 'done') return run;
      if (run?.status === 'failed') throw new RunFailedError(run.error ?? 'failed');
      const queue = await queueProgress(services, runId);
      if (queue.failed) throw new RunFailedError(queue.failedReason ?? 'failed');
      if (!queue.exists) {
        // Gone from Redis while not done: unless it finished in between, rebuild it.
        if ((await services.store.getRun(runId))?.status !== 'done') await options.rebuild();
        continue;
      }
      options.onProgress?.(queue.done, queue.ingest?.complete ? queue.ingest.batches : undefined);
    } catch (error) {
      if (!(asServiceError(error) instanceof ServiceUnavailableError)) throw error;
      options.log?.(`waiting: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
    await sleep(pollMs);
  }
}
