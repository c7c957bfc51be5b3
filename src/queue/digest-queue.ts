import { Queue } from 'bullmq';
import type { Subscription } from '../contracts/index.js';
import { cadencePattern } from '../core/digest/cadence-period.js';
import { redisConnection } from './connection.js';
import type { QueueSettings } from './run-queues.js';

/** The queue of digest jobs: one BullMQ job scheduler per subscription feeds it (README "Digests"). */
export const DIGEST_QUEUE = 'digest';

const schedulerId = (subscriptionId: string): string => `digest-${subscriptionId}`;

export interface DigestSchedules {
  /**
   * Makes the schedulers match the subscriptions: one per subscription (upserted: a changed
   * cadence or zone takes effect), and none for a subscription that is gone.
   */
  sync(subscriptions: readonly Subscription[]): Promise<{ schedulers: number; removed: number }>;
  close(): Promise<void>;
}

export function openDigestSchedules(settings: QueueSettings, onError?: (error: Error) => void): DigestSchedules {
  const connection = redisConnection(settings.redisUrl, onError);
  const queue = new Queue(DIGEST_QUEUE, { connection, prefix: settings.prefix });
  queue.on('error', (e) => onError?.(e));
  return {
    async sync(subscriptions) {
      const wanted = new Set(subscriptions.map((s) => schedulerId(s.id)));
      const existing = new Map<string, string>();
      let removed = 0;
      for (const scheduler of await queue.getJobSchedulers(0, -1)) {
        if (!scheduler.key.startsWith('digest-')) continue;
        if (wanted.has(scheduler.key)) existing.set(scheduler.key, `${scheduler.pattern}|${scheduler.tz}`);
        else {
          await queue.removeJobScheduler(scheduler.key);
          removed++;
        }
      }
      for (const s of subscriptions) {
        // Only a new or changed schedule is written: every digest worker syncs every 30 s.
        if (existing.get(schedulerId(s.id)) === `${cadencePattern(s.cadence)}|${s.cadence.timeZone}`) continue;
        await queue.upsertJobScheduler(
          schedulerId(s.id),
          { pattern: cadencePattern(s.cadence), tz: s.cadence.timeZone },
          // A failed digest is retried (a store or Redis blip); finished jobs leave Redis, the digest is in MongoDB.
          {
            name: 'digest',
            data: { subscriptionId: s.id },
            opts: { attempts: 3, backoff: { type: 'exponential', delay: 5_000 }, removeOnComplete: true, removeOnFail: 100 },
          },
        );
      }
      return { schedulers: subscriptions.length, removed };
    },
    async close() {
      await queue.close();
      connection.disconnect();
    },
  };
}
