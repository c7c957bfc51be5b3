import type { Job } from 'bullmq';
import { InputError } from '../../errors/index.js';
import type { IngestJobData, IngestTotals } from '../../queue/run-flow.js';
import type { JobHandler } from '../handler.js';

/**
 * The ingest stage's job: the submitter read the run's files on its own machine and
 * enqueued every batch; releasing this job says so. Its result (rows read, batches) is what
 * the aggregate stage checks the stored partials against. Run only if never released means
 * the submitter stopped half way: that run cannot complete by itself.
 */
export const ingestHandler: JobHandler<IngestJobData, IngestTotals> = {
  stage: 'ingest',
  async handle(job: Job<IngestJobData>) {
    const { runId, released, rows, batches } = job.data;
    if (!released || rows === undefined || batches === undefined) {
      throw new InputError(`run ${runId}: its submitter stopped before reading every row; resubmit it with 'frictionlens submit --run ${runId} FILE...'`);
    }
    return { rows, batches };
  },
};
