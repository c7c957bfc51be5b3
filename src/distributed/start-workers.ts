import { Worker } from 'bullmq';
import { redisConnection } from '../queue/connection.js';
import { throttled } from '../services/throttled-log.js';
import type { QueueSettings } from '../queue/run-queues.js';
import type { Stage } from '../queue/stages.js';
import type { JobHandler, WorkerContext } from './handler.js';
import { createHandlerRegistry } from './handler-registry.js';
import { jobProcessor } from './job-processor.js';

export interface WorkerOptions {
  stages: readonly Stage[];
  /** One handler per stage (distributed/handlers): the shell passes them in, so this plumbing depends on no handler. */
  handlers: readonly JobHandler[];
  /** Batches analysed at once by this process: 2 overlaps one batch's store writes with the next one's analysis. */
  concurrency: number;
  /**
   * How long a job's lock lasts without renewal: a worker that dies (kill -9, lost machine)
   * has its job taken over by another after about this long plus one stalled check. The
   * analysis of a batch runs in a thread of its own under the time budget; without one
   * (--budget-ms 0) it runs in this thread and delays renewals, so keep it well above the
   * time one batch takes (default 30 s).
   */
  lockMs: number;
}

export interface RunningWorkers {
  /** Stops taking jobs; waits for the current ones unless `force` (they are then recovered elsewhere). */
  close(force?: boolean): Promise<void>;
}

/** A job stalled this many times (its workers kept dying) fails instead of looping. */
const MAX_STALLED = 3;

/** One BullMQ worker per stage, all in this process, sharing the store and the analyzer. */
export function startWorkers(settings: QueueSettings, ctx: WorkerContext, options: WorkerOptions, log: (line: string) => void): RunningWorkers {
  const registry = createHandlerRegistry(options.handlers);
  const onRedisError = throttled(log);
  const connections = options.stages.map(() => redisConnection(settings.redisUrl, onRedisError));
  const workers = options.stages.map((stage, i) => {
    const worker = new Worker(stage, jobProcessor(registry.get(stage)!, ctx, log), {
      connection: connections[i]!,
      prefix: settings.prefix,
      // Aggregation merges a whole run in memory: one at a time per process.
      concurrency: stage === 'aggregate' ? 1 : options.concurrency,
      lockDuration: options.lockMs,
      stalledInterval: options.lockMs,
      maxStalledCount: MAX_STALLED,
    });
    worker.on('failed', (job, error) => {
      if (job) log(`${stage} job ${job.id} failed (attempt ${job.attemptsMade} of ${job.opts.attempts ?? 1}): ${error.message}`);
    });
    worker.on('stalled', (jobId) => log(`${stage} job ${jobId} stalled (its worker stopped); it runs again`));
    worker.on('error', onRedisError);
    return worker;
  });
  return {
    async close(force = false) {
      await Promise.all(workers.map((w) => w.close(force)));
      for (const c of connections) c.disconnect();
    },
  };
}
