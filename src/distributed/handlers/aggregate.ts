import { UnrecoverableError, type Job } from 'bullmq';
import type { RunCounts } from '../../contracts/index.js';
import { aggregateRun } from '../../pipeline/aggregate.js';
import type { IngestTotals } from '../../queue/run-flow.js';
import type { JobHandler } from '../handler.js';

/**
 * The aggregate stage, run by BullMQ once the run's ingest job and every batch are done:
 * the same aggregateRun as embedded mode (merge the stored partials, replace the insights).
 * The counts come from the partials, never from counters, and must account for every row
 * ingest read; if they do not, the run fails loudly instead of reporting partial insights.
 */
export const aggregateHandler: JobHandler<{ runId: string }, RunCounts> = {
  stage: 'aggregate',
  async handle(job: Job<{ runId: string }>, ctx) {
    const { runId } = job.data;
    const children = await job.getChildrenValues<Partial<IngestTotals & { modelVersion: string }>>();
    const ingest = Object.entries(children).find(([key]) => key.endsWith(`:ingest:${runId}.ingest`))?.[1];
    const versions = [...new Set(Object.values(children).flatMap((v) => (v.modelVersion ? [v.modelVersion] : [])))].sort();
    await ctx.store.updateRun(runId, { status: 'aggregating' });
    const { counts } = await aggregateRun(ctx, runId);
    if (ingest?.rows !== undefined && counts.read !== ingest.rows) {
      throw new UnrecoverableError(`run ${runId}: ingest read ${ingest.rows} rows but the stored batches account for ${counts.read}`);
    }
    await ctx.store.updateRun(runId, {
      status: 'done',
      finishedAt: new Date().toISOString(),
      ...(versions.length > 0 ? { modelVersion: versions.join(',') } : {}),
    });
    return counts;
  },
};
