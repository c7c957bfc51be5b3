import { Queue, type JobsOptions } from 'bullmq';
import type { DeliveryJob } from '../contracts/index.js';
import { TransientError } from '../errors/index.js';
import { probeRedis, redisConnection } from './connection.js';
import type { QueueSettings } from './run-queues.js';

/** The queue of webhook deliveries: its own, beside the stages of runs, fed by whatever routes a message. */
export const DELIVER_QUEUE = 'deliver';

/** How often and how patiently a delivery is tried (README "Webhooks"). */
export interface DeliveryRetries {
  /** Attempts in all, the first included; after the last a delivery is a dead letter. */
  attempts: number;
  /** Retry n waits up to backoffMs x 2^(n-1). */
  backoffMs: number;
  /** The share of that wait that is random: retry n waits between (1 - jitter) and 1 times it. */
  jitter: number;
}

/**
 * 8 attempts, 30 s doubling, half of it random: retries after ~15-30 s, 1 min, 2, 4, 8, 16
 * and 32 min, so an endpoint down for about an hour still gets its message. The jitter
 * spreads the retries of many messages that failed at once (a receiver's outage) instead of
 * sending them all back together when it returns.
 */
export const DEFAULT_DELIVERY_RETRIES: DeliveryRetries = { attempts: 8, backoffMs: 30_000, jitter: 0.5 };

/**
 * The job id is the webhook id: adding a message twice is a no-op while its job exists.
 * Jobs leave Redis when they end, delivered or not: the delivery log in MongoDB keeps the
 * outcome, and a payload (a digest's quotes) is not kept in Redis longer than it is needed.
 */
function jobOptions(id: string, retries: DeliveryRetries): JobsOptions {
  return {
    jobId: id,
    attempts: retries.attempts,
    backoff: { type: 'exponential', delay: retries.backoffMs, jitter: retries.jitter },
    removeOnComplete: true,
    removeOnFail: true,
  };
}

export interface DeliveryQueue {
  /** Queues one series of attempts of a message (again, for a redrive: an ended job of the same id is replaced). */
  add(job: DeliveryJob): Promise<void>;
  close(): Promise<void>;
}

export async function openDeliveryQueue(settings: QueueSettings, retries: DeliveryRetries, onError?: (error: Error) => void): Promise<DeliveryQueue> {
  await probeRedis(settings.redisUrl);
  const connection = redisConnection(settings.redisUrl, onError);
  const queue = new Queue<DeliveryJob>(DELIVER_QUEUE, { connection, prefix: settings.prefix });
  queue.on('error', (e) => onError?.(e));
  return {
    async add(job) {
      // A redriven message's job may not have left Redis yet, which would make this add a
      // no-op: a failed one is removed; an active one is still recording its failure, a
      // moment away. A first round has a new id, with no job before it.
      if (job.round > 0) {
        const state = await queue.getJobState(job.id);
        if (state === 'active') throw new TransientError(`delivery ${job.id} is finishing its last attempt; try again in a moment`);
        if (state === 'failed') await queue.remove(job.id);
      }
      await queue.add(job.type, job, jobOptions(job.id, retries));
    },
    async close() {
      await queue.close();
      connection.disconnect();
    },
  };
}
