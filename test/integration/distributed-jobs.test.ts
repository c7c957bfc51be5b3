import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Job, UnrecoverableError } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countsReconcile, emptyCounts } from '../../src/contracts/index.js';
import { InputError, TransientError } from '../../src/errors/index.js';
import { ingest } from '../../src/ingest/ingest.js';
import { batchKey } from '../../src/pipeline/batch-key.js';
import { batchesOf } from '../../src/pipeline/batches.js';
import type { Batch } from '../../src/contracts/index.js';
import { loadAnalyzer } from '../../src/load/analyzer.js';
import type { Analyzer } from '../../src/core/analyzer.js';
import { HANDLERS } from '../../src/distributed/handlers/index.js';
import { startWorkers, type RunningWorkers } from '../../src/distributed/start-workers.js';
import { submitRun } from '../../src/distributed/submit-run.js';
import { submissionFingerprint, type Submission } from '../../src/distributed/submission.js';
import { BATCH_JOB, RUN_JOB } from '../../src/queue/job-options.js';
import { addBatch, batchesInFlight, ensureRunFlow, jobIds } from '../../src/queue/run-flow.js';
import { openServices, type Services } from '../../src/services/open-services.js';
import { openRouting } from '../../src/services/open-routing.js';
import type { RoutingContext } from '../../src/distributed/routing-context.js';
import { themeInfoOf } from '../../src/core/themes/taxonomy.js';
import { bundledModels } from '../helpers/models.js';
import { serviceSettings } from '../../src/services/settings.js';
import type { Store } from '../../src/store/store.js';
import { dropQueues, waitFor } from '../helpers/cluster.js';
import { dropDatabase, services as urls, testNamespace } from '../helpers/services.js';

const ns = testNamespace(import.meta.filename);
const samples = join(import.meta.dirname, '..', '..', 'data', 'samples');
const submission = (batchSize: number): Submission => ({
  sources: [join(samples, 'survey.csv')],
  mapping: {},
  channel: 'other',
  createdAt: '2026-11-01T00:00:00.000Z',
  options: { bucket: 'week', by: [] },
  batchSize,
});

let services: Services;
let analyzer: Analyzer;
let routing: RoutingContext & { close(): Promise<void> };
const running: RunningWorkers[] = [];

/** In-process workers on this file's queues, with a store of the caller's choosing. */
const logged: string[] = [];
function workers(store: Store = services.store): RunningWorkers {
  const w = startWorkers(
    { redisUrl: urls().redisUrl, prefix: ns },
    { store, analyzer: () => analyzer, routing: () => routing },
    { stages: ['ingest', 'analyze', 'aggregate', 'route'], handlers: HANDLERS, concurrency: 2, lockMs: 30_000 },
    (line) => logged.push(line),
  );
  running.push(w);
  return w;
}

async function waitDone(runId: string): Promise<void> {
  await waitFor(
    async () => ['done', 'failed'].includes((await services.store.getRun(runId))?.status ?? ''),
    90_000,
    () => `run ${runId} did not finish`,
  );
}

/** Waits for the run's aggregate job to fail in Redis (the store says so a moment earlier). */
async function aggregateFailed(runId: string): Promise<void> {
  await waitFor(
    async () => (await (await Job.fromId(services.queues.queues.aggregate, jobIds.run(runId)))?.isFailed()) === true,
    90_000,
    () => `run ${runId}: its aggregate did not fail`,
  );
}

/** Stops this file's workers and starts others on `store`. */
async function restartWorkers(store?: Store): Promise<void> {
  await Promise.all(running.splice(0).map((w) => w.close()));
  workers(store);
}

/** A run's first batch, as submit cuts it. */
async function firstBatch(runId: string, s: Submission): Promise<Batch> {
  const items = ingest(s.sources, { mapping: s.mapping, channel: s.channel, createdAt: s.createdAt, runId });
  for await (const batch of batchesOf(items, s.batchSize)) return { runId, key: batchKey(runId, batch), options: s.options, items: batch };
  throw new Error('no rows');
}

beforeAll(async () => {
  services = await openServices(serviceSettings({ redis: urls().redisUrl, mongo: urls().mongoUrl, db: ns, prefix: ns, 'write-concern': '1' }));
  analyzer = (await loadAnalyzer()).analyzer;
  const { taxonomy, owners } = bundledModels();
  routing = await openRouting(
    serviceSettings({ redis: urls().redisUrl, mongo: urls().mongoUrl, db: ns, prefix: ns, 'write-concern': '1' }),
    themeInfoOf(taxonomy, owners.ownerOf),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all(running.map((w) => w.close()));
  await services.close();
  await routing?.close();
  await dropQueues(ns);
  await dropDatabase(ns);
});

describe('distributed jobs on BullMQ', () => {
  it('keeps at most --in-flight batches in Redis while no worker takes them', async () => {
    const submitting = submitRun(services, submission(100), { inFlight: 3 });
    const runId = await (async () => {
      await waitFor(
        async () => (await services.store.listRuns()).length > 0,
        30_000,
        () => 'no run created',
      );
      return (await services.store.listRuns())[0]!.id;
    })();
    await waitFor(
      async () => (await batchesInFlight(services.queues, runId)) === 3,
      30_000,
      () => 'the window did not fill',
    );
    await sleep(1_000);
    // The submitter is still waiting: 20 batches to go, 3 in Redis.
    expect(await batchesInFlight(services.queues, runId)).toBe(3);
    expect(await services.queues.queues.analyze.getWaitingCount()).toBe(3);
    workers();
    const result = await submitting;
    expect(result).toMatchObject({ rows: 2000, batches: 20, skipped: 0 });
    await waitDone(runId);
    const run = (await services.store.getRun(runId))!;
    expect(run.status).toBe('done');
    expect(run.counts.read).toBe(2000);
    expect(countsReconcile(run.counts)).toBe(true);
  });

  it('retries a transient store failure with backoff and counts the batch once', async () => {
    let failures = 0;
    const flaky: Store = {
      ...services.store,
      async putPartial(partial) {
        // The analyses are stored, then the partial write fails: the retry re-stores both.
        if (failures < 2) {
          failures++;
          throw new TransientError('store unavailable (injected)');
        }
        return services.store.putPartial(partial);
      },
    };
    await Promise.all(running.splice(0).map((w) => w.close()));
    workers(flaky);
    // A dataset of its own: the default one's runs are not sliced by channel.
    const { runId } = await submitRun(services, { ...submission(2000), options: { dataset: 'by-channel', bucket: 'week', by: ['channel'] } }, { inFlight: 4 });
    await waitDone(runId);
    const run = (await services.store.getRun(runId))!;
    expect(failures).toBe(2);
    expect(run.status).toBe('done');
    expect(run.counts).toMatchObject({ read: 2000 });
    expect(countsReconcile(run.counts)).toBe(true);
    expect((await services.store.partialProgress(runId)).batches).toBe(1);
    // The retry stored the analyses again under the same keys: each verbatim is stored once.
    const ids: string[] = [];
    for await (const a of services.store.analyses(runId)) ids.push(a.verbatimId);
    expect(ids.length).toBe(run.counts.analyzed);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never retries bad input: a malformed batch fails at once and fails its run', async () => {
    await Promise.all(running.splice(0).map((w) => w.close()));
    const runId = 'run-bad-batch';
    await services.store.createRun({
      id: runId,
      status: 'running',
      sources: [],
      options: { bucket: 'week', by: [] },
      counts: { read: 0, analyzed: 0, rejected: 0, duplicates: 0, unsupportedLanguage: 0, undated: 0 },
      startedAt: new Date().toISOString(),
      modelVersion: 'pending',
    });
    await ensureRunFlow(services.queues, runId);
    const bad = {
      runId,
      key: 'not-the-key-of-its-rows',
      options: { bucket: 'week', by: [] },
      items: [{ kind: 'reject', reject: { runId, source: 'x.csv', row: 1, reason: 'invalid', message: 'bad' } }],
    };
    await services.queues.queues.analyze.add('analyze', bad, {
      ...BATCH_JOB,
      jobId: jobIds.batch(runId, 'bad'),
      parent: { id: runId, queue: services.queues.queueKey('aggregate') },
    });
    workers();
    await waitDone(runId);
    // One attempt, and the job is gone: its payload is unredacted customer text.
    expect(logged.filter((l) => l.startsWith(`analyze job ${jobIds.batch(runId, 'bad')} `))).toEqual([
      expect.stringMatching(/failed \(attempt 1 of 8\): .*key does not match its rows/),
    ]);
    expect(await Job.fromId(services.queues.queues.analyze, jobIds.batch(runId, 'bad'))).toBeUndefined();
    const run = (await services.store.getRun(runId))!;
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/key does not match its rows/);
    expect(await (await Job.fromId(services.queues.queues.aggregate, runId))!.isFailed()).toBe(true);
  });

  it('retries a bug once, then fails its job with the stack and its run with the reason', async () => {
    let calls = 0;
    await restartWorkers({
      ...services.store,
      async replaceInsights() {
        calls++;
        throw new TypeError('insights is not iterable (injected bug)');
      },
    });
    const { runId } = await submitRun(services, submission(500), { inFlight: 4 });
    await aggregateFailed(runId);
    const job = (await Job.fromId(services.queues.queues.aggregate, jobIds.run(runId)))!;
    // Two attempts, not eight: a bug does not go away with backoff.
    expect(calls).toBe(2);
    expect(job.attemptsMade).toBe(2);
    expect(job.failedReason).toMatch(/^internal error \(a bug\): insights is not iterable/);
    expect((job.stacktrace ?? []).join('\n')).toMatch(/replaceInsights/);
    expect((await services.store.getRun(runId))!.error).toMatch(/aggregate job .*internal error \(a bug\)/);
    await restartWorkers();
  });

  it('treats a resubmission as a resume: a finished run enqueues nothing, other flags are refused', async () => {
    const { runId } = await submitRun(services, submission(1000), { inFlight: 4 });
    await waitDone(runId);
    expect(await submitRun(services, submission(1000), { inFlight: 4, runId })).toMatchObject({ alreadyDone: true, batches: 0 });
    await expect(submitRun(services, submission(500), { inFlight: 4, runId })).rejects.toThrow(/other files or flags/);
  });

  it('gives a run the model version of its batches when a resubmission finds them all stored', async () => {
    // The first aggregate fails for good after every batch is stored.
    await restartWorkers({
      ...services.store,
      async replaceInsights() {
        throw new UnrecoverableError('insights not written (injected)');
      },
    });
    const { runId } = await submitRun(services, submission(1000), { inFlight: 4 });
    await aggregateFailed(runId);
    expect(await services.store.getRun(runId)).toMatchObject({ status: 'failed', modelVersion: 'pending' });
    await restartWorkers();
    expect(await submitRun(services, submission(1000), { inFlight: 4, runId })).toMatchObject({ batches: 2, skipped: 2 });
    await waitDone(runId);
    expect(await services.store.getRun(runId)).toMatchObject({ status: 'done', modelVersion: analyzer.version, counts: { read: 2000 } });
  });

  it('fails a run at once when Redis holds no ingest result to check its batches against', async () => {
    const runId = 'run-without-ingest-result';
    await services.store.createRun({
      id: runId,
      status: 'running',
      sources: [],
      options: { bucket: 'week', by: [] },
      counts: emptyCounts(),
      startedAt: new Date().toISOString(),
      modelVersion: 'pending',
    });
    // An aggregate job whose ingest child left no result, as after a partial loss of Redis.
    await services.queues.queues.aggregate.add('aggregate', { runId }, { ...RUN_JOB, jobId: jobIds.run(runId) });
    await aggregateFailed(runId);
    expect((await Job.fromId(services.queues.queues.aggregate, jobIds.run(runId)))!.attemptsMade).toBe(1);
    const run = (await services.store.getRun(runId))!;
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/no result of its ingest job.*resubmit it/);
  });

  it('refuses to resubmit a failed run while one of its batches is still running, and resumes it after', async () => {
    const runId = 'run-busy-resubmit';
    const s = submission(1000);
    let taken!: () => void;
    const batchTaken = new Promise<void>((resolve) => (taken = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // The run's batches hold their partial write until released: the first one stays active.
    await restartWorkers({
      ...services.store,
      async putPartial(partial) {
        if (partial.runId === runId) {
          taken();
          await released;
        }
        return services.store.putPartial(partial);
      },
    });
    await services.store.createRun({
      id: runId,
      status: 'running',
      sources: s.sources,
      options: s.options,
      counts: emptyCounts(),
      startedAt: new Date().toISOString(),
      modelVersion: 'pending',
      submission: { batchSize: s.batchSize, fingerprint: await submissionFingerprint(s) },
    });
    await ensureRunFlow(services.queues, runId);
    const first = await firstBatch(runId, s);
    await addBatch(services.queues, first);
    await batchTaken;
    // A malformed sibling fails at once and fails the run while the first batch is still running.
    const bad = { runId, key: 'not-the-key-of-its-rows', options: s.options, items: first.items.slice(0, 1) };
    await services.queues.queues.analyze.add('analyze', bad, {
      ...BATCH_JOB,
      jobId: jobIds.batch(runId, 'bad'),
      parent: { id: jobIds.run(runId), queue: services.queues.queueKey('aggregate') },
    });
    await aggregateFailed(runId);

    const refused = await submitRun(services, s, { inFlight: 4, runId }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InputError);
    expect((refused as Error).message).toMatch(new RegExp(`^run ${runId} still has batches being processed; resubmit it when they finish`));
    expect(await services.store.getRun(runId)).toMatchObject({ status: 'failed', error: expect.stringMatching(/key does not match its rows/) });

    release();
    await waitFor(
      async () => (await Job.fromId(services.queues.queues.analyze, jobIds.batch(runId, first.key))) === undefined,
      30_000,
      () => 'the first batch did not finish',
    );
    expect(await submitRun(services, s, { inFlight: 4, runId })).toMatchObject({ batches: 2, skipped: 1 });
    await waitDone(runId);
    expect(await services.store.getRun(runId)).toMatchObject({ status: 'done', modelVersion: analyzer.version, counts: { read: 2000 } });
  });
});
