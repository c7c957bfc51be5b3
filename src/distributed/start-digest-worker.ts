import { UnrecoverableError, type Job, Worker } from 'bullmq';
import { cadencePeriod } from '../core/digest/cadence-period.js';
import { outcomeOf } from '../errors/index.js';
import { redisConnection } from '../queue/connection.js';
import { DIGEST_QUEUE, openDigestSchedules } from '../queue/digest-queue.js';
import type { QueueSettings } from '../queue/run-queues.js';
import { throttled } from '../services/throttled-log.js';
import type { Store } from '../store/store.js';
import type { RoutingContext } from './routing-context.js';
import { sendDigest } from './send-digest.js';
import type { RunningWorkers } from './start-workers.js';

/** How often a digest worker makes the schedulers match the subscriptions (added, removed, changed). */
const SYNC_MS = 30_000;

/**
 * The digest worker: keeps one job scheduler per subscription (synced at start and every 30
 * s, so a subscription added or removed anywhere is scheduled or unscheduled within that),
 * and builds, stores and sends each digest its scheduler fires (send-digest.ts), for the
 * period its cadence just ended. A subscription removed meanwhile fails its job at once.
 */
export async function startDigestWorker(settings: QueueSettings, store: Store, ctx: RoutingContext, log: (line: string) => void): Promise<RunningWorkers> {
  const onRedisError = throttled(log);
  const schedules = openDigestSchedules(settings, onRedisError);
  const sync = async (): Promise<void> => {
    try {
      await schedules.sync(await ctx.subscriptions.list());
    } catch (error) {
      log(`digest schedules not synced (tried again in ${SYNC_MS / 1000} s): ${(error as Error).message}`);
    }
  };
  await sync();
  const timer = setInterval(() => void sync(), SYNC_MS);
  timer.unref();
  const connection = redisConnection(settings.redisUrl, onRedisError);
  const worker = new Worker(
    DIGEST_QUEUE,
    async (job: Job<{ subscriptionId: string }>) => {
      try {
        const subscription = await ctx.subscriptions.get(job.data.subscriptionId);
        const { digest, delivery } = await sendDigest(
          store,
          ctx,
          subscription,
          cadencePeriod(subscription.cadence, new Date(job.processedOn ?? Date.now())),
          true,
        );
        return { digest: digest.id, delivery: delivery.id };
      } catch (error) {
        // The error vocabulary decides: a removed subscription (NotFound) is not retried.
        if (outcomeOf(error).retry === 'never') throw new UnrecoverableError((error as Error).message);
        throw error;
      }
    },
    { connection, prefix: settings.prefix, concurrency: 2 },
  );
  worker.on('failed', (job, error) => {
    if (job) log(`digest job ${job.id} failed (attempt ${job.attemptsMade} of ${job.opts.attempts ?? 1}): ${error.message}`);
  });
  worker.on('error', onRedisError);
  return {
    async close(force = false) {
      clearInterval(timer);
      await worker.close(force);
      await schedules.close();
      connection.disconnect();
    },
  };
}
