import { Job } from 'bullmq';
import { InputError, TransientError } from '../errors/index.js';
import type { Batch } from '../contracts/index.js';
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

/** The run's flow is gone from Redis (a restarted Redis without persistence): rebuild it, which a retry does. */
export class FlowLostError extends TransientError {
  override readonly name: string = 'FlowLostError';
}

/**
 * The run as one BullMQ flow: route <- aggregate <- [ingest, batch, batch, ...].
 * Batches are added one by one as ingest produces them (so Redis holds only those in
 * flight), which a flow created in one call cannot do; the ingest job, held back with the
 * longest delay, keeps the aggregate waiting until the submitter has added the last batch
 * and releases it. Returns false when the flow already exists; a failed one is replaced,
 * or refused (InputError) while one of its batches is still being processed.
 */
export async function ensureRunFlow(q: RunQueues, runId: string): Promise<boolean> {
  const existing = await Job.fromId(q.queues.aggregate, jobIds.run(runId));
  if (existing) {
    if (!(await existing.isFailed())) return false;
    await removeFailedFlow(q, runId, existing);
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
        children: [
          {
            name: 'ingest',
            queueName: 'ingest',
            data: { runId, released: false } satisfies IngestJobData,
            opts: { ...RUN_JOB, jobId: jobIds.ingest(runId), delay: HELD },
          },
        ],
      },
    ],
  });
  return true;
}

/**
 * Drops a failed run's tree, so a resubmission can build it again. Refused while a worker
 * still runs one of its batches: BullMQ's own lock check does not reach the children of a
 * failed aggregate, and would delete the job under that worker. The refusal is an
 * InputError (exit code 3), like the other refusals of a run in the wrong state (`top` of a
 * run not done); it clears by itself, so the message says when. A batch taken between the
 * check and the removal loses its job: its writes are idempotent and it is enqueued again
 * unless its partial got stored, so nothing counts twice (its worker logs a missing job).
 */
async function removeFailedFlow(q: RunQueues, runId: string, aggregate: Job): Promise<void> {
  const busy = new InputError(
    `run ${runId} still has batches being processed; resubmit it when they finish (seconds, or up to the workers' --lock-ms if a worker died; frictionlens status ${runId})`,
  );
  if ((await batchesRunning(q, aggregate)) > 0) throw busy;
  // Route takes its children with it; aggregate is removed too in case route is gone
  // already; failed batches were removed when they failed (job-options.ts). 0: a lock seen.
  for (const stage of ['route', 'aggregate'] as const) {
    if ((await q.queues[stage].remove(jobIds.run(runId), { removeChildren: true })) === 0) throw busy;
  }
}

/** How many of the aggregate's batches not yet done are active (held by a worker). */
async function batchesRunning(q: RunQueues, aggregate: Job): Promise<number> {
  const analyzeKey = `${q.queueKey('analyze')}:`;
  const ids: string[] = [];
  let cursor = 0;
  do {
    const page = await aggregate.getDependencies({ unprocessed: { cursor, count: 1_000 } });
    ids.push(...(page.unprocessed ?? []).filter((key) => key.startsWith(analyzeKey)).map((key) => key.slice(analyzeKey.length)));
    cursor = page.nextUnprocessedCursor ?? 0;
  } while (cursor !== 0);
  const states = await Promise.all(ids.map((id) => q.queues.analyze.getJobState(id)));
  return states.filter((state) => state === 'active').length;
}

/** Adds one batch under the run's aggregate job; FlowLostError when that job is gone. */
export async function addBatch(q: RunQueues, batch: Batch): Promise<void> {
  try {
    await q.queues.analyze.add('analyze', batch, {
      ...BATCH_JOB,
      jobId: jobIds.batch(batch.runId, batch.key),
      parent: { id: jobIds.run(batch.runId), queue: q.queueKey('aggregate') },
    });
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
