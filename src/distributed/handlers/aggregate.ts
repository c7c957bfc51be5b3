import { UnrecoverableError, type Job } from 'bullmq';
import { datasetOf, type RunCounts } from '../../contracts/index.js';
import { aggregateRun } from '../../pipeline/aggregate.js';
import { refreshDatasetRollups, writeRunRollups } from '../../pipeline/rollups.js';
import { jobIds, type IngestTotals } from '../../queue/run-flow.js';
import type { JobHandler } from '../handler.js';

/**
 * The aggregate stage, run by BullMQ once the run's ingest job and every batch are done:
 * the same aggregateRun as embedded mode (merge the stored partials, replace the insights).
 * The counts come from the partials, never from counters, and must account for every row
 * ingest read; if they do not, the run fails loudly instead of reporting partial insights.
 * The model version comes from the partials too (aggregateRun), not from this flow's
 * children: after a lost Redis or a resubmission, the batches may have run in another flow.
 * Before the run is done, its merged partial is stored by bucket and the dataset's rollups
 * of the buckets it touched are recomputed (pipeline/rollups.ts), so the dataset's view is
 * ready when the run shows as finished, without merging every batch again.
 */
export const aggregateHandler: JobHandler<{ runId: string }, RunCounts> = {
  stage: 'aggregate',
  async handle(job: Job<{ runId: string }>, ctx) {
    const { runId } = job.data;
    const ingest = await ingestTotals(job, runId);
    await ctx.store.updateRun(runId, { status: 'aggregating' });
    const { counts, modelVersions, generation, merged } = await aggregateRun(ctx, runId);
    if (counts.read !== ingest.rows) {
      throw new UnrecoverableError(`run ${runId}: ingest read ${ingest.rows} rows but the stored batches account for ${counts.read}`);
    }
    await writeRunRollups(ctx.store, runId, generation, merged);
    const runs = await ctx.store.listRuns();
    const run = runs.find((r) => r.id === runId)!;
    const finished = runs.filter((r) => datasetOf(r) === datasetOf(run) && (r.status === 'done' || r.id === runId));
    await refreshDatasetRollups(ctx.store, datasetOf(run), finished);
    await ctx.store.updateRun(runId, {
      status: 'done',
      finishedAt: new Date().toISOString(),
      // No batch (files without rows): no model analysed anything, and 'pending' would say one still will.
      ...(modelVersions.length === 0 ? { modelVersion: 'none' } : {}),
    });
    return counts;
  },
};

/**
 * What the run's ingest job returned: the rows the submitter read, which the stored batches
 * must account for. Without it the run cannot be checked, so it fails rather than be
 * reported done unchecked. Not retried: the value is read from the aggregate job's record
 * of its finished children in Redis, which a retry would read again unchanged (it is
 * missing only when Redis lost part of the flow); a resubmission rebuilds the flow with a
 * fresh ingest job and skips the stored batches.
 */
async function ingestTotals(job: Job<{ runId: string }>, runId: string): Promise<IngestTotals> {
  const children = (await job.getChildrenValues<Partial<IngestTotals>>()) ?? {};
  const ingest = Object.entries(children).find(([key]) => key.endsWith(`:ingest:${jobIds.ingest(runId)}`))?.[1];
  if (ingest?.rows === undefined || ingest.batches === undefined) {
    throw new UnrecoverableError(
      `run ${runId}: Redis holds no result of its ingest job (lost with part of the run's jobs?), so its stored batches cannot be checked against the rows read; resubmit it with 'frictionlens submit --run ${runId}' and the same files and flags`,
    );
  }
  return { rows: ingest.rows, batches: ingest.batches };
}
