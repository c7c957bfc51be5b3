import { Job } from 'bullmq';
import type { Batch } from '../pipeline/types.js';
import { BATCH_JOB, HELD, RUN_JOB } from './job-options.js';
import type { RunQueues } from './run-queues.js';

/** Job ids derive from the run (and the batch key), so re-adding a job is a no-op. */
export const jobIds = {
  run: (runId: string) => runId,
  ingest: (runId: string) => `${runId}.ingest`,
  batch: (runId: string, key: string) => `${runId}.${key}`,
};

/** What the ingest job carries once the submitter has read every row. */
export interface IngestTotals {
  rows: number;
  batches: number;
}

export interface IngestJobData extends Partial<IngestTotals> {
  runId: string;
  released: boolean;
}

/** The run's flow is gone from Redis (a restarted Redis without persistence): rebuild it. */
export class FlowLostError extends Error {
  override readonly name = 'FlowLostError';
}

/**
 * The run as one BullMQ flow: route <- aggregate <- [ingest, batch, batch, ...].
 * Batches are added one by one as ingest produces them (so Redis holds only those in
 * flight), which a flow created in one call cannot do; the ingest job, held back with the
 * longest delay, keeps the aggregate waiting until the submitter has added the last batch
 * and releases it. Returns false when the flow already exists.
 */
export async function ensureRunFlow(q: RunQueues, runId: string): Promise<boolean> {
  const existing = await Job.fromId(q.queues.aggregate, jobIds.run(runId));
  if (existing) {
    if (!(await existing.isFailed())) return false;
    // A failed run being resubmitted: drop the old tree (route removes its children too;
    // failed batches are removed when they fail, job-options.ts).
    await (await Job.fromId(q.queues.route, jobIds.run(runId)))?.remove();
    await existing.remove().catch(() => {});
  }
  const { failParentOnFailure: _root, ...rootOptions } = RUN_JOB;
  await q.flow.add({
    name: 'route',
    queueName: 'route',
    data: { runId },
    opts: { ...rootOptions, jobId: jobIds.run(runId) },
    children: [
      {
        name: 'aggregate',
        queueName: 'aggregate',
        data: { runId },
        opts: { ...RUN_JOB, jobId: jobIds.run(runId) },
        children: [{ name: 'ingest', queueName: 'ingest', data: { runId, released: false } satisfies IngestJobData, opts: { ...RUN_JOB, jobId: jobIds.ingest(runId), delay: HELD } }],
      },
    ],
  });
  return true;
}

/** Adds one batch under the run's aggregate job; FlowLostError when that job is gone. */
export async function addBatch(q: RunQueues, batch: Batch): Promise<void> {
  try {
    await q.queues.analyze.add('analyze', batch, { ...BATCH_JOB, jobId: jobIds.batch(batch.runId, batch.key), parent: { id: jobIds.run(batch.runId), queue: q.queueKey('aggregate') } });
  } catch (error) {
    if (!(await Job.fromId(q.queues.aggregate, jobIds.run(batch.runId)))) throw new FlowLostError(`run ${batch.runId}: its flow is gone from Redis`);
    throw error;
  }
}

/** Batches added and not yet done (the ingest job excluded); FlowLostError when gone. */
export async function batchesInFlight(q: RunQueues, runId: string): Promise<number> {
  const parent = await Job.fromId(q.queues.aggregate, jobIds.run(runId));
  if (!parent) throw new FlowLostError(`run ${runId}: its flow is gone from Redis`);
  const { unprocessed = 0 } = await parent.getDependenciesCount({ unprocessed: true });
  return Math.max(0, unprocessed - 1);
}

/** Shows how far ingest got, for `status` (best effort). */
export async function reportIngest(q: RunQueues, runId: string, totals: IngestTotals): Promise<void> {
  await (await Job.fromId(q.queues.ingest, jobIds.ingest(runId)))?.updateProgress({ ...totals });
}

/** Ingest is complete: the ingest job runs, and the aggregate follows once batches are done. */
export async function releaseIngest(q: RunQueues, runId: string, totals: IngestTotals): Promise<void> {
  const job = await Job.fromId<IngestJobData>(q.queues.ingest, jobIds.ingest(runId));
  if (!job) throw new FlowLostError(`run ${runId}: its flow is gone from Redis`);
  await job.updateData({ runId, released: true, ...totals });
  await job.updateProgress({ ...totals });
  if (await job.isDelayed()) await job.promote();
}
