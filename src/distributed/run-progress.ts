import { Job } from 'bullmq';
import type { Run, RunCounts } from '../contracts/index.js';
import { NotFoundError } from '../errors/index.js';
import { jobIds, type IngestJobData, type IngestTotals } from '../queue/run-flow.js';
import type { Services } from '../services/open-services.js';

type RunStage = 'ingesting' | 'analyzing' | 'aggregating' | 'routing' | 'done' | 'failed' | 'lost';

/** What `status` prints and `submit --wait` draws: the store's run, and the queue's view of it. */
export interface RunProgress {
  run: Run;
  stage: RunStage;
  /** Rows ingest has read, and batches enqueued; final once ingest is released. */
  ingest: IngestTotals & { complete: boolean };
  /** Batches done (their partial is stored) and what their rows became so far. */
  done: { batches: number; counts: RunCounts };
  errors: string[];
}

/** Batch counts from the queue alone: cheap enough to poll for a progress bar. */
export async function queueProgress(
  services: Services,
  runId: string,
): Promise<{ exists: boolean; done: number; failed: boolean; failedReason?: string; ingest?: IngestTotals & { complete: boolean } }> {
  const { queues } = services;
  const parent = await Job.fromId(queues.queues.aggregate, jobIds.run(runId));
  const ingestJob = await Job.fromId<IngestJobData>(queues.queues.ingest, jobIds.ingest(runId));
  const ingest = ingestTotals(ingestJob);
  if (!parent) return { exists: false, done: 0, failed: false, ...(ingest ? { ingest } : {}) };
  const { processed = 0 } = await parent.getDependenciesCount({ processed: true });
  const ingestDone = ingestJob ? await ingestJob.isCompleted() : false;
  const failed = await parent.isFailed();
  return {
    exists: true,
    done: processed - (ingestDone ? 1 : 0),
    failed,
    ...(failed ? { failedReason: parent.failedReason } : {}),
    ...(ingest ? { ingest } : {}),
  };
}

function ingestTotals(job: Job<IngestJobData> | undefined): (IngestTotals & { complete: boolean }) | undefined {
  if (!job) return undefined;
  if (job.data.released && job.data.rows !== undefined && job.data.batches !== undefined)
    return { rows: job.data.rows, batches: job.data.batches, complete: true };
  const p = job.progress as Partial<IngestTotals> | number;
  return typeof p === 'object' && p.rows !== undefined && p.batches !== undefined ? { rows: p.rows, batches: p.batches, complete: false } : undefined;
}

/** The full picture for `status`: durable counts from the stored partials, the rest from Redis. */
export async function runProgress(services: Services, runId: string): Promise<RunProgress> {
  const run = await services.store.getRun(runId);
  if (!run) throw new NotFoundError(`no run '${runId}' in this database (frictionlens status takes the id submit printed)`);
  const [done, queue] = await Promise.all([services.store.partialProgress(runId), queueProgress(services, runId)]);
  const route = await Job.fromId(services.queues.queues.route, jobIds.run(runId));
  const errors = [run.error, queue.failedReason].filter((e): e is string => Boolean(e));
  const stage: RunStage =
    run.status === 'done'
      ? route && !(await route.isCompleted())
        ? 'routing'
        : 'done'
      : run.status === 'failed' || queue.failed
        ? 'failed'
        : run.status === 'aggregating'
          ? 'aggregating'
          : !queue.exists
            ? 'lost'
            : queue.ingest?.complete
              ? 'analyzing'
              : 'ingesting';
  if (stage === 'lost')
    errors.push(
      `Redis holds no jobs of this run (restarted without persistence?): resubmit it with 'frictionlens submit --run ${runId}' and the same files and flags`,
    );
  return {
    run,
    stage,
    ingest:
      queue.ingest ?? (run.status === 'done' ? { rows: run.counts.read, batches: done.batches, complete: true } : { rows: 0, batches: 0, complete: false }),
    done,
    errors,
  };
}
