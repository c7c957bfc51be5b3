import type { Job } from 'bullmq';
import type { Analyzer } from '../core/analyzer.js';
import type { AnalyzeBatch } from '../pipeline/types.js';
import type { Stage } from '../queue/stages.js';
import type { Store } from '../store/store.js';
import type { RoutingContext } from './routing-context.js';

/** What a job handler may use: passed in by the worker, never global. */
export interface WorkerContext {
  store: Store;
  /** The loaded analyzer; only workers running the analyze stage load one. */
  analyzer(): Analyzer;
  /** The analysis under a time budget (budget/budgeted-analysis.ts), where the worker runs one. */
  analyzeBatch?: AnalyzeBatch;
  /** Owners, subscriptions and the deliver queue; only workers running the route stage open them. */
  routing(): RoutingContext;
}

/** Handles the jobs of one stage. Throws InputError for bad input (never retried). */
export interface JobHandler<Data = unknown, Result = unknown> {
  stage: Stage;
  handle(job: Job<Data>, ctx: WorkerContext): Promise<Result>;
}
