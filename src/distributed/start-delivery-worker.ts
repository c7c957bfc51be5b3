import { Worker } from 'bullmq';
import { redisConnection } from '../queue/connection.js';
import { DELIVER_QUEUE } from '../queue/delivery-queue.js';
import type { QueueSettings } from '../queue/run-queues.js';
import { throttled } from '../services/throttled-log.js';
import { deliveryProcessor, type DeliveryContext } from './delivery-processor.js';
import type { RunningWorkers } from './start-workers.js';

/**
 * A BullMQ worker on the deliver queue. Sending is waiting on the network, not the CPU, so
 * one process keeps many messages in flight (`concurrency`); a slow receiver holds one
 * slot for at most the attempt's timeout.
 */
export function startDeliveryWorker(settings: QueueSettings, ctx: DeliveryContext, concurrency: number, log: (line: string) => void): RunningWorkers {
  const onRedisError = throttled(log);
  const connection = redisConnection(settings.redisUrl, onRedisError);
  const worker = new Worker(DELIVER_QUEUE, deliveryProcessor(ctx), {
    connection,
    prefix: settings.prefix,
    concurrency,
    // An attempt is bounded by its timeout; the lock outlasts it, so a live attempt is never
    // taken for a stalled one and sent twice at once.
    lockDuration: Math.max(30_000, ctx.send.timeoutMs * 3),
  });
  worker.on('failed', (job, error) => {
    if (job) log(`delivery ${job.id} attempt ${job.attemptsMade} of ${job.opts.attempts ?? 1} failed: ${error.message}`);
  });
  worker.on('error', onRedisError);
  return {
    async close(force = false) {
      await worker.close(force);
      connection.disconnect();
    },
  };
}
