import type { Job } from 'bullmq';
import type { RunCounts } from '../../contracts/index.js';
import { processBatch } from '../../pipeline/process-batch.js';
import { parseBatch } from '../batch-data.js';
import type { JobHandler } from '../handler.js';

export interface AnalyzeResult extends RunCounts {
  modelVersion: string;
}

/**
 * The analyze stage: the same processBatch as embedded mode. A retry (or a batch re-run
 * after its worker died) stores the same analyses and partial under the same keys, which
 * the store counts as duplicates: nothing is counted twice.
 */
export const analyzeHandler: JobHandler<unknown, AnalyzeResult> = {
  stage: 'analyze',
  async handle(job: Job<unknown>, ctx) {
    const batch = parseBatch(job.data);
    const analyzer = ctx.analyzer();
    const counts = await processBatch({ store: ctx.store, analyzer }, batch);
    return { ...counts, modelVersion: analyzer.version };
  },
};
