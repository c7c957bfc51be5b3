import type { Analysis, Reject, RunCounts } from '../contracts/index.js';
import type { InsightPartial } from '../core/insights/partial-types.js';
import type { AnalyzerOptions } from '../load/analyzer.js';
import type { Batch } from '../contracts/index.js';
import { createThreadPool, type ThreadPool } from './thread-pool.js';

/** What each analyze thread is started with. */
export interface AnalyzeThreadData {
  analyzer: AnalyzerOptions;
  /** false: analyses are not sent back (nothing will read them). */
  keepAnalyses: boolean;
}

export type AnalyzeTask = { kind: 'batch'; batch: Batch } | { kind: 'sum' };
export interface BatchResult {
  analyses: Analysis[];
  rejects: Reject[];
  counts: RunCounts;
}
export interface SumResult {
  partial: InsightPartial | null;
}

export type AnalyzePool = ThreadPool<AnalyzeTask, BatchResult | SumResult>;

/**
 * Heap of each analyze thread. Like the main thread's 1 GB cap (src/cli/main.ts), it is
 * there so V8 collects early rather than growing a heap of dead objects: a thread holds one
 * analyzer and a couple of batches. Its young generation is the main thread's (64 MB
 * semi-spaces, three of them, see src/cli/main.ts), whatever flags node was started with.
 */
const THREAD_HEAP_MB = 512;
const THREAD_YOUNG_MB = 192;

// The thread's module sits beside this one: .ts under a TypeScript loader (tests, tsx), .js built.
const entry = new URL(`./analyze-thread${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

export function createAnalyzePool(size: number, data: AnalyzeThreadData): AnalyzePool {
  return createThreadPool({
    entry,
    size,
    workerData: data,
    resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB, maxYoungGenerationSizeMb: THREAD_YOUNG_MB },
  });
}
