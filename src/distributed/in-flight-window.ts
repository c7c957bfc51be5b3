import { setTimeout as sleep } from 'node:timers/promises';
import { batchesInFlight } from '../queue/run-flow.js';
import type { RunQueues } from '../queue/run-queues.js';

const POLL_MS = 50;

export interface InFlightWindow {
  /** Resolves once one more batch may be added without exceeding the limit. */
  slot(): Promise<void>;
  /** Counts a batch just added. */
  added(): void;
}

/**
 * Keeps a run's batches in Redis (added, not yet done) at most `limit`, without a round
 * trip per batch. The count is kept here, from Redis's at the start: an upper bound, since
 * only this submitter adds batches and workers only take them away (a re-added batch still
 * queued under its job id even counts twice). Only once the count reaches the limit is
 * Redis asked for the true one, and polled until a batch is done: the bound stays exact,
 * and a submitter whose window is not full pays nothing for it.
 */
export async function openInFlightWindow(q: RunQueues, runId: string, limit: number): Promise<InFlightWindow> {
  let counted = await batchesInFlight(q, runId);
  return {
    async slot() {
      while (counted >= limit) {
        counted = await batchesInFlight(q, runId);
        if (counted >= limit) await sleep(POLL_MS);
      }
    },
    added() {
      counted++;
    },
  };
}
