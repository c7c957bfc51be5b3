import { workerData } from 'node:worker_threads';
import type { InsightPartial } from '../core/insights/partial-types.js';
import { loadAnalyzer } from '../load/analyzer.js';
import { analyzeBatch } from '../pipeline/analyze-batch.js';
import { serveTasks } from './thread-pool.js';
import type { AnalyzeTask, AnalyzeThreadData, BatchResult, SumResult } from './analyze-pool.js';

/**
 * A thread of `analyze --threads`: builds its own analyzer from the same model files, then
 * analyses the batches it is sent. They are all folded into one partial here (partials merge
 * by addition, DESIGN.md), sent once, when asked, so only analyses, rejects and counts cross
 * between threads per batch.
 */
const data = workerData as AnalyzeThreadData;
let sum: InsightPartial | null = null;

serveTasks(
  async () => (await loadAnalyzer(data.analyzer)).analyzer,
  (analyzer, task: AnalyzeTask): BatchResult | SumResult => {
    if (task.kind === 'sum') {
      const partial = sum;
      sum = null;
      return { partial };
    }
    const { analyses, rejects, partial, counts } = analyzeBatch(analyzer, task.batch, { keepAnalyses: data.keepAnalyses, ...(sum ? { into: sum } : {}) });
    sum = partial;
    return { analyses, rejects, counts };
  },
);
