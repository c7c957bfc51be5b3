import { FlowProducer, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { probeRedis, redisConnection } from './connection.js';
import { STAGES, type Stage } from './stages.js';

export interface QueueSettings {
  redisUrl: string;
  /** BullMQ key prefix: one per installation (and per test file). */
  prefix: string;
}

/** The queues of the four stages and the flow producer, on one connection. */
export interface RunQueues {
  readonly prefix: string;
  readonly connection: Redis;
  readonly queues: Record<Stage, Queue>;
  readonly flow: FlowProducer;
  /** The parent reference BullMQ wants: prefix, ":" and queue name. */
  queueKey(stage: Stage): string;
  close(): Promise<void>;
}

export async function openRunQueues(settings: QueueSettings, onError?: (error: Error) => void): Promise<RunQueues> {
  await probeRedis(settings.redisUrl);
  const connection = redisConnection(settings.redisUrl, onError);
  const options = { connection, prefix: settings.prefix };
  const queues = Object.fromEntries(STAGES.map((s) => [s, new Queue(s, options)])) as Record<Stage, Queue>;
  for (const q of Object.values(queues)) q.on('error', (e) => onError?.(e));
  const flow = new FlowProducer(options);
  flow.on('error', (e) => onError?.(e));
  return {
    prefix: settings.prefix,
    connection,
    queues,
    flow,
    queueKey: (stage) => `${settings.prefix}:${stage}`,
    async close() {
      await Promise.all([...Object.values(queues).map((q) => q.close()), flow.close()]);
      connection.disconnect();
    },
  };
}
