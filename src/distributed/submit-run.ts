import { emptyCounts } from '../contracts/index.js';
import { UsageError } from '../errors/index.js';
import { ingest } from '../ingest/ingest.js';
import { ingestOptions } from '../ingest/run-input.js';
import type { SourcePlan } from '../ingest/source-plan.js';
import { batchKey } from '../pipeline/batch-key.js';
import { batchesOf } from '../pipeline/batches.js';
import { newRunId } from '../runner/embedded.js';
import { addBatch, ensureRunFlow, FlowLostError, releaseIngest, reportIngest, type IngestTotals } from '../queue/run-flow.js';
import { runIdProblem } from '../queue/run-id.js';
import type { Services } from '../services/open-services.js';
import { checkDatasetOptions } from './dataset-options.js';
import { openInFlightWindow } from './in-flight-window.js';
import { submissionFingerprint, type Submission } from './submission.js';

export interface SubmitOptions {
  /** Resubmit (resume) this run instead of starting a new one. */
  runId?: string;
  /** Batches enqueued and not yet analysed, at most: what bounds Redis memory. */
  inFlight: number;
  onProgress?: (totals: IngestTotals) => void;
  log?: (line: string) => void;
  /** The sources' plans, when the caller looked at them before any work (else ingest does). */
  plans?: readonly SourcePlan[];
  /** Called once the run is stored (created, or marked running again), before its batches are read. */
  onStored?: () => void;
}

export interface SubmitResult extends IngestTotals {
  runId: string;
  /** Batches found already stored (a resubmission) and not enqueued again. */
  skipped: number;
  /** The run was already done: nothing was enqueued. */
  alreadyDone: boolean;
}

const MAX_REBUILDS = 20;

/**
 * Submits a batch run: ingest runs here, on the machine that has the files (read, map,
 * validate, dedupe), and each batch of ingest items becomes an analyze job under the run's
 * flow, at most `inFlight` at a time. Then the ingest job is released, and the aggregate
 * stage follows once every batch is done.
 *
 * Idempotent per run id: a batch whose partial is stored is complete and is not enqueued
 * again; one that is still queued keeps its job id. So a resubmission resumes a failed or
 * interrupted run, and when Redis loses the run's jobs (a restart without persistence) the
 * flow is rebuilt and only the batches not yet done are enqueued again.
 */
export async function submitRun(services: Services, submission: Submission, options: SubmitOptions): Promise<SubmitResult> {
  const { store, queues } = services;
  const runId = options.runId ?? newRunId();
  // Before anything is stored: BullMQ would refuse the id only once the run exists.
  const problem = runIdProblem(runId);
  if (problem) throw new UsageError(problem);
  const fingerprint = await submissionFingerprint(submission);
  const existing = await store.getRun(runId);
  if (existing) {
    const same = existing.submission?.fingerprint === fingerprint && existing.submission.batchSize === submission.batchSize;
    if (!same) throw new UsageError(`run ${runId} was submitted with other files or flags; resubmit it with the same ones, or submit a new run`);
    if (existing.status === 'done') return { runId, rows: existing.counts.read, batches: 0, skipped: 0, alreadyDone: true };
    // The flow first: a failed flow that cannot be replaced yet (a batch still running)
    // leaves the run as it was, failed with its reason.
    await ensureRunFlow(queues, runId);
    await store.updateRun(runId, { status: 'running', error: undefined });
  } else {
    checkDatasetOptions(submission.options, await store.listRuns());
    await store.createRun({
      id: runId,
      status: 'running',
      sources: submission.sources,
      options: submission.options,
      counts: emptyCounts(),
      startedAt: new Date().toISOString(),
      // Set by the aggregate stage from the stored partials (each names the models that made it).
      modelVersion: 'pending',
      submission: { batchSize: submission.batchSize, fingerprint },
    });
  }
  options.onStored?.();
  for (let rebuild = 0; ; rebuild++) {
    try {
      await ensureRunFlow(queues, runId);
      const done = await store.partialKeys(runId);
      const totals = await enqueueBatches(services, runId, submission, done, options);
      await releaseIngest(queues, runId, totals);
      return { runId, ...totals, skipped: totals.batches - totals.enqueued, alreadyDone: false };
    } catch (error) {
      if (!(error instanceof FlowLostError) || rebuild >= MAX_REBUILDS) throw error;
      options.log?.(`${error.message}; rebuilding it and enqueuing the batches not yet done`);
    }
  }
}

async function enqueueBatches(
  { queues }: Services,
  runId: string,
  s: Submission,
  done: ReadonlySet<string>,
  options: SubmitOptions,
): Promise<IngestTotals & { enqueued: number }> {
  let rows = 0;
  let batches = 0;
  let enqueued = 0;
  const window = await openInFlightWindow(queues, runId, options.inFlight);
  const source = ingest(s.sources, ingestOptions(s, runId, options.plans ? { plans: options.plans } : {}));
  for await (const items of batchesOf(source, s.batchSize)) {
    const key = batchKey(runId, items);
    batches++;
    rows += items.length;
    if (!done.has(key)) {
      await window.slot();
      await addBatch(queues, { runId, key, options: s.options, items });
      window.added();
      enqueued++;
    }
    options.onProgress?.({ rows, batches });
    if (batches % 20 === 0) await reportIngest(queues, runId, { rows, batches });
  }
  return { rows, batches, enqueued };
}
