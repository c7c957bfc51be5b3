import type { Job } from 'bullmq';
import type { RunCounts } from '../../contracts/index.js';
import { processBatch } from '../../pipeline/process-batch.js';
import { parseBatch } from '../batch-data.js';
import type { JobHandler } from '../handler.js';

/**
 * The analyze stage: the same processBatch as embedded mode. A retry (or a batch re-run
 * after its worker died) stores the same analyses and partial under the same keys, which
 * the store counts as duplicates: nothing is counted twice. The batch's partial records
 * the analyzer's version, which the aggregate stage gives the run. A verbatim whose analysis
 * runs past the worker's time budget becomes a 'timeout' reject and the batch goes on.
 */
export const analyzeHandler: JobHandler<unknown, RunCounts> = {
  stage: 'analyze',
  async handle(job: Job<unknown>, ctx) {
    const stage = { store: ctx.store, analyzer: ctx.analyzer(), ...(ctx.analyzeBatch ? { analyzeBatch: ctx.analyzeBatch } : {}) };
    return processBatch(stage, parseBatch(job.data));
  },
};
